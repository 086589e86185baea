import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  warmHealthcheckFirst
} from "../chunks/chunk-DR5A6DVQ.js";
import "../chunks/chunk-3GRPW3HZ.js";

// src/actions/healthcheck.ts
await warmHealthcheckFirst();
var { runAction } = await import("../chunks/runtime-WTQS5WF2.js");
await runAction("healthcheck", async () => (await import("../chunks/healthcheck-NTZNJQZ4.js")).healthcheckCommand);
