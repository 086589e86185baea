import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  runAction
} from "../chunks/chunk-RDHHV6CH.js";
import "../chunks/chunk-F6EQHG7F.js";
import "../chunks/chunk-X3G7Z4V5.js";
import "../chunks/chunk-VW7KBCJB.js";
import "../chunks/chunk-S5DXSWJC.js";
import "../chunks/chunk-3GRPW3HZ.js";

// src/actions/healthcheck.ts
await runAction("healthcheck", async () => (await import("../chunks/healthcheck-NTLP33R2.js")).healthcheckCommand);
