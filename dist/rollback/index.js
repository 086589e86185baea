import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  runAction
} from "../chunks/chunk-LJWOJZ5W.js";
import "../chunks/chunk-KSCAS4DB.js";
import "../chunks/chunk-5LKS5IMT.js";
import "../chunks/chunk-EOU7NOBG.js";
import "../chunks/chunk-C5MTKGM7.js";
import "../chunks/chunk-UAYJCUJE.js";
import "../chunks/chunk-3GRPW3HZ.js";

// src/actions/rollback.ts
await runAction("rollback", async () => (await import("../chunks/rollback-RYWXL32I.js")).rollbackCommand);
