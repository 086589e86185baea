import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  actionContext,
  runAction,
  runUrl
} from "./chunk-5OJAAM4C.js";
import "./chunk-364ZFVRL.js";
import "./chunk-PKWGZ4YD.js";
import "./chunk-EOU7NOBG.js";
import "./chunk-4J2XETWS.js";
import "./chunk-UAYJCUJE.js";
import "./chunk-3GRPW3HZ.js";
export {
  actionContext,
  runAction,
  runUrl
};
