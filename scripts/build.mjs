#!/usr/bin/env node
/**
 * Builds dist/: TypeScript to lib/ with tsc, then one ncc ESM bundle per entry
 * (dist/<action>/index.js, dist/main, dist/cli). onnxruntime-node stays external: ncc's ESM
 * output does not relocate native binaries, so its JS (bundled into one CommonJS file with
 * onnxruntime-common) and the Linux x64/arm64 binaries are vendored beside the healthcheck
 * bundle, where src/core/models/onnx-runtime.ts loads them lazily.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });

const entries = {
  healthcheck: 'lib/actions/healthcheck.js',
  package: 'lib/actions/package.js',
  deploy: 'lib/actions/deploy.js',
  gate: 'lib/actions/gate.js',
  rollback: 'lib/actions/rollback.js',
  main: 'lib/actions/main.js',
  cli: 'lib/cli.js',
};

rmSync(path.join(root, 'lib'), { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.build.json']);

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
for (const [name, entry] of Object.entries(entries)) {
  process.stderr.write(`ncc ${entry} -> dist/${name}\n`);
  run(bin('ncc'), [
    'build',
    entry,
    '-o',
    `dist/${name}`,
    '-q',
    '--target',
    'es2022',
    '--no-source-map-register',
  ]);
}

// The healthcheck parses tree models on a worker thread. ncc copies the worker's unbundled
// lib/ file beside every bundle that can start it; replace each copy with a real bundle.
run(bin('ncc'), [
  'build',
  'lib/core/health/tree-worker.js',
  '-o',
  'dist/.tree-worker',
  '-q',
  '--target',
  'es2022',
  '--no-source-map-register',
]);
for (const name of Object.keys(entries)) {
  const copy = path.join(root, 'dist', name, 'tree-worker.js');
  if (existsSync(copy)) cpSync(path.join(root, 'dist', '.tree-worker', 'index.js'), copy);
}
rmSync(path.join(root, 'dist', '.tree-worker'), { recursive: true, force: true });

// ncc writes a package.json {"type":"module"} next to ESM output only sometimes; make it certain.
for (const name of Object.keys(entries)) {
  writeFileSync(path.join(root, 'dist', name, 'package.json'), '{ "type": "module" }\n');
}

// ncc's ESM output keeps CommonJS's __dirname/__filename where bundled code reads them (ssh2's
// emscripten poly1305 does): define them per module, from import.meta (Node 20.11+).
for (const name of Object.keys(entries)) {
  const dir = path.join(root, 'dist', name);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const shims = [];
    if (/\b__dirname\b/.test(text) && !/(?:var|let|const) __dirname\b/.test(text))
      shims.push('const __dirname = import.meta.dirname;');
    if (/\b__filename\b/.test(text) && !/(?:var|let|const) __filename\b/.test(text))
      shims.push('const __filename = import.meta.filename;');
    if (shims.length) writeFileSync(path.join(dir, file), `${shims.join(' ')}\n${text}`);
  }
}

// ssh2's optional native helpers (sshcrypto, cpu-features) are compiled at npm install for
// one Node ABI: they would break the node24 runtime and make dist/ depend on the build
// machine. ssh2 falls back to Node's own crypto when they are absent. pagent.exe is Windows-only.
for (const name of Object.keys(entries)) {
  for (const leftover of ['build', 'lib', 'pagent.exe'])
    rmSync(path.join(root, 'dist', name, leftover), { recursive: true, force: true });
}
vendorOnnxRuntime(path.join(root, 'dist', 'healthcheck', 'vendor', 'onnxruntime-node'));
rmSync(path.join(root, 'lib'), { recursive: true, force: true });

function vendorOnnxRuntime(dest) {
  const pkgDir = path.join(root, 'node_modules', 'onnxruntime-node');
  const version = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  mkdirSync(path.join(dest, 'dist'), { recursive: true });
  // One CommonJS file: onnxruntime-node's JS with onnxruntime-common inlined. The binding is
  // required as ../bin/napi-v6/<platform>/<arch>/onnxruntime_binding.node relative to dist/,
  // which the layout below preserves.
  run(bin('esbuild'), [
    path.join(pkgDir, 'dist', 'index.js'),
    '--bundle',
    '--platform=node',
    '--format=cjs',
    '--target=node20',
    '--log-level=error',
    '--external:*.node',
    `--outfile=${path.join(dest, 'dist', 'index.cjs')}`,
  ]);
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
