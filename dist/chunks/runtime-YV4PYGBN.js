import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  actionContext,
  runAction,
  runUrl
} from "./chunk-JZSS2PBG.js";
import "./chunk-QPA7YFHY.js";
import "./chunk-XOU2RN5V.js";
import "./chunk-EOU7NOBG.js";
import "./chunk-BN7UDHRX.js";
import "./chunk-UAYJCUJE.js";
import "./chunk-3GRPW3HZ.js";
export {
  actionContext,
  runAction,
  runUrl
};
