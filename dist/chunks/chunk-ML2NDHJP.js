import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  InputError
} from "./chunk-UAYJCUJE.js";

// src/core/validation/closest.ts
function closest(word, candidates) {
  let best;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
function editDistance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = row[j];
      row[j] = next;
    }
  }
  return row[b.length];
}

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
  closest,
  requiredInput,
  optionalInput,
  booleanInput,
  choiceInput,
  integerInput,
  mapSource
};
