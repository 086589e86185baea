import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  runAction
} from "../chunks/chunk-ONZIYD5Y.js";
import "../chunks/chunk-RITABZ55.js";
import "../chunks/chunk-7FHITHAX.js";
import "../chunks/chunk-EOU7NOBG.js";
import "../chunks/chunk-SISKAMZT.js";
import "../chunks/chunk-UAYJCUJE.js";
import "../chunks/chunk-3GRPW3HZ.js";

// src/actions/rollback.ts
await runAction("rollback", async () => (await import("../chunks/rollback-QHAVGZOV.js")).rollbackCommand);
