export const id = 120;
export const ids = [120];
export const modules = {

/***/ 2120:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gateCommand: () => (/* binding */ gateCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
;// CONCATENATED MODULE: ./lib/core/config/schema.js
/**
 * The `modelgate.yml` schema: one zod schema that validates the file and emits
 * `schema/modelgate.schema.json` for editors. Defaults are the seed's values.
 */

const ARTIFACT_KINDS = ['onnx', 'torch', 'lightgbm', 'xgboost', 'pickle', 'json'];
/** `60s`, `90m`, `24h`, `2d`, `1w` or a number of seconds. */
const DURATION_PATTERN = /^\d+(\.\d+)?\s*(ms|s|m|h|d|w)$/;
const duration = schemas/* union */.KCZ([
    schemas/* number */.aig().nonnegative(),
    schemas/* string */.YjP().regex(DURATION_PATTERN, 'expected a duration such as "60s", "24h" or "2d"'),
])
    .describe('A duration: a number of seconds, or a number with a unit ms, s, m, h, d or w ("60s", "24h", "2d").');
const relativePath = schemas/* string */.YjP()
    .min(1)
    .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), {
    message: 'expected a path relative to the bundle, without ".." or a leading "/"',
});
const artifactSchema = schemas/* object */.Ikc({
    path: relativePath.describe('File name inside the bundle, e.g. lstm_1h.onnx.'),
    kind: schemas/* enum */.k5n(ARTIFACT_KINDS)
        .describe('How the file is checked: onnx, torch, lightgbm, xgboost, pickle or json.'),
})
    .strict();
const bound = schemas/* object */.Ikc({
    min: schemas/* number */.aig().optional().describe('The metric must be at least this.'),
    max: schemas/* number */.aig().optional().describe('The metric must be at most this.'),
    max_drop: schemas/* number */.aig()
        .nonnegative()
        .optional()
        .describe('With a baseline manifest: the metric may fall by at most this much.'),
    severity: schemas/* enum */.k5n(['fail', 'warn']).default('fail').describe('fail stops the release; warn only reports.'),
})
    .strict();
const metricRules = schemas/* record */.g1P(schemas/* string */.YjP(), bound)
    .describe('Rules per metric name, e.g. { oof_auc: { min: 0.55 } }.');
const shadowRule = schemas/* object */.Ikc({
    min: schemas/* number */.aig().optional(),
    max: schemas/* number */.aig().optional(),
    range: schemas/* tuple */.PVZ([schemas/* number */.aig(), schemas/* number */.aig()])
        .optional()
        .describe('For bull_prob_in_range: the [low, high] band.'),
    severity: schemas/* enum */.k5n(['fail', 'warn']).default('fail'),
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
const configSchema = schemas/* object */.Ikc({
    release: schemas/* object */.Ikc({
        name: schemas/* string */.YjP()
            .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected letters, digits, ".", "_" or "-"')
            .describe('Release name; the tarball is <name>_<YYYYMMDD_HHMMSS>.tar.gz.'),
        artifacts: schemas/* array */.YOg(artifactSchema)
            .min(1)
            .describe('Every file a bundle must contain, with its kind.'),
        stacking: schemas/* object */.Ikc({
            meta: relativePath.describe('The stacking meta JSON (base_models, meta_learner).'),
            learner: relativePath.describe('The pickled meta-learner.'),
            base: schemas/* array */.YOg(relativePath)
                .min(1)
                .describe('Base model files, in the order of the meta-learner columns.'),
        })
            .strict()
            .optional(),
        golden: relativePath.default('golden.json').describe('Golden vectors written by the training job.'),
    })
        .strict(),
    gate: schemas/* object */.Ikc({
        training: schemas/* object */.Ikc({
            horizons: schemas/* record */.g1P(schemas/* string */.YjP(), metricRules).default({
                '1h': DEFAULT_HORIZON_RULES,
                '4h': DEFAULT_HORIZON_RULES,
                '24h': DEFAULT_HORIZON_RULES,
            }),
            base: schemas/* record */.g1P(schemas/* string */.YjP(), metricRules)
                .default({})
                .describe('Rules per base model, e.g. { lstm: { oof_auc: { min: 0.57, severity: warn } } }.'),
            global: metricRules
                .default({})
                .describe('Rules on top-level metrics; a failure fails the whole gate.'),
            warn: schemas/* object */.Ikc({
                overfit_gap: schemas/* number */.aig()
                    .nonnegative()
                    .default(0.15)
                    .describe('Warn when val_auc - test_auc exceeds this.'),
            })
                .strict()
                .default({ overfit_gap: 0.15 }),
        })
            .strict()
            .default(defaultTrainingGate),
        shadow: schemas/* object */.Ikc({
            logs: schemas/* string */.YjP()
                .min(1)
                .default('data/live/trades_*.jsonl')
                .describe('Trade-log glob, relative to deploy.path on the target.'),
            window: duration.default('2d'),
            min_records: schemas/* number */.aig().int().nonnegative().default(20),
            rules: schemas/* record */.g1P(schemas/* string */.YjP(), shadowRule).default(DEFAULT_SHADOW_RULES),
            fields: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP())
                .default({})
                .describe('Overrides of trade-log field paths, e.g. { bull_prob: ml.bull_prob }.'),
            collapse_std: schemas/* number */.aig()
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
    deploy: schemas/* object */.Ikc({
        target: schemas/* enum */.k5n(['ssh', 'local']).default('ssh'),
        host: schemas/* string */.YjP().min(1).optional(),
        port: schemas/* number */.aig().int().min(1).max(65535).default(22),
        user: schemas/* string */.YjP()
            .regex(/^[a-z_][a-z0-9_.-]*\$?$/i, 'expected a user name')
            .default('root'),
        path: schemas/* string */.YjP()
            .min(1)
            .refine((p) => !/[\n\0]/.test(p), 'expected a path without newlines')
            .describe('The service directory on the target, e.g. /opt/macd-analysis.'),
        models_dir: schemas/* string */.YjP()
            .regex(/^[A-Za-z0-9._-]+$/, 'expected a single directory name')
            .default('models'),
        keep_releases: schemas/* number */.aig().int().min(2).default(5),
        service: schemas/* string */.YjP().min(1).optional(),
        restart: schemas/* string */.YjP().min(1).describe('Command that restarts the service, run in deploy.path.'),
        is_active: schemas/* string */.YjP().min(1).describe('Command that exits 0 when the service is running.'),
        logs: schemas/* string */.YjP()
            .min(1)
            .optional()
            .describe('Command that prints the service log since @{since} (unix seconds), or a file relative to deploy.path.'),
        log_file: schemas/* string */.YjP()
            .min(1)
            .optional()
            .describe('A log file, relative to deploy.path, read from its size at restart.'),
        verify: schemas/* object */.Ikc({
            expect: schemas/* array */.YOg(schemas/* string */.YjP()).default([]),
            fail: schemas/* array */.YOg(schemas/* string */.YjP()).default(['Traceback', 'ERROR', 'CRITICAL']),
            timeout: duration.default('60s'),
        })
            .strict()
            .default({ expect: [], fail: ['Traceback', 'ERROR', 'CRITICAL'], timeout: '60s' }),
        flags: schemas/* object */.Ikc({
            file: relativePath.default('.env'),
            shadow: schemas/* record */.g1P(schemas/* string */.YjP().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name'), schemas/* string */.YjP())
                .default({}),
            promote: schemas/* record */.g1P(schemas/* string */.YjP().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name'), schemas/* string */.YjP())
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
    rollback: schemas/* object */.Ikc({
        ml_off: schemas/* object */.Ikc({ file: relativePath, pattern: schemas/* string */.YjP().min(1), replace: schemas/* string */.YjP() })
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

// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
;// CONCATENATED MODULE: ./lib/core/gate/comment.js
/**
 * One pull-request comment per gate, updated in place: the comment is found by a hidden
 * marker in its body, so a gate that runs on every push edits its comment instead of adding
 * one per run. The core sees GitHub only through `IssueCommentsApi`; `src/actions/` adapts
 * Octokit to it.
 */
/** Ten thousand comments at GitHub's page size of 100: far beyond any real pull request. */
const MAX_PAGES = 100;
/**
 * Updates the first comment whose body contains `marker`, or creates one. The marker is
 * prepended when `body` lacks it, so the comment is found again next time. Two runs racing
 * on the same pull request can still both create (GitHub has no conditional create); the
 * next run then updates the older one.
 */
async function upsertStickyComment(api, body, marker) {
    if (marker.trim() === '')
        throw new Error('upsertStickyComment: the marker must not be empty');
    const text = body.includes(marker) ? body : `${marker}\n${body}`;
    for (let page = 1; page <= MAX_PAGES; page++) {
        const comments = await api.list(page);
        if (comments.length === 0)
            break;
        const found = comments.find((c) => typeof c.body === 'string' && c.body.includes(marker));
        if (found) {
            await api.update(found.id, text);
            return { action: 'updated', id: found.id };
        }
    }
    const created = await api.create(text);
    return { action: 'created', id: created.id };
}

;// CONCATENATED MODULE: ./lib/core/remote/quote.js
/**
 * Quoting for commands run on a target through `Transport.exec`. Every value that comes from
 * a config file, a manifest or an input reaches the shell only through `shellQuote` (or the
 * `sh` template, which quotes every interpolated value), so no value can inject shell: a
 * path such as `/opt/x; rm -rf /` or a flag value `$(touch /tmp/pwned)` stays one literal
 * word. The quoting is POSIX single quotes, understood alike by sh, dash, bash, ksh and zsh.
 */

/** One shell word holding exactly `arg`. NUL cannot be passed to a command and is refused. */
function shellQuote(arg) {
    if (arg.includes('\0'))
        throw new errors/* ModelgateError */.HJ(`refusing to pass a value containing a NUL byte to a remote command: ${JSON.stringify(arg)}`, 'input');
    if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg))
        return arg;
    // Inside single quotes nothing is special; a single quote itself is closed, escaped, reopened.
    return `'${arg.replace(/'/g, `'\\''`)}'`;
}
/** A fragment the caller vouches for (a command from the config, or one built with `sh`). */
class RawShell {
    text;
    constructor(text) {
        this.text = text;
    }
    toString() {
        return this.text;
    }
}
/** Marks trusted shell text so `sh` inserts it as is instead of quoting it. */
function raw(text) {
    return new RawShell(text);
}
/**
 * Tagged template for remote commands: `sh\`mkdir -p ${dir} && cd ${dir}\`` quotes every
 * value (arrays become several quoted words, numbers must be finite, `raw(...)` is inserted
 * as is). The literal parts are written by us and are the only unquoted shell text.
 */
function sh(strings, ...values) {
    let out = strings[0] ?? '';
    values.forEach((value, i) => {
        out += quoteValue(value) + (strings[i + 1] ?? '');
    });
    return out;
}
function quoteValue(value) {
    if (value instanceof RawShell)
        return value.text;
    if (typeof value === 'number') {
        if (!Number.isFinite(value))
            throw new ModelgateError(`refusing to pass ${value} to a remote command`, 'runtime');
        return String(value);
    }
    if (typeof value === 'string')
        return shellQuote(value);
    return value.map((v) => (typeof v === 'number' ? quoteValue(v) : shellQuote(v))).join(' ');
}
/**
 * Checks a path that will be used on the target. Newlines are refused too: they are legal in
 * file names but break every line-oriented tool (sha256sum checklists, `ls`, logs), and no
 * real service directory has one.
 */
function checkRemotePath(value, what) {
    if (/[\n\r\0]/.test(value))
        throw new ModelgateError(`${what} ${JSON.stringify(value)} contains a newline or NUL byte; use a path without them`, 'input');
    return value;
}

;// CONCATENATED MODULE: ./lib/core/gate/log-source.js
/**
 * Where the shadow gate's trade logs come from: local files and globs (the `logs` input), or
 * the target's `gate.shadow.logs` pulled over the transport into a local directory.
 *
 * The glob is small on purpose (no dependency): `*`, `?` and `[...]` within one path segment,
 * in any segment locally and in the file name only on a target. On a target the directory is
 * listed with `ls` and the names are matched here, so the pattern never reaches the shell
 * unquoted. Files come back sorted by path, which for `trades_YYYYMMDD.jsonl` is by day.
 */




const WILDCARD = /[*?[]/;
function hasWildcard(pattern) {
    return WILDCARD.test(pattern);
}
/** The regular expression for one path segment of a glob. */
function segmentMatcher(segment) {
    let out = '';
    for (let i = 0; i < segment.length; i++) {
        const c = segment[i];
        if (c === '*')
            out += '[^/]*';
        else if (c === '?')
            out += '[^/]';
        else if (c === '[') {
            const close = segment.indexOf(']', i + 2);
            if (close === -1) {
                out += '\\[';
                continue;
            }
            let body = segment.slice(i + 1, close);
            const negate = body.startsWith('!') || body.startsWith('^');
            if (negate)
                body = body.slice(1);
            out += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
            i = close;
        }
        else
            out += c.replace(/[.+^${}()|\\/]/g, '\\$&');
    }
    return new RegExp(`^${out}$`);
}
function matchesHidden(segment, name) {
    // As in the shell: a leading dot is matched only by a pattern that starts with one.
    return !name.startsWith('.') || segment.startsWith('.');
}
async function isFile(file) {
    try {
        return (await (0,promises_.stat)(file)).isFile();
    }
    catch {
        return false;
    }
}
async function isDirectory(dir) {
    try {
        return (await (0,promises_.stat)(dir)).isDirectory();
    }
    catch {
        return false;
    }
}
/** Files matching `pattern` (relative to `cwd`), sorted by path; empty when none. */
async function expandLogGlob(pattern, cwd = process.cwd()) {
    if (pattern.split('/').includes('**')) {
        throw new errors/* InputError */.dz(`logs pattern ${JSON.stringify(pattern)}: "**" is not supported; name the directory, e.g. data/live/trades_*.jsonl`, 'logs');
    }
    const absolute = external_node_path_.resolve(cwd, pattern);
    const root = external_node_path_.parse(absolute).root;
    const segments = absolute.slice(root.length).split(external_node_path_.sep).filter(Boolean);
    // Walk segment by segment; literal segments are joined, wildcard ones listed and matched.
    let candidates = [root];
    for (let i = 0; i < segments.length; i++) {
        const segment = segments[i];
        const last = i === segments.length - 1;
        const next = [];
        for (const dir of candidates) {
            if (!hasWildcard(segment)) {
                next.push(external_node_path_.join(dir, segment));
                continue;
            }
            let names;
            try {
                names = await (0,promises_.readdir)(dir);
            }
            catch {
                continue;
            }
            const re = segmentMatcher(segment);
            for (const name of names)
                if (re.test(name) && matchesHidden(segment, name))
                    next.push(external_node_path_.join(dir, name));
        }
        const kept = [];
        for (const candidate of next)
            if (last ? await isFile(candidate) : await isDirectory(candidate))
                kept.push(candidate);
        candidates = kept;
    }
    return candidates.sort();
}
/**
 * The `logs` input: one or more files or globs, one a line (or a list). A glob that matches
 * nothing or a file that does not exist is an input error: a gate over no data because of a
 * typo would otherwise read as "inconclusive" forever.
 */
async function resolveLogFiles(spec, cwd = process.cwd()) {
    const patterns = (typeof spec === 'string' ? spec.split(/\r?\n/) : [...spec])
        .map((s) => s.trim())
        .filter(Boolean);
    if (patterns.length === 0)
        throw new errors/* InputError */.dz('logs is empty: give a trade-log file or a glob such as data/live/trades_*.jsonl', 'logs');
    const files = new Set();
    for (const pattern of patterns) {
        const found = hasWildcard(pattern) ? await expandLogGlob(pattern, cwd) : [external_node_path_.resolve(cwd, pattern)];
        if (found.length === 0) {
            throw new errors/* InputError */.dz(`logs: ${JSON.stringify(pattern)} matches no file under ${cwd}; check the pattern or the working directory`, 'logs');
        }
        for (const file of found) {
            if (!hasWildcard(pattern) && !(await isFile(file))) {
                throw new errors/* InputError */.dz(`logs: ${file} does not exist or is not a file; check the logs input`, 'logs');
            }
            files.add(file);
        }
    }
    return [...files].sort();
}
/** The UTC day named in a log file name (`trades_20260220.jsonl`, `trades-2026-02-20.log`). */
function dayInName(name) {
    const m = /(?<!\d)(20\d{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)/.exec(name);
    if (!m)
        return undefined;
    return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}
/**
 * A daily file is skipped when its day ended well before `since`. The margin covers a service
 * whose "day" is local time (up to 14 h off UTC) and a file rotated a little after midnight;
 * the gate's window filter on each bar's timestamp does the exact cut.
 */
const DAY_MARGIN_MS = 2 * 86_400_000;
/**
 * Copies the target's trade logs matching `remoteGlob` (relative to `basePath`, or absolute)
 * into `localDir`. Only the file name may contain wildcards. A pattern that matches nothing
 * on the target is an error (wrong path, or a service that writes no logs); files that all
 * predate `since` are not, and leave the gate with no data to judge.
 */
async function pullShadowLogs(transport, remoteGlob, basePath, localDir, since) {
    const full = external_node_path_.posix.isAbsolute(remoteGlob) ? remoteGlob : external_node_path_.posix.join(basePath, remoteGlob);
    const dir = external_node_path_.posix.dirname(full);
    const pattern = external_node_path_.posix.basename(full);
    if (hasWildcard(dir)) {
        throw new errors/* ModelgateError */.HJ(`gate.shadow.logs ${JSON.stringify(remoteGlob)}: only the file name may contain wildcards on a target; name the directory, e.g. data/live/trades_*.jsonl`, 'config');
    }
    // -p marks directories with a trailing slash, so they are never taken for log files.
    const listed = await transport.exec(`ls -1Ap -- ${shellQuote(dir)}`);
    if (listed.code !== 0) {
        throw new errors/* ModelgateError */.HJ(`${transport.description}: cannot list ${dir} for gate.shadow.logs (${listed.stderr.trim() || `exit ${listed.code}`}); check deploy.path and gate.shadow.logs`, 'remote');
    }
    const re = segmentMatcher(pattern);
    const names = listed.stdout
        .split('\n')
        .filter((name) => name !== '' && !name.endsWith('/') && re.test(name) && matchesHidden(pattern, name))
        .sort();
    if (names.length === 0) {
        throw new errors/* ModelgateError */.HJ(`${transport.description}: no file in ${dir} matches ${pattern} (gate.shadow.logs); check the pattern, and that the service writes trade logs there`, 'remote');
    }
    const skipped = [];
    const wanted = [];
    for (const name of names) {
        const day = dayInName(name);
        if (since && day && day.getTime() + DAY_MARGIN_MS <= since.getTime())
            skipped.push(external_node_path_.posix.join(dir, name));
        else
            wanted.push(name);
    }
    await (0,promises_.mkdir)(localDir, { recursive: true });
    const files = [];
    const remote = [];
    for (const name of wanted) {
        const from = external_node_path_.posix.join(dir, name);
        const to = external_node_path_.join(localDir, name);
        await transport.download(from, to);
        files.push(to);
        remote.push(from);
    }
    return { files, remote, skipped };
}

;// CONCATENATED MODULE: ./lib/core/gate/render.js
/** Hidden in the comment body; finds the gate's comment again on the next run. */
const COMMENT_MARKER = '<!-- modelgate:gate -->';
/** GitHub rejects issue comments longer than this. */
const COMMENT_LIMIT = 65_536;
const VERDICT_ICON = { pass: '✅', fail: '❌', inconclusive: '⏳' };
const STATUS_ICON = {
    pass: '✅ pass',
    warn: '⚠️ warn',
    fail: '❌ fail',
    skip: '⏸️ not judged',
};
/** A number for a table: integers as they are, others to 4 decimals, tiny ones to 3 significant digits. */
function formatValue(value) {
    if (value === null || value === undefined)
        return '—';
    if (!Number.isFinite(value))
        return String(value);
    if (Number.isInteger(value))
        return String(value);
    if (value !== 0 && Math.abs(value) < 0.001)
        return value.toPrecision(3);
    return String(Number(value.toFixed(4)));
}
function signed(value) {
    if (value === null || value === undefined)
        return '—';
    return value > 0 ? `+${formatValue(value)}` : formatValue(value);
}
/** Text safe inside a table cell: no line breaks, no column separators. */
function cell(text) {
    return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}
function rulesTable(rows) {
    if (rows.length === 0)
        return ['_No rules configured._'];
    const withChange = rows.some((r) => r.baseline !== undefined);
    const head = withChange
        ? '| rule | value | threshold | status | change |'
        : '| rule | value | threshold | status |';
    const sep = withChange ? '|---|---:|---|---|---:|' : '|---|---:|---|---|';
    const lines = [head, sep];
    for (const r of rows) {
        const cells = [cell(r.rule), formatValue(r.value), cell(r.threshold), STATUS_ICON[r.status]];
        if (withChange) {
            cells.push(r.change === undefined || r.change === null
                ? '—'
                : `${signed(r.change)} (from ${formatValue(r.baseline)})`);
        }
        lines.push(`| ${cells.join(' | ')} |`);
    }
    return lines;
}
function bulletList(items) {
    return items.map((w) => `- ${w.replace(/\r?\n/g, ' ')}`);
}
function trainingRuleName(r) {
    switch (r.scope) {
        case 'horizon':
            return `${r.subject} ${r.metric}`;
        case 'base':
            return `base ${r.subject} ${r.metric}`;
        case 'global':
            return r.metric;
        case 'builtin':
            return `${r.subject} ${r.metric} (built-in)`;
    }
}
function renderTrainingMarkdown(result, options = {}) {
    const verdict = result.verdict;
    const out = [`## ${VERDICT_ICON[verdict]} modelgate training gate: ${verdict}`, ''];
    if (options.manifest) {
        out.push(`**Release:** \`${options.manifest}\`` +
            (options.baseline ? ` · **baseline:** \`${options.baseline}\`` : ''), '');
    }
    const all = Object.keys(result.horizons);
    const disabled = all.filter((h) => !result.enabledHorizons.includes(h));
    out.push(`**Enabled horizons:** ${result.enabledHorizons.length ? result.enabledHorizons.map((h) => `\`${h}\``).join(', ') : 'none'}` +
        (disabled.length ? ` · disabled: ${disabled.map((h) => `\`${h}\``).join(', ')}` : ''));
    const failures = result.rules.filter((r) => r.status === 'fail');
    if (result.enabledHorizons.length === 0)
        out.push('', 'No horizon passed its rules.');
    out.push('', '### Rules', '');
    out.push(...rulesTable(result.rules.map((r) => ({
        rule: trainingRuleName(r),
        value: r.value,
        threshold: r.threshold,
        status: r.status,
        ...(r.baseline !== undefined ? { baseline: r.baseline, change: r.change ?? null } : {}),
    }))));
    if (all.length) {
        out.push('', '### Horizons', '', '| horizon | enabled | why not |', '|---|---|---|');
        for (const h of all) {
            const info = result.horizons[h];
            out.push(`| ${cell(h)} | ${info?.passed ? '✅ yes' : '❌ no'} | ${cell(info?.failures.join('; ') ?? '')} |`);
        }
    }
    if (failures.length)
        out.push('', '### Failures', '', ...bulletList(failures.map((r) => r.message)));
    if (result.warnings.length)
        out.push('', '### Warnings', '', ...bulletList(result.warnings));
    return out.join('\n') + '\n';
}
/** A Mermaid bar chart of a histogram; GitHub renders ```mermaid blocks. */
function mermaidHistogram(edges, counts, title) {
    const labels = counts.map((_, i) => `"${(edges[i] ?? 0).toFixed(2)}"`);
    const max = Math.max(1, ...counts);
    return [
        '```mermaid',
        'xychart-beta',
        `    title "${title.replace(/"/g, "'")}"`,
        `    x-axis "bull_prob (bin start)" [${labels.join(', ')}]`,
        `    y-axis "bars" 0 --> ${max}`,
        `    bar [${counts.join(', ')}]`,
        '```',
    ];
}
function percent(value) {
    return value === null ? '—' : `${(value * 100).toFixed(2)}%`;
}
function renderShadowMarkdown(result) {
    const m = result.metrics;
    const out = [
        `## ${VERDICT_ICON[result.verdict]} modelgate shadow gate: ${result.verdict}`,
        '',
        result.summary.replace(/\r?\n/g, ' '),
        '',
    ];
    const window = result.window.since
        ? `${result.window.since} → ${result.window.now}`
        : `everything up to ${result.window.now}`;
    out.push(`**Window:** ${window} · **bars:** ${m.records} (min_records ${result.window.min_records}) · ` +
        `**hours covered:** ${formatValue(m.hours_covered)}` +
        (result.window.for_promotion
            ? ` (promote_after ${formatValue(result.window.promote_after_hours)} h)`
            : '') +
        ` · **ML coverage:** ${percent(m.ml_coverage)} · **files:** ${m.files.length} · **lines:** ${m.lines}` +
        ` · **corrupt lines:** ${m.corrupt_lines} · **missing fields:** ${m.missing_fields}` +
        (m.outside_window ? ` · **outside window:** ${m.outside_window}` : ''));
    out.push('', '### Rules', '');
    out.push(...rulesTable(result.rules.map((r) => ({
        rule: r.scope === 'builtin' ? `${r.metric} (${r.subject}, built-in)` : r.metric,
        value: r.value,
        threshold: r.threshold,
        status: r.status,
    }))));
    const failures = result.rules.filter((r) => r.status === 'fail');
    if (failures.length)
        out.push('', '### Failures', '', ...bulletList(failures.map((r) => r.message)));
    if (result.warnings.length)
        out.push('', '### Warnings', '', ...bulletList(result.warnings));
    const p = m.bull_prob;
    out.push('', '### Predictions (bull_prob)', '');
    if (!p)
        out.push('_No bar in the window carried a bull_prob._');
    else {
        out.push(`mean ${formatValue(p.mean)} · std ${formatValue(p.std)} · p05 ${formatValue(p.p05)} · p50 ${formatValue(p.p50)} · ` +
            `p95 ${formatValue(p.p95)} · min ${formatValue(p.min)} · max ${formatValue(p.max)} · ` +
            `in [${m.bull_prob_range[0]}, ${m.bull_prob_range[1]}]: ${percent(m.bull_prob_in_range)}`, '', ...mermaidHistogram(p.histogram.edges, p.histogram.counts, `bull_prob, ${p.count} predictions`));
    }
    if (m.problems.length) {
        out.push('', '### Bad lines (first ' + m.problems.length + ')', '', '| file | line | kind | reason |', '|---|---:|---|---|');
        for (const x of m.problems)
            out.push(`| ${cell(x.file)} | ${x.line} | ${x.kind} | ${cell(x.reason)} |`);
    }
    if (m.files.length) {
        out.push('', '### Files', '', '| file | lines | bars | corrupt | missing fields | outside window |', '|---|---:|---:|---:|---:|---:|');
        for (const f of m.files)
            out.push(`| ${cell(f.path)} | ${f.lines} | ${f.records} | ${f.corrupt} | ${f.invalid} | ${f.outside_window} |`);
    }
    return out.join('\n') + '\n';
}
function renderGateMarkdown(input, options = {}) {
    return input.mode === 'training'
        ? renderTrainingMarkdown(input.result, options)
        : renderShadowMarkdown(input.result);
}
/** Failing rules as error annotations, warn-rules as warnings (the action entry emits them). */
function gateProblems(input, file) {
    const rules = input.result.rules;
    const problems = [];
    for (const r of rules) {
        if (r.status !== 'fail' && r.status !== 'warn')
            continue;
        problems.push({
            severity: r.status === 'fail' ? 'error' : 'warning',
            message: r.message,
            ...(file ? { file } : {}),
        });
    }
    if (input.mode === 'shadow' && input.result.verdict === 'inconclusive') {
        problems.push({ severity: 'warning', message: input.result.summary, ...(file ? { file } : {}) });
    }
    return problems;
}
function isFence(line) {
    return line.trimStart().startsWith('```');
}
function sectionsOf(markdown) {
    const sections = [{ lines: [], dropped: 0 }];
    let inFence = false;
    for (const line of markdown.split('\n')) {
        if (isFence(line))
            inFence = !inFence;
        if (!inFence && /^#{2,3} /.test(line) && sections.at(-1).lines.length > 0)
            sections.push({ lines: [], dropped: 0 });
        sections.at(-1).lines.push(line);
    }
    return sections;
}
/**
 * Fits `markdown` into `limit` characters (UTF-16 code units, never fewer than GitHub's
 * count): while too long, the longest section loses lines from its end, never leaving a code
 * block open, and says where the rest is. A section keeps at least its first line; a first
 * line too long on its own is shortened.
 */
function fitMarkdown(markdown, limit, pointer) {
    if (markdown.length <= limit)
        return markdown;
    const sections = sectionsOf(markdown);
    const text = (s) => s.lines.join('\n') + (s.dropped ? `\n\n${pointer(s.dropped)}\n` : '');
    const total = () => sections.reduce((n, s) => n + text(s).length, 0) + sections.length - 1;
    for (let round = 0; round < sections.length * 2 + 4; round++) {
        const excess = total() - limit;
        if (excess <= 0)
            break;
        const longest = sections.reduce((a, b) => (text(b).length > text(a).length ? b : a));
        const target = text(longest).length - excess;
        // Drop whole lines until the section (with its pointer) fits its share.
        const pointerLength = `\n\n${pointer(longest.dropped + longest.lines.length)}\n`.length;
        let keep = longest.lines.length;
        let length = longest.lines.join('\n').length;
        while (keep > 1 && length + pointerLength > target) {
            keep--;
            length -= longest.lines[keep].length + 1;
        }
        // Never end inside a code block: cut before an unclosed fence.
        let open = -1;
        for (let i = 0; i < keep; i++)
            if (isFence(longest.lines[i]))
                open = open === -1 ? i : -1;
        if (open > 0)
            keep = open;
        if (keep < longest.lines.length) {
            longest.dropped += longest.lines.length - keep;
            longest.lines = longest.lines.slice(0, keep);
            continue;
        }
        // One line left and still too long: shorten the line itself.
        const first = longest.lines[0] ?? '';
        let end = Math.max(0, first.length - excess - 1);
        if (end > 0 && /[\uDC00-\uDFFF]/.test(first[end] ?? ''))
            end--;
        longest.lines = [`${first.slice(0, end)}…`];
    }
    const fitted = sections.map(text).join('\n');
    return fitted.length <= limit ? fitted : fitted.slice(0, limit);
}
/**
 * The pull-request comment: the marker, then `markdown`, cut to the limit with a pointer to
 * the job summary (`summaryUrl`, the run's page, when known).
 */
function renderComment(markdown, summaryUrl, options = {}) {
    const marker = options.marker ?? COMMENT_MARKER;
    const limit = options.limit ?? COMMENT_LIMIT;
    const where = summaryUrl ? `the [job summary](${summaryUrl})` : "this run's job summary";
    const pointer = (n) => `_… ${n} more line(s) cut to fit a GitHub comment; the full report is in ${where}._`;
    return `${marker}\n${fitMarkdown(markdown, limit - marker.length - 1, pointer)}`;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./lib/core/gate/lines.js
/**
 * Splits a file into lines at the speed of the disk: 1 MiB reads into a reused buffer,
 * `indexOf('\n')` on the raw bytes, and a string only for each complete line (so a UTF-8
 * character split between two reads is decoded whole). `readline` costs several times more
 * on a 300 MB log. Memory stays bounded: one read buffer plus the unfinished line, and a line
 * longer than `maxLineBytes` is reported and skipped rather than held. `.gz` files (rotated
 * logs) are gunzipped on the way.
 */




/**
 * Read buffers of finished files, for the next file: a gate over 60 daily files would
 * otherwise leave 60 MiB of dead buffers behind. A buffer in use is never here, so
 * concurrent reads never share one.
 */
let spare = [];
/**
 * The file's bytes in pieces. Plain files are read into one reused buffer: allocating a fresh
 * buffer per read leaves hundreds of megabytes of dead external memory for the garbage
 * collector to find late, and the peak memory then grows with the file. Each piece is valid
 * only until the next one is requested.
 */
async function* pieces(file, size) {
    if (file.endsWith('.gz')) {
        const raw = (0,external_node_fs_.createReadStream)(file, { highWaterMark: size });
        const gunzip = raw.pipe((0,external_node_zlib_.createGunzip)({ chunkSize: 256 * 1024 }));
        raw.on('error', (error) => gunzip.destroy(error));
        yield* gunzip;
        return;
    }
    const handle = await (0,promises_.open)(file, 'r');
    const buffer = spare.find((b) => b.length === size) ?? Buffer.allocUnsafe(size);
    spare = spare.filter((b) => b !== buffer);
    try {
        for (;;) {
            const { bytesRead } = await handle.read(buffer, 0, size, null);
            if (bytesRead === 0)
                return;
            yield buffer.subarray(0, bytesRead);
        }
    }
    finally {
        if (spare.length < 4)
            spare.push(buffer);
        await handle.close();
    }
}
/** Reads `file` line by line; resolves to the number of lines. */
async function readLines(file, handlers, options = {}) {
    const maxLineBytes = options.maxLineBytes ?? 16 * 1024 * 1024;
    const gzip = file.endsWith('.gz');
    let number = 0;
    // The unfinished line: copies of the ends of earlier pieces, and their total length.
    let carry = [];
    let carryBytes = 0;
    let skipping = false;
    const emit = (bytes, start, end) => {
        number++;
        if (end > start && bytes[end - 1] === 13)
            end--;
        let text = bytes.toString('utf8', start, end);
        if (number === 1 && text.charCodeAt(0) === 0xfeff)
            text = text.slice(1);
        handlers.line(text, number);
    };
    const endCarry = (tail, end) => {
        if (skipping) {
            number++;
            handlers.tooLong?.(number, carryBytes + end);
        }
        else {
            const whole = Buffer.concat([...carry, tail.subarray(0, end)]);
            emit(whole, 0, whole.length);
        }
        carry = [];
        carryBytes = 0;
        skipping = false;
    };
    const keep = (piece) => {
        carryBytes += piece.length;
        if (skipping)
            return;
        if (carryBytes > maxLineBytes) {
            skipping = true;
            carry = [];
        }
        else
            carry.push(Buffer.from(piece));
    };
    try {
        for await (const chunk of pieces(file, options.readSize ?? 1024 * 1024)) {
            let start = 0;
            let nl = chunk.indexOf(10);
            if (carryBytes > 0 || skipping) {
                if (nl === -1) {
                    keep(chunk);
                    continue;
                }
                endCarry(chunk, nl);
                start = nl + 1;
                nl = chunk.indexOf(10, start);
            }
            while (nl !== -1) {
                emit(chunk, start, nl);
                start = nl + 1;
                nl = chunk.indexOf(10, start);
            }
            if (start < chunk.length)
                keep(chunk.subarray(start));
        }
        if (carryBytes > 0)
            endCarry(Buffer.alloc(0), 0);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            throw new errors/* ModelgateError */.HJ(`${file}: no such trade-log file; check the logs input or gate.shadow.logs`, 'input', { file });
        if (code === 'EACCES')
            throw new errors/* ModelgateError */.HJ(`${file}: permission denied reading the trade log; make it readable by the runner`, 'input', { file });
        if (gzip && code?.startsWith('Z_')) {
            throw new errors/* ModelgateError */.HJ(`${file}: not a complete gzip file (${error.message}); pass only finished, rotated logs as .gz`, 'input', { file });
        }
        throw error;
    }
    return number;
}

;// CONCATENATED MODULE: ./lib/core/gate/rules.js
/** Values written by training jobs are compared as written; only derived numbers are rounded. */
const EPSILON = 1e-12;
/** A number as a person reads it: as written when it came from a file, 4 decimals when computed. */
function formatNumber(value) {
    if (Number.isInteger(value))
        return String(value);
    return String(Number(value.toFixed(4)));
}
/** Strips float noise from a difference (0.030000000000000027 -> 0.03) for reports and JSON. */
function roundChange(value) {
    return Math.round(value * 1e10) / 1e10;
}
function describeBound(bound, hasBaseline) {
    const parts = [];
    if (bound.min !== undefined)
        parts.push(`min ${bound.min}`);
    if (bound.max !== undefined)
        parts.push(`max ${bound.max}`);
    if (bound.max_drop !== undefined)
        parts.push(`max_drop ${bound.max_drop}${hasBaseline ? '' : ' (no baseline)'}`);
    return parts.length ? parts.join(', ') : 'no bound';
}
/**
 * Checks `value` against `bound`. `baseline` is the same metric in the baseline manifest:
 * `undefined` when no baseline manifest was given, `null` when the baseline lacks the metric
 * (a new metric cannot have dropped, so max_drop holds).
 */
function evaluateBound(value, bound, baseline) {
    const broken = [];
    if (bound.min !== undefined && value < bound.min)
        broken.push(`is below the minimum ${bound.min}`);
    if (bound.max !== undefined && value > bound.max)
        broken.push(`is above the maximum ${bound.max}`);
    const change = typeof baseline === 'number' ? roundChange(value - baseline) : null;
    if (bound.max_drop !== undefined && change !== null && -change > bound.max_drop + EPSILON) {
        broken.push(`fell by ${formatNumber(-change)} from the baseline ${formatNumber(baseline)}, more than max_drop ${bound.max_drop}`);
    }
    return {
        status: broken.length === 0 ? 'pass' : bound.severity,
        threshold: describeBound(bound, baseline !== undefined),
        broken,
        change,
    };
}

;// CONCATENATED MODULE: ./lib/core/gate/shadow-metrics.js
/** Bins of the histogram the quantiles are read from. */
const FINE_BINS = 1000;
/** Bins of the histogram shown in reports (each the sum of FINE_BINS / DISPLAY_BINS fine bins). */
const DISPLAY_BINS = 20;
/** How many bad lines are kept as examples; the rest are only counted. */
const PROBLEM_SAMPLES = 20;
class ShadowAccumulator {
    range;
    since;
    fine = new Float64Array(FINE_BINS);
    records = 0;
    covered = 0;
    stacking = 0;
    lstm = 0;
    tft = 0;
    inRange = 0;
    outsideUnit = 0;
    severe = 0;
    errors = 0;
    mean = 0;
    m2 = 0;
    min = Infinity;
    max = -Infinity;
    firstTs = Infinity;
    lastTs = -Infinity;
    lines = 0;
    blank = 0;
    corrupt = 0;
    invalid = 0;
    outside = 0;
    files = [];
    problems = [];
    file;
    constructor(options) {
        this.range = options.range;
        this.since = options.since ?? -Infinity;
    }
    beginFile(path) {
        this.file = { path, lines: 0, records: 0, corrupt: 0, invalid: 0, outside_window: 0 };
        this.files.push(this.file);
    }
    current() {
        if (!this.file)
            this.beginFile('(input)');
        return this.file;
    }
    addBlank() {
        this.lines++;
        this.blank++;
        this.current().lines++;
    }
    addProblem(line, kind, reason) {
        const file = this.current();
        this.lines++;
        file.lines++;
        if (kind === 'corrupt') {
            this.corrupt++;
            file.corrupt++;
        }
        else {
            this.invalid++;
            file.invalid++;
        }
        if (this.problems.length < PROBLEM_SAMPLES)
            this.problems.push({ file: file.path, line, kind, reason });
    }
    add(record) {
        const file = this.current();
        this.lines++;
        file.lines++;
        if (record.ts < this.since) {
            this.outside++;
            file.outside_window++;
            return;
        }
        this.records++;
        file.records++;
        if (record.ts < this.firstTs)
            this.firstTs = record.ts;
        if (record.ts > this.lastTs)
            this.lastTs = record.ts;
        this.errors += record.errors;
        this.severe += record.severeErrors;
        const p = record.bullProb;
        if (p === undefined)
            return;
        this.covered++;
        if (record.stackingActive)
            this.stacking++;
        if (record.lstmOk)
            this.lstm++;
        if (record.tftOk)
            this.tft++;
        if (p >= this.range[0] && p <= this.range[1])
            this.inRange++;
        if (p < 0 || p > 1)
            this.outsideUnit++;
        if (p < this.min)
            this.min = p;
        if (p > this.max)
            this.max = p;
        const delta = p - this.mean;
        this.mean += delta / this.covered;
        this.m2 += delta * (p - this.mean);
        const bin = p <= 0 ? 0 : p >= 1 ? FINE_BINS - 1 : Math.floor(p * FINE_BINS);
        this.fine[bin] = this.fine[bin] + 1;
    }
    /** The value below which a fraction `q` of the predictions fall. */
    quantile(q) {
        const rank = q * this.covered;
        let cumulative = 0;
        for (let i = 0; i < FINE_BINS; i++) {
            const count = this.fine[i];
            if (count > 0 && cumulative + count >= rank) {
                const value = (i + (rank - cumulative) / count) / FINE_BINS;
                return Math.min(this.max, Math.max(this.min, value));
            }
            cumulative += count;
        }
        return this.max;
    }
    histogram() {
        const per = FINE_BINS / DISPLAY_BINS;
        const counts = new Array(DISPLAY_BINS).fill(0);
        for (let i = 0; i < FINE_BINS; i++) {
            const b = Math.floor(i / per);
            counts[b] = counts[b] + this.fine[i];
        }
        const edges = Array.from({ length: DISPLAY_BINS + 1 }, (_, i) => Math.round((i / DISPLAY_BINS) * 1e6) / 1e6);
        return { edges, counts };
    }
    metrics() {
        const rate = (n, d) => (d === 0 ? null : n / d);
        const hasTs = this.records > 0;
        return {
            records: this.records,
            ml_records: this.covered,
            ml_coverage: rate(this.covered, this.records),
            stacking_activation: rate(this.stacking, this.covered),
            lstm_ok_rate: rate(this.lstm, this.covered),
            tft_ok_rate: rate(this.tft, this.covered),
            bull_prob_in_range: rate(this.inRange, this.covered),
            bull_prob_range: [this.range[0], this.range[1]],
            bull_prob: this.covered === 0
                ? null
                : {
                    count: this.covered,
                    mean: this.mean,
                    std: Math.sqrt(this.m2 / this.covered),
                    min: this.min,
                    max: this.max,
                    p05: this.quantile(0.05),
                    p50: this.quantile(0.5),
                    p95: this.quantile(0.95),
                    outside_unit: this.outsideUnit,
                    histogram: this.histogram(),
                },
            severe_errors: this.severe,
            errors: this.errors,
            hours_covered: hasTs ? (this.lastTs - this.firstTs) / 3_600_000 : 0,
            first_ts: hasTs ? new Date(this.firstTs).toISOString() : null,
            last_ts: hasTs ? new Date(this.lastTs).toISOString() : null,
            lines: this.lines,
            blank_lines: this.blank,
            corrupt_lines: this.corrupt,
            missing_fields: this.invalid,
            outside_window: this.outside,
            files: this.files.map((f) => ({ ...f })),
            problems: this.problems.map((p) => ({ ...p })),
        };
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./lib/core/validation/value-text.js
var value_text = __webpack_require__(9708);
;// CONCATENATED MODULE: ./lib/core/validation/describe.js
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
            return `expected ${expectedName(issue.expected)}, got ${(0,value_text/* describeValue */.b)(found)}`;
        case 'invalid_value':
            return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${(0,value_text/* describeValue */.b)(found)}`;
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
                return `expected at least ${String(issue.minimum)} item(s), got ${(0,value_text/* describeValue */.b)(found)}`;
            if (issue.origin === 'string')
                return `must not be empty`;
            return `expected ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}, got ${(0,value_text/* describeValue */.b)(found)}`;
        case 'too_big':
            if (issue.origin === 'array')
                return `expected at most ${String(issue.maximum)} item(s), got ${(0,value_text/* describeValue */.b)(found)}`;
            return `expected ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}, got ${(0,value_text/* describeValue */.b)(found)}`;
        case 'invalid_format':
            return `${issue.message}, got ${(0,value_text/* describeValue */.b)(found)}`;
        case 'invalid_key': {
            const key = issue.path[issue.path.length - 1];
            const inner = issue.issues[0]?.message;
            return `${inner && !inner.startsWith('Invalid') ? inner : 'invalid name'}, got ${JSON.stringify(String(key))}`;
        }
        case 'invalid_union':
            return `${issue.message === 'Invalid input' ? 'does not match any allowed form' : issue.message}, got ${(0,value_text/* describeValue */.b)(found)}`;
        default:
            return `${issue.message}${found !== undefined ? `, got ${(0,value_text/* describeValue */.b)(found)}` : ''}`;
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
    lines = new dist/* LineCounter */.HN();
    constructor(text) {
        this.text = text;
        this.doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
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
            if ((0,dist/* isMap */.jh)(node)) {
                const pair = node.items.find((p) => ((0,dist/* isScalar */.jn)(p.key) ? String(p.key.value) : String(p.key)) === String(key));
                if (!pair)
                    break;
                offset = rangeStart(pair.key) ?? offset;
                node = pair.value;
            }
            else if ((0,dist/* isSeq */.oP)(node) && typeof key === 'number') {
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

;// CONCATENATED MODULE: ./lib/core/gate/trade-log.js
/**
 * One trade-log line (design.md, "The trade log") into the few facts the shadow gate counts.
 *
 * The service writes one JSON object a line, one line a bar. Field paths are configurable
 * (`gate.shadow.fields`), so the zod schema that validates a line is built from the paths in
 * use: it checks only those fields and lets every other field through (a service adding
 * fields must not break the gate). A line that is not a JSON object is `corrupt`; a JSON
 * object without a usable timestamp, or with a gate field of the wrong type, is `invalid`.
 * Neither is fatal: the caller counts them and reports the reasons.
 *
 * What counts:
 * - `bull_prob`: a finite number is an ML-covered bar; absent or null is a bar without ML.
 * - `stacking_active`, `lstm_ok`, `tft_ok`: `true` counts, anything else (false, null, absent) does not.
 * - `errors`: a list. A plain string entry is a severe error (the service logs exception
 *   text that way); an object is severe unless its `level` or `severity` says it is less
 *   than an error (debug, info, notice, warn, warning); any other entry is severe.
 * - `ts`: an ISO-8601 time, or a unix time in seconds (or milliseconds above 1e12).
 */



const FIELD_NAMES = ['ts', 'bull_prob', 'stacking_active', 'lstm_ok', 'tft_ok', 'errors'];
const DEFAULT_FIELDS = {
    ts: 'ts',
    bull_prob: 'ml.bull_prob',
    stacking_active: 'ml.stacking.active',
    lstm_ok: 'ml.lstm.ok',
    tft_ok: 'ml.tft.ok',
    errors: 'ml.errors',
};
const PATH_PATTERN = /^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/;
/**
 * Merges `gate.shadow.fields` over the defaults. A misspelt field name or a malformed path
 * would silently measure nothing, so both are configuration errors.
 */
function resolveFieldPaths(overrides = {}, configFile = 'modelgate.yml') {
    const fields = { ...DEFAULT_FIELDS };
    for (const [name, value] of Object.entries(overrides)) {
        if (!FIELD_NAMES.includes(name)) {
            throw new errors/* ConfigError */.xL(`${configFile}: gate.shadow.fields.${name} is not a trade-log field: use one of ${FIELD_NAMES.join(', ')}`, { file: configFile });
        }
        if (!PATH_PATTERN.test(value)) {
            throw new errors/* ConfigError */.xL(`${configFile}: gate.shadow.fields.${name} is ${JSON.stringify(value)}: expected a dotted path such as "ml.bull_prob"`, { file: configFile });
        }
        fields[name] = value;
    }
    return fields;
}
const tsSchema = schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig()], { error: 'expected an ISO-8601 time or unix seconds' });
const bullProbSchema = schemas/* number */.aig().nullish();
const flagSchema = schemas/* boolean */.zMY().nullish();
const errorsSchema = schemas/* array */.YOg(schemas/* unknown */.L5J()).nullish();
const FIELD_SCHEMAS = {
    ts: tsSchema,
    bull_prob: bullProbSchema,
    stacking_active: flagSchema,
    lstm_ok: flagSchema,
    tft_ok: flagSchema,
    errors: errorsSchema,
};
/**
 * The zod schema of a record for these field paths: nested loose objects down to each field.
 * Parents of optional fields are optional (a bar without `ml` is a bar without ML); only the
 * timestamp is required.
 */
function tradeRecordSchema(fields, configFile = 'modelgate.yml') {
    const root = new Map();
    for (const name of FIELD_NAMES) {
        const keys = fields[name].split('.');
        let node = root;
        keys.forEach((key, i) => {
            if (i === keys.length - 1) {
                if (node.has(key))
                    throw new errors/* ConfigError */.xL(`${configFile}: gate.shadow.fields: two fields share the path ${fields[name]}; give each its own`, { file: configFile });
                node.set(key, FIELD_SCHEMAS[name]);
                return;
            }
            let child = node.get(key);
            if (child === undefined) {
                child = new Map();
                node.set(key, child);
            }
            if (!(child instanceof Map))
                throw new errors/* ConfigError */.xL(`${configFile}: gate.shadow.fields: ${fields[name]} runs through another field; give each its own path`, { file: configFile });
            node = child;
        });
    }
    const tsKeys = fields.ts.split('.');
    const build = (tree, depth, onTsPath) => {
        const shape = {};
        for (const [key, child] of tree) {
            const required = onTsPath && tsKeys[depth] === key;
            shape[key] = child instanceof Map ? build(child, depth + 1, required) : child;
            if (!required && child instanceof Map)
                shape[key] = shape[key].nullish();
        }
        return schemas/* looseObject */._H3(shape);
    };
    return build(root, 0, true);
}
function getter(path) {
    const keys = path.split('.');
    return (value) => {
        let cur = value;
        for (const key of keys) {
            if (cur === null || typeof cur !== 'object')
                return undefined;
            cur = cur[key];
        }
        return cur;
    };
}
const LESS_THAN_ERROR = new Set(['debug', 'info', 'notice', 'warn', 'warning']);
/** Whether one `errors` entry is severe (see the module comment). */
function isSevereError(entry) {
    if (typeof entry === 'string')
        return true;
    if (entry !== null && typeof entry === 'object' && !Array.isArray(entry)) {
        const e = entry;
        const level = typeof e.level === 'string' ? e.level : typeof e.severity === 'string' ? e.severity : undefined;
        return level === undefined || !LESS_THAN_ERROR.has(level.toLowerCase());
    }
    return true;
}
/** Milliseconds since the epoch, or undefined when the value is no time. */
function timestampMs(value) {
    if (typeof value === 'number') {
        if (!Number.isFinite(value) || value < 0)
            return undefined;
        return value > 1e12 ? value : value * 1000;
    }
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
}
/** A parser for lines of one log format: JSON, then the schema, then the facts. */
function createLineParser(fields, configFile = 'modelgate.yml') {
    const schema = tradeRecordSchema(fields, configFile);
    const get = {
        ts: getter(fields.ts),
        bull_prob: getter(fields.bull_prob),
        stacking_active: getter(fields.stacking_active),
        lstm_ok: getter(fields.lstm_ok),
        tft_ok: getter(fields.tft_ok),
        errors: getter(fields.errors),
    };
    return (line) => {
        let value;
        try {
            value = JSON.parse(line);
        }
        catch (error) {
            return { ok: false, kind: 'corrupt', reason: `not JSON (${error.message})` };
        }
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            return { ok: false, kind: 'corrupt', reason: `not a JSON object` };
        }
        const parsed = schema.safeParse(value);
        if (!parsed.success) {
            if (get.ts(value) === undefined)
                return { ok: false, kind: 'invalid', reason: `${fields.ts} is missing: every bar needs a timestamp` };
            const issue = parsed.error.issues[0];
            const reason = issue
                ? `${(0,value_text/* dottedPath */.w)(issue.path)}: ${describeIssue(issue, value)}`
                : 'does not match the trade-log schema';
            return { ok: false, kind: 'invalid', reason };
        }
        const rawTs = get.ts(value);
        const ts = timestampMs(rawTs);
        if (ts === undefined) {
            return {
                ok: false,
                kind: 'invalid',
                reason: `${fields.ts} is ${JSON.stringify(rawTs)}: expected an ISO-8601 time or unix seconds`,
            };
        }
        const p = get.bull_prob(value);
        if (typeof p === 'number' && !Number.isFinite(p)) {
            return { ok: false, kind: 'invalid', reason: `${fields.bull_prob} is not a finite number` };
        }
        const errors = get.errors(value) ?? [];
        let severe = 0;
        for (const entry of errors)
            if (isSevereError(entry))
                severe++;
        return {
            ok: true,
            record: {
                ts,
                bullProb: typeof p === 'number' ? p : undefined,
                stackingActive: get.stacking_active(value) === true,
                lstmOk: get.lstm_ok(value) === true,
                tftOk: get.tft_ok(value) === true,
                errors: errors.length,
                severeErrors: severe,
            },
        };
    };
}

;// CONCATENATED MODULE: ./lib/core/gate/shadow.js
/**
 * The shadow gate: the trade logs a shadow deployment wrote, against `gate.shadow.rules`.
 *
 * Decisions:
 * - The window starts at `since` when given, else `window` before `now` (default: the
 *   current time), so a scheduled gate always judges "the last two days". A window of 0
 *   takes every bar. Bars before the start are counted as `outside_window` and ignored.
 * - Verdict, in this order:
 *   1. fewer than `min_records` bars in the window -> `inconclusive`: too little data says
 *      nothing about the model, so no rule is judged (each shows its value, status `skip`);
 *   2. any fail-severity rule broken (including the built-in collapse rule) -> `fail`;
 *   3. with `forPromotion`, bars covering less than `promote_after` -> `inconclusive`:
 *      the model looks healthy but has not been watched long enough to promote;
 *   4. otherwise `pass`.
 *   A broken rule with enough data is a failure even before `promote_after`: waiting longer
 *   does not make a broken model good.
 * - Built-in rule `collapse`: a prediction standard deviation below `collapse_std` fails even
 *   when every prediction sits inside the range (a model stuck at 0.51 is broken).
 * - A rule whose metric cannot be measured (no ML-covered bar to take a rate over) breaks at
 *   its own severity: a missing number never passes.
 * - Lines that are not JSON, or lack the fields, are counted, reported with examples as
 *   warnings, and never fatal; rules on `corrupt_lines` or `missing_fields` can make them so.
 *
 * Rule names are metric names: ml_coverage, stacking_activation, lstm_ok_rate, tft_ok_rate,
 * bull_prob_in_range (its `range` is the band, min/max bound the fraction inside it),
 * severe_errors, errors, records, hours_covered, corrupt_lines, missing_fields,
 * bull_prob_mean, bull_prob_std, bull_prob_p05, bull_prob_p50, bull_prob_p95. On any other
 * metric `range: [lo, hi]` bounds the value itself.
 */






const METRICS = {
    ml_coverage: (m) => m.ml_coverage,
    stacking_activation: (m) => m.stacking_activation,
    lstm_ok_rate: (m) => m.lstm_ok_rate,
    tft_ok_rate: (m) => m.tft_ok_rate,
    bull_prob_in_range: (m) => m.bull_prob_in_range,
    severe_errors: (m) => m.severe_errors,
    errors: (m) => m.errors,
    records: (m) => m.records,
    hours_covered: (m) => m.hours_covered,
    corrupt_lines: (m) => m.corrupt_lines,
    missing_fields: (m) => m.missing_fields,
    bull_prob_mean: (m) => m.bull_prob?.mean ?? null,
    bull_prob_std: (m) => m.bull_prob?.std ?? null,
    bull_prob_p05: (m) => m.bull_prob?.p05 ?? null,
    bull_prob_p50: (m) => m.bull_prob?.p50 ?? null,
    bull_prob_p95: (m) => m.bull_prob?.p95 ?? null,
};
/** Rates are taken over ML-covered bars; without one there is nothing to measure. */
const NEEDS_COVERAGE = new Set(['stacking_activation', 'lstm_ok_rate', 'tft_ok_rate', 'bull_prob_in_range']);
const DEFAULT_RANGE = [0.3, 0.7];
function checkRules(config, configFile) {
    for (const [name, rule] of Object.entries(config.rules)) {
        const at = `${configFile}: gate.shadow.rules.${name}`;
        if (!(name in METRICS)) {
            throw new errors/* ConfigError */.xL(`${at} names no shadow metric; use one of ${Object.keys(METRICS).join(', ')}`, {
                file: configFile,
            });
        }
        if (rule.range && !(rule.range[0] <= rule.range[1])) {
            throw new errors/* ConfigError */.xL(`${at}.range is [${rule.range.join(', ')}]: write the lower bound first`, {
                file: configFile,
            });
        }
        if (rule.min === undefined && rule.max === undefined && !(rule.range && name !== 'bull_prob_in_range')) {
            throw new errors/* ConfigError */.xL(`${at} has no bound: give it min, max${name === 'bull_prob_in_range' ? '' : ' or range'}`, { file: configFile });
        }
    }
}
function threshold(name, rule, range) {
    const parts = [];
    if (rule.min !== undefined)
        parts.push(`min ${rule.min}`);
    if (rule.max !== undefined)
        parts.push(`max ${rule.max}`);
    if (name === 'bull_prob_in_range')
        parts.push(`in [${range[0]}, ${range[1]}]`);
    else if (rule.range)
        parts.push(`range [${rule.range[0]}, ${rule.range[1]}]`);
    return parts.join(', ');
}
function judge(name, rule, metrics, range) {
    const value = METRICS[name](metrics);
    const base = {
        scope: 'shadow',
        subject: 'shadow',
        metric: name,
        value,
        threshold: threshold(name, rule, range),
        severity: rule.severity,
    };
    if (value === null) {
        const why = NEEDS_COVERAGE.has(name) || name.startsWith('bull_prob_')
            ? 'no bar in the window had ML coverage (a numeric bull_prob), so it cannot be measured'
            : 'no bar in the window to measure it on';
        return { ...base, status: rule.severity, message: `${name}: ${why}` };
    }
    const broken = [];
    if (rule.min !== undefined && value < rule.min)
        broken.push(`is below the minimum ${rule.min}`);
    if (rule.max !== undefined && value > rule.max)
        broken.push(`is above the maximum ${rule.max}`);
    if (rule.range && name !== 'bull_prob_in_range' && (value < rule.range[0] || value > rule.range[1])) {
        broken.push(`is outside the range [${rule.range[0]}, ${rule.range[1]}]`);
    }
    const what = name === 'bull_prob_in_range' ? ` (share of predictions in [${range[0]}, ${range[1]}])` : '';
    return broken.length === 0
        ? { ...base, status: 'pass', message: `${name} ${formatNumber(value)} holds ${base.threshold}` }
        : {
            ...base,
            status: rule.severity,
            message: `${name} ${formatNumber(value)}${what} ${broken.join(' and ')}`,
        };
}
function collapseRule(metrics, collapseStd) {
    const stats = metrics.bull_prob;
    const base = {
        scope: 'builtin',
        subject: 'collapse',
        metric: 'bull_prob_std',
        threshold: `min ${collapseStd} (collapse_std)`,
        severity: 'fail',
    };
    if (!stats || stats.count < 2) {
        return {
            ...base,
            value: stats ? stats.std : null,
            status: 'skip',
            message: 'collapse: fewer than two predictions, nothing to spread',
        };
    }
    if (stats.std >= collapseStd) {
        return {
            ...base,
            value: stats.std,
            status: 'pass',
            message: `bull_prob std ${formatNumber(stats.std)} holds min ${collapseStd}`,
        };
    }
    return {
        ...base,
        value: stats.std,
        status: 'fail',
        message: `bull_prob collapsed: std ${stats.std.toPrecision(3)} is below collapse_std ${collapseStd} ` +
            `(every prediction is about ${formatNumber(stats.mean)}); a model that always says the same is broken, even inside the range`,
    };
}
function hours(h) {
    return `${h < 100 ? h.toFixed(1) : Math.round(h)} h`;
}
function lineWarnings(metrics) {
    const warnings = [];
    const example = (kind) => {
        const p = metrics.problems.find((x) => x.kind === kind);
        return p ? ` (first: ${p.file}:${p.line} ${p.reason})` : '';
    };
    if (metrics.corrupt_lines > 0) {
        warnings.push(`${metrics.corrupt_lines} line(s) are not JSON objects and were not counted as bars${example('corrupt')}`);
    }
    if (metrics.missing_fields > 0) {
        warnings.push(`${metrics.missing_fields} line(s) lack a timestamp or have a field of the wrong type and were not counted as bars${example('invalid')}`);
    }
    if (metrics.bull_prob && metrics.bull_prob.outside_unit > 0) {
        warnings.push(`${metrics.bull_prob.outside_unit} bull_prob value(s) are outside [0, 1], so they are not probabilities`);
    }
    if (metrics.records === 0 && metrics.outside_window > 0) {
        warnings.push(`all ${metrics.outside_window} bar(s) read are older than the window start`);
    }
    return warnings;
}
async function evaluateShadowGate(options) {
    const { config } = options;
    const configFile = options.configFile ?? 'modelgate.yml';
    checkRules(config, configFile);
    const fields = resolveFieldPaths(config.fields, configFile);
    const range = config.rules.bull_prob_in_range?.range ?? DEFAULT_RANGE;
    const now = options.now ?? new Date();
    const windowSeconds = durationSeconds(config.window);
    const since = options.since ?? (windowSeconds > 0 ? new Date(now.getTime() - windowSeconds * 1000) : undefined);
    const promoteAfterHours = durationSeconds(config.promote_after) / 3600;
    const accumulator = new ShadowAccumulator({ range, ...(since ? { since: since.getTime() } : {}) });
    const parse = createLineParser(fields, configFile);
    for (const file of options.files) {
        accumulator.beginFile(file);
        await readLines(file, {
            line(text, number) {
                if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '')) {
                    accumulator.addBlank();
                    return;
                }
                const parsed = parse(text);
                if (parsed.ok)
                    accumulator.add(parsed.record);
                else
                    accumulator.addProblem(number, parsed.kind, parsed.reason);
            },
            tooLong(number, bytes) {
                accumulator.addProblem(number, 'corrupt', `a line of ${bytes} bytes, too long to be a trade-log record`);
            },
        });
    }
    const metrics = accumulator.metrics();
    const enough = metrics.records >= config.min_records;
    const rules = Object.entries(config.rules).map(([name, rule]) => judge(name, rule, metrics, range));
    rules.push(collapseRule(metrics, config.collapse_std));
    const warnings = lineWarnings(metrics);
    let verdict;
    let summary;
    const span = `${metrics.records} bar(s) over ${hours(metrics.hours_covered)}`;
    const failures = rules.filter((r) => r.status === 'fail').map((r) => r.message);
    if (!enough) {
        for (const rule of rules) {
            rule.status = 'skip';
        }
        verdict = 'inconclusive';
        summary =
            options.files.length === 0
                ? 'inconclusive: no trade-log file to read; the model is not judged'
                : `inconclusive: ${metrics.records} bar(s) in the window, fewer than min_records ${config.min_records}; ` +
                    `too little data to judge the model, which is not the same as a bad model`;
    }
    else if (failures.length > 0) {
        verdict = 'fail';
        summary = `shadow gate failed on ${span}: ${failures.join('; ')}`;
    }
    else if (options.forPromotion && metrics.hours_covered < promoteAfterHours) {
        verdict = 'inconclusive';
        summary =
            `inconclusive for promotion: the shadow logs cover ${hours(metrics.hours_covered)}, less than promote_after ` +
                `${String(config.promote_after)}; every rule holds so far, promote after it has held that long`;
    }
    else {
        verdict = 'pass';
        summary = `shadow gate passed on ${span}: every rule holds`;
    }
    warnings.unshift(...rules.filter((r) => r.status === 'warn').map((r) => r.message));
    return {
        passed: verdict === 'pass',
        verdict,
        summary,
        metrics,
        rules,
        messages: verdict === 'fail' ? [summary, ...failures] : [summary],
        warnings,
        window: {
            since: since ? since.toISOString() : null,
            now: now.toISOString(),
            min_records: config.min_records,
            promote_after_hours: promoteAfterHours,
            for_promotion: options.forPromotion === true,
        },
    };
}

;// CONCATENATED MODULE: ./lib/core/gate/training.js

function lookup(metrics, table, subject, metric) {
    const entry = metrics?.[table]?.[subject];
    if (!entry || !Object.prototype.hasOwnProperty.call(entry, metric))
        return { kind: 'missing' };
    return asNumber(entry[metric]);
}
function asNumber(raw) {
    if (raw === undefined || raw === null)
        return { kind: 'missing' };
    if (typeof raw === 'number' && Number.isFinite(raw))
        return { kind: 'number', value: raw };
    return { kind: 'invalid', raw };
}
/**
 * A global rule names a top-level metric (`n_features`) or a dotted path into the metrics
 * (`models.lstm.val_auc`), so that any number the manifest carries can be bounded.
 */
function lookupGlobal(metrics, name) {
    if (!metrics)
        return { kind: 'missing' };
    let cur = metrics;
    for (const key of name.includes('.') && !Object.prototype.hasOwnProperty.call(metrics, name)
        ? name.split('.')
        : [name]) {
        if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, key))
            return { kind: 'missing' };
        cur = cur[key];
    }
    return asNumber(cur);
}
function baselineValue(found) {
    if (found === undefined)
        return undefined;
    return found.kind === 'number' ? found.value : null;
}
function evaluateRule(target, bound) {
    const base = {
        scope: target.scope,
        subject: target.subject,
        metric: target.metric,
        severity: bound.severity,
    };
    const baseline = baselineValue(target.baseline);
    const withBaseline = baseline === undefined ? {} : { baseline };
    if (target.current.kind !== 'number') {
        const message = target.current.kind === 'missing'
            ? `${target.label}: the manifest has no ${target.where}; the training job must write it to metrics.json, or remove the rule from ${target.section}`
            : `${target.label} is ${JSON.stringify(target.current.raw)}, not a number; the training job must write a number to ${target.where}`;
        return {
            ...base,
            value: null,
            threshold: describeBound(bound, baseline !== undefined),
            ...withBaseline,
            ...(baseline === undefined ? {} : { change: null }),
            status: bound.severity,
            message,
        };
    }
    const value = target.current.value;
    const result = evaluateBound(value, bound, baseline);
    const changeText = result.change === null ? '' : ` (${training_signed(result.change)} from ${formatNumber(baseline)})`;
    const message = result.broken.length === 0
        ? `${target.label} ${value}${changeText} holds ${result.threshold}`
        : `${target.label} ${value} ${result.broken.join(' and ')}`;
    return {
        ...base,
        value,
        threshold: result.threshold,
        ...withBaseline,
        ...(baseline === undefined ? {} : { change: result.change }),
        status: result.status,
        message,
    };
}
function training_signed(n) {
    return n > 0 ? `+${formatNumber(n)}` : formatNumber(n);
}
function builtin(subject, metric, value, threshold, message) {
    return { scope: 'builtin', subject, metric, value, threshold, severity: 'warn', status: 'warn', message };
}
/** val_auc - test_auc above the configured gap: the validation set flatters the model. */
function overfitWarning(metrics, table, subject, gap) {
    const val = lookup(metrics, table, subject, 'val_auc');
    const test = lookup(metrics, table, subject, 'test_auc');
    if (val.kind !== 'number' || test.kind !== 'number')
        return undefined;
    const diff = roundChange(val.value - test.value);
    if (diff <= gap)
        return undefined;
    return builtin(subject, 'overfit_gap', diff, `warn.overfit_gap ${gap}`, `${subject} overfit: val_auc ${val.value} - test_auc ${test.value} = ${formatNumber(diff)} is above warn.overfit_gap ${gap}`);
}
/** A model that carries its own target_auc and misses it (the seed's LSTM: 0.5273 against 0.57). */
function targetWarning(metrics, table, subject) {
    const target = lookup(metrics, table, subject, 'target_auc');
    if (target.kind !== 'number')
        return undefined;
    const val = lookup(metrics, table, subject, 'val_auc');
    const metric = val.kind === 'number' ? 'val_auc' : 'oof_auc';
    const found = val.kind === 'number' ? val : lookup(metrics, table, subject, 'oof_auc');
    if (found.kind !== 'number' || found.value >= target.value)
        return undefined;
    const pct = ((found.value - target.value) / target.value) * 100;
    return builtin(subject, metric, found.value, `target_auc ${target.value}`, `${subject} ${metric} ${found.value} is below its target ${target.value} (${pct.toFixed(1)}%)`);
}
function numericChanges(metrics, baseline) {
    const changes = [];
    for (const table of ['horizons', 'base', 'models']) {
        const subjects = union(Object.keys(metrics[table] ?? {}), Object.keys(baseline[table] ?? {}));
        for (const subject of subjects) {
            const names = union(Object.keys(metrics[table]?.[subject] ?? {}), Object.keys(baseline[table]?.[subject] ?? {}));
            for (const metric of names) {
                const now = lookup(metrics, table, subject, metric);
                const before = lookup(baseline, table, subject, metric);
                if (now.kind === 'invalid' || before.kind === 'invalid')
                    continue;
                if (now.kind === 'missing' && before.kind === 'missing')
                    continue;
                changes.push(change(table, subject, metric, now, before));
            }
        }
    }
    for (const metric of union(Object.keys(metrics), Object.keys(baseline))) {
        if (metric === 'horizons' || metric === 'base' || metric === 'models')
            continue;
        const now = lookupGlobal(metrics, metric);
        const before = lookupGlobal(baseline, metric);
        if (now.kind === 'number' || before.kind === 'number') {
            if (now.kind !== 'invalid' && before.kind !== 'invalid')
                changes.push(change('global', 'global', metric, now, before));
        }
    }
    return changes;
}
function change(table, subject, metric, now, before) {
    const value = now.kind === 'number' ? now.value : null;
    const baseline = before.kind === 'number' ? before.value : null;
    return {
        table,
        subject,
        metric,
        value,
        baseline,
        change: value !== null && baseline !== null ? roundChange(value - baseline) : null,
    };
}
function union(a, b) {
    return [...new Set([...a, ...b])];
}
function evaluateTrainingGate(metrics, config, baseline) {
    const rules = [];
    const warnings = [];
    const horizons = {};
    const horizonNames = union(Object.keys(config.horizons), Object.keys(metrics.horizons ?? {}));
    for (const horizon of horizonNames) {
        const bounds = Object.entries(config.horizons[horizon] ?? {});
        if (bounds.length === 0) {
            warnings.push(`${horizon} is in the manifest but has no rules in gate.training.horizons; it is not enabled until rules are written for it`);
            horizons[horizon] = { passed: false, failures: ['no rules in gate.training.horizons'] };
            continue;
        }
        const failures = [];
        for (const [metric, bound] of bounds) {
            const outcome = evaluateRule({
                scope: 'horizon',
                subject: horizon,
                metric,
                label: `${horizon} ${metric}`,
                where: `metrics.horizons.${horizon}.${metric}`,
                section: `gate.training.horizons.${horizon}`,
                current: lookup(metrics, 'horizons', horizon, metric),
                baseline: baseline ? lookup(baseline, 'horizons', horizon, metric) : undefined,
            }, bound);
            rules.push(outcome);
            if (outcome.status === 'fail')
                failures.push(outcome.message);
            if (outcome.status === 'warn')
                warnings.push(outcome.message);
        }
        horizons[horizon] = { passed: failures.length === 0, failures };
        if (failures.length === 0) {
            const overfit = overfitWarning(metrics, 'horizons', horizon, config.warn.overfit_gap);
            if (overfit)
                rules.push(overfit);
        }
    }
    let otherFailure = false;
    for (const [model, modelRules] of Object.entries(config.base)) {
        for (const [metric, bound] of Object.entries(modelRules)) {
            const outcome = evaluateRule({
                scope: 'base',
                subject: model,
                metric,
                label: `${model} ${metric}`,
                where: `metrics.base.${model}.${metric}`,
                section: `gate.training.base.${model}`,
                current: lookup(metrics, 'base', model, metric),
                baseline: baseline ? lookup(baseline, 'base', model, metric) : undefined,
            }, bound);
            rules.push(outcome);
            if (outcome.status === 'fail')
                otherFailure = true;
            if (outcome.status === 'warn')
                warnings.push(outcome.message);
        }
    }
    for (const [metric, bound] of Object.entries(config.global)) {
        const outcome = evaluateRule({
            scope: 'global',
            subject: 'global',
            metric,
            label: metric,
            where: `metrics.${metric}`,
            section: 'gate.training.global',
            current: lookupGlobal(metrics, metric),
            baseline: baseline ? lookupGlobal(baseline, metric) : undefined,
        }, bound);
        rules.push(outcome);
        if (outcome.status === 'fail')
            otherFailure = true;
        if (outcome.status === 'warn')
            warnings.push(outcome.message);
    }
    for (const table of ['base', 'models']) {
        for (const subject of Object.keys(metrics[table] ?? {})) {
            for (const found of [
                overfitWarning(metrics, table, subject, config.warn.overfit_gap),
                targetWarning(metrics, table, subject),
            ]) {
                if (found)
                    rules.push(found);
            }
        }
    }
    for (const outcome of rules)
        if (outcome.scope === 'builtin')
            warnings.push(outcome.message);
    const enabledHorizons = horizonNames.filter((h) => horizons[h]?.passed);
    const passed = enabledHorizons.length > 0 && !otherFailure;
    return {
        passed,
        verdict: passed ? 'pass' : 'fail',
        enabledHorizons,
        horizons,
        rules,
        warnings,
        metrics,
        ...(baseline ? { changes: numericChanges(metrics, baseline) } : {}),
    };
}
/** The failures that made the gate fail, in the order they were found (for the summary line). */
function gateFailures(result) {
    const failures = result.rules.filter((r) => r.status === 'fail').map((r) => r.message);
    if (result.enabledHorizons.length === 0)
        failures.unshift('no horizon passed its rules');
    return failures;
}

;// CONCATENATED MODULE: ./lib/core/inputs/source.js
/**
 * Reading inputs the same way from the Actions runner (INPUT_* variables) and from CLI flags.
 * Each action's settings are built from an InputSource by one function, like checkout's
 * getInputs(), so both front ends validate identically and quote the bad value.
 */

function requiredInput(source, name) {
    const value = source.get(name);
    if (!value)
        throw new InputError(`Input required and not supplied: ${name}`, name);
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
    throw new errors/* InputError */.dz(`Input ${name}: expected true or false, got ${JSON.stringify(value)}`, name);
}
function choiceInput(source, name, choices, fallback) {
    const value = source.get(name);
    if (value === '')
        return fallback;
    if (choices.includes(value))
        return value;
    throw new errors/* InputError */.dz(`Input ${name}: expected one of ${choices.join(', ')}, got ${JSON.stringify(value)}`, name);
}
function integerInput(source, name, min, max) {
    const value = source.get(name);
    if (value === '')
        return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
        throw new errors/* InputError */.dz(`Input ${name}: expected a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`, name);
    return n;
}
/** An InputSource over a plain map (CLI flags, tests). */
function mapSource(values) {
    return { get: (name) => (values[name] ?? '').trim() };
}

// EXTERNAL MODULE: ./lib/core/validation/json-text.js
var json_text = __webpack_require__(9717);
;// CONCATENATED MODULE: ./lib/core/validation/once.js
/**
 * Parse options for a document validated once per run (the config, a manifest, golden.json,
 * a stacking meta file): without them zod compiles a fast path for each object schema on its
 * first parse (a `new Function`), which costs more than the one parse it speeds up. Schemas
 * parsed per line (trade logs) keep the fast path.
 */
const PARSE_ONCE = { jitless: true };

;// CONCATENATED MODULE: ./lib/core/manifest.js
/**
 * `manifest.json`: written by package, read by healthcheck, deploy and the training gate.
 * Validated at the boundary like every other external file.
 */







const MANIFEST_SCHEMA = 'modelgate/manifest@1';
const sha256 = schemas/* string */.YjP().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex sha256');
const metricValue = schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP(), schemas/* boolean */.zMY(), schemas/* null */.chJ()]);
const metricTable = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* record */.g1P(schemas/* string */.YjP(), metricValue));
const manifestSchema = schemas/* object */.Ikc({
    schema: schemas/* literal */.euz(MANIFEST_SCHEMA),
    id: schemas/* string */.YjP()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a release id of letters, digits, ".", "_" or "-"'),
    name: schemas/* string */.YjP().min(1),
    created: schemas/* string */.YjP().min(1),
    bundle: schemas/* object */.Ikc({
        file: schemas/* string */.YjP().min(1),
        sha256: sha256.optional(),
        size: schemas/* number */.aig().int().nonnegative().optional(),
    })
        .optional(),
    files: schemas/* array */.YOg(schemas/* object */.Ikc({
        path: schemas/* string */.YjP().min(1),
        kind: schemas/* union */.KCZ([schemas/* enum */.k5n(ARTIFACT_KINDS), schemas/* literal */.euz('other')]),
        size: schemas/* number */.aig().int().nonnegative(),
        sha256,
    })),
    metrics: schemas/* object */.Ikc({
        horizons: metricTable.default({}),
        base: metricTable.default({}),
        models: metricTable.default({}),
    })
        .catchall(schemas/* unknown */.L5J())
        .default({ horizons: {}, base: {}, models: {} }),
    health: schemas/* object */.Ikc({
        passed: schemas/* boolean */.zMY(),
        checks: schemas/* array */.YOg(schemas/* object */.Ikc({
            name: schemas/* string */.YjP(),
            status: schemas/* string */.YjP(),
            ms: schemas/* number */.aig().optional(),
            message: schemas/* string */.YjP().optional(),
        })),
    })
        .optional(),
    source: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).optional(),
})
    .catchall(schemas/* unknown */.L5J());
/** Parses manifest text; errors name the file, line and field. */
function parseManifest(text, file) {
    let parsed;
    try {
        parsed = (0,json_text/* parseJsonText */.lk)(text, file);
    }
    catch (error) {
        const where = error instanceof errors/* ModelgateError */.HJ ? error : undefined;
        throw new errors/* ModelgateError */.HJ(`${error.message}; regenerate it with modelgate package`, 'input', {
            file,
            line: where?.line,
            column: where?.column,
        });
    }
    const bare = parsed.nonStandard[0];
    if (bare) {
        throw new errors/* ModelgateError */.HJ(`${file}:${bare.line} ${bare.token} is not JSON; a manifest holds only finite numbers`, 'input', {
            file,
            line: bare.line,
        });
    }
    const value = parsed.value;
    const result = manifestSchema.safeParse(value, PARSE_ONCE);
    if (result.success)
        return result.data;
    const issue = result.error.issues[0];
    const line = new LocatedDocument(text).lineOf(issue.path);
    throw new errors/* ConfigError */.xL(`${file}:${line} ${(0,value_text/* dottedPath */.w)(issue.path)}: ${describeIssue(issue, value)}`, {
        file,
        line,
    });
}
async function loadManifest(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        throw new errors/* ModelgateError */.HJ(`${file}: cannot read manifest: ${error.code ?? error.message}`, 'input', { file });
    }
    return parseManifest(text, file);
}

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
    const doc = new LocatedDocument(text);
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
    const parsed = configSchema.safeParse(doc.value, PARSE_ONCE);
    if (!parsed.success) {
        const issue = firstIssue(parsed.error.issues);
        const where = issue.code === 'unrecognized_keys' && issue.keys[0] ? [...issue.path, issue.keys[0]] : issue.path;
        const line = doc.lineOf(where);
        throw new errors/* ConfigError */.xL(`${file}:${line} ${(0,value_text/* dottedPath */.w)(where)}: ${describeIssue(issue, doc.value, fieldsAt(configSchema, issue.path))}`, {
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
        throw new errors/* ConfigError */.xL(`${file}:${line} ${(0,value_text/* dottedPath */.w)(p)}: ${message}`, { file, line });
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
    const given = optionalInput(ctx.inputs, 'report');
    return given ? resolveIn(ctx, given) : external_node_path_.join(ctx.tempDir, fallbackName);
}
/** The deploy section with the action inputs laid over it (inputs win). */
function deploySettings(ctx, loaded) {
    const base = loaded.config.deploy;
    const pathInput = optionalInput(ctx.inputs, 'path');
    if (!base) {
        throw new errors/* ConfigError */.xL(`${loaded.file}: has no deploy section; add one with at least path, restart and is_active (see samples/modelgate.yml)`, { file: loaded.file, line: 1 });
    }
    const target = choiceInput(ctx.inputs, 'target', ['ssh', 'local']) ?? base.target;
    const port = integerInput(ctx.inputs, 'port', 1, 65535) ?? base.port;
    const host = optionalInput(ctx.inputs, 'host') ?? base.host;
    const user = optionalInput(ctx.inputs, 'username') ?? base.user;
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
    const commandTimeoutMs = durationSeconds(deploy.command_timeout) * 1000;
    if (deploy.target === 'local') {
        const { createLocalTransport } = await __webpack_require__.e(/* import() */ 245).then(__webpack_require__.bind(__webpack_require__, 5626));
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
    const insecure = booleanInput(ctx.inputs, 'insecure-skip-host-key-check', false);
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

;// CONCATENATED MODULE: ./lib/commands/gate.js
/** `gate`: training rules on a manifest, or shadow rules on trade logs; report, summary, comment. */












function parseSince(value) {
    const asNumber = Number(value);
    const date = Number.isFinite(asNumber) && /^\d+(\.\d+)?$/.test(value) ? new Date(asNumber * 1000) : new Date(value);
    if (Number.isNaN(date.getTime())) {
        throw new errors/* InputError */.dz(`Input since: expected an ISO time such as 2026-02-20T15:00:00Z or unix seconds, got ${JSON.stringify(value)}`, 'since');
    }
    return date;
}
async function trainingGate(ctx, config) {
    const manifestInput = optionalInput(ctx.inputs, 'manifest');
    if (!manifestInput)
        throw new errors/* InputError */.dz('Input required and not supplied: manifest (mode training gates the metrics of a release manifest)', 'manifest');
    const manifestPath = resolveIn(ctx, manifestInput);
    const manifest = await loadManifest(manifestPath);
    const baselineInput = optionalInput(ctx.inputs, 'baseline');
    const baseline = baselineInput ? await loadManifest(resolveIn(ctx, baselineInput)) : undefined;
    const result = evaluateTrainingGate(manifest.metrics, config.config.gate.training, baseline?.metrics);
    const annotations = result.rules
        .filter((r) => r.status !== 'pass')
        .map((r) => ({
        severity: r.status === 'fail' ? 'error' : 'warning',
        message: r.message,
        file: manifestInput,
        title: `gate ${r.subject} ${r.metric}`,
    }));
    return {
        verdict: result.verdict,
        passed: result.passed,
        markdown: renderTrainingMarkdown(result, {
            manifest: manifest.id,
            ...(baseline ? { baseline: baseline.id } : {}),
        }),
        checks: result.rules.map((r) => ({
            name: `${r.scope}:${r.subject}:${r.metric}`,
            status: r.status,
            ms: 0,
            message: r.message,
            details: r,
        })),
        annotations,
        enabledHorizons: result.enabledHorizons,
        metrics: result.metrics,
        extra: {
            mode: 'training',
            release: manifest.id,
            horizons: result.horizons,
            warnings: result.warnings,
            ...(result.changes ? { changes: result.changes } : {}),
        },
    };
}
async function shadowGate(ctx, loaded, forPromotion) {
    const shadow = loaded.config.gate.shadow;
    if (!shadow) {
        throw new errors/* ConfigError */.xL(`${loaded.file}: has no gate.shadow section; add one (logs, window, min_records, rules) to run the shadow gate`, { file: loaded.file, line: loaded.lineOf(['gate']) });
    }
    const sinceInput = optionalInput(ctx.inputs, 'since');
    const since = sinceInput ? parseSince(sinceInput) : undefined;
    const logsInput = optionalInput(ctx.inputs, 'logs');
    let files;
    let scratch;
    try {
        if (logsInput) {
            const specs = logsInput
                .split(/\n/)
                .map((s) => s.trim())
                .filter(Boolean);
            files = await resolveLogFiles(specs, ctx.workspace);
        }
        else {
            const { transport, deploy } = await openTarget(ctx, loaded);
            scratch = await (0,promises_.mkdtemp)(external_node_path_.join(ctx.tempDir, 'modelgate-logs-'));
            try {
                const pulled = await ctx.log.group(`Pull trade logs from ${transport.description}`, () => pullShadowLogs(transport, shadow.logs, deploy.path, scratch, since ?? windowStart(shadow.window)));
                for (const f of pulled.remote)
                    ctx.log.info(`pulled ${f}`);
                files = pulled.files;
            }
            finally {
                await transport.close();
            }
        }
        const result = await ctx.log.group(`Shadow gate over ${files.length} file(s)`, () => evaluateShadowGate({
            files,
            config: shadow,
            ...(since ? { since } : {}),
            forPromotion,
            configFile: loaded.file,
        }));
        const annotations = result.rules
            .filter((r) => r.status === 'fail' || r.status === 'warn')
            .map((r) => ({
            severity: r.status === 'fail' ? 'error' : 'warning',
            message: r.message,
            title: `shadow gate ${r.metric}`,
        }));
        if (result.verdict === 'inconclusive')
            annotations.push({ severity: 'warning', message: result.summary, title: 'shadow gate inconclusive' });
        return {
            verdict: result.verdict,
            passed: result.passed,
            markdown: renderShadowMarkdown(result),
            checks: result.rules.map((r) => ({
                name: `${r.scope}:${r.metric}`,
                status: r.status,
                ms: 0,
                message: r.message,
                details: r,
            })),
            annotations,
            enabledHorizons: [],
            metrics: result.metrics,
            extra: {
                mode: 'shadow',
                summary: result.summary,
                window: result.window,
                warnings: result.warnings,
                files,
            },
        };
    }
    finally {
        if (scratch)
            await (0,promises_.rm)(scratch, { recursive: true, force: true });
    }
}
/** The oldest time the window reaches back to; a window of 0 takes every file. */
function windowStart(window) {
    const ms = durationSeconds(window) * 1000;
    return ms > 0 ? new Date(Date.now() - ms) : undefined;
}
async function postComment(ctx, markdown) {
    const token = ctx.inputs.get('github-token');
    ctx.secret(token);
    if (!token) {
        ctx.log.warning('comment: true but no github-token: the pull-request comment was not posted');
        return;
    }
    const api = ctx.github?.pullRequestComments(token);
    if (!api) {
        ctx.log.notice('comment: true, but this run is not for a pull request: the result is only in the job summary');
        return;
    }
    const { action, id } = await upsertStickyComment(api, renderComment(markdown, ctx.github?.runUrl()), COMMENT_MARKER);
    ctx.log.info(`Pull-request comment ${action} (id ${id})`);
}
const gateCommand = async (ctx) => {
    const loaded = await loadConfigInput(ctx);
    const mode = choiceInput(ctx.inputs, 'mode', ['training', 'shadow'], 'training') ?? 'training';
    const comment = booleanInput(ctx.inputs, 'comment', false);
    const reportPath = reportPathInput(ctx, `modelgate-gate-${mode}.json`);
    // Only the shadow gate judges promotion: too little data then fails the step.
    const promote = mode === 'shadow' && booleanInput(ctx.inputs, 'promote', false);
    const outcome = mode === 'training' ? await trainingGate(ctx, loaded) : await shadowGate(ctx, loaded, promote);
    await writeJsonFile(reportPath, {
        passed: outcome.passed,
        verdict: outcome.verdict,
        checks: outcome.checks,
        enabled_horizons: outcome.enabledHorizons,
        metrics: outcome.metrics,
        ...outcome.extra,
    });
    if (comment)
        await postComment(ctx, outcome.markdown);
    const failure = outcome.verdict === 'fail'
        ? `${mode} gate failed`
        : outcome.verdict === 'inconclusive' && promote
            ? 'shadow gate inconclusive: not enough data to promote yet'
            : undefined;
    return {
        outputs: {
            passed: String(outcome.passed),
            verdict: outcome.verdict,
            'enabled-horizons': outcome.enabledHorizons.join(','),
            metrics: JSON.stringify(outcome.metrics),
            report: reportPath,
        },
        summary: outcome.markdown,
        annotations: outcome.annotations,
        ...(failure ? { failure } : {}),
        ...(outcome.verdict === 'inconclusive' ? { exitCode: 3 } : {}),
    };
};


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
