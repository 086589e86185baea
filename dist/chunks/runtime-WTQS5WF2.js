import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  actionContext,
  runAction,
  runUrl
} from "./chunk-WU77NY5S.js";
import "./chunk-3TVDLOLV.js";
import "./chunk-4MFZH57I.js";
import "./chunk-EOU7NOBG.js";
import "./chunk-DR5A6DVQ.js";
import "./chunk-UAYJCUJE.js";
import "./chunk-3GRPW3HZ.js";
export {
  actionContext,
  runAction,
  runUrl
};
