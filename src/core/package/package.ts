/**
 * `package`: a bundle directory becomes `<name>_<YYYYMMDD_HHMMSS>.tar.gz`, its manifest and
 * its release notes, in `outputDir`:
 *   <id>.tar.gz            reproducible; manifest.json is its first entry
 *   <id>.manifest.json     the manifest with the tarball's sha256 and size (manifestPathFor)
 *   <id>.notes.md          the release notes (notesPathFor)
 * It refuses, naming the file, what must not reach a server: links and special files, names
 * that are not portable, an empty bundle, files the config lists but the bundle lacks, and a
 * bundle whose health check failed. Everything is written under temporary names and renamed
 * once complete (the tarball last), so a failure never leaves a partial release behind.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/schema.js';
import { InputError, ModelgateError } from '../errors.js';
import { formatSize, listBundle } from '../bundle/files.js';
import { evaluateTrainingGate, type TrainingGateResult } from '../gate/training.js';
import type { Manifest } from '../manifest.js';
import { reportPassed, type Report } from '../report/types.js';
import {
  buildInnerManifest,
  buildOuterManifest,
  MANIFEST_ENTRY,
  manifestPathFor,
  notesPathFor,
  releaseId,
  serializeManifest,
  tarballName,
  type ManifestInput,
} from './manifest-build.js';
import { reasonOf } from '../deploy/cancel.js';
import { HealthReportMatch } from './health-match.js';
import { gatherMetrics } from './metrics.js';
import { renderReleaseNotes, type NotesLanguage } from './notes.js';
import { checkPortableNames } from './portable-names.js';
import { writeTarball } from './tarball.js';
import { formatReleaseTimestamp, parseReleaseTimestamp } from './timestamp.js';

export { manifestPathFor, notesPathFor } from './manifest-build.js';

export interface PackageOptions {
  bundleDir: string;
  config: Config;
  /** The config file's path, named in messages about the config. */
  configFile: string;
  /** Default `release.name`. */
  name?: string | undefined;
  /** `YYYYMMDD_HHMMSS` in UTC; default now. */
  timestamp?: string | undefined;
  outputDir: string;
  language?: NotesLanguage | undefined;
  /** A health report (input `health-report`), or a function that runs the healthcheck now. */
  health?: Report | (() => Promise<Report>) | undefined;
  /**
   * The file a given report was read from, named in messages. Such a report must list the
   * bundle's files with their sizes and hashes (see health-match.ts).
   */
  healthSource?: string | undefined;
  /** Cancels packaging before its next file; the unfinished files are removed. */
  signal?: AbortSignal | undefined;
  /** For `source` in the manifest (GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_RUN_ID). */
  env?: NodeJS.ProcessEnv | undefined;
  onProgress?: ((message: string) => void | Promise<void>) | undefined;
}

export interface PackageResult {
  releaseId: string;
  tarball: string;
  manifestPath: string;
  /** The manifest written beside the tarball (with its sha256 and size). */
  manifest: Manifest;
  notes: string;
  notesPath: string;
  sha256: string;
  size: number;
  /** The training gate's verdict on the bundle's metrics, as the notes report it. */
  gate: TrainingGateResult;
  health?: Report | undefined;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

async function removeQuietly(files: string[]): Promise<void> {
  await Promise.all(files.map((f) => rm(f, { force: true }).catch(() => undefined)));
}

export async function packageRelease(options: PackageOptions): Promise<PackageResult> {
  const progress = async (message: string) => {
    await options.onProgress?.(message);
  };
  const { config, configFile } = options;
  const name = options.name ?? config.release.name;
  if (!NAME.test(name))
    throw new InputError(
      `input name: "${name}" is not a release name; use letters, digits, ".", "_" or "-"`,
      'name',
    );
  const timestamp = options.timestamp ?? formatReleaseTimestamp(new Date());
  const created = parseReleaseTimestamp(timestamp);
  const id = releaseId(name, timestamp);

  const bundleDir = path.resolve(options.bundleDir);
  const outputDir = path.resolve(options.outputDir);
  if (isInside(outputDir, bundleDir))
    throw new InputError(
      `input output-dir: ${options.outputDir} is inside the bundle ${options.bundleDir}; write the release elsewhere, or it would end up in the next one`,
      'output-dir',
    );

  const listing = await listBundle(bundleDir);
  const shown = options.bundleDir.replace(/\/+$/, '') || '.';
  const special = listing.special[0];
  if (special)
    throw new ModelgateError(
      `${shown}/${special.path}: is a ${special.type}; a release holds regular files only (a link can point outside the bundle): replace it with the file itself`,
      'input',
      { file: path.join(bundleDir, special.path) },
    );
  if (listing.files.length === 0)
    throw new ModelgateError(
      `${shown}: the bundle is empty; point the bundle input at the training job's output directory`,
      'input',
      {
        file: bundleDir,
      },
    );
  checkPortableNames(
    listing.files.map((f) => f.path),
    shown,
  );
  if (listing.files.some((f) => f.path === MANIFEST_ENTRY))
    throw new ModelgateError(
      `${shown}/${MANIFEST_ENTRY}: the bundle already holds a manifest; package writes its own, so remove it (or package the original bundle, not an extracted release)`,
      'input',
      { file: path.join(bundleDir, MANIFEST_ENTRY) },
    );
  const present = new Set(listing.files.map((f) => f.path));
  const missing = config.release.artifacts.filter((a) => !present.has(a.path)).map((a) => a.path);
  if (missing.length > 0)
    throw new ModelgateError(
      `${shown}: missing ${missing.join(', ')}, listed in release.artifacts of ${configFile}; add ${missing.length > 1 ? 'them' : 'it'} to the bundle or remove ${missing.length > 1 ? 'them' : 'it'} from the config`,
      'input',
      { file: configFile },
    );

  let health: Report | undefined;
  if (typeof options.health === 'function') {
    await progress('running the health check');
    health = await options.health();
  } else health = options.health;
  if (health && !(health.passed && reportPassed(health.checks))) {
    const failed = health.checks.filter((c) => c.status === 'fail');
    const detail = failed.map((c) => `${c.name}: ${c.message}`).join('; ');
    throw new ModelgateError(
      `${shown}: the health check failed (${failed.map((c) => c.name).join(', ') || 'passed is false'})${detail ? ` - ${detail}` : ''}; fix the bundle and package again`,
      'check',
      { file: bundleDir },
    );
  }
  // A report read from a file vouches only for the files it hashed.
  const vouched =
    health && typeof options.health !== 'function'
      ? HealthReportMatch.of(health, options.healthSource ?? 'health-report', shown)
      : undefined;
  vouched?.checkSizes(listing.files);

  const { metrics } = await gatherMetrics(
    bundleDir,
    listing.files.map((f) => f.path),
    config,
  );
  const gate = evaluateTrainingGate(metrics, config.gate.training);

  const input = (sha256: ReadonlyMap<string, string>): ManifestInput => ({
    name,
    timestamp,
    created,
    files: listing.files.map((f) => ({
      path: f.path,
      size: f.size,
      sha256: sha256.get(f.path) ?? '0'.repeat(64),
    })),
    config,
    metrics,
    health,
    env: options.env,
  });
  // Hashes are fixed-width, so the manifest's length is known before any file is read.
  const innerSize = Buffer.byteLength(serializeManifest(buildInnerManifest(input(new Map()))));

  try {
    await mkdir(outputDir, { recursive: true });
  } catch (error) {
    throw new InputError(
      `input output-dir: cannot create ${options.outputDir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      'output-dir',
    );
  }
  const tarball = path.join(outputDir, tarballName(id));
  const manifestPath = manifestPathFor(tarball);
  const notesPath = notesPathFor(tarball);
  const suffix = `.tmp-${process.pid}`;
  const temporary = [tarball, manifestPath, notesPath].map((f) => f + suffix) as [string, string, string];

  const totalSize = listing.files.reduce((n, f) => n + f.size, 0);
  await progress(`packaging ${listing.files.length} files (${formatSize(totalSize)}) from ${shown} as ${id}`);
  try {
    let written;
    try {
      written = await writeTarball({
        file: temporary[0],
        mtime: Math.floor(created.getTime() / 1000),
        first: { path: MANIFEST_ENTRY, size: innerSize },
        firstContent: (sha256) => Buffer.from(serializeManifest(buildInnerManifest(input(sha256)))),
        files: listing.files,
        onFile: (file) => {
          if (options.signal?.aborted)
            throw new ModelgateError(
              `cancelled (${reasonOf(options.signal)}) before ${file.path}; nothing was written`,
              'runtime',
            );
          return progress(`adding ${file.path} (${formatSize(file.size)})`);
        },
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (
        !(error instanceof ModelgateError) &&
        (code === 'EACCES' || code === 'EROFS' || code === 'ENOSPC' || code === 'EPERM')
      )
        throw new InputError(`input output-dir: cannot write ${temporary[0]} (${code})`, 'output-dir');
      throw error;
    }
    vouched?.checkHashes(written.files);
    const manifest = buildOuterManifest(input(written.files), { sha256: written.sha256, size: written.size });
    const notes = renderReleaseNotes({ manifest, config, gate, health }, options.language ?? 'en');
    await writeFile(temporary[1], serializeManifest(manifest));
    await writeFile(temporary[2], notes);
    await rename(temporary[1], manifestPath);
    await rename(temporary[2], notesPath);
    await rename(temporary[0], tarball);
    await progress(`wrote ${tarball} (${formatSize(written.size)}, sha256 ${written.sha256})`);
    return {
      releaseId: id,
      tarball,
      manifestPath,
      manifest,
      notes,
      notesPath,
      sha256: written.sha256,
      size: written.size,
      gate,
      health,
    };
  } catch (error) {
    await removeQuietly(temporary);
    throw error;
  }
}
