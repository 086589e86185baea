import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  runAction
} from "../chunks/chunk-WMKSAN76.js";
import "../chunks/chunk-2WOXAW72.js";
import "../chunks/chunk-X3G7Z4V5.js";
import "../chunks/chunk-DIY7S5TL.js";
import "../chunks/chunk-UAYJCUJE.js";
import "../chunks/chunk-3GRPW3HZ.js";

// src/actions/healthcheck.ts
await runAction("healthcheck", async () => (await import("../chunks/healthcheck-3IYJCOQX.js")).healthcheckCommand);
