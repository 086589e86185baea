/**
 * `npm run demo`: the whole lifecycle of a model release on this machine, through the same
 * CLI the actions are built from (dist/cli), with no SSH, no GitHub and no network:
 *
 *   healthcheck -> package -> training gate -> deploy (shadow) -> an hour of shadow trade
 *   logs -> shadow gate -> promote -> rollback stacking -> rollback release -> rollback ml-off
 *
 * The target is a `local` directory under .demo/ laid out like the seed's /opt/macd-analysis,
 * where samples/service/macd-service.mjs plays the `macd-analysis` service (it replays the
 * last day's bars, a minute of market time per 20 ms, so an hour of bars takes about a second,
 * and none is dated after the real time, which the shadow gate would not count).
 * `npm run demo -- --ssh` does the same through a throwaway OpenSSH sshd on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// MODELGATE_DEMO_DIR lets the demo's own test run it in a temporary folder.
const demo = path.resolve(process.env.MODELGATE_DEMO_DIR ?? path.join(root, '.demo'));
const server = path.join(demo, 'server', 'macd-analysis');
const out = path.join(demo, 'out');
const reports = path.join(demo, 'reports');
const cli = path.join(root, 'dist', 'cli', 'index.js');
const service = path.join(root, 'samples', 'service', 'macd-service.mjs');
const useSsh = process.argv.includes('--ssh');
const started = Date.now();

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

interface Step {
  outputs: Record<string, string>;
  code: number;
}

let stepNo = 0;
/** Runs `modelgate <command>` and prints its outputs; the demo stops on an unexpected exit code. */
async function modelgate(title: string, args: string[], expect: number[] = [0]): Promise<Step> {
  stepNo++;
  console.log(`\n${bold(`${stepNo}. ${title}`)}`);
  console.log(`   $ modelgate ${args.map((a) => (/[\s'"]/.test(a) ? q(a) : a)).join(' ')}`);
  const child = spawn(process.execPath, [cli, ...args], { cwd: demo, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  await writeFile(path.join(reports, `${String(stepNo).padStart(2, '0')}-${args[0]}.log`), stderr);
  const outputs = (stdout.trim() ? JSON.parse(stdout) : {}) as Record<string, string>;
  if (!expect.includes(code)) {
    console.log(stderr.split('\n').slice(-30).join('\n'));
    throw new Error(`modelgate ${args[0]} exited ${code}, expected ${expect.join(' or ')}`);
  }
  for (const [k, v] of Object.entries(outputs)) {
    if (k === 'notes' || k === 'metrics') continue;
    console.log(`   ${k.padEnd(20)} ${v.length > 100 ? `${v.slice(0, 97)}...` : v}`);
  }
  console.log(`   exit ${code}`);
  return { outputs, code };
}

function say(line: string): void {
  console.log(`   ${line}`);
}

async function serviceLogTail(lines = 4): Promise<void> {
  const log = await readFile(path.join(server, 'logs', 'app.log'), 'utf8').catch(() => '');
  for (const l of log.trim().split('\n').slice(-lines)) say(`app.log | ${l}`);
}

async function stopService(): Promise<void> {
  await new Promise((resolve) =>
    spawn(process.execPath, [service, 'stop', server], { stdio: 'ignore' }).on('close', resolve),
  );
}

async function main(): Promise<void> {
  await rm(demo, { recursive: true, force: true });
  await mkdir(reports, { recursive: true });

  // The server as the seed has it before modelgate: a plain models/ directory installed by
  // hand (here: the sample release), .env with stacking off, live_config.py with ML on.
  await mkdir(path.join(server, 'logs'), { recursive: true });
  await cp(path.join(root, 'samples', 'release'), path.join(server, 'models'), { recursive: true });
  await writeFile(
    path.join(server, '.env'),
    '# macd-analysis settings\nAPI_KEY=demo-not-a-secret\nML_ENABLE_STACKING=0\n',
  );
  await writeFile(
    path.join(server, 'live_config.py'),
    '# live trading config\nsymbol = "BTCUSDT"\nuse_ml_enhancement = True\n',
  );

  // The sample config, pointed at this machine. 60000 ms bars every 20 ms: an hour in ~1.2 s.
  const config = parse(await readFile(path.join(root, 'samples', 'modelgate.yml'), 'utf8')) as Record<
    string,
    Record<string, unknown>
  >;
  const svc = `${q(process.execPath)} ${q(service)}`;
  config.deploy = {
    ...config.deploy,
    target: useSsh ? 'ssh' : 'local',
    host: '127.0.0.1',
    path: server,
    restart: `${svc} restart ${q(server)} --trades --interval 20 --bar-seconds 60 --lifetime 300`,
    is_active: `${svc} status ${q(server)}`,
    logs: undefined,
    log_file: 'logs/app.log',
    verify: {
      expect: ['stacking loaded', 'lstm loaded'],
      fail: ['Traceback', 'ERROR', 'CRITICAL'],
      timeout: '20s',
      settle: '2s',
    },
  };
  delete config.deploy.logs;
  const gate = config.gate as { shadow: Record<string, unknown> };
  gate.shadow = { ...gate.shadow, window: 0, promote_after: '1h' };
  await writeFile(
    path.join(demo, 'modelgate.yml'),
    `# The demo's config: samples/modelgate.yml with a local target under .demo/\n${stringify(config)}`,
  );

  let ssh: string[] = [];
  let stopSshd: (() => Promise<void>) | undefined;
  if (useSsh) {
    const { startSshd } = await import('../test/support/sshd.js');
    const sshd = await startSshd();
    stopSshd = () => sshd.stop();
    await writeFile(path.join(demo, 'known_hosts'), `${sshd.knownHostsLine}\n`);
    ssh = [
      '--port',
      String(sshd.port),
      '--username',
      sshd.username,
      '--private-key',
      sshd.privateKey,
      '--known-hosts',
      sshd.knownHostsLine,
    ];
    say(`sshd listening on 127.0.0.1:${sshd.port}`);
  }

  try {
    console.log(
      bold(`modelgate demo: the sample release from healthcheck to rollback${useSsh ? ' (over SSH)' : ''}`),
    );
    say(
      `target ${useSsh ? 'ssh 127.0.0.1' : 'local'} ${path.relative(root, server)}, config ${path.relative(root, path.join(demo, 'modelgate.yml'))}`,
    );

    const health = await modelgate('Healthcheck the release bundle', [
      'healthcheck',
      '--bundle',
      path.join(root, 'samples', 'release'),
      '--report',
      'reports/healthcheck.json',
    ]);
    say(`inference: ${health.outputs.inference}`);

    const pkg = await modelgate('Package it: reproducible tarball, manifest, release notes', [
      'package',
      '--bundle',
      path.join(root, 'samples', 'release'),
      '--output-dir',
      'out',
      '--health-report',
      'reports/healthcheck.json',
    ]);
    const id = pkg.outputs['release-id']!;

    await modelgate("Training gate on the manifest (the seed's metrics: only 1h is usable)", [
      'gate',
      '--mode',
      'training',
      '--manifest',
      pkg.outputs.manifest!,
      '--report',
      'reports/gate-training.json',
    ]);
    const training = JSON.parse(await readFile(path.join(reports, 'gate-training.json'), 'utf8')) as {
      checks: { status: string; message: string }[];
    };
    for (const c of training.checks.filter((x) => x.status !== 'pass'))
      say(`${c.status.padEnd(4)} ${c.message}`);

    await modelgate('Deploy in shadow phase (the server had a hand-installed models/ directory)', [
      'deploy',
      '--tarball',
      pkg.outputs.tarball!,
      '--phase',
      'shadow',
      ...ssh,
    ]);
    await serviceLogTail();

    stepNo++;
    console.log(`\n${bold(`${stepNo}. Let the service trade in shadow mode for an hour of bars`)}`);
    const logDir = path.join(server, 'data', 'live');
    for (let i = 0; i < 100; i++) {
      const files = await readdir(logDir).catch(() => [] as string[]);
      const lines =
        (await Promise.all(files.map((f) => readFile(path.join(logDir, f), 'utf8')))).join('').split('\n')
          .length - 1;
      if (lines >= 75) {
        say(`${lines} bars in ${files.join(', ')}`);
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }

    await modelgate('Shadow gate on the trade logs, for promotion', [
      'gate',
      '--mode',
      'shadow',
      '--promote',
      'true',
      '--report',
      'reports/gate-shadow.json',
      ...ssh,
    ]);
    const shadow = JSON.parse(await readFile(path.join(reports, 'gate-shadow.json'), 'utf8')) as {
      summary: string;
      metrics: {
        records: number;
        ml_coverage: number;
        stacking_activation: number;
        hours_covered: number;
        bull_prob?: { mean: number; std: number };
      };
    };
    const m = shadow.metrics;
    say(
      `${m.records} bars over ${m.hours_covered.toFixed(2)} h: coverage ${m.ml_coverage}, stacking ${m.stacking_activation}, bull_prob mean ${m.bull_prob?.mean.toFixed(3)} std ${m.bull_prob?.std.toFixed(3)}`,
    );
    say(shadow.summary);

    await modelgate('Promote: stacking goes live (ML_ENABLE_STACKING=1)', [
      'deploy',
      '--tarball',
      pkg.outputs.tarball!,
      '--phase',
      'promote',
      ...ssh,
    ]);
    await serviceLogTail(2);

    await modelgate('Rollback level stacking (dry run first)', [
      'rollback',
      '--level',
      'stacking',
      '--dry-run',
      ...ssh,
    ]);
    await modelgate('Rollback level stacking: back to the shadow flags', [
      'rollback',
      '--level',
      'stacking',
      ...ssh,
    ]);
    await modelgate('Rollback level release: back to the hand-installed models', [
      'rollback',
      '--level',
      'release',
      ...ssh,
    ]);
    await modelgate('Rollback level ml-off: use_ml_enhancement = False in live_config.py', [
      'rollback',
      '--level',
      'ml-off',
      ...ssh,
    ]);
    await serviceLogTail(2);

    const env = await readFile(path.join(server, '.env'), 'utf8');
    const history = (await readFile(path.join(server, '.modelgate', 'history.jsonl'), 'utf8'))
      .trim()
      .split('\n');
    console.log(`\n${bold('Done')} in ${((Date.now() - started) / 1000).toFixed(1)} s. Release ${id}.`);
    say(
      `.env now:        ${env
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('ML_'))
        .join(' ')}`,
    );
    say(
      `history:         ${history.length} entries in ${path.relative(root, path.join(server, '.modelgate', 'history.jsonl'))}`,
    );
    say('Where to look:');
    say(`  release notes  ${path.relative(root, path.join(out, `${id}.notes.md`))}`);
    say(`  manifest       ${path.relative(root, path.join(out, `${id}.manifest.json`))}`);
    say(
      `  reports        ${path.relative(root, reports)}/ (healthcheck.json, gate-*.json, one log per step)`,
    );
    say(`  the server     ${path.relative(root, server)}/ (models -> releases/<id>, backup/, .modelgate/)`);
  } finally {
    await stopService();
    await stopSshd?.();
  }
}

main().catch((error: unknown) => {
  console.error(`\ndemo failed: ${(error as Error).message}`);
  process.exitCode = 1;
});
