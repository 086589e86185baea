import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  deployCommand,
  deploySummary,
  resolveManifest
} from "./chunk-JZ45HU2L.js";
import "./chunk-L2TZN2MP.js";
import "./chunk-A6LRVZ4Q.js";
import "./chunk-USOGELGZ.js";
import "./chunk-PHKD7O5F.js";
import "./chunk-5HE4UP7S.js";
import "./chunk-ML2NDHJP.js";
import "./chunk-XDFMB7OV.js";
import "./chunk-F3OCSRXB.js";
import "./chunk-W2QX4AL4.js";
import "./chunk-UAYJCUJE.js";
import "./chunk-3GRPW3HZ.js";
export {
  deployCommand,
  deploySummary,
  resolveManifest
};
