import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  mapSource
} from "./chunk-ZY3O6VA3.js";
import {
  closest
} from "./chunk-TR7OBBKO.js";
import {
  ACTION_SPECS,
  beginEarly,
  failureOutputs
} from "./chunk-364ZFVRL.js";
import "./chunk-PKWGZ4YD.js";
import {
  ACTION_NAMES,
  isActionName
} from "./chunk-SMQDISDQ.js";
import "./chunk-4J2XETWS.js";
import {
  InputError,
  errorMessage,
  exitCodeFor
} from "./chunk-UAYJCUJE.js";
import "./chunk-3GRPW3HZ.js";

// src/cli/run.ts
import os from "node:os";

// src/commands/index.ts
var commands = {
  healthcheck: async () => (await import("./healthcheck-Z5LMEIMR.js")).healthcheckCommand,
  package: async () => (await import("./package-2MLCHC5V.js")).packageCommand,
  deploy: async () => (await import("./deploy-AGA4TR4E.js")).deployCommand,
  gate: async () => (await import("./gate-EREJ7MNB.js")).gateCommand,
  rollback: async () => (await import("./rollback-QHAVGZOV.js")).rollbackCommand
};

// src/cli/run.ts
var USAGE_EXIT = 2;
function wrap(text, width, indent) {
  const words = text.split(/\s+/);
  const lines = [];
  let line = "";
  for (const w of words) {
    if (line && line.length + w.length + 1 > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join(`
${indent}`);
}
function generalHelp() {
  const rows = ACTION_NAMES.map((n) => `  ${n.padEnd(12)} ${ACTION_SPECS[n].description}`);
  return [
    "usage: modelgate <command> [--<input> <value> ...]",
    "",
    "commands:",
    ...rows,
    "",
    "Run `modelgate <command> --help` for its inputs (the same as the action's inputs).",
    "Outputs are printed as JSON on stdout; logs go to stderr.",
    "Exit codes: 0 passed, 1 a check failed, 2 bad config or input, 3 inconclusive (gate)."
  ].join("\n");
}
function commandHelp(spec) {
  const width = Math.max(...spec.inputs.map((i) => i.name.length)) + 4;
  const lines = spec.inputs.map((i) => {
    const flag = `  --${i.name}`.padEnd(width + 2);
    const extra = i.required ? " (required)" : i.default && !i.default.includes("${{") ? ` (default: ${i.default})` : "";
    return `${flag} ${wrap(i.description + extra, 72, " ".repeat(width + 3))}`;
  });
  const outputs = spec.outputs.map(
    (o) => `  ${o.name.padEnd(width)} ${wrap(o.description, 72, " ".repeat(width + 3))}`
  );
  return [
    `usage: modelgate ${spec.name} [--<input> <value> ...]`,
    "",
    spec.description,
    "",
    "inputs:",
    ...lines,
    "",
    "outputs (JSON on stdout):",
    ...outputs
  ].join("\n");
}
function parseFlags(spec, argv) {
  const known = new Map(spec.inputs.map((i) => [i.name, i]));
  const values = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--"))
      throw new InputError(
        `unexpected argument ${JSON.stringify(arg)}: inputs are given as --<input> <value>`
      );
    const eq = arg.indexOf("=");
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const input = known.get(name);
    if (!input) {
      const near = closest(name, [...known.keys()]);
      throw new InputError(
        `unknown input --${name} for ${spec.name}${near ? ` (did you mean --${near}?)` : ""}; valid inputs: ${spec.inputs.map((x) => `--${x.name}`).join(", ")}`,
        name
      );
    }
    if (values[name] !== void 0) throw new InputError(`--${name} is given twice; give it once`, name);
    let value;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      const isBoolean = input.default === "true" || input.default === "false";
      if (isBoolean && (next === void 0 || next.startsWith("--"))) value = "true";
      else if (next === void 0) throw new InputError(`--${name} needs a value`, name);
      else {
        value = next;
        i++;
      }
    }
    values[name] = value;
  }
  for (const input of spec.inputs) {
    if (values[input.name] === void 0) {
      values[input.name] = input.default.includes("${{") ? "" : input.default;
    }
  }
  if (values["github-token"] === "" && process.env.GITHUB_TOKEN)
    values["github-token"] = process.env.GITHUB_TOKEN;
  return values;
}
var SECRET_INPUTS = ["private-key", "passphrase", "github-token"];
function secretEnvName(input) {
  return `MODELGATE_${input.toUpperCase().replace(/-/g, "_")}`;
}
function secretsFromEnvironment(spec, values) {
  const out = { ...values };
  for (const input of SECRET_INPUTS) {
    const fromEnv = process.env[secretEnvName(input)];
    if (!out[input] && fromEnv && spec.inputs.some((i) => i.name === input)) out[input] = fromEnv;
  }
  return out;
}
function cliContext(values) {
  const secrets = [];
  const mask = (line) => secrets.reduce((s, secret) => secret ? s.split(secret).join("***") : s, line);
  const err = (line) => process.stderr.write(`${mask(line)}
`);
  return {
    inputs: mapSource(values),
    workspace: process.cwd(),
    tempDir: os.tmpdir(),
    env: process.env,
    inActions: false,
    log: {
      info: err,
      debug: (line) => {
        if (process.env.MODELGATE_DEBUG === "1") err(`debug: ${line}`);
      },
      warning: (m) => err(`warning: ${m}`),
      notice: (m) => err(`notice: ${m}`),
      group: async (title, fn) => {
        err(`\u25B8 ${title}`);
        return fn();
      }
    },
    secret: (v) => {
      if (v) secrets.push(v);
    }
  };
}
async function main(argv) {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    (name ? process.stdout : process.stderr).write(`${generalHelp()}
`);
    return name ? 0 : USAGE_EXIT;
  }
  if (!isActionName(name)) {
    process.stderr.write(
      `modelgate: unknown command ${JSON.stringify(name)}; expected one of ${ACTION_NAMES.join(", ")}
`
    );
    return USAGE_EXIT;
  }
  const spec = ACTION_SPECS[name];
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`${commandHelp(spec)}
`);
    return 0;
  }
  try {
    const values = secretsFromEnvironment(spec, parseFlags(spec, rest));
    const ctx = cliContext(values);
    beginEarly(name, ctx.inputs, ctx.workspace);
    const command = await commands[name]();
    const result = await command(ctx);
    if (result.summary) process.stderr.write(`
${result.summary}
`);
    for (const a of result.annotations) {
      const at = a.file ? `${a.file}${a.line ? `:${a.line}` : ""}: ` : "";
      process.stderr.write(`${a.severity}: ${at}${a.message}
`);
    }
    process.stdout.write(`${JSON.stringify(result.outputs, null, 2)}
`);
    if (result.failure) {
      process.stderr.write(`modelgate ${name}: ${result.failure}
`);
      return result.exitCode ?? 1;
    }
    return result.exitCode ?? 0;
  } catch (error) {
    const outputs = failureOutputs(name);
    if (Object.keys(outputs).length > 0) process.stdout.write(`${JSON.stringify(outputs, null, 2)}
`);
    process.stderr.write(`modelgate ${name}: ${errorMessage(error)}
`);
    if (exitCodeFor(error) !== USAGE_EXIT && !(error instanceof Error && error.name === "ModelgateError") && process.env.MODELGATE_DEBUG === "1") {
      process.stderr.write(`${error.stack ?? ""}
`);
    }
    return exitCodeFor(error);
  }
}
export {
  commandHelp,
  generalHelp,
  main,
  parseFlags
};
