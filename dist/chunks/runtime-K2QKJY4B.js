import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  actionContext,
  runAction,
  runUrl
} from "./chunk-LJWOJZ5W.js";
import "./chunk-KSCAS4DB.js";
import "./chunk-5LKS5IMT.js";
import "./chunk-EOU7NOBG.js";
import "./chunk-C5MTKGM7.js";
import "./chunk-UAYJCUJE.js";
import "./chunk-3GRPW3HZ.js";
export {
  actionContext,
  runAction,
  runUrl
};
