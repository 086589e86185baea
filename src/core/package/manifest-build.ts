/**
 * Builds `manifest.json` (design.md, schema modelgate/manifest@1).
 *
 * It is written twice, and the two differ on purpose:
 * - inside the tarball (its first entry): only what follows from the bundle and the inputs,
 *   so that the same bundle and timestamp give a byte-identical tarball. It cannot hold the
 *   tarball's own sha256 and size (they depend on it), nor anything that changes from run
 *   to run: `bundle` is `{ file }`, the health summary has each check's name and status
 *   without timings or messages, and `source` has the repository and commit without the
 *   run id.
 * - beside the tarball (`<id>.manifest.json`): the same, plus `bundle.sha256` and
 *   `bundle.size`, the health checks' timings and messages, and `source.run_id`. This is the
 *   one deploy and the gate read first; `manifestSchema` accepts both forms.
 */
import path from 'node:path';
import type { ArtifactKind, Config } from '../config/schema.js';
import { MANIFEST_SCHEMA, manifestSchema, type Manifest, type ManifestFile } from '../manifest.js';
import type { Report } from '../report/types.js';
import { isoSeconds } from './timestamp.js';

export const MANIFEST_ENTRY = 'manifest.json';

export interface ManifestInput {
  name: string;
  /** `YYYYMMDD_HHMMSS`. */
  timestamp: string;
  created: Date;
  files: readonly { path: string; size: number; sha256: string }[];
  config: Config;
  metrics: Manifest['metrics'];
  health?: Report | undefined;
  env?: NodeJS.ProcessEnv | undefined;
}

export function releaseId(name: string, timestamp: string): string {
  return `${name}_${timestamp}`;
}

export function tarballName(id: string): string {
  return `${id}.tar.gz`;
}

/** Where package writes the manifest for `tarball`, and where deploy looks for it first. */
export function manifestPathFor(tarball: string): string {
  return besideTarball(tarball, '.manifest.json');
}

/** Where package writes the release notes for `tarball`. */
export function notesPathFor(tarball: string): string {
  return besideTarball(tarball, '.notes.md');
}

function besideTarball(tarball: string, suffix: string): string {
  const base = path.basename(tarball).replace(/\.tar\.gz$|\.tgz$/, '');
  return path.join(path.dirname(tarball), `${base}${suffix}`);
}

export function kindOf(file: string, config: Config): ArtifactKind | 'other' {
  return config.release.artifacts.find((a) => a.path === file)?.kind ?? 'other';
}

function healthSummary(report: Report, detailed: boolean): NonNullable<Manifest['health']> {
  return {
    passed: report.passed,
    checks: report.checks.map((c) =>
      detailed
        ? { name: c.name, status: c.status, ms: Math.round(c.ms), message: c.message }
        : { name: c.name, status: c.status },
    ),
  };
}

function sourceFromEnv(
  env: NodeJS.ProcessEnv | undefined,
  withRun: boolean,
): Record<string, string> | undefined {
  if (!env) return undefined;
  const source: Record<string, string> = {};
  if (env.GITHUB_REPOSITORY) source.repository = env.GITHUB_REPOSITORY;
  if (env.GITHUB_SHA) source.sha = env.GITHUB_SHA;
  if (withRun && env.GITHUB_RUN_ID) source.run_id = env.GITHUB_RUN_ID;
  return Object.keys(source).length > 0 ? source : undefined;
}

function build(input: ManifestInput, outside: { sha256: string; size: number } | undefined): Manifest {
  const id = releaseId(input.name, input.timestamp);
  const files: ManifestFile[] = input.files.map((f) => ({
    path: f.path,
    kind: kindOf(f.path, input.config),
    size: f.size,
    sha256: f.sha256,
  }));
  const source = sourceFromEnv(input.env, outside !== undefined);
  const manifest: Manifest = {
    schema: MANIFEST_SCHEMA,
    id,
    name: input.name,
    created: isoSeconds(input.created),
    bundle: { file: tarballName(id), ...(outside ?? {}) },
    files,
    metrics: input.metrics,
    ...(input.health ? { health: healthSummary(input.health, outside !== undefined) } : {}),
    ...(source ? { source } : {}),
  };
  // A manifest package writes must be one everything after it accepts.
  return manifestSchema.parse(manifest);
}

/** The manifest stored inside the tarball: reproducible from the bundle and the inputs. */
export function buildInnerManifest(input: ManifestInput): Manifest {
  return build(input, undefined);
}

/** The manifest written beside the tarball: the inner one plus the tarball's checksum and this run's facts. */
export function buildOuterManifest(input: ManifestInput, bundle: { sha256: string; size: number }): Manifest {
  return build(input, bundle);
}

export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
