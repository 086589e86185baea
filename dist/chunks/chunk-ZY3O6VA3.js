import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  InputError
} from "./chunk-UAYJCUJE.js";

// src/core/inputs/source.ts
function requiredInput(source, name) {
  const value = source.get(name);
  if (!value) throw new InputError(`Input required and not supplied: ${name}`, name);
  return value;
}
function optionalInput(source, name) {
  const value = source.get(name);
  return value === "" ? void 0 : value;
}
var TRUE = ["true", "True", "TRUE"];
var FALSE = ["false", "False", "FALSE"];
function booleanInput(source, name, fallback) {
  const value = source.get(name);
  if (value === "") return fallback;
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new InputError(`Input ${name}: expected true or false, got ${JSON.stringify(value)}`, name);
}
function choiceInput(source, name, choices, fallback) {
  const value = source.get(name);
  if (value === "") return fallback;
  if (choices.includes(value)) return value;
  throw new InputError(
    `Input ${name}: expected one of ${choices.join(", ")}, got ${JSON.stringify(value)}`,
    name
  );
}
function integerInput(source, name, min, max) {
  const value = source.get(name);
  if (value === "") return void 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InputError(
      `Input ${name}: expected a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`,
      name
    );
  return n;
}
function mapSource(values) {
  return { get: (name) => (values[name] ?? "").trim() };
}

export {
  requiredInput,
  optionalInput,
  booleanInput,
  choiceInput,
  integerInput,
  mapSource
};
