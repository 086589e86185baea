/**
 * The onnxruntime-node loader as the built action uses it: bundled into one ESM file with
 * onnxruntime-node vendored beside it. The bundle is made with esbuild into a temporary
 * folder, with a stand-in vendored module, and run in its own node process.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { loadOrt } from '../../src/core/models/onnx-runtime.js';
import { repoRoot } from '../support/shared.js';
import { tempDir } from './support.js';

const run = promisify(execFile);

async function bundleLoader(dir: string): Promise<string> {
  const outfile = path.join(dir, 'index.js');
  await build({
    stdin: {
      contents: `import { loadOrt } from ${JSON.stringify(path.join(repoRoot, 'src/core/models/onnx-runtime.ts'))};
        try { const ort = await loadOrt(); console.log(JSON.stringify({ vendored: ort.vendored === true })); }
        catch (e) { console.log(JSON.stringify({ error: e.message, name: e.name })); }`,
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    external: ['onnxruntime-node'],
    logLevel: 'error',
  });
  return outfile;
}

async function vendor(dir: string, source: string): Promise<void> {
  const file = path.join(dir, 'vendor', 'onnxruntime-node', 'dist', 'index.cjs');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, source);
}

test('the built action loads the onnxruntime-node vendored beside it', async (t) => {
  const dir = await tempDir(t);
  const script = await bundleLoader(dir);
  await vendor(
    dir,
    'exports.InferenceSession = { create: async () => null }; exports.Tensor = function Tensor() {}; exports.vendored = true;',
  );
  const { stdout } = await run(process.execPath, [script]);
  assert.deepEqual(JSON.parse(stdout), { vendored: true });
});

test('a vendored binary that cannot load names the platform and the shipped binaries', async (t) => {
  const dir = await tempDir(t);
  const script = await bundleLoader(dir);
  await vendor(
    dir,
    "throw new Error('/vendor/onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node: invalid ELF header');",
  );
  const { stdout } = await run(process.execPath, [script]);
  const result = JSON.parse(stdout) as { error: string; name: string };
  assert.equal(result.name, 'ModelgateError');
  assert.ok(result.error.includes(`${process.platform}/${process.arch}`), result.error);
  assert.match(result.error, /invalid ELF header/);
  assert.match(result.error, /linux x64 and linux arm64|reinstall it/);
});

test('in development the npm package is loaded, once', async () => {
  const a = await loadOrt();
  const b = await loadOrt();
  assert.equal(a, b);
  assert.equal(typeof a.InferenceSession.create, 'function');
  assert.equal(typeof a.Tensor, 'function');
});
