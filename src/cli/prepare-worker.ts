/** A worker thread of the build: prepares chunks of files, claimed from the shared counter, and posts them back. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadGazetteer } from '../build/gazetteer.js';
import { resolveDocument } from '../build/resolve.js';
import { prepareFiles, takeChunks, type PrepareWork } from './prepare-files.js';

const work = workerData as PrepareWork;
const gazetteer = loadGazetteer();
parentPort!.postMessage(takeChunks(work, (paths) => prepareFiles(paths, work.cwd, (qs, ctx) => resolveDocument(gazetteer, qs, ctx))));
