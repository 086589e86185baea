import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  checkAnnotations,
  healthcheckCommand
} from "./chunk-ZO3HRMHQ.js";
import "./chunk-W2QENP6Y.js";
import "./chunk-CCL7M6YH.js";
import "./chunk-ZY3O6VA3.js";
import "./chunk-NFK52QLS.js";
import "./chunk-TR7OBBKO.js";
import "./chunk-5LKS5IMT.js";
import "./chunk-C5MTKGM7.js";
import "./chunk-7MJOQLOW.js";
import "./chunk-OVS6HWYE.js";
import "./chunk-UAYJCUJE.js";
import "./chunk-3GRPW3HZ.js";
export {
  checkAnnotations,
  healthcheckCommand
};
