import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  runAction
} from "../chunks/chunk-ZVHPN45F.js";
import "../chunks/chunk-PFCLQHVO.js";
import "../chunks/chunk-X3G7Z4V5.js";
import "../chunks/chunk-Z7RM6NEM.js";
import "../chunks/chunk-S5DXSWJC.js";
import "../chunks/chunk-3GRPW3HZ.js";

// src/actions/rollback.ts
await runAction("rollback", async () => (await import("../chunks/rollback-PASJV5DJ.js")).rollbackCommand);
