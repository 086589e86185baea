import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  warmHealthcheckFirst
} from "../chunks/chunk-4J2XETWS.js";
import "../chunks/chunk-3GRPW3HZ.js";

// src/actions/healthcheck.ts
await warmHealthcheckFirst();
var { runAction } = await import("../chunks/runtime-OPPDNCMQ.js");
await runAction("healthcheck", async () => (await import("../chunks/healthcheck-Z5LMEIMR.js")).healthcheckCommand);
