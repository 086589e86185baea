#!/usr/bin/env node
/**
 * Builds dist/ with one multi-entry esbuild run (see scripts/bundle-options.mjs): the entries
 * dist/<action>/index.js, dist/main/index.js (the root action) and dist/cli/index.js, over
 * shared chunks in dist/chunks/; then the tree worker, as one CommonJS file
 * (dist/chunks/tree-worker.cjs). onnxruntime-node stays external: its JS (bundled into one
 * CommonJS file with onnxruntime-common) and the Linux x64/arm64 binaries are vendored beside
 * the healthcheck entry, where src/core/models/onnx-runtime.ts loads them lazily.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleOptions, workerBundleOptions } from './bundle-options.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const entries = {
  healthcheck: 'src/actions/healthcheck.ts',
  package: 'src/actions/package.ts',
  deploy: 'src/actions/deploy.ts',
  gate: 'src/actions/gate.ts',
  rollback: 'src/actions/rollback.ts',
  main: 'src/actions/main.ts',
  cli: 'src/cli.ts',
};

const dist = path.join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
const entryPoints = Object.fromEntries(
  Object.entries(entries).map(([name, file]) => [`${name}/index`, path.join(root, file)]),
);
const result = await build({ ...bundleOptions(entryPoints, dist), metafile: true });
const worker = await build({
  ...workerBundleOptions(path.join(root, 'src/core/health/tree-worker.ts'), dist),
  metafile: true,
});
const outputs = [...Object.entries(result.metafile.outputs), ...Object.entries(worker.metafile.outputs)];
const size = (prefix) =>
  outputs.filter(([file]) => file.startsWith(prefix)).reduce((n, [, o]) => n + o.bytes, 0);
for (const name of Object.keys(entries))
  process.stderr.write(`dist/${name}/index.js  ${(size(`dist/${name}/`) / 1024).toFixed(0)} KB\n`);
process.stderr.write(`dist/chunks/  ${(size('dist/chunks/') / 1024).toFixed(0)} KB shared\n`);

// The bundles are ES modules: one package.json above them all says so.
writeFileSync(path.join(dist, 'package.json'), '{ "type": "module" }\n');
await vendorOnnxRuntime(path.join(dist, 'healthcheck', 'vendor', 'onnxruntime-node'));

async function vendorOnnxRuntime(dest) {
  const pkgDir = path.join(root, 'node_modules', 'onnxruntime-node');
  const version = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  mkdirSync(path.join(dest, 'dist'), { recursive: true });
  // One CommonJS file: onnxruntime-node's JS with onnxruntime-common inlined. The binding is
  // required as ../bin/napi-v6/<platform>/<arch>/onnxruntime_binding.node relative to dist/,
  // which the layout below preserves.
  await build({
    entryPoints: [path.join(pkgDir, 'dist', 'index.js')],
    outfile: path.join(dest, 'dist', 'index.cjs'),
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['*.node'],
    logLevel: 'error',
  });
  for (const arch of ['x64', 'arm64']) {
    const from = path.join(pkgDir, 'bin', 'napi-v6', 'linux', arch);
    if (!existsSync(from))
      throw new Error(`onnxruntime-node ${version} has no linux/${arch} binary at ${from}`);
    const to = path.join(dest, 'bin', 'napi-v6', 'linux', arch);
    mkdirSync(to, { recursive: true });
    for (const f of readdirSync(from)) cpSync(path.join(from, f), path.join(to, f));
  }
  if (existsSync(path.join(pkgDir, 'LICENSE')))
    cpSync(path.join(pkgDir, 'LICENSE'), path.join(dest, 'LICENSE'));
  writeFileSync(
    path.join(dest, 'package.json'),
    JSON.stringify({ name: 'onnxruntime-node', version, private: true, main: 'dist/index.cjs' }, null, 2) +
      '\n',
  );
}
