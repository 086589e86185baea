import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  mapSource
} from "./chunk-HO4NXTVS.js";
import {
  beginEarly
} from "./chunk-YF233P4K.js";
import {
  ACTION_NAMES,
  isActionName
} from "./chunk-SMQDISDQ.js";
import "./chunk-VW7KBCJB.js";
import {
  InputError,
  errorMessage,
  exitCodeFor
} from "./chunk-S5DXSWJC.js";
import "./chunk-3GRPW3HZ.js";

// src/cli/run.ts
import os from "node:os";

// src/commands/index.ts
var commands = {
  healthcheck: async () => (await import("./healthcheck-4EYNSIS4.js")).healthcheckCommand,
  package: async () => (await import("./package-HSEI6ERO.js")).packageCommand,
  deploy: async () => (await import("./deploy-65SKWA2Z.js")).deployCommand,
  gate: async () => (await import("./gate-EQA56A2X.js")).gateCommand,
  rollback: async () => (await import("./rollback-VLVHAWA7.js")).rollbackCommand
};

// src/core/inputs/action-specs.ts
var ACTION_SPECS = {
  "healthcheck": {
    "name": "healthcheck",
    "title": "modelgate healthcheck",
    "description": "Prove a model release bundle is whole, safe and reproduces its training outputs: config, integrity, pickle safety, loading, stacking, golden vectors, inference.",
    "inputs": [
      {
        "name": "bundle",
        "description": "The release bundle: a directory, or a .tar.gz made by the package action.",
        "required": true,
        "default": ""
      },
      {
        "name": "manifest",
        "description": "manifest.json to check sizes and sha256 against. Default: manifest.json inside the bundle when present.",
        "required": false,
        "default": ""
      },
      {
        "name": "report",
        "description": "Where to write the JSON report. Default: modelgate-healthcheck.json under RUNNER_TEMP.",
        "required": false,
        "default": ""
      },
      {
        "name": "command",
        "description": 'An extra check to run, with the bundle path in MODELGATE_BUNDLE; its stdout must be JSON {"checks":[...]}.',
        "required": false,
        "default": ""
      },
      {
        "name": "config",
        "description": "Path to modelgate.yml, relative to the workspace.",
        "required": false,
        "default": "modelgate.yml"
      }
    ],
    "outputs": [
      {
        "name": "passed",
        "description": '"true" when no check failed.'
      },
      {
        "name": "report",
        "description": "Path of the JSON report."
      },
      {
        "name": "files",
        "description": "Number of files in the bundle."
      },
      {
        "name": "duration-ms",
        "description": "Wall time of the whole healthcheck, in milliseconds."
      },
      {
        "name": "inference",
        "description": 'The end-to-end inference result as JSON: {"bull_prob":0.452,"regime":"ranging","direction":"neutral"}.'
      }
    ],
    "main": "../../dist/healthcheck/index.js"
  },
  "package": {
    "name": "package",
    "title": "modelgate package",
    "description": "Build a reproducible release tarball, its manifest.json and reviewer-ready release notes, and upload them as a workflow artifact.",
    "inputs": [
      {
        "name": "bundle",
        "description": "The release bundle directory written by the training job.",
        "required": true,
        "default": ""
      },
      {
        "name": "name",
        "description": "Release name; the tarball is <name>_<YYYYMMDD_HHMMSS>.tar.gz. Default: release.name from the config.",
        "required": false,
        "default": ""
      },
      {
        "name": "timestamp",
        "description": "Release timestamp YYYYMMDD_HHMMSS (UTC). Default: now. The same bundle and timestamp give a byte-identical tarball.",
        "required": false,
        "default": ""
      },
      {
        "name": "output-dir",
        "description": "Directory for the tarball, manifest and notes. Default: modelgate-release under RUNNER_TEMP (or ./modelgate-release outside Actions).",
        "required": false,
        "default": ""
      },
      {
        "name": "upload-artifact",
        "description": "Upload the tarball and manifest as a workflow artifact (only inside GitHub Actions).",
        "required": false,
        "default": "true"
      },
      {
        "name": "health-report",
        "description": "A healthcheck JSON report of this bundle to record in the manifest; refused unless its integrity check lists exactly these files at these sizes and sha256. Default: run the healthcheck now.",
        "required": false,
        "default": ""
      },
      {
        "name": "language",
        "description": "Release notes language: en or zh.",
        "required": false,
        "default": "en"
      },
      {
        "name": "config",
        "description": "Path to modelgate.yml, relative to the workspace.",
        "required": false,
        "default": "modelgate.yml"
      }
    ],
    "outputs": [
      {
        "name": "tarball",
        "description": "Path of the release tarball."
      },
      {
        "name": "manifest",
        "description": "Path of the manifest.json written beside the tarball."
      },
      {
        "name": "notes",
        "description": "The release notes, Markdown."
      },
      {
        "name": "release-id",
        "description": "The release id, <name>_<YYYYMMDD_HHMMSS>."
      },
      {
        "name": "sha256",
        "description": "sha256 of the tarball."
      },
      {
        "name": "size",
        "description": "Size of the tarball in bytes."
      },
      {
        "name": "artifact-id",
        "description": "Id of the uploaded workflow artifact (empty when not uploaded)."
      }
    ],
    "main": "../../dist/package/index.js"
  },
  "deploy": {
    "name": "deploy",
    "title": "modelgate deploy",
    "description": "Deploy a release atomically over SSH (or locally): lock, preflight, resumable upload, checksum, safe extract, backup, atomic switch, flags, restart, log verification, automatic rollback.",
    "inputs": [
      {
        "name": "tarball",
        "description": "The release tarball made by the package action.",
        "required": true,
        "default": ""
      },
      {
        "name": "manifest",
        "description": "The release manifest. Default: <id>.manifest.json beside the tarball, or manifest.json inside it.",
        "required": false,
        "default": ""
      },
      {
        "name": "phase",
        "description": "shadow (deploy with the shadow flags) or promote (switch the live release to the promote flags).",
        "required": false,
        "default": "shadow"
      },
      {
        "name": "target",
        "description": "ssh or local. Default: deploy.target from the config.",
        "required": false,
        "default": ""
      },
      {
        "name": "path",
        "description": "The service directory on the target. Default: deploy.path from the config.",
        "required": false,
        "default": ""
      },
      {
        "name": "host",
        "description": "SSH host. Default: deploy.host from the config.",
        "required": false,
        "default": ""
      },
      {
        "name": "port",
        "description": "SSH port. Default: deploy.port from the config.",
        "required": false,
        "default": ""
      },
      {
        "name": "username",
        "description": "SSH user. Default: deploy.user from the config.",
        "required": false,
        "default": ""
      },
      {
        "name": "private-key",
        "description": "SSH private key (OpenSSH or PEM). Pass it from secrets; it is masked.",
        "required": false,
        "default": ""
      },
      {
        "name": "passphrase",
        "description": "Passphrase of the private key, from secrets; masked.",
        "required": false,
        "default": ""
      },
      {
        "name": "known-hosts",
        "description": "OpenSSH known_hosts lines for the host (hashed entries work), or a SHA256:... fingerprint.",
        "required": false,
        "default": ""
      },
      {
        "name": "insecure-skip-host-key-check",
        "description": "Connect without verifying the host key. Not recommended: it allows a man-in-the-middle.",
        "required": false,
        "default": "false"
      },
      {
        "name": "dry-run",
        "description": "Print what would be done without changing the target.",
        "required": false,
        "default": "false"
      },
      {
        "name": "config",
        "description": "Path to modelgate.yml, relative to the workspace.",
        "required": false,
        "default": "modelgate.yml"
      }
    ],
    "outputs": [
      {
        "name": "release-id",
        "description": "The release that is live after this step."
      },
      {
        "name": "previous-release-id",
        "description": "The release that was live before."
      },
      {
        "name": "status",
        "description": "deployed, promoted, rolled-back, dry-run or failed."
      }
    ],
    "main": "../../dist/deploy/index.js"
  },
  "gate": {
    "name": "gate",
    "title": "modelgate gate",
    "description": "Gate a release: training metrics in the manifest against per-horizon rules, or live shadow trade logs against coverage, activation and distribution rules.",
    "inputs": [
      {
        "name": "mode",
        "description": "training (metrics in the manifest) or shadow (live trade logs).",
        "required": false,
        "default": "training"
      },
      {
        "name": "manifest",
        "description": "training: the release manifest.json to gate.",
        "required": false,
        "default": ""
      },
      {
        "name": "baseline",
        "description": "training: a baseline manifest (e.g. the base branch's) to show changes and apply max_drop rules.",
        "required": false,
        "default": ""
      },
      {
        "name": "logs",
        "description": "shadow: trade-log files or a glob. Default: gate.shadow.logs pulled from the target.",
        "required": false,
        "default": ""
      },
      {
        "name": "since",
        "description": "shadow: window start (ISO time). Default: gate.shadow.window back from now.",
        "required": false,
        "default": ""
      },
      {
        "name": "promote",
        "description": "shadow: evaluate for promotion, so less than promote_after of data is inconclusive.",
        "required": false,
        "default": "false"
      },
      {
        "name": "report",
        "description": "Where to write the JSON report. Default: modelgate-gate.json under RUNNER_TEMP.",
        "required": false,
        "default": ""
      },
      {
        "name": "comment",
        "description": "Post or update one sticky pull-request comment with the result.",
        "required": false,
        "default": "false"
      },
      {
        "name": "github-token",
        "description": "Token for the pull-request comment.",
        "required": false,
        "default": "${{ github.token }}"
      },
      {
        "name": "target",
        "description": "shadow: ssh or local, to pull logs. Default: deploy.target from the config.",
        "required": false,
        "default": ""
      },
      {
        "name": "path",
        "description": "shadow: the service directory on the target. Default: deploy.path.",
        "required": false,
        "default": ""
      },
      {
        "name": "host",
        "description": "SSH host. Default: deploy.host from the config.",
        "required": false,
        "default": ""
      },
      {
        "name": "port",
        "description": "SSH port. Default: deploy.port from the config.",
        "required": false,
        "default": ""
      },
      {
        "name": "username",
        "description": "SSH user. Default: deploy.user from the config.",
        "required": false,
        "default": ""
      },
      {
        "name": "private-key",
        "description": "SSH private key, from secrets; masked.",
        "required": false,
        "default": ""
      },
      {
        "name": "passphrase",
        "description": "Passphrase of the private key, from secrets; masked.",
        "required": false,
        "default": ""
      },
      {
        "name": "known-hosts",
        "description": "OpenSSH known_hosts lines for the host, or a SHA256:... fingerprint.",
        "required": false,
        "default": ""
      },
      {
        "name": "insecure-skip-host-key-check",
        "description": "Connect without verifying the host key. Not recommended.",
        "required": false,
        "default": "false"
      },
      {
        "name": "config",
        "description": "Path to modelgate.yml, relative to the workspace.",
        "required": false,
        "default": "modelgate.yml"
      }
    ],
    "outputs": [
      {
        "name": "passed",
        "description": '"true" when the gate passed.'
      },
      {
        "name": "verdict",
        "description": "pass, fail or inconclusive."
      },
      {
        "name": "enabled-horizons",
        "description": "training: comma-separated horizons whose rules all hold, e.g. 1h."
      },
      {
        "name": "metrics",
        "description": "The metrics evaluated, as JSON."
      },
      {
        "name": "report",
        "description": "Path of the JSON report."
      }
    ],
    "main": "../../dist/gate/index.js"
  },
  "rollback": {
    "name": "rollback",
    "title": "modelgate rollback",
    "description": "Roll a deployment back by level: stacking (shadow flags), release (previous or named release), ml-off (ML disabled in the service config); restart and verify.",
    "inputs": [
      {
        "name": "level",
        "description": "stacking, release or ml-off.",
        "required": true,
        "default": ""
      },
      {
        "name": "to",
        "description": "release: the release id to return to. Default: the previous release.",
        "required": false,
        "default": ""
      },
      {
        "name": "target",
        "description": "ssh or local. Default: deploy.target from the config.",
        "required": false,
        "default": ""
      },
      {
        "name": "path",
        "description": "The service directory on the target. Default: deploy.path from the config.",
        "required": false,
        "default": ""
      },
      {
        "name": "host",
        "description": "SSH host. Default: deploy.host from the config.",
        "required": false,
        "default": ""
      },
      {
        "name": "port",
        "description": "SSH port. Default: deploy.port from the config.",
        "required": false,
        "default": ""
      },
      {
        "name": "username",
        "description": "SSH user. Default: deploy.user from the config.",
        "required": false,
        "default": ""
      },
      {
        "name": "private-key",
        "description": "SSH private key, from secrets; masked.",
        "required": false,
        "default": ""
      },
      {
        "name": "passphrase",
        "description": "Passphrase of the private key, from secrets; masked.",
        "required": false,
        "default": ""
      },
      {
        "name": "known-hosts",
        "description": "OpenSSH known_hosts lines for the host, or a SHA256:... fingerprint.",
        "required": false,
        "default": ""
      },
      {
        "name": "insecure-skip-host-key-check",
        "description": "Connect without verifying the host key. Not recommended.",
        "required": false,
        "default": "false"
      },
      {
        "name": "dry-run",
        "description": "Print what would be done without changing the target.",
        "required": false,
        "default": "false"
      },
      {
        "name": "config",
        "description": "Path to modelgate.yml, relative to the workspace.",
        "required": false,
        "default": "modelgate.yml"
      }
    ],
    "outputs": [
      {
        "name": "release-id",
        "description": "The release that is live after the rollback."
      },
      {
        "name": "level",
        "description": "The level applied."
      },
      {
        "name": "status",
        "description": "rolled-back, unchanged, dry-run or failed."
      }
    ],
    "main": "../../dist/rollback/index.js"
  }
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
      throw new InputError(
        `unknown input --${name} for ${spec.name}; valid inputs: ${spec.inputs.map((x) => `--${x.name}`).join(", ")}`,
        name
      );
    }
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
    const values = parseFlags(spec, rest);
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
