import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  actionContext,
  runAction,
  runUrl
} from "./chunk-X3RH6G2V.js";
import "./chunk-JMSJQQNO.js";
import "./chunk-N2GKYIME.js";
import "./chunk-EOU7NOBG.js";
import "./chunk-72S6AH4P.js";
import "./chunk-UAYJCUJE.js";
import "./chunk-3GRPW3HZ.js";
export {
  actionContext,
  runAction,
  runUrl
};
