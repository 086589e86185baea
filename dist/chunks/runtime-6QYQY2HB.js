import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  actionContext,
  runAction,
  runUrl
} from "./chunk-XEIOXORM.js";
import "./chunk-YWPJUI4U.js";
import "./chunk-ZKXDYXCD.js";
import "./chunk-EOU7NOBG.js";
import "./chunk-XJBBQUDD.js";
import "./chunk-UAYJCUJE.js";
import "./chunk-3GRPW3HZ.js";
export {
  actionContext,
  runAction,
  runUrl
};
