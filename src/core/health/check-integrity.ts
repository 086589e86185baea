/**
 * `integrity`: file count, total size and the sha256 of every file (streamed, several files
 * in flight); with a manifest, every file's size and hash must match it and no file may be
 * missing or extra. This is what catches a flipped byte or a half-copied file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatSize, hashBundleFile } from '../bundle/files.js';
import { errorMessage } from '../errors.js';
import { parseManifest, type Manifest } from '../manifest.js';
import type { Problem } from '../report/types.js';
import {
  annotationPath,
  fileProblem,
  mapLimit,
  plural,
  type CheckOutcome,
  type HealthContext,
} from './context.js';

/** Files hashed at once: enough to keep the disk and the hash busy, few enough to stay in cache. */
const HASH_CONCURRENCY = 4;

/**
 * Every file's sha256: from the survey when the healthcheck started early and its worker
 * hashed the file as listed here (same size), else hashed on this thread. Returns how many
 * came from the survey.
 */
export async function hashBundle(ctx: HealthContext): Promise<number> {
  let surveyed = 0;
  const hashes = await mapLimit(ctx.files, HASH_CONCURRENCY, async (file) => {
    const early = await ctx.survey?.sha256(file.path, file.size)?.catch(() => undefined);
    if (early) {
      surveyed++;
      return early;
    }
    return (await hashBundleFile(file)).sha256;
  });
  ctx.files.forEach((f, i) => ctx.sha256.set(f.path, hashes[i]!));
  return surveyed;
}

export async function checkIntegrity(ctx: HealthContext): Promise<CheckOutcome> {
  const [hashedEarly, manifestResult] = await Promise.all([hashBundle(ctx), readManifest(ctx)]);
  const bytes = ctx.files.reduce((sum, f) => sum + f.size, 0);
  const counted = `${plural(ctx.files.length, 'file')}, ${formatSize(bytes)}`;
  const fileRows = ctx.files.map((f) => ({ path: f.path, size: f.size, sha256: ctx.sha256.get(f.path)! }));

  if (!manifestResult) {
    return {
      status: 'pass',
      message: `${counted}; no manifest, so sizes and hashes were recorded but not compared`,
      details: { files: fileRows, bytes, hashedEarly, manifest: null },
    };
  }
  if ('error' in manifestResult) {
    const message = manifestResult.error;
    return {
      status: 'fail',
      message,
      details: { files: fileRows, bytes, hashedEarly, manifest: ctx.manifest },
      problems: [{ severity: 'error', message, file: annotationPath(ctx, ctx.manifestInBundle) }],
    };
  }

  const manifest = manifestResult.manifest;
  const manifestName = manifestDisplayName(ctx);
  const problems: Problem[] = [];
  const mismatches: {
    path: string;
    problem: string;
    expected?: string | number;
    actual?: string | number;
  }[] = [];
  const expected = new Map(manifest.files.map((f) => [f.path, f]));
  for (const file of ctx.files) {
    const entry = expected.get(file.path);
    if (!entry) {
      const message = `${file.path}: in the bundle but not in ${manifestName}; the bundle changed after packaging: re-run modelgate package, or remove the file`;
      problems.push(fileProblem(ctx, 'error', file.path, message));
      mismatches.push({ path: file.path, problem: 'extra' });
      continue;
    }
    const sha = ctx.sha256.get(file.path)!;
    if (entry.size !== file.size) {
      const message = `${file.path}: size ${file.size} bytes, ${manifestName} says ${entry.size}; the file is truncated or was replaced: copy it again or re-run modelgate package`;
      problems.push(fileProblem(ctx, 'error', file.path, message));
      mismatches.push({ path: file.path, problem: 'size', expected: entry.size, actual: file.size });
    } else if (entry.sha256 !== sha) {
      const message = `${file.path}: sha256 ${sha.slice(0, 12)}… does not match ${manifestName} (${entry.sha256.slice(0, 12)}…) although the size matches: the file is corrupted (a flipped byte?) or was edited after packaging`;
      problems.push(fileProblem(ctx, 'error', file.path, message));
      mismatches.push({ path: file.path, problem: 'sha256', expected: entry.sha256, actual: sha });
    }
  }
  for (const entry of manifest.files) {
    if (ctx.byPath.has(entry.path) || entry.path === ctx.manifestInBundle) continue;
    const message = `${entry.path}: listed in ${manifestName} but missing from the bundle; copy it again from the release`;
    problems.push({ severity: 'error', message, file: annotationPath(ctx, ctx.manifestInBundle) });
    mismatches.push({ path: entry.path, problem: 'missing', expected: entry.sha256 });
  }
  const details = { files: fileRows, bytes, hashedEarly, manifest: manifestName, mismatches };
  if (problems.length) {
    const first = problems[0]!.message;
    return {
      status: 'fail',
      message:
        problems.length > 1
          ? `${first} (and ${plural(problems.length - 1, 'more mismatch', 'more mismatches')})`
          : first,
      details,
      problems,
    };
  }
  return { status: 'pass', message: `${counted}; every size and sha256 matches ${manifestName}`, details };
}

function manifestDisplayName(ctx: HealthContext): string {
  if (ctx.manifestInBundle) return ctx.manifestInBundle;
  return ctx.manifest ? path.basename(ctx.manifest) : 'the manifest';
}

async function readManifest(
  ctx: HealthContext,
): Promise<{ manifest: Manifest } | { error: string } | undefined> {
  if (!ctx.manifest) return undefined;
  // Inside a tarball the manifest lives in a temporary folder: name it as the bundle does.
  const name =
    ctx.manifestInBundle && ctx.tarball
      ? `${path.basename(ctx.tarball)}:${ctx.manifestInBundle}`
      : ctx.manifest;
  let text: string;
  try {
    text = await readFile(ctx.manifest, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      error: `${name}: cannot read the manifest (${code ?? (error as Error).message}); pass the manifest input, or leave it out to check without one`,
    };
  }
  try {
    return { manifest: parseManifest(text, name) };
  } catch (error) {
    return { error: errorMessage(error) };
  }
}
