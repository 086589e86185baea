/**
 * .github/scripts/release.mjs: what the workflows use to find the release a manifest names and
 * to trust a downloaded tarball only when it matches the reviewed manifest. Real files, a real
 * git history, and the script run as the workflows run it (node, GITHUB_OUTPUT).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { repoRoot } from '../support/shared.js';

const SCRIPT = path.join(repoRoot, '.github', 'scripts', 'release.mjs');

function scratch(t: TestContext): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'modelgate-release-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function manifestFor(
  id: string,
  tarball: Buffer,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    schema: 'modelgate/manifest@1',
    id,
    name: 'macd_models_final',
    created: '2026-02-20T14:57:49Z',
    bundle: {
      file: `${id}.tar.gz`,
      sha256: createHash('sha256').update(tarball).digest('hex'),
      size: tarball.length,
    },
    files: [],
    source: { repository: 'quant/models', sha: 'a'.repeat(40), run_id: '1234567890' },
    ...extra,
  };
}

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const outputFile = path.join(cwd, `.output-${Math.random().toString(36).slice(2)}`);
  writeFileSync(outputFile, '');
  const result = spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      GITHUB_OUTPUT: outputFile,
      GITHUB_REPOSITORY: 'quant/models',
      ...env,
    },
  });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { status: result.status, stderr: result.stderr, outputs };
}

test('verify accepts the tarball the manifest names and writes its path as an output', (t) => {
  const dir = scratch(t);
  const id = 'macd_models_final_20260220_145749';
  const tarball = randomBytes(300_000);
  mkdirSync(path.join(dir, 'download'));
  writeFileSync(path.join(dir, 'download', `${id}.tar.gz`), tarball);
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifestFor(id, tarball)));
  const { status, stderr, outputs } = run(
    ['verify', '--manifest', 'manifest.json', '--dir', 'download'],
    dir,
  );
  assert.equal(status, 0, stderr);
  assert.equal(outputs.tarball, path.join(dir, 'download', `${id}.tar.gz`));
  assert.equal(outputs.sha256, createHash('sha256').update(tarball).digest('hex'));
  assert.equal(outputs.size, String(tarball.length));
});

test('verify refuses a tarball with one byte changed, a truncated one, and a missing one', (t) => {
  const dir = scratch(t);
  const id = 'r_20260101_000000';
  const tarball = randomBytes(4096);
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifestFor(id, tarball)));
  const file = path.join(dir, `${id}.tar.gz`);

  const tampered = Buffer.from(tarball);
  tampered[2048] = tampered[2048]! ^ 0xff;
  writeFileSync(file, tampered);
  let result = run(['verify', '--manifest', 'manifest.json', '--dir', '.'], dir, { GITHUB_ACTIONS: 'true' });
  assert.equal(result.status, 1);
  assert.match(
    result.stderr,
    /^::error title=release::.*sha256 [0-9a-f]{64}, but manifest\.json says [0-9a-f]{64}; the download is not the reviewed release/m,
  );
  assert.equal(result.outputs.tarball, undefined, 'no output for an unverified tarball');

  writeFileSync(file, tarball.subarray(0, 100));
  result = run(['verify', '--manifest', 'manifest.json', '--dir', '.'], dir);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /100 bytes, but manifest\.json says 4096/);

  rmSync(file);
  result = run(['verify', '--manifest', 'manifest.json', '--dir', '.'], dir);
  assert.equal(result.status, 1);
  assert.match(
    result.stderr,
    /not found; the artifact r_20260101_000000 of run 1234567890 does not hold r_20260101_000000\.tar\.gz/,
  );
});

test('resolve reads the values download-artifact needs, and the baseline when there is one', (t) => {
  const dir = scratch(t);
  const id = 'macd_models_final_20260220_145749';
  mkdirSync(path.join(dir, 'models'));
  writeFileSync(path.join(dir, 'models', 'manifest.json'), JSON.stringify(manifestFor(id, Buffer.from('x'))));
  let result = run(
    ['resolve', '--manifest', 'models/manifest.json', '--baseline', 'base/models/manifest.json'],
    dir,
  );
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.outputs.id, id);
  assert.equal(result.outputs['run-id'], '1234567890');
  assert.equal(result.outputs.file, `${id}.tar.gz`);
  assert.equal(result.outputs.manifest, path.join(dir, 'models', 'manifest.json'));
  assert.equal(result.outputs.baseline, '', 'no baseline before the first release');

  mkdirSync(path.join(dir, 'base', 'models'), { recursive: true });
  writeFileSync(
    path.join(dir, 'base', 'models', 'manifest.json'),
    JSON.stringify(manifestFor('older_20260101_000000', Buffer.from('y'))),
  );
  result = run(
    ['resolve', '--manifest', 'models/manifest.json', '--baseline', 'base/models/manifest.json'],
    dir,
  );
  assert.equal(result.outputs.baseline, path.join(dir, 'base', 'models', 'manifest.json'));
});

test('resolve refuses manifests whose values would be unsafe or useless in a workflow', (t) => {
  const dir = scratch(t);
  const cases: [string, Record<string, unknown>, RegExp][] = [
    [
      'an id that walks paths',
      { id: '../../etc' },
      /id: release id "\.\.\/\.\.\/etc" is not of letters, digits/,
    ],
    ['an id with shell', { id: 'x$(id)' }, /release id "x\$\(id\)"/],
    [
      'no run id',
      { source: { repository: 'quant/models' } },
      /source\.run_id is undefined; expected the id of the workflow run that packaged/,
    ],
    [
      'a run id with a newline',
      { source: { run_id: '12\nname=evil' } },
      /source\.run_id is "12\\nname=evil"/,
    ],
    [
      'another repository',
      { source: { repository: 'someone/else', run_id: '5' } },
      /source\.repository is someone\/else, not this repository \(quant\/models\)/,
    ],
    [
      'a tarball path',
      { bundle: { file: '../x.tar.gz', sha256: 'a'.repeat(64), size: 1 } },
      /bundle\.file "\.\.\/x\.tar\.gz" must be a plain \.tar\.gz file name/,
    ],
    ['no checksum', { bundle: { file: 'x.tar.gz', size: 1 } }, /bundle\.sha256 is missing/],
  ];
  for (const [what, override, message] of cases) {
    writeFileSync(
      path.join(dir, 'm.json'),
      JSON.stringify({ ...manifestFor('ok_1', Buffer.from('z')), ...override }),
    );
    const result = run(['resolve', '--manifest', 'm.json'], dir);
    assert.equal(result.status, 1, what);
    assert.match(result.stderr, message, what);
    assert.deepEqual(result.outputs, {}, `${what}: nothing reaches GITHUB_OUTPUT`);
  }
  const bad = run(['resolve', '--manifest', 'm.json', '--release', 'a b'], dir);
  assert.match(bad.stderr, /the release input: release id "a b"/);
});

test('resolve --release finds the manifest that released it in the branch history, and only there', (t) => {
  const dir = scratch(t);
  const gitEnv = {
    ...process.env,
    GIT_CONFIG_GLOBAL: path.join(dir, 'no-gitconfig'),
    GIT_CONFIG_NOSYSTEM: '1',
  };
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: dir,
      env: gitEnv,
      stdio: 'pipe',
    });
  git('init', '-q', '-b', 'main');
  mkdirSync(path.join(dir, 'models'));
  const first = manifestFor('macd_models_final_20260101_000000', Buffer.from('first'));
  const second = manifestFor('macd_models_final_20260201_000000', Buffer.from('second'), {
    source: { repository: 'quant/models', run_id: '222' },
  });
  writeFileSync(path.join(dir, 'models', 'manifest.json'), `${JSON.stringify(first, null, 2)}\n`);
  git('add', 'models/manifest.json');
  git('commit', '-q', '-m', 'release 1');
  const firstCommit = git('rev-parse', 'HEAD').toString().trim();
  writeFileSync(path.join(dir, 'models', 'manifest.json'), `${JSON.stringify(second, null, 2)}\n`);
  git('commit', '-q', '-am', 'release 2');

  const out = path.join(dir, 'resolved.json');
  let result = run(
    [
      'resolve',
      '--manifest',
      'models/manifest.json',
      '--release',
      'macd_models_final_20260101_000000',
      '--out',
      out,
    ],
    dir,
  );
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.outputs.commit, firstCommit);
  assert.equal(result.outputs.manifest, out);
  assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')), first);
  assert.equal(result.outputs['run-id'], '1234567890');

  result = run(['resolve', '--manifest', 'models/manifest.json', '--release', '', '--out', out], dir);
  assert.equal(
    result.outputs.id,
    'macd_models_final_20260201_000000',
    'an empty release means the current one',
  );
  assert.equal(result.outputs['run-id'], '222');

  result = run(['resolve', '--manifest', 'models/manifest.json', '--release', 'never_20990101_000000'], dir);
  assert.equal(result.status, 1);
  assert.match(
    result.stderr,
    /release never_20990101_000000 was never in models\/manifest\.json on this branch; only releases merged through a pull request can be deployed/,
  );
});
