/**
 * Tree models (LightGBM text, XGBoost JSON) parsed on two threads. Parsing the seed's seven
 * tree files is the largest piece of JavaScript work in the healthcheck; onnxruntime-node
 * opens sessions synchronously on the main thread. So every parse goes to a worker thread as
 * soon as it is asked for (the worker takes the largest first), and the main thread takes
 * whatever the worker has not started once its own work is done (`parseQueuedHere`, smallest
 * first). Each model stays on the thread that parsed it, and answers predictions there.
 *
 * A pool started before the config is read (`head-start.ts`) also surveys the bundle on its
 * worker: it lists and hashes every file, then parses the files whose first bytes are a tree
 * model's, while the main thread is still loading its modules. A later `load` of such a file
 * is answered from that parse.
 *
 * The worker is the built `dist/chunks/tree-worker.cjs` (see worker-start.ts), or
 * `tree-worker.ts` through tsx in development. When it
 * cannot start, or dies, every model is parsed on the main thread: same results, only slower.
 */
import type { Worker } from 'node:worker_threads';
import { ModelgateError, type ErrorKind } from '../errors.js';
import type { TreeModelInfo, TreeModelKind } from '../models/tree-model.js';
import { startTreeWorker } from './worker-start.js';

export type TreeRow = readonly (number | null)[];

/** A parsed tree model, wherever it lives. */
export interface TreeHandle {
  readonly info: TreeModelInfo;
  /** Where it was parsed: `worker` or `main`. */
  readonly thread: 'worker' | 'main';
  /** The framework's default predict for each row (see TreeModel.predict). */
  predict(rows: readonly TreeRow[]): Promise<number[][]>;
}

/**
 * A parse is handed to the worker as soon as it is asked for, with a claim word in shared
 * memory that both threads compare-and-swap before parsing: 0 free, 1 taken by the worker
 * (tree-worker.ts), 2 taken by this thread. So the worker never waits on this thread (which
 * onnxruntime blocks for tens of milliseconds at a time) for its next job, and this thread
 * can still take the jobs the worker has not reached.
 */
const CLAIM_FREE = 0;
const CLAIM_MAIN = 2;

/**
 * This thread parses cold (its JIT has not run the parsers yet): a file takes it several times
 * what the warm worker takes for the same bytes (on the seed bundle, about 50 ms per MB against
 * 8), and its parse competes with the worker for the second core. So it takes the smallest job
 * nobody has started only while the other such jobs add up to COLD_FACTOR times its size (the
 * worker would still be busy with them when this thread is done), and together to at least
 * STEAL_MIN_BYTES; a file of unknown size counts as half that. Taking a 1.4 MB file while 3 MB
 * were left cost the seed's healthcheck 35 ms of wall time and 70 ms of CPU (paired medians).
 */
const COLD_FACTOR = 6;
const STEAL_MIN_BYTES = 4 * 1024 * 1024;
const UNKNOWN_SIZE = STEAL_MIN_BYTES / 2;

export type TreeRequest =
  | {
      id: number;
      op: 'load';
      file: string;
      kind: TreeModelKind;
      name: string;
      /** File size in bytes: the worker parses the largest first, this thread steals the smallest. */
      size: number;
      /** One Int32 on a SharedArrayBuffer: the claim word. */
      claim: Int32Array;
    }
  | { id: number; op: 'predict'; name: string; rows: readonly TreeRow[] }
  /** List and hash every file under `root`, then parse the files that look like tree models. */
  | { id: number; op: 'survey'; root: string };

export type TreeReply =
  | { id: number; ok: true; info?: TreeModelInfo; outputs?: number[][] }
  | { id: number; ok: false; error: { message: string; kind: ErrorKind; file?: string; line?: number } };

/** What a survey reports, as it goes: the listing, each file's hash, then that it is done. */
export type SurveyNote =
  | { survey: 'listed'; files: { path: string; size: number }[] }
  /** `head`: the file's first bytes (at most 64), which the config check sniffs. */
  | { survey: 'hashed'; path: string; sha256: string; head: Uint8Array }
  | { survey: 'failed'; path?: string; message: string }
  /** Every listed file has been answered (hashed or failed). */
  | { survey: 'done' };

/** Omit distributed over the union, so each request keeps its own fields. */
type Unsent<T> = T extends unknown ? Omit<T, 'id'> : never;

interface Job {
  id: number;
  file: string;
  kind: TreeModelKind;
  name: string;
  size: number;
  claim: Int32Array;
  /** Set once the job's promise is settled, by either thread. */
  settled: boolean;
  resolve: (handle: TreeHandle) => void;
  reject: (error: unknown) => void;
}

/** A job's size as parseQueuedHere weighs it. */
function jobBytes(job: Job): number {
  return job.size > 0 ? job.size : UNKNOWN_SIZE;
}

type Answer = Extract<TreeReply, { ok: true }>;
type Waiting = { resolve: (reply: Answer) => void; reject: (error: Error) => void };

class WorkerDied extends Error {}

export class TreePool {
  private worker: Worker | undefined;
  /** Parses asked for and not yet settled, in the order asked. */
  private readonly jobs = new Map<number, Job>();
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  /** Receives the survey's notes (see `survey`). */
  private onSurvey: ((note: SurveyNote) => void) | undefined;
  private onGone: ((error: Error) => void) | undefined;
  private surveying = false;

  /** `started`: a worker `startTreeWorker` started earlier, which this pool adopts. */
  constructor(useWorker = true, started?: Worker) {
    const worker = started ?? (useWorker ? startTreeWorker() : undefined);
    if (!worker) return;
    try {
      worker.on('message', (reply: TreeReply | SurveyNote) => {
        if ('survey' in reply) this.onNote(reply);
        else this.onReply(reply);
        this.keepAlive();
      });
      worker.on('error', (error) => this.abandon(error));
      worker.on('exit', (code) => this.abandon(new Error(`the tree worker exited with code ${code}`)));
      this.worker = worker;
      // After the listeners: adding a 'message' listener refs the worker again.
      this.keepAlive();
    } catch {
      this.worker = undefined;
    }
  }

  /** Whether a worker thread shares the parsing. */
  get threaded(): boolean {
    return this.worker !== undefined;
  }

  /**
   * Has the worker list and hash every file under `root`, then parse those that look like
   * tree models, in the background; notes arrive at `onNote`, and `onGone` is called if the
   * worker dies or the pool closes first. False when there is no worker to do it.
   */
  survey(root: string, onNote: (note: SurveyNote) => void, onGone: (error: Error) => void): boolean {
    if (!this.worker) return false;
    this.onSurvey = onNote;
    this.onGone = onGone;
    this.surveying = true;
    this.keepAlive();
    this.worker.postMessage({ id: this.nextId++, op: 'survey', root } satisfies TreeRequest);
    return true;
  }

  /**
   * Starts parsing `file`; `name` is how messages name it (its path in the bundle), `size` its
   * size in bytes when known (it orders the work: largest first on the worker).
   */
  load(file: string, kind: TreeModelKind, name: string, size = 0): Promise<TreeHandle> {
    if (!this.worker) return this.parseHere(file, kind, name);
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const claim = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
      const job: Job = { id, file, kind, name, size, claim, settled: false, resolve, reject };
      this.jobs.set(id, job);
      this.keepAlive();
      this.request({ op: 'load', file, kind, name, size, claim }, id).then(
        (reply) => this.settle(job, () => job.resolve(this.workerHandle(job, reply.info!))),
        (error: unknown) => {
          // A dead worker is not the file's fault: `abandon` parses it here instead.
          if (!(error instanceof WorkerDied)) this.settle(job, () => job.reject(error));
        },
      );
    });
  }

  /**
   * Parses, on this thread, jobs the worker has not started (smallest first: the worker takes
   * the largest), while enough is left to be worth it; resolves when the rest is better left
   * to the worker.
   */
  async parseQueuedHere(): Promise<void> {
    for (;;) {
      const free = [...this.jobs.values()].filter((job) => Atomics.load(job.claim, 0) === CLAIM_FREE);
      const bytes = free.reduce((sum, job) => sum + jobBytes(job), 0);
      if (free.length === 0 || bytes < STEAL_MIN_BYTES) return;
      const job = free.reduce((a, b) => (jobBytes(b) < jobBytes(a) ? b : a));
      if (bytes - jobBytes(job) < COLD_FACTOR * jobBytes(job)) return;
      if (Atomics.compareExchange(job.claim, 0, CLAIM_FREE, CLAIM_MAIN) !== CLAIM_FREE) continue;
      // The worker skips a job claimed here and answers nothing for it.
      this.waiting.delete(job.id);
      this.keepAlive();
      await this.runHere(job);
    }
  }

  private settle(job: Job, action: () => void): void {
    if (job.settled) return;
    job.settled = true;
    this.jobs.delete(job.id);
    this.keepAlive();
    action();
  }

  private async runHere(job: Job): Promise<void> {
    try {
      const handle = await this.parseHere(job.file, job.kind, job.name);
      this.settle(job, () => job.resolve(handle));
    } catch (error) {
      this.settle(job, () => job.reject(error));
    }
  }

  private async parseHere(file: string, kind: TreeModelKind, name: string): Promise<TreeHandle> {
    // Loaded on first use: the front ends load this module before their config, to start the worker early.
    const { loadTreeModel } = await import('../models/tree-model.js');
    const model = await loadTreeModel(file, kind, name);
    return {
      info: model.info,
      thread: 'main',
      predict: async (rows) => rows.map((row) => model.predict(row)),
    };
  }

  private workerHandle(job: Job, info: TreeModelInfo): TreeHandle {
    return {
      info,
      thread: 'worker',
      predict: async (rows) => {
        try {
          return (await this.request({ op: 'predict', name: job.name, rows })).outputs!;
        } catch (error) {
          if (!(error instanceof WorkerDied)) throw error;
          return (await this.parseHere(job.file, job.kind, job.name)).predict(rows);
        }
      },
    };
  }

  private onReply(reply: TreeReply): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if (reply.ok) waiting.resolve(reply);
    else {
      const { message, kind, file, line } = reply.error;
      waiting.reject(
        new ModelgateError(message, kind, {
          ...(file ? { file } : {}),
          ...(line ? { line } : {}),
        }),
      );
    }
  }

  private request(message: Unsent<TreeRequest>, id = this.nextId++): Promise<Answer> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new WorkerDied('the tree worker is gone'));
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.keepAlive();
      worker.postMessage({ ...message, id });
    });
  }

  private abandon(error: Error): void {
    if (!this.worker) return;
    this.worker = undefined;
    this.surveyGone(error);
    const died = new WorkerDied(error.message);
    for (const w of this.waiting.values()) w.reject(died);
    this.waiting.clear();
    // Parses not answered by the worker (started there or not) are run here, in order, except
    // those this thread is already running.
    const left = [...this.jobs.values()].filter((job) => {
      const before = Atomics.compareExchange(job.claim, 0, CLAIM_FREE, CLAIM_MAIN);
      return before !== CLAIM_MAIN;
    });
    void (async () => {
      for (const job of left) await this.runHere(job);
    })();
  }

  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    this.surveyGone(new Error('the healthcheck ended before the survey did'));
    for (const job of [...this.jobs.values()]) {
      this.settle(job, () =>
        job.reject(new Error(`${job.name}: the healthcheck ended before the model was parsed`)),
      );
    }
    await worker.terminate();
  }

  private onNote(note: SurveyNote): void {
    if (note.survey === 'done' || (note.survey === 'failed' && !note.path)) this.surveying = false;
    this.onSurvey?.(note);
  }

  /**
   * The worker keeps the process alive only while something waits on it: a pool nobody closes
   * (a front end that started one early, then stopped at a bad input) must not hold the process
   * open, and one with work in flight must not let it exit, since the main thread may have
   * nothing else pending meanwhile.
   */
  private keepAlive(): void {
    const worker = this.worker;
    if (!worker) return;
    if (this.surveying || this.jobs.size > 0 || this.waiting.size > 0) worker.ref();
    else worker.unref();
  }

  private surveyGone(error: Error): void {
    this.surveying = false;
    const gone = this.onGone;
    this.onSurvey = undefined;
    this.onGone = undefined;
    gone?.(error);
  }
}
