/**
 * A health report passed to package (input `health-report`) vouches only for the files its
 * healthcheck hashed: a report of the sample release does not let a changed copy ship.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import type { ModelgateError } from '../../src/core/errors.js';
import { runHealthcheck } from '../../src/core/health/healthcheck.js';
import { packageRelease } from '../../src/core/package/package.js';
import type { Report } from '../../src/core/report/types.js';
import { repoRoot } from '../support/shared.js';
import { sampleRelease, tempDir, TIMESTAMP } from './fixtures.js';

let sampleReport: Promise<Report> | undefined;

/** The real healthcheck's report of samples/release, run once for the file. */
async function reportOfSample(): Promise<Report> {
  sampleReport ??= sampleRelease().then((s) =>
    runHealthcheck({ bundle: s.dir, config: s.config, configFile: s.configFile }),
  );
  const report = await sampleReport;
  assert.equal(report.passed, true, 'the sample release passes its healthcheck');
  return report;
}

async function copyOfSample(t: TestContext): Promise<string> {
  const dir = path.join(await tempDir(t), 'bundle');
  await cp((await sampleRelease()).dir, dir, { recursive: true });
  return dir;
}

async function packageWith(t: TestContext, dir: string, health: Report) {
  const { config, configFile } = await sampleRelease();
  const outputDir = path.join(await tempDir(t), 'out');
  const promise = packageRelease({
    bundleDir: dir,
    config,
    configFile,
    timestamp: TIMESTAMP,
    outputDir,
    health,
    healthSource: 'reports/health.json',
  });
  return { promise, outputDir };
}

function refusedFor(pattern: RegExp) {
  return (error: ModelgateError) => {
    assert.equal(error.kind, 'input');
    assert.equal(error.file, 'reports/health.json');
    assert.match(
      error.message,
      /^reports\/health\.json: this health report was written for other files than /,
    );
    assert.match(error.message, pattern);
    assert.match(error.message, /run the healthcheck on this bundle and pass its report/);
    return true;
  };
}

test('the report of the bundle being packaged is accepted', async (t) => {
  const { promise } = await packageWith(t, await copyOfSample(t), await reportOfSample());
  const result = await promise;
  assert.equal(result.manifest.health?.passed, true);
});

test('a byte flipped after the healthcheck is refused by its sha256, leaving nothing behind', async (t) => {
  const dir = await copyOfSample(t);
  const file = path.join(dir, 'tft_1h.onnx');
  const bytes = await readFile(file);
  const middle = bytes.length >> 1;
  bytes[middle] = bytes[middle]! ^ 0xff;
  await writeFile(file, bytes);
  const { promise, outputDir } = await packageWith(t, dir, await reportOfSample());
  await assert.rejects(
    promise,
    refusedFor(/tft_1h\.onnx has sha256 [0-9a-f]{64} here and [0-9a-f]{64} in the report/),
  );
  assert.deepEqual(await readdir(outputDir).catch(() => []), []);
});

test('a file added or removed after the healthcheck is refused before anything is written', async (t) => {
  const added = await copyOfSample(t);
  await writeFile(path.join(added, 'notes.json'), '{}');
  const first = await packageWith(t, added, await reportOfSample());
  await assert.rejects(first.promise, refusedFor(/notes\.json is in the bundle but not in the report/));
  assert.deepEqual(await readdir(first.outputDir).catch(() => []), []);

  const grown = await copyOfSample(t);
  await writeFile(
    path.join(grown, 'metrics.json'),
    `${await readFile(path.join(grown, 'metrics.json'), 'utf8')}\n`,
  );
  const second = await packageWith(t, grown, await reportOfSample());
  await assert.rejects(
    second.promise,
    refusedFor(/metrics\.json is \d+ bytes here and \d+ bytes in the report/),
  );
});

test('a report without the integrity check file list cannot vouch for a bundle', async (t) => {
  const report = await reportOfSample();
  const bare: Report = {
    ...report,
    checks: report.checks.map((c) => (c.name === 'integrity' ? { ...c, details: undefined } : c)),
  };
  const { promise } = await packageWith(t, await copyOfSample(t), bare);
  await assert.rejects(promise, (error: ModelgateError) => {
    assert.equal(error.kind, 'input');
    assert.match(
      error.message,
      /^reports\/health\.json: the health report has no integrity check listing the files it hashed/,
    );
    return true;
  });
});

test('modelgate package --health-report refuses the report of another bundle, exit code 2', async (t) => {
  const work = await tempDir(t);
  const report = path.join(work, 'health.json');
  await writeFile(report, JSON.stringify(await reportOfSample()));
  const dir = await copyOfSample(t);
  await writeFile(path.join(dir, 'extra.json'), '{}');
  const r = spawnSync(
    process.execPath,
    [
      path.join(repoRoot, 'bin', 'modelgate.js'),
      'package',
      '--bundle',
      dir,
      '--config',
      path.join(repoRoot, 'samples', 'modelgate.yml'),
      '--health-report',
      report,
      '--output-dir',
      path.join(work, 'out'),
      '--upload-artifact',
      'false',
    ],
    { encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } },
  );
  assert.equal(r.status, 2, r.stderr);
  assert.match(
    r.stderr,
    /health\.json: this health report was written for other files than .*extra\.json is in the bundle but not in the report/,
  );
  assert.deepEqual(await readdir(path.join(work, 'out')).catch(() => []), []);
});
