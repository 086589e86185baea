import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  shellQuote
} from "./chunk-USOGELGZ.js";
import {
  COMMENT_MARKER,
  evaluateTrainingGate,
  formatNumber,
  renderComment,
  renderShadowMarkdown,
  renderTrainingMarkdown
} from "./chunk-HGXEVXB7.js";
import {
  durationSeconds,
  loadConfigInput,
  loadManifest,
  openTarget,
  reportPathInput,
  resolveIn,
  writeJsonFile
} from "./chunk-A7JTYF5J.js";
import {
  booleanInput,
  choiceInput,
  optionalInput
} from "./chunk-ZY3O6VA3.js";
import {
  array,
  boolean,
  describeIssue,
  looseObject,
  nullish,
  number,
  string,
  union,
  unknown
} from "./chunk-GU6PC365.js";
import "./chunk-TR7OBBKO.js";
import "./chunk-7MJOQLOW.js";
import {
  dottedPath
} from "./chunk-OVS6HWYE.js";
import {
  ConfigError,
  InputError,
  ModelgateError
} from "./chunk-UAYJCUJE.js";
import "./chunk-3GRPW3HZ.js";

// src/commands/gate.ts
import { mkdtemp, rm } from "node:fs/promises";
import path2 from "node:path";

// src/core/gate/comment.ts
var MAX_PAGES = 100;
async function upsertStickyComment(api, body, marker) {
  if (marker.trim() === "") throw new Error("upsertStickyComment: the marker must not be empty");
  const text = body.includes(marker) ? body : `${marker}
${body}`;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const comments = await api.list(page);
    if (comments.length === 0) break;
    const found = comments.find((c) => typeof c.body === "string" && c.body.includes(marker));
    if (found) {
      await api.update(found.id, text);
      return { action: "updated", id: found.id };
    }
  }
  const created = await api.create(text);
  return { action: "created", id: created.id };
}

// src/core/gate/log-source.ts
import { mkdir, readdir, stat } from "node:fs/promises";
import path from "node:path";
var WILDCARD = /[*?[]/;
function hasWildcard(pattern) {
  return WILDCARD.test(pattern);
}
function segmentMatcher(segment) {
  let out = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (c === "[") {
      const close = segment.indexOf("]", i + 2);
      if (close === -1) {
        out += "\\[";
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negate = body.startsWith("!") || body.startsWith("^");
      if (negate) body = body.slice(1);
      out += `[${negate ? "^" : ""}${body.replace(/[\\\]^]/g, "\\$&")}]`;
      i = close;
    } else out += c.replace(/[.+^${}()|\\/]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}
function matchesHidden(segment, name) {
  return !name.startsWith(".") || segment.startsWith(".");
}
async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
async function isDirectory(dir) {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}
async function expandLogGlob(pattern, cwd = process.cwd()) {
  if (pattern.split("/").includes("**")) {
    throw new InputError(
      `logs pattern ${JSON.stringify(pattern)}: "**" is not supported; name the directory, e.g. data/live/trades_*.jsonl`,
      "logs"
    );
  }
  const absolute = path.resolve(cwd, pattern);
  const root = path.parse(absolute).root;
  const segments = absolute.slice(root.length).split(path.sep).filter(Boolean);
  let candidates = [root];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const last = i === segments.length - 1;
    const next = [];
    for (const dir of candidates) {
      if (!hasWildcard(segment)) {
        next.push(path.join(dir, segment));
        continue;
      }
      let names;
      try {
        names = await readdir(dir);
      } catch {
        continue;
      }
      const re = segmentMatcher(segment);
      for (const name of names)
        if (re.test(name) && matchesHidden(segment, name)) next.push(path.join(dir, name));
    }
    const kept = [];
    for (const candidate of next)
      if (last ? await isFile(candidate) : await isDirectory(candidate)) kept.push(candidate);
    candidates = kept;
  }
  return candidates.sort();
}
async function resolveLogFiles(spec, cwd = process.cwd()) {
  const patterns = (typeof spec === "string" ? spec.split(/\r?\n/) : [...spec]).map((s) => s.trim()).filter(Boolean);
  if (patterns.length === 0)
    throw new InputError(
      "logs is empty: give a trade-log file or a glob such as data/live/trades_*.jsonl",
      "logs"
    );
  const files = /* @__PURE__ */ new Set();
  for (const pattern of patterns) {
    const found = hasWildcard(pattern) ? await expandLogGlob(pattern, cwd) : [path.resolve(cwd, pattern)];
    if (found.length === 0) {
      throw new InputError(
        `logs: ${JSON.stringify(pattern)} matches no file under ${cwd}; check the pattern or the working directory`,
        "logs"
      );
    }
    for (const file of found) {
      if (!hasWildcard(pattern) && !await isFile(file)) {
        throw new InputError(`logs: ${file} does not exist or is not a file; check the logs input`, "logs");
      }
      files.add(file);
    }
  }
  return [...files].sort();
}
function dayInName(name) {
  const m = /(?<!\d)(20\d{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)/.exec(name);
  if (!m) return void 0;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}
var DAY_MARGIN_MS = 2 * 864e5;
async function pullShadowLogs(transport, remoteGlob, basePath, localDir, since) {
  const full = path.posix.isAbsolute(remoteGlob) ? remoteGlob : path.posix.join(basePath, remoteGlob);
  const dir = path.posix.dirname(full);
  const pattern = path.posix.basename(full);
  if (hasWildcard(dir)) {
    throw new ModelgateError(
      `gate.shadow.logs ${JSON.stringify(remoteGlob)}: only the file name may contain wildcards on a target; name the directory, e.g. data/live/trades_*.jsonl`,
      "config"
    );
  }
  const listed = await transport.exec(`ls -1Ap -- ${shellQuote(dir)}`);
  if (listed.code !== 0) {
    throw new ModelgateError(
      `${transport.description}: cannot list ${dir} for gate.shadow.logs (${listed.stderr.trim() || `exit ${listed.code}`}); check deploy.path and gate.shadow.logs`,
      "remote"
    );
  }
  const re = segmentMatcher(pattern);
  const names = listed.stdout.split("\n").filter((name) => name !== "" && !name.endsWith("/") && re.test(name) && matchesHidden(pattern, name)).sort();
  if (names.length === 0) {
    throw new ModelgateError(
      `${transport.description}: no file in ${dir} matches ${pattern} (gate.shadow.logs); check the pattern, and that the service writes trade logs there`,
      "remote"
    );
  }
  const skipped = [];
  const wanted = [];
  for (const name of names) {
    const day = dayInName(name);
    if (since && day && day.getTime() + DAY_MARGIN_MS <= since.getTime())
      skipped.push(path.posix.join(dir, name));
    else wanted.push(name);
  }
  await mkdir(localDir, { recursive: true });
  const files = [];
  const remote = [];
  for (const name of wanted) {
    const from = path.posix.join(dir, name);
    const to = path.join(localDir, name);
    await transport.download(from, to);
    files.push(to);
    remote.push(from);
  }
  return { files, remote, skipped };
}

// src/core/gate/lines.ts
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createGunzip } from "node:zlib";
var spare = [];
async function* pieces(file, size) {
  if (file.endsWith(".gz")) {
    const raw = createReadStream(file, { highWaterMark: size });
    const gunzip = raw.pipe(createGunzip({ chunkSize: 256 * 1024 }));
    raw.on("error", (error) => gunzip.destroy(error));
    yield* gunzip;
    return;
  }
  const handle = await open(file, "r");
  const buffer = spare.find((b) => b.length === size) ?? Buffer.allocUnsafe(size);
  spare = spare.filter((b) => b !== buffer);
  try {
    for (; ; ) {
      const { bytesRead } = await handle.read(buffer, 0, size, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    if (spare.length < 4) spare.push(buffer);
    await handle.close();
  }
}
async function readLines(file, handlers, options = {}) {
  const maxLineBytes = options.maxLineBytes ?? 16 * 1024 * 1024;
  const gzip = file.endsWith(".gz");
  let number2 = 0;
  let carry = [];
  let carryBytes = 0;
  let skipping = false;
  const emit = (bytes, start, end) => {
    number2++;
    if (end > start && bytes[end - 1] === 13) end--;
    let text = bytes.toString("utf8", start, end);
    if (number2 === 1 && text.charCodeAt(0) === 65279) text = text.slice(1);
    handlers.line(text, number2);
  };
  const endCarry = (tail, end) => {
    if (skipping) {
      number2++;
      handlers.tooLong?.(number2, carryBytes + end);
    } else {
      const whole = Buffer.concat([...carry, tail.subarray(0, end)]);
      emit(whole, 0, whole.length);
    }
    carry = [];
    carryBytes = 0;
    skipping = false;
  };
  const keep = (piece) => {
    carryBytes += piece.length;
    if (skipping) return;
    if (carryBytes > maxLineBytes) {
      skipping = true;
      carry = [];
    } else carry.push(Buffer.from(piece));
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
      if (start < chunk.length) keep(chunk.subarray(start));
    }
    if (carryBytes > 0) endCarry(Buffer.alloc(0), 0);
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT")
      throw new ModelgateError(
        `${file}: no such trade-log file; check the logs input or gate.shadow.logs`,
        "input",
        { file }
      );
    if (code === "EACCES")
      throw new ModelgateError(
        `${file}: permission denied reading the trade log; make it readable by the runner`,
        "input",
        { file }
      );
    if (gzip && code?.startsWith("Z_")) {
      throw new ModelgateError(
        `${file}: not a complete gzip file (${error.message}); pass only finished, rotated logs as .gz`,
        "input",
        { file }
      );
    }
    throw error;
  }
  return number2;
}

// src/core/gate/shadow-metrics.ts
var FINE_BINS = 1e3;
var DISPLAY_BINS = 20;
var PROBLEM_SAMPLES = 20;
var ShadowAccumulator = class {
  range;
  since;
  until;
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
  future = 0;
  files = [];
  problems = [];
  file;
  constructor(options) {
    this.range = options.range;
    this.since = options.since ?? -Infinity;
    this.until = options.until ?? Infinity;
  }
  beginFile(path3) {
    this.file = { path: path3, lines: 0, records: 0, corrupt: 0, invalid: 0, outside_window: 0, future_bars: 0 };
    this.files.push(this.file);
  }
  current() {
    if (!this.file) this.beginFile("(input)");
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
    if (kind === "corrupt") {
      this.corrupt++;
      file.corrupt++;
    } else {
      this.invalid++;
      file.invalid++;
    }
    if (this.problems.length < PROBLEM_SAMPLES) this.problems.push({ file: file.path, line, kind, reason });
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
    if (record.ts > this.until) {
      this.future++;
      file.future_bars++;
      return;
    }
    this.records++;
    file.records++;
    if (record.ts < this.firstTs) this.firstTs = record.ts;
    if (record.ts > this.lastTs) this.lastTs = record.ts;
    this.errors += record.errors;
    this.severe += record.severeErrors;
    const p = record.bullProb;
    if (p === void 0) return;
    this.covered++;
    if (record.stackingActive) this.stacking++;
    if (record.lstmOk) this.lstm++;
    if (record.tftOk) this.tft++;
    if (p >= this.range[0] && p <= this.range[1]) this.inRange++;
    if (p < 0 || p > 1) this.outsideUnit++;
    if (p < this.min) this.min = p;
    if (p > this.max) this.max = p;
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
    const edges = Array.from(
      { length: DISPLAY_BINS + 1 },
      (_, i) => Math.round(i / DISPLAY_BINS * 1e6) / 1e6
    );
    return { edges, counts };
  }
  metrics() {
    const rate = (n, d) => d === 0 ? null : n / d;
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
      bull_prob: this.covered === 0 ? null : {
        count: this.covered,
        mean: this.mean,
        std: Math.sqrt(this.m2 / this.covered),
        min: this.min,
        max: this.max,
        p05: this.quantile(0.05),
        p50: this.quantile(0.5),
        p95: this.quantile(0.95),
        outside_unit: this.outsideUnit,
        histogram: this.histogram()
      },
      severe_errors: this.severe,
      errors: this.errors,
      hours_covered: hasTs ? (this.lastTs - this.firstTs) / 36e5 : 0,
      first_ts: hasTs ? new Date(this.firstTs).toISOString() : null,
      last_ts: hasTs ? new Date(this.lastTs).toISOString() : null,
      lines: this.lines,
      blank_lines: this.blank,
      corrupt_lines: this.corrupt,
      missing_fields: this.invalid,
      outside_window: this.outside,
      future_bars: this.future,
      files: this.files.map((f) => ({ ...f })),
      problems: this.problems.map((p) => ({ ...p }))
    };
  }
};

// src/core/gate/trade-log.ts
var FIELD_NAMES = ["ts", "bull_prob", "stacking_active", "lstm_ok", "tft_ok", "errors"];
var DEFAULT_FIELDS = {
  ts: "ts",
  bull_prob: "ml.bull_prob",
  stacking_active: "ml.stacking.active",
  lstm_ok: "ml.lstm.ok",
  tft_ok: "ml.tft.ok",
  errors: "ml.errors"
};
var PATH_PATTERN = /^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/;
function resolveFieldPaths(overrides = {}, configFile = "modelgate.yml") {
  const fields = { ...DEFAULT_FIELDS };
  for (const [name, value] of Object.entries(overrides)) {
    if (!FIELD_NAMES.includes(name)) {
      throw new ConfigError(
        `${configFile}: gate.shadow.fields.${name} is not a trade-log field: use one of ${FIELD_NAMES.join(", ")}`,
        { file: configFile }
      );
    }
    if (!PATH_PATTERN.test(value)) {
      throw new ConfigError(
        `${configFile}: gate.shadow.fields.${name} is ${JSON.stringify(value)}: expected a dotted path such as "ml.bull_prob"`,
        { file: configFile }
      );
    }
    fields[name] = value;
  }
  return fields;
}
var tsSchema = union([string(), number()], { error: "expected an ISO-8601 time or unix seconds" });
var bullProbSchema = nullish(number());
var flagSchema = nullish(boolean());
var errorsSchema = nullish(array(unknown()));
var FIELD_SCHEMAS = {
  ts: tsSchema,
  bull_prob: bullProbSchema,
  stacking_active: flagSchema,
  lstm_ok: flagSchema,
  tft_ok: flagSchema,
  errors: errorsSchema
};
function tradeRecordSchema(fields, configFile = "modelgate.yml") {
  const root = /* @__PURE__ */ new Map();
  for (const name of FIELD_NAMES) {
    const keys = fields[name].split(".");
    let node = root;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) {
        if (node.has(key))
          throw new ConfigError(
            `${configFile}: gate.shadow.fields: two fields share the path ${fields[name]}; give each its own`,
            { file: configFile }
          );
        node.set(key, FIELD_SCHEMAS[name]);
        return;
      }
      let child = node.get(key);
      if (child === void 0) {
        child = /* @__PURE__ */ new Map();
        node.set(key, child);
      }
      if (!(child instanceof Map))
        throw new ConfigError(
          `${configFile}: gate.shadow.fields: ${fields[name]} runs through another field; give each its own path`,
          { file: configFile }
        );
      node = child;
    });
  }
  const tsKeys = fields.ts.split(".");
  const build = (tree, depth, onTsPath) => {
    const shape = {};
    for (const [key, child] of tree) {
      const required = onTsPath && tsKeys[depth] === key;
      shape[key] = child instanceof Map ? build(child, depth + 1, required) : child;
      if (!required && child instanceof Map) shape[key] = nullish(shape[key]);
    }
    return looseObject(shape);
  };
  return build(root, 0, true);
}
function getter(path3) {
  const keys = path3.split(".");
  return (value) => {
    let cur = value;
    for (const key of keys) {
      if (cur === null || typeof cur !== "object") return void 0;
      cur = cur[key];
    }
    return cur;
  };
}
var LESS_THAN_ERROR = /* @__PURE__ */ new Set(["debug", "info", "notice", "warn", "warning"]);
function isSevereError(entry) {
  if (typeof entry === "string") return true;
  if (entry !== null && typeof entry === "object" && !Array.isArray(entry)) {
    const e = entry;
    const level = typeof e.level === "string" ? e.level : typeof e.severity === "string" ? e.severity : void 0;
    return level === void 0 || !LESS_THAN_ERROR.has(level.toLowerCase());
  }
  return true;
}
function timestampMs(value) {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) return void 0;
    return value > 1e12 ? value : value * 1e3;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? void 0 : ms;
}
function createLineParser(fields, configFile = "modelgate.yml") {
  const schema = tradeRecordSchema(fields, configFile);
  const get = {
    ts: getter(fields.ts),
    bull_prob: getter(fields.bull_prob),
    stacking_active: getter(fields.stacking_active),
    lstm_ok: getter(fields.lstm_ok),
    tft_ok: getter(fields.tft_ok),
    errors: getter(fields.errors)
  };
  return (line) => {
    let value;
    try {
      value = JSON.parse(line);
    } catch (error) {
      return { ok: false, kind: "corrupt", reason: `not JSON (${error.message})` };
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      return { ok: false, kind: "corrupt", reason: `not a JSON object` };
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      if (get.ts(value) === void 0)
        return { ok: false, kind: "invalid", reason: `${fields.ts} is missing: every bar needs a timestamp` };
      const issue = parsed.error.issues[0];
      const reason = issue ? `${dottedPath(issue.path)}: ${describeIssue(issue, value)}` : "does not match the trade-log schema";
      return { ok: false, kind: "invalid", reason };
    }
    const rawTs = get.ts(value);
    const ts = timestampMs(rawTs);
    if (ts === void 0) {
      return {
        ok: false,
        kind: "invalid",
        reason: `${fields.ts} is ${JSON.stringify(rawTs)}: expected an ISO-8601 time or unix seconds`
      };
    }
    const p = get.bull_prob(value);
    if (typeof p === "number" && !Number.isFinite(p)) {
      return { ok: false, kind: "invalid", reason: `${fields.bull_prob} is not a finite number` };
    }
    const errors = get.errors(value) ?? [];
    let severe = 0;
    for (const entry of errors) if (isSevereError(entry)) severe++;
    return {
      ok: true,
      record: {
        ts,
        bullProb: typeof p === "number" ? p : void 0,
        stackingActive: get.stacking_active(value) === true,
        lstmOk: get.lstm_ok(value) === true,
        tftOk: get.tft_ok(value) === true,
        errors: errors.length,
        severeErrors: severe
      }
    };
  };
}

// src/core/gate/shadow.ts
var METRICS = {
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
  future_bars: (m) => m.future_bars,
  bull_prob_mean: (m) => m.bull_prob?.mean ?? null,
  bull_prob_std: (m) => m.bull_prob?.std ?? null,
  bull_prob_p05: (m) => m.bull_prob?.p05 ?? null,
  bull_prob_p50: (m) => m.bull_prob?.p50 ?? null,
  bull_prob_p95: (m) => m.bull_prob?.p95 ?? null
};
var LOG_HEALTH = /* @__PURE__ */ new Set(["corrupt_lines", "missing_fields", "future_bars"]);
var NEEDS_COVERAGE = /* @__PURE__ */ new Set(["stacking_activation", "lstm_ok_rate", "tft_ok_rate", "bull_prob_in_range"]);
var DEFAULT_RANGE = [0.3, 0.7];
function checkRules(config, configFile) {
  for (const [name, rule] of Object.entries(config.rules)) {
    const at = `${configFile}: gate.shadow.rules.${name}`;
    if (!(name in METRICS)) {
      throw new ConfigError(`${at} names no shadow metric; use one of ${Object.keys(METRICS).join(", ")}`, {
        file: configFile
      });
    }
    if (rule.range && !(rule.range[0] <= rule.range[1])) {
      throw new ConfigError(`${at}.range is [${rule.range.join(", ")}]: write the lower bound first`, {
        file: configFile
      });
    }
    if (rule.min === void 0 && rule.max === void 0 && !(rule.range && name !== "bull_prob_in_range")) {
      throw new ConfigError(
        `${at} has no bound: give it min, max${name === "bull_prob_in_range" ? "" : " or range"}`,
        { file: configFile }
      );
    }
  }
}
function threshold(name, rule, range) {
  const parts = [];
  if (rule.min !== void 0) parts.push(`min ${rule.min}`);
  if (rule.max !== void 0) parts.push(`max ${rule.max}`);
  if (name === "bull_prob_in_range") parts.push(`in [${range[0]}, ${range[1]}]`);
  else if (rule.range) parts.push(`range [${rule.range[0]}, ${rule.range[1]}]`);
  return parts.join(", ");
}
function judge(name, rule, metrics, range) {
  const value = METRICS[name](metrics);
  const base = {
    scope: "shadow",
    subject: "shadow",
    metric: name,
    value,
    threshold: threshold(name, rule, range),
    severity: rule.severity
  };
  if (value === null) {
    const why = NEEDS_COVERAGE.has(name) || name.startsWith("bull_prob_") ? "no bar in the window had ML coverage (a numeric bull_prob), so it cannot be measured" : "no bar in the window to measure it on";
    return { ...base, status: rule.severity, message: `${name}: ${why}` };
  }
  const broken = [];
  if (rule.min !== void 0 && value < rule.min) broken.push(`is below the minimum ${rule.min}`);
  if (rule.max !== void 0 && value > rule.max) broken.push(`is above the maximum ${rule.max}`);
  if (rule.range && name !== "bull_prob_in_range" && (value < rule.range[0] || value > rule.range[1])) {
    broken.push(`is outside the range [${rule.range[0]}, ${rule.range[1]}]`);
  }
  const what = name === "bull_prob_in_range" ? ` (share of predictions in [${range[0]}, ${range[1]}])` : "";
  return broken.length === 0 ? { ...base, status: "pass", message: `${name} ${formatNumber(value)} holds ${base.threshold}` } : {
    ...base,
    status: rule.severity,
    message: `${name} ${formatNumber(value)}${what} ${broken.join(" and ")}`
  };
}
function collapseRule(metrics, collapseStd) {
  const stats = metrics.bull_prob;
  const base = {
    scope: "builtin",
    subject: "collapse",
    metric: "bull_prob_std",
    threshold: `min ${collapseStd} (collapse_std)`,
    severity: "fail"
  };
  if (!stats || stats.count < 2) {
    return {
      ...base,
      value: stats ? stats.std : null,
      status: "skip",
      message: "collapse: fewer than two predictions, nothing to spread"
    };
  }
  if (stats.std >= collapseStd) {
    return {
      ...base,
      value: stats.std,
      status: "pass",
      message: `bull_prob std ${formatNumber(stats.std)} holds min ${collapseStd}`
    };
  }
  return {
    ...base,
    value: stats.std,
    status: "fail",
    message: `bull_prob collapsed: std ${stats.std.toPrecision(3)} is below collapse_std ${collapseStd} (every prediction is about ${formatNumber(stats.mean)}); a model that always says the same is broken, even inside the range`
  };
}
function hours(h) {
  return `${h < 100 ? h.toFixed(1) : Math.round(h)} h`;
}
var FUTURE_TOLERANCE_MS = 5 * 6e4;
function lineWarnings(metrics, now) {
  const warnings = [];
  const example = (kind) => {
    const p = metrics.problems.find((x) => x.kind === kind);
    return p ? ` (first: ${p.file}:${p.line} ${p.reason})` : "";
  };
  if (metrics.corrupt_lines > 0) {
    warnings.push(
      `${metrics.corrupt_lines} line(s) are not JSON objects and were not counted as bars${example("corrupt")}`
    );
  }
  if (metrics.missing_fields > 0) {
    warnings.push(
      `${metrics.missing_fields} line(s) lack a timestamp or have a field of the wrong type and were not counted as bars${example("invalid")}`
    );
  }
  if (metrics.bull_prob && metrics.bull_prob.outside_unit > 0) {
    warnings.push(
      `${metrics.bull_prob.outside_unit} bull_prob value(s) are outside [0, 1], so they are not probabilities`
    );
  }
  if (metrics.future_bars > 0) {
    warnings.push(
      `${metrics.future_bars} bar(s) are dated more than ${FUTURE_TOLERANCE_MS / 6e4} min after the gate's clock (${now.toISOString()}) and were not counted: check the clock of the host that wrote them (timedatectl) and the trade log's timestamps`
    );
  }
  if (metrics.records === 0 && metrics.outside_window > 0) {
    warnings.push(`all ${metrics.outside_window} bar(s) read are older than the window start`);
  }
  return warnings;
}
async function evaluateShadowGate(options) {
  const { config } = options;
  const configFile = options.configFile ?? "modelgate.yml";
  checkRules(config, configFile);
  const fields = resolveFieldPaths(config.fields, configFile);
  const range = config.rules.bull_prob_in_range?.range ?? DEFAULT_RANGE;
  const now = options.now ?? /* @__PURE__ */ new Date();
  const windowSeconds = durationSeconds(config.window);
  const since = options.since ?? (windowSeconds > 0 ? new Date(now.getTime() - windowSeconds * 1e3) : void 0);
  const promoteAfterHours = durationSeconds(config.promote_after) / 3600;
  const accumulator = new ShadowAccumulator({
    range,
    ...since ? { since: since.getTime() } : {},
    until: now.getTime() + FUTURE_TOLERANCE_MS
  });
  const parse = createLineParser(fields, configFile);
  for (const file of options.files) {
    accumulator.beginFile(file);
    await readLines(file, {
      line(text, number2) {
        if (text.length === 0 || text.charCodeAt(0) <= 32 && text.trim() === "") {
          accumulator.addBlank();
          return;
        }
        const parsed = parse(text);
        if (parsed.ok) accumulator.add(parsed.record);
        else accumulator.addProblem(number2, parsed.kind, parsed.reason);
      },
      tooLong(number2, bytes) {
        accumulator.addProblem(
          number2,
          "corrupt",
          `a line of ${bytes} bytes, too long to be a trade-log record`
        );
      }
    });
  }
  const metrics = accumulator.metrics();
  const enough = metrics.records >= config.min_records;
  const rules = Object.entries(config.rules).map(([name, rule]) => judge(name, rule, metrics, range));
  rules.push(collapseRule(metrics, config.collapse_std));
  const warnings = lineWarnings(metrics, now);
  let verdict;
  let summary;
  const span = `${metrics.records} bar(s) over ${hours(metrics.hours_covered)}`;
  if (!enough) {
    for (const rule of rules) {
      if (!(rule.scope === "shadow" && LOG_HEALTH.has(rule.metric))) rule.status = "skip";
    }
  }
  const failures = rules.filter((r) => r.status === "fail").map((r) => r.message);
  const ignored = metrics.future_bars > 0 ? `; ${metrics.future_bars} bar(s) dated after the gate's clock were not counted (see the warnings)` : "";
  if (!enough && failures.length > 0) {
    verdict = "fail";
    summary = `shadow gate failed on the trade logs (${span}, fewer than min_records ${config.min_records}): ${failures.join("; ")}`;
  } else if (!enough) {
    verdict = "inconclusive";
    summary = options.files.length === 0 ? "inconclusive: no trade-log file to read; the model is not judged" : `inconclusive: ${metrics.records} bar(s) in the window, fewer than min_records ${config.min_records}; too little data to judge the model, which is not the same as a bad model${ignored}`;
  } else if (failures.length > 0) {
    verdict = "fail";
    summary = `shadow gate failed on ${span}: ${failures.join("; ")}`;
  } else if (options.forPromotion && metrics.hours_covered < promoteAfterHours) {
    verdict = "inconclusive";
    summary = `inconclusive for promotion: the shadow logs cover ${hours(metrics.hours_covered)}, less than promote_after ${String(config.promote_after)}; every rule holds so far, promote after it has held that long`;
  } else {
    verdict = "pass";
    summary = `shadow gate passed on ${span}: every rule holds`;
  }
  warnings.unshift(...rules.filter((r) => r.status === "warn").map((r) => r.message));
  return {
    passed: verdict === "pass",
    verdict,
    summary,
    metrics,
    rules,
    messages: verdict === "fail" ? [summary, ...failures] : [summary],
    warnings,
    window: {
      since: since ? since.toISOString() : null,
      now: now.toISOString(),
      min_records: config.min_records,
      promote_after_hours: promoteAfterHours,
      for_promotion: options.forPromotion === true
    }
  };
}

// src/commands/gate.ts
function parseSince(value) {
  const asNumber = Number(value);
  const date = Number.isFinite(asNumber) && /^\d+(\.\d+)?$/.test(value) ? new Date(asNumber * 1e3) : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new InputError(
      `Input since: expected an ISO time such as 2026-02-20T15:00:00Z or unix seconds, got ${JSON.stringify(value)}`,
      "since"
    );
  }
  return date;
}
async function trainingGate(ctx, config) {
  const manifestInput = optionalInput(ctx.inputs, "manifest");
  if (!manifestInput)
    throw new InputError(
      "Input required and not supplied: manifest (mode training gates the metrics of a release manifest)",
      "manifest"
    );
  const manifestPath = resolveIn(ctx, manifestInput);
  const manifest = await loadManifest(manifestPath);
  const baselineInput = optionalInput(ctx.inputs, "baseline");
  const baseline = baselineInput ? await loadManifest(resolveIn(ctx, baselineInput)) : void 0;
  const result = evaluateTrainingGate(
    manifest.metrics,
    config.config.gate.training,
    baseline?.metrics
  );
  const annotations = result.rules.filter((r) => r.status !== "pass").map((r) => ({
    severity: r.status === "fail" ? "error" : "warning",
    message: r.message,
    file: manifestInput,
    title: `gate ${r.subject} ${r.metric}`
  }));
  return {
    verdict: result.verdict,
    passed: result.passed,
    markdown: renderTrainingMarkdown(result, {
      manifest: manifest.id,
      ...baseline ? { baseline: baseline.id } : {}
    }),
    checks: result.rules.map((r) => ({
      name: `${r.scope}:${r.subject}:${r.metric}`,
      status: r.status,
      ms: 0,
      message: r.message,
      details: r
    })),
    annotations,
    enabledHorizons: result.enabledHorizons,
    metrics: result.metrics,
    extra: {
      mode: "training",
      release: manifest.id,
      horizons: result.horizons,
      warnings: result.warnings,
      ...result.changes ? { changes: result.changes } : {}
    }
  };
}
async function shadowGate(ctx, loaded, forPromotion) {
  const shadow = loaded.config.gate.shadow;
  if (!shadow) {
    throw new ConfigError(
      `${loaded.file}: has no gate.shadow section; add one (logs, window, min_records, rules) to run the shadow gate`,
      { file: loaded.file, line: loaded.lineOf(["gate"]) }
    );
  }
  const sinceInput = optionalInput(ctx.inputs, "since");
  const since = sinceInput ? parseSince(sinceInput) : void 0;
  const logsInput = optionalInput(ctx.inputs, "logs");
  let files;
  let scratch;
  try {
    if (logsInput) {
      const specs = logsInput.split(/\n/).map((s) => s.trim()).filter(Boolean);
      files = await resolveLogFiles(specs, ctx.workspace);
    } else {
      const { transport, deploy } = await openTarget(ctx, loaded);
      scratch = await mkdtemp(path2.join(ctx.tempDir, "modelgate-logs-"));
      try {
        const pulled = await ctx.log.group(
          `Pull trade logs from ${transport.description}`,
          () => pullShadowLogs(transport, shadow.logs, deploy.path, scratch, since ?? windowStart(shadow.window))
        );
        for (const f of pulled.remote) ctx.log.info(`pulled ${f}`);
        files = pulled.files;
      } finally {
        await transport.close();
      }
    }
    const result = await ctx.log.group(
      `Shadow gate over ${files.length} file(s)`,
      () => evaluateShadowGate({
        files,
        config: shadow,
        ...since ? { since } : {},
        forPromotion,
        configFile: loaded.file
      })
    );
    const annotations = result.rules.filter((r) => r.status === "fail" || r.status === "warn").map((r) => ({
      severity: r.status === "fail" ? "error" : "warning",
      message: r.message,
      title: `shadow gate ${r.metric}`
    }));
    if (result.verdict === "inconclusive")
      annotations.push({ severity: "warning", message: result.summary, title: "shadow gate inconclusive" });
    return {
      verdict: result.verdict,
      passed: result.passed,
      markdown: renderShadowMarkdown(result),
      checks: result.rules.map((r) => ({
        name: `${r.scope}:${r.metric}`,
        status: r.status,
        ms: 0,
        message: r.message,
        details: r
      })),
      annotations,
      enabledHorizons: [],
      metrics: result.metrics,
      extra: {
        mode: "shadow",
        summary: result.summary,
        window: result.window,
        warnings: result.warnings,
        files
      }
    };
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}
function windowStart(window) {
  const ms = durationSeconds(window) * 1e3;
  return ms > 0 ? new Date(Date.now() - ms) : void 0;
}
async function postComment(ctx, markdown) {
  const token = ctx.inputs.get("github-token");
  ctx.secret(token);
  if (!token) {
    ctx.log.warning("comment: true but no github-token: the pull-request comment was not posted");
    return;
  }
  const api = ctx.github?.pullRequestComments(token);
  if (!api) {
    ctx.log.notice(
      "comment: true, but this run is not for a pull request: the result is only in the job summary"
    );
    return;
  }
  const { action, id } = await upsertStickyComment(
    api,
    renderComment(markdown, ctx.github?.runUrl()),
    COMMENT_MARKER
  );
  ctx.log.info(`Pull-request comment ${action} (id ${id})`);
}
var gateCommand = async (ctx) => {
  const loaded = await loadConfigInput(ctx);
  const mode = choiceInput(ctx.inputs, "mode", ["training", "shadow"], "training") ?? "training";
  const comment = booleanInput(ctx.inputs, "comment", false);
  const reportPath = reportPathInput(ctx, `modelgate-gate-${mode}.json`);
  const promote = mode === "shadow" && booleanInput(ctx.inputs, "promote", false);
  const outcome = mode === "training" ? await trainingGate(ctx, loaded) : await shadowGate(ctx, loaded, promote);
  await writeJsonFile(reportPath, {
    passed: outcome.passed,
    verdict: outcome.verdict,
    checks: outcome.checks,
    enabled_horizons: outcome.enabledHorizons,
    metrics: outcome.metrics,
    ...outcome.extra
  });
  if (comment) await postComment(ctx, outcome.markdown);
  const failure = outcome.verdict === "fail" ? `${mode} gate failed` : outcome.verdict === "inconclusive" && promote ? "shadow gate inconclusive: not enough data to promote yet" : void 0;
  return {
    outputs: {
      passed: String(outcome.passed),
      verdict: outcome.verdict,
      "enabled-horizons": outcome.enabledHorizons.join(","),
      metrics: JSON.stringify(outcome.metrics),
      report: reportPath
    },
    summary: outcome.markdown,
    annotations: outcome.annotations,
    ...failure ? { failure } : {},
    ...outcome.verdict === "inconclusive" ? { exitCode: 3 } : {}
  };
};
export {
  gateCommand
};
