import type { BuildOptions } from 'esbuild';

/** The banner that gives bundled CommonJS its require, and __dirname and __filename under other names. */
export const COMMONJS_SHIMS: string;
/** The options of `npm run build`'s esbuild run, for these entries (output path without .js -> source). */
export function bundleOptions(entryPoints: Record<string, string>, outdir: string): BuildOptions;
/** The options of `npm run build`'s second esbuild run: the tree worker as one CommonJS file, dist/chunks/tree-worker.cjs. */
export function workerBundleOptions(source: string, outdir: string): BuildOptions;
