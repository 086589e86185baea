/**
 * The healthcheck's head start. Before its config is read, a front end knows the bundle
 * (`--bundle`, INPUT_BUNDLE), and the main thread still has tens of milliseconds of module
 * loading and YAML ahead of it while the second core idles. So the worker of a tree pool is
 * started then, and surveys the bundle: it lists and hashes every file and parses the files
 * whose first bytes are a tree model's. `runHealthcheck` takes the head start over when its
 * bundle is the same folder; integrity then reads the hashes, and load the parsed models.
 *
 * Nothing here decides anything: every result is checked against what the healthcheck lists
 * itself (a hash is used only for a file of the same path and size, a parse only for the kind
 * the config declares), and whatever the survey did not do, the checks do as before.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { TreePool, type SurveyNote } from './tree-pool.js';

export class BundleSurvey {
  private readonly sizes = new Map<string, number>();
  private readonly hashes = new Map<string, Deferred<string>>();
  private readonly heads = new Map<string, Buffer>();
  /** Settled when the listing arrives (false: the survey failed before it). */
  private readonly listed: Deferred<boolean> = deferred();

  constructor(readonly root: string) {}

  /** The file's sha256 from the survey; undefined when the survey does not have it at this size. */
  sha256(rel: string, size: number): Promise<string> | undefined {
    if (!this.listed.settled) {
      // Not listed yet: wait for the listing, then answer as below (or let the caller hash here).
      return this.listed.promise.then((ok) => {
        const answer = ok ? this.sha256(rel, size) : undefined;
        if (!answer) throw new Error(`${rel}: not surveyed`);
        return answer;
      });
    }
    if (this.sizes.get(rel) !== size) return undefined;
    return this.hashes.get(rel)?.promise;
  }

  /** The file's first bytes, when the survey has already read them at this size (never waits). */
  head(rel: string, size: number): Buffer | undefined {
    return this.sizes.get(rel) === size ? this.heads.get(rel) : undefined;
  }

  note(note: SurveyNote): void {
    switch (note.survey) {
      case 'listed':
        for (const f of note.files) {
          this.sizes.set(f.path, f.size);
          this.hashes.set(f.path, deferred());
        }
        this.listed.resolve(true);
        break;
      case 'hashed':
        // Structured cloning delivers the Buffer as a plain Uint8Array.
        this.heads.set(note.path, Buffer.from(note.head.buffer, note.head.byteOffset, note.head.byteLength));
        this.hashes.get(note.path)?.resolve(note.sha256);
        break;
      case 'failed':
        if (note.path) this.hashes.get(note.path)?.reject(new Error(note.message));
        else this.gone(new Error(note.message));
        break;
      case 'done':
        // Anything the worker did not answer is hashed on the main thread.
        this.gone(new Error('the survey did not hash this file'));
        break;
    }
  }

  /** The worker is gone (or done): whatever it did not answer is hashed on the main thread. */
  gone(error: Error): void {
    this.listed.resolve(false);
    for (const d of this.hashes.values()) if (!d.settled) d.reject(error);
  }
}

export interface HeadStart {
  root: string;
  pool: TreePool;
  survey: BundleSurvey;
}

let early: HeadStart | undefined;
/** A pool whose worker was started before the bundle was known (`warmHealthcheck`). */
let spare: TreePool | undefined;

/**
 * Starts the worker before the inputs are even parsed: its isolate takes tens of milliseconds
 * to boot, and the front end that knows it will run a healthcheck can let it boot meanwhile.
 * `started`: the worker the front end started itself (worker-start.ts), even earlier; none when
 * it could not start one, and then the pool does not try again.
 */
export function warmHealthcheck(started: Worker | undefined): void {
  if (spare) void started?.terminate();
  else spare = new TreePool(started !== undefined, started);
}

/**
 * Starts surveying a bundle folder on a worker thread (the one `warmHealthcheck` started, if
 * any). Undefined for a tarball (it is extracted first), a path that is not a folder, or when
 * no worker can start. Pass it to `runHealthcheck` as `headStart`, or let the front ends keep it
 * with `startHealthcheckEarly`.
 */
export function surveyBundle(bundle: string): HeadStart | undefined {
  const root = path.resolve(bundle);
  try {
    if (!statSync(root).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const pool = spare ?? new TreePool();
  spare = undefined;
  const survey = new BundleSurvey(root);
  if (
    !pool.survey(
      root,
      (note) => survey.note(note),
      (error) => survey.gone(error),
    )
  ) {
    void pool.close();
    return undefined;
  }
  return { root, pool, survey };
}

/** `surveyBundle`, kept for the `runHealthcheck` of the same folder; replaces an earlier one. */
export function startHealthcheckEarly(bundle: string): void {
  void early?.pool.close();
  early = surveyBundle(bundle);
}

/** The head start for `bundle`, handed over once; one for another folder is closed. */
export function takeHeadStart(bundle: string): HeadStart | undefined {
  const taken = early;
  early = undefined;
  if (taken && taken.root === path.resolve(bundle)) return taken;
  void taken?.pool.close();
  return undefined;
}

interface Deferred<T> {
  promise: Promise<T>;
  settled: boolean;
  resolve(value: T): void;
  reject(error: Error): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // An answer nobody asks for must not become an unhandled rejection.
  promise.catch(() => undefined);
  const d: Deferred<T> = {
    promise,
    settled: false,
    resolve: (value) => {
      d.settled = true;
      resolve(value);
    },
    reject: (error) => {
      d.settled = true;
      reject(error);
    },
  };
  return d;
}
