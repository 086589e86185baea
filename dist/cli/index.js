import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  warmHealthcheckFirst
} from "../chunks/chunk-4J2XETWS.js";
import "../chunks/chunk-3GRPW3HZ.js";

// src/cli.ts
if (process.argv[2] === "healthcheck") await warmHealthcheckFirst();
var { main } = await import("../chunks/run-KIIDWSJD.js");
process.exitCode = await main(process.argv.slice(2));
