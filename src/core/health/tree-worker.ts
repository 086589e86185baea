/**
 * The worker side of `tree-pool.ts`: parses LightGBM and XGBoost files and answers
 * predictions, so that the main thread (which onnxruntime-node blocks while it opens a
 * session) is not also parsing megabytes of tree text.
 *
 * Parses arrive as soon as the healthcheck knows the files, and wait here: the largest first,
 * each taken only after winning its claim word (the main thread may have taken it meanwhile).
 * Predictions are answered as they come, between parses.
 *
 * A survey (`head-start.ts`) arrives before the healthcheck knows anything but the folder: the
 * files are listed and hashed, and those whose first bytes are a tree model's are queued as
 * guesses. A later parse of the same file as the same kind is answered from the guess once the
 * guess has begun; one still queued gives way to the request, which the main thread may take.
 *
 * The build writes this file as `dist/chunks/tree-worker.cjs`, a bundle of its own; without it
 * the pool parses on the main thread. It imports only the evaluators, so that the thread starts
 * parsing as early as it can.
 */
import { parentPort } from 'node:worker_threads';
import { hashBundleFile, listBundle, type BundleFile } from '../bundle/files.js';
import { errorMessage, ModelgateError } from '../errors.js';
import { loadTreeModelSync, type TreeModel, type TreeModelKind } from '../models/tree-model.js';
import { treeKindOf } from './kinds.js';
import type { SurveyNote, TreeReply, TreeRequest } from './tree-pool.js';

/** Claim words (see tree-pool.ts): free, and taken by this thread. */
const CLAIM_FREE = 0;
const CLAIM_WORKER = 1;

type LoadRequest = Extract<TreeRequest, { op: 'load' }>;
type Outcome = TreeReply extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/** A parse the survey queued before anyone asked: who asked since, and the outcome once known. */
interface Guess {
  kind: TreeModelKind;
  waiters: number[];
  outcome?: Outcome;
}

const models = new Map<string, TreeModel>();
/** Queued parses; a guess's has no asker yet (its id is answered through the guess). */
const queue: { request: LoadRequest; guess?: Guess }[] = [];
const guesses = new Map<string, Guess>();
/** Files asked for by name: the survey does not guess at them again. */
const asked = new Set<string>();
let draining = false;
/**
 * While the survey hashes, parses wait: the main thread needs every hash at integrity, right
 * after config, and the models only after onnxruntime has opened its sessions.
 */
let hashing = false;

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

function post(message: TreeReply | SurveyNote): void {
  parentPort?.postMessage(message);
}

/** Lists and hashes the bundle, reporting as it goes, then queues the tree-looking files. */
async function survey(root: string): Promise<void> {
  let listing;
  try {
    listing = await listBundle(root);
  } catch (error) {
    post({ survey: 'failed', message: errorMessage(error) });
    return;
  }
  post({ survey: 'listed', files: listing.files.map((f) => ({ path: f.path, size: f.size })) });
  hashing = true;
  try {
    for (const file of listing.files) {
      try {
        const { sha256, head } = await hashBundleFile(file, 'blocking');
        post({ survey: 'hashed', path: file.path, sha256, head });
        const kind = treeKindOf(head);
        if (kind && !asked.has(file.path)) guess(file, kind);
      } catch (error) {
        post({ survey: 'failed', path: file.path, message: errorMessage(error) });
      }
    }
  } finally {
    hashing = false;
    post({ survey: 'done' });
    drain();
  }
}

function guess(file: BundleFile, kind: TreeModelKind): void {
  const g: Guess = { kind, waiters: [] };
  guesses.set(file.path, g);
  const claim = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  queue.push({
    request: { id: 0, op: 'load', file: file.absolute, kind, name: file.path, size: file.size, claim },
    guess: g,
  });
}

/**
 * Answers a parse the survey guessed at; false when there is no such guess, or when the guess
 * has not begun: it is then dropped for the request, whose claim word lets the main thread
 * take it over should it finish its own work first (tree-pool.ts, `parseQueuedHere`).
 */
function answerFromGuess(request: LoadRequest): boolean {
  const guess = guesses.get(request.name);
  if (!guess || guess.kind !== request.kind) return false;
  const queued = queue.findIndex((job) => job.guess === guess);
  if (queued >= 0) {
    queue.splice(queued, 1);
    guesses.delete(request.name);
    return false;
  }
  // The main thread may not take it over: this thread is parsing it, or has.
  if (Atomics.compareExchange(request.claim, 0, CLAIM_FREE, CLAIM_WORKER) !== CLAIM_FREE) return true;
  if (guess.outcome) post({ ...guess.outcome, id: request.id } as TreeReply);
  else guess.waiters.push(request.id);
  return true;
}

function settleGuess(guess: Guess, reply: TreeReply): void {
  const { id: _id, ...outcome } = reply;
  guess.outcome = outcome;
  for (const id of guess.waiters) post({ ...outcome, id } as TreeReply);
  guess.waiters = [];
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
function takeLargest(): (typeof queue)[number] | undefined {
  let best = -1;
  for (let i = 0; i < queue.length; i++)
    if (best < 0 || queue[i]!.request.size > queue[best]!.request.size) best = i;
  return best < 0 ? undefined : queue.splice(best, 1)[0];
}

/** Parses one job per turn of the event loop, so predictions queued meanwhile are answered between them. */
function drain(): void {
  if (draining || hashing) return;
  draining = true;
  setImmediate(() => {
    for (let job = takeLargest(); job; job = takeLargest()) {
      const { request, guess } = job;
      // Claimed by the main thread: it answers for the job itself.
      if (Atomics.compareExchange(request.claim, 0, CLAIM_FREE, CLAIM_WORKER) !== CLAIM_FREE) continue;
      const reply = load(request);
      if (guess) settleGuess(guess, reply);
      else post(reply);
      break;
    }
    draining = false;
    if (queue.length > 0) drain();
  });
}

parentPort?.on('message', (request: TreeRequest) => {
  switch (request.op) {
    case 'predict':
      post(predict(request));
      return;
    case 'survey':
      void survey(request.root);
      return;
    case 'load':
      if (answerFromGuess(request)) return;
      asked.add(request.name);
      queue.push({ request });
      drain();
  }
});
