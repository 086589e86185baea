/**
 * Starting the tree worker (tree-worker.ts), in a module with nothing heavy to load: a front
 * end that knows it will run a healthcheck starts the worker before it loads anything else, so
 * that the worker's isolate boots on the second core while the main thread loads the command
 * and reads the config (head-start.ts). The worker's start is on the healthcheck's longest path:
 * starting it before the CLI's first chunks load took 7-17 ms off the seed's healthcheck
 * (paired medians of 50 runs).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * How to start the worker: the built script (scripts/build.mjs writes it to
 * dist/chunks/tree-worker.cjs, beside the shared chunk that holds this module, or one folder
 * over when the bundler inlines this module into an entry), or, when this module is itself
 * TypeScript (development and tests, under tsx), the TypeScript source through tsx's loader,
 * which Node does not carry into worker threads by itself.
 */
function workerSource(): { script: string } | { code: string } | undefined {
  for (const candidate of ['./tree-worker.cjs', '../chunks/tree-worker.cjs']) {
    const url = new URL(candidate, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return { script: fileURLToPath(url) };
  }
  if (!import.meta.url.endsWith('.ts')) return undefined;
  const source = new URL('./tree-worker.ts', import.meta.url);
  let loader: string;
  try {
    // Spelt at run time so that bundlers do not pull the development loader into the action.
    loader = import.meta.resolve(['tsx', 'esm', 'api'].join('/'));
  } catch {
    return undefined;
  }
  return {
    code: `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); })`,
  };
}

/**
 * A new tree worker, or undefined when none can start (the pool then parses on the main
 * thread). Unreferenced until a TreePool adopts it, so that a worker nobody adopts never keeps
 * the process alive.
 */
export function startTreeWorker(): Worker | undefined {
  const source = workerSource();
  if (!source) return undefined;
  try {
    // A larger young generation: parsing allocates many short strings, and scavenges were a tenth of the parse.
    const resourceLimits = { maxYoungGenerationSizeMb: 64 };
    const worker =
      'script' in source
        ? new Worker(source.script, { resourceLimits })
        : new Worker(source.code, { eval: true, resourceLimits });
    worker.unref();
    return worker;
  } catch {
    return undefined;
  }
}

/**
 * What a front end that will run a healthcheck calls first: starts the worker, then loads
 * head-start.ts and hands the worker to it (`warmHealthcheck`).
 */
export async function warmHealthcheckFirst(): Promise<void> {
  const worker = startTreeWorker();
  (await import('./head-start.js')).warmHealthcheck(worker);
}
