import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  startTreeWorker
} from "./chunk-4J2XETWS.js";
import {
  ModelgateError
} from "./chunk-UAYJCUJE.js";

// src/core/health/head-start.ts
import { statSync } from "node:fs";
import path from "node:path";

// src/core/health/tree-pool.ts
var CLAIM_FREE = 0;
var CLAIM_MAIN = 2;
var COLD_FACTOR = 6;
var STEAL_MIN_BYTES = 4 * 1024 * 1024;
var UNKNOWN_SIZE = STEAL_MIN_BYTES / 2;
function jobBytes(job) {
  return job.size > 0 ? job.size : UNKNOWN_SIZE;
}
var WorkerDied = class extends Error {
};
var TreePool = class {
  worker;
  /** Parses asked for and not yet settled, in the order asked. */
  jobs = /* @__PURE__ */ new Map();
  waiting = /* @__PURE__ */ new Map();
  nextId = 1;
  /** Receives the survey's notes (see `survey`). */
  onSurvey;
  onGone;
  surveying = false;
  /** `started`: a worker `startTreeWorker` started earlier, which this pool adopts. */
  constructor(useWorker = true, started) {
    const worker = started ?? (useWorker ? startTreeWorker() : void 0);
    if (!worker) return;
    try {
      worker.on("message", (reply) => {
        if ("survey" in reply) this.onNote(reply);
        else this.onReply(reply);
        this.keepAlive();
      });
      worker.on("error", (error) => this.abandon(error));
      worker.on("exit", (code) => this.abandon(new Error(`the tree worker exited with code ${code}`)));
      this.worker = worker;
      this.keepAlive();
    } catch {
      this.worker = void 0;
    }
  }
  /** Whether a worker thread shares the parsing. */
  get threaded() {
    return this.worker !== void 0;
  }
  /**
   * Has the worker list and hash every file under `root`, then parse those that look like
   * tree models, in the background; notes arrive at `onNote`, and `onGone` is called if the
   * worker dies or the pool closes first. False when there is no worker to do it.
   */
  survey(root, onNote, onGone) {
    if (!this.worker) return false;
    this.onSurvey = onNote;
    this.onGone = onGone;
    this.surveying = true;
    this.keepAlive();
    this.worker.postMessage({ id: this.nextId++, op: "survey", root });
    return true;
  }
  /**
   * Starts parsing `file`; `name` is how messages name it (its path in the bundle), `size` its
   * size in bytes when known (it orders the work: largest first on the worker).
   */
  load(file, kind, name, size = 0) {
    if (!this.worker) return this.parseHere(file, kind, name);
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const claim = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
      const job = { id, file, kind, name, size, claim, settled: false, resolve, reject };
      this.jobs.set(id, job);
      this.keepAlive();
      this.request({ op: "load", file, kind, name, size, claim }, id).then(
        (reply) => this.settle(job, () => job.resolve(this.workerHandle(job, reply.info))),
        (error) => {
          if (!(error instanceof WorkerDied)) this.settle(job, () => job.reject(error));
        }
      );
    });
  }
  /**
   * Parses, on this thread, jobs the worker has not started (smallest first: the worker takes
   * the largest), while enough is left to be worth it; resolves when the rest is better left
   * to the worker.
   */
  async parseQueuedHere() {
    for (; ; ) {
      const free = [...this.jobs.values()].filter((job2) => Atomics.load(job2.claim, 0) === CLAIM_FREE);
      const bytes = free.reduce((sum, job2) => sum + jobBytes(job2), 0);
      if (free.length === 0 || bytes < STEAL_MIN_BYTES) return;
      const job = free.reduce((a, b) => jobBytes(b) < jobBytes(a) ? b : a);
      if (bytes - jobBytes(job) < COLD_FACTOR * jobBytes(job)) return;
      if (Atomics.compareExchange(job.claim, 0, CLAIM_FREE, CLAIM_MAIN) !== CLAIM_FREE) continue;
      this.waiting.delete(job.id);
      this.keepAlive();
      await this.runHere(job);
    }
  }
  settle(job, action) {
    if (job.settled) return;
    job.settled = true;
    this.jobs.delete(job.id);
    this.keepAlive();
    action();
  }
  async runHere(job) {
    try {
      const handle = await this.parseHere(job.file, job.kind, job.name);
      this.settle(job, () => job.resolve(handle));
    } catch (error) {
      this.settle(job, () => job.reject(error));
    }
  }
  async parseHere(file, kind, name) {
    const { loadTreeModel } = await import("./tree-model-664WTLIH.js");
    const model = await loadTreeModel(file, kind, name);
    return {
      info: model.info,
      thread: "main",
      predict: async (rows) => rows.map((row) => model.predict(row))
    };
  }
  workerHandle(job, info) {
    return {
      info,
      thread: "worker",
      predict: async (rows) => {
        try {
          return (await this.request({ op: "predict", name: job.name, rows })).outputs;
        } catch (error) {
          if (!(error instanceof WorkerDied)) throw error;
          return (await this.parseHere(job.file, job.kind, job.name)).predict(rows);
        }
      }
    };
  }
  onReply(reply) {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if (reply.ok) waiting.resolve(reply);
    else {
      const { message, kind, file, line } = reply.error;
      waiting.reject(
        new ModelgateError(message, kind, {
          ...file ? { file } : {},
          ...line ? { line } : {}
        })
      );
    }
  }
  request(message, id = this.nextId++) {
    const worker = this.worker;
    if (!worker) return Promise.reject(new WorkerDied("the tree worker is gone"));
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.keepAlive();
      worker.postMessage({ ...message, id });
    });
  }
  abandon(error) {
    if (!this.worker) return;
    this.worker = void 0;
    this.surveyGone(error);
    const died = new WorkerDied(error.message);
    for (const w of this.waiting.values()) w.reject(died);
    this.waiting.clear();
    const left = [...this.jobs.values()].filter((job) => {
      const before = Atomics.compareExchange(job.claim, 0, CLAIM_FREE, CLAIM_MAIN);
      return before !== CLAIM_MAIN;
    });
    void (async () => {
      for (const job of left) await this.runHere(job);
    })();
  }
  async close() {
    const worker = this.worker;
    if (!worker) return;
    this.worker = void 0;
    this.surveyGone(new Error("the healthcheck ended before the survey did"));
    for (const job of [...this.jobs.values()]) {
      this.settle(
        job,
        () => job.reject(new Error(`${job.name}: the healthcheck ended before the model was parsed`))
      );
    }
    await worker.terminate();
  }
  onNote(note) {
    if (note.survey === "done" || note.survey === "failed" && !note.path) this.surveying = false;
    this.onSurvey?.(note);
  }
  /**
   * The worker keeps the process alive only while something waits on it: a pool nobody closes
   * (a front end that started one early, then stopped at a bad input) must not hold the process
   * open, and one with work in flight must not let it exit, since the main thread may have
   * nothing else pending meanwhile.
   */
  keepAlive() {
    const worker = this.worker;
    if (!worker) return;
    if (this.surveying || this.jobs.size > 0 || this.waiting.size > 0) worker.ref();
    else worker.unref();
  }
  surveyGone(error) {
    this.surveying = false;
    const gone = this.onGone;
    this.onSurvey = void 0;
    this.onGone = void 0;
    gone?.(error);
  }
};

// src/core/health/head-start.ts
var BundleSurvey = class {
  constructor(root) {
    this.root = root;
  }
  root;
  sizes = /* @__PURE__ */ new Map();
  hashes = /* @__PURE__ */ new Map();
  heads = /* @__PURE__ */ new Map();
  /** Settled when the listing arrives (false: the survey failed before it). */
  listed = deferred();
  /** The file's sha256 from the survey; undefined when the survey does not have it at this size. */
  sha256(rel, size) {
    if (!this.listed.settled) {
      return this.listed.promise.then((ok) => {
        const answer = ok ? this.sha256(rel, size) : void 0;
        if (!answer) throw new Error(`${rel}: not surveyed`);
        return answer;
      });
    }
    if (this.sizes.get(rel) !== size) return void 0;
    return this.hashes.get(rel)?.promise;
  }
  /** The file's first bytes, when the survey has already read them at this size (never waits). */
  head(rel, size) {
    return this.sizes.get(rel) === size ? this.heads.get(rel) : void 0;
  }
  note(note) {
    switch (note.survey) {
      case "listed":
        for (const f of note.files) {
          this.sizes.set(f.path, f.size);
          this.hashes.set(f.path, deferred());
        }
        this.listed.resolve(true);
        break;
      case "hashed":
        this.heads.set(note.path, Buffer.from(note.head.buffer, note.head.byteOffset, note.head.byteLength));
        this.hashes.get(note.path)?.resolve(note.sha256);
        break;
      case "failed":
        if (note.path) this.hashes.get(note.path)?.reject(new Error(note.message));
        else this.gone(new Error(note.message));
        break;
      case "done":
        this.gone(new Error("the survey did not hash this file"));
        break;
    }
  }
  /** The worker is gone (or done): whatever it did not answer is hashed on the main thread. */
  gone(error) {
    this.listed.resolve(false);
    for (const d of this.hashes.values()) if (!d.settled) d.reject(error);
  }
};
var early;
var spare;
function warmHealthcheck(started) {
  if (spare) void started?.terminate();
  else spare = new TreePool(started !== void 0, started);
}
function surveyBundle(bundle) {
  const root = path.resolve(bundle);
  try {
    if (!statSync(root).isDirectory()) return void 0;
  } catch {
    return void 0;
  }
  const pool = spare ?? new TreePool();
  spare = void 0;
  const survey = new BundleSurvey(root);
  if (!pool.survey(
    root,
    (note) => survey.note(note),
    (error) => survey.gone(error)
  )) {
    void pool.close();
    return void 0;
  }
  return { root, pool, survey };
}
function startHealthcheckEarly(bundle) {
  void early?.pool.close();
  early = surveyBundle(bundle);
}
function takeHeadStart(bundle) {
  const taken = early;
  early = void 0;
  if (taken && taken.root === path.resolve(bundle)) return taken;
  void taken?.pool.close();
  return void 0;
}
function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => void 0);
  const d = {
    promise,
    settled: false,
    resolve: (value) => {
      d.settled = true;
      resolve(value);
    },
    reject: (error) => {
      d.settled = true;
      reject(error);
    }
  };
  return d;
}

export {
  TreePool,
  BundleSurvey,
  warmHealthcheck,
  surveyBundle,
  startHealthcheckEarly,
  takeHeadStart
};
