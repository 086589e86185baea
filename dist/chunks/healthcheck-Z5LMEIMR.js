import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  checkAnnotations,
  healthcheckCommand
} from "./chunk-NFDXAGWM.js";
import "./chunk-W2QENP6Y.js";
import "./chunk-A7JTYF5J.js";
import "./chunk-ZY3O6VA3.js";
import "./chunk-GU6PC365.js";
import "./chunk-TR7OBBKO.js";
import "./chunk-PKWGZ4YD.js";
import "./chunk-4J2XETWS.js";
import "./chunk-7MJOQLOW.js";
import "./chunk-OVS6HWYE.js";
import "./chunk-UAYJCUJE.js";
import "./chunk-3GRPW3HZ.js";
export {
  checkAnnotations,
  healthcheckCommand
};
