import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  startHealthcheckEarly
} from "./chunk-PKWGZ4YD.js";

// src/commands/early.ts
import path from "node:path";
function beginEarly(name, inputs, workspace) {
  if (name !== "healthcheck") return;
  const bundle = inputs.get("bundle");
  if (bundle) startHealthcheckEarly(path.resolve(workspace, bundle));
}

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
        "description": "Where to write the JSON report. Default: modelgate-healthcheck.json under RUNNER_TEMP (the system temp folder outside Actions).",
        "required": false,
        "default": ""
      },
      {
        "name": "command",
        "description": 'An extra check to run, with the bundle path in MODELGATE_BUNDLE; its stdout must be JSON {"checks":[{"name":"...","status":"pass|warn|fail|skip","message":"..."}]}, and a non-zero exit fails the check.',
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
        "description": 'The end-to-end inference result recorded in golden.json, as JSON: {"bull_prob":0.452,"regime":"ranging","direction":"neutral"}; empty when an earlier check failed.'
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
        "description": "Path of the manifest written beside the tarball, <release-id>.manifest.json."
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
        "description": "The release this step deployed or promoted (live when status is deployed or promoted; with rolled-back, previous-release-id is live again)."
      },
      {
        "name": "previous-release-id",
        "description": "The release that was live before: the one restored when status is rolled-back."
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
        "description": "Where to write the JSON report. Default: modelgate-gate-<mode>.json under RUNNER_TEMP (the system temp folder outside Actions).",
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

// src/commands/failure-outputs.ts
function failureOutputs(name) {
  return ACTION_SPECS[name].outputs.some((o) => o.name === "status") ? { status: "failed" } : {};
}

export {
  beginEarly,
  ACTION_SPECS,
  failureOutputs
};
