export const id = 63;
export const ids = [63];
export const modules = {

/***/ 1063:
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
// EXTERNAL MODULE: ./lib/core/config/schema.js
var schema = __webpack_require__(4259);
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

// EXTERNAL MODULE: ./lib/core/remote/quote.js
var quote = __webpack_require__(7542);
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
    const listed = await transport.exec(`ls -1Ap -- ${(0,quote/* shellQuote */.ZL)(dir)}`);
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

// EXTERNAL MODULE: ./lib/core/gate/render.js
var render = __webpack_require__(2327);
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

// EXTERNAL MODULE: ./lib/core/gate/rules.js
var rules = __webpack_require__(316);
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

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./lib/core/validation/describe.js
var describe = __webpack_require__(2502);
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
                ? `${(0,describe/* dottedPath */.wM)(issue.path)}: ${(0,describe/* describeIssue */.n6)(issue, value)}`
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
        ? { ...base, status: 'pass', message: `${name} ${(0,rules/* formatNumber */.ZV)(value)} holds ${base.threshold}` }
        : {
            ...base,
            status: rule.severity,
            message: `${name} ${(0,rules/* formatNumber */.ZV)(value)}${what} ${broken.join(' and ')}`,
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
            message: `bull_prob std ${(0,rules/* formatNumber */.ZV)(stats.std)} holds min ${collapseStd}`,
        };
    }
    return {
        ...base,
        value: stats.std,
        status: 'fail',
        message: `bull_prob collapsed: std ${stats.std.toPrecision(3)} is below collapse_std ${collapseStd} ` +
            `(every prediction is about ${(0,rules/* formatNumber */.ZV)(stats.mean)}); a model that always says the same is broken, even inside the range`,
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
    const windowSeconds = (0,schema/* durationSeconds */.o8)(config.window);
    const since = options.since ?? (windowSeconds > 0 ? new Date(now.getTime() - windowSeconds * 1000) : undefined);
    const promoteAfterHours = (0,schema/* durationSeconds */.o8)(config.promote_after) / 3600;
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

// EXTERNAL MODULE: ./lib/core/gate/training.js
var training = __webpack_require__(9761);
// EXTERNAL MODULE: ./lib/core/inputs/source.js
var source = __webpack_require__(16);
// EXTERNAL MODULE: ./lib/core/manifest.js
var core_manifest = __webpack_require__(9718);
// EXTERNAL MODULE: ./lib/commands/common.js + 1 modules
var common = __webpack_require__(9236);
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
    const manifestInput = (0,source/* optionalInput */.$m)(ctx.inputs, 'manifest');
    if (!manifestInput)
        throw new errors/* InputError */.dz('Input required and not supplied: manifest (mode training gates the metrics of a release manifest)', 'manifest');
    const manifestPath = (0,common/* resolveIn */.QH)(ctx, manifestInput);
    const manifest = await (0,core_manifest/* loadManifest */.eY)(manifestPath);
    const baselineInput = (0,source/* optionalInput */.$m)(ctx.inputs, 'baseline');
    const baseline = baselineInput ? await (0,core_manifest/* loadManifest */.eY)((0,common/* resolveIn */.QH)(ctx, baselineInput)) : undefined;
    const result = (0,training/* evaluateTrainingGate */.r)(manifest.metrics, config.config.gate.training, baseline?.metrics);
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
        markdown: (0,render/* renderTrainingMarkdown */.qj)(result, {
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
    const sinceInput = (0,source/* optionalInput */.$m)(ctx.inputs, 'since');
    const since = sinceInput ? parseSince(sinceInput) : undefined;
    const logsInput = (0,source/* optionalInput */.$m)(ctx.inputs, 'logs');
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
            const { transport, deploy } = await (0,common/* openTarget */.Ap)(ctx, loaded);
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
            markdown: (0,render/* renderShadowMarkdown */.Kg)(result),
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
    const ms = (0,schema/* durationSeconds */.o8)(window) * 1000;
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
    const { action, id } = await upsertStickyComment(api, (0,render/* renderComment */.wQ)(markdown, ctx.github?.runUrl()), render/* COMMENT_MARKER */.JO);
    ctx.log.info(`Pull-request comment ${action} (id ${id})`);
}
const gateCommand = async (ctx) => {
    const loaded = await (0,common/* loadConfigInput */.jl)(ctx);
    const mode = (0,source/* choiceInput */.ij)(ctx.inputs, 'mode', ['training', 'shadow'], 'training') ?? 'training';
    const comment = (0,source/* booleanInput */.tE)(ctx.inputs, 'comment', false);
    const reportPath = (0,common/* reportPathInput */.gN)(ctx, `modelgate-gate-${mode}.json`);
    // Only the shadow gate judges promotion: too little data then fails the step.
    const promote = mode === 'shadow' && (0,source/* booleanInput */.tE)(ctx.inputs, 'promote', false);
    const outcome = mode === 'training' ? await trainingGate(ctx, loaded) : await shadowGate(ctx, loaded, promote);
    await (0,common/* writeJsonFile */.An)(reportPath, {
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

/***/ 7542:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MA: () => (/* binding */ checkRemotePath),
/* harmony export */   ZL: () => (/* binding */ shellQuote),
/* harmony export */   lS: () => (/* binding */ raw),
/* harmony export */   sh: () => (/* binding */ sh)
/* harmony export */ });
/* unused harmony export RawShell */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3828);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelgateError */ .HJ(`refusing to pass a value containing a NUL byte to a remote command: ${JSON.stringify(arg)}`, 'input');
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelgateError */ .HJ(`refusing to pass ${value} to a remote command`, 'runtime');
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelgateError */ .HJ(`${what} ${JSON.stringify(value)} contains a newline or NUL byte; use a path without them`, 'input');
    return value;
}


/***/ })

};
