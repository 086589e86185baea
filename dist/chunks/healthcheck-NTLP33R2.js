import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  checkAnnotations,
  healthcheckCommand
} from "./chunk-AGO4AEU3.js";
import "./chunk-47W72THL.js";
import "./chunk-XJ3U27SJ.js";
import "./chunk-HO4NXTVS.js";
import "./chunk-XDFMB7OV.js";
import "./chunk-VW7KBCJB.js";
import "./chunk-B5YXJCLY.js";
import "./chunk-O6SXDPAV.js";
import "./chunk-67V67WD4.js";
import "./chunk-S5DXSWJC.js";
import "./chunk-3GRPW3HZ.js";
export {
  checkAnnotations,
  healthcheckCommand
};
