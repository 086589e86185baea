import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;

// src/core/errors.ts
var ModelgateError = class extends Error {
  kind;
  file;
  line;
  column;
  constructor(message, kind = "runtime", where = {}, options) {
    super(message, options);
    this.name = "ModelgateError";
    this.kind = kind;
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
  }
  /** `file:line message`, the one-line form used by the CLI and in reports. */
  get located() {
    if (!this.file) return this.message;
    const at = this.line ? `${this.file}:${this.line}` : this.file;
    if (this.message.startsWith(at)) return this.message;
    if (this.message.startsWith(`${this.file}: `)) return `${at}${this.message.slice(this.file.length + 1)}`;
    return `${at} ${this.message}`;
  }
};
var ConfigError = class extends ModelgateError {
  constructor(message, where = {}) {
    super(message, "config", where);
    this.name = "ConfigError";
  }
};
var InputError = class extends ModelgateError {
  input;
  constructor(message, input, where = {}) {
    super(message, "input", where);
    this.name = "InputError";
    this.input = input;
  }
};
function exitCodeFor(error) {
  return error instanceof ModelgateError && (error.kind === "config" || error.kind === "input") ? 2 : 1;
}
function errorMessage(error) {
  if (error instanceof ModelgateError) return error.located;
  if (error instanceof Error) return error.message;
  return String(error);
}

export {
  ModelgateError,
  ConfigError,
  InputError,
  exitCodeFor,
  errorMessage
};
