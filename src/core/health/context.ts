/**
 * What the healthcheck's checks share: the bundle as listed once, the kinds of its files,
 * and the results one check hands to a later one (ONNX sessions and parsed tree models are
 * made once by `load` and reused by `golden`; hashes by `integrity`; golden's entries are
 * compared from `load` on).
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { BundleFile } from '../bundle/files.js';
import type { ArtifactKind, Config } from '../config/schema.js';
import { errorMessage, ModelgateError } from '../errors.js';
import type { Golden } from '../golden.js';
import type { OnnxModel } from '../models/onnx.js';
import type { CheckResult, CheckStatus, Problem } from '../report/types.js';
import type { GoldenEntries } from './check-golden.js';
import type { BundleSurvey } from './head-start.js';
import type { TreeHandle, TreePool } from './tree-pool.js';

export type FileKind = ArtifactKind | 'other';

export interface HealthContext {
  /** The bundle as the caller named it (a directory or a .tar.gz). */
  bundle: string;
  /** The directory whose files are checked (the extraction folder for a tarball). */
  root: string;
  /** Set when the bundle is a tarball. */
  tarball?: string;
  config: Config;
  configFile: string;
  /** Manifest path, when one is given or found inside the bundle. */
  manifest?: string;
  /** Path of the manifest relative to root when it lies inside the bundle: it does not list itself. */
  manifestInBundle?: string;
  command?: string;
  /** Regular files of the bundle, sorted, without the manifest. Empty until listed. */
  files: BundleFile[];
  special: { path: string; type: string }[];
  byPath: Map<string, BundleFile>;
  /** Kind of every file: declared in release.artifacts, else guessed from the name and content. */
  kinds: Map<string, FileKind>;
  /** First bytes of every file, for kind checks. */
  heads: Map<string, Buffer>;
  /** sha256 of every file, once integrity has run. */
  sha256: Map<string, string>;
  /** The early worker's listing and hashes, when the healthcheck had a head start. */
  survey?: BundleSurvey;
  /** ONNX sessions, started as soon as the files are known and reused by every later check. */
  onnx: Map<string, Promise<OnnxModel>>;
  /** Tree models, parsed on a second thread when the pool has one; reused by golden. */
  trees: Map<string, Promise<TreeHandle>>;
  treePool?: TreePool;
  /** Files `load` failed, with its message: later checks refer to it instead of repeating it. */
  loadFailures: Map<string, string>;
  /** Parsed JSON files by path (undefined value: did not parse). */
  json: Map<string, unknown>;
  /** Globals found in each pickle-bearing file, for the stacking check's estimator class. */
  pickleGlobals: Map<string, { module: string; name: string }[]>;
  golden?: Golden;
  /** Why golden.json could not be read, when it could not. */
  goldenError?: string;
  /** golden.json's entries, compared from the moment `load` has its ONNX sessions (check-golden.ts). */
  goldenEntries?: Promise<GoldenEntries>;
  /** Why later checks cannot run (no bundle, refused tarball); they are skipped with it. */
  fatal?: { check: string; reason: string };
  /** Set by the tarball extraction when it refused the archive. */
  refused?: string;
  /** Set by inference: the end-to-end result. */
  inference?: { bull_prob: number; regime: string; direction: string };
  /** Names of the checks that failed so far, in order. */
  failed: string[];
}

/** A context before any check has run. */
export function newContext(init: {
  bundle: string;
  config: Config;
  configFile: string;
  command?: string;
  root?: string;
}): HealthContext {
  return {
    bundle: init.bundle,
    root: init.root ?? init.bundle,
    config: init.config,
    configFile: init.configFile,
    ...(init.command ? { command: init.command } : {}),
    files: [],
    special: [],
    byPath: new Map(),
    kinds: new Map(),
    heads: new Map(),
    sha256: new Map(),
    onnx: new Map(),
    trees: new Map(),
    json: new Map(),
    loadFailures: new Map(),
    failed: [],
    pickleGlobals: new Map(),
  };
}

/** What a check returns; the runner adds the name and time. */
export interface CheckOutcome {
  status: CheckStatus;
  message: string;
  details?: unknown;
  problems?: Problem[];
}

/**
 * The file name for annotations: relative to the working directory (the workspace in
 * Actions) when inside it, so GitHub attaches the annotation to the file.
 */
export function annotationPath(ctx: HealthContext, rel?: string): string {
  const base = ctx.tarball ?? ctx.bundle;
  const abs = path.resolve(rel && !ctx.tarball ? path.join(base, rel) : base);
  const fromCwd = path.relative(process.cwd(), abs);
  return fromCwd && !fromCwd.startsWith('..') && !path.isAbsolute(fromCwd) ? fromCwd : abs;
}

/** A problem about one file of the bundle. */
export function fileProblem(
  ctx: HealthContext,
  severity: Problem['severity'],
  rel: string | undefined,
  message: string,
  line?: number,
): Problem {
  return { severity, message, file: annotationPath(ctx, rel), ...(line ? { line } : {}) };
}

/** Runs one check, timed; anything it throws becomes a `fail` naming what it was about. */
export async function runCheck(
  name: string,
  ctx: HealthContext,
  fn: (ctx: HealthContext) => Promise<CheckOutcome>,
  onProgress?: (line: string) => void,
): Promise<CheckResult> {
  const started = performance.now();
  let outcome: CheckOutcome;
  if (ctx.fatal && ctx.fatal.check !== name) {
    outcome = { status: 'skip', message: `skipped: ${ctx.fatal.reason}` };
  } else {
    try {
      outcome = await fn(ctx);
    } catch (error) {
      const message = errorMessage(error);
      const file = error instanceof ModelgateError ? error.file : undefined;
      outcome = {
        status: 'fail',
        message,
        problems: [
          {
            severity: 'error',
            message,
            file: annotationPath(ctx, file && ctx.byPath.has(file) ? file : undefined),
          },
        ],
      };
      if (!(error instanceof ModelgateError) && error instanceof Error && error.stack)
        outcome.details = { stack: error.stack };
    }
  }
  const ms = Math.round((performance.now() - started) * 10) / 10;
  if (outcome.status === 'fail') ctx.failed.push(name);
  const result: CheckResult = { name, status: outcome.status, ms, message: outcome.message };
  if (outcome.details !== undefined) result.details = outcome.details;
  if (outcome.problems?.length) result.problems = outcome.problems;
  onProgress?.(`${STATUS_WORD[result.status]} ${name} (${formatMs(ms)}): ${result.message}`);
  return result;
}

const STATUS_WORD: Record<CheckStatus, string> = { pass: 'pass', warn: 'WARN', fail: 'FAIL', skip: 'skip' };

export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(ms < 1 ? 2 : 1)} ms`;
}

/** The worst of several statuses: fail > warn > pass > skip. */
export function worst(statuses: readonly CheckStatus[]): CheckStatus {
  if (statuses.includes('fail')) return 'fail';
  if (statuses.includes('warn')) return 'warn';
  if (statuses.includes('pass')) return 'pass';
  return statuses.length ? 'skip' : 'pass';
}

/** Reads the first `length` bytes of a file (less for a shorter file). */
export async function readHead(file: string, length = 64): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buf, 0, length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Runs `fn` over `items` with at most `limit` in flight, keeping the order of results. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  });
  await Promise.all(workers);
  return results;
}

/** "1 file", "3 files". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
