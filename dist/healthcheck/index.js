import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  warmHealthcheckFirst
} from "../chunks/chunk-72S6AH4P.js";
import "../chunks/chunk-3GRPW3HZ.js";

// src/actions/healthcheck.ts
await warmHealthcheckFirst();
var { runAction } = await import("../chunks/runtime-L2WGGOHK.js");
await runAction("healthcheck", async () => (await import("../chunks/healthcheck-KCRCAY2S.js")).healthcheckCommand);
