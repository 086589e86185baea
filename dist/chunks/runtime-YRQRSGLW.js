import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  actionContext,
  runAction,
  runUrl
} from "./chunk-A7RJ2APR.js";
import "./chunk-RYAJYEMF.js";
import "./chunk-BKWEW2WO.js";
import "./chunk-EOU7NOBG.js";
import "./chunk-RJC4LISH.js";
import "./chunk-UAYJCUJE.js";
import "./chunk-3GRPW3HZ.js";
export {
  actionContext,
  runAction,
  runUrl
};
