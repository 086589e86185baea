/**
 * The worker side of `tree-pool.ts`: parses LightGBM and XGBoost files and answers
 * predictions, so that the main thread (which onnxruntime-node blocks while it opens a
 * session, and which hashes the bundle) is not also parsing megabytes of tree text.
 *
 * The built action ships this file as `dist/healthcheck/tree-worker.js` beside the action's
 * bundle; without it the pool parses on the main thread.
 */
import { parentPort } from 'node:worker_threads';
import { ModelgateError } from '../errors.js';
import { loadTreeModel, type TreeModel } from '../models/tree-model.js';
import type { TreeReply, TreeRequest } from './tree-pool.js';

const models = new Map<string, TreeModel>();

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

async function answer(request: TreeRequest): Promise<TreeReply> {
  try {
    if (request.op === 'load') {
      const model = await loadTreeModel(request.file, request.kind, request.name);
      models.set(request.name, model);
      return { id: request.id, ok: true, info: model.info };
    }
    const model = models.get(request.name);
    if (!model) throw new Error(`${request.name}: not loaded in the tree worker`);
    return { id: request.id, ok: true, outputs: request.rows.map((row) => model.predict(row)) };
  } catch (error) {
    return failure(request.id, error);
  }
}

parentPort?.on('message', (request: TreeRequest) => {
  void answer(request).then((reply) => parentPort?.postMessage(reply));
});
// The pool hands out parses only to a worker that has started: until then the main thread may take them.
parentPort?.postMessage({ id: 0, op: 'ready' } satisfies TreeReply);
