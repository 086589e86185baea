/**
 * Packaging the seed-sized bundle (samples/seed/, about 26 MB, 21 files) against GNU tar with
 * gzip -6 (`tar -czf`) and with pigz (`tar -I pigz -cf`) on the same files, in the same run
 * (best of 3 each, alternating so that all three see the same machine load).
 * Targets: no slower than `tar -czf`, within 1.3 times pigz, and a tarball within 2% of
 * `tar -czf`'s size.
 *
 *   node --import tsx bench/package.ts [bundle-dir]        (or `npm run bench`)
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { listBundle } from '../src/core/bundle/files.js';
import { ARTIFACT_KINDS, configSchema, type ArtifactKind, type Config } from '../src/core/config/schema.js';
import { packageRelease } from '../src/core/package/package.js';

const run = promisify(execFile);

const RUNS = 3;
export const TARGET_GZIP_RATIO = 1;
export const TARGET_PIGZ_RATIO = 1.3;
export const TARGET_SIZE_RATIO = 1.02;
const TIMESTAMP = '20260220_145749';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_BUNDLE = path.join(repoRoot, 'samples', 'seed');

export interface PackageBenchResult {
  files: number;
  bytes: number;
  cores: number;
  oursSeconds: number;
  gzipSeconds: number;
  pigzSeconds: number;
  oursSize: number;
  gzipSize: number;
  pigzSize: number;
  /** ours / tar -czf: at most 1 meets the target. */
  gzipRatio: number;
  /** ours / tar -I pigz: at most 1.3 meets the target. */
  pigzRatio: number;
  /** our size / tar -czf's size. */
  sizeRatio: number;
  reproducible: boolean;
}

/** Kinds by extension: the bench packages whatever bundle it is given, seed-shaped or not. */
function kindByExtension(file: string): ArtifactKind | undefined {
  const ext = path.extname(file).slice(1);
  const kind = { onnx: 'onnx', pt: 'torch', txt: 'lightgbm', pkl: 'pickle', json: 'json' }[ext];
  return (ARTIFACT_KINDS as readonly string[]).includes(kind ?? '') ? (kind as ArtifactKind) : undefined;
}

function benchConfig(files: string[]): Config {
  const artifacts = files.flatMap((p) => {
    const kind = kindByExtension(p);
    return kind ? [{ path: p, kind }] : [];
  });
  return configSchema.parse({ release: { name: 'macd_models_final', artifacts } });
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export async function measurePackage(bundleDir: string, runs = RUNS): Promise<PackageBenchResult> {
  const listing = await listBundle(bundleDir);
  const config = benchConfig(listing.files.map((f) => f.path));
  const out = await mkdtemp(path.join(os.tmpdir(), 'modelgate-bench-package-'));
  try {
    const gzipFile = path.join(out, 'gzip.tar.gz');
    const pigzFile = path.join(out, 'pigz.tar.gz');
    const ours: number[] = [];
    const gzip: number[] = [];
    const pigz: number[] = [];
    const hashes = new Set<string>();
    let oursSize = 0;
    for (let i = 0; i < runs; i++) {
      const dir = path.join(out, `run-${i}`);
      ours.push(
        await timed(async () => {
          const result = await packageRelease({
            bundleDir,
            config,
            configFile: 'bench',
            timestamp: TIMESTAMP,
            outputDir: dir,
            env: {},
          });
          hashes.add(result.sha256);
          oursSize = result.size;
        }),
      );
      gzip.push(await timed(() => run('tar', ['-czf', gzipFile, '-C', bundleDir, '.'])));
      pigz.push(await timed(() => run('tar', ['-I', 'pigz', '-cf', pigzFile, '-C', bundleDir, '.'])));
    }
    const oursSeconds = Math.min(...ours);
    const gzipSeconds = Math.min(...gzip);
    const pigzSeconds = Math.min(...pigz);
    const gzipSize = (await stat(gzipFile)).size;
    const pigzSize = (await stat(pigzFile)).size;
    return {
      files: listing.files.length,
      bytes: listing.files.reduce((n, f) => n + f.size, 0),
      cores: os.availableParallelism?.() ?? os.cpus().length,
      oursSeconds,
      gzipSeconds,
      pigzSeconds,
      oursSize,
      gzipSize,
      pigzSize,
      gzipRatio: oursSeconds / gzipSeconds,
      pigzRatio: oursSeconds / pigzSeconds,
      sizeRatio: oursSize / gzipSize,
      reproducible: hashes.size === 1,
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

export async function benchPackage(bundleDir: string = DEFAULT_BUNDLE): Promise<void> {
  if (!existsSync(bundleDir)) {
    console.log(`package: no seed-sized bundle at ${bundleDir}; make it with`);
    console.log(`  /usr/bin/python3 samples/generate.py --scale seed`);
    console.log(`or pass a bundle directory: node --import tsx bench/package.ts <dir>`);
    return;
  }
  const r = await measurePackage(bundleDir);
  const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
  const fast = r.gzipRatio <= TARGET_GZIP_RATIO;
  const nearPigz = r.pigzRatio <= TARGET_PIGZ_RATIO;
  const small = r.sizeRatio <= TARGET_SIZE_RATIO;
  console.log(
    `package ${path.relative(process.cwd(), bundleDir) || '.'}: ${r.files} files, ${mb(r.bytes)}, ${r.cores} cores, best of ${RUNS}`,
  );
  console.log(
    `  modelgate package   ${r.oursSeconds.toFixed(3)} s  ${mb(r.oursSize)}  (manifest, notes, sha256 of every file)`,
  );
  console.log(`  tar -czf            ${r.gzipSeconds.toFixed(3)} s  ${mb(r.gzipSize)}`);
  console.log(`  tar -I pigz -cf     ${r.pigzSeconds.toFixed(3)} s  ${mb(r.pigzSize)}`);
  console.log(
    `  time vs tar -czf    ${r.gzipRatio.toFixed(2)}x (target <= ${TARGET_GZIP_RATIO}) ${fast ? 'ok' : 'SLOWER'}`,
  );
  console.log(
    `  time vs pigz        ${r.pigzRatio.toFixed(2)}x (target <= ${TARGET_PIGZ_RATIO}) ${nearPigz ? 'ok' : 'SLOWER'}`,
  );
  console.log(
    `  size vs tar -czf    ${r.sizeRatio.toFixed(4)}x (${((r.sizeRatio - 1) * 100).toFixed(2)}%, target within 2%) ${small ? 'ok' : 'LARGER'}`,
  );
  console.log(
    `  reproducible        ${r.reproducible ? 'same sha256 every run' : 'DIFFERENT sha256 across runs'}`,
  );
  if (!fast || !nearPigz || !small || !r.reproducible) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await benchPackage(process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_BUNDLE);
}
