/**
 * Tree models (LightGBM text, XGBoost JSON) parsed on two threads. Parsing the seed's seven
 * tree files is the largest piece of JavaScript work in the healthcheck; onnxruntime-node
 * opens sessions synchronously on the main thread, and hashing runs there too. So the
 * parses queue up here: a worker thread takes them one by one, and the main thread takes
 * whatever is still queued once its own work is done (`parseQueuedHere`). Each model stays
 * on the thread that parsed it, and answers predictions there.
 *
 * The worker is `tree-worker.js` beside the running module (the built action ships it next
 * to `dist/healthcheck/index.js`), or `tree-worker.ts` through tsx in development. When it cannot start, or dies, every model is parsed on the main thread:
 * same results, only slower.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ModelgateError, type ErrorKind } from '../errors.js';
import { loadTreeModel, type TreeModelInfo, type TreeModelKind } from '../models/tree-model.js';

export type TreeRow = readonly (number | null)[];

/** A parsed tree model, wherever it lives. */
export interface TreeHandle {
  readonly info: TreeModelInfo;
  /** Where it was parsed: `worker` or `main`. */
  readonly thread: 'worker' | 'main';
  /** The framework's default predict for each row (see TreeModel.predict). */
  predict(rows: readonly TreeRow[]): Promise<number[][]>;
}

export type TreeRequest =
  | { id: number; op: 'load'; file: string; kind: TreeModelKind; name: string }
  | { id: number; op: 'predict'; name: string; rows: readonly TreeRow[] };

export type TreeReply =
  | { id: 0; op: 'ready' }
  | { id: number; ok: true; info?: TreeModelInfo; outputs?: number[][] }
  | { id: number; ok: false; error: { message: string; kind: ErrorKind; file?: string; line?: number } };

/** Omit distributed over the union, so each request keeps its own fields. */
type Unsent<T> = T extends unknown ? Omit<T, 'id'> : never;

interface Job {
  file: string;
  kind: TreeModelKind;
  name: string;
  resolve: (handle: TreeHandle) => void;
  reject: (error: unknown) => void;
}

type Answer = Extract<TreeReply, { ok: true }>;
type Waiting = { resolve: (reply: Answer) => void; reject: (error: Error) => void };

/**
 * How to start the worker: the built script beside this module, or, when this module is
 * itself TypeScript (development and tests, under tsx), the TypeScript source through tsx's
 * loader, which Node does not carry into worker threads by itself.
 */
function workerSource(): { script: URL } | { code: string } | undefined {
  const built = new URL('./tree-worker.js', import.meta.url);
  if (built.protocol === 'file:' && existsSync(fileURLToPath(built))) return { script: built };
  if (!import.meta.url.endsWith('.ts')) return undefined;
  const source = new URL('./tree-worker.ts', import.meta.url);
  let loader: string;
  try {
    // Spelt at run time so that bundlers do not pull the development loader into the action.
    loader = import.meta.resolve(['tsx', 'esm', 'api'].join('/'));
  } catch {
    return undefined;
  }
  return {
    code: `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); })`,
  };
}

class WorkerDied extends Error {}

export class TreePool {
  private worker: Worker | undefined;
  private readonly queue: Job[] = [];
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;

  constructor(useWorker = true) {
    const source = useWorker ? workerSource() : undefined;
    if (!source) return;
    try {
      // A larger young generation: parsing allocates many short strings, and scavenges were a tenth of the parse.
      const resourceLimits = { maxYoungGenerationSizeMb: 64 };
      const worker =
        'script' in source
          ? new Worker(source.script, { resourceLimits })
          : new Worker(source.code, { eval: true, resourceLimits });
      // A pool that is never closed must not keep the process alive.
      worker.unref();
      worker.on('message', (reply: TreeReply) => this.onReply(reply));
      worker.on('error', (error) => this.abandon(error));
      worker.on('exit', (code) => this.abandon(new Error(`the tree worker exited with code ${code}`)));
      this.worker = worker;
    } catch {
      this.worker = undefined;
    }
  }

  /** Whether a worker thread shares the parsing. */
  get threaded(): boolean {
    return this.worker !== undefined;
  }

  /** Queues `file` for parsing; `name` is how messages name it (its path in the bundle). */
  load(file: string, kind: TreeModelKind, name: string): Promise<TreeHandle> {
    if (!this.worker) return this.parseHere(file, kind, name);
    return new Promise((resolve, reject) => {
      this.queue.push({ file, kind, name, resolve, reject });
    });
  }

  /** Parses what the worker has not started, on this thread; resolves when the queue is empty. */
  async parseQueuedHere(): Promise<void> {
    for (let job = this.queue.pop(); job; job = this.queue.pop()) await this.runHere(job);
  }

  private async runHere(job: Job): Promise<void> {
    try {
      job.resolve(await this.parseHere(job.file, job.kind, job.name));
    } catch (error) {
      job.reject(error);
    }
  }

  private async parseHere(file: string, kind: TreeModelKind, name: string): Promise<TreeHandle> {
    const model = await loadTreeModel(file, kind, name);
    return {
      info: model.info,
      thread: 'main',
      predict: async (rows) => rows.map((row) => model.predict(row)),
    };
  }

  private onReply(reply: TreeReply): void {
    if ('op' in reply) {
      this.next();
      return;
    }
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

  /** Hands the worker the next queued parse (it asks again when done). */
  private next(): void {
    const job = this.queue.shift();
    if (!job) return;
    this.request({ op: 'load', file: job.file, kind: job.kind, name: job.name }).then(
      (reply) => {
        job.resolve({
          info: reply.info!,
          thread: 'worker',
          predict: async (rows) => {
            try {
              return (await this.request({ op: 'predict', name: job.name, rows })).outputs!;
            } catch (error) {
              if (!(error instanceof WorkerDied)) throw error;
              return (await this.parseHere(job.file, job.kind, job.name)).predict(rows);
            }
          },
        });
        this.next();
      },
      (error: unknown) => {
        // A dead worker is not the file's fault: parse it here instead.
        if (error instanceof WorkerDied) void this.runHere(job);
        else {
          job.reject(error);
          this.next();
        }
      },
    );
  }

  private request(message: Unsent<TreeRequest>): Promise<Answer> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new WorkerDied('the tree worker is gone'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    });
  }

  private abandon(error: Error): void {
    if (!this.worker) return;
    this.worker = undefined;
    const died = new WorkerDied(error.message);
    for (const w of this.waiting.values()) w.reject(died);
    this.waiting.clear();
    // Queued parses were never sent: run them here, in order.
    const queued = this.queue.splice(0);
    void (async () => {
      for (const job of queued) await this.runHere(job);
    })();
  }

  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    this.queue
      .splice(0)
      .forEach((job) =>
        job.reject(new Error(`${job.name}: the healthcheck ended before the model was parsed`)),
      );
    await worker.terminate();
  }
}
