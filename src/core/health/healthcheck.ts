/**
 * The healthcheck: config, integrity, safety, load, stacking, golden, inference, command, in
 * that order, each timed and reported. Each check catches its own errors, so one broken file
 * does not hide the others; only a missing or empty bundle (or a refused tarball) skips the
 * checks after it, with the reason. A `.tar.gz` bundle is extracted safely into a temporary
 * folder, checked there, and the folder removed.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { extractTarball } from '../bundle/tar.js';
import type { Config } from '../config/schema.js';
import { errorMessage } from '../errors.js';
import { reportPassed, type CheckResult, type Report } from '../report/types.js';
import { checkCommand } from './check-command.js';
import { checkConfig } from './check-config.js';
import { checkGolden } from './check-golden.js';
import { checkInference } from './check-inference.js';
import { checkIntegrity } from './check-integrity.js';
import { checkLoad } from './check-load.js';
import { checkSafety } from './check-safety.js';
import { checkStacking } from './check-stacking.js';
import { newContext, runCheck, type CheckOutcome, type HealthContext } from './context.js';
import { startModelLoads } from './models.js';
import { takeHeadStart, type HeadStart } from './head-start.js';
import { TreePool } from './tree-pool.js';

export const HEALTH_CHECKS = [
  'config',
  'integrity',
  'safety',
  'load',
  'stacking',
  'golden',
  'inference',
  'command',
] as const;
export type HealthCheckName = (typeof HEALTH_CHECKS)[number];

export interface HealthcheckOptions {
  /** A bundle directory or a `.tar.gz`. */
  bundle: string;
  config: Config;
  /** The config file as the user named it, for messages and annotations. */
  configFile: string;
  /** Manifest to check against; default `manifest.json` inside the bundle when present. */
  manifest?: string;
  /** The user's extra check (input `command`). */
  command?: string;
  /** Where a tarball is extracted (default the OS temp dir); the folder is removed afterwards. */
  workDir?: string;
  /**
   * A survey of the bundle folder already under way (`surveyBundle`); default: the one a front
   * end started for this folder with `startHealthcheckEarly`, if any. One of another folder is
   * closed unused.
   */
  headStart?: HeadStart;
  onProgress?: (line: string) => void;
}

export interface HealthReport extends Report {
  bundle: string;
  files: number;
  bytes: number;
  durationMs: number;
  inference?: { bull_prob: number; regime: string; direction: string };
}

const CHECKS: Record<HealthCheckName, (ctx: HealthContext) => Promise<CheckOutcome>> = {
  config: checkConfig,
  integrity: checkIntegrity,
  safety: checkSafety,
  load: checkLoad,
  stacking: checkStacking,
  golden: checkGolden,
  inference: checkInference,
  command: checkCommand,
};

export function isTarball(file: string): boolean {
  return /\.(tar\.gz|tgz)$/i.test(file);
}

export async function runHealthcheck(options: HealthcheckOptions): Promise<HealthReport> {
  const started = performance.now();
  const progress = options.onProgress;
  const ctx = newContext({
    bundle: options.bundle,
    config: options.config,
    configFile: options.configFile,
    ...(options.command ? { command: options.command } : {}),
  });
  let temp: string | undefined;
  const checks: CheckResult[] = [];
  try {
    if (isTarball(options.bundle) && (await isFile(options.bundle))) {
      ctx.tarball = options.bundle;
      temp = await mkdtemp(path.join(options.workDir ?? os.tmpdir(), 'modelgate-health-'));
      const dest = path.join(temp, 'bundle');
      ctx.root = dest;
      progress?.(`extracting ${options.bundle}`);
      try {
        await extractTarball(options.bundle, dest);
      } catch (error) {
        const name = path.basename(options.bundle);
        const reason = errorMessage(error);
        // The extractor names the archive itself: say it once.
        ctx.refused = `${name}: refused: ${reason.startsWith(`${name}: `) ? reason.slice(name.length + 2) : reason}`;
        ctx.fatal = { check: 'safety', reason: 'the tarball was refused (see safety)' };
      }
    }
    locateManifest(ctx, options.manifest);
    // A worker started early has been hashing and parsing this folder since (head-start.ts).
    const head = adoptHeadStart(ctx, options.headStart);
    if (head) {
      ctx.treePool = head.pool;
      ctx.survey = head.survey;
    } else if (
      !ctx.fatal &&
      options.config.release.artifacts.some((a) => a.kind === 'lightgbm' || a.kind === 'xgboost')
    )
      // The tree worker boots (a V8 isolate, its modules) while config lists the bundle.
      ctx.treePool = new TreePool();
    for (const name of HEALTH_CHECKS) {
      checks.push(await runCheck(name, ctx, CHECKS[name], progress));
      // Once the files are known, tree parsing starts on the second core, beside integrity and safety.
      if (name === 'config' && !ctx.fatal) startModelLoads(ctx);
    }
  } finally {
    await releaseSessions(ctx);
    await ctx.treePool?.close();
    if (temp) await rm(temp, { recursive: true, force: true });
  }
  const report: HealthReport = {
    passed: reportPassed(checks),
    checks,
    bundle: options.bundle,
    files: ctx.files.length,
    bytes: ctx.files.reduce((n, f) => n + f.size, 0),
    durationMs: Math.round(performance.now() - started),
  };
  if (ctx.inference) report.inference = ctx.inference;
  return report;
}

function adoptHeadStart(ctx: HealthContext, given: HeadStart | undefined): HeadStart | undefined {
  const head = given ?? takeHeadStart(ctx.bundle);
  if (head && !ctx.tarball && head.root === path.resolve(ctx.root)) return head;
  void head?.pool.close();
  return undefined;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The manifest input, or `manifest.json` inside the bundle; a manifest inside the bundle does not list itself. */
function locateManifest(ctx: HealthContext, given: string | undefined): void {
  const inside = path.join(ctx.root, 'manifest.json');
  const manifest = given ?? (existsSync(inside) ? inside : undefined);
  if (!manifest) return;
  ctx.manifest = manifest;
  const rel = path.relative(path.resolve(ctx.root), path.resolve(manifest));
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel))
    ctx.manifestInBundle = rel.split(path.sep).join('/');
}

async function releaseSessions(ctx: HealthContext): Promise<void> {
  await Promise.all(
    [...ctx.onnx.values()].map(async (opening) => {
      try {
        await (await opening).session.release();
      } catch {
        // A session that never opened has nothing to release.
      }
    }),
  );
}
