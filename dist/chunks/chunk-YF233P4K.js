import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  startHealthcheckEarly
} from "./chunk-VW7KBCJB.js";

// src/commands/early.ts
import path from "node:path";
function beginEarly(name, inputs, workspace) {
  if (name !== "healthcheck") return;
  const bundle = inputs.get("bundle");
  if (bundle) startHealthcheckEarly(path.resolve(workspace, bundle));
}

export {
  beginEarly
};
