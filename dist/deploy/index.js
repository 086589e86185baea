import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  runAction
} from "../chunks/chunk-X3RH6G2V.js";
import "../chunks/chunk-JMSJQQNO.js";
import "../chunks/chunk-N2GKYIME.js";
import "../chunks/chunk-EOU7NOBG.js";
import "../chunks/chunk-72S6AH4P.js";
import "../chunks/chunk-UAYJCUJE.js";
import "../chunks/chunk-3GRPW3HZ.js";

// src/actions/deploy.ts
await runAction("deploy", async () => (await import("../chunks/deploy-AGA4TR4E.js")).deployCommand);
