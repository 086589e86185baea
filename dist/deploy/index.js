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

// src/actions/deploy.ts
await runAction("deploy", async () => (await import("../chunks/deploy-CZ4VXNSX.js")).deployCommand);
