import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  startTreeWorker
} from "../chunks/chunk-C5MTKGM7.js";
import "../chunks/chunk-3GRPW3HZ.js";

// src/cli.ts
if (process.argv[2] === "healthcheck") {
  const worker = startTreeWorker();
  (await import("../chunks/head-start-GCKUZQJA.js")).warmHealthcheck(worker);
}
var { main } = await import("../chunks/run-LRATWGY7.js");
process.exitCode = await main(process.argv.slice(2));
