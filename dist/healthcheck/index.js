import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  warmHealthcheckFirst
} from "../chunks/chunk-6SXI2AK7.js";
import "../chunks/chunk-3GRPW3HZ.js";

// src/actions/healthcheck.ts
await warmHealthcheckFirst();
var { runAction } = await import("../chunks/runtime-7JK32GOI.js");
await runAction("healthcheck", async () => (await import("../chunks/healthcheck-Q6B6JHGW.js")).healthcheckCommand);
