import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  actionContext,
  runAction,
  runUrl
} from "./chunk-D4MBCYR2.js";
import "./chunk-OGLQXIEL.js";
import "./chunk-HK3F4LOW.js";
import "./chunk-EOU7NOBG.js";
import "./chunk-GXWV47MJ.js";
import "./chunk-UAYJCUJE.js";
import "./chunk-3GRPW3HZ.js";
export {
  actionContext,
  runAction,
  runUrl
};
