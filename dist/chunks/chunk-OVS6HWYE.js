import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;

// src/core/validation/value-text.ts
function dottedPath(path) {
  if (path.length === 0) return "(top level)";
  return path.map((p) => typeof p === "number" ? `[${p}]` : String(p)).join(".").replace(/\.\[/g, "[");
}
function describeValue(value) {
  if (value === void 0) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string")
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "a mapping";
  return String(value);
}

export {
  dottedPath,
  describeValue
};
