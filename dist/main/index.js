import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  ACTION_NAMES
} from "../chunks/chunk-SMQDISDQ.js";
import {
  getInput,
  setFailed
} from "../chunks/chunk-EOU7NOBG.js";
import "../chunks/chunk-3GRPW3HZ.js";

// src/actions/main.ts
import path from "node:path";
import { pathToFileURL } from "node:url";
var command = getInput("command");
if (!ACTION_NAMES.includes(command)) {
  setFailed(`Input command: expected one of ${ACTION_NAMES.join(", ")}, got ${JSON.stringify(command)}`);
} else {
  process.env["INPUT_COMMAND"] = process.env["INPUT_HEALTHCHECK-COMMAND"] ?? "";
  const entry = path.join(path.dirname(path.resolve(process.argv[1] ?? ".")), "..", command, "index.js");
  try {
    await import(pathToFileURL(entry).href);
  } catch (error) {
    setFailed(
      `cannot load the ${command} action from ${entry}: ${error.message}; is dist/ complete?`
    );
  }
}
