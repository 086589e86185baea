/**
 * Small release tarballs for the deploy tests: a few model-named files (random bytes, so
 * they do not compress away), packed with the real `tar -czf` as a person would, with a
 * manifest in modelgate's shape beside it (and a copy inside, without the bundle fields, as
 * the service checks it). Small enough that a whole deploy takes well under a second.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { promisify } from 'node:util';
import { configSchema, type Config, type DeployConfig } from '../../src/core/config/schema.js';
import { MANIFEST_SCHEMA, type Manifest } from '../../src/core/manifest.js';
import { serviceCommands } from '../support/service.js';

const run = promisify(execFile);

export interface Release {
  id: string;
  tarball: string;
  manifest: Manifest;
  files: Record<string, Buffer>;
}

export interface ReleaseOptions {
  /** Bytes of the biggest model file (default 64 KiB). */
  size?: number;
  /** Make the LSTM file fail to load in the service. */
  broken?: boolean;
  /** Make the service load the release, log "ready" and exit 1.5 s later. */
  crashesLater?: boolean;
  /** Leave manifest.json out of the tarball. */
  noInnerManifest?: boolean;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Builds `<dir>/<id>.tar.gz` and returns it with its manifest. */
export async function makeRelease(dir: string, id: string, options: ReleaseOptions = {}): Promise<Release> {
  const size = options.size ?? 64 * 1024;
  const files: Record<string, Buffer> = {
    'lstm_1h.onnx': options.broken
      ? Buffer.concat([Buffer.from('BROKEN'), randomBytes(size)])
      : options.crashesLater
        ? Buffer.concat([Buffer.from('CRASH_LATER'), randomBytes(size)])
        : randomBytes(size),
    'tft_1h.pt': randomBytes(Math.ceil(size / 2)),
    'stacking_meta_1h.json': Buffer.from(
      JSON.stringify({
        base_models: ['stacking_lgb_1h.txt'],
        meta_learner: { type: 'logistic', coef: [1], intercept: 0 },
        release: id,
      }),
    ),
    'stacking_lgb_1h.txt': Buffer.from(`tree\nversion=v4\nrelease=${id}\n`),
  };
  const src = await mkdtemp(path.join(dir, `src-${id}-`));
  for (const [name, data] of Object.entries(files)) await writeFile(path.join(src, name), data);
  const manifest: Manifest = {
    schema: MANIFEST_SCHEMA,
    id,
    name: id.replace(/_\d{8}_\d{6}$/, ''),
    created: new Date().toISOString(),
    files: Object.entries(files)
      .map(([p, data]) => ({
        path: p,
        kind: p.endsWith('.json')
          ? ('json' as const)
          : p.endsWith('.txt')
            ? ('lightgbm' as const)
            : p.endsWith('.pt')
              ? ('torch' as const)
              : ('onnx' as const),
        size: data.length,
        sha256: sha256(data),
      }))
      .sort((a, b) => (a.path < b.path ? -1 : 1)),
    metrics: { horizons: {}, base: {}, models: {} },
  };
  if (!options.noInnerManifest)
    await writeFile(path.join(src, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const tarball = path.join(dir, `${id}.tar.gz`);
  await run('tar', ['-czf', tarball, '-C', src, '.']);
  await rm(src, { recursive: true, force: true });
  const bytes = await readFile(tarball);
  manifest.bundle = { file: path.basename(tarball), sha256: sha256(bytes), size: (await stat(tarball)).size };
  return { id, tarball, manifest, files };
}

/** A tarball with a `../escape.txt` entry (made with Python's tarfile, which allows it). */
export async function makeDotDotTarball(dir: string, id: string): Promise<Release> {
  const release = await makeRelease(dir, id);
  const evil = path.join(dir, `${id}-evil.tar.gz`);
  const script = [
    'import io, sys, tarfile',
    'src, dst = sys.argv[1], sys.argv[2]',
    'with tarfile.open(src, "r:gz") as a, tarfile.open(dst, "w:gz") as b:',
    '    for m in a.getmembers():',
    '        b.addfile(m, a.extractfile(m) if m.isfile() else None)',
    '    data = b"escaped\\n"',
    '    info = tarfile.TarInfo("../escape.txt"); info.size = len(data)',
    '    b.addfile(info, io.BytesIO(data))',
  ].join('\n');
  await run('/usr/bin/python3', ['-c', script, release.tarball, evil]);
  const bytes = await readFile(evil);
  return {
    ...release,
    tarball: evil,
    manifest: {
      ...release.manifest,
      bundle: { file: path.basename(evil), sha256: sha256(bytes), size: bytes.length },
    },
  };
}

export async function tempDir(t: TestContext, prefix = 'modelgate-deploy-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestConfig {
  deploy: DeployConfig;
  rollback: Config['rollback'];
}

/** The seed's deploy and rollback sections, pointed at the test service in `serviceDir`. */
export function testConfig(serviceDir: string, overrides: Record<string, unknown> = {}): TestConfig {
  const commands = serviceCommands(serviceDir);
  const config = configSchema.parse({
    release: { name: 'macd_models_final', artifacts: [{ path: 'lstm_1h.onnx', kind: 'onnx' }] },
    deploy: {
      target: 'local',
      path: serviceDir,
      models_dir: 'models',
      keep_releases: 3,
      service: 'macd-analysis',
      restart: commands.restart,
      is_active: commands.is_active,
      log_file: 'logs/app.log',
      verify: {
        expect: ['stacking', 'lstm'],
        fail: ['Traceback', 'ERROR', 'CRITICAL'],
        timeout: '20s',
        settle: '1s',
      },
      flags: { file: '.env', shadow: { ML_ENABLE_STACKING: '0' }, promote: { ML_ENABLE_STACKING: '1' } },
      lock_timeout: '60s',
      ...overrides,
    },
    rollback: {
      ml_off: {
        file: 'live_config.py',
        pattern: 'use_ml_enhancement = True',
        replace: 'use_ml_enhancement = False',
      },
    },
  });
  if (!config.deploy) throw new Error('no deploy section');
  return { deploy: config.deploy, rollback: config.rollback };
}

/** Parsed `.modelgate/history.jsonl`. */
export async function history(serviceDir: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(path.join(serviceDir, '.modelgate', 'history.jsonl'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

export async function ensureDir(p: string): Promise<void> {
  await mkdir(p, { recursive: true });
}
