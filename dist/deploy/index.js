import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  runAction
} from "../chunks/chunk-NL7RYT6R.js";
import "../chunks/chunk-IIVQPI2Y.js";
import "../chunks/chunk-X3G7Z4V5.js";
import "../chunks/chunk-Z65MS5YZ.js";
import "../chunks/chunk-UAYJCUJE.js";
import "../chunks/chunk-3GRPW3HZ.js";

// src/actions/deploy.ts
await runAction("deploy", async () => (await import("../chunks/deploy-MHRR5D3Z.js")).deployCommand);
