import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  extractTarball,
  formatSize,
  hashBundleFile,
  listBundle,
  reportPassed
} from "./chunk-W2QENP6Y.js";
import {
  PARSE_ONCE,
  loadConfigInput,
  parseManifest,
  reportPathInput,
  resolveIn,
  writeJsonFile
} from "./chunk-A7JTYF5J.js";
import {
  optionalInput,
  requiredInput
} from "./chunk-ZY3O6VA3.js";
import {
  LocatedDocument,
  _default,
  _enum,
  _gte,
  _lte,
  _minLength,
  _nonnegative,
  _positive,
  array,
  describeIssue,
  fieldsAt,
  int,
  literal,
  looseObject,
  nullable,
  number,
  optional,
  record,
  strictObject,
  string,
  superRefine,
  unknown,
  valueAt
} from "./chunk-GU6PC365.js";
import {
  TreePool,
  takeHeadStart
} from "./chunk-PKWGZ4YD.js";
import {
  parseJsonText
} from "./chunk-7MJOQLOW.js";
import {
  dottedPath
} from "./chunk-OVS6HWYE.js";
import {
  ModelgateError,
  errorMessage
} from "./chunk-UAYJCUJE.js";

// src/core/health/healthcheck.ts
import { existsSync as existsSync3 } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path6 from "node:path";

// src/core/health/check-command.ts
import { existsSync } from "node:fs";

// src/core/health/context.ts
import { open } from "node:fs/promises";
import path from "node:path";
function newContext(init) {
  return {
    bundle: init.bundle,
    root: init.root ?? init.bundle,
    config: init.config,
    configFile: init.configFile,
    ...init.command ? { command: init.command } : {},
    files: [],
    special: [],
    byPath: /* @__PURE__ */ new Map(),
    kinds: /* @__PURE__ */ new Map(),
    heads: /* @__PURE__ */ new Map(),
    sha256: /* @__PURE__ */ new Map(),
    onnx: /* @__PURE__ */ new Map(),
    trees: /* @__PURE__ */ new Map(),
    json: /* @__PURE__ */ new Map(),
    loadFailures: /* @__PURE__ */ new Map(),
    failed: [],
    pickleGlobals: /* @__PURE__ */ new Map()
  };
}
function annotationPath(ctx, rel) {
  const base = ctx.tarball ?? ctx.bundle;
  const abs = path.resolve(rel && !ctx.tarball ? path.join(base, rel) : base);
  const fromCwd = path.relative(process.cwd(), abs);
  return fromCwd && !fromCwd.startsWith("..") && !path.isAbsolute(fromCwd) ? fromCwd : abs;
}
function fileProblem(ctx, severity, rel, message, line) {
  return { severity, message, file: annotationPath(ctx, rel), ...line ? { line } : {} };
}
async function runCheck(name, ctx, fn, onProgress) {
  const started = performance.now();
  let outcome;
  if (ctx.fatal && ctx.fatal.check !== name) {
    outcome = { status: "skip", message: `skipped: ${ctx.fatal.reason}` };
  } else {
    try {
      outcome = await fn(ctx);
    } catch (error) {
      const message = errorMessage(error);
      const file = error instanceof ModelgateError ? error.file : void 0;
      outcome = {
        status: "fail",
        message,
        problems: [
          {
            severity: "error",
            message,
            file: annotationPath(ctx, file && ctx.byPath.has(file) ? file : void 0)
          }
        ]
      };
      if (!(error instanceof ModelgateError) && error instanceof Error && error.stack)
        outcome.details = { stack: error.stack };
    }
  }
  const ms = Math.round((performance.now() - started) * 10) / 10;
  if (outcome.status === "fail") ctx.failed.push(name);
  const result = { name, status: outcome.status, ms, message: outcome.message };
  if (outcome.details !== void 0) result.details = outcome.details;
  if (outcome.problems?.length) result.problems = outcome.problems;
  onProgress?.(`${STATUS_WORD[result.status]} ${name} (${formatMs(ms)}): ${result.message}`);
  return result;
}
var STATUS_WORD = { pass: "pass", warn: "WARN", fail: "FAIL", skip: "skip" };
function formatMs(ms) {
  if (ms >= 1e3) return `${(ms / 1e3).toFixed(2)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(ms < 1 ? 2 : 1)} ms`;
}
function worst(statuses) {
  if (statuses.includes("fail")) return "fail";
  if (statuses.includes("warn")) return "warn";
  if (statuses.includes("pass")) return "pass";
  return statuses.length ? "skip" : "pass";
}
async function readHead(file, length = 64) {
  const handle = await open(file, "r");
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buf, 0, length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  });
  await Promise.all(workers);
  return results;
}
function plural(n, word, many = `${word}s`) {
  return `${n} ${n === 1 ? word : many}`;
}

// src/core/health/check-command.ts
var userCheckSchema = looseObject({
  name: string().check(_minLength(1)),
  status: _enum(["pass", "warn", "fail", "skip"]),
  message: _default(string(), ""),
  ms: optional(number().check(_nonnegative())),
  details: optional(unknown()),
  file: optional(string()),
  line: optional(number().check(int(), _positive()))
});
var outputSchema = looseObject({ checks: array(userCheckSchema) });
var STDERR_TAIL_LINES = 20;
var STDERR_KEEP = 16 * 1024;
async function runUserCommand(command, env, options = {}) {
  const { spawn } = await import("node:child_process");
  const timeoutMs = options.timeoutMs ?? 10 * 60 * 1e3;
  const maxStdout = options.maxStdout ?? 16 * 1024 * 1024;
  const shell = existsSync("/bin/bash") ? "/bin/bash" : "/bin/sh";
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(shell, ["-c", command], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const out = [];
    let outBytes = 0;
    let overflow = false;
    let err = "";
    let timedOut = false;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.stdout.on("data", (chunk) => {
      outBytes += chunk.length;
      if (outBytes > maxStdout) {
        overflow = true;
        killGroup();
        return;
      }
      out.push(chunk);
    });
    child.stderr.on("data", (chunk) => {
      err = (err + chunk.toString("utf8")).slice(-STDERR_KEEP);
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code2, signal) => {
      clearTimeout(timer);
      resolve({
        code: code2,
        signal,
        stdout: Buffer.concat(out).toString("utf8"),
        stderrTail: tail(err),
        timedOut,
        overflow,
        ms: performance.now() - started
      });
    });
  });
}
function tail(text) {
  const lines = text.replace(/\s+$/, "").split("\n");
  return lines.slice(-STDERR_TAIL_LINES).join("\n");
}
async function checkCommand(ctx, options = {}) {
  const command = ctx.command?.trim();
  if (!command) return { status: "skip", message: "no command input" };
  const env = { ...process.env, MODELGATE_BUNDLE: ctx.root, MODELGATE_CONFIG: ctx.configFile };
  const run = await runUserCommand(command, env, options);
  const withStderr = (message2) => run.stderrTail ? `${message2}; stderr ends with:
${run.stderrTail}` : `${message2} (stderr was empty)`;
  const failed = (message2) => {
    const full = withStderr(message2);
    return {
      status: "fail",
      message: full,
      details: { command, exitCode: run.code, signal: run.signal, stderrTail: run.stderrTail },
      problems: [{ severity: "error", message: full }]
    };
  };
  if (run.timedOut)
    return failed(
      `command \`${command}\` did not finish within ${formatMs(options.timeoutMs ?? 6e5)} and was killed`
    );
  if (run.overflow)
    return failed(
      `command \`${command}\` printed more than ${options.maxStdout ?? 16 * 1024 * 1024} bytes on stdout and was killed; print only the {"checks": [...]} JSON`
    );
  if (run.code !== 0)
    return failed(
      `command \`${command}\` exited with ${run.code === null ? `signal ${run.signal}` : `code ${run.code}`}`
    );
  let value;
  try {
    value = JSON.parse(run.stdout);
  } catch {
    const first = run.stdout.trim().split("\n")[0] ?? "";
    const shown = first ? `begins ${JSON.stringify(first.length > 80 ? `${first.slice(0, 77)}...` : first)}` : "is empty";
    return failed(
      `command \`${command}\` must print {"checks": [...]} as JSON on stdout, but its output ${shown}; send logs to stderr`
    );
  }
  const parsed = outputSchema.safeParse(value, PARSE_ONCE);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return failed(
      `command \`${command}\` printed JSON that is not {"checks": [...]}: ${dottedPath(issue.path)}: ${describeIssue(issue, value)}`
    );
  }
  const checks = parsed.data.checks;
  const problems = checks.filter((c) => c.status === "fail" || c.status === "warn").map((c) => ({
    severity: c.status === "fail" ? "error" : "warning",
    message: `${c.name}: ${c.message}`,
    ...c.file ? { file: c.file } : {},
    ...c.line ? { line: c.line } : {}
  }));
  const statuses = checks.map((c) => c.status);
  const status = checks.length ? worst(statuses) : "warn";
  const details = { command, checks, ms: Math.round(run.ms) };
  if (!checks.length) return { status, message: `command \`${command}\` reported no checks`, details };
  const bad = checks.find((c) => c.status === status && (status === "fail" || status === "warn"));
  const counts = ["pass", "warn", "fail", "skip"].map((s) => [s, checks.filter((c) => c.status === s).length]).filter(([, n]) => n).map(([s, n]) => `${n} ${s}`).join(", ");
  const message = `${plural(checks.length, "check")} from \`${command}\` (${counts})${bad ? `: ${bad.name}: ${bad.message}` : ""}`;
  return {
    status: status === "skip" ? "pass" : status,
    message,
    details,
    ...problems.length ? { problems } : {}
  };
}

// src/core/health/kinds.ts
import path2 from "node:path";
function sniff(head) {
  if (head.length === 0) return "empty";
  if (head[0] === 80 && head[1] === 75 && head[2] === 3 && head[3] === 4) return "zip";
  if (head[0] === 31 && head[1] === 139) return "gzip";
  if (head[0] === 128 && head[1] !== void 0 && head[1] >= 2 && head[1] <= 5)
    return head[2] === 138 ? "torch-legacy" : "pickle";
  const text = head.toString("latin1");
  if (/^tree\r?\n/.test(text)) return "lightgbm";
  if (/^\s*[{[]/.test(text)) return "json";
  if (head[0] === 8 && head.length > 2 && head[1] < 32) return "onnx";
  return isText(head) ? "text" : "binary";
}
function isText(head) {
  for (const b of head) if (b < 9 || b > 13 && b < 32 || b === 127) return false;
  return true;
}
var DETECTED_NAME = {
  empty: "an empty file",
  zip: "a zip archive (a PyTorch .pt file?)",
  gzip: "gzip-compressed data",
  pickle: "a pickle",
  "torch-legacy": "a legacy-format PyTorch file",
  json: "JSON text",
  lightgbm: "a LightGBM text model",
  onnx: "an ONNX model",
  text: "plain text",
  binary: "binary data"
};
var EXPECTED = {
  onnx: { ok: ["onnx", "binary"], fix: "export it with torch.onnx.export (or skl2onnx) to a .onnx file" },
  torch: { ok: ["zip", "torch-legacy", "pickle"], fix: "save it with torch.save" },
  lightgbm: { ok: ["lightgbm"], fix: "save it as text with booster.save_model('model.txt')" },
  xgboost: { ok: ["json"], fix: "save it as JSON with model.save_model('model.json')" },
  // Protocol 0 and 1 pickles are text-like; the safety check reads them opcode by opcode.
  pickle: {
    ok: ["pickle", "torch-legacy", "text", "binary"],
    fix: "save it with pickle.dump or joblib.dump (uncompressed)"
  },
  json: { ok: ["json"], fix: "write it with json.dump" }
};
function kindMismatch(declared, detected) {
  const rule = EXPECTED[declared];
  if (rule.ok.includes(detected)) return void 0;
  return `declared kind ${declared} but the file is ${DETECTED_NAME[detected]}; ${detected === "empty" ? "the file is empty: copy it again from the training job" : `fix its kind in release.artifacts, or ${rule.fix}`}`;
}
function guessKind(rel, detected) {
  const ext = path2.extname(rel).toLowerCase();
  if (ext === ".onnx") return "onnx";
  if (ext === ".pt" || ext === ".pth") return "torch";
  if (ext === ".pkl" || ext === ".pickle" || ext === ".joblib") return "pickle";
  if (detected === "lightgbm") return "lightgbm";
  if (ext === ".json" || detected === "json") return "json";
  if (detected === "pickle" || detected === "torch-legacy") return "pickle";
  if (detected === "zip" && ext === ".bin") return "torch";
  return "other";
}

// src/core/health/check-config.ts
async function checkConfig(ctx) {
  let listing;
  try {
    listing = await listBundle(ctx.root);
  } catch (error) {
    ctx.fatal = { check: "config", reason: "there is no bundle to check" };
    const message = errorMessage(error);
    return { status: "fail", message, problems: [{ severity: "error", message }] };
  }
  const files = listing.files.filter((f) => f.path !== ctx.manifestInBundle);
  ctx.files = files;
  ctx.special = listing.special;
  ctx.byPath = new Map(files.map((f) => [f.path, f]));
  if (files.length === 0) {
    ctx.fatal = { check: "config", reason: "the bundle is empty" };
    const message = `${ctx.bundle}: the bundle is empty (no model files); point the bundle input at the directory or .tar.gz the training job wrote`;
    return {
      status: "fail",
      message,
      problems: [{ severity: "error", message, file: ctx.tarball ?? ctx.bundle }]
    };
  }
  const heads = await mapLimit(
    files,
    8,
    async (f) => ctx.survey?.head(f.path, f.size) ?? readHead(f.absolute)
  );
  files.forEach((f, i) => ctx.heads.set(f.path, heads[i]));
  const problems = [];
  const rows = [];
  const declared = new Map(ctx.config.release.artifacts.map((a) => [a.path, a.kind]));
  for (const artifact of ctx.config.release.artifacts) {
    const file = ctx.byPath.get(artifact.path);
    if (!file) {
      const message = `${artifact.path}: listed in release.artifacts (${ctx.configFile}) with kind ${artifact.kind} but missing from the bundle; add it to the bundle or remove it from the config`;
      problems.push({ severity: "error", message, file: ctx.configFile });
      rows.push({ path: artifact.path, kind: artifact.kind, status: "missing", message });
      continue;
    }
    const mismatch = kindMismatch(artifact.kind, sniff(ctx.heads.get(file.path)));
    if (mismatch) {
      const message = `${artifact.path}: ${mismatch}`;
      problems.push(fileProblem(ctx, "error", file.path, message));
      rows.push({ path: artifact.path, kind: artifact.kind, size: file.size, status: "wrong kind", message });
    } else rows.push({ path: artifact.path, kind: artifact.kind, size: file.size, status: "ok" });
  }
  const unlisted = [];
  for (const file of files) {
    const kind = declared.get(file.path) ?? guessKind(file.path, sniff(ctx.heads.get(file.path)));
    ctx.kinds.set(file.path, kind);
    if (declared.has(file.path) || file.path === ctx.config.release.golden) continue;
    unlisted.push(file.path);
    const message = `${file.path}: in the bundle but not in release.artifacts (${ctx.configFile}); add it with its kind (checked as ${kind}) or leave it out of the bundle`;
    problems.push(fileProblem(ctx, "warning", file.path, message));
    rows.push({ path: file.path, kind, size: file.size, status: "unlisted", message });
  }
  const listed = ctx.config.release.artifacts.length;
  const missing = rows.filter((r) => r.status === "missing").length;
  const wrongKind = rows.filter((r) => r.status === "wrong kind").length;
  const details = { artifacts: rows, files: files.length, unlisted };
  if (missing || wrongKind) {
    const firstError = problems.find((p) => p.severity === "error");
    const counts = [missing ? `${missing} missing` : "", wrongKind ? `${wrongKind} of the wrong kind` : ""].filter(Boolean).join(", ");
    const more = missing + wrongKind > 1 ? ` (${counts} of ${listed} artifacts)` : "";
    const folder = commonFolder(
      files.map((f) => f.path),
      rows.filter((r) => r.status === "missing").map((r) => r.path)
    );
    const hint = folder ? `; the bundle's files are all under ${folder}/ (a tarball of the folder rather than of its contents?): pack it with tar -czf <name>.tar.gz -C ${folder} . or point the bundle input at ${folder}` : "";
    return { status: "fail", message: `${firstError.message}${more}${hint}`, details, problems };
  }
  const present = `${listed} of ${listed} artifacts present with their declared kinds`;
  if (unlisted.length)
    return {
      status: "warn",
      message: `${present}; ${plural(unlisted.length, "file")} not in release.artifacts: ${unlisted.join(", ")}`,
      details,
      problems
    };
  return { status: "pass", message: present, details };
}
function commonFolder(paths, missing) {
  const first = paths[0]?.split("/")[0];
  if (!first || !paths.every((p) => p.startsWith(`${first}/`))) return void 0;
  const inside = new Set(paths.map((p) => p.slice(first.length + 1)));
  return missing.some((m) => inside.has(m)) ? first : void 0;
}

// src/core/health/check-golden.ts
import { readFileSync } from "node:fs";

// src/core/golden.ts
import { readFile } from "node:fs/promises";
var GOLDEN_SCHEMA = "modelgate/golden@1";
var DEFAULT_TOLERANCE = { atol: 1e-5, rtol: 1e-4 };
var toleranceSchema = strictObject({
  atol: number().check(_nonnegative()),
  rtol: number().check(_nonnegative())
});
var tensorSchema = strictObject({
  dims: array(number().check(int(), _nonnegative())),
  data: array(number())
}).check(
  superRefine((t, ctx) => {
    const expected = t.dims.reduce((a, b) => a * b, 1);
    if (expected !== t.data.length)
      ctx.addIssue({
        code: "custom",
        path: ["data"],
        message: `expected ${expected} values for dims [${t.dims.join(", ")}], got ${t.data.length}`
      });
  })
);
var onnxEntrySchema = strictObject({
  inputs: record(string(), tensorSchema),
  outputs: record(string(), tensorSchema),
  tolerance: optional(toleranceSchema)
});
var treeEntrySchema = strictObject({
  rows: array(array(nullable(number())).check(_minLength(1))).check(_minLength(1)),
  outputs: array(array(number()).check(_minLength(1))).check(_minLength(1)),
  tolerance: optional(toleranceSchema)
}).check(
  superRefine((e, ctx) => {
    if (e.outputs.length !== e.rows.length)
      ctx.addIssue({
        code: "custom",
        path: ["outputs"],
        message: `expected one output per row (${e.rows.length}), got ${e.outputs.length}`
      });
    const width = e.rows[0]?.length ?? 0;
    e.rows.forEach((row, i) => {
      if (row.length !== width)
        ctx.addIssue({
          code: "custom",
          path: ["rows", i],
          message: `expected ${width} features like rows[0], got ${row.length}`
        });
    });
    const outWidth = e.outputs[0]?.length ?? 0;
    e.outputs.forEach((out, i) => {
      if (out.length !== outWidth)
        ctx.addIssue({
          code: "custom",
          path: ["outputs", i],
          message: `expected ${outWidth} values like outputs[0], got ${out.length}`
        });
    });
  })
);
var stackingSchema = strictObject({
  base_outputs: array(array(number()).check(_minLength(1))).check(_minLength(1)),
  outputs: array(number()).check(_minLength(1)),
  tolerance: optional(toleranceSchema)
}).check(
  superRefine((s, ctx) => {
    if (s.outputs.length !== s.base_outputs.length)
      ctx.addIssue({
        code: "custom",
        path: ["outputs"],
        message: `expected one probability per base_outputs row (${s.base_outputs.length}), got ${s.outputs.length}`
      });
    const width = s.base_outputs[0]?.length ?? 0;
    s.base_outputs.forEach((row, i) => {
      if (row.length !== width)
        ctx.addIssue({
          code: "custom",
          path: ["base_outputs", i],
          message: `expected ${width} base-model outputs like base_outputs[0], got ${row.length}`
        });
    });
  })
);
var inferenceSchema = looseObject({
  bull_prob: number().check(_gte(0), _lte(1)),
  regime: string().check(_minLength(1)),
  direction: string().check(_minLength(1))
});
var topSchema = strictObject({
  schema: literal(GOLDEN_SCHEMA),
  tolerance: _default(toleranceSchema, DEFAULT_TOLERANCE),
  models: _default(record(string().check(_minLength(1)), record(string(), unknown())), {}),
  stacking: optional(stackingSchema),
  inference: optional(inferenceSchema)
});
function parseGolden(text, file) {
  return goldenFromValue(parseJsonText(text, file).value, file, () => text);
}
function goldenFromValue(value, file, textOf) {
  const fail2 = (issue, schema, prefix = []) => {
    const path7 = [...prefix, ...issue.path];
    const where = issue.code === "unrecognized_keys" && issue.keys[0] ? [...path7, issue.keys[0]] : path7;
    const line = new LocatedDocument(textOf()).lineOf(where);
    const located = { ...issue, path: path7 };
    const message = issue.code === "custom" ? issue.message : issue.code === "invalid_value" && valueAt(value, path7) === void 0 ? `is required: expected ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}` : describeIssue(located, value, fieldsAt(schema, issue.path));
    throw new ModelgateError(`${file}:${line} ${dottedPath(where)}: ${message}`, "input", { file, line });
  };
  const top = topSchema.safeParse(value, PARSE_ONCE);
  if (!top.success) {
    fail2(top.error.issues[0], topSchema);
  }
  const parsed = top.data;
  const models = {};
  for (const [name, raw] of Object.entries(parsed.models)) {
    const tree = "rows" in raw;
    const schema = tree ? treeEntrySchema : onnxEntrySchema;
    if (!tree && !("inputs" in raw) && !("outputs" in raw)) {
      const line = new LocatedDocument(textOf()).lineOf(["models", name]);
      throw new ModelgateError(
        `${file}:${line} models.${name}: expected "inputs" and "outputs" (ONNX) or "rows" and "outputs" (LightGBM, XGBoost)`,
        "input",
        { file, line }
      );
    }
    const entry = schema.safeParse(raw, PARSE_ONCE);
    if (!entry.success) {
      fail2(entry.error.issues[0], schema, ["models", name]);
    }
    models[name] = tree ? { kind: "tree", ...entry.data } : { kind: "onnx", ...entry.data };
  }
  return { ...parsed, schema: GOLDEN_SCHEMA, models };
}
async function loadGolden(file, displayName = file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new ModelgateError(
      `${displayName}: cannot read golden vectors: ${error.code ?? error.message}`,
      "input",
      {
        file: displayName
      }
    );
  }
  return parseGolden(text, displayName);
}
function compareValues(actual, expected, tolerance) {
  let maxAbsDiff = 0;
  let mismatches = 0;
  let worst2;
  let worstExcess = -Infinity;
  const n = Math.min(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    const a = actual[i];
    const b = expected[i];
    const diff = Number.isFinite(a) ? Math.abs(a - b) : Number.POSITIVE_INFINITY;
    if (diff > maxAbsDiff) maxAbsDiff = diff;
    const allowed = tolerance.atol + tolerance.rtol * Math.abs(b);
    if (!(diff <= allowed)) {
      mismatches++;
      if (diff - allowed > worstExcess) {
        worstExcess = diff - allowed;
        worst2 = { index: i, actual: a, expected: b, allowed };
      }
    }
  }
  return { count: n, maxAbsDiff, mismatches, ...worst2 ? { worst: worst2 } : {} };
}

// src/core/models/onnx-runtime.ts
import { existsSync as existsSync2 } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
var SHIPPED_BINARIES = ["linux/x64", "linux/arm64"];
var loading;
function loadOrt() {
  loading ??= load().catch((error) => {
    loading = void 0;
    throw error;
  });
  return loading;
}
async function load() {
  process.env.ORT_DISABLE_TELEMETRY ??= "1";
  const vendored = ["./vendor/", "../healthcheck/vendor/"].map((dir) => new URL(`${dir}onnxruntime-node/dist/index.cjs`, import.meta.url)).find((url) => url.protocol === "file:" && existsSync2(fileURLToPath(url)));
  let loaded2;
  try {
    if (vendored) {
      const require2 = createRequire(import.meta.url);
      loaded2 = require2(fileURLToPath(vendored));
    } else {
      const specifier = "onnxruntime-node";
      loaded2 = await import(specifier);
    }
  } catch (error) {
    const where = `${process.platform}/${process.arch}`;
    const shipped = SHIPPED_BINARIES.includes(where);
    throw new ModelgateError(
      shipped ? `onnxruntime-node failed to load on ${where}: ${error.message}; reinstall it (npm ci) or use a runner image with glibc 2.28 or newer` : `onnxruntime-node cannot run on ${where}: only the linux x64 and linux arm64 binaries are shipped with the action; run the healthcheck on an ubuntu-latest (x64) or ubuntu-24.04-arm runner`,
      "runtime",
      {},
      { cause: error }
    );
  }
  return asOrtModule(loaded2);
}
function asOrtModule(loaded2) {
  const candidates = [loaded2, loaded2?.default];
  for (const candidate of candidates) {
    const m = candidate;
    if (m && typeof m.InferenceSession?.create === "function" && typeof m.Tensor === "function")
      return m;
  }
  throw new ModelgateError(
    "onnxruntime-node loaded but has no InferenceSession or Tensor: the vendored copy is broken; rebuild the action (npm run build)"
  );
}

// src/core/models/onnx.ts
var ZIPMAP_FIX = "re-export with skl2onnx options {'zipmap': False} so the probabilities are a plain tensor";
async function openOnnxModel(file, name, options = {}) {
  const ort = await loadOrt();
  const started = performance.now();
  let session;
  try {
    session = await ort.InferenceSession.create(file, {
      intraOpNumThreads: options.intraOpNumThreads ?? 1,
      interOpNumThreads: 1,
      executionMode: "sequential",
      graphOptimizationLevel: "all",
      logSeverityLevel: 3
    });
  } catch (error) {
    const why = firstLine(error);
    throw new ModelgateError(
      `${name}: onnxruntime cannot load the model: ${why}; ${/protobuf parsing failed/i.test(why) ? "the file is truncated or not an ONNX model: copy it again, or re-export it (torch.onnx.export)" : "re-export it with an opset and operators onnxruntime 1.30 supports"}`,
      "check",
      { file: name },
      { cause: error }
    );
  }
  const openMs = performance.now() - started;
  return {
    name,
    session,
    ort,
    openMs,
    inputs: session.inputMetadata.map(describeValue),
    outputs: session.outputMetadata.map(describeValue)
  };
}
function describeValue(meta) {
  if (!meta.isTensor) return { name: meta.name, tensor: false, type: "map/sequence", dims: [] };
  return { name: meta.name, tensor: true, type: meta.type, dims: [...meta.shape] };
}
function firstLine(error) {
  const text = error instanceof Error ? error.message : String(error);
  const line = (text.split("\n")[0] ?? text).trim();
  return line.replace(/^Load model from .* failed:\s*/, "").replace(/\.$/, "");
}
function formatDims(dims) {
  return `[${dims.join(", ")}]`;
}
function nonTensorOutputs(model) {
  return model.outputs.filter((o) => !o.tensor).map((o) => o.name);
}
var FLOAT_TYPES = /* @__PURE__ */ new Set(["float32", "float64"]);
function makeTensor(ort, type, values, dims, what) {
  let data;
  switch (type) {
    case "float32":
      data = Float32Array.from(values);
      break;
    case "float64":
      data = Float64Array.from(values);
      break;
    case "int32":
      data = Int32Array.from(values);
      break;
    case "int64":
      data = BigInt64Array.from(Array.from(values, (v) => BigInt(Math.trunc(v))));
      break;
    case "int8":
      data = Int8Array.from(values);
      break;
    case "uint8":
    case "bool":
      data = Uint8Array.from(values);
      break;
    case "int16":
      data = Int16Array.from(values);
      break;
    case "uint16":
      data = Uint16Array.from(values);
      break;
    case "uint32":
      data = Uint32Array.from(values);
      break;
    default:
      throw new ModelgateError(
        `${what}: input type ${type} is not supported by the healthcheck; use float32, float64 or integer inputs`,
        "check"
      );
  }
  return new ort.Tensor(type, data, dims);
}
function concreteDims(declared, given) {
  if (given) return [...given];
  return declared.map((d) => typeof d === "number" && d > 0 ? d : 1);
}
function smokeFeeds(model) {
  const feeds = {};
  for (const input of model.inputs) {
    if (!input.tensor)
      throw new ModelgateError(
        `${model.name}: input ${input.name} is not a tensor; the service feeds tensors: re-export with tensor inputs`,
        "check",
        {
          file: model.name
        }
      );
    const dims = concreteDims(input.dims);
    const size = dims.reduce((a, b) => a * b, 1);
    const values = new Float64Array(size);
    if (FLOAT_TYPES.has(input.type)) for (let i = 0; i < size; i++) values[i] = 0.5 * Math.sin(i + 1);
    feeds[input.name] = makeTensor(model.ort, input.type, values, dims, `${model.name} input ${input.name}`);
  }
  return feeds;
}
function feedsFrom(model, inputs, source) {
  const declared = new Map(model.inputs.map((i) => [i.name, i]));
  const given = Object.keys(inputs);
  const unknown2 = given.filter((n) => !declared.has(n));
  const missing = [...declared.keys()].filter((n) => !(n in inputs));
  if (unknown2.length || missing.length) {
    const quoted = (names) => names.map((n) => `"${n}"`).join(", ") || "(none)";
    throw new ModelgateError(
      `${source}: gives inputs ${quoted(given)} but the model takes ${quoted([...declared.keys()])}; regenerate golden.json from this export`,
      "check"
    );
  }
  const feeds = {};
  for (const [name, tensor] of Object.entries(inputs)) {
    const info = declared.get(name);
    const differs = info.dims.length > 0 && info.dims.length !== tensor.dims.length || info.dims.some((d, i) => typeof d === "number" && d > 0 && d !== tensor.dims[i]);
    if (differs)
      throw new ModelgateError(
        `${source}: input ${name} has dims ${formatDims(tensor.dims)} but the model declares ${formatDims(info.dims)}; regenerate golden.json from this export`,
        "check"
      );
    feeds[name] = makeTensor(model.ort, info.type, tensor.data, tensor.dims, `${source} input ${name}`);
  }
  return feeds;
}
function isTensor(value) {
  const v = value;
  return v !== null && typeof v === "object" && Array.isArray(v.dims) && v.data !== void 0 && typeof v.type === "string";
}
async function runOnnx(model, feeds) {
  const nonTensor = nonTensorOutputs(model);
  if (nonTensor.length)
    throw new ModelgateError(
      `${model.name}: output ${nonTensor.join(", ")} is a map or sequence (a ZipMap?), not a tensor; ${ZIPMAP_FIX}`,
      "check",
      {
        file: model.name
      }
    );
  let results;
  try {
    results = await model.session.run(feeds);
  } catch (error) {
    throw new ModelgateError(
      `${model.name}: inference failed: ${firstLine(error)}`,
      "check",
      { file: model.name },
      { cause: error }
    );
  }
  const outputs = [];
  for (const name of model.session.outputNames) {
    const value = results[name];
    if (!isTensor(value))
      throw new ModelgateError(`${model.name}: output ${name} is not a tensor; ${ZIPMAP_FIX}`, "check", {
        file: model.name
      });
    if (value.type === "string")
      throw new ModelgateError(
        `${model.name}: output ${name} is a string tensor; the service reads numeric outputs`,
        "check",
        { file: model.name }
      );
    const data = value.data;
    const doubles = new Float64Array(data.length);
    for (let i = 0; i < data.length; i++) doubles[i] = Number(data[i]);
    outputs.push({ name, type: value.type, dims: [...value.dims], data: doubles });
    value.dispose?.();
  }
  return outputs;
}
function nonFiniteOutputs(outputs) {
  const found = [];
  for (const out of outputs) {
    let count = 0;
    let first = -1;
    for (let i = 0; i < out.data.length; i++) {
      if (!Number.isFinite(out.data[i])) {
        if (first < 0) first = i;
        count++;
      }
    }
    if (count) found.push({ name: out.name, count, first, value: out.data[first] });
  }
  return found;
}
async function measureLatency(model, feeds, options = {}) {
  const warmup = options.warmup ?? 2;
  const runs = options.runs ?? 20;
  const budget = options.budgetMs ?? 25;
  for (let i = 0; i < warmup; i++) await model.session.run(feeds);
  const times = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await model.session.run(feeds);
    times.push(performance.now() - t0);
    if (times.length >= 5 && performance.now() - started > budget) break;
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const p50 = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  return { p50Ms: p50, minMs: times[0], runs: times.length };
}

// src/core/health/models.ts
function startModelLoads(ctx) {
  for (const file of ctx.files) treeModelFor(ctx, file.path);
}
function treeFileKind(ctx, rel) {
  const kind = ctx.kinds.get(rel);
  return kind === "lightgbm" || kind === "xgboost" ? kind : void 0;
}
function isTreeFile(ctx, rel) {
  return treeFileKind(ctx, rel) !== void 0;
}
function treeModel(ctx, rel, kind) {
  let loading2 = ctx.trees.get(rel);
  if (!loading2) {
    ctx.treePool ??= new TreePool();
    const file = ctx.byPath.get(rel);
    loading2 = ctx.treePool.load(file.absolute, kind, rel, file.size);
    loading2.catch(() => void 0);
    ctx.trees.set(rel, loading2);
  }
  return loading2;
}
function treeModelFor(ctx, rel) {
  const kind = treeFileKind(ctx, rel);
  return kind ? treeModel(ctx, rel, kind) : void 0;
}
function startOnnxLoads(ctx) {
  for (const file of ctx.files) if (ctx.kinds.get(file.path) === "onnx") onnxModel(ctx, file.path);
}
function onnxModel(ctx, rel) {
  let opening = ctx.onnx.get(rel);
  if (!opening) {
    opening = openOnnxModel(ctx.byPath.get(rel).absolute, rel);
    opening.catch(() => void 0);
    ctx.onnx.set(rel, opening);
  }
  return opening;
}

// src/core/health/stacking-meta.ts
import { readFile as readFile2 } from "node:fs/promises";
var metaSchema = looseObject({
  base_models: array(string().check(_minLength(1))).check(_minLength(1)),
  meta_learner: looseObject({
    type: literal("logistic"),
    coef: array(number()).check(_minLength(1)),
    intercept: number()
  })
});
function metaProbability(meta, baseOutputs) {
  const { coef, intercept } = meta.meta_learner;
  let z = intercept;
  for (let i = 0; i < coef.length; i++) z += coef[i] * baseOutputs[i];
  return 1 / (1 + Math.exp(-z));
}
async function stackingMetaOf(ctx) {
  const rel = ctx.config.release.stacking?.meta;
  if (!rel)
    throw new ModelgateError(
      `${ctx.configFile}: release.stacking is not set, so there is no stacking meta JSON to read`,
      "check"
    );
  const file = ctx.byPath.get(rel);
  if (!file)
    throw new ModelgateError(
      `${rel}: the stacking meta JSON (release.stacking.meta) is missing from the bundle`,
      "check",
      { file: rel }
    );
  let value = ctx.json.get(rel);
  let text;
  if (value === void 0) {
    text = await readFile2(file.absolute, "utf8");
    value = parseJsonText(text, rel).value;
    ctx.json.set(rel, value);
  }
  const parsed = metaSchema.safeParse(value, PARSE_ONCE);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const line = new LocatedDocument(text ?? await readFile2(file.absolute, "utf8")).lineOf(issue.path);
  throw new ModelgateError(
    `${rel}:${line} ${dottedPath(issue.path)}: ${describeIssue(issue, value)}`,
    "check",
    {
      file: rel,
      line
    }
  );
}

// src/core/health/check-golden.ts
var RECOMPUTED = /* @__PURE__ */ new Set(["onnx", "lightgbm", "xgboost"]);
function startGoldenEntries(ctx) {
  ctx.goldenEntries ??= compareGoldenEntries(ctx);
  return ctx.goldenEntries;
}
async function compareGoldenEntries(ctx) {
  const rel = ctx.config.release.golden;
  const file = ctx.byPath.get(rel);
  let golden;
  let unavailable;
  if (!file) {
    const listed = ctx.config.release.artifacts.some((a) => a.path === rel);
    unavailable = {
      status: listed ? "fail" : "warn",
      message: `${rel}: not in the bundle, so no output was compared with the training job's (smoke runs only); have the training job write it (design.md "Golden vectors")${listed ? "" : `, and list it in release.artifacts so that a bundle without it fails`}`
    };
  } else {
    try {
      const parsed = ctx.json.get(rel);
      golden = parsed === void 0 ? await loadGolden(file.absolute, rel) : goldenFromValue(parsed, rel, () => readFileSync(file.absolute, "utf8"));
      ctx.golden = golden;
    } catch (error) {
      ctx.goldenError = errorMessage(error);
      unavailable = { status: "fail", message: ctx.goldenError };
    }
  }
  const entries = golden?.models ?? {};
  const entryRow = async (name, entry) => {
    const tolerance = entry.tolerance ?? golden.tolerance;
    const kind = ctx.kinds.get(name) ?? "missing";
    const row = (status, message, cmp) => ({
      model: name,
      kind,
      golden: "entry",
      status,
      values: cmp?.count ?? 0,
      maxAbsDiff: cmp ? cmp.maxAbsDiff : null,
      tolerance,
      message
    });
    try {
      if (!ctx.byPath.has(name)) {
        return row(
          "fail",
          `${rel} models.${name}: no such file in the bundle; fix the name in ${rel} or add the file`
        );
      } else if (entry.kind === "onnx" && kind === "onnx") {
        return await compareOnnx(ctx, name, entry, tolerance, rel, row);
      } else if (entry.kind === "tree" && isTreeFile(ctx, name)) {
        return await compareTree(ctx, name, entry, tolerance, rel, row);
      } else if (!RECOMPUTED.has(kind)) {
        return row(
          "fail",
          `${rel} models.${name}: golden entries are recomputed for ONNX, LightGBM and XGBoost files, not ${kind}; give the entry to the model's ONNX export instead`
        );
      } else {
        const wanted = kind === "onnx" ? '"inputs" and "outputs" by name' : '"rows" and "outputs"';
        return row(
          "fail",
          `${rel} models.${name}: a ${kind} model needs ${wanted}; the entry has the other form`
        );
      }
    } catch (error) {
      const message = errorMessage(error);
      return row(
        "fail",
        message.startsWith(name) || message.startsWith(rel) ? message : `${name}: ${message}`
      );
    }
  };
  return {
    ...golden ? { golden } : {},
    ...unavailable ? { unavailable } : {},
    rows: await Promise.all(Object.entries(entries).map(([name, entry]) => entryRow(name, entry)))
  };
}
async function checkGolden(ctx) {
  const rel = ctx.config.release.golden;
  const file = ctx.byPath.get(rel);
  const rows = [];
  const problems = [];
  const { golden, unavailable, rows: entryRows } = await startGoldenEntries(ctx);
  const entries = golden?.models ?? {};
  if (unavailable)
    problems.push(
      fileProblem(
        ctx,
        unavailable.status === "fail" ? "error" : "warning",
        file ? rel : void 0,
        unavailable.message
      )
    );
  const smoked = ctx.files.filter((f) => RECOMPUTED.has(ctx.kinds.get(f.path)) && !(f.path in entries));
  const [stackingRow, smokeRows] = await Promise.all([
    golden?.stacking ? compareStacking(ctx, golden, rel) : void 0,
    Promise.all(smoked.map((f) => smokeRow(ctx, f.path, ctx.kinds.get(f.path))))
  ]);
  rows.push(...entryRows);
  if (stackingRow) rows.push(stackingRow);
  rows.push(...smokeRows);
  for (const r of rows)
    if (r.status === "fail")
      problems.push(fileProblem(ctx, "error", ctx.byPath.has(r.model) ? r.model : rel, r.message));
  const compared = rows.filter((r) => r.golden === "entry");
  const failed = rows.filter((r) => r.status === "fail");
  const noEntry = rows.filter((r) => r.golden === "none" && r.status !== "skip");
  const details = {
    golden: file ? rel : null,
    tolerance: golden?.tolerance ?? DEFAULT_TOLERANCE,
    models: rows
  };
  if (unavailable) {
    const status = unavailable.status === "fail" || failed.length ? "fail" : "warn";
    return { status, message: unavailable.message, details, problems };
  }
  if (failed.length) {
    const more = failed.length > 1 ? ` (and ${plural(failed.length - 1, "more model")} failed)` : "";
    return { status: "fail", message: `${failed[0].message}${more}`, details, problems };
  }
  const largest = compared.reduce(
    (a, r) => !a || (r.maxAbsDiff ?? 0) > (a.maxAbsDiff ?? 0) ? r : a,
    void 0
  );
  const summary = compared.length ? `${plural(compared.length, "golden entry", "golden entries")} reproduced (largest difference ${formatDiff(largest?.maxAbsDiff ?? 0)} in ${largest?.model})` : `${rel} has no model entries`;
  return {
    status: compared.length ? "pass" : "warn",
    message: noEntry.length ? `${summary}; ${plural(noEntry.length, "model")} without an entry got a smoke run: ${noEntry.map((r) => r.model).join(", ")}` : summary,
    details,
    ...problems.length ? { problems } : {}
  };
}
function formatDiff(diff) {
  if (!Number.isFinite(diff)) return String(diff);
  if (diff === 0) return "0";
  return diff.toExponential(1);
}
var REGENERATE = "regenerate golden.json in the training run that produced this file";
async function loaded(name, loading2) {
  try {
    return await loading2;
  } catch {
    throw new Error(`${name}: not compared with golden.json because the model does not load (see load)`);
  }
}
async function compareOnnx(ctx, name, entry, tolerance, rel, row) {
  const model = await loaded(name, onnxModel(ctx, name));
  const feeds = feedsFrom(model, entry.inputs, `${rel} models.${name}`);
  const outputs = await runOnnx(model, feeds);
  const byName = new Map(outputs.map((o) => [o.name, o]));
  let total = { count: 0, maxAbsDiff: 0, mismatches: 0 };
  let firstFailure;
  for (const [outName, expected] of Object.entries(entry.outputs)) {
    const actual = byName.get(outName);
    if (!actual)
      return row(
        "fail",
        `${rel} models.${name}.outputs.${outName}: the model has no such output (it has ${outputs.map((o) => o.name).join(", ")}); ${REGENERATE}`
      );
    if (actual.dims.join(",") !== expected.dims.join(","))
      return row(
        "fail",
        `${name}: output ${outName} has dims ${formatDims(actual.dims)} but ${rel} expects ${formatDims(expected.dims)}; ${REGENERATE}`
      );
    const cmp = compareValues(actual.data, expected.data, tolerance);
    if (cmp.worst && !firstFailure)
      firstFailure = mismatchMessage(
        name,
        `output ${outName}[${unravel(cmp.worst.index, expected.dims).join(", ")}]`,
        cmp,
        tolerance,
        rel,
        "the ONNX export no longer matches the model that wrote golden.json: re-export it and regenerate golden.json together"
      );
    total = {
      count: total.count + cmp.count,
      maxAbsDiff: Math.max(total.maxAbsDiff, cmp.maxAbsDiff),
      mismatches: total.mismatches + cmp.mismatches
    };
  }
  if (firstFailure) return row("fail", firstFailure, total);
  return row("pass", `${plural(total.count, "value")} within tolerance`, total);
}
async function compareTree(ctx, name, entry, tolerance, rel, row) {
  const model = await loaded(name, treeModelFor(ctx, name));
  const predicted = await model.predict(entry.rows);
  const actual = [];
  const expected = [];
  const rowOf = [];
  predicted.forEach((out, i) => {
    const want = entry.outputs[i];
    if (out.length !== want.length)
      throw new Error(
        `${name}: predicts ${plural(out.length, "value")} per row but ${rel} models.${name}.outputs[${i}] has ${want.length}; ${REGENERATE}`
      );
    for (let j = 0; j < out.length; j++) {
      actual.push(out[j]);
      expected.push(want[j]);
      rowOf.push(i);
    }
  });
  const cmp = compareValues(actual, expected, tolerance);
  if (cmp.worst) {
    const at = `row ${rowOf[cmp.worst.index]}`;
    return row(
      "fail",
      mismatchMessage(
        name,
        at,
        cmp,
        tolerance,
        rel,
        "the model differs from the one that wrote golden.json (edited by hand, or from another training run): restore it from the training job"
      ),
      cmp
    );
  }
  return row("pass", `${plural(entry.rows.length, "row")} within tolerance`, cmp);
}
async function compareStacking(ctx, golden, rel) {
  const stacking = golden.stacking;
  const tolerance = stacking.tolerance ?? golden.tolerance;
  const metaRel = ctx.config.release.stacking?.meta ?? "(release.stacking.meta)";
  const base = {
    model: metaRel,
    kind: "stacking",
    golden: "entry",
    status: "fail",
    values: 0,
    maxAbsDiff: null,
    tolerance,
    message: ""
  };
  try {
    if (!ctx.config.release.stacking)
      return {
        ...base,
        message: `${rel} has a stacking entry but ${ctx.configFile} has no release.stacking; add it (meta, learner, base)`
      };
    const meta = await stackingMetaOf(ctx);
    const width = stacking.base_outputs[0].length;
    if (meta.meta_learner.coef.length !== width)
      return {
        ...base,
        message: `${metaRel}: meta_learner.coef has ${plural(meta.meta_learner.coef.length, "coefficient")} but ${rel} stacking.base_outputs rows have ${plural(width, "column")}; the meta JSON and golden.json come from different runs`
      };
    const actual = stacking.base_outputs.map((r) => metaProbability(meta, r));
    const cmp = compareValues(actual, stacking.outputs, tolerance);
    if (cmp.worst)
      return {
        ...base,
        values: cmp.count,
        maxAbsDiff: cmp.maxAbsDiff,
        message: mismatchMessage(
          metaRel,
          `meta-learner probability for stacking row ${cmp.worst.index}`,
          cmp,
          tolerance,
          rel,
          "its meta_learner coefficients or intercept differ from the learner that wrote golden.json: restore the file from the training job"
        )
      };
    return {
      ...base,
      status: "pass",
      values: cmp.count,
      maxAbsDiff: cmp.maxAbsDiff,
      message: `${plural(cmp.count, "probability", "probabilities")} within tolerance`
    };
  } catch (error) {
    return { ...base, message: errorMessage(error) };
  }
}
function mismatchMessage(name, what, cmp, tol, rel, why) {
  const w = cmp.worst;
  const others = cmp.mismatches > 1 ? `; ${cmp.mismatches} of ${cmp.count} values are beyond tolerance` : "";
  return `${name}: ${what} is ${fmt(w.actual)} but ${rel} has ${fmt(w.expected)} (difference ${formatDiff(Math.abs(w.actual - w.expected))}, allowed ${formatDiff(w.allowed)} by ${formatTolerance(tol)})${others}: ${why}`;
}
function unravel(index, dims) {
  const out = [];
  let rest = index;
  for (let i = dims.length - 1; i >= 0; i--) {
    const d = dims[i] || 1;
    out.unshift(rest % d);
    rest = Math.floor(rest / d);
  }
  return out.length ? out : [index];
}
function formatTolerance(tol) {
  const f = (v) => v !== 0 && Math.abs(v) < 1e-3 ? v.toExponential().replace(/\.?0*e/, "e") : String(v);
  return `atol ${f(tol.atol)}, rtol ${f(tol.rtol)}`;
}
function fmt(v) {
  return Number.isFinite(v) ? String(Number(v.toPrecision(7))) : String(v);
}
async function smokeRow(ctx, rel, kind) {
  const row = (status, message) => ({
    model: rel,
    kind,
    golden: "none",
    status,
    values: 0,
    maxAbsDiff: null,
    message
  });
  if (ctx.loadFailures.has(rel))
    return row("skip", "no golden entry, and no smoke run: the model does not load (see load)");
  try {
    if (kind === "onnx") {
      const model2 = await onnxModel(ctx, rel);
      const outputs = await runOnnx(model2, smokeFeeds(model2));
      const bad = nonFiniteOutputs(outputs);
      if (bad.length)
        return row(
          "fail",
          `${rel}: no golden entry, and its smoke run gives non-finite values in output ${bad[0].name}`
        );
      return row("pass", "no golden entry: smoke run on inputs of the declared shapes, outputs finite");
    }
    const model = await treeModelFor(ctx, rel);
    const [out = []] = await model.predict([new Array(model.info.features).fill(0)]);
    if (out.some((v) => !Number.isFinite(v)))
      return row("fail", `${rel}: no golden entry, and a row of zeros predicts a non-finite value`);
    return row("pass", "no golden entry: smoke run on a row of zeros, outputs finite");
  } catch (error) {
    const message = errorMessage(error);
    return row(
      "fail",
      `${message.startsWith(rel) ? "" : `${rel}: `}${message} (no golden entry; smoke run failed)`
    );
  }
}

// src/core/health/check-inference.ts
var PRINTED = 5e-4;
async function checkInference(ctx) {
  const golden = ctx.golden;
  if (!golden) {
    return {
      status: ctx.goldenError ? "fail" : "skip",
      message: ctx.goldenError ? `no inference result: ${ctx.goldenError}` : `no ${ctx.config.release.golden} in the bundle, so no inference result to show`
    };
  }
  const inference = golden.inference;
  if (!inference)
    return {
      status: "warn",
      message: `${ctx.config.release.golden} has no inference entry; have the training job record its end-to-end result (bull_prob, regime, direction)`
    };
  const shown = `bull_prob ${inference.bull_prob}, regime ${inference.regime}, direction ${inference.direction}`;
  if (ctx.failed.length > 0)
    return {
      status: "skip",
      message: `not shown as a result: ${ctx.failed.join(", ")} failed, so this bundle does not reproduce the recorded ${shown}`
    };
  ctx.inference = {
    bull_prob: inference.bull_prob,
    regime: inference.regime,
    direction: inference.direction
  };
  const details = { ...inference };
  if (golden.stacking && ctx.config.release.stacking) {
    try {
      const meta = await stackingMetaOf(ctx);
      const last = golden.stacking.base_outputs[golden.stacking.base_outputs.length - 1];
      if (meta.meta_learner.coef.length === last.length) {
        const recomputed = metaProbability(meta, last);
        details.recomputed_bull_prob = recomputed;
        if (Math.abs(recomputed - inference.bull_prob) > PRINTED + 1e-9)
          return {
            status: "warn",
            message: `${shown}; but the meta-learner gives ${recomputed.toFixed(4)} for the latest bar (last stacking row of ${ctx.config.release.golden}): the printed result and the stacking disagree`,
            details
          };
      }
    } catch (error) {
      details.cross_check = errorMessage(error);
    }
  }
  return { status: "pass", message: shown, details };
}

// src/core/health/check-integrity.ts
import { readFile as readFile3 } from "node:fs/promises";
import path3 from "node:path";
var HASH_CONCURRENCY = 4;
async function hashBundle(ctx) {
  let surveyed = 0;
  const hashes = await mapLimit(ctx.files, HASH_CONCURRENCY, async (file) => {
    const early = await ctx.survey?.sha256(file.path, file.size)?.catch(() => void 0);
    if (early) {
      surveyed++;
      return early;
    }
    return (await hashBundleFile(file)).sha256;
  });
  ctx.files.forEach((f, i) => ctx.sha256.set(f.path, hashes[i]));
  return surveyed;
}
async function checkIntegrity(ctx) {
  const [hashedEarly, manifestResult] = await Promise.all([hashBundle(ctx), readManifest(ctx)]);
  const bytes = ctx.files.reduce((sum, f) => sum + f.size, 0);
  const counted = `${plural(ctx.files.length, "file")}, ${formatSize(bytes)}`;
  const fileRows = ctx.files.map((f) => ({ path: f.path, size: f.size, sha256: ctx.sha256.get(f.path) }));
  if (!manifestResult) {
    return {
      status: "pass",
      message: `${counted}; no manifest, so sizes and hashes were recorded but not compared`,
      details: { files: fileRows, bytes, hashedEarly, manifest: null }
    };
  }
  if ("error" in manifestResult) {
    const message = manifestResult.error;
    return {
      status: "fail",
      message,
      details: { files: fileRows, bytes, hashedEarly, manifest: ctx.manifest },
      problems: [{ severity: "error", message, file: annotationPath(ctx, ctx.manifestInBundle) }]
    };
  }
  const manifest = manifestResult.manifest;
  const manifestName = manifestDisplayName(ctx);
  const problems = [];
  const mismatches = [];
  const expected = new Map(manifest.files.map((f) => [f.path, f]));
  for (const file of ctx.files) {
    const entry = expected.get(file.path);
    if (!entry) {
      const message = `${file.path}: in the bundle but not in ${manifestName}; the bundle changed after packaging: re-run modelgate package, or remove the file`;
      problems.push(fileProblem(ctx, "error", file.path, message));
      mismatches.push({ path: file.path, problem: "extra" });
      continue;
    }
    const sha = ctx.sha256.get(file.path);
    if (entry.size !== file.size) {
      const message = `${file.path}: size ${file.size} bytes, ${manifestName} says ${entry.size}; the file is truncated or was replaced: copy it again or re-run modelgate package`;
      problems.push(fileProblem(ctx, "error", file.path, message));
      mismatches.push({ path: file.path, problem: "size", expected: entry.size, actual: file.size });
    } else if (entry.sha256 !== sha) {
      const message = `${file.path}: sha256 ${sha.slice(0, 12)}\u2026 does not match ${manifestName} (${entry.sha256.slice(0, 12)}\u2026) although the size matches: the file is corrupted (a flipped byte?) or was edited after packaging`;
      problems.push(fileProblem(ctx, "error", file.path, message));
      mismatches.push({ path: file.path, problem: "sha256", expected: entry.sha256, actual: sha });
    }
  }
  for (const entry of manifest.files) {
    if (ctx.byPath.has(entry.path) || entry.path === ctx.manifestInBundle) continue;
    const message = `${entry.path}: listed in ${manifestName} but missing from the bundle; copy it again from the release`;
    problems.push({ severity: "error", message, file: annotationPath(ctx, ctx.manifestInBundle) });
    mismatches.push({ path: entry.path, problem: "missing", expected: entry.sha256 });
  }
  const details = { files: fileRows, bytes, hashedEarly, manifest: manifestName, mismatches };
  if (problems.length) {
    const first = problems[0].message;
    return {
      status: "fail",
      message: problems.length > 1 ? `${first} (and ${plural(problems.length - 1, "more mismatch", "more mismatches")})` : first,
      details,
      problems
    };
  }
  return { status: "pass", message: `${counted}; every size and sha256 matches ${manifestName}`, details };
}
function manifestDisplayName(ctx) {
  if (ctx.manifestInBundle) return ctx.manifestInBundle;
  return ctx.manifest ? path3.basename(ctx.manifest) : "the manifest";
}
async function readManifest(ctx) {
  if (!ctx.manifest) return void 0;
  const name = ctx.manifestInBundle && ctx.tarball ? `${path3.basename(ctx.tarball)}:${ctx.manifestInBundle}` : ctx.manifest;
  let text;
  try {
    text = await readFile3(ctx.manifest, "utf8");
  } catch (error) {
    const code2 = error.code;
    return {
      error: `${name}: cannot read the manifest (${code2 ?? error.message}); pass the manifest input, or leave it out to check without one`
    };
  }
  try {
    return { manifest: parseManifest(text, name) };
  } catch (error) {
    return { error: errorMessage(error) };
  }
}

// src/core/health/check-load.ts
import { readFile as readFile4 } from "node:fs/promises";

// src/core/models/torch.ts
import { open as open3 } from "node:fs/promises";
import path4 from "node:path";

// src/core/bundle/zip.ts
import { open as open2 } from "node:fs/promises";
import zlib from "node:zlib";
var EOCD_SIG = 101010256;
var ZIP64_LOCATOR_SIG = 117853008;
var ZIP64_EOCD_SIG = 101075792;
var CENTRAL_SIG = 33639248;
var LOCAL_SIG = 67324752;
var MAX_CENTRAL_DIRECTORY = 64 * 1024 * 1024;
var MAX_ENTRIES = 1e6;
function hasZipMagic(head) {
  return head.length >= 4 && head[0] === 80 && head[1] === 75 && (head[2] === 3 && head[3] === 4 || head[2] === 5 && head[3] === 6);
}
var crcTable;
function crc32(data) {
  const native = zlib.crc32;
  if (typeof native === "function") return native(data) >>> 0;
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c2 = n;
      for (let k = 0; k < 8; k++) c2 = c2 & 1 ? 3988292384 ^ c2 >>> 1 : c2 >>> 1;
      crcTable[n] = c2 >>> 0;
    }
  }
  let c = 4294967295;
  for (const b of data) c = crcTable[(c ^ b) & 255] ^ c >>> 8;
  return (c ^ 4294967295) >>> 0;
}
function u64(buf, at) {
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) return Number.POSITIVE_INFINITY;
  return Number(v);
}
var ZipReader = class _ZipReader {
  constructor(handle, displayName, fileSize, entries) {
    this.handle = handle;
    this.displayName = displayName;
    this.fileSize = fileSize;
    this.entries = entries;
  }
  handle;
  displayName;
  fileSize;
  entries;
  /** The numeric descriptor, for synchronous windowed reads of stored entries. */
  get fd() {
    return this.handle.fd;
  }
  static fail(displayName, message) {
    return new ModelgateError(`${displayName}: ${message}`, "check", { file: displayName });
  }
  fail(message) {
    return _ZipReader.fail(this.displayName, message);
  }
  /** Opens `file` and reads its central directory. Close the reader when done. */
  static async open(file, displayName = file) {
    const handle = await open2(file, "r");
    try {
      const { size } = await handle.stat();
      const entries = await _ZipReader.readDirectory(handle, size, displayName);
      return new _ZipReader(handle, displayName, size, entries);
    } catch (e) {
      await handle.close();
      throw e;
    }
  }
  static async readAt(handle, offset, length) {
    const buf = Buffer.alloc(length);
    let got = 0;
    while (got < length) {
      const { bytesRead } = await handle.read(buf, got, length - got, offset + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return buf.subarray(0, got);
  }
  static async readDirectory(handle, size, displayName) {
    const fail2 = (m) => _ZipReader.fail(displayName, m);
    const tailLength = Math.min(size, 22 + 65535);
    const tail2 = await _ZipReader.readAt(handle, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail2.length - 22; i >= 0; i--) {
      if (tail2.readUInt32LE(i) === EOCD_SIG && i + 22 + tail2.readUInt16LE(i + 20) <= tail2.length) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0)
      throw fail2(
        "not a readable zip archive (no end-of-central-directory record); the file is truncated or not a zip"
      );
    let count = tail2.readUInt16LE(eocd + 10);
    let cdSize = tail2.readUInt32LE(eocd + 12);
    let cdOffset = tail2.readUInt32LE(eocd + 16);
    if (count === 65535 || cdSize === 4294967295 || cdOffset === 4294967295) {
      const locatorAt = size - tailLength + eocd - 20;
      const locator = locatorAt >= 0 ? await _ZipReader.readAt(handle, locatorAt, 20) : Buffer.alloc(0);
      if (locator.length === 20 && locator.readUInt32LE(0) === ZIP64_LOCATOR_SIG) {
        const recordAt = u64(locator, 8);
        const record2 = recordAt + 56 <= size ? await _ZipReader.readAt(handle, recordAt, 56) : Buffer.alloc(0);
        if (record2.length < 56 || record2.readUInt32LE(0) !== ZIP64_EOCD_SIG)
          throw fail2("broken ZIP64 end-of-central-directory record");
        count = u64(record2, 32);
        cdSize = u64(record2, 40);
        cdOffset = u64(record2, 48);
      }
    }
    if (count > MAX_ENTRIES)
      throw fail2(`zip lists ${count} entries; more than ${MAX_ENTRIES} is not a model archive`);
    if (cdSize > MAX_CENTRAL_DIRECTORY)
      throw fail2(`zip central directory of ${cdSize} bytes is larger than ${MAX_CENTRAL_DIRECTORY}`);
    if (cdOffset + cdSize > size)
      throw fail2("zip central directory lies past the end of the file (truncated?)");
    const cd = await _ZipReader.readAt(handle, cdOffset, cdSize);
    const entries = [];
    let at = 0;
    for (let n = 0; n < count; n++) {
      if (at + 46 > cd.length || cd.readUInt32LE(at) !== CENTRAL_SIG)
        throw fail2(`zip central directory entry ${n + 1} is damaged`);
      const flags = cd.readUInt16LE(at + 8);
      const method = cd.readUInt16LE(at + 10);
      const crc = cd.readUInt32LE(at + 16);
      let compressedSize = cd.readUInt32LE(at + 20);
      let usize = cd.readUInt32LE(at + 24);
      const nameLen = cd.readUInt16LE(at + 28);
      const extraLen = cd.readUInt16LE(at + 30);
      const commentLen = cd.readUInt16LE(at + 32);
      let localHeaderOffset = cd.readUInt32LE(at + 42);
      const end = at + 46 + nameLen + extraLen + commentLen;
      if (end > cd.length) throw fail2(`zip central directory entry ${n + 1} is damaged`);
      const rawName = cd.subarray(at + 46, at + 46 + nameLen);
      const name = flags & 2048 ? rawName.toString("utf8") : rawName.toString("latin1");
      const extra = cd.subarray(at + 46 + nameLen, at + 46 + nameLen + extraLen);
      for (let e = 0; e + 4 <= extra.length; ) {
        const id = extra.readUInt16LE(e);
        const len = extra.readUInt16LE(e + 2);
        if (id === 1) {
          let p = e + 4;
          const take = () => {
            if (p + 8 > e + 4 + len || p + 8 > extra.length)
              throw fail2(`zip entry ${name} has a short ZIP64 extra field`);
            const v = u64(extra, p);
            p += 8;
            return v;
          };
          if (usize === 4294967295) usize = take();
          if (compressedSize === 4294967295) compressedSize = take();
          if (localHeaderOffset === 4294967295) localHeaderOffset = take();
        }
        e += 4 + len;
      }
      entries.push({ name, method, flags, crc32: crc, compressedSize, size: usize, localHeaderOffset });
      at = end;
    }
    return entries;
  }
  find(name) {
    return this.entries.find((e) => e.name === name);
  }
  /** Absolute `[start, end)` of an entry's (possibly compressed) data in the file. */
  async dataRange(entry) {
    const header = await _ZipReader.readAt(this.handle, entry.localHeaderOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIG)
      throw this.fail(`zip entry ${entry.name} has no local header where the directory says`);
    const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const end = start + entry.compressedSize;
    if (end > this.fileSize)
      throw this.fail(`zip entry ${entry.name} runs past the end of the file (truncated?)`);
    return { start, end };
  }
  checkReadable(entry) {
    if (entry.flags & 1) throw this.fail(`zip entry ${entry.name} is encrypted`);
    if (entry.method !== 0 && entry.method !== 8)
      throw this.fail(
        `zip entry ${entry.name} uses compression method ${entry.method}; only stored and deflate are read`
      );
  }
  /** The whole uncompressed entry, refused past `maxBytes`; the CRC is checked. */
  async read(entry, maxBytes) {
    this.checkReadable(entry);
    if (entry.size > maxBytes)
      throw this.fail(
        `zip entry ${entry.name} is ${entry.size} bytes, more than the ${maxBytes} this reader accepts`
      );
    const { start, end } = await this.dataRange(entry);
    const raw = await _ZipReader.readAt(this.handle, start, end - start);
    let data;
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size)
        throw this.fail(`zip entry ${entry.name} is stored but its sizes differ`);
      data = raw;
    } else {
      try {
        data = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
      } catch (e) {
        throw this.fail(
          `zip entry ${entry.name} does not inflate to its ${entry.size} bytes: ${e instanceof Error ? e.message : String(e)}`
        );
      }
    }
    if (data.length !== entry.size)
      throw this.fail(`zip entry ${entry.name} holds ${data.length} bytes, the directory says ${entry.size}`);
    if (crc32(data) !== entry.crc32)
      throw this.fail(`zip entry ${entry.name} fails its CRC-32 check (corrupted)`);
    return data;
  }
  /** Up to `n` leading bytes of the uncompressed entry (for sniffing its format); no CRC check. */
  async readPrefix(entry, n) {
    this.checkReadable(entry);
    const { start, end } = await this.dataRange(entry);
    if (entry.method === 0) return _ZipReader.readAt(this.handle, start, Math.min(n, end - start));
    const raw = await _ZipReader.readAt(this.handle, start, Math.min(end - start, 16 * 1024));
    try {
      const out = zlib.inflateRawSync(raw, {
        finishFlush: zlib.constants.Z_SYNC_FLUSH,
        maxOutputLength: 32 * 1024 * 1024
      });
      return out.subarray(0, n);
    } catch {
      return Buffer.alloc(0);
    }
  }
  async close() {
    await this.handle.close();
  }
};

// src/core/safety/pickle.ts
import { readSync } from "node:fs";
var MAX_KEPT_ITEMS = 65536;
var MAX_KEPT_TEXT = 64 * 1024;
var MAX_INT_DIGITS = 4300;
function isObj(v) {
  return typeof v === "object" && v !== null;
}
function describe(v) {
  if (v === null) return "None";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  if (typeof v === "boolean") return v ? "True" : "False";
  switch (v.t) {
    case "opaque":
      return v.what;
    case "global":
      return `${v.module}.${v.name}`;
    default:
      return `<${v.t}>`;
  }
}
function keep(owner, list, item) {
  if (list.length < MAX_KEPT_ITEMS) list.push(item);
  else owner.dropped++;
}
var CUT = Object.freeze({ cut: true });
function plainValue(v, budget = { nodes: 2e5 }, depth = 0) {
  if (!isObj(v)) return v;
  if (depth > 8 || --budget.nodes < 0) return CUT;
  switch (v.t) {
    case "bytes":
      return { bytes: v.length };
    case "list":
    case "tuple":
    case "set":
    case "frozenset":
      return v.dropped ? [...v.items.map((x) => plainValue(x, budget, depth + 1)), CUT] : v.items.map((x) => plainValue(x, budget, depth + 1));
    case "dict": {
      const out = {};
      for (const [k, val] of v.entries) out[describe(k)] = plainValue(val, budget, depth + 1);
      return out;
    }
    case "global":
      return { module: v.module, name: v.name };
    case "object":
      return { call: plainValue(v.callable, budget, depth + 1), args: plainValue(v.args, budget, depth + 1) };
    case "persistent":
      return { persistent: plainValue(v.id, budget, depth + 1) };
    case "opaque":
      return { opaque: v.what };
  }
}
var Fault = class extends Error {
  constructor(message, at, truncated = false) {
    super(message);
    this.at = at;
    this.truncated = truncated;
  }
  at;
  truncated;
};
var Shrunk = class extends Fault {
  constructor(at) {
    super(`cannot read past offset ${at}: the file is shorter than it was`, at, true);
  }
};
var ByteSource = class _ByteSource {
  constructor(fd, buf, pos, end) {
    this.fd = fd;
    this.pos = pos;
    this.end = end;
    this.buf = buf;
    this.bufStart = pos;
    this.bufLen = fd < 0 ? buf.length : 0;
  }
  fd;
  pos;
  end;
  /** The window holds bytes [bufStart, bufStart + bufLen) of the range. */
  buf;
  bufStart;
  bufLen;
  /** The largest `n` `fill` accepts. */
  get window() {
    return this.buf.length;
  }
  static memory(data) {
    return new _ByteSource(-1, data, 0, data.length);
  }
  static file(fd, start, end, window) {
    return new _ByteSource(fd, Buffer.allocUnsafe(Math.max(1, Math.min(window, end - start))), start, end);
  }
  /** Makes `[pos, pos + n)` addressable in `buf` at `pos - bufStart` (n must be at most `window`). */
  fill(n) {
    if (this.fd < 0) return;
    const want = Math.min(n, this.end - this.pos);
    if (this.pos >= this.bufStart && this.pos + want <= this.bufStart + this.bufLen) return;
    let len = 0;
    const wanted = Math.min(this.window, this.end - this.pos);
    while (len < wanted) {
      const got = readSync(this.fd, this.buf, len, wanted - len, this.pos + len);
      if (got === 0) break;
      len += got;
    }
    this.bufStart = this.pos;
    this.bufLen = len;
    if (len < want) throw new Shrunk(this.pos + len);
  }
};
var latin1 = new TextDecoder("latin1");
var utf8Strict = new TextDecoder("utf-8", { fatal: true });
var utf8Loose = new TextDecoder("utf-8");
var Reader = class {
  constructor(src) {
    this.src = src;
  }
  src;
  get pos() {
    return this.src.pos;
  }
  get remaining() {
    return this.src.end - this.src.pos;
  }
  need(n, what) {
    if (!Number.isFinite(n))
      throw new Fault(`${what} at offset ${this.src.pos} announces a length past 2^53`, this.src.pos, true);
    if (n > this.remaining) {
      throw new Fault(
        `${what} needs ${n} bytes at offset ${this.src.pos}, only ${this.remaining} remain`,
        this.src.pos,
        true
      );
    }
  }
  /** Up to `n` (small) bytes, as a view valid until the next read. */
  fixed(n, what) {
    this.need(n, what);
    const src = this.src;
    src.fill(n);
    const at = src.pos - src.bufStart;
    src.pos += n;
    return src.buf.subarray(at, at + n);
  }
  /** One byte, without the view `fixed` makes: most opcodes and arguments are one byte. */
  byte(what) {
    this.need(1, what);
    const src = this.src;
    src.fill(1);
    return src.buf[src.pos++ - src.bufStart];
  }
  /** A payload of `n` bytes: a copy when at most `keep`, else skipped without reading. */
  payload(n, keep2, what) {
    this.need(n, what);
    if (n > keep2) {
      this.src.pos += n;
      return void 0;
    }
    const out = new Uint8Array(n);
    for (let done = 0; done < n; ) {
      const step = Math.min(n - done, this.src.window);
      out.set(this.fixed(step, what), done);
      done += step;
    }
    return out;
  }
  /** Bytes up to the next `\n` (consumed, not returned); undefined content past `keep`. */
  line(keep2, what) {
    const start = this.src.pos;
    let scanned = 0;
    let kept = [];
    let keptLen = 0;
    for (; ; ) {
      if (start + scanned >= this.src.end) {
        this.src.pos = start;
        throw new Fault(`${what} at offset ${start - 1} has no terminating newline`, start, true);
      }
      this.src.pos = start + scanned;
      this.src.fill(1);
      const buf = this.src.buf.subarray(0, this.src.bufLen);
      const at = this.src.pos - this.src.bufStart;
      const chunkEnd = Math.min(buf.length, at + (this.src.end - this.src.pos));
      const nl = buf.indexOf(10, at);
      const stop = nl >= 0 && nl < chunkEnd ? nl : chunkEnd;
      const chunk = buf.subarray(at, stop);
      if (kept) {
        if (keptLen + chunk.length <= keep2) {
          kept.push(new Uint8Array(chunk));
          keptLen += chunk.length;
        } else kept = void 0;
      }
      scanned += chunk.length;
      if (nl >= 0 && nl < chunkEnd) {
        this.src.pos = start + scanned + 1;
        return { bytes: kept ? concat(kept, keptLen) : void 0, length: scanned };
      }
      if (chunk.length === 0) {
        this.src.pos = start;
        throw new Fault(`${what} at offset ${start - 1}: cannot read further`, start, true);
      }
    }
  }
};
function concat(parts, length) {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
function u16(b) {
  return b[0] | b[1] << 8;
}
function u32(b) {
  return (b[0] | b[1] << 8 | b[2] << 16) + b[3] * 16777216;
}
function i32(b) {
  return b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24;
}
function u642(b) {
  const lo = u32(b);
  const hi = u32(b.subarray(4));
  if (hi >= 2097152) return Infinity;
  return hi * 4294967296 + lo;
}
function signedLittleEndian(bytes) {
  if (bytes.length === 0) return 0;
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) value = value << 8n | BigInt(bytes[i]);
  if ((bytes[bytes.length - 1] & 128) !== 0) value -= 1n << BigInt(bytes.length * 8);
  return Number.isSafeInteger(Number(value)) ? Number(value) : value;
}
function decodeUtf8(bytes, what, at) {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    if (validUtf8WithSurrogates(bytes)) return utf8Loose.decode(bytes);
    throw new Fault(`${what} at offset ${at} is not valid UTF-8`, at);
  }
}
function validUtf8WithSurrogates(b) {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n;
    let min;
    if (c < 128) {
      i++;
      continue;
    } else if (c >= 194 && c <= 223) [n, min] = [1, 128];
    else if (c >= 224 && c <= 239) [n, min] = [2, 2048];
    else if (c >= 240 && c <= 244) [n, min] = [3, 65536];
    else return false;
    let cp = c & 63 >> n;
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === void 0 || (cc & 192) !== 128) return false;
      cp = cp << 6 | cc & 63;
    }
    if (cp < min || cp > 1114111) return false;
    i += n + 1;
  }
  return true;
}
function escapeDecode(s, at) {
  const out = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== 92 || i + 1 >= s.length) {
      if (c === 92) throw new Fault(`STRING at offset ${at} ends with a lone backslash`, at);
      out.push(c);
      continue;
    }
    const e = s[++i];
    const simple = {
      92: 92,
      39: 39,
      34: 34,
      97: 7,
      98: 8,
      102: 12,
      110: 10,
      114: 13,
      116: 9,
      118: 11
    };
    const mapped = simple[e];
    if (mapped !== void 0) out.push(mapped);
    else if (e === 10) continue;
    else if (e >= 48 && e <= 55) {
      let v = e - 48;
      for (let k = 0; k < 2 && i + 1 < s.length && s[i + 1] >= 48 && s[i + 1] <= 55; k++) {
        v = v * 8 + (s[++i] - 48);
      }
      out.push(v & 255);
    } else if (e === 120) {
      const hex = latin1.decode(s.subarray(i + 1, i + 3));
      if (!/^[0-9a-fA-F]{2}$/.test(hex))
        throw new Fault(`STRING at offset ${at} has an invalid \\x escape`, at);
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(92, e);
  }
  return Uint8Array.from(out);
}
function rawUnicodeEscape(s, at) {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === 92 && i + 1 < s.length && (s[i + 1] === 117 || s[i + 1] === 85)) {
      let run = 0;
      for (let k = i; k >= 0 && s[k] === 92; k--) run++;
      if (run % 2 === 1) {
        const digits = s[i + 1] === 117 ? 4 : 8;
        const hex = latin1.decode(s.subarray(i + 2, i + 2 + digits));
        if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) {
          throw new Fault(`UNICODE at offset ${at} has a truncated \\${digits === 4 ? "u" : "U"} escape`, at);
        }
        const cp = parseInt(hex, 16);
        if (cp > 1114111) throw new Fault(`UNICODE at offset ${at} escapes a code point past U+10FFFF`, at);
        out += String.fromCodePoint(cp);
        i += 1 + digits;
        continue;
      }
    }
    out += String.fromCharCode(c);
  }
  return out;
}
function parseIntText(text, what, at) {
  const t = text.trim().replace(/_/g, "");
  if (t.length > MAX_INT_DIGITS)
    throw new Fault(`${what} at offset ${at} has more than ${MAX_INT_DIGITS} digits`, at);
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)$/.exec(t);
  if (!m) throw new Fault(`${what} at offset ${at} is not an integer: ${JSON.stringify(t.slice(0, 40))}`, at);
  const body = m[2].replace(/^0[oO]/, "0o").replace(/^0[bB]/, "0b").replace(/^0[xX]/, "0x");
  let v = BigInt(body);
  if (m[1] === "-") v = -v;
  return Number.isSafeInteger(Number(v)) ? Number(v) : v;
}
var OPCODE_NAMES = {
  40: "MARK",
  46: "STOP",
  48: "POP",
  49: "POP_MARK",
  50: "DUP",
  70: "FLOAT",
  73: "INT",
  74: "BININT",
  75: "BININT1",
  76: "LONG",
  77: "BININT2",
  78: "NONE",
  80: "PERSID",
  81: "BINPERSID",
  82: "REDUCE",
  83: "STRING",
  84: "BINSTRING",
  85: "SHORT_BINSTRING",
  86: "UNICODE",
  88: "BINUNICODE",
  97: "APPEND",
  98: "BUILD",
  99: "GLOBAL",
  100: "DICT",
  125: "EMPTY_DICT",
  101: "APPENDS",
  103: "GET",
  104: "BINGET",
  105: "INST",
  106: "LONG_BINGET",
  108: "LIST",
  93: "EMPTY_LIST",
  111: "OBJ",
  112: "PUT",
  113: "BINPUT",
  114: "LONG_BINPUT",
  115: "SETITEM",
  116: "TUPLE",
  41: "EMPTY_TUPLE",
  117: "SETITEMS",
  71: "BINFLOAT",
  128: "PROTO",
  129: "NEWOBJ",
  130: "EXT1",
  131: "EXT2",
  132: "EXT4",
  133: "TUPLE1",
  134: "TUPLE2",
  135: "TUPLE3",
  136: "NEWTRUE",
  137: "NEWFALSE",
  138: "LONG1",
  139: "LONG4",
  66: "BINBYTES",
  67: "SHORT_BINBYTES",
  140: "SHORT_BINUNICODE",
  141: "BINUNICODE8",
  142: "BINBYTES8",
  143: "EMPTY_SET",
  144: "ADDITEMS",
  145: "FROZENSET",
  146: "NEWOBJ_EX",
  147: "STACK_GLOBAL",
  148: "MEMOIZE",
  149: "FRAME",
  150: "BYTEARRAY8",
  151: "NEXT_BUFFER",
  152: "READONLY_BUFFER"
};
function opcodeName(byte) {
  return OPCODE_NAMES[byte];
}
var HIGHEST_PROTOCOL = 5;
var Walker = class {
  constructor(r) {
    this.r = r;
  }
  r;
  stack = [];
  metastack = [];
  /**
   * Kept across concatenated pickles, as one `Unpickler` reused for several `load()` calls
   * keeps it; a fresh unpickler would fail on a stale index before running anything.
   */
  memo = /* @__PURE__ */ new Map();
  globals = [];
  persistentIds = [];
  values = [];
  calls = {};
  pickles = 0;
  underflow(op, at) {
    throw new Fault(`${op} at offset ${at} pops from an empty stack`, at);
  }
  /** A method, not `this.stack.push`: MARK-popping arguments replace `this.stack` first. */
  push(v) {
    this.stack.push(v);
  }
  pop(op, at) {
    if (this.stack.length === 0) this.underflow(op, at);
    return this.stack.pop();
  }
  top(op, at) {
    if (this.stack.length === 0) this.underflow(op, at);
    return this.stack[this.stack.length - 1];
  }
  popMark(op, at) {
    const items = this.stack;
    const previous = this.metastack.pop();
    if (previous === void 0) throw new Fault(`${op} at offset ${at} has no MARK to pop to`, at);
    this.stack = previous;
    return items;
  }
  addGlobal(module, name, offset, opcode) {
    this.globals.push({ module, name, offset, opcode });
    return { t: "global", module, name };
  }
  call(callable, args) {
    if (isObj(callable) && callable.t === "global") {
      const key = `${callable.module}.${callable.name}`;
      this.calls[key] = (this.calls[key] ?? 0) + 1;
    }
    return { t: "object", callable, args };
  }
  seq(t, items) {
    const dropped = Math.max(0, items.length - MAX_KEPT_ITEMS);
    return { t, items: dropped ? items.slice(0, MAX_KEPT_ITEMS) : items, dropped };
  }
  extend(target, items) {
    if (isObj(target) && (target.t === "list" || target.t === "set")) {
      for (const item of items) keep(target, target.items, item);
    }
  }
  setItems(target, items, op, at) {
    if (items.length % 2 !== 0) throw new Fault(`${op} at offset ${at} has an odd number of items`, at);
    if (isObj(target) && target.t === "dict") {
      for (let i = 0; i < items.length; i += 2)
        keep(target, target.entries, [items[i], items[i + 1]]);
    }
  }
  text(bytes, length, decode) {
    if (bytes === void 0) return { t: "opaque", what: `<text of ${length} bytes>` };
    return decode(bytes);
  }
  /** The operand of STACK_GLOBAL or a GLOBAL name as the report spells it. */
  operand(v) {
    if (typeof v === "string") return v;
    if (isObj(v) && v.t === "opaque" && v.what === "memo miss") return "unknown";
    return describe(v);
  }
  globalLine(op, at) {
    const { bytes, length } = this.r.line(MAX_KEPT_TEXT, op);
    if (bytes === void 0) return `<${length}-byte name>`;
    return decodeUtf8(bytes, op, at);
  }
  /** Walks one pickle up to and including its STOP. */
  walkOne() {
    this.stack = [];
    this.metastack = [];
    const r = this.r;
    for (; ; ) {
      const at = r.pos;
      const code2 = r.byte("opcode");
      const op = OPCODE_NAMES[code2];
      if (op === void 0) {
        throw new Fault(
          `byte 0x${code2.toString(16).padStart(2, "0")} at offset ${at} is not a pickle opcode`,
          at
        );
      }
      const handler = OPCODES[code2];
      if (handler === void 0) throw new Fault(`opcode ${op} at offset ${at} is not handled`, at);
      if (handler(this, op, at, code2) === STOP) return;
    }
  }
};
var STOP = true;
function intLine(w, op, at, what) {
  const { bytes } = w.r.line(64, op);
  if (bytes === void 0) throw new Fault(`${what} at offset ${at} is too long`, at);
  return parseIntText(latin1.decode(bytes), op, at);
}
var HANDLERS = {
  // PROTO
  128: (w, op, at) => {
    const proto = w.r.byte(op);
    if (proto > HIGHEST_PROTOCOL) throw new Fault(`unsupported pickle protocol ${proto} at offset ${at}`, at);
  },
  // FRAME
  149: (w, op, at) => {
    const n = u642(w.r.fixed(8, op));
    if (n > w.r.remaining)
      throw new Fault(`FRAME at offset ${at} announces ${n} bytes, only ${w.r.remaining} remain`, at, true);
  },
  // STOP
  46: (w, op, at) => {
    w.values.push(plainValue(w.pop(op, at)));
    w.pickles++;
    return STOP;
  },
  // MARK
  40: (w) => {
    w.metastack.push(w.stack);
    w.stack = [];
  },
  // POP: pops a MARK when the current frame is empty (pickle.py)
  48: (w, op, at) => {
    if (w.stack.length > 0) w.stack.pop();
    else w.popMark(op, at);
  },
  // POP_MARK
  49: (w, op, at) => {
    w.popMark(op, at);
  },
  // DUP
  50: (w, op, at) => {
    w.push(w.top(op, at));
  },
  // NONE, NEWTRUE, NEWFALSE
  78: (w) => {
    w.push(null);
  },
  136: (w) => {
    w.push(true);
  },
  137: (w) => {
    w.push(false);
  },
  // INT
  73: (w, op, at) => {
    const { bytes } = w.r.line(MAX_INT_DIGITS + 16, op);
    if (bytes === void 0) throw new Fault(`INT at offset ${at} is too long`, at);
    const t = latin1.decode(bytes);
    w.push(t === "00" ? false : t === "01" ? true : parseIntText(t, op, at));
  },
  // LONG
  76: (w, op, at) => {
    const { bytes } = w.r.line(MAX_INT_DIGITS + 16, op);
    if (bytes === void 0) throw new Fault(`LONG at offset ${at} is too long`, at);
    w.push(parseIntText(latin1.decode(bytes).replace(/L$/, ""), op, at));
  },
  // BININT, BININT1, BININT2
  74: (w, op) => {
    w.push(i32(w.r.fixed(4, op)));
  },
  75: (w, op) => {
    w.push(w.r.byte(op));
  },
  77: (w, op) => {
    w.push(u16(w.r.fixed(2, op)));
  },
  // LONG1
  138: (w, op) => {
    const n = w.r.byte(op);
    const bytes = w.r.payload(n, 255, op);
    w.push(signedLittleEndian(bytes));
  },
  // LONG4
  139: (w, op, at) => {
    const n = i32(w.r.fixed(4, op));
    if (n < 0) throw new Fault(`LONG4 at offset ${at} has a negative byte count`, at);
    const bytes = w.r.payload(n, 64, op);
    w.push(bytes === void 0 ? { t: "opaque", what: `<${n}-byte integer>` } : signedLittleEndian(bytes));
  },
  // FLOAT
  70: (w, op, at) => {
    const { bytes } = w.r.line(1024, op);
    const t = bytes === void 0 ? "" : latin1.decode(bytes).trim();
    const v = /^[+-]?(nan|inf|infinity)$/i.test(t) ? NaN : Number(t);
    if (t === "" || Number.isNaN(v) && !/nan|inf/i.test(t)) {
      throw new Fault(`FLOAT at offset ${at} is not a number`, at);
    }
    w.push(v);
  },
  // BINFLOAT
  71: (w, op) => {
    const b = w.r.fixed(8, op);
    w.push(new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, false));
  },
  // STRING: a quoted, backslash-escaped line. Decoded as latin-1 so any byte string a loader
  // could accept (encoding='latin1' or 'bytes') still yields the operand.
  83: (w, op, at) => {
    const { bytes, length } = w.r.line(MAX_KEPT_TEXT, op);
    if (bytes !== void 0) {
      const q = bytes[0];
      if (bytes.length < 2 || q !== 39 && q !== 34 || bytes[bytes.length - 1] !== q) {
        throw new Fault(`STRING at offset ${at} is not quoted`, at);
      }
      w.push(latin1.decode(escapeDecode(bytes.subarray(1, -1), at)));
    } else w.push({ t: "opaque", what: `<text of ${length} bytes>` });
  },
  // BINSTRING
  84: (w, op, at) => {
    const n = i32(w.r.fixed(4, op));
    if (n < 0) throw new Fault(`BINSTRING at offset ${at} has a negative byte count`, at);
    w.push(w.text(w.r.payload(n, MAX_KEPT_TEXT, op), n, (b) => latin1.decode(b)));
  },
  // SHORT_BINSTRING
  85: (w, op) => {
    const n = w.r.byte(op);
    w.push(latin1.decode(w.r.payload(n, 255, op)));
  },
  // UNICODE
  86: (w, op, at) => {
    const { bytes, length } = w.r.line(MAX_KEPT_TEXT, op);
    w.push(w.text(bytes, length, (b) => rawUnicodeEscape(b, at)));
  },
  // BINUNICODE, SHORT_BINUNICODE, BINUNICODE8
  88: binUnicode,
  140: binUnicode,
  141: binUnicode,
  // BINBYTES, SHORT_BINBYTES, BINBYTES8, BYTEARRAY8
  66: binBytes,
  67: binBytes,
  142: binBytes,
  150: binBytes,
  // NEXT_BUFFER: an out-of-band buffer the loader supplies; we have none.
  151: (w) => {
    w.push({ t: "opaque", what: "out-of-band buffer" });
  },
  // READONLY_BUFFER
  152: (w, op, at) => {
    w.top(op, at);
  },
  // EMPTY_TUPLE, TUPLE, TUPLE1-3
  41: (w) => {
    w.push(w.seq("tuple", []));
  },
  116: (w, op, at) => {
    w.push(w.seq("tuple", w.popMark(op, at)));
  },
  133: smallTuple,
  134: smallTuple,
  135: smallTuple,
  // EMPTY_LIST, LIST, APPEND, APPENDS
  93: (w) => {
    w.push(w.seq("list", []));
  },
  108: (w, op, at) => {
    w.push(w.seq("list", w.popMark(op, at)));
  },
  97: (w, op, at) => {
    const v = w.pop(op, at);
    w.extend(w.top(op, at), [v]);
  },
  101: appendMarked,
  // EMPTY_DICT, DICT, SETITEM, SETITEMS
  125: (w) => {
    w.push({ t: "dict", entries: [], dropped: 0 });
  },
  100: (w, op, at) => {
    const d = { t: "dict", entries: [], dropped: 0 };
    w.setItems(d, w.popMark(op, at), op, at);
    w.push(d);
  },
  115: (w, op, at) => {
    const v = w.pop(op, at);
    const k = w.pop(op, at);
    w.setItems(w.top(op, at), [k, v], op, at);
  },
  117: (w, op, at) => {
    const items = w.popMark(op, at);
    w.setItems(w.top(op, at), items, op, at);
  },
  // EMPTY_SET, ADDITEMS, FROZENSET
  143: (w) => {
    w.push(w.seq("set", []));
  },
  144: appendMarked,
  145: (w, op, at) => {
    w.push(w.seq("frozenset", w.popMark(op, at)));
  },
  // GET, BINGET, LONG_BINGET
  103: memoGet,
  104: memoGet,
  106: memoGet,
  // PUT, BINPUT, LONG_BINPUT
  112: memoPut,
  113: memoPut,
  114: memoPut,
  // MEMOIZE
  148: (w, op, at) => {
    w.memo.set(w.memo.size, w.top(op, at));
  },
  // GLOBAL
  99: (w, op, at) => {
    const module = w.globalLine(op, at);
    const name = w.globalLine(op, at);
    w.push(w.addGlobal(module, name, at, op));
  },
  // STACK_GLOBAL
  147: (w, op, at) => {
    const name = w.pop(op, at);
    const module = w.pop(op, at);
    w.push(w.addGlobal(w.operand(module), w.operand(name), at, op));
  },
  // INST
  105: (w, op, at) => {
    const module = w.globalLine(op, at);
    const name = w.globalLine(op, at);
    const g = w.addGlobal(module, name, at, op);
    const args = w.popMark(op, at);
    w.push(w.call(g, w.seq("tuple", args)));
  },
  // EXT1, EXT2, EXT4
  130: extension,
  131: extension,
  132: extension,
  // OBJ
  111: (w, op, at) => {
    const args = w.popMark(op, at);
    if (args.length === 0) throw new Fault(`OBJ at offset ${at} has no class`, at);
    const cls = args.shift();
    w.push(w.call(cls, w.seq("tuple", args)));
  },
  // REDUCE, NEWOBJ
  82: callWithArgs,
  129: callWithArgs,
  // NEWOBJ_EX
  146: (w, op, at) => {
    w.pop(op, at);
    callWithArgs(w, op, at);
  },
  // BUILD
  98: (w, op, at) => {
    w.pop(op, at);
    w.top(op, at);
  },
  // PERSID
  80: (w, op) => {
    const { bytes, length } = w.r.line(MAX_KEPT_TEXT, op);
    const pid = bytes === void 0 ? { t: "opaque", what: `<${length}-byte id>` } : latin1.decode(bytes);
    w.persistentIds.push([plainValue(pid)]);
    w.push({ t: "persistent", id: pid });
  },
  // BINPERSID
  81: (w, op, at) => {
    const pid = w.pop(op, at);
    const plain = plainValue(pid);
    w.persistentIds.push(Array.isArray(plain) ? plain : [plain]);
    w.push({ t: "persistent", id: pid });
  }
};
function binUnicode(w, op, at, code2) {
  const r = w.r;
  const n = code2 === 140 ? r.byte(op) : code2 === 88 ? u32(r.fixed(4, op)) : u642(r.fixed(8, op));
  w.push(w.text(r.payload(n, MAX_KEPT_TEXT, op), n, (b) => decodeUtf8(b, op, at)));
}
function binBytes(w, op, _at, code2) {
  const r = w.r;
  const n = code2 === 67 ? r.byte(op) : code2 === 66 ? u32(r.fixed(4, op)) : u642(r.fixed(8, op));
  r.payload(n, 0, op);
  w.push({ t: "bytes", length: n });
}
function smallTuple(w, op, at, code2) {
  const n = code2 - 132;
  if (w.stack.length < n) w.underflow(op, at);
  w.push(w.seq("tuple", w.stack.splice(w.stack.length - n, n)));
}
function appendMarked(w, op, at) {
  const items = w.popMark(op, at);
  w.extend(w.top(op, at), items);
}
function memoGet(w, op, at, code2) {
  const key = code2 === 103 ? intLine(w, op, at, "GET") : code2 === 104 ? w.r.byte(op) : u32(w.r.fixed(4, op));
  const v = typeof key === "number" ? w.memo.get(key) : void 0;
  w.push(v === void 0 ? { t: "opaque", what: "memo miss" } : v);
}
function memoPut(w, op, at, code2) {
  let key;
  if (code2 === 112) {
    key = intLine(w, op, at, "PUT");
    if (key < 0) throw new Fault(`PUT at offset ${at} has a negative index`, at);
  } else key = code2 === 113 ? w.r.byte(op) : u32(w.r.fixed(4, op));
  const v = w.top(op, at);
  if (typeof key === "number") w.memo.set(key, v);
}
function extension(w, op, at, code2) {
  const r = w.r;
  const ext = code2 === 130 ? r.byte(op) : code2 === 131 ? u16(r.fixed(2, op)) : i32(r.fixed(4, op));
  w.push(w.addGlobal("copyreg.extension", String(ext), at, op));
}
function callWithArgs(w, op, at) {
  const args = w.pop(op, at);
  const fn = w.pop(op, at);
  w.push(w.call(fn, args));
}
var OPCODES = Array.from({ length: 256 }, (_, code2) => HANDLERS[code2]);
function walk(src, options = {}) {
  const reader = new Reader(src);
  const walker = new Walker(reader);
  const maxPickles = options.maxPickles ?? Infinity;
  let error;
  let truncated = false;
  let end = src.pos;
  try {
    if (src.pos >= src.end) {
      error = "empty: no pickle data";
    }
    while (error === void 0 && walker.pickles < maxPickles && src.pos < src.end) {
      const start = src.pos;
      try {
        walker.walkOne();
        end = src.pos;
      } catch (e) {
        if (!(e instanceof Fault)) throw e;
        end = e.at;
        truncated = e.truncated;
        if (walker.pickles === 0 || e instanceof Shrunk) error = e.message;
        else if (e.at === start) error = `unexpected bytes after pickle ${walker.pickles}: ${e.message}`;
        else error = `pickle ${walker.pickles + 1} (from offset ${start}): ${e.message}`;
      }
    }
  } catch (e) {
    error = `internal scanner error at offset ${src.pos}: ${e instanceof Error ? e.message : String(e)}`;
    end = src.pos;
  }
  const result = {
    globals: walker.globals,
    persistentIds: walker.persistentIds,
    pickles: walker.pickles,
    end,
    values: walker.values,
    calls: walker.calls
  };
  if (error !== void 0) result.error = error;
  if (truncated) result.truncated = true;
  return result;
}
function scanPickle(data, options) {
  return walk(ByteSource.memory(data), options);
}
function scanPickleFd(fd, start, end, options = {}) {
  return walk(ByteSource.file(fd, start, end, Math.max(64, options.window ?? 1 << 20)), options);
}

// src/core/models/torch.ts
var ELEMENT_SIZES = {
  DoubleStorage: 8,
  FloatStorage: 4,
  HalfStorage: 2,
  BFloat16Storage: 2,
  LongStorage: 8,
  IntStorage: 4,
  ShortStorage: 2,
  CharStorage: 1,
  ByteStorage: 1,
  BoolStorage: 1,
  ComplexDoubleStorage: 16,
  ComplexFloatStorage: 8,
  QInt8Storage: 1,
  QUInt8Storage: 1,
  QInt32Storage: 4,
  QUInt4x2Storage: 1,
  QUInt2x4Storage: 1,
  UntypedStorage: 1
};
var LEGACY_MAGIC = 0x1950a86a20f9469cfc6cn;
var LEGACY_PROTOCOL = 1001;
var MAX_DATA_PKL = 256 * 1024 * 1024;
var REBUILDS_TENSOR = /^torch\._utils\._rebuild_(tensor|tensor_v2|tensor_v3|qtensor|device_tensor_from_numpy)$/;
function elementSizeOf(storageType) {
  const [, module, name] = /^(torch|torch\.storage)\.(\w+)$/.exec(storageType) ?? [];
  return module && name && Object.hasOwn(ELEMENT_SIZES, name) ? ELEMENT_SIZES[name] : void 0;
}
function fail(file, message) {
  return new ModelgateError(`${file}: ${message}`, "check", { file });
}
function countTensors(scan) {
  let n = 0;
  for (const [fn, calls] of Object.entries(scan.calls)) if (REBUILDS_TENSOR.test(fn)) n += calls;
  return n;
}
function isGlobalRef(v) {
  return typeof v === "object" && v !== null && typeof v.module === "string" && typeof v.name === "string";
}
function referencedStorages(file, pickleName, scan) {
  const byKey = /* @__PURE__ */ new Map();
  for (const pid of scan.persistentIds) {
    const [kind, type, key, location, numel] = pid;
    if (kind !== "storage" || !isGlobalRef(type) || typeof key !== "string" || typeof location !== "string" || typeof numel !== "number") {
      throw fail(
        file,
        `${pickleName} holds a persistent id torch cannot load (${JSON.stringify(pid, (_k, v) => typeof v === "bigint" ? String(v) : v).slice(0, 120)}); re-save the checkpoint with torch.save`
      );
    }
    const storageType = `${type.module}.${type.name}`;
    const elementSize = elementSizeOf(storageType);
    const previous = byKey.get(key);
    const ref = { key, storageType, location, numel: Math.max(numel, previous?.numel ?? 0) };
    if (elementSize !== void 0) ref.bytes = ref.numel * elementSize;
    byKey.set(key, ref);
  }
  return [...byKey.values()];
}
function missingMessage(pickleName, keys, label, container) {
  const names = keys.map(label);
  const list = names.length === 1 ? `storage ${names[0]}` : `storages ${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `${pickleName} references ${list}, which ${container} does not contain; the checkpoint is incomplete, save it again with torch.save`;
}
async function inspectZip(file, displayName) {
  const zip = await ZipReader.open(file, displayName);
  try {
    const entries = zip.entries.map((e) => e.name);
    const files = entries.filter((n) => !n.endsWith("/"));
    const tops = new Set(files.map((n) => n.includes("/") ? n.split("/")[0] : ""));
    const prefix = tops.size === 1 ? [...tops][0] : void 0;
    if (!prefix)
      throw fail(
        displayName,
        "is a zip but not a PyTorch archive: its entries are not under one top folder with a data.pkl"
      );
    const member = (rel) => `${prefix}/${rel}`;
    const dataPkl = zip.find(member("data.pkl"));
    if (!dataPkl)
      throw fail(displayName, `is a zip but not a PyTorch archive: ${member("data.pkl")} is missing`);
    const versionEntry = zip.find(member("version")) ?? zip.find(member(".data/version"));
    if (!versionEntry)
      throw fail(displayName, `has no ${member("version")} record; torch.load refuses archives without it`);
    const version = (await zip.read(versionEntry, 64)).toString("utf8").trim();
    const byteorderEntry = zip.find(member("byteorder"));
    let byteorder;
    if (byteorderEntry) {
      byteorder = (await zip.read(byteorderEntry, 16)).toString("utf8").trim();
      if (byteorder !== "little" && byteorder !== "big")
        throw fail(displayName, `has byteorder "${byteorder}"; expected "little" or "big"`);
    }
    const scan = scanPickle(await zip.read(dataPkl, MAX_DATA_PKL));
    if (scan.error) throw fail(displayName, `data.pkl cannot be read: ${scan.error}`);
    const storages = referencedStorages(displayName, "data.pkl", scan);
    const present = files.filter((n) => n.startsWith(member("data/"))).map((n) => n.slice(member("data/").length));
    const presentSet = new Set(present);
    const missing = storages.filter((s) => !presentSet.has(s.key)).map((s) => s.key);
    if (missing.length)
      throw fail(
        displayName,
        missingMessage("data.pkl", missing, (k) => `data/${k}`, "the archive")
      );
    for (const s of storages) {
      const entry = zip.find(member(`data/${s.key}`));
      if (entry && s.bytes !== void 0 && entry.size < s.bytes) {
        throw fail(
          displayName,
          `storage data/${s.key} holds ${entry.size} bytes but data.pkl needs ${s.bytes} (${s.numel} \xD7 ${s.storageType}); the archive is truncated or was edited`
        );
      }
    }
    const info = {
      file: displayName,
      format: "zip",
      prefix,
      entries,
      storages,
      present,
      missing: [],
      tensors: countTensors(scan),
      version,
      globals: scan.globals
    };
    if (byteorder !== void 0) info.byteorder = byteorder;
    return info;
  } finally {
    await zip.close();
  }
}
async function inspectLegacy(file, displayName) {
  const handle = await open3(file, "r");
  try {
    const { size } = await handle.stat();
    const scan = scanPickleFd(handle.fd, 0, size, { maxPickles: 5 });
    const [magic, protocol, sysInfo, , keys] = scan.values;
    if (magic !== LEGACY_MAGIC)
      throw fail(displayName, "is not a PyTorch checkpoint (no zip header and no legacy magic number)");
    if (scan.error) throw fail(displayName, `the legacy checkpoint's pickles cannot be read: ${scan.error}`);
    if (scan.pickles < 5)
      throw fail(
        displayName,
        `the legacy checkpoint has ${scan.pickles} of its 5 pickles; the file is truncated`
      );
    if (protocol !== LEGACY_PROTOCOL)
      throw fail(displayName, `uses legacy protocol ${String(protocol)}; torch reads ${LEGACY_PROTOCOL}`);
    if (!Array.isArray(keys) || !keys.every((k) => typeof k === "string")) {
      throw fail(displayName, "the legacy checkpoint does not end its pickles with a list of storage keys");
    }
    const storages = referencedStorages(displayName, "the pickled object", scan);
    const keySet = new Set(keys);
    const missing = storages.filter((s) => !keySet.has(s.key)).map((s) => s.key);
    if (missing.length)
      throw fail(
        displayName,
        missingMessage("the pickled object", missing, (k) => k, "the file")
      );
    const byKey = new Map(storages.map((s) => [s.key, s]));
    let offset = scan.end;
    const countBuf = Buffer.alloc(8);
    for (const key of keys) {
      const ref = byKey.get(key);
      const elementSize = ref ? elementSizeOf(ref.storageType) : void 0;
      const { bytesRead } = await handle.read(countBuf, 0, 8, offset);
      if (bytesRead < 8)
        throw fail(
          displayName,
          `storage ${key} is missing: the file ends at byte ${offset}; the checkpoint is truncated`
        );
      const numel = Number(countBuf.readBigInt64LE(0));
      if (elementSize === void 0) break;
      if (numel < 0 || ref && numel < ref.numel)
        throw fail(
          displayName,
          `storage ${key} holds ${numel} elements but the pickled object needs ${ref?.numel}`
        );
      offset += 8 + numel * elementSize;
      if (offset > size)
        throw fail(
          displayName,
          `storage ${key} runs past the end of the file (byte ${offset} of ${size}); the checkpoint is truncated`
        );
    }
    const info = {
      file: displayName,
      format: "legacy",
      entries: [],
      storages,
      present: keys,
      missing: [],
      tensors: countTensors(scan),
      version: String(LEGACY_PROTOCOL),
      globals: scan.globals
    };
    if (sysInfo && typeof sysInfo === "object" && "little_endian" in sysInfo)
      info.byteorder = sysInfo.little_endian ? "little" : "big";
    return info;
  } finally {
    await handle.close();
  }
}
async function inspectTorchArchive(file, displayName = path4.basename(file)) {
  const handle = await open3(file, "r").catch((e) => {
    throw fail(displayName, `cannot be read (${e.message})`);
  });
  let head;
  try {
    head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    head = head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (hasZipMagic(head)) return inspectZip(file, displayName);
  if (head[0] === 128) return inspectLegacy(file, displayName);
  throw fail(displayName, "is not a PyTorch checkpoint (neither a zip archive nor the legacy pickle format)");
}

// src/core/health/check-load.ts
var LATENCY = { warmup: 0, runs: 9, budgetMs: 5 };
async function checkLoad(ctx) {
  startModelLoads(ctx);
  const rows = [];
  const onnxDetails = [];
  const treeDetails = [];
  const torchDetails = [];
  const counts = { onnx: 0, tree: 0, torch: 0, json: 0, pickle: 0, other: 0 };
  const others = ctx.files.filter((f) => ctx.kinds.get(f.path) !== "onnx" && !isTreeFile(ctx, f.path));
  const otherRows = await mapLimit(others, 4, async (file) => {
    const kind = ctx.kinds.get(file.path) ?? "other";
    try {
      switch (kind) {
        case "torch": {
          counts.torch++;
          const info = await inspectTorchArchive(file.absolute, file.path);
          const bytes = info.storages.reduce((n, s) => n + (s.bytes ?? 0), 0);
          torchDetails.push({
            file: file.path,
            format: info.format,
            storages: info.storages.length,
            tensors: info.tensors,
            bytes
          });
          return { file: file.path, kind, status: "pass", message: describeTorch(info) };
        }
        case "json": {
          counts.json++;
          const { value, nonStandard } = parseJsonText(await readFile4(file.absolute, "utf8"), file.path);
          ctx.json.set(file.path, value);
          if (nonStandard.length) {
            const first = nonStandard[0];
            return {
              file: file.path,
              kind,
              status: "warn",
              line: first.line,
              message: `${file.path}:${first.line} holds a bare ${first.token} (${plural(nonStandard.length, "such token")}), which Python reads but strict JSON readers reject; write it with json.dump(..., allow_nan=False) after replacing non-finite values`
            };
          }
          return { file: file.path, kind, status: "pass", message: "parses" };
        }
        case "pickle":
          counts.pickle++;
          return {
            file: file.path,
            kind,
            status: "pass",
            message: "not loaded: pickles are never executed; safety walks them"
          };
        default:
          counts.other++;
          return { file: file.path, kind, status: "pass", message: "not a model kind the healthcheck opens" };
      }
    } catch (error) {
      return failRow(file.path, kind, error);
    }
  });
  rows.push(...otherRows);
  startOnnxLoads(ctx);
  for (const file of ctx.files.filter((f) => ctx.kinds.get(f.path) === "onnx")) {
    counts.onnx++;
    try {
      const model = await onnxModel(ctx, file.path);
      const detail = {
        file: file.path,
        inputs: model.inputs,
        outputs: model.outputs,
        openMs: round(model.openMs)
      };
      onnxDetails.push(detail);
      const nonTensor = nonTensorOutputs(model);
      if (nonTensor.length) {
        rows.push({
          file: file.path,
          kind: "onnx",
          status: "fail",
          message: `${file.path}: output ${nonTensor.join(", ")} is a map or sequence (a skl2onnx ZipMap), which the service cannot read as a tensor; ${ZIPMAP_FIX}`
        });
        continue;
      }
      const feeds = smokeFeeds(model);
      const outputs = await runOnnx(model, feeds);
      const bad = nonFiniteOutputs(outputs);
      if (bad.length) {
        const b = bad[0];
        rows.push({
          file: file.path,
          kind: "onnx",
          status: "fail",
          message: `${file.path}: output ${b.name} holds ${plural(b.count, "non-finite value")} (first ${b.value} at index ${b.first}) on inputs of the declared shapes ${model.inputs.map((i) => `${i.name}${formatDims(i.dims)}`).join(", ")}; check the exported weights and any division or log in the graph`
        });
        continue;
      }
      const latency = await measureLatency(model, feeds, LATENCY);
      detail.p50Ms = round(latency.p50Ms, 3);
      detail.runs = latency.runs;
      rows.push({
        file: file.path,
        kind: "onnx",
        status: "pass",
        message: `${model.inputs.map((i) => `${i.name} ${i.type}${formatDims(i.dims)}`).join(", ")} -> ${model.outputs.map((o) => `${o.name} ${o.type}${formatDims(o.dims)}`).join(", ")}; p50 ${formatMs(latency.p50Ms)} over ${latency.runs} warm runs`
      });
    } catch (error) {
      rows.push(failRow(file.path, "onnx", error));
    }
  }
  startGoldenEntries(ctx).catch(() => void 0);
  await ctx.treePool?.parseQueuedHere();
  for (const file of ctx.files) {
    const kind = treeFileKind(ctx, file.path);
    if (!kind) continue;
    counts.tree++;
    try {
      const model = await treeModelFor(ctx, file.path);
      treeDetails.push({ file: file.path, ...model.info, thread: model.thread });
      const smoke = await treeSmoke(model, file.path);
      const { info } = model;
      rows.push({
        file: file.path,
        kind,
        status: smoke ? "fail" : "pass",
        message: smoke ?? `${info.trees} trees, ${info.features} features, objective ${info.objective}${info.classes > 1 ? `, ${info.classes} classes` : ""}`
      });
    } catch (error) {
      rows.push(failRow(file.path, kind, error));
    }
  }
  rows.sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  for (const r of rows) if (r.status === "fail") ctx.loadFailures.set(r.file, r.message);
  const problems = rows.filter((r) => r.status !== "pass").map((r) => fileProblem(ctx, r.status === "fail" ? "error" : "warning", r.file, r.message, r.line));
  const status = worst(rows.map((r) => r.status));
  const details = {
    files: rows,
    onnx: onnxDetails,
    trees: treeDetails,
    torch: torchDetails,
    treeWorker: ctx.treePool?.threaded ?? false
  };
  const failing = rows.filter((r) => r.status === "fail");
  if (failing.length) {
    const more = failing.length > 1 ? ` (and ${plural(failing.length - 1, "more file")} failed to load)` : "";
    return { status, message: `${failing[0].message}${more}`, details, problems };
  }
  const parts = [
    counts.onnx ? `${counts.onnx} ONNX (p50 ${onnxDetails.map((d) => `${d.file} ${formatMs(d.p50Ms ?? 0)}`).join(", ")})` : "",
    counts.tree ? plural(counts.tree, "tree model") : "",
    counts.torch ? plural(counts.torch, "torch archive") : "",
    counts.json ? `${counts.json} JSON` : ""
  ].filter(Boolean);
  const warned = rows.filter((r) => r.status === "warn");
  const message = `${plural(ctx.files.length, "file")} checked: ${parts.join(", ") || "no models"}`;
  return {
    status,
    message: warned.length ? `${message}; ${warned[0].message}` : message,
    details,
    ...problems.length ? { problems } : {}
  };
}
function failRow(file, kind, error) {
  const message = errorMessage(error);
  const line = error instanceof ModelgateError ? error.line : void 0;
  return {
    file,
    kind,
    status: "fail",
    message: message.startsWith(file) ? message : `${file}: ${message}`,
    ...line ? { line } : {}
  };
}
async function treeSmoke(model, file) {
  const width = model.info.features;
  const expected = model.info.classes > 2 ? model.info.classes : 1;
  const labels = ["zeros", "all missing"];
  const outputs = await model.predict([
    new Array(width).fill(0),
    new Array(width).fill(null)
  ]);
  for (const [i, out] of outputs.entries()) {
    if (out.length !== expected && !(model.info.classes === 2 && out.length === 1))
      return `${file}: predicts ${out.length} values for a row of ${labels[i]}, expected ${expected}`;
    if (out.some((v) => !Number.isFinite(v)))
      return `${file}: predicts a non-finite value (${out.join(", ")}) for a row of ${labels[i]}`;
  }
  return void 0;
}
function describeTorch(info) {
  return `${info.format} format, ${plural(info.tensors, "tensor")} in ${plural(info.storages.length, "storage")}, every storage its pickle names is present`;
}
function round(ms, digits = 1) {
  const f = 10 ** digits;
  return Math.round(ms * f) / f;
}

// src/core/safety/scan.ts
import { open as open4 } from "node:fs/promises";
import path5 from "node:path";

// src/core/safety/allowlist.ts
var PY2_MODULES = {
  __builtin__: "builtins",
  copy_reg: "copyreg"
};
var TORCH_STORAGES = [
  "FloatStorage",
  "DoubleStorage",
  "HalfStorage",
  "BFloat16Storage",
  "LongStorage",
  "IntStorage",
  "ShortStorage",
  "CharStorage",
  "ByteStorage",
  "BoolStorage",
  "ComplexFloatStorage",
  "ComplexDoubleStorage",
  "QInt8Storage",
  "QUInt8Storage",
  "QInt32Storage",
  "QUInt4x2Storage",
  "QUInt2x4Storage",
  "UntypedStorage"
];
var TORCH_DTYPES = [
  "float16",
  "float32",
  "float64",
  "bfloat16",
  "half",
  "float",
  "double",
  "int8",
  "int16",
  "int32",
  "int64",
  "uint8",
  "short",
  "int",
  "long",
  "bool",
  "complex64",
  "complex128",
  "cfloat",
  "cdouble"
];
var NUMPY_MULTIARRAY = ["_reconstruct", "scalar"];
var ALLOWED_GLOBALS = {
  // torch state dicts
  "torch._utils": [
    "_rebuild_tensor",
    "_rebuild_tensor_v2",
    "_rebuild_parameter",
    "_rebuild_parameter_with_state",
    "_rebuild_qtensor",
    "_rebuild_device_tensor_from_numpy"
  ],
  "torch._tensor": ["_rebuild_from_type_v2"],
  torch: [...TORCH_STORAGES, ...TORCH_DTYPES, "Size", "device", "Tensor"],
  "torch.storage": ["UntypedStorage"],
  "torch.nn.parameter": ["Parameter"],
  collections: ["OrderedDict"],
  // numpy arrays and scalars
  numpy: ["ndarray", "dtype"],
  "numpy.core.multiarray": NUMPY_MULTIARRAY,
  "numpy._core.multiarray": NUMPY_MULTIARRAY,
  "numpy.core.numeric": ["_frombuffer"],
  "numpy._core.numeric": ["_frombuffer"],
  // protocol 0-2 plumbing and plain data constructors
  _codecs: ["encode"],
  copyreg: ["_reconstructor"],
  builtins: ["set", "frozenset", "bytearray", "complex", "slice", "range", "object"]
};
var SKLEARN_ESTIMATOR_PACKAGES = [
  "_loss",
  "calibration",
  "cluster",
  "compose",
  "covariance",
  "cross_decomposition",
  "decomposition",
  "discriminant_analysis",
  "dummy",
  "ensemble",
  "feature_extraction",
  "feature_selection",
  "gaussian_process",
  "impute",
  "isotonic",
  "kernel_approximation",
  "kernel_ridge",
  "linear_model",
  "mixture",
  "multiclass",
  "multioutput",
  "naive_bayes",
  "neighbors",
  "neural_network",
  "pipeline",
  "preprocessing",
  "random_projection",
  "semi_supervised",
  "svm",
  "tree"
];
var CLASS_NAME = /^[A-Z][A-Za-z0-9_]*$/;
var MODULE_SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
var TEST_SEGMENTS = /* @__PURE__ */ new Set(["tests", "test", "_testing", "testing", "conftest"]);
function isSklearnEstimatorClass(module, name) {
  const parts = module.split(".");
  if (parts[0] !== "sklearn" || parts.length < 2) return false;
  if (!SKLEARN_ESTIMATOR_PACKAGES.includes(parts[1])) return false;
  if (!parts.every((p) => MODULE_SEGMENT.test(p) && !TEST_SEGMENTS.has(p))) return false;
  return CLASS_NAME.test(name);
}
function isAllowedGlobal(module, name) {
  const mod = PY2_MODULES[module] ?? module;
  const exact = Object.hasOwn(ALLOWED_GLOBALS, mod) ? ALLOWED_GLOBALS[mod] : void 0;
  if (exact?.includes(name)) return true;
  return isSklearnEstimatorClass(mod, name);
}

// src/core/safety/scan.ts
var LEGACY_TORCH_MAGIC = 0x1950a86a20f9469cfc6cn;
var NPY_MAGIC = Uint8Array.from([147, 78, 85, 77, 80, 89]);
var PICKLE_EXTENSIONS = /* @__PURE__ */ new Set([
  ".pkl",
  ".pickle",
  ".pk",
  ".p",
  ".pt",
  ".pth",
  ".bin",
  ".ckpt",
  ".joblib",
  ".dat"
]);
var PICKLE_MEMBER = /\.(pkl|pickle)$/i;
var MAX_INFLATED_MEMBER = 256 * 1024 * 1024;
var MAX_NPY_HEADER = 1024 * 1024;
var MAX_SNIFFED_MEMBER = 64 * 1024 * 1024;
var PLAUSIBLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
function picklishName(name) {
  return PICKLE_EXTENSIONS.has(path5.extname(name).toLowerCase());
}
var COMPRESSION_MAGIC = [
  ["gzip", [31, 139]],
  ["bzip2", [66, 90, 104]],
  ["xz", [253, 55, 122, 88, 90, 0]],
  ["lz4", [4, 34, 77, 24]],
  ["zstd", [40, 181, 47, 253]],
  ["zlib", [120, 1]],
  ["zlib", [120, 94]],
  ["zlib", [120, 156]],
  ["zlib", [120, 218]]
];
function compressionOf(head) {
  return COMPRESSION_MAGIC.find(([, magic]) => startsWith(head, Uint8Array.from(magic)))?.[0];
}
function startsWith(data, prefix) {
  if (data.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (data[i] !== prefix[i]) return false;
  return true;
}
function hasProtoHeader(head) {
  return head.length >= 2 && head[0] === 128 && head[1] <= 5;
}
function finding(scan, member, shift = 0) {
  const globals = shift ? scan.globals.map((g) => ({ ...g, offset: g.offset - shift })) : scan.globals;
  const f = { globals, unsafe: globals.filter((g) => !isAllowedGlobal(g.module, g.name)) };
  if (member !== void 0) f.member = member;
  if (scan.error !== void 0) f.error = scan.error;
  return f;
}
function summarise(file, format, pickles, skipped = [], error) {
  const unsafe = [];
  for (const p of pickles) {
    for (const g of p.unsafe)
      unsafe.push(
        p.member === void 0 ? { module: g.module, name: g.name } : { member: p.member, module: g.module, name: g.name }
      );
  }
  const result = { file, format, pickles, unsafe, skipped };
  if (error !== void 0) result.error = error;
  return result;
}
function isFileSafe(s) {
  return s.error === void 0 && s.unsafe.length === 0 && s.pickles.every((p) => p.error === void 0);
}
function safetyProblems(s) {
  const where = (member) => member ? `${s.file} (${member})` : s.file;
  const out = [];
  if (s.error) out.push(`${s.file}: ${s.error}`);
  for (const p of s.pickles) {
    for (const g of p.unsafe) {
      out.push(
        `${where(p.member)}: imports ${g.module}.${g.name} (${g.opcode} at byte ${g.offset}), which is not on the allow-list of data types; unpickling it could run code`
      );
    }
    if (p.error)
      out.push(
        `${where(p.member)}: the pickle could not be walked to its end (${p.error}); re-save it with pickle.dump / torch.save`
      );
  }
  return out;
}
async function readHead2(handle, n) {
  const buf = Buffer.alloc(n);
  const { bytesRead } = await handle.read(buf, 0, n, 0);
  return buf.subarray(0, bytesRead);
}
function parseNpyHeader(head) {
  if (head.length < 10) return ".npy header is truncated";
  const major = head[6];
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const [lenAt, len] = major === 1 ? [10, view.getUint16(8, true)] : head.length >= 12 ? [12, view.getUint32(8, true)] : [0, -1];
  if (major < 1 || major > 3 || len < 0) return `.npy format version ${major} is not known`;
  if (lenAt + len > head.length)
    return `.npy header of ${len} bytes is truncated or larger than ${MAX_NPY_HEADER}`;
  const header = Buffer.from(head.subarray(lenAt, lenAt + len)).toString("latin1");
  const objects = /['"][|<>=]?O\d*['"]/.test(header);
  return { dataStart: lenAt + len, objects };
}
async function scanNpy(handle, size, displayName, member) {
  const head = await readHead2(handle, Math.min(size, MAX_NPY_HEADER));
  const npy = parseNpyHeader(head);
  if (typeof npy === "string") return summarise(displayName, "npy", [], [], npy);
  if (!npy.objects) return summarise(displayName, "npy", []);
  const scan = scanPickleFd(handle.fd, npy.dataStart, size);
  return summarise(displayName, "npy", [finding(scan, member, 0)]);
}
function reason(e, displayName) {
  const message = e instanceof Error ? e.message : String(e);
  return message.startsWith(`${displayName}: `) ? message.slice(displayName.length + 2) : message;
}
async function scanZip(file, displayName) {
  let zip;
  try {
    zip = await ZipReader.open(file, displayName);
  } catch (e) {
    return summarise(displayName, "zip", [], [], reason(e, displayName));
  }
  try {
    const files = zip.entries.filter((e) => !e.name.endsWith("/"));
    const prefixes = new Set(files.map((e) => e.name.split("/")[0]));
    const prefix = prefixes.size === 1 && files.every((e) => e.name.includes("/")) ? `${[...prefixes][0]}/` : void 0;
    const torch = prefix !== void 0 && zip.find(`${prefix}data.pkl`) !== void 0;
    const pickles = [];
    const skipped = [];
    for (const entry of files) {
      try {
        const kind = await classifyMember(zip, entry, torch ? prefix : void 0);
        if (kind === "skip") skipped.push(entry.name);
        else if (kind === "npy") {
          const npy = await scanNpyMember(zip, entry);
          if (npy) pickles.push(npy);
          else skipped.push(entry.name);
        } else if (kind === "maybe") {
          const found = await scanMember(zip, entry);
          if (found.scan && looksLikeProtocol0(found.scan, entry.name)) pickles.push(found.finding);
          else skipped.push(entry.name);
        } else pickles.push((await scanMember(zip, entry)).finding);
      } catch (e) {
        pickles.push({ member: entry.name, globals: [], unsafe: [], error: reason(e, displayName) });
      }
    }
    return summarise(displayName, torch ? "torch-zip" : "zip", pickles, skipped);
  } finally {
    await zip.close();
  }
}
async function classifyMember(zip, entry, torchPrefix) {
  if (torchPrefix !== void 0) {
    const rel = entry.name.slice(torchPrefix.length);
    if (rel === "data.pkl") return "pickle";
    if (rel.startsWith("data/") || rel.startsWith(".data/") || rel === "version" || rel === "byteorder")
      return "skip";
  }
  if (PICKLE_MEMBER.test(entry.name)) return "pickle";
  if (entry.flags & 1 || entry.method !== 0 && entry.method !== 8) return "skip";
  const head = await zip.readPrefix(entry, 8);
  if (startsWith(head, NPY_MAGIC)) return "npy";
  if (hasProtoHeader(head)) return "pickle";
  return head.length > 0 && opcodeName(head[0]) !== void 0 && entry.size <= MAX_SNIFFED_MEMBER ? "maybe" : "skip";
}
async function scanMember(zip, entry) {
  if (entry.method === 0 && !(entry.flags & 1)) {
    const { start, end } = await zip.dataRange(entry);
    if (entry.compressedSize !== entry.size)
      throw new Error(`stored member ${entry.name} has differing sizes`);
    const scan2 = scanPickleFd(zip.fd, start, end);
    return { finding: finding(scan2, entry.name, start), scan: scan2 };
  }
  const scan = scanPickle(await zip.read(entry, MAX_INFLATED_MEMBER));
  return { finding: finding(scan, entry.name), scan };
}
async function scanNpyMember(zip, entry) {
  const head = await zip.readPrefix(entry, MAX_NPY_HEADER);
  const npy = parseNpyHeader(head);
  if (typeof npy === "string") return { member: entry.name, globals: [], unsafe: [], error: npy };
  if (!npy.objects) return void 0;
  const data = await zip.read(entry, MAX_INFLATED_MEMBER);
  return finding(scanPickle(data.subarray(npy.dataStart)), entry.name);
}
async function scanFileForPickles(file, displayName) {
  const handle = await open4(file, "r").catch((e) => {
    throw new ModelgateError(
      `${displayName}: cannot be read for the safety scan (${e.message})`,
      "check",
      {
        file: displayName
      }
    );
  });
  try {
    const { size } = await handle.stat();
    if (size === 0) return summarise(displayName, "not-pickle", []);
    const head = await readHead2(handle, Math.min(size, 64));
    if (hasZipMagic(head)) return await scanZip(file, displayName);
    if (startsWith(head, NPY_MAGIC)) return await scanNpy(handle, size, displayName);
    const scan = scanPickleFd(handle.fd, 0, size);
    if (scan.values[0] === LEGACY_TORCH_MAGIC) {
      return summarise(displayName, "torch-legacy", [
        finding(scanPickleFd(handle.fd, 0, size, { maxPickles: 5 }))
      ]);
    }
    if (hasProtoHeader(head) || looksLikeProtocol0(scan, displayName))
      return summarise(displayName, "pickle", [finding(scan)]);
    const compression = picklishName(displayName) ? compressionOf(head) : void 0;
    if (compression) {
      return summarise(
        displayName,
        "not-pickle",
        [],
        [],
        `is ${compression}-compressed, so the pickle inside cannot be checked; save it uncompressed (pickle.dump, or joblib.dump with compress=0)`
      );
    }
    return summarise(displayName, "not-pickle", []);
  } finally {
    await handle.close();
  }
}
function looksLikeProtocol0(scan, displayName) {
  if (picklishName(displayName)) return scan.pickles > 0 || scan.globals.length > 0;
  if (scan.pickles > 0 && scan.error === void 0) return true;
  return scan.globals.some((g) => PLAUSIBLE_NAME.test(g.module) && PLAUSIBLE_NAME.test(g.name));
}

// src/core/health/check-safety.ts
var PARSED_KINDS = /* @__PURE__ */ new Set(["onnx", "lightgbm", "xgboost", "json"]);
function pickleCandidates(ctx) {
  return ctx.files.filter((f) => {
    const kind = ctx.kinds.get(f.path) ?? "other";
    if (!PARSED_KINDS.has(kind)) return true;
    const detected = sniff(ctx.heads.get(f.path) ?? Buffer.alloc(0));
    return detected === "pickle" || detected === "torch-legacy" || detected === "zip";
  }).map((f) => f.path);
}
async function scanBundle(ctx) {
  const candidates = pickleCandidates(ctx);
  const results = await mapLimit(
    candidates,
    4,
    (rel) => scanFileForPickles(ctx.byPath.get(rel).absolute, rel)
  );
  for (const r of results) remember(ctx, r);
  return results;
}
async function pickleGlobalsOf(ctx, rel) {
  return ctx.pickleGlobals.get(rel) ?? remember(ctx, await scanFileForPickles(ctx.byPath.get(rel).absolute, rel));
}
function remember(ctx, r) {
  const globals = r.pickles.flatMap((p) => p.globals.map((g) => ({ module: g.module, name: g.name })));
  ctx.pickleGlobals.set(r.file, globals);
  return globals;
}
async function checkSafety(ctx) {
  if (ctx.refused) {
    const message = ctx.refused;
    return {
      status: "fail",
      message,
      details: { refused: message },
      problems: [{ severity: "error", message, file: annotationPath(ctx) }]
    };
  }
  const problems = [];
  for (const s of ctx.special) {
    problems.push(
      fileProblem(
        ctx,
        "error",
        s.path,
        `${s.path}: is a ${s.type}; a bundle holds regular files only (a link can point the service at any file on the server): replace it with the file itself`
      )
    );
  }
  const results = await scanBundle(ctx);
  const rows = results.map((r) => {
    const declared = ctx.kinds.get(r.file);
    const notPickle = r.format === "not-pickle" && (declared === "pickle" || declared === "torch");
    const messages = safetyProblems(r);
    if (notPickle)
      messages.push(
        `${r.file}: declared ${declared} but no pickle could be read from it; save it with ${declared === "torch" ? "torch.save" : "pickle.dump"}`
      );
    for (const m of messages) problems.push(fileProblem(ctx, "error", r.file, m));
    return {
      file: r.file,
      format: r.format,
      pickles: r.pickles.length,
      globals: [...new Set(r.pickles.flatMap((p) => p.globals.map((g) => `${g.module}.${g.name}`)))],
      unsafe: r.unsafe.map((u) => `${u.member ? `${u.member}: ` : ""}${u.module}.${u.name}`),
      status: isFileSafe(r) && !notPickle ? "pass" : "fail",
      ...messages.length ? { message: messages.join("; ") } : {}
    };
  });
  const pickles = results.reduce((n, r) => n + r.pickles.length, 0);
  const details = { files: rows };
  if (problems.length) {
    const first = problems[0].message;
    return {
      status: "fail",
      message: problems.length > 1 ? `${first} (and ${plural(problems.length - 1, "more problem")})` : first,
      details,
      problems
    };
  }
  return {
    status: "pass",
    message: `${plural(pickles, "pickle")} in ${plural(results.length, "file")} walked opcode by opcode, never executed: every global they import is on the allow-list`,
    details
  };
}

// src/core/health/check-stacking.ts
var LOGISTIC_LEARNERS = /* @__PURE__ */ new Set([
  "LogisticRegression",
  "LogisticRegressionCV",
  "SGDClassifier",
  "RidgeClassifier",
  "RidgeClassifierCV"
]);
var ESTIMATOR_CLASS = /^[A-Z][A-Za-z0-9_]*$/;
async function checkStacking(ctx) {
  const stacking = ctx.config.release.stacking;
  if (!stacking) return { status: "skip", message: `no release.stacking in ${ctx.configFile}` };
  const problems = [];
  const facts = {
    meta: stacking.meta,
    learner: stacking.learner,
    base: stacking.base
  };
  const error = (rel, message) => {
    problems.push(
      rel && ctx.byPath.has(rel) ? fileProblem(ctx, "error", rel, message) : { severity: "error", message, file: rel ? annotationPath(ctx) : ctx.configFile }
    );
  };
  let learnerClass;
  try {
    const meta = await stackingMetaOf(ctx);
    facts.base_models = meta.base_models;
    facts.coefficients = meta.meta_learner.coef.length;
    const missing = meta.base_models.filter((b) => !ctx.byPath.has(b));
    for (const b of missing)
      error(
        stacking.meta,
        `${stacking.meta}: base model ${b} (base_models) is not in the bundle; add it, or retrain the stacking without it`
      );
    const notConfigured = meta.base_models.filter((b) => !stacking.base.includes(b));
    for (const b of notConfigured)
      error(
        stacking.meta,
        `${stacking.meta}: base model ${b} is not in release.stacking.base (${ctx.configFile}); add it there in the meta-learner's column order`
      );
    const notInMeta = stacking.base.filter((b) => !meta.base_models.includes(b));
    for (const b of notInMeta)
      error(
        stacking.meta,
        `${stacking.meta}: release.stacking.base lists ${b} but base_models does not; the meta-learner has no column for it: fix the config or retrain`
      );
    if (!notConfigured.length && !notInMeta.length && meta.base_models.join("\n") !== stacking.base.join("\n"))
      error(
        stacking.meta,
        `${stacking.meta}: base_models are in the order ${meta.base_models.join(", ")} but release.stacking.base is ${stacking.base.join(", ")}; the meta-learner's columns follow base_models: put release.stacking.base in that order`
      );
    if (meta.meta_learner.coef.length !== meta.base_models.length)
      error(
        stacking.meta,
        `${stacking.meta}: meta_learner.coef has ${plural(meta.meta_learner.coef.length, "coefficient")} for ${plural(meta.base_models.length, "base model")}; the meta-learner was fitted on other inputs: re-export the stacking from one training run`
      );
  } catch (e) {
    error(stacking.meta, errorMessage(e));
  }
  const learner = ctx.byPath.get(stacking.learner);
  if (!learner)
    error(
      void 0,
      `${stacking.learner}: the meta-learner pickle (release.stacking.learner) is not in the bundle`
    );
  else {
    try {
      const globals = await pickleGlobalsOf(ctx, stacking.learner);
      const estimator = globals.find((g) => g.module.startsWith("sklearn.") && ESTIMATOR_CLASS.test(g.name));
      if (!estimator) {
        const seen = [...new Set(globals.map((g) => `${g.module}.${g.name}`))];
        error(
          stacking.learner,
          `${stacking.learner}: holds no scikit-learn estimator class (${seen.length ? `imports ${seen.slice(0, 5).join(", ")}` : "imports nothing"}); the service expects the fitted meta-learner: save it with pickle.dump(model)`
        );
      } else {
        learnerClass = `${estimator.module}.${estimator.name}`;
        facts.learner_class = learnerClass;
        if (!LOGISTIC_LEARNERS.has(estimator.name))
          error(
            stacking.learner,
            `${stacking.learner}: the meta-learner is a ${estimator.name}, not a known logistic estimator (${[...LOGISTIC_LEARNERS].join(", ")}), so meta_learner type "logistic" does not describe it`
          );
      }
    } catch (e) {
      error(stacking.learner, errorMessage(e));
    }
  }
  if (problems.length) {
    const first = problems[0].message;
    return {
      status: "fail",
      message: problems.length > 1 ? `${first} (and ${plural(problems.length - 1, "more problem")})` : first,
      details: facts,
      problems
    };
  }
  return {
    status: "pass",
    message: `${plural(stacking.base.length, "base model")} in the bundle and the config, in column order; ${plural(stacking.base.length, "coefficient")}; learner ${learnerClass}`,
    details: facts
  };
}

// src/core/health/healthcheck.ts
var HEALTH_CHECKS = [
  "config",
  "integrity",
  "safety",
  "load",
  "stacking",
  "golden",
  "inference",
  "command"
];
var CHECKS = {
  config: checkConfig,
  integrity: checkIntegrity,
  safety: checkSafety,
  load: checkLoad,
  stacking: checkStacking,
  golden: checkGolden,
  inference: checkInference,
  command: checkCommand
};
function isTarball(file) {
  return /\.(tar\.gz|tgz)$/i.test(file);
}
async function runHealthcheck(options) {
  const started = performance.now();
  const progress = options.onProgress;
  const ctx = newContext({
    bundle: options.bundle,
    config: options.config,
    configFile: options.configFile,
    ...options.command ? { command: options.command } : {}
  });
  let temp;
  const checks = [];
  try {
    if (isTarball(options.bundle) && await isFile(options.bundle)) {
      ctx.tarball = options.bundle;
      temp = await mkdtemp(path6.join(options.workDir ?? os.tmpdir(), "modelgate-health-"));
      const dest = path6.join(temp, "bundle");
      ctx.root = dest;
      progress?.(`extracting ${options.bundle}`);
      try {
        await extractTarball(options.bundle, dest);
      } catch (error) {
        const name = path6.basename(options.bundle);
        const reason2 = errorMessage(error);
        ctx.refused = `${name}: refused: ${reason2.startsWith(`${name}: `) ? reason2.slice(name.length + 2) : reason2}`;
        ctx.fatal = { check: "safety", reason: "the tarball was refused (see safety)" };
      }
    }
    locateManifest(ctx, options.manifest);
    const head = adoptHeadStart(ctx, options.headStart);
    if (head) {
      ctx.treePool = head.pool;
      ctx.survey = head.survey;
    } else if (!ctx.fatal && options.config.release.artifacts.some((a) => a.kind === "lightgbm" || a.kind === "xgboost"))
      ctx.treePool = new TreePool();
    for (const name of HEALTH_CHECKS) {
      checks.push(await runCheck(name, ctx, CHECKS[name], progress));
      if (name === "config" && !ctx.fatal) startModelLoads(ctx);
    }
  } finally {
    await releaseSessions(ctx);
    await ctx.treePool?.close();
    if (temp) await rm(temp, { recursive: true, force: true });
  }
  const report = {
    passed: reportPassed(checks),
    checks,
    bundle: options.bundle,
    files: ctx.files.length,
    bytes: ctx.files.reduce((n, f) => n + f.size, 0),
    durationMs: Math.round(performance.now() - started)
  };
  if (ctx.inference) report.inference = ctx.inference;
  return report;
}
function adoptHeadStart(ctx, given) {
  const head = given ?? takeHeadStart(ctx.bundle);
  if (head && !ctx.tarball && head.root === path6.resolve(ctx.root)) return head;
  void head?.pool.close();
  return void 0;
}
async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
function locateManifest(ctx, given) {
  const inside = path6.join(ctx.root, "manifest.json");
  const manifest = given ?? (existsSync3(inside) ? inside : void 0);
  if (!manifest) return;
  ctx.manifest = manifest;
  const rel = path6.relative(path6.resolve(ctx.root), path6.resolve(manifest));
  if (rel && !rel.startsWith("..") && !path6.isAbsolute(rel))
    ctx.manifestInBundle = rel.split(path6.sep).join("/");
}
async function releaseSessions(ctx) {
  await Promise.all(
    [...ctx.onnx.values()].map(async (opening) => {
      try {
        await (await opening).session.release();
      } catch {
      }
    })
  );
}

// src/core/health/render.ts
var SYMBOL = { pass: "\u2713", warn: "\u26A0", fail: "\u2717", skip: "\u2013" };
function cell(text) {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}
function code(text) {
  return `\`${text.replace(/`/g, "'")}\``;
}
function renderHealthSummary(report) {
  const out = [];
  const failed = report.checks.filter((c) => c.status === "fail");
  const title = report.passed ? "\u2705 Healthcheck passed" : `\u274C Healthcheck failed (${failed.map((c) => c.name).join(", ")})`;
  out.push(`## ${title}: ${code(report.bundle)}`, "");
  out.push(
    `${report.files} files, ${formatSize(report.bytes)}, checked in ${formatMs(report.durationMs)}`,
    ""
  );
  out.push("| | check | time | result |", "|---|---|---:|---|");
  for (const c of report.checks) {
    out.push(
      `| ${SYMBOL[c.status]} | ${c.name} | ${c.status === "skip" ? "\u2013" : formatMs(c.ms)} | ${cell(firstLine2(c.message))} |`
    );
    for (const u of userChecks(c))
      out.push(
        `| ${SYMBOL[u.status]} | ${c.name} \u203A ${cell(u.name)} | ${u.ms === void 0 ? "" : formatMs(u.ms)} | ${cell(firstLine2(u.message))} |`
      );
  }
  out.push("");
  if (report.inference) {
    out.push("**Inference test** (golden.json):", "");
    out.push(
      `- bull_prob: ${report.inference.bull_prob}`,
      `- regime: ${report.inference.regime}`,
      `- direction: ${report.inference.direction}`,
      ""
    );
  }
  const attention = report.checks.filter((c) => c.status === "fail" || c.status === "warn");
  if (attention.length) {
    out.push("### What needs attention", "");
    for (const c of attention) {
      out.push(`#### ${SYMBOL[c.status]} ${c.name}`, "");
      const lines = c.problems?.length ? c.problems.map((p) => p.message) : [c.message];
      for (const line of lines) {
        const [head, ...rest] = line.split("\n");
        out.push(`- ${head}`);
        if (rest.length) out.push("", "  ```", ...rest.map((r) => `  ${r}`), "  ```");
      }
      out.push("");
    }
  }
  const golden = report.checks.find((c) => c.name === "golden");
  const rows = goldenRows(golden);
  if (rows.length) {
    out.push("### Golden vectors", "");
    out.push(
      "| | model | kind | golden | values | max \\|diff\\| | tolerance |",
      "|---|---|---|---|---:|---:|---|"
    );
    for (const r of rows) {
      const tol = r.tolerance ? formatTolerance(r.tolerance) : "";
      out.push(
        `| ${SYMBOL[r.status]} | ${cell(r.model)} | ${r.kind} | ${r.golden === "entry" ? "entry" : r.status === "skip" ? "none (does not load)" : "none (smoke run)"} | ${r.values || ""} | ${r.maxAbsDiff === null ? "\u2013" : formatDiff(r.maxAbsDiff)} | ${tol} |`
      );
    }
    out.push("");
  }
  const onnx = onnxRows(report.checks.find((c) => c.name === "load"));
  if (onnx.length) {
    out.push("### ONNX models", "");
    out.push("| model | inputs | outputs | session | p50 (warm) |", "|---|---|---|---:|---:|");
    for (const m of onnx) {
      const io = (values) => values.map((v) => `${code(v.name)} ${v.type}${v.tensor ? formatDims(v.dims) : ""}`).join("<br>");
      const p50 = m.p50Ms === void 0 ? "\u2013" : `${formatMs(m.p50Ms)} (${m.runs} runs)`;
      out.push(`| ${cell(m.file)} | ${io(m.inputs)} | ${io(m.outputs)} | ${formatMs(m.openMs)} | ${p50} |`);
    }
    out.push("");
  }
  return `${out.join("\n").trimEnd()}
`;
}
function firstLine2(text) {
  return text.split("\n")[0] ?? text;
}
function userChecks(check) {
  if (check.name !== "command") return [];
  const checks = check.details?.checks;
  return Array.isArray(checks) ? checks : [];
}
function goldenRows(check) {
  const models = check?.details?.models;
  return Array.isArray(models) ? models : [];
}
function onnxRows(check) {
  const onnx = check?.details?.onnx;
  return Array.isArray(onnx) ? onnx : [];
}

// src/commands/healthcheck.ts
function checkAnnotations(checks) {
  const out = [];
  for (const check of checks) {
    if (check.problems?.length) {
      for (const p of check.problems) out.push({ ...p, title: `modelgate ${check.name}` });
    } else if (check.status === "fail" || check.status === "warn") {
      out.push({
        severity: check.status === "fail" ? "error" : "warning",
        message: `${check.name}: ${check.message}`,
        title: `modelgate ${check.name}`
      });
    }
  }
  return out;
}
var healthcheckCommand = async (ctx) => {
  const loaded2 = await loadConfigInput(ctx);
  const bundle = resolveIn(ctx, requiredInput(ctx.inputs, "bundle"));
  const manifest = optionalInput(ctx.inputs, "manifest");
  const command = optionalInput(ctx.inputs, "command");
  const reportPath = reportPathInput(ctx, "modelgate-healthcheck.json");
  const report = await ctx.log.group(
    `Healthcheck of ${bundle}`,
    () => runHealthcheck({
      bundle,
      config: loaded2.config,
      configFile: loaded2.file,
      ...manifest ? { manifest: resolveIn(ctx, manifest) } : {},
      ...command ? { command } : {},
      workDir: ctx.tempDir,
      onProgress: (line) => ctx.log.info(line)
    })
  );
  await writeJsonFile(reportPath, report);
  const failed = report.checks.filter((c) => c.status === "fail").map((c) => c.name);
  return {
    outputs: {
      passed: String(report.passed),
      report: reportPath,
      files: String(report.files),
      "duration-ms": String(Math.round(report.durationMs)),
      inference: report.inference ? JSON.stringify(report.inference) : ""
    },
    summary: renderHealthSummary(report),
    annotations: checkAnnotations(report.checks),
    ...report.passed ? {} : { failure: `healthcheck failed: ${failed.join(", ")} (report: ${reportPath})` }
  };
};

export {
  runHealthcheck,
  checkAnnotations,
  healthcheckCommand
};
