/**
 * The shadow gate over one million generated trade-log lines (about 300 MB) against `jq`
 * computing the same ML coverage and mean bull_prob in the same run (streaming `reduce
 * inputs`, best of 2 each), and the gate's peak memory (maxRSS of a child process) for one
 * hundred thousand and for one million lines.
 * Targets: faster than jq; peak memory for 1M lines at most 1.2 times that for 100k.
 *
 *   node --import tsx bench/gate.ts        (or `npm run bench`)
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { configSchema, type ShadowConfig } from '../src/core/config/schema.js';
import { evaluateShadowGate, type ShadowGateResult } from '../src/core/gate/shadow.js';
import { writeTradeLogs } from '../test/support/trade-logs.js';

const run = promisify(execFile);

const LARGE = 1_000_000;
const SMALL = 100_000;
const RUNS = 2;
export const TARGET_MEMORY_RATIO = 1.2;

/** Coverage and mean over every bar, the numbers a person would check by hand with jq. */
const JQ_PROGRAM =
  'reduce inputs as $l ({n: 0, c: 0, s: 0}; .n += 1 | ($l.ml.bull_prob) as $p ' +
  '| if ($p | type) == "number" then .c += 1 | .s += $p else . end) | {coverage: (.c / .n), mean: (.s / .c)}';

export interface GateBenchResult {
  lines: number;
  bytes: number;
  files: number;
  gateSeconds: number;
  jqSeconds: number;
  /** jq time / gate time: above 1 means the gate is faster. */
  speedup: number;
  agree: boolean;
  gate: { coverage: number | null; mean: number | null };
  jq: { coverage: number; mean: number };
  rssSmallMB: number;
  rssLargeMB: number;
  memoryRatio: number;
}

function shadowConfig(): ShadowConfig {
  const config = configSchema.parse({
    release: { name: 'bench', artifacts: [{ path: 'model.onnx', kind: 'onnx' }] },
    gate: { shadow: {} },
  });
  return config.gate.shadow as ShadowConfig;
}

async function logFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort().map((name) => path.join(dir, name));
}

/** The whole history, no window: every generated bar counts, as it does for jq. */
function gate(files: string[]): Promise<ShadowGateResult> {
  return evaluateShadowGate({ files, config: shadowConfig(), since: new Date(0) });
}

async function timed<T>(fn: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, value };
}

/** Peak resident memory (MB) of a fresh process that runs the gate over `dir`. */
async function childPeakRss(dir: string): Promise<number> {
  const self = fileURLToPath(import.meta.url);
  const { stdout } = await run(process.execPath, ['--import', 'tsx', self, '--rss-child', dir], {
    maxBuffer: 1024 * 1024,
  });
  const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
    maxRssKB?: number;
    records?: number;
  };
  if (typeof report.maxRssKB !== 'number') throw new Error(`the memory child printed no maxRssKB: ${stdout}`);
  return report.maxRssKB / 1024;
}

export async function measureGate(): Promise<GateBenchResult> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'modelgate-bench-gate-'));
  try {
    const largeDir = path.join(root, 'large');
    const smallDir = path.join(root, 'small');
    // 5-second bars: 1M lines are 58 daily files, as a long-running service would leave them.
    const large = await writeTradeLogs(largeDir, {
      records: LARGE,
      intervalSeconds: 5,
      coverage: 0.93,
      seed: 7,
    });
    await writeTradeLogs(smallDir, { records: SMALL, intervalSeconds: 5, coverage: 0.93, seed: 7 });
    const files = await logFiles(largeDir);

    const gateTimes: number[] = [];
    const jqTimes: number[] = [];
    let ours: ShadowGateResult | undefined;
    let theirs: { coverage: number; mean: number } | undefined;
    for (let i = 0; i < RUNS; i++) {
      const g = await timed(() => gate(files));
      gateTimes.push(g.seconds);
      ours = g.value;
      const j = await timed(() => run('jq', ['-n', '-c', JQ_PROGRAM, ...files], { maxBuffer: 1024 * 1024 }));
      jqTimes.push(j.seconds);
      theirs = JSON.parse(j.value.stdout) as { coverage: number; mean: number };
    }
    if (!ours || !theirs) throw new Error('no run');
    const coverage = ours.metrics.ml_coverage;
    const mean = ours.metrics.bull_prob?.mean ?? null;
    const agree =
      ours.metrics.records === LARGE &&
      coverage !== null &&
      mean !== null &&
      Math.abs(coverage - theirs.coverage) < 1e-12 &&
      Math.abs(mean - theirs.mean) < 1e-9;

    const rssSmallMB = await childPeakRss(smallDir);
    const rssLargeMB = await childPeakRss(largeDir);
    const gateSeconds = Math.min(...gateTimes);
    const jqSeconds = Math.min(...jqTimes);
    return {
      lines: large.lines,
      bytes: large.bytes,
      files: files.length,
      gateSeconds,
      jqSeconds,
      speedup: jqSeconds / gateSeconds,
      agree,
      gate: { coverage, mean },
      jq: theirs,
      rssSmallMB,
      rssLargeMB,
      memoryRatio: rssLargeMB / rssSmallMB,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export async function benchGate(): Promise<void> {
  const r = await measureGate();
  const fast = r.speedup > 1;
  const flat = r.memoryRatio <= TARGET_MEMORY_RATIO;
  console.log(
    `shadow gate over ${r.lines.toLocaleString('en-US')} trade-log lines (${(r.bytes / 1e6).toFixed(0)} MB, ${r.files} daily files), best of ${RUNS}`,
  );
  console.log(
    `  modelgate gate  ${r.gateSeconds.toFixed(2)} s  (${(r.bytes / 1e6 / r.gateSeconds).toFixed(0)} MB/s, every metric and rule)`,
  );
  console.log(
    `  jq reduce       ${r.jqSeconds.toFixed(2)} s  (${(r.bytes / 1e6 / r.jqSeconds).toFixed(0)} MB/s, coverage and mean only)`,
  );
  console.log(`  speed           ${r.speedup.toFixed(2)}x jq (target > 1) ${fast ? 'ok' : 'BELOW TARGET'}`);
  console.log(
    `  same numbers    coverage ${r.gate.coverage} vs ${r.jq.coverage}, mean ${r.gate.mean} vs ${r.jq.mean}: ${r.agree ? 'agree' : 'DIFFER'}`,
  );
  console.log(
    `  peak RSS        ${SMALL.toLocaleString('en-US')} lines ${r.rssSmallMB.toFixed(1)} MB, ${LARGE.toLocaleString('en-US')} lines ${r.rssLargeMB.toFixed(1)} MB`,
  );
  console.log(
    `  memory ratio    ${r.memoryRatio.toFixed(2)} (target <= ${TARGET_MEMORY_RATIO}) ${flat ? 'ok' : 'ABOVE TARGET'}`,
  );
  if (!fast || !flat || !r.agree) process.exitCode = 1;
}

async function rssChild(dir: string): Promise<void> {
  const result = await gate(await logFiles(dir));
  console.log(JSON.stringify({ records: result.metrics.records, maxRssKB: process.resourceUsage().maxRSS }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const at = process.argv.indexOf('--rss-child');
  if (at !== -1) await rssChild(process.argv[at + 1] ?? '.');
  else await benchGate();
}
