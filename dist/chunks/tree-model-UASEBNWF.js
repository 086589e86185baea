import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  loadTreeModel,
  loadTreeModelSync
} from "./chunk-O56APJVH.js";
import "./chunk-7MJOQLOW.js";
import "./chunk-OVS6HWYE.js";
import "./chunk-UAYJCUJE.js";
import "./chunk-3GRPW3HZ.js";
export {
  loadTreeModel,
  loadTreeModelSync
};
