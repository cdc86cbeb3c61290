/**
 * A worker thread of `npm run suggest -- --out-dir`: loads the index and the tagger, says so, then claims
 * articles from the shared counter and posts each one's draft parts (or its error) back; then `null`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type BatchWork, draftItem } from './suggest-batch.js';
import { draftContext } from './suggest-draft.js';

const work = workerData as BatchWork;
const ctx = draftContext(work.overrides.tagger);
const known = new Set(work.known);
parentPort!.postMessage('ready');
for (let i = Atomics.add(work.next, 0, 1); i < work.items.length; i = Atomics.add(work.next, 0, 1))
  parentPort!.postMessage(draftItem(work.items[i], i, work.overrides, ctx, known));
parentPort!.postMessage(null);
