import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  startTreeWorker
} from "../chunks/chunk-C5MTKGM7.js";
import "../chunks/chunk-3GRPW3HZ.js";

// src/actions/healthcheck.ts
var worker = startTreeWorker();
(await import("../chunks/head-start-GCKUZQJA.js")).warmHealthcheck(worker);
var { runAction } = await import("../chunks/runtime-K2QKJY4B.js");
await runAction("healthcheck", async () => (await import("../chunks/healthcheck-HJXBUVAZ.js")).healthcheckCommand);
