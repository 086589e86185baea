/**
 * The stand-in `macd-analysis` service (samples/service/macd-service.mjs, also run by the demo) and a service
 * directory laid out like the seed's server (`/opt/macd-analysis`: models/, .env,
 * live_config.py, logs/, backup/). Every test that starts the service stops it afterwards
 * (`t.after`); the daemon also exits by itself after its lifetime.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { shellQuote } from '../../src/core/remote/quote.js';

const run = promisify(execFile);

export const SERVICE_SCRIPT = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'samples',
  'service',
  'macd-service.mjs',
);

/** `restart` and `is_active` commands for deploy config, as a shell would run them. */
export function serviceCommands(
  dir: string,
  extra: string[] = [],
): { restart: string; is_active: string; stop: string } {
  const base = `${shellQuote(process.execPath)} ${shellQuote(SERVICE_SCRIPT)}`;
  const args = [shellQuote(dir), ...extra.map(shellQuote)].join(' ');
  return {
    restart: `${base} restart ${args}`,
    is_active: `${base} status ${shellQuote(dir)}`,
    stop: `${base} stop ${shellQuote(dir)}`,
  };
}

export async function stopService(dir: string): Promise<void> {
  await run(process.execPath, [SERVICE_SCRIPT, 'stop', dir]).catch(() => undefined);
}

export async function serviceActive(dir: string): Promise<boolean> {
  return run(process.execPath, [SERVICE_SCRIPT, 'status', dir]).then(
    () => true,
    () => false,
  );
}

export async function startService(t: TestContext, dir: string, extra: string[] = []): Promise<void> {
  t.after(() => stopService(dir));
  await run(process.execPath, [SERVICE_SCRIPT, 'start', dir, ...extra]);
}

export async function appLog(dir: string): Promise<string> {
  return readFile(path.join(dir, 'logs', 'app.log'), 'utf8').catch(() => '');
}

export interface ServerDirOptions {
  /** Files of the hand-installed `models/` directory (absent: no models dir). */
  models?: Record<string, string | Buffer>;
  env?: string;
  liveConfig?: string;
  /** Parent directory (default: a new temp dir). */
  parent?: string;
  /** Name of the service directory inside the parent. */
  name?: string;
}

export const SEED_ENV = '# macd-analysis settings\nAPI_KEY=not-a-real-key\nML_ENABLE_STACKING=0\n';
export const SEED_LIVE_CONFIG =
  '# live trading config\nsymbol = "BTCUSDT"\nuse_ml_enhancement = True\nmax_position = 0.1\n';

/** A service directory as the seed's server has it before modelgate; removed after the test. */
export async function makeServerDir(t: TestContext, options: ServerDirOptions = {}): Promise<string> {
  const parent = options.parent ?? (await mkdtemp(path.join(os.tmpdir(), 'modelgate-server-')));
  const dir = path.join(parent, options.name ?? 'macd-analysis');
  t.after(async () => {
    await stopService(dir);
    if (!options.parent) await rm(parent, { recursive: true, force: true });
  });
  await mkdir(path.join(dir, 'logs'), { recursive: true });
  await writeFile(path.join(dir, '.env'), options.env ?? SEED_ENV);
  await writeFile(path.join(dir, 'live_config.py'), options.liveConfig ?? SEED_LIVE_CONFIG);
  if (options.models) {
    for (const [name, content] of Object.entries(options.models)) {
      await mkdir(path.dirname(path.join(dir, 'models', name)), { recursive: true });
      await writeFile(path.join(dir, 'models', name), content);
    }
  }
  return dir;
}
