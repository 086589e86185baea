export const id = 201;
export const ids = [201];
export const modules = {

/***/ 9236:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  jl: () => (/* binding */ loadConfigInput),
  Ap: () => (/* binding */ openTarget),
  gN: () => (/* binding */ reportPathInput),
  QH: () => (/* binding */ resolveIn),
  yK: () => (/* binding */ runIdentity),
  An: () => (/* binding */ writeJsonFile)
});

// UNUSED EXPORTS: deploySettings

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/core/config/schema.js
var schema = __webpack_require__(4259);
// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
// EXTERNAL MODULE: ./lib/core/validation/describe.js
var describe = __webpack_require__(2502);
// EXTERNAL MODULE: ./lib/core/validation/once.js
var once = __webpack_require__(2398);
;// CONCATENATED MODULE: ./lib/core/config/load.js
/**
 * Loads `modelgate.yml`: YAML syntax errors, schema errors and cross-field errors all become
 * one ConfigError naming the file, line and field, e.g.
 * `modelgate.yml:14 gate.training.horizons.1h.n_oof.min: expected a number, got "ten thousand"`.
 */






async function loadConfig(file, cwd = process.cwd()) {
    const absolute = external_node_path_.resolve(cwd, file);
    let text;
    try {
        text = await (0,promises_.readFile)(absolute, 'utf8');
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            throw new errors/* ConfigError */.xL(`${file}: config file not found (looked in ${absolute}); create it (see samples/modelgate.yml) or set the config input`, { file });
        if (code === 'EISDIR')
            throw new errors/* ConfigError */.xL(`${file}: is a directory, expected the modelgate.yml file`, { file });
        throw new errors/* ConfigError */.xL(`${file}: cannot read config file: ${error.message}`, { file });
    }
    return parseConfig(text, file, absolute);
}
function parseConfig(text, file, absolute = file) {
    const doc = new describe/* LocatedDocument */._M(text);
    const syntax = doc.syntaxErrors[0];
    if (syntax)
        throw new errors/* ConfigError */.xL(`${file}:${syntax.line} YAML syntax error: ${syntax.message}`, {
            file,
            line: syntax.line,
        });
    if (doc.value === null ||
        doc.value === undefined ||
        typeof doc.value !== 'object' ||
        Array.isArray(doc.value)) {
        throw new errors/* ConfigError */.xL(`${file}:1 (top level): expected a mapping with release, gate, deploy and rollback sections`, {
            file,
            line: 1,
        });
    }
    const parsed = schema/* configSchema */.Qn.safeParse(doc.value, once/* PARSE_ONCE */.M);
    if (!parsed.success) {
        const issue = firstIssue(parsed.error.issues);
        const where = issue.code === 'unrecognized_keys' && issue.keys[0] ? [...issue.path, issue.keys[0]] : issue.path;
        const line = doc.lineOf(where);
        throw new errors/* ConfigError */.xL(`${file}:${line} ${(0,describe/* dottedPath */.wM)(where)}: ${(0,describe/* describeIssue */.n6)(issue, doc.value, (0,describe/* fieldsAt */.$5)(schema/* configSchema */.Qn, issue.path))}`, {
            file,
            line,
        });
    }
    const config = parsed.data;
    crossCheck(config, file, (p) => doc.lineOf(p));
    return { config, file, absolute, lineOf: (p) => doc.lineOf(p) };
}
/** Report the issue nearest the top of the file first, so fixing errors goes top-down. */
function firstIssue(issues) {
    // A misspelt field also makes its correct name "missing": the spelling is the real cause.
    return issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
}
function crossCheck(config, file, lineOf) {
    const fail = (p, message) => {
        const line = lineOf(p);
        throw new errors/* ConfigError */.xL(`${file}:${line} ${(0,describe/* dottedPath */.wM)(p)}: ${message}`, { file, line });
    };
    const artifacts = config.release.artifacts;
    const seen = new Map();
    artifacts.forEach((a, i) => {
        if (seen.has(a.path))
            fail(['release', 'artifacts', i, 'path'], `"${a.path}" is listed twice (also at release.artifacts[${seen.get(a.path)}])`);
        seen.set(a.path, i);
    });
    const stacking = config.release.stacking;
    if (stacking) {
        const listed = (p) => seen.has(p);
        if (!listed(stacking.meta))
            fail(['release', 'stacking', 'meta'], `"${stacking.meta}" is not in release.artifacts; add it there with kind json`);
        if (!listed(stacking.learner))
            fail(['release', 'stacking', 'learner'], `"${stacking.learner}" is not in release.artifacts; add it there with kind pickle`);
        stacking.base.forEach((b, i) => {
            if (!listed(b))
                fail(['release', 'stacking', 'base', i], `"${b}" is not in release.artifacts; add it there or remove it from the base list`);
        });
    }
    for (const [name, rules] of Object.entries(config.gate.training.horizons)) {
        for (const [metric, rule] of Object.entries(rules)) {
            if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max)
                fail(['gate', 'training', 'horizons', name, metric], `min (${rule.min}) is greater than max (${rule.max})`);
        }
    }
    for (const [name, rule] of Object.entries(config.gate.shadow?.rules ?? {})) {
        if (rule.range && rule.range[0] > rule.range[1])
            fail(['gate', 'shadow', 'rules', name, 'range'], `range [${rule.range[0]}, ${rule.range[1]}] has its low end above its high end`);
    }
}

// EXTERNAL MODULE: ./lib/core/inputs/source.js
var source = __webpack_require__(16);
;// CONCATENATED MODULE: ./lib/commands/common.js
/** What every command does the same way: paths, config, reports, and opening the target. */






function resolveIn(ctx, p) {
    return external_node_path_.resolve(ctx.workspace, p);
}
async function loadConfigInput(ctx) {
    const file = ctx.inputs.get('config') || 'modelgate.yml';
    return loadConfig(file, ctx.workspace);
}
/** Writes JSON through a temporary file and a rename, so readers never see half a file. */
async function writeJsonFile(file, value) {
    await (0,promises_.mkdir)(external_node_path_.dirname(file), { recursive: true });
    const tmp = `${file}.tmp-${process.pid}`;
    await (0,promises_.writeFile)(tmp, `${JSON.stringify(value, null, 2)}\n`);
    await (0,promises_.rename)(tmp, file);
}
function reportPathInput(ctx, fallbackName) {
    const given = (0,source/* optionalInput */.$m)(ctx.inputs, 'report');
    return given ? resolveIn(ctx, given) : external_node_path_.join(ctx.tempDir, fallbackName);
}
/** The deploy section with the action inputs laid over it (inputs win). */
function deploySettings(ctx, loaded) {
    const base = loaded.config.deploy;
    const pathInput = (0,source/* optionalInput */.$m)(ctx.inputs, 'path');
    if (!base) {
        throw new errors/* ConfigError */.xL(`${loaded.file}: has no deploy section; add one with at least path, restart and is_active (see samples/modelgate.yml)`, { file: loaded.file, line: 1 });
    }
    const target = (0,source/* choiceInput */.ij)(ctx.inputs, 'target', ['ssh', 'local']) ?? base.target;
    const port = (0,source/* integerInput */.$A)(ctx.inputs, 'port', 1, 65535) ?? base.port;
    const host = (0,source/* optionalInput */.$m)(ctx.inputs, 'host') ?? base.host;
    const user = (0,source/* optionalInput */.$m)(ctx.inputs, 'username') ?? base.user;
    const dir = pathInput ?? base.path;
    if (!dir.startsWith('/')) {
        throw new errors/* InputError */.dz(`deploy path ${JSON.stringify(dir)} must be absolute on the target (from ${pathInput ? 'the path input' : `${loaded.file} deploy.path`})`, 'path');
    }
    return {
        ...base,
        target,
        port,
        host,
        user,
        path: target === 'local' ? external_node_path_.resolve(ctx.workspace, dir) : dir,
    };
}
/** Opens the local or SSH transport the settings name; secrets are masked first. */
async function openTarget(ctx, loaded) {
    const deploy = deploySettings(ctx, loaded);
    const commandTimeoutMs = (0,schema/* durationSeconds */.o8)(deploy.command_timeout) * 1000;
    if (deploy.target === 'local') {
        const { createLocalTransport } = await __webpack_require__.e(/* import() */ 245).then(__webpack_require__.bind(__webpack_require__, 3245));
        return { transport: createLocalTransport({ commandTimeoutMs }), deploy };
    }
    const privateKey = ctx.inputs.get('private-key');
    const passphrase = ctx.inputs.get('passphrase');
    ctx.secret(privateKey);
    ctx.secret(passphrase);
    if (!deploy.host)
        throw new errors/* InputError */.dz('Input required and not supplied: host (target ssh; or set deploy.host in the config)', 'host');
    if (!privateKey)
        throw new errors/* InputError */.dz('Input required and not supplied: private-key (target ssh; pass it from secrets)', 'private-key');
    const knownHosts = ctx.inputs.get('known-hosts');
    const insecure = (0,source/* booleanInput */.tE)(ctx.inputs, 'insecure-skip-host-key-check', false);
    if (!knownHosts && !insecure) {
        throw new errors/* InputError */.dz(`Input required and not supplied: known-hosts (the host key of ${deploy.host}:${deploy.port}; get it with "ssh-keyscan -p ${deploy.port} ${deploy.host}"), or set insecure-skip-host-key-check: true`, 'known-hosts');
    }
    const { connectSsh } = await Promise.all(/* import() */[__webpack_require__.e(472), __webpack_require__.e(383)]).then(__webpack_require__.bind(__webpack_require__, 2383));
    const fingerprint = /^SHA256:/.test(knownHosts.trim()) ? knownHosts.trim() : undefined;
    const transport = await connectSsh({
        host: deploy.host,
        port: deploy.port,
        username: deploy.user,
        privateKey,
        ...(passphrase ? { passphrase } : {}),
        ...(fingerprint ? { hostKeyFingerprint: fingerprint } : knownHosts ? { knownHosts } : {}),
        insecureSkipHostKeyCheck: insecure,
        commandTimeoutMs,
        log: (line) => ctx.log.info(line),
        warn: (line) => ctx.log.warning(line),
    });
    return { transport, deploy };
}
/** Who runs this and which run (with its re-run attempt): recorded in the lock and the history. */
function runIdentity(ctx) {
    const { GITHUB_ACTOR: actor, GITHUB_RUN_ID: id, GITHUB_RUN_ATTEMPT: attempt } = ctx.env;
    return {
        ...(actor ? { actor } : {}),
        ...(id ? { runId: attempt && attempt !== '1' ? `${id}-${attempt}` : id } : {}),
    };
}


/***/ }),

/***/ 4259:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qn: () => (/* binding */ configSchema),
/* harmony export */   hz: () => (/* binding */ ARTIFACT_KINDS),
/* harmony export */   o8: () => (/* binding */ durationSeconds),
/* harmony export */   t9: () => (/* binding */ DEFAULT_SHADOW_RULES)
/* harmony export */ });
/* unused harmony exports DURATION_PATTERN, artifactSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8816);
/**
 * The `modelgate.yml` schema: one zod schema that validates the file and emits
 * `schema/modelgate.schema.json` for editors. Defaults are the seed's values.
 */

const ARTIFACT_KINDS = ['onnx', 'torch', 'lightgbm', 'xgboost', 'pickle', 'json'];
/** `60s`, `90m`, `24h`, `2d`, `1w` or a number of seconds. */
const DURATION_PATTERN = /^\d+(\.\d+)?\s*(ms|s|m|h|d|w)$/;
const duration = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([
    zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative(),
    zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(DURATION_PATTERN, 'expected a duration such as "60s", "24h" or "2d"'),
])
    .describe('A duration: a number of seconds, or a number with a unit ms, s, m, h, d or w ("60s", "24h", "2d").');
const relativePath = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .min(1)
    .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), {
    message: 'expected a path relative to the bundle, without ".." or a leading "/"',
});
const artifactSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    path: relativePath.describe('File name inside the bundle, e.g. lstm_1h.onnx.'),
    kind: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(ARTIFACT_KINDS)
        .describe('How the file is checked: onnx, torch, lightgbm, xgboost, pickle or json.'),
})
    .strict();
const bound = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    min: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().optional().describe('The metric must be at least this.'),
    max: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().optional().describe('The metric must be at most this.'),
    max_drop: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .nonnegative()
        .optional()
        .describe('With a baseline manifest: the metric may fall by at most this much.'),
    severity: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['fail', 'warn']).default('fail').describe('fail stops the release; warn only reports.'),
})
    .strict();
const metricRules = zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), bound)
    .describe('Rules per metric name, e.g. { oof_auc: { min: 0.55 } }.');
const shadowRule = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    min: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().optional(),
    max: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().optional(),
    range: zod__WEBPACK_IMPORTED_MODULE_0__/* .tuple */ .PVZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()])
        .optional()
        .describe('For bull_prob_in_range: the [low, high] band.'),
    severity: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['fail', 'warn']).default('fail'),
})
    .strict();
/** gate.shadow.rules when the config names none; the release notes describe these too. */
const DEFAULT_SHADOW_RULES = {
    ml_coverage: { min: 0.8, severity: 'fail' },
    stacking_activation: { min: 0.9, severity: 'fail' },
    lstm_ok_rate: { min: 0.95, severity: 'fail' },
    tft_ok_rate: { min: 0.8, severity: 'fail' },
    bull_prob_in_range: { range: [0.3, 0.7], min: 0.95, severity: 'fail' },
    severe_errors: { max: 0, severity: 'fail' },
};
const DEFAULT_HORIZON_RULES = {
    oof_auc: { min: 0.55, severity: 'fail' },
    test_auc: { min: 0.52, severity: 'fail' },
    n_oof: { min: 10000, severity: 'fail' },
};
/** The seed's training gate: 1h, 4h and 24h each need oof_auc >= 0.55, test_auc >= 0.52, n_oof >= 10000. */
function defaultTrainingGate() {
    return {
        horizons: { '1h': DEFAULT_HORIZON_RULES, '4h': DEFAULT_HORIZON_RULES, '24h': DEFAULT_HORIZON_RULES },
        base: {},
        global: {},
        warn: { overfit_gap: 0.15 },
    };
}
const configSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    release: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
            .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected letters, digits, ".", "_" or "-"')
            .describe('Release name; the tarball is <name>_<YYYYMMDD_HHMMSS>.tar.gz.'),
        artifacts: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(artifactSchema)
            .min(1)
            .describe('Every file a bundle must contain, with its kind.'),
        stacking: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
            meta: relativePath.describe('The stacking meta JSON (base_models, meta_learner).'),
            learner: relativePath.describe('The pickled meta-learner.'),
            base: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(relativePath)
                .min(1)
                .describe('Base model files, in the order of the meta-learner columns.'),
        })
            .strict()
            .optional(),
        golden: relativePath.default('golden.json').describe('Golden vectors written by the training job.'),
    })
        .strict(),
    gate: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        training: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
            horizons: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), metricRules).default({
                '1h': DEFAULT_HORIZON_RULES,
                '4h': DEFAULT_HORIZON_RULES,
                '24h': DEFAULT_HORIZON_RULES,
            }),
            base: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), metricRules)
                .default({})
                .describe('Rules per base model, e.g. { lstm: { oof_auc: { min: 0.57, severity: warn } } }.'),
            global: metricRules
                .default({})
                .describe('Rules on top-level metrics; a failure fails the whole gate.'),
            warn: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
                overfit_gap: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
                    .nonnegative()
                    .default(0.15)
                    .describe('Warn when val_auc - test_auc exceeds this.'),
            })
                .strict()
                .default({ overfit_gap: 0.15 }),
        })
            .strict()
            .default(defaultTrainingGate),
        shadow: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
            logs: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
                .min(1)
                .default('data/live/trades_*.jsonl')
                .describe('Trade-log glob, relative to deploy.path on the target.'),
            window: duration.default('2d'),
            min_records: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative().default(20),
            rules: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), shadowRule).default(DEFAULT_SHADOW_RULES),
            fields: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP())
                .default({})
                .describe('Overrides of trade-log field paths, e.g. { bull_prob: ml.bull_prob }.'),
            collapse_std: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
                .nonnegative()
                .default(0.001)
                .describe('A prediction std below this is a collapsed model.'),
            promote_after: duration.default('24h'),
        })
            .strict()
            .optional(),
    })
        .strict()
        .default(() => ({ training: defaultTrainingGate() })),
    deploy: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        target: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['ssh', 'local']).default('ssh'),
        host: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
        port: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).max(65535).default(22),
        user: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
            .regex(/^[a-z_][a-z0-9_.-]*\$?$/i, 'expected a user name')
            .default('root'),
        path: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
            .min(1)
            .refine((p) => !/[\n\0]/.test(p), 'expected a path without newlines')
            .describe('The service directory on the target, e.g. /opt/macd-analysis.'),
        models_dir: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
            .regex(/^[A-Za-z0-9._-]+$/, 'expected a single directory name')
            .default('models'),
        keep_releases: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(2).default(5),
        service: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
        restart: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).describe('Command that restarts the service, run in deploy.path.'),
        is_active: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).describe('Command that exits 0 when the service is running.'),
        logs: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
            .min(1)
            .optional()
            .describe('Command that prints the service log since @{since} (unix seconds), or a file relative to deploy.path.'),
        log_file: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
            .min(1)
            .optional()
            .describe('A log file, relative to deploy.path, read from its size at restart.'),
        verify: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
            expect: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).default([]),
            fail: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).default(['Traceback', 'ERROR', 'CRITICAL']),
            timeout: duration.default('60s'),
        })
            .strict()
            .default({ expect: [], fail: ['Traceback', 'ERROR', 'CRITICAL'], timeout: '60s' }),
        flags: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
            file: relativePath.default('.env'),
            shadow: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name'), zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP())
                .default({}),
            promote: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name'), zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP())
                .default({}),
        })
            .strict()
            .default({ file: '.env', shadow: {}, promote: {} }),
        lock_timeout: duration.default('5m'),
        stale_lock: duration.default('2h'),
        command_timeout: duration.default('120s'),
    })
        .strict()
        .optional(),
    rollback: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        ml_off: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ file: relativePath, pattern: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1), replace: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() })
            .strict()
            .optional(),
    })
        .strict()
        .default({}),
})
    .strict();
/** Seconds in a duration value from the config. */
function durationSeconds(value) {
    if (typeof value === 'number')
        return value;
    const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)$/.exec(value);
    if (!m)
        throw new Error(`not a duration: ${value}`);
    const n = Number(m[1]);
    const unit = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[m[2]];
    return n * unit;
}


/***/ }),

/***/ 9718:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KB: () => (/* binding */ MANIFEST_SCHEMA),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   eY: () => (/* binding */ loadManifest),
/* harmony export */   rc: () => (/* binding */ manifestSchema)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8816);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3828);
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4259);
/* harmony import */ var _validation_describe_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2502);
/* harmony import */ var _validation_json_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9717);
/* harmony import */ var _validation_once_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2398);
/**
 * `manifest.json`: written by package, read by healthcheck, deploy and the training gate.
 * Validated at the boundary like every other external file.
 */







const MANIFEST_SCHEMA = 'modelgate/manifest@1';
const sha256 = zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex sha256');
const metricValue = zod__WEBPACK_IMPORTED_MODULE_6__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_6__/* .boolean */ .zMY(), zod__WEBPACK_IMPORTED_MODULE_6__/* ["null"] */ .chJ()]);
const metricTable = zod__WEBPACK_IMPORTED_MODULE_6__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_6__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(), metricValue));
const manifestSchema = zod__WEBPACK_IMPORTED_MODULE_6__/* .object */ .Ikc({
    schema: zod__WEBPACK_IMPORTED_MODULE_6__/* .literal */ .euz(MANIFEST_SCHEMA),
    id: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a release id of letters, digits, ".", "_" or "-"'),
    name: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().min(1),
    created: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().min(1),
    bundle: zod__WEBPACK_IMPORTED_MODULE_6__/* .object */ .Ikc({
        file: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().min(1),
        sha256: sha256.optional(),
        size: zod__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig().int().nonnegative().optional(),
    })
        .optional(),
    files: zod__WEBPACK_IMPORTED_MODULE_6__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_6__/* .object */ .Ikc({
        path: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().min(1),
        kind: zod__WEBPACK_IMPORTED_MODULE_6__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_6__/* ["enum"] */ .k5n(_config_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .ARTIFACT_KINDS */ .hz), zod__WEBPACK_IMPORTED_MODULE_6__/* .literal */ .euz('other')]),
        size: zod__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig().int().nonnegative(),
        sha256,
    })),
    metrics: zod__WEBPACK_IMPORTED_MODULE_6__/* .object */ .Ikc({
        horizons: metricTable.default({}),
        base: metricTable.default({}),
        models: metricTable.default({}),
    })
        .catchall(zod__WEBPACK_IMPORTED_MODULE_6__/* .unknown */ .L5J())
        .default({ horizons: {}, base: {}, models: {} }),
    health: zod__WEBPACK_IMPORTED_MODULE_6__/* .object */ .Ikc({
        passed: zod__WEBPACK_IMPORTED_MODULE_6__/* .boolean */ .zMY(),
        checks: zod__WEBPACK_IMPORTED_MODULE_6__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_6__/* .object */ .Ikc({
            name: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
            status: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(),
            ms: zod__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig().optional(),
            message: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().optional(),
        })),
    })
        .optional(),
    source: zod__WEBPACK_IMPORTED_MODULE_6__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP()).optional(),
})
    .catchall(zod__WEBPACK_IMPORTED_MODULE_6__/* .unknown */ .L5J());
/** Parses manifest text; errors name the file, line and field. */
function parseManifest(text, file) {
    let parsed;
    try {
        parsed = (0,_validation_json_text_js__WEBPACK_IMPORTED_MODULE_4__/* .parseJsonText */ .lk)(text, file);
    }
    catch (error) {
        const where = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelgateError */ .HJ ? error : undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelgateError */ .HJ(`${error.message}; regenerate it with modelgate package`, 'input', {
            file,
            line: where?.line,
            column: where?.column,
        });
    }
    const bare = parsed.nonStandard[0];
    if (bare) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelgateError */ .HJ(`${file}:${bare.line} ${bare.token} is not JSON; a manifest holds only finite numbers`, 'input', {
            file,
            line: bare.line,
        });
    }
    const value = parsed.value;
    const result = manifestSchema.safeParse(value, _validation_once_js__WEBPACK_IMPORTED_MODULE_5__/* .PARSE_ONCE */ .M);
    if (result.success)
        return result.data;
    const issue = result.error.issues[0];
    const line = new _validation_describe_js__WEBPACK_IMPORTED_MODULE_3__/* .LocatedDocument */ ._M(text).lineOf(issue.path);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`${file}:${line} ${(0,_validation_describe_js__WEBPACK_IMPORTED_MODULE_3__/* .dottedPath */ .wM)(issue.path)}: ${(0,_validation_describe_js__WEBPACK_IMPORTED_MODULE_3__/* .describeIssue */ .n6)(issue, value)}`, {
        file,
        line,
    });
}
async function loadManifest(file) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelgateError */ .HJ(`${file}: cannot read manifest: ${error.code ?? error.message}`, 'input', { file });
    }
    return parseManifest(text, file);
}


/***/ }),

/***/ 2502:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $5: () => (/* binding */ fieldsAt),
/* harmony export */   _M: () => (/* binding */ LocatedDocument),
/* harmony export */   fK: () => (/* binding */ valueAt),
/* harmony export */   n6: () => (/* binding */ describeIssue),
/* harmony export */   wM: () => (/* reexport safe */ _value_text_js__WEBPACK_IMPORTED_MODULE_1__.w)
/* harmony export */ });
/* unused harmony export closest */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _value_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9708);
/**
 * Turns schema issues into sentences a person can act on: the file, the line, the dotted
 * field path, what was expected and what was found. One schema library (zod) validates every
 * external input; this is the single place its issues become words.
 */



function valueAt(root, path) {
    let cur = root;
    for (const key of path) {
        if (cur === null || typeof cur !== 'object')
            return undefined;
        cur = cur[key];
    }
    return cur;
}
function expectedName(expected) {
    switch (expected) {
        case 'number':
        case 'int':
            return 'a number';
        case 'string':
            return 'a string';
        case 'boolean':
            return 'true or false';
        case 'object':
            return 'a mapping';
        case 'array':
            return 'a list';
        default:
            return expected;
    }
}
/** The human part of one issue, without location: `expected a number, got "ten thousand"`. */
function describeIssue(issue, root, allowed) {
    const found = valueAt(root, issue.path);
    switch (issue.code) {
        case 'invalid_type':
            if (found === undefined)
                return `is required: expected ${expectedName(issue.expected)}`;
            return `expected ${expectedName(issue.expected)}, got ${(0,_value_text_js__WEBPACK_IMPORTED_MODULE_1__/* .describeValue */ .b)(found)}`;
        case 'invalid_value':
            return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${(0,_value_text_js__WEBPACK_IMPORTED_MODULE_1__/* .describeValue */ .b)(found)}`;
        case 'unrecognized_keys': {
            const names = issue.keys.map((k) => `"${k}"`).join(', ');
            const known = allowed ?? [];
            const guess = issue.keys.length === 1 ? closest(issue.keys[0], known) : undefined;
            if (guess)
                return `unknown field ${names}: did you mean "${guess}"?`;
            return `unknown field${issue.keys.length > 1 ? 's' : ''} ${names}${known.length ? `; expected one of ${known.join(', ')}` : ''}`;
        }
        case 'too_small':
            if (issue.origin === 'array')
                return `expected at least ${String(issue.minimum)} item(s), got ${(0,_value_text_js__WEBPACK_IMPORTED_MODULE_1__/* .describeValue */ .b)(found)}`;
            if (issue.origin === 'string')
                return `must not be empty`;
            return `expected ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}, got ${(0,_value_text_js__WEBPACK_IMPORTED_MODULE_1__/* .describeValue */ .b)(found)}`;
        case 'too_big':
            if (issue.origin === 'array')
                return `expected at most ${String(issue.maximum)} item(s), got ${(0,_value_text_js__WEBPACK_IMPORTED_MODULE_1__/* .describeValue */ .b)(found)}`;
            return `expected ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}, got ${(0,_value_text_js__WEBPACK_IMPORTED_MODULE_1__/* .describeValue */ .b)(found)}`;
        case 'invalid_format':
            return `${issue.message}, got ${(0,_value_text_js__WEBPACK_IMPORTED_MODULE_1__/* .describeValue */ .b)(found)}`;
        case 'invalid_key': {
            const key = issue.path[issue.path.length - 1];
            const inner = issue.issues[0]?.message;
            return `${inner && !inner.startsWith('Invalid') ? inner : 'invalid name'}, got ${JSON.stringify(String(key))}`;
        }
        case 'invalid_union':
            return `${issue.message === 'Invalid input' ? 'does not match any allowed form' : issue.message}, got ${(0,_value_text_js__WEBPACK_IMPORTED_MODULE_1__/* .describeValue */ .b)(found)}`;
        default:
            return `${issue.message}${found !== undefined ? `, got ${(0,_value_text_js__WEBPACK_IMPORTED_MODULE_1__/* .describeValue */ .b)(found)}` : ''}`;
    }
}
/** The known field nearest to a misspelt one (edit distance at most 2), if any. */
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
/** Unwraps optional/default/nullable wrappers and walks object shapes to list the fields at `path`. */
function fieldsAt(schema, path) {
    let cur = schema;
    const unwrap = () => {
        for (let i = 0; i < 10; i++) {
            const def = cur?._zod?.def;
            if (def?.innerType &&
                (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'catch'))
                cur = def.innerType;
            else
                break;
        }
    };
    unwrap();
    for (const key of path) {
        const def = cur?._zod?.def;
        if (def?.type === 'object' && def.shape)
            cur = def.shape[String(key)];
        else if (def?.type === 'array')
            cur = def.element;
        else if (def?.type === 'record')
            cur = def.valueType;
        else
            return [];
        unwrap();
    }
    const def = cur?._zod?.def;
    return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}
/** A parsed YAML or JSON document that can tell the line of any path in it. */
class LocatedDocument {
    text;
    value;
    doc;
    lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    constructor(text) {
        this.text = text;
        this.doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
        this.value = this.doc.errors.length === 0 ? this.doc.toJS({ maxAliasCount: 100 }) : undefined;
    }
    get syntaxErrors() {
        return this.doc.errors.map((e) => ({
            line: this.lines.linePos(e.pos[0]).line,
            message: e.message.split('\n')[0] ?? e.message,
        }));
    }
    /** Line of the deepest node on `path` that exists (1-based), or 1. */
    lineOf(path) {
        let node = this.doc.contents;
        let offset = rangeStart(node);
        for (const key of path) {
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
                const pair = node.items.find((p) => ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.key) ? String(p.key.value) : String(p.key)) === String(key));
                if (!pair)
                    break;
                offset = rangeStart(pair.key) ?? offset;
                node = pair.value;
            }
            else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) && typeof key === 'number') {
                const item = node.items[key];
                if (item === undefined)
                    break;
                offset = rangeStart(item) ?? offset;
                node = item;
            }
            else
                break;
        }
        return offset === undefined ? 1 : this.lines.linePos(offset).line;
    }
}
function rangeStart(node) {
    const range = node?.range;
    return range ? range[0] : undefined;
}


/***/ }),

/***/ 9717:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R4: () => (/* binding */ locateJsonError),
/* harmony export */   VA: () => (/* binding */ parseJsonLenient),
/* harmony export */   lk: () => (/* binding */ parseJsonText)
/* harmony export */ });
/* unused harmony export lineColumnAt */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3828);
/**
 * JSON files from a training job, parsed with errors a person can act on: the file, line and
 * column of the first syntax error (Node 20's JSON.parse reports neither, and its wording
 * changes between Node versions). One scanner serves every JSON file modelgate reads: the
 * bundle's metadata, golden.json, metrics.json and XGBoost models.
 *
 * Python's `json.dump` writes bare `NaN`, `Infinity` and `-Infinity` unless told not to (and
 * XGBoost before 3.1 writes `NaN` as the split value of categorical nodes); strict JSON
 * rejects them. They are accepted here and reported, so that a caller can decide whether a
 * non-finite value is a problem.
 */

/** Parses `text`; throws a ModelgateError naming `file`, the line and the column of the first error. */
function parseJsonText(text, file) {
    try {
        return { value: JSON.parse(text), nonStandard: [] };
    }
    catch {
        // Fall through to the slower scanner, which knows where the error is.
    }
    try {
        return new JsonScanner(text).parseDocument();
    }
    catch (error) {
        if (!(error instanceof JsonStop))
            throw error;
        const { line, column } = lineColumnAt(text, error.at);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelgateError */ .HJ(`${file}:${line}:${column} not valid JSON: ${error.reason}`, 'check', {
            file,
            line,
            column,
        });
    }
}
/**
 * JSON.parse, retried with bare NaN -> null and Infinity -> 1e999 (outside strings) on
 * failure: for multi-megabyte model files, where the scanner would cost several times more.
 * Throws JSON.parse's SyntaxError; `locateJsonError` then says where.
 */
function parseJsonLenient(text) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        if (!text.includes('NaN') && !text.includes('Infinity'))
            throw error;
        return JSON.parse(replaceNonStandardNumbers(text));
    }
}
/** Rewrites the non-standard number tokens outside strings: NaN -> null, Infinity -> 1e999 (parses as Infinity). */
function replaceNonStandardNumbers(text) {
    const parts = [];
    let last = 0;
    let i = 0;
    const n = text.length;
    while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 34) {
            // Skip the string, escapes included.
            i++;
            while (i < n) {
                const d = text.charCodeAt(i);
                if (d === 92)
                    i += 2;
                else {
                    i++;
                    if (d === 34)
                        break;
                }
            }
        }
        else if (c === 78 && text.startsWith('NaN', i)) {
            parts.push(text.slice(last, i), 'null');
            i += 3;
            last = i;
        }
        else if (c === 73 && text.startsWith('Infinity', i)) {
            parts.push(text.slice(last, i), '1e999');
            i += 8;
            last = i;
        }
        else
            i++;
    }
    if (last === 0)
        return text;
    parts.push(text.slice(last));
    return parts.join('');
}
const LITERALS = ['true', 'false', 'null', 'NaN', 'Infinity', '-Infinity'];
/** The first syntax error in `text` (standard JSON plus NaN/Infinity); for text JSON.parse refused. */
function locateJsonError(text) {
    let stop;
    try {
        new JsonScanner(text).parseDocument();
        // Only reached for text JSON.parse refused for a reason the scanner accepts.
        return { line: 1, column: 1, message: 'the text is not valid JSON', truncated: false };
    }
    catch (error) {
        if (!(error instanceof JsonStop))
            throw error;
        stop = error;
    }
    const { line, column } = lineColumnAt(text, stop.at);
    // A cut inside the last token (a number or a literal, then nothing) is truncation too.
    const rest = text.slice(stop.at).trimEnd();
    const midToken = /^[\w.+-]+$/.test(rest) &&
        (/[\w.]/.test(text[stop.at - 1] ?? '') || LITERALS.some((w) => w !== rest && w.startsWith(rest)));
    return { line, column, message: stop.reason, truncated: stop.at >= text.length || midToken };
}
/** 1-based line and column of a character offset. */
function lineColumnAt(text, offset) {
    let line = 1;
    let lineStart = 0;
    const end = Math.min(offset, text.length);
    for (let i = 0; i < end; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: end - lineStart + 1 };
}
/** Where and why the scanner stopped. */
class JsonStop {
    at;
    reason;
    constructor(at, reason) {
        this.at = at;
        this.reason = reason;
    }
}
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
class JsonScanner {
    text;
    pos = 0;
    nonStandard = [];
    /** Lines counted up to `counted`: tokens come in order, so each character is counted once. */
    counted = 0;
    line = 1;
    constructor(text) {
        this.text = text;
    }
    parseDocument() {
        this.skipSpace();
        if (this.pos >= this.text.length)
            this.fail(this.text.length === 0 ? 'the file is empty' : 'no value in the file');
        let value;
        try {
            value = this.parseValue();
        }
        catch (error) {
            // Nesting deep enough to exhaust the stack: report where the walk got to.
            if (error instanceof RangeError)
                this.fail('nesting too deep');
            throw error;
        }
        this.skipSpace();
        if (this.pos < this.text.length)
            this.fail(`unexpected ${this.describeHere()} after the end of the document`);
        return { value, nonStandard: this.nonStandard };
    }
    fail(reason, at = this.pos) {
        throw new JsonStop(at, reason);
    }
    describeHere() {
        if (this.pos >= this.text.length)
            return 'end of file';
        return JSON.stringify(this.text.slice(this.pos, this.pos + 1));
    }
    skipSpace() {
        while (this.pos < this.text.length) {
            const c = this.text.charCodeAt(this.pos);
            if (c === 32 || c === 9 || c === 10 || c === 13)
                this.pos++;
            else
                break;
        }
    }
    parseValue() {
        this.skipSpace();
        const c = this.text[this.pos];
        if (c === '{')
            return this.parseObject();
        if (c === '[')
            return this.parseArray();
        if (c === '"')
            return this.parseString();
        if (c === 't')
            return this.literal('true', true);
        if (c === 'f')
            return this.literal('false', false);
        if (c === 'n')
            return this.literal('null', null);
        if (c === 'N')
            return this.nonStandardLiteral('NaN', Number.NaN);
        if (c === 'I')
            return this.nonStandardLiteral('Infinity', Number.POSITIVE_INFINITY);
        if (c === '-' && this.text.startsWith('-Infinity', this.pos))
            return this.nonStandardLiteral('-Infinity', Number.NEGATIVE_INFINITY);
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9'))
            return this.parseNumber();
        if (c === undefined)
            this.fail('unexpected end of file: a value is missing');
        this.fail(`unexpected ${this.describeHere()}: expected a value`);
    }
    literal(word, value) {
        if (!this.text.startsWith(word, this.pos))
            this.fail(`unexpected ${this.describeHere()}: expected a value`);
        this.pos += word.length;
        return value;
    }
    nonStandardLiteral(word, value) {
        for (; this.counted < this.pos; this.counted++)
            if (this.text.charCodeAt(this.counted) === 10)
                this.line++;
        this.literal(word, value);
        this.nonStandard.push({ token: word, line: this.line });
        return value;
    }
    parseNumber() {
        NUMBER.lastIndex = this.pos;
        const match = NUMBER.exec(this.text);
        if (!match)
            this.fail(`malformed number starting ${JSON.stringify(this.text.slice(this.pos, this.pos + 12))}`);
        this.pos += match[0].length;
        return Number(match[0]);
    }
    parseString() {
        const start = this.pos;
        this.pos++;
        while (this.pos < this.text.length) {
            const c = this.text.charCodeAt(this.pos);
            if (c === 34) {
                this.pos++;
                try {
                    return JSON.parse(this.text.slice(start, this.pos));
                }
                catch {
                    this.fail('invalid escape sequence or control character in a string', start);
                }
            }
            if (c === 92)
                this.pos += 2;
            else if (c < 32)
                this.fail('unescaped control character (a line break?) inside a string');
            else
                this.pos++;
        }
        this.fail('string not closed before the end of the file', start);
    }
    parseArray() {
        const out = [];
        this.pos++;
        this.skipSpace();
        if (this.text[this.pos] === ']') {
            this.pos++;
            return out;
        }
        for (;;) {
            out.push(this.parseValue());
            this.skipSpace();
            const c = this.text[this.pos];
            if (c === ',') {
                this.pos++;
                this.skipSpace();
                if (this.text[this.pos] === ']')
                    this.fail('trailing comma before "]"');
                continue;
            }
            if (c === ']') {
                this.pos++;
                return out;
            }
            this.fail(`expected "," or "]" after an array item, got ${this.describeHere()}`);
        }
    }
    parseObject() {
        const out = {};
        this.pos++;
        this.skipSpace();
        if (this.text[this.pos] === '}') {
            this.pos++;
            return out;
        }
        for (;;) {
            this.skipSpace();
            if (this.text[this.pos] !== '"')
                this.fail(`expected a property name in double quotes, got ${this.describeHere()}`);
            const key = this.parseString();
            this.skipSpace();
            if (this.text[this.pos] !== ':')
                this.fail(`expected ":" after the property name ${JSON.stringify(key)}, got ${this.describeHere()}`);
            this.pos++;
            Object.defineProperty(out, key, {
                value: this.parseValue(),
                enumerable: true,
                writable: true,
                configurable: true,
            });
            this.skipSpace();
            const c = this.text[this.pos];
            if (c === ',') {
                this.pos++;
                this.skipSpace();
                if (this.text[this.pos] === '}')
                    this.fail('trailing comma before "}"');
                continue;
            }
            if (c === '}') {
                this.pos++;
                return out;
            }
            this.fail(`expected "," or "}" after the value of ${JSON.stringify(key)}, got ${this.describeHere()}`);
        }
    }
}


/***/ }),

/***/ 2398:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ PARSE_ONCE)
/* harmony export */ });
/**
 * Parse options for a document validated once per run (the config, a manifest, golden.json,
 * a stacking meta file): without them zod compiles a fast path for each object schema on its
 * first parse (a `new Function`), which costs more than the one parse it speeds up. Schemas
 * parsed per line (trade logs) keep the fast path.
 */
const PARSE_ONCE = { jitless: true };


/***/ }),

/***/ 9708:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ describeValue),
/* harmony export */   w: () => (/* binding */ dottedPath)
/* harmony export */ });
function dottedPath(path) {
    if (path.length === 0)
        return '(top level)';
    return path
        .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
        .join('.')
        .replace(/\.\[/g, '[');
}
/** Renders a found value briefly: strings quoted, objects named by type. */
function describeValue(value) {
    if (value === undefined)
        return 'nothing';
    if (value === null)
        return 'null';
    if (typeof value === 'string')
        return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    if (Array.isArray(value))
        return `a list of ${value.length}`;
    if (typeof value === 'object')
        return 'a mapping';
    return String(value);
}


/***/ })

};
