import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;

// src/core/inputs/names.ts
var ACTION_NAMES = ["healthcheck", "package", "deploy", "gate", "rollback"];
function isActionName(name) {
  return ACTION_NAMES.includes(name);
}

export {
  ACTION_NAMES,
  isActionName
};
