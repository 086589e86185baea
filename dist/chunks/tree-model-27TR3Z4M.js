import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  loadTreeModel,
  loadTreeModelSync
} from "./chunk-YLTUUTOB.js";
import "./chunk-67V67WD4.js";
import "./chunk-S5DXSWJC.js";
import "./chunk-3GRPW3HZ.js";
export {
  loadTreeModel,
  loadTreeModelSync
};
