/** A worker thread of the build: prepares the files it is handed and posts them back. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadGazetteer } from '../build/gazetteer.js';
import { resolveDocument } from '../build/resolve.js';
import { prepareFiles } from './prepare-files.js';

const { paths, cwd } = workerData as { paths: string[]; cwd: string };
const gazetteer = loadGazetteer();
parentPort!.postMessage(prepareFiles(paths, cwd, (qs, ctx) => resolveDocument(gazetteer, qs, ctx)));
