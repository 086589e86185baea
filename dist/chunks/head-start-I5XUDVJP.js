import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  BundleSurvey,
  startHealthcheckEarly,
  surveyBundle,
  takeHeadStart,
  warmHealthcheck
} from "./chunk-PKWGZ4YD.js";
import "./chunk-4J2XETWS.js";
import "./chunk-UAYJCUJE.js";
import "./chunk-3GRPW3HZ.js";
export {
  BundleSurvey,
  startHealthcheckEarly,
  surveyBundle,
  takeHeadStart,
  warmHealthcheck
};
