import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  runAction
} from "../chunks/chunk-5OJAAM4C.js";
import "../chunks/chunk-364ZFVRL.js";
import "../chunks/chunk-PKWGZ4YD.js";
import "../chunks/chunk-EOU7NOBG.js";
import "../chunks/chunk-4J2XETWS.js";
import "../chunks/chunk-UAYJCUJE.js";
import "../chunks/chunk-3GRPW3HZ.js";

// src/actions/deploy.ts
await runAction("deploy", async () => (await import("../chunks/deploy-AGA4TR4E.js")).deployCommand);
