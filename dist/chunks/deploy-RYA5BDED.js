import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  deployCommand,
  deploySummary,
  resolveManifest
} from "./chunk-QJN3ZQDT.js";
import "./chunk-RMLTSN3V.js";
import "./chunk-A6LRVZ4Q.js";
import "./chunk-USOGELGZ.js";
import "./chunk-5ZWBA3WM.js";
import "./chunk-HIDH4DRS.js";
import "./chunk-ML2NDHJP.js";
import "./chunk-VE27VIQM.js";
import "./chunk-F3OCSRXB.js";
import "./chunk-W2QX4AL4.js";
import "./chunk-UAYJCUJE.js";
import "./chunk-3GRPW3HZ.js";
export {
  deployCommand,
  deploySummary,
  resolveManifest
};
