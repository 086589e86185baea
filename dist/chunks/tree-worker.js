import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  loadTreeModelSync
} from "./chunk-O56APJVH.js";
import {
  treeKindOf
} from "./chunk-B5YXJCLY.js";
import {
  hashBundleFile,
  listBundle
} from "./chunk-F3OCSRXB.js";
import "./chunk-7MJOQLOW.js";
import "./chunk-OVS6HWYE.js";
import {
  ModelgateError,
  errorMessage
} from "./chunk-UAYJCUJE.js";
import "./chunk-3GRPW3HZ.js";

// src/core/health/tree-worker.ts
import { parentPort } from "node:worker_threads";
var CLAIM_FREE = 0;
var CLAIM_WORKER = 1;
var models = /* @__PURE__ */ new Map();
var queue = [];
var guesses = /* @__PURE__ */ new Map();
var asked = /* @__PURE__ */ new Set();
var draining = false;
var hashing = false;
function failure(id, error) {
  if (error instanceof ModelgateError) {
    return {
      id,
      ok: false,
      error: {
        message: error.message,
        kind: error.kind,
        ...error.file ? { file: error.file } : {},
        ...error.line ? { line: error.line } : {}
      }
    };
  }
  return {
    id,
    ok: false,
    error: { message: error instanceof Error ? error.message : String(error), kind: "runtime" }
  };
}
function load(request) {
  try {
    const model = loadTreeModelSync(request.file, request.kind, request.name);
    models.set(request.name, model);
    return { id: request.id, ok: true, info: model.info };
  } catch (error) {
    return failure(request.id, error);
  }
}
function post(message) {
  parentPort?.postMessage(message);
}
async function survey(root) {
  let listing;
  try {
    listing = await listBundle(root);
  } catch (error) {
    post({ survey: "failed", message: errorMessage(error) });
    return;
  }
  post({ survey: "listed", files: listing.files.map((f) => ({ path: f.path, size: f.size })) });
  hashing = true;
  try {
    for (const file of listing.files) {
      try {
        const { sha256, head } = await hashBundleFile(file, "blocking");
        post({ survey: "hashed", path: file.path, sha256, head });
        const kind = treeKindOf(head);
        if (kind && !asked.has(file.path)) guess(file, kind);
      } catch (error) {
        post({ survey: "failed", path: file.path, message: errorMessage(error) });
      }
    }
  } finally {
    hashing = false;
    post({ survey: "done" });
    drain();
  }
}
function guess(file, kind) {
  const g = { kind, waiters: [] };
  guesses.set(file.path, g);
  const claim = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  queue.push({
    request: { id: 0, op: "load", file: file.absolute, kind, name: file.path, size: file.size, claim },
    guess: g
  });
}
function answerFromGuess(request) {
  const guess2 = guesses.get(request.name);
  if (!guess2 || guess2.kind !== request.kind) return false;
  const queued = queue.findIndex((job) => job.guess === guess2);
  if (queued >= 0) {
    queue.splice(queued, 1);
    guesses.delete(request.name);
    return false;
  }
  if (Atomics.compareExchange(request.claim, 0, CLAIM_FREE, CLAIM_WORKER) !== CLAIM_FREE) return true;
  if (guess2.outcome) post({ ...guess2.outcome, id: request.id });
  else guess2.waiters.push(request.id);
  return true;
}
function settleGuess(guess2, reply) {
  const { id: _id, ...outcome } = reply;
  guess2.outcome = outcome;
  for (const id of guess2.waiters) post({ ...outcome, id });
  guess2.waiters = [];
}
function predict(request) {
  try {
    const model = models.get(request.name);
    if (!model) throw new Error(`${request.name}: not loaded in the tree worker`);
    return { id: request.id, ok: true, outputs: request.rows.map((row) => model.predict(row)) };
  } catch (error) {
    return failure(request.id, error);
  }
}
function takeLargest() {
  let best = -1;
  for (let i = 0; i < queue.length; i++)
    if (best < 0 || queue[i].request.size > queue[best].request.size) best = i;
  return best < 0 ? void 0 : queue.splice(best, 1)[0];
}
function drain() {
  if (draining || hashing) return;
  draining = true;
  setImmediate(() => {
    for (let job = takeLargest(); job; job = takeLargest()) {
      const { request, guess: guess2 } = job;
      if (Atomics.compareExchange(request.claim, 0, CLAIM_FREE, CLAIM_WORKER) !== CLAIM_FREE) continue;
      const reply = load(request);
      if (guess2) settleGuess(guess2, reply);
      else post(reply);
      break;
    }
    draining = false;
    if (queue.length > 0) drain();
  });
}
parentPort?.on("message", (request) => {
  switch (request.op) {
    case "predict":
      post(predict(request));
      return;
    case "survey":
      void survey(request.root);
      return;
    case "load":
      if (answerFromGuess(request)) return;
      asked.add(request.name);
      queue.push({ request });
      drain();
  }
});
