import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;

// src/core/health/worker-start.ts
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
function workerSource() {
  for (const candidate of ["./tree-worker.cjs", "../chunks/tree-worker.cjs"]) {
    const url = new URL(candidate, import.meta.url);
    if (url.protocol === "file:" && existsSync(fileURLToPath(url))) return { script: fileURLToPath(url) };
  }
  if (!import.meta.url.endsWith(".ts")) return void 0;
  const source = new URL("./tree-worker.ts", import.meta.url);
  let loader;
  try {
    loader = import.meta.resolve(["tsx", "esm", "api"].join("/"));
  } catch {
    return void 0;
  }
  return {
    code: `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); })`
  };
}
function startTreeWorker() {
  const source = workerSource();
  if (!source) return void 0;
  try {
    const resourceLimits = { maxYoungGenerationSizeMb: 64 };
    const worker = "script" in source ? new Worker(source.script, { resourceLimits }) : new Worker(source.code, { eval: true, resourceLimits });
    worker.unref();
    return worker;
  } catch {
    return void 0;
  }
}
async function warmHealthcheckFirst() {
  const worker = startTreeWorker();
  (await import("./head-start-I5XUDVJP.js")).warmHealthcheck(worker);
}

export {
  startTreeWorker,
  warmHealthcheckFirst
};
