#!/usr/bin/env node
/**
 * A stand-in for the seed's `macd-analysis` service, for the deploy tests and the demo. A
 * real daemon, but small and with no dependencies: it behaves the way deploy and rollback
 * need to observe.
 *
 *   node macd-service.mjs start|stop|restart|status <service-dir> [options]
 *
 * - start: detaches a daemon (own session, no open pipes) and writes run/macd.pid. A no-op
 *   when it already runs. restart = stop + start. status prints active/inactive and exits 0
 *   only while the daemon is alive (3 otherwise, like `systemctl is-active`).
 * - The daemon reads <dir>/.env (KEY=VALUE lines) and <dir>/live_config.py; with
 *   `use_ml_enhancement = False` there it logs "ML disabled" and loads nothing. Otherwise it
 *   loads <dir>/models: a missing folder, a file failing <dir>/models/manifest.json (sha256),
 *   or a file containing the bytes BROKEN makes it write a Python-style
 *   "Traceback (most recent call last):" to logs/app.log and exit 1. Healthy models log
 *   "lstm loaded", "tft loaded", "stacking loaded (ML_ENABLE_STACKING=0, shadow)" (or "=1, live")
 *   and "ready". With MACD_TEST_FAIL_LIVE=1 in .env, going live (ML_ENABLE_STACKING=1) fails
 *   the same way, for testing a promote that must be rolled back. A model file containing
 *   the bytes CRASH_LATER loads, logs "ready", and the daemon exits 1.5 s later without a
 *   word, as a service that dies on its first bar would.
 * - --trades: appends one trade-log line per --interval ms (default 1000) to
 *   data/live/trades_YYYYMMDD.jsonl, in the design's trade-log shape. With --bar-seconds N the
 *   lines replay missed bars: their ts starts --backfill seconds ago (default a day), or after
 *   a restart at the bar after the last one logged, and advances N seconds per line, never past
 *   the real time; once caught up, a line is written whenever another N seconds have passed.
 *   (The shadow gate ignores bars from the future.)
 * - The daemon exits by itself after --lifetime seconds (default 600), or as soon as its pid
 *   file is gone or names another process (its directory was removed), so a test that
 *   forgets to stop it leaks nothing; `stop` sends SIGTERM (then SIGKILL).
 * - Options are remembered in run/macd.options.json, so `restart` keeps them.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { setInterval, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(import.meta.url);
const [command, dirArg, ...rest] = process.argv.slice(2);

function usage() {
  process.stderr.write(
    'usage: macd-service.mjs start|stop|restart|status|run <service-dir> [--trades] [--interval ms] [--bar-seconds s] [--backfill s] [--lifetime s] [--models name]\n',
  );
  process.exit(2);
}

if (!command || !dirArg) usage();
const dir = path.resolve(dirArg);
const runDir = path.join(dir, 'run');
const pidFile = path.join(runDir, 'macd.pid');
const optionsFile = path.join(runDir, 'macd.options.json');

function parseOptions(args) {
  const options = {
    trades: false,
    interval: 1000,
    barSeconds: 0,
    backfill: 86_400,
    lifetime: 600,
    models: 'models',
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--trades') options.trades = true;
    else if (a === '--interval') options.interval = Number(args[++i]);
    else if (a === '--bar-seconds') options.barSeconds = Number(args[++i]);
    else if (a === '--backfill') options.backfill = Number(args[++i]);
    else if (a === '--lifetime') options.lifetime = Number(args[++i]);
    else if (a === '--models') options.models = String(args[++i]);
    else usage();
  }
  for (const key of ['interval', 'barSeconds', 'backfill', 'lifetime'])
    if (!Number.isFinite(options[key]) || options[key] < 0) usage();
  return options;
}

/** The time of the last bar in the newest trade log (ms), so that a restart resumes the market clock. */
function lastBarTime(liveDir) {
  let files;
  try {
    files = readdirSync(liveDir).filter((f) => /^trades_\d{8}\.jsonl$/.test(f)).sort();
  } catch {
    return undefined;
  }
  const newest = files.at(-1);
  if (!newest) return undefined;
  const lines = readFileSync(path.join(liveDir, newest), 'utf8').trimEnd().split('\n');
  try {
    const ts = Date.parse(JSON.parse(lines.at(-1)).ts);
    return Number.isNaN(ts) ? undefined : ts;
  } catch {
    return undefined;
  }
}

/** Alive and not a zombie (a container's init may never reap the detached daemon). */
function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true;
  }
}

function readPid() {
  try {
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function running() {
  const pid = readPid();
  return pid !== undefined && alive(pid) ? pid : undefined;
}

function sleepMs(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function start(options) {
  if (running()) return;
  mkdirSync(runDir, { recursive: true });
  writeFileSync(optionsFile, JSON.stringify(options));
  const child = spawn(process.execPath, [SCRIPT, 'run', dir], { detached: true, stdio: 'ignore', cwd: dir });
  child.unref();
  writeFileSync(pidFile, `${child.pid}\n`);
}

function stop() {
  const pid = readPid();
  if (pid !== undefined && alive(pid)) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // gone meanwhile
    }
    for (let i = 0; i < 100 && alive(pid); i++) sleepMs(50);
    if (alive(pid)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
  }
  rmSync(pidFile, { force: true });
}

function storedOptions() {
  try {
    return { ...parseOptions([]), ...JSON.parse(readFileSync(optionsFile, 'utf8')) };
  } catch {
    return parseOptions([]);
  }
}

switch (command) {
  case 'start':
    start(rest.length ? parseOptions(rest) : storedOptions());
    break;
  case 'restart':
    stop();
    start(rest.length ? parseOptions(rest) : storedOptions());
    break;
  case 'stop':
    stop();
    break;
  case 'status': {
    const pid = running();
    process.stdout.write(pid ? 'active\n' : 'inactive\n');
    process.exit(pid ? 0 : 3);
    break;
  }
  case 'run':
    daemon(storedOptions());
    break;
  default:
    usage();
}

// ---------------------------------------------------------------------------------------
// The daemon

function daemon(options) {
  const logFile = path.join(dir, 'logs', 'app.log');
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = (level, message) =>
    appendFileSync(
      logFile,
      `${new Date().toISOString()} ${level} macd-analysis[${process.pid}] ${message}\n`,
    );
  const exit = (code) => {
    if (readPid() === process.pid) rmSync(pidFile, { force: true });
    process.exit(code);
  };
  const traceback = (where, error) => {
    appendFileSync(
      logFile,
      [
        'Traceback (most recent call last):',
        '  File "/opt/macd-analysis/ml/loader.py", line 42, in load_models',
        `    model = load_model(os.path.join(models_dir, "${where}"))`,
        '  File "/opt/macd-analysis/ml/loader.py", line 17, in load_model',
        '    return torch.load(path, map_location="cpu")',
        `RuntimeError: ${error}`,
        '',
      ].join('\n'),
    );
    log('CRITICAL', `model loading failed (${where}); exiting`);
    exit(1);
  };
  process.on('SIGTERM', () => {
    log('INFO', 'stopping (SIGTERM)');
    exit(0);
  });
  log('INFO', `starting macd-analysis (pid ${process.pid})`);

  const env = readEnv(path.join(dir, '.env'));
  const stacking = env.ML_ENABLE_STACKING === '1';
  const mlOff = /^\s*use_ml_enhancement\s*=\s*False\b/m.test(readText(path.join(dir, 'live_config.py')));
  const loaded = { lstm: false, tft: false, stacking: false };
  let crashLater = false;
  if (mlOff) log('INFO', 'ML disabled (use_ml_enhancement = False); running rules only');
  else {
    const modelsDir = path.join(dir, options.models);
    if (!existsSync(modelsDir))
      traceback(options.models, `FileNotFoundError: models directory ${modelsDir} does not exist`);
    const manifestFile = path.join(modelsDir, 'manifest.json');
    if (existsSync(manifestFile)) {
      let manifest;
      try {
        manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
      } catch (error) {
        traceback('manifest.json', `JSONDecodeError: ${error.message}`);
      }
      for (const f of manifest.files ?? []) {
        const file = path.join(modelsDir, f.path);
        if (!existsSync(file))
          traceback(f.path, `FileNotFoundError: ${f.path} listed in manifest.json is missing`);
        const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
        if (sha !== f.sha256)
          traceback(f.path, `ValueError: ${f.path} sha256 ${sha} differs from manifest.json`);
      }
      log('INFO', `manifest ${manifest.id ?? '?'} checked (${(manifest.files ?? []).length} files)`);
    }
    for (const name of walk(modelsDir)) {
      const bytes = readFileSync(path.join(modelsDir, name));
      if (bytes.includes('BROKEN'))
        traceback(
          name,
          `PytorchStreamReader failed reading zip archive: failed finding central directory (${name})`,
        );
      if (bytes.includes('CRASH_LATER')) crashLater = true;
      if (name.startsWith('lstm')) loaded.lstm = true;
      else if (name.startsWith('tft')) loaded.tft = true;
      else if (name.startsWith('stacking')) loaded.stacking = true;
    }
    if (loaded.lstm) log('INFO', 'lstm loaded');
    if (loaded.tft) log('INFO', 'tft loaded');
    if (loaded.stacking)
      log('INFO', `stacking loaded (ML_ENABLE_STACKING=${stacking ? '1, live' : '0, shadow'})`);
    if (stacking && env.MACD_TEST_FAIL_LIVE === '1')
      traceback(
        'stacking_meta_1h.pkl',
        'ValueError: meta-learner expects 5 base outputs, got 4 (MACD_TEST_FAIL_LIVE)',
      );
  }
  log('INFO', 'ready');
  if (crashLater) setTimeout(() => process.exit(1), 1500);

  if (options.trades) {
    let bar = 0;
    let written = 0;
    // With --bar-seconds, bars replay a market clock from --backfill seconds ago (or, after a
    // restart, from the bar after the last one logged), one bar of that many seconds per line,
    // so the demo gets an hour of bars in about a second; the clock never runs ahead of the
    // real one.
    const resumed = lastBarTime(path.join(dir, 'data', 'live'));
    const clockStart =
      resumed !== undefined ? resumed + options.barSeconds * 1000 : Date.now() - options.backfill * 1000;
    setInterval(() => {
      const now = options.barSeconds > 0 ? new Date(clockStart + written * options.barSeconds * 1000) : new Date();
      if (now.getTime() > Date.now()) return;
      written++;
      const day = now.toISOString().slice(0, 10).replace(/-/g, '');
      const file = path.join(dir, 'data', 'live', `trades_${day}.jsonl`);
      mkdirSync(path.dirname(file), { recursive: true });
      const bull = mlOff ? undefined : Math.round((0.45 + 0.1 * Math.sin(bar++ / 3)) * 1000) / 1000;
      const ml = mlOff
        ? { shadow_mode: !stacking, errors: [] }
        : {
            shadow_mode: !stacking,
            bull_prob: bull,
            regime: 'ranging',
            direction: bull > 0.55 ? 'bullish' : bull < 0.45 ? 'bearish' : 'neutral',
            stacking: { active: loaded.stacking, prob: bull },
            lstm: { ok: loaded.lstm, prob: bull },
            tft: { ok: loaded.tft, prob: bull },
            errors: [],
          };
      appendFileSync(file, `${JSON.stringify({ ts: now.toISOString(), symbol: 'BTCUSDT', ml })}\n`);
    }, options.interval);
  } else setInterval(() => {}, 60_000);
  // A daemon whose pid file is gone (stopped by hand, or its directory removed by a test's
  // clean-up) or names another process has been replaced or abandoned: it exits.
  setInterval(() => {
    if (readPid() !== process.pid) process.exit(0);
  }, 500).unref();
  setTimeout(() => {
    log('INFO', `lifetime of ${options.lifetime} s reached; exiting`);
    exit(0);
  }, options.lifetime * 1000).unref();
}

function readText(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function readEnv(file) {
  const env = {};
  for (const line of readText(file).split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(line);
    if (!m) continue;
    let v = m[2].trim();
    if (v.length >= 2 && ((v.startsWith("'") && v.endsWith("'")) || (v.startsWith('"') && v.endsWith('"'))))
      v = v.slice(1, -1);
    env[m[1]] = v;
  }
  return env;
}

function walk(root, rel = '') {
  const out = [];
  for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const name = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...walk(root, name));
    else if (statSync(path.join(root, name)).isFile() && name !== 'manifest.json') out.push(name);
  }
  return out.sort();
}
