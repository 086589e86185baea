import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  ModelgateError
} from "./chunk-UAYJCUJE.js";

// src/core/remote/quote.ts
function shellQuote(arg) {
  if (arg.includes("\0"))
    throw new ModelgateError(
      `refusing to pass a value containing a NUL byte to a remote command: ${JSON.stringify(arg)}`,
      "input"
    );
  if (arg !== "" && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
var RawShell = class {
  constructor(text) {
    this.text = text;
  }
  text;
  toString() {
    return this.text;
  }
};
function raw(text) {
  return new RawShell(text);
}
function sh(strings, ...values) {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += quoteValue(value) + (strings[i + 1] ?? "");
  });
  return out;
}
function quoteValue(value) {
  if (value instanceof RawShell) return value.text;
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw new ModelgateError(`refusing to pass ${value} to a remote command`, "runtime");
    return String(value);
  }
  if (typeof value === "string") return shellQuote(value);
  return value.map((v) => typeof v === "number" ? quoteValue(v) : shellQuote(v)).join(" ");
}
function checkRemotePath(value, what) {
  if (/[\n\r\0]/.test(value))
    throw new ModelgateError(
      `${what} ${JSON.stringify(value)} contains a newline or NUL byte; use a path without them`,
      "input"
    );
  return value;
}

export {
  shellQuote,
  raw,
  sh,
  checkRemotePath
};
