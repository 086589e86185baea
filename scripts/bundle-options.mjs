import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The esbuild options of `npm run build`, shared with the test that checks the tree worker is
 * found from the bundles (test/health/tree-pool.test.ts).
 *
 * One multi-entry ESM build: each action's entry is dist/<name>/index.js (the path its
 * action.yml runs), and the code the entries share is written once, as chunks in dist/chunks/,
 * which each entry imports by relative path. Commands are imported lazily by the entries, so a
 * run loads only the chunks of the command it runs. The tree worker is a second build, one file
 * of its own beside the chunks (dist/chunks/tree-worker.cjs, see `workerBundleOptions`), where
 * src/core/health/tree-pool.ts looks for it.
 */

/**
 * Bundled CommonJS (ssh2) reads require, __dirname and __filename, which an ES module does not
 * have: each output file defines them from import.meta (Node 20.11+). The last two under names
 * of their own, which `define` below substitutes wherever the code reads the free identifiers,
 * since a bundled module may declare a top-level `__filename` of its own.
 */
export const COMMONJS_SHIMS = [
  "import { createRequire as __modelgateCreateRequire } from 'node:module';",
  'const require = __modelgateCreateRequire(import.meta.url);',
  'const __modelgateFilename = import.meta.filename;',
  'const __modelgateDirname = import.meta.dirname;',
].join(' ');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Two libraries as the actions need them, which every healthcheck pays for in module loading:
 * - yaml's ES module build (the one its `default` export condition names) instead of its
 *   CommonJS build, which esbuild can only wrap module by module, unshaken, and run at import;
 * - zod with its English messages only: `z.locales` namespaces some 60 translations that
 *   nothing here asks for. The schemas use zod's mini API, set to English from locales/en.js
 *   (src/core/validation/zod.ts); the namespace is imported by zod's mini, classic and core
 *   modules alike, so each of the three gets the one-locale stub.
 */
const lighterLibraries = {
  name: 'lighter-libraries',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({
      path: path.join(root, 'node_modules', 'yaml', 'browser', 'index.js'),
    }));
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core|mini)$/.test(args.resolveDir)
        ? { path: 'zod-locales', namespace: 'modelgate' }
        : undefined,
    );
    build.onLoad({ filter: /^zod-locales$/, namespace: 'modelgate' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: root,
    }));
  },
};

/** @param {Record<string, string>} entryPoints output path (without .js) -> source file */
export function bundleOptions(entryPoints, outdir) {
  return {
    entryPoints,
    outdir,
    // Paths in the output (comments, chunk hashes) are relative to this: the same bytes
    // whatever folder the build is started from.
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    // Valid on the node24 runtime the actions declare and on Node 20.
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: COMMONJS_SHIMS },
    define: { __filename: '__modelgateFilename', __dirname: '__modelgateDirname' },
    // onnxruntime-node is vendored beside the healthcheck entry (see scripts/build.mjs). ssh2's
    // optional native helpers (sshcrypto, cpu-features) are compiled at npm install for one
    // Node ABI; left out, ssh2 falls back to Node's own crypto.
    external: ['onnxruntime-node', '*.node', 'cpu-features'],
    legalComments: 'eof',
    logLevel: 'warning',
    plugins: [lighterLibraries],
  };
}

/**
 * The tree worker (src/core/health/tree-worker.ts) as one CommonJS file,
 * dist/chunks/tree-worker.cjs, with nothing split out. The worker's start is on the
 * healthcheck's longest path, and both choices shorten it (paired medians of 40-50 seed
 * healthchecks): one file instead of an entry over six shared chunks, each of which its own ES
 * module loader had to fetch and link (-10 to -13 ms of wall time, -20 ms of CPU); CommonJS,
 * whose `require` of node:fs and node:crypto skips the ES module facades of the built-ins, which
 * read every lazy export (-10 to -17 ms, -8 to -16 ms). The code the worker shares with the main
 * thread is in dist/ twice; the main thread loads its copy only when it parses a model itself.
 * CommonJS has require, __dirname and __filename of its own: no banner, no renaming.
 * @param {string} source the worker's TypeScript entry
 * @param {string} outdir dist/, or where the build writes
 */
export function workerBundleOptions(source, outdir) {
  const {
    banner: _banner,
    define: _define,
    ...options
  } = bundleOptions({ 'chunks/tree-worker': source }, outdir);
  return { ...options, splitting: false, format: 'cjs', outExtension: { '.js': '.cjs' } };
}
