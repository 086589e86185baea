import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  warmHealthcheck
} from "../chunks/chunk-DIY7S5TL.js";
import "../chunks/chunk-UAYJCUJE.js";
import "../chunks/chunk-3GRPW3HZ.js";

// src/cli.ts
if (process.argv[2] === "healthcheck") warmHealthcheck();
var { main } = await import("../chunks/run-6XO2KFX7.js");
process.exitCode = await main(process.argv.slice(2));
