export const id = 353;
export const ids = [353];
export const modules = {

/***/ 8353:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// UNUSED EXPORTS: commandHelp, generalHelp, parseFlags

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/core/health/head-start.js
var head_start = __webpack_require__(9311);
;// CONCATENATED MODULE: ./lib/commands/early.js
/**
 * Work a command begins as soon as its inputs are known, before its own modules and its
 * config are loaded: both front ends call this first. Only the healthcheck has any (its
 * worker surveys the bundle meanwhile, see core/health/head-start.ts).
 */


function beginEarly(name, inputs, workspace) {
    if (name !== 'healthcheck')
        return;
    const bundle = inputs.get('bundle');
    if (bundle)
        (0,head_start/* startHealthcheckEarly */.Eu)(external_node_path_.resolve(workspace, bundle));
}

;// CONCATENATED MODULE: ./lib/commands/index.js
const commands = {
    healthcheck: async () => (await Promise.all(/* import() */[__webpack_require__.e(366), __webpack_require__.e(201), __webpack_require__.e(767), __webpack_require__.e(915)]).then(__webpack_require__.bind(__webpack_require__, 8915))).healthcheckCommand,
    package: async () => (await Promise.all(/* import() */[__webpack_require__.e(366), __webpack_require__.e(201), __webpack_require__.e(767), __webpack_require__.e(647), __webpack_require__.e(519), __webpack_require__.e(915), __webpack_require__.e(682)]).then(__webpack_require__.bind(__webpack_require__, 5682))).packageCommand,
    deploy: async () => (await Promise.all(/* import() */[__webpack_require__.e(366), __webpack_require__.e(201), __webpack_require__.e(767), __webpack_require__.e(647), __webpack_require__.e(519), __webpack_require__.e(229)]).then(__webpack_require__.bind(__webpack_require__, 229))).deployCommand,
    gate: async () => (await Promise.all(/* import() */[__webpack_require__.e(366), __webpack_require__.e(201), __webpack_require__.e(647), __webpack_require__.e(63)]).then(__webpack_require__.bind(__webpack_require__, 1063))).gateCommand,
    rollback: async () => (await Promise.all(/* import() */[__webpack_require__.e(366), __webpack_require__.e(201), __webpack_require__.e(767), __webpack_require__.e(647), __webpack_require__.e(519), __webpack_require__.e(229), __webpack_require__.e(157)]).then(__webpack_require__.bind(__webpack_require__, 9157))).rollbackCommand,
};

// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
// EXTERNAL MODULE: ./lib/core/inputs/source.js
var source = __webpack_require__(16);
;// CONCATENATED MODULE: ./lib/core/inputs/action-specs.js
const ACTION_SPECS = {
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
                "description": "An extra check to run, with the bundle path in MODELGATE_BUNDLE; its stdout must be JSON {\"checks\":[...]}.",
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
                "description": "\"true\" when no check failed."
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
                "description": "The end-to-end inference result as JSON: {\"bull_prob\":0.452,\"regime\":\"ranging\",\"direction\":\"neutral\"}."
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
                "description": "A healthcheck JSON report to record in the manifest. Default: run the healthcheck now.",
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
                "description": "\"true\" when the gate passed."
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

;// CONCATENATED MODULE: ./lib/core/inputs/names.js
/**
 * The actions and the shape of their input tables, without the YAML reader: the front ends
 * load this (and the generated `action-specs.ts`) before anything heavy, so that reading
 * `--bundle` costs nothing and the healthcheck can start its worker early.
 */
const ACTION_NAMES = ['healthcheck', 'package', 'deploy', 'gate', 'rollback'];
function isActionName(name) {
    return ACTION_NAMES.includes(name);
}

;// CONCATENATED MODULE: ./lib/cli/run.js
/**
 * `modelgate <command> --<input> <value>`: the same commands as the actions, with the inputs
 * of each action.yml as flags. Logs go to stderr, the outputs as one JSON object to stdout.
 * Exit codes: 0 passed, 1 a check failed, 2 a bad config or input, 3 inconclusive.
 */







const USAGE_EXIT = 2;
function wrap(text, width, indent) {
    const words = text.split(/\s+/);
    const lines = [];
    let line = '';
    for (const w of words) {
        if (line && line.length + w.length + 1 > width) {
            lines.push(line);
            line = w;
        }
        else
            line = line ? `${line} ${w}` : w;
    }
    if (line)
        lines.push(line);
    return lines.join(`\n${indent}`);
}
function generalHelp() {
    const rows = ACTION_NAMES.map((n) => `  ${n.padEnd(12)} ${ACTION_SPECS[n].description}`);
    return [
        'usage: modelgate <command> [--<input> <value> ...]',
        '',
        'commands:',
        ...rows,
        '',
        "Run `modelgate <command> --help` for its inputs (the same as the action's inputs).",
        'Outputs are printed as JSON on stdout; logs go to stderr.',
        'Exit codes: 0 passed, 1 a check failed, 2 bad config or input, 3 inconclusive (gate).',
    ].join('\n');
}
function commandHelp(spec) {
    const width = Math.max(...spec.inputs.map((i) => i.name.length)) + 4;
    const lines = spec.inputs.map((i) => {
        const flag = `  --${i.name}`.padEnd(width + 2);
        const extra = i.required
            ? ' (required)'
            : i.default && !i.default.includes('${{')
                ? ` (default: ${i.default})`
                : '';
        return `${flag} ${wrap(i.description + extra, 72, ' '.repeat(width + 3))}`;
    });
    const outputs = spec.outputs.map((o) => `  ${o.name.padEnd(width)} ${wrap(o.description, 72, ' '.repeat(width + 3))}`);
    return [
        `usage: modelgate ${spec.name} [--<input> <value> ...]`,
        '',
        spec.description,
        '',
        'inputs:',
        ...lines,
        '',
        'outputs (JSON on stdout):',
        ...outputs,
    ].join('\n');
}
/** Parses `--name value`, `--name=value` and a bare boolean `--dry-run`. */
function parseFlags(spec, argv) {
    const known = new Map(spec.inputs.map((i) => [i.name, i]));
    const values = {};
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (!arg.startsWith('--'))
            throw new errors/* InputError */.dz(`unexpected argument ${JSON.stringify(arg)}: inputs are given as --<input> <value>`);
        const eq = arg.indexOf('=');
        const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
        const input = known.get(name);
        if (!input) {
            throw new errors/* InputError */.dz(`unknown input --${name} for ${spec.name}; valid inputs: ${spec.inputs.map((x) => `--${x.name}`).join(', ')}`, name);
        }
        let value;
        if (eq !== -1)
            value = arg.slice(eq + 1);
        else {
            const next = argv[i + 1];
            const isBoolean = input.default === 'true' || input.default === 'false';
            if (isBoolean && (next === undefined || next.startsWith('--')))
                value = 'true';
            else if (next === undefined)
                throw new errors/* InputError */.dz(`--${name} needs a value`, name);
            else {
                value = next;
                i++;
            }
        }
        values[name] = value;
    }
    for (const input of spec.inputs) {
        if (values[input.name] === undefined) {
            // Expression defaults (`${{ github.token }}`) only exist inside Actions.
            values[input.name] = input.default.includes('${{') ? '' : input.default;
        }
    }
    if (values['github-token'] === '' && process.env.GITHUB_TOKEN)
        values['github-token'] = process.env.GITHUB_TOKEN;
    return values;
}
function cliContext(values) {
    const secrets = [];
    const mask = (line) => secrets.reduce((s, secret) => (secret ? s.split(secret).join('***') : s), line);
    const err = (line) => process.stderr.write(`${mask(line)}\n`);
    return {
        inputs: (0,source/* mapSource */.GU)(values),
        workspace: process.cwd(),
        tempDir: external_node_os_.tmpdir(),
        env: process.env,
        inActions: false,
        log: {
            info: err,
            debug: (line) => {
                if (process.env.MODELGATE_DEBUG === '1')
                    err(`debug: ${line}`);
            },
            warning: (m) => err(`warning: ${m}`),
            notice: (m) => err(`notice: ${m}`),
            group: async (title, fn) => {
                err(`▸ ${title}`);
                return fn();
            },
        },
        secret: (v) => {
            if (v)
                secrets.push(v);
        },
    };
}
async function main(argv) {
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
        (name ? process.stdout : process.stderr).write(`${generalHelp()}\n`);
        return name ? 0 : USAGE_EXIT;
    }
    if (!isActionName(name)) {
        process.stderr.write(`modelgate: unknown command ${JSON.stringify(name)}; expected one of ${ACTION_NAMES.join(', ')}\n`);
        return USAGE_EXIT;
    }
    const spec = ACTION_SPECS[name];
    if (rest.includes('--help') || rest.includes('-h')) {
        process.stdout.write(`${commandHelp(spec)}\n`);
        return 0;
    }
    try {
        const values = parseFlags(spec, rest);
        const ctx = cliContext(values);
        beginEarly(name, ctx.inputs, ctx.workspace);
        const command = await commands[name]();
        const result = await command(ctx);
        if (result.summary)
            process.stderr.write(`\n${result.summary}\n`);
        for (const a of result.annotations) {
            const at = a.file ? `${a.file}${a.line ? `:${a.line}` : ''}: ` : '';
            process.stderr.write(`${a.severity}: ${at}${a.message}\n`);
        }
        process.stdout.write(`${JSON.stringify(result.outputs, null, 2)}\n`);
        if (result.failure) {
            process.stderr.write(`modelgate ${name}: ${result.failure}\n`);
            return result.exitCode ?? 1;
        }
        return result.exitCode ?? 0;
    }
    catch (error) {
        process.stderr.write(`modelgate ${name}: ${(0,errors/* errorMessage */.gJ)(error)}\n`);
        if ((0,errors/* exitCodeFor */.Rr)(error) !== USAGE_EXIT &&
            !(error instanceof Error && error.name === 'ModelgateError') &&
            process.env.MODELGATE_DEBUG === '1') {
            process.stderr.write(`${error.stack ?? ''}\n`);
        }
        return (0,errors/* exitCodeFor */.Rr)(error);
    }
}


/***/ }),

/***/ 16:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $A: () => (/* binding */ integerInput),
/* harmony export */   $m: () => (/* binding */ optionalInput),
/* harmony export */   GU: () => (/* binding */ mapSource),
/* harmony export */   YF: () => (/* binding */ requiredInput),
/* harmony export */   ij: () => (/* binding */ choiceInput),
/* harmony export */   tE: () => (/* binding */ booleanInput)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3828);
/**
 * Reading inputs the same way from the Actions runner (INPUT_* variables) and from CLI flags.
 * Each action's settings are built from an InputSource by one function, like checkout's
 * getInputs(), so both front ends validate identically and quote the bad value.
 */

function requiredInput(source, name) {
    const value = source.get(name);
    if (!value)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Input required and not supplied: ${name}`, name);
    return value;
}
function optionalInput(source, name) {
    const value = source.get(name);
    return value === '' ? undefined : value;
}
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
function booleanInput(source, name, fallback) {
    const value = source.get(name);
    if (value === '')
        return fallback;
    if (TRUE.includes(value))
        return true;
    if (FALSE.includes(value))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Input ${name}: expected true or false, got ${JSON.stringify(value)}`, name);
}
function choiceInput(source, name, choices, fallback) {
    const value = source.get(name);
    if (value === '')
        return fallback;
    if (choices.includes(value))
        return value;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Input ${name}: expected one of ${choices.join(', ')}, got ${JSON.stringify(value)}`, name);
}
function integerInput(source, name, min, max) {
    const value = source.get(name);
    if (value === '')
        return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Input ${name}: expected a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`, name);
    return n;
}
/** An InputSource over a plain map (CLI flags, tests). */
function mapSource(values) {
    return { get: (name) => (values[name] ?? '').trim() };
}


/***/ })

};
