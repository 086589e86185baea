import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  deployCommand,
  deploySummary,
  resolveManifest
} from "./chunk-AUSZZATW.js";
import "./chunk-LPYCTXQL.js";
import "./chunk-A6LRVZ4Q.js";
import "./chunk-USOGELGZ.js";
import "./chunk-HGXEVXB7.js";
import "./chunk-KYHLKHMJ.js";
import "./chunk-ML2NDHJP.js";
import "./chunk-OCQY5OBH.js";
import "./chunk-F3OCSRXB.js";
import "./chunk-W2QX4AL4.js";
import "./chunk-UAYJCUJE.js";
import "./chunk-3GRPW3HZ.js";
export {
  deployCommand,
  deploySummary,
  resolveManifest
};
