import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  actionContext,
  runAction,
  runUrl
} from "./chunk-ONZIYD5Y.js";
import "./chunk-RITABZ55.js";
import "./chunk-7FHITHAX.js";
import "./chunk-EOU7NOBG.js";
import "./chunk-SISKAMZT.js";
import "./chunk-UAYJCUJE.js";
import "./chunk-3GRPW3HZ.js";
export {
  actionContext,
  runAction,
  runUrl
};
