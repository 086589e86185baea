/**
 * The worker side of `tree-pool.ts`: parses LightGBM and XGBoost files and answers
 * predictions, so that the main thread (which onnxruntime-node blocks while it opens a
 * session, and which hashes the bundle) is not also parsing megabytes of tree text.
 *
 * Parses arrive as soon as the healthcheck knows the files, and wait here: the largest first,
 * each taken only after winning its claim word (the main thread may have taken it meanwhile).
 * Predictions are answered as they come, between parses.
 *
 * The built action ships this file as `dist/healthcheck/tree-worker.js` beside the action's
 * bundle; without it the pool parses on the main thread. It imports only the evaluators, so
 * that the thread starts parsing as early as it can.
 */
import { parentPort } from 'node:worker_threads';
import { ModelgateError } from '../errors.js';
import { loadTreeModelSync, type TreeModel } from '../models/tree-model.js';
import type { TreeReply, TreeRequest } from './tree-pool.js';

/** Claim words (see tree-pool.ts): free, and taken by this thread. */
const CLAIM_FREE = 0;
const CLAIM_WORKER = 1;

type LoadRequest = Extract<TreeRequest, { op: 'load' }>;

const models = new Map<string, TreeModel>();
const queue: LoadRequest[] = [];
let draining = false;

function failure(id: number, error: unknown): TreeReply {
  if (error instanceof ModelgateError) {
    return {
      id,
      ok: false,
      error: {
        message: error.message,
        kind: error.kind,
        ...(error.file ? { file: error.file } : {}),
        ...(error.line ? { line: error.line } : {}),
      },
    };
  }
  return {
    id,
    ok: false,
    error: { message: error instanceof Error ? error.message : String(error), kind: 'runtime' },
  };
}

function load(request: LoadRequest): TreeReply {
  try {
    const model = loadTreeModelSync(request.file, request.kind, request.name);
    models.set(request.name, model);
    return { id: request.id, ok: true, info: model.info };
  } catch (error) {
    return failure(request.id, error);
  }
}

function predict(request: Extract<TreeRequest, { op: 'predict' }>): TreeReply {
  try {
    const model = models.get(request.name);
    if (!model) throw new Error(`${request.name}: not loaded in the tree worker`);
    return { id: request.id, ok: true, outputs: request.rows.map((row) => model.predict(row)) };
  } catch (error) {
    return failure(request.id, error);
  }
}

/** The largest queued parse, removed from the queue. */
function takeLargest(): LoadRequest | undefined {
  let best = -1;
  for (let i = 0; i < queue.length; i++) if (best < 0 || queue[i]!.size > queue[best]!.size) best = i;
  return best < 0 ? undefined : queue.splice(best, 1)[0];
}

/** Parses one job per turn of the event loop, so predictions queued meanwhile are answered between them. */
function drain(): void {
  if (draining) return;
  draining = true;
  setImmediate(() => {
    for (let job = takeLargest(); job; job = takeLargest()) {
      // Claimed by the main thread: it answers for the job itself.
      if (Atomics.compareExchange(job.claim, 0, CLAIM_FREE, CLAIM_WORKER) !== CLAIM_FREE) continue;
      parentPort?.postMessage(load(job));
      break;
    }
    draining = false;
    if (queue.length > 0) drain();
  });
}

parentPort?.on('message', (request: TreeRequest) => {
  if (request.op === 'predict') {
    parentPort?.postMessage(predict(request));
    return;
  }
  queue.push(request);
  drain();
});
