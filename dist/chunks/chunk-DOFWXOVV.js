import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  formatSize,
  listBundle,
  reportPassed
} from "./chunk-W2QENP6Y.js";
import {
  cell,
  evaluateTrainingGate
} from "./chunk-HGXEVXB7.js";
import {
  DEFAULT_SHADOW_RULES,
  MANIFEST_SCHEMA,
  PARSE_ONCE,
  manifestSchema
} from "./chunk-A7JTYF5J.js";
import {
  _null,
  array,
  boolean,
  describeIssue,
  looseObject,
  number,
  object,
  optional,
  record,
  string,
  union
} from "./chunk-GU6PC365.js";
import {
  parseJsonText
} from "./chunk-7MJOQLOW.js";
import {
  dottedPath
} from "./chunk-OVS6HWYE.js";
import {
  InputError,
  ModelgateError
} from "./chunk-UAYJCUJE.js";

// src/core/package/manifest-build.ts
import path from "node:path";

// src/core/package/timestamp.ts
var PATTERN = /^(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})$/;
function parseReleaseTimestamp(value, input = "timestamp") {
  const m = PATTERN.exec(value);
  const hint = `expected YYYYMMDD_HHMMSS in UTC, e.g. 20260220_145749`;
  if (!m) throw new InputError(`input ${input}: "${value}" is not a release timestamp; ${hint}`, input);
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && date.getUTCHours() === hour && date.getUTCMinutes() === minute && date.getUTCSeconds() === second;
  if (!real || year < 1970)
    throw new InputError(`input ${input}: "${value}" is not a real date and time; ${hint}`, input);
  return date;
}
function formatReleaseTimestamp(date) {
  const p = (n, w = 2) => String(n).padStart(w, "0");
  return `${p(date.getUTCFullYear(), 4)}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}_${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}`;
}
function isoSeconds(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

// src/core/package/manifest-build.ts
var MANIFEST_ENTRY = "manifest.json";
function releaseId(name, timestamp) {
  return `${name}_${timestamp}`;
}
function tarballName(id) {
  return `${id}.tar.gz`;
}
function manifestPathFor(tarball) {
  return besideTarball(tarball, ".manifest.json");
}
function notesPathFor(tarball) {
  return besideTarball(tarball, ".notes.md");
}
function besideTarball(tarball, suffix) {
  const base = path.basename(tarball).replace(/\.tar\.gz$|\.tgz$/, "");
  return path.join(path.dirname(tarball), `${base}${suffix}`);
}
function kindOf(file, config) {
  return config.release.artifacts.find((a) => a.path === file)?.kind ?? "other";
}
function healthSummary(report, detailed) {
  return {
    passed: report.passed,
    checks: report.checks.map(
      (c) => detailed ? { name: c.name, status: c.status, ms: Math.round(c.ms), message: c.message } : { name: c.name, status: c.status }
    )
  };
}
function sourceFromEnv(env, withRun) {
  if (!env) return void 0;
  const source = {};
  if (env.GITHUB_REPOSITORY) source.repository = env.GITHUB_REPOSITORY;
  if (env.GITHUB_SHA) source.sha = env.GITHUB_SHA;
  if (withRun && env.GITHUB_RUN_ID) source.run_id = env.GITHUB_RUN_ID;
  return Object.keys(source).length > 0 ? source : void 0;
}
function build(input, outside) {
  const id = releaseId(input.name, input.timestamp);
  const files = input.files.map((f) => ({
    path: f.path,
    kind: kindOf(f.path, input.config),
    size: f.size,
    sha256: f.sha256
  }));
  const source = sourceFromEnv(input.env, outside !== void 0);
  const manifest = {
    schema: MANIFEST_SCHEMA,
    id,
    name: input.name,
    created: isoSeconds(input.created),
    bundle: { file: tarballName(id), ...outside ?? {} },
    files,
    metrics: input.metrics,
    ...input.health ? { health: healthSummary(input.health, outside !== void 0) } : {},
    ...source ? { source } : {}
  };
  return manifestSchema.parse(manifest);
}
function buildInnerManifest(input) {
  return build(input, void 0);
}
function buildOuterManifest(input, bundle) {
  return build(input, bundle);
}
function serializeManifest(manifest) {
  return `${JSON.stringify(manifest, null, 2)}
`;
}

// src/core/package/package.ts
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path4 from "node:path";

// src/core/deploy/cancel.ts
function cancelledError(signal, before) {
  return new ModelgateError(`cancelled (${reasonOf(signal)}) before ${before}`, "runtime");
}
function reasonOf(signal) {
  const reason = signal.reason;
  return reason instanceof Error ? reason.message : String(reason ?? "aborted");
}
function sleepUnlessAborted(ms, signal) {
  if (!signal) return new Promise((resolve) => setTimeout(resolve, ms));
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

// src/core/package/health-match.ts
var integrityDetails = object({
  files: array(object({ path: string(), size: number(), sha256: string() }))
});
var HealthReportMatch = class _HealthReportMatch {
  constructor(files, source, bundle) {
    this.files = files;
    this.source = source;
    this.bundle = bundle;
  }
  files;
  source;
  bundle;
  /**
   * The files `report` vouches for. `source` names the report in messages (its file), `bundle`
   * the folder being packaged.
   */
  static of(report, source, bundle) {
    const integrity = report.checks.find((c) => c.name === "integrity");
    const parsed = integrityDetails.safeParse(integrity?.details, PARSE_ONCE);
    if (!parsed.success)
      throw new ModelgateError(
        `${source}: the health report has no integrity check listing the files it hashed, so it cannot vouch for ${bundle}; pass the report modelgate's healthcheck wrote for this bundle, or leave health-report empty to run the healthcheck here`,
        "input",
        { file: source }
      );
    return new _HealthReportMatch(
      new Map(parsed.data.files.map((f) => [f.path, { size: f.size, sha256: f.sha256 }])),
      source,
      bundle
    );
  }
  /** The bundle's files are the report's, at the same sizes. */
  checkSizes(files) {
    const here = /* @__PURE__ */ new Set();
    for (const f of files) {
      here.add(f.path);
      const vouched = this.files.get(f.path);
      if (!vouched) this.refuse(`${f.path} is in the bundle but not in the report`);
      if (vouched.size !== f.size)
        this.refuse(`${f.path} is ${f.size} bytes here and ${vouched.size} bytes in the report`);
    }
    for (const path5 of this.files.keys())
      if (!here.has(path5)) this.refuse(`${path5} is in the report but not in the bundle`);
  }
  /** Each file's sha256 as package read it equals the report's. */
  checkHashes(sha256) {
    for (const [path5, vouched] of this.files) {
      const actual = sha256.get(path5);
      if (actual !== void 0 && actual !== vouched.sha256)
        this.refuse(`${path5} has sha256 ${actual} here and ${vouched.sha256} in the report`);
    }
  }
  refuse(difference) {
    throw new ModelgateError(
      `${this.source}: this health report was written for other files than ${this.bundle}: ${difference}; run the healthcheck on this bundle and pass its report (or leave health-report empty to run it here)`,
      "input",
      { file: this.source }
    );
  }
};

// src/core/package/metrics.ts
import { readFile } from "node:fs/promises";
import path2 from "node:path";
var METRICS_FILE = "metrics.json";
var metricValue = union([number(), string(), boolean(), _null()]);
var metricTable = record(string(), record(string(), metricValue));
var metricsFileSchema = looseObject({
  horizons: optional(metricTable),
  base: optional(metricTable),
  models: optional(metricTable)
});
async function readJson(bundleDir, file) {
  const absolute = path2.join(bundleDir, file);
  const again = "the training job must write it again";
  let parsed;
  try {
    parsed = parseJsonText(await readFile(absolute, "utf8"), absolute);
  } catch (error) {
    const where = error instanceof ModelgateError ? error : void 0;
    throw new ModelgateError(
      `${where?.message ?? `${absolute}: cannot read (${error.message})`}; ${again}`,
      "input",
      { file: absolute, line: where?.line, column: where?.column },
      { cause: error }
    );
  }
  const bare = parsed.nonStandard[0];
  if (bare)
    throw new ModelgateError(
      `${absolute}:${bare.line} not valid JSON: a bare ${bare.token}, which the manifest cannot carry; ${again} with json.dump(..., allow_nan=False) after replacing non-finite values`,
      "input",
      { file: absolute, line: bare.line }
    );
  return parsed.value;
}
function metricValues(value) {
  const out = {};
  if (!value || typeof value !== "object" || Array.isArray(value)) return out;
  for (const [key, v] of Object.entries(value)) {
    const parsed = metricValue.safeParse(v);
    if (parsed.success) out[key] = parsed.data;
  }
  return out;
}
function metaHorizon(meta, file) {
  if (typeof meta.horizon === "string" && meta.horizon) return meta.horizon;
  return /_(\d+[a-z]+)\.json$/i.exec(path2.basename(file))?.[1];
}
function merge(into, from) {
  for (const [subject, values] of Object.entries(from))
    into[subject] = { ...into[subject] ?? {}, ...values };
}
async function gatherMetrics(bundleDir, files, config) {
  const metrics = { horizons: {}, base: {}, models: {} };
  const sources = [];
  const present = new Set(files);
  const metaFile = config.release.stacking?.meta;
  if (metaFile && present.has(metaFile)) {
    const meta = await readJson(bundleDir, metaFile);
    if (meta && typeof meta === "object" && !Array.isArray(meta)) {
      const record2 = meta;
      const horizon = metaHorizon(record2, metaFile);
      const own = metricValues(record2.metrics);
      if (horizon && Object.keys(own).length > 0) metrics.horizons[horizon] = own;
      if (record2.base_metrics && typeof record2.base_metrics === "object") {
        for (const [model, values] of Object.entries(record2.base_metrics)) {
          const v = metricValues(values);
          if (Object.keys(v).length > 0) metrics.base[model] = v;
        }
      }
      if (Object.keys(own).length > 0 || Object.keys(metrics.base).length > 0) sources.push(metaFile);
    }
  }
  if (present.has(METRICS_FILE)) {
    const raw = await readJson(bundleDir, METRICS_FILE);
    const parsed = metricsFileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ModelgateError(
        `${METRICS_FILE}: ${dottedPath(issue.path)}: ${describeIssue(issue, raw)}; the training job must write { "horizons": { "1h": { "oof_auc": 0.58 } }, "base": {...}, "models": {...} } with numbers as values`,
        "input",
        { file: path2.join(bundleDir, METRICS_FILE) }
      );
    }
    const { horizons, base, models, ...rest } = parsed.data;
    merge(metrics.horizons, horizons ?? {});
    merge(metrics.base, base ?? {});
    merge(metrics.models, models ?? {});
    for (const [key, value] of Object.entries(rest)) {
      const v = metricValue.safeParse(value);
      if (v.success) metrics[key] = v.data;
    }
    sources.push(METRICS_FILE);
  }
  return { metrics, sources };
}

// src/core/package/notes.ts
import path3 from "node:path";
var EN = {
  title: "Deployment checklist",
  created: "Created",
  bundle: "Bundle",
  files: (n) => `${n} files`,
  status: "Status",
  statusReady: "\u2705 Health check passed, ready to deploy",
  statusNoHealth: "\u26A0\uFE0F No health check was run for this package; run healthcheck before deploying",
  statusHealthFailed: "\u274C Health check failed",
  statusGateFailed: "\u274C Training gate failed: do not deploy",
  enabledHorizons: "Enabled horizons",
  none: "none",
  inventory: "Model files",
  coreModels: "Core models",
  otherModels: "Other models",
  metadata: "Metadata and other files",
  roles: {
    lstm: "Multi-Horizon LSTM",
    stacking: "Stacking Ensemble",
    tft: "TFT",
    regime: "Regime models",
    lightgbm: "LightGBM",
    xgboost: "XGBoost",
    models: "Other models",
    metadata: "Metadata",
    other: "Other files"
  },
  kinds: {
    onnx: "ONNX model",
    torch: "PyTorch model",
    lightgbm: "LightGBM model",
    xgboost: "XGBoost model",
    pickle: "pickled model",
    json: "JSON metadata",
    other: "file"
  },
  performance: "Performance",
  horizons: "Stacking by horizon",
  baseModels: "Base models (OOF)",
  models: "Models",
  horizon: "Horizon",
  model: "Model",
  gate: "Gate",
  enabled: "\u2713 enabled",
  disabled: "\u2717 disabled",
  noMetrics: "The bundle carries no metrics (metrics.json or the stacking meta JSON).",
  health: "Health check",
  healthColumns: ["Check", "Status", "Time", "Details"],
  healthNotRun: "No health check was run for this package.",
  deploySteps: "Deployment steps",
  stepVerify: "Verify the tarball",
  stepShadow: "Deploy in shadow mode",
  stepCheck: "Verify the deployment",
  stepObserve: "Shadow observation",
  stepLive: "Go live (once stable)",
  verifyComment: "# the checksum this release was packaged with",
  shadowComment: (id) => `# upload, verify, extract to releases/${id}, back up, switch, set the shadow flags, restart, verify logs; rolls back by itself on failure`,
  logComment: "# service log",
  loadComment: "# models loaded",
  observeComment: "# trade logs of the shadow window against the shadow rules",
  watch: "Watch",
  liveComment: "# set the promote flags, restart, verify",
  envComment: "# the flags now in effect",
  checklist: "Deployment checklist",
  before: "Before deployment",
  during: "During deployment",
  after: "After deployment",
  goLive: "Go live",
  items: {
    healthPassed: "Health check passed",
    packaged: (file) => `Bundle packaged: \`${file}\``,
    allFiles: (n) => `All ${n} model files present, sha256 in the manifest`,
    gate: (h) => `Training gate passed (enabled horizons: ${h})`,
    backup: (dir) => `Current production models backed up (deploy archives them to \`${dir}\`)`,
    disk: "Enough disk space on the server (deploy's preflight checks it)",
    uploaded: (sha) => `Tarball transferred, sha256 \`${sha}\` verified on the server`,
    switched: (id, models) => `Extracted to \`releases/${id}\`, \`${models}\` switched to it`,
    restarted: "Service restarted",
    noErrors: (p) => `No errors in the log (${p})`,
    loaded: (p) => `Models loaded (log shows ${p})`,
    shadowRunning: (w) => `Shadow mode running, gate window ${w}`,
    stable: (d) => `Shadow mode stable for ${d}`,
    allMet: "All shadow metrics met",
    flags: (f) => `Set ${f}`,
    monitor: "Monitor for 48 hours"
  },
  risks: "Risks",
  knownIssues: "Known issues",
  overfit: (s) => `Validation overfit (${s})`,
  overfitLine: (val, test, gap, limit) => `Val AUC ${val} vs Test AUC ${test}: gap ${gap}, above ${limit}`,
  unusable: (h) => `${h} not usable`,
  onlyUse: (h) => `Use only: ${h}`,
  noHorizon: "No horizon passed the training gate: do not deploy",
  belowTarget: (m) => `${m} AUC below its target`,
  targetLine: (t, a) => `Target: ${t}, actual: ${a}`,
  gapLine: (p) => `Gap: ${p}`,
  otherFindings: "Other gate findings",
  noIssues: "The training gate found no known issues.",
  mitigations: "Mitigations",
  mitigationShadow: (f) => `Shadow mode by default (${f} until promote)`,
  mitigationSamples: (b) => `Stacking sample-size gate (${b})`,
  mitigationHealth: "Automated health check (integrity, loading, golden-vector inference, pickle safety)",
  mitigationShadowGate: "Shadow gate on the live trade logs before promotion",
  mitigationSwitch: "Atomic switch with backup, automatic rollback when verification fails",
  rollback: "Rollback",
  rollbackIntro: "If problems appear after deployment:",
  rollbackStacking: (f) => `# 1. turn stacking off (${f}), restart`,
  rollbackRelease: (dir) => `# 2. restore the previous release (${dir} back to it), restart`,
  rollbackMlOff: (r, f) => `# 3. turn ML off entirely (${r} in ${f}), restart`,
  shadowRules: {
    ml_coverage: "ML coverage",
    stacking_activation: "Stacking activation",
    lstm_ok_rate: "LSTM normal-output rate",
    tft_ok_rate: "TFT normal-output rate",
    bull_prob_in_range: "Predictions within",
    severe_errors: "Severe ML errors"
  }
};
var ZH = {
  title: "\u90E8\u7F72\u6E05\u5355",
  created: "\u751F\u6210\u65F6\u95F4",
  bundle: "\u6253\u5305\u6587\u4EF6",
  files: (n) => `${n} \u4E2A\u6587\u4EF6`,
  status: "\u72B6\u6001",
  statusReady: "\u2705 \u5065\u5EB7\u68C0\u67E5\u901A\u8FC7\uFF0C\u51C6\u5907\u90E8\u7F72",
  statusNoHealth: "\u26A0\uFE0F \u672C\u6B21\u6253\u5305\u672A\u8FD0\u884C\u5065\u5EB7\u68C0\u67E5\uFF0C\u90E8\u7F72\u524D\u8BF7\u5148\u8FD0\u884C healthcheck",
  statusHealthFailed: "\u274C \u5065\u5EB7\u68C0\u67E5\u672A\u901A\u8FC7",
  statusGateFailed: "\u274C \u8BAD\u7EC3\u95E8\u7981\u672A\u901A\u8FC7\uFF0C\u4E0D\u8981\u90E8\u7F72",
  enabledHorizons: "\u542F\u7528\u5468\u671F",
  none: "\u65E0",
  inventory: "\u6A21\u578B\u6587\u4EF6\u6E05\u5355",
  coreModels: "\u6838\u5FC3\u6A21\u578B",
  otherModels: "\u5176\u4ED6\u6A21\u578B",
  metadata: "\u5143\u6570\u636E\u53CA\u5176\u4ED6\u6587\u4EF6",
  roles: {
    lstm: "Multi-Horizon LSTM",
    stacking: "Stacking Ensemble",
    tft: "TFT",
    regime: "Regime \u6A21\u578B",
    lightgbm: "LightGBM",
    xgboost: "XGBoost",
    models: "\u5176\u4ED6\u6A21\u578B",
    metadata: "\u5143\u6570\u636E",
    other: "\u5176\u4ED6\u6587\u4EF6"
  },
  kinds: {
    onnx: "ONNX \u6A21\u578B",
    torch: "PyTorch \u6A21\u578B",
    lightgbm: "LightGBM \u6A21\u578B",
    xgboost: "XGBoost \u6A21\u578B",
    pickle: "pickle \u6A21\u578B",
    json: "JSON \u5143\u6570\u636E",
    other: "\u6587\u4EF6"
  },
  performance: "\u6027\u80FD\u6307\u6807",
  horizons: "Stacking \u5404\u5468\u671F",
  baseModels: "\u57FA\u6A21\u578B OOF \u8868\u73B0",
  models: "\u6A21\u578B\u6307\u6807",
  horizon: "\u5468\u671F",
  model: "\u6A21\u578B",
  gate: "\u95E8\u7981",
  enabled: "\u2713 \u542F\u7528",
  disabled: "\u2717 \u672A\u542F\u7528",
  noMetrics: "\u6253\u5305\u6587\u4EF6\u4E2D\u6CA1\u6709\u6307\u6807 (metrics.json \u6216 stacking \u5143\u6570\u636E)\u3002",
  health: "\u5065\u5EB7\u68C0\u67E5\u7ED3\u679C",
  healthColumns: ["\u68C0\u67E5\u9879", "\u72B6\u6001", "\u8017\u65F6", "\u8BF4\u660E"],
  healthNotRun: "\u672C\u6B21\u6253\u5305\u672A\u8FD0\u884C\u5065\u5EB7\u68C0\u67E5\u3002",
  deploySteps: "\u90E8\u7F72\u6B65\u9AA4",
  stepVerify: "\u6821\u9A8C\u6253\u5305\u6587\u4EF6",
  stepShadow: "\u90E8\u7F72 (Shadow \u6A21\u5F0F)",
  stepCheck: "\u9A8C\u8BC1\u90E8\u7F72",
  stepObserve: "Shadow \u6A21\u5F0F\u89C2\u5BDF",
  stepLive: "\u6B63\u5F0F\u5F00\u542F (\u786E\u8BA4\u7A33\u5B9A\u540E)",
  verifyComment: "# \u6253\u5305\u65F6\u8BB0\u5F55\u7684\u6821\u9A8C\u548C",
  shadowComment: (id) => `# \u4E0A\u4F20\u3001\u6821\u9A8C\u3001\u89E3\u538B\u5230 releases/${id}\u3001\u5907\u4EFD\u3001\u5207\u6362\u3001\u8BBE\u7F6E Shadow \u5F00\u5173\u3001\u91CD\u542F\u3001\u68C0\u67E5\u65E5\u5FD7\uFF1B\u5931\u8D25\u65F6\u81EA\u52A8\u56DE\u9000`,
  logComment: "# \u67E5\u770B\u65E5\u5FD7",
  loadComment: "# \u68C0\u67E5\u6A21\u578B\u52A0\u8F7D",
  observeComment: "# \u7528 Shadow \u89C4\u5219\u5206\u6790\u89C2\u5BDF\u7A97\u53E3\u5185\u7684\u4EA4\u6613\u65E5\u5FD7",
  watch: "\u89C2\u5BDF\u6307\u6807",
  liveComment: "# \u8BBE\u7F6E\u6B63\u5F0F\u5F00\u5173\u3001\u91CD\u542F\u3001\u9A8C\u8BC1",
  envComment: "# \u9A8C\u8BC1\u73AF\u5883\u53D8\u91CF",
  checklist: "\u90E8\u7F72\u68C0\u67E5\u6E05\u5355",
  before: "\u90E8\u7F72\u524D",
  during: "\u90E8\u7F72\u4E2D",
  after: "\u90E8\u7F72\u540E",
  goLive: "\u6B63\u5F0F\u5F00\u542F",
  items: {
    healthPassed: "\u5065\u5EB7\u68C0\u67E5\u901A\u8FC7",
    packaged: (file) => `\u6A21\u578B\u6587\u4EF6\u6253\u5305\u5B8C\u6210: \`${file}\``,
    allFiles: (n) => `\u6240\u6709\u6A21\u578B\u6587\u4EF6\u5B8C\u6574 (${n} \u4E2A\uFF0Csha256 \u89C1 manifest)`,
    gate: (h) => `\u8BAD\u7EC3\u95E8\u7981\u901A\u8FC7 (\u542F\u7528\u5468\u671F: ${h})`,
    backup: (dir) => `\u5907\u4EFD\u5F53\u524D\u751F\u4EA7\u6A21\u578B (deploy \u81EA\u52A8\u5F52\u6863\u5230 \`${dir}\`)`,
    disk: "\u786E\u8BA4\u670D\u52A1\u5668\u78C1\u76D8\u7A7A\u95F4\u5145\u8DB3 (deploy \u9884\u68C0)",
    uploaded: (sha) => `\u6A21\u578B\u6587\u4EF6\u4F20\u8F93\u6210\u529F\uFF0C\u670D\u52A1\u5668\u4E0A\u6821\u9A8C sha256 \`${sha}\``,
    switched: (id, models) => `\u89E3\u538B\u5230 \`releases/${id}\`\uFF0C\`${models}\` \u5DF2\u5207\u6362`,
    restarted: "\u670D\u52A1\u91CD\u542F\u6210\u529F",
    noErrors: (p) => `\u65E5\u5FD7\u65E0\u9519\u8BEF (${p})`,
    loaded: (p) => `\u6A21\u578B\u52A0\u8F7D\u6210\u529F (\u65E5\u5FD7\u542B ${p})`,
    shadowRunning: (w) => `Shadow \u6A21\u5F0F\u8FD0\u884C\uFF0C\u95E8\u7981\u7A97\u53E3 ${w}`,
    stable: (d) => `Shadow \u6A21\u5F0F\u7A33\u5B9A ${d}`,
    allMet: "\u6240\u6709\u6307\u6807\u8FBE\u6807",
    flags: (f) => `\u8BBE\u7F6E ${f}`,
    monitor: "\u6301\u7EED\u76D1\u63A7 48 \u5C0F\u65F6"
  },
  risks: "\u98CE\u9669\u63D0\u793A",
  knownIssues: "\u5DF2\u77E5\u95EE\u9898",
  overfit: (s) => `\u9A8C\u8BC1\u96C6\u8FC7\u62DF\u5408 (${s})`,
  overfitLine: (val, test, gap, limit) => `Val AUC ${val} vs Test AUC ${test}\uFF0C\u5DEE\u8DDD ${gap}\uFF0C\u8D85\u8FC7 ${limit}`,
  unusable: (h) => `${h} \u4E0D\u53EF\u7528`,
  onlyUse: (h) => `\u5EFA\u8BAE: \u53EA\u4F7F\u7528 ${h}`,
  noHorizon: "\u6CA1\u6709\u5468\u671F\u901A\u8FC7\u8BAD\u7EC3\u95E8\u7981\uFF0C\u4E0D\u8981\u90E8\u7F72",
  belowTarget: (m) => `${m} AUC \u4F4E\u4E8E\u76EE\u6807`,
  targetLine: (t, a) => `\u76EE\u6807: ${t}, \u5B9E\u9645: ${a}`,
  gapLine: (p) => `\u5DEE\u8DDD: ${p}`,
  otherFindings: "\u5176\u4ED6\u95E8\u7981\u7ED3\u679C",
  noIssues: "\u8BAD\u7EC3\u95E8\u7981\u672A\u53D1\u73B0\u5DF2\u77E5\u95EE\u9898\u3002",
  mitigations: "\u7F13\u89E3\u63AA\u65BD",
  mitigationShadow: (f) => `Shadow \u6A21\u5F0F\u9ED8\u8BA4\u5F00\u542F (\u6B63\u5F0F\u5F00\u542F\u524D ${f})`,
  mitigationSamples: (b) => `Stacking \u6837\u672C\u91CF\u95E8\u7981 (${b})`,
  mitigationHealth: "\u5065\u5EB7\u68C0\u67E5\u81EA\u52A8\u5316 (\u5B8C\u6574\u6027\u3001\u52A0\u8F7D\u3001golden \u63A8\u7406\u4E00\u81F4\u6027\u3001pickle \u5B89\u5168)",
  mitigationShadowGate: "\u6B63\u5F0F\u5F00\u542F\u524D\u7528\u5B9E\u76D8\u4EA4\u6613\u65E5\u5FD7\u505A Shadow \u95E8\u7981",
  mitigationSwitch: "\u539F\u5B50\u5207\u6362\u5E76\u5907\u4EFD\uFF0C\u9A8C\u8BC1\u5931\u8D25\u81EA\u52A8\u56DE\u9000",
  rollback: "\u56DE\u9000\u65B9\u6848",
  rollbackIntro: "\u5982\u679C\u90E8\u7F72\u540E\u51FA\u73B0\u95EE\u9898:",
  rollbackStacking: (f) => `# 1. \u5173\u95ED Stacking (${f})\uFF0C\u91CD\u542F`,
  rollbackRelease: (dir) => `# 2. \u6062\u590D\u4E0A\u4E00\u4E2A\u7248\u672C (${dir} \u5207\u56DE)\uFF0C\u91CD\u542F`,
  rollbackMlOff: (r, f) => `# 3. \u5B8C\u5168\u5173\u95ED ML (${f} \u4E2D\u8BBE\u4E3A ${r})\uFF0C\u91CD\u542F`,
  shadowRules: {
    ml_coverage: "ML \u8986\u76D6\u7387",
    stacking_activation: "Stacking \u6FC0\u6D3B\u7387",
    lstm_ok_rate: "LSTM \u8F93\u51FA\u6B63\u5E38\u7387",
    tft_ok_rate: "TFT \u8F93\u51FA\u6B63\u5E38\u7387",
    bull_prob_in_range: "\u9884\u6D4B\u5206\u5E03\u5408\u7406",
    severe_errors: "\u4E25\u91CD ML \u9519\u8BEF"
  }
};
function formatMetric(value) {
  if (value === null || value === void 0) return "\u2014";
  if (typeof value === "number") {
    if (Number.isInteger(value)) return value.toLocaleString("en-US");
    if (Math.abs(value) >= 1e-3) return value.toFixed(4);
    return String(value);
  }
  return cell(String(value));
}
function roleOf(file) {
  const name = path3.basename(file.path).toLowerCase();
  if (name.startsWith("stacking_")) return "stacking";
  if (name.startsWith("lstm_")) return "lstm";
  if (name.startsWith("tft_")) return "tft";
  if (name.includes("regime")) return "regime";
  if (file.kind === "lightgbm") return "lightgbm";
  if (file.kind === "xgboost") return "xgboost";
  if (file.kind === "onnx" || file.kind === "torch" || file.kind === "pickle") return "models";
  if (file.kind === "json" || name.endsWith(".json")) return "metadata";
  return "other";
}
function inventory(manifest, w) {
  const groups = /* @__PURE__ */ new Map();
  for (const file of manifest.files) {
    const role = roleOf(file);
    groups.set(role, [...groups.get(role) ?? [], file]);
  }
  const lines = [];
  const section = (heading, roles, bold) => {
    const present = roles.filter((r) => groups.has(r));
    if (present.length === 0) return;
    lines.push(`### ${heading}`, "");
    for (const role of present) {
      if (bold) lines.push(`**${w.roles[role]}**:`);
      for (const f of groups.get(role))
        lines.push(`- ${f.path} (${formatSize(f.size)}) - ${w.kinds[f.kind] ?? f.kind}`);
      lines.push("");
    }
  };
  section(w.coreModels, ["lstm", "stacking"], true);
  section(w.otherModels, ["tft", "regime", "lightgbm", "xgboost", "models"], true);
  section(w.metadata, ["metadata", "other"], false);
  return lines;
}
var PREFERRED_COLUMNS = ["oof_auc", "oof_std", "test_auc", "val_auc", "n_oof", "target_auc"];
function columnsOf(table2) {
  const all = /* @__PURE__ */ new Set();
  for (const values of Object.values(table2)) for (const key of Object.keys(values)) all.add(key);
  return [
    ...PREFERRED_COLUMNS.filter((c) => all.has(c)),
    ...[...all].filter((c) => !PREFERRED_COLUMNS.includes(c))
  ];
}
function metricTable2(table2, first, extra) {
  const columns = columnsOf(table2);
  const header = [first, ...columns, ...extra ? [extra.header] : []];
  const lines = [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`];
  for (const [subject, values] of Object.entries(table2)) {
    const cells = [
      cell(subject),
      ...columns.map((c) => formatMetric(values[c])),
      ...extra ? [extra.cell(subject)] : []
    ];
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines;
}
function performance(manifest, gate, w) {
  const { horizons, base, models } = manifest.metrics;
  const lines = [];
  if (Object.keys(horizons).length === 0 && Object.keys(base).length === 0 && Object.keys(models).length === 0)
    return [w.noMetrics, ""];
  if (Object.keys(horizons).length > 0) {
    lines.push(`### ${w.horizons}`, "");
    lines.push(
      ...metricTable2(horizons, w.horizon, {
        header: w.gate,
        cell: (h) => gate.enabledHorizons.includes(h) ? w.enabled : w.disabled
      }),
      ""
    );
  }
  if (Object.keys(base).length > 0) lines.push(`### ${w.baseModels}`, "", ...metricTable2(base, w.model), "");
  if (Object.keys(models).length > 0) lines.push(`### ${w.models}`, "", ...metricTable2(models, w.model), "");
  return lines;
}
var STATUS_MARK = { pass: "\u2713", warn: "\u26A0\uFE0F", fail: "\u2717", skip: "\u2013" };
function formatMs(ms) {
  return ms >= 1e3 ? `${(ms / 1e3).toFixed(2)} s` : `${Math.round(ms)} ms`;
}
function healthSection(health, manifest, w) {
  const checks = health?.checks ?? manifest.health?.checks;
  if (!checks) return [w.healthNotRun, ""];
  const [c1, c2, c3, c4] = w.healthColumns;
  const lines = [`| ${c1} | ${c2} | ${c3} | ${c4} |`, "|---|---|---|---|"];
  for (const check of checks) {
    const status = check.status;
    const mark = STATUS_MARK[status] ?? "";
    const ms = typeof check.ms === "number" ? formatMs(check.ms) : "\u2014";
    lines.push(`| ${cell(check.name)} | ${mark} ${check.status} | ${ms} | ${cell(check.message ?? "")} |`);
  }
  return [...lines, ""];
}
function target(config) {
  const d = config.deploy;
  const base = d?.path ?? "/opt/macd-analysis";
  const service = d?.service ?? "macd-analysis";
  if (d?.target === "local") return { ssh: (c) => c, path: base, service };
  const host = d?.host ?? "<host>";
  const port = d?.port ?? 22;
  const user = d?.user ?? "root";
  return { ssh: (c) => `ssh -p ${port} ${user}@${host} ${JSON.stringify(c)}`, path: base, service };
}
function flagText(flags, fallback) {
  const entries = Object.entries(flags ?? {});
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(", ") : fallback;
}
function describeShadowRule(name, rule, w) {
  const label = w.shadowRules[name] ?? name;
  const pct = (n) => n <= 1 ? `${Math.round(n * 1e3) / 10}%` : String(n);
  if (rule.range)
    return `${label} (${rule.range[0]}-${rule.range[1]})${rule.min !== void 0 ? ` \u2265 ${pct(rule.min)}` : ""}`;
  const parts = [];
  if (rule.min !== void 0) parts.push(`\u2265 ${pct(rule.min)}`);
  if (rule.max === 0) parts.push("= 0");
  else if (rule.max !== void 0) parts.push(`\u2264 ${pct(rule.max)}`);
  return `${label} ${parts.join(", ")}`.trim();
}
function deploySteps(manifest, config, w) {
  const file = manifest.bundle?.file ?? `${manifest.id}.tar.gz`;
  const sha = manifest.bundle?.sha256 ?? "<sha256>";
  const t = target(config);
  const d = config.deploy;
  const shadow = config.gate.shadow;
  const rules = shadow?.rules ?? DEFAULT_SHADOW_RULES;
  const logCommand = d?.logs ? d.logs.replace("@{since}", "@$(date -d '-1 hour' +%s)") : `journalctl -u ${t.service} -n 50`;
  const expect = d?.verify.expect.length ? d.verify.expect : ["stacking", "lstm"];
  const logFile = d?.log_file ? `${t.path}/${d.log_file}` : `${t.path}/logs/app.log`;
  const flagsFile = `${t.path}/${d?.flags.file ?? ".env"}`;
  return [
    `### 1. ${w.stepVerify}`,
    "",
    "```bash",
    w.verifyComment,
    `echo "${sha}  ${file}" | sha256sum -c -`,
    "```",
    "",
    `### 2. ${w.stepShadow}`,
    "",
    "```bash",
    w.shadowComment(manifest.id),
    `modelgate deploy --tarball ${file} --phase shadow`,
    "```",
    "",
    `### 3. ${w.stepCheck}`,
    "",
    "```bash",
    w.logComment,
    t.ssh(logCommand),
    "",
    w.loadComment,
    t.ssh(`grep -iE '${expect.join("|")}' ${logFile} | tail -20`),
    "```",
    "",
    `### 4. ${w.stepObserve}`,
    "",
    "```bash",
    w.observeComment,
    `modelgate gate --mode shadow`,
    "```",
    "",
    `**${w.watch}**:`,
    ...Object.entries(rules).map(([name, rule]) => `- ${describeShadowRule(name, rule, w)}`),
    "",
    `### 5. ${w.stepLive}`,
    "",
    "```bash",
    w.liveComment,
    `modelgate deploy --tarball ${file} --phase promote`,
    "",
    w.envComment,
    t.ssh(`cat ${flagsFile}; systemctl show ${t.service} --property=Environment`),
    "```",
    ""
  ];
}
function checklists(manifest, config, gate, health, w) {
  const d = config.deploy;
  const file = manifest.bundle?.file ?? `${manifest.id}.tar.gz`;
  const sha = manifest.bundle?.sha256 ?? "<sha256>";
  const healthPassed = (health?.passed ?? manifest.health?.passed) === true;
  const box = (done, text) => `- [${done ? "x" : " "}] ${text}`;
  const shadow = config.gate.shadow;
  const rules = shadow?.rules ?? DEFAULT_SHADOW_RULES;
  const horizons = gate.enabledHorizons.join(", ") || w.none;
  const promote = flagText(d?.flags.promote, "ML_ENABLE_STACKING=1");
  const fail = (d?.verify.fail ?? ["Traceback", "ERROR", "CRITICAL"]).join(", ");
  const expect = (d?.verify.expect.length ? d.verify.expect : ["stacking", "lstm"]).join(", ");
  const window = typeof shadow?.window === "number" ? `${shadow.window}s` : shadow?.window ?? "2d";
  const promoteAfter = typeof shadow?.promote_after === "number" ? `${shadow.promote_after}s` : shadow?.promote_after ?? "24h";
  return [
    `### ${w.before}`,
    "",
    box(healthPassed, w.items.healthPassed),
    box(true, w.items.packaged(file)),
    box(true, w.items.allFiles(manifest.files.length)),
    box(gate.passed, w.items.gate(horizons)),
    box(false, w.items.backup(`${d?.path ?? "/opt/macd-analysis"}/backup/`)),
    box(false, w.items.disk),
    "",
    `### ${w.during}`,
    "",
    box(false, w.items.uploaded(sha)),
    box(false, w.items.switched(manifest.id, d?.models_dir ?? "models")),
    box(false, w.items.restarted),
    box(false, w.items.noErrors(fail)),
    box(false, w.items.loaded(expect)),
    "",
    `### ${w.after}`,
    "",
    box(false, w.items.shadowRunning(window)),
    ...Object.entries(rules).map(([name, rule]) => box(false, describeShadowRule(name, rule, w))),
    "",
    `### ${w.goLive}`,
    "",
    box(false, w.items.stable(promoteAfter)),
    box(false, w.items.allMet),
    box(false, w.items.flags(promote)),
    box(false, w.items.monitor),
    ""
  ];
}
function ruleSummary(r) {
  if (r.value === null) return `${r.metric}: \u2014`;
  return `${r.metric} ${formatMetric(r.value)} (${r.threshold})`;
}
function risks(manifest, config, gate, w) {
  const issues = [];
  for (const r of gate.rules) {
    if (r.scope !== "builtin" || r.metric !== "overfit_gap") continue;
    const table2 = manifest.metrics.horizons[r.subject] ?? manifest.metrics.models[r.subject] ?? manifest.metrics.base[r.subject] ?? {};
    issues.push([
      `**${w.overfit(r.subject)}** \u26A0\uFE0F`,
      `   - ${w.overfitLine(formatMetric(table2.val_auc), formatMetric(table2.test_auc), formatMetric(r.value), String(config.gate.training.warn.overfit_gap))}`
    ]);
  }
  const failed = Object.entries(gate.horizons).filter(([, h]) => !h.passed);
  if (failed.length > 0) {
    const lines2 = [`**${w.unusable(failed.map(([h]) => h).join("/"))}** \u26A0\uFE0F`];
    for (const [h] of failed) {
      const broken = gate.rules.filter(
        (r) => r.scope === "horizon" && r.subject === h && r.status === "fail"
      );
      lines2.push(
        `   - ${h}: ${broken.length ? broken.map(ruleSummary).join(", ") : gate.horizons[h].failures.join("; ")}`
      );
    }
    lines2.push(
      `   - ${gate.enabledHorizons.length ? w.onlyUse(gate.enabledHorizons.join(", ")) : w.noHorizon}`
    );
    issues.push(lines2);
  }
  for (const r of gate.rules) {
    if (r.scope !== "builtin" || r.metric === "overfit_gap" || r.value === null) continue;
    const target2 = (manifest.metrics.models[r.subject] ?? manifest.metrics.base[r.subject] ?? {}).target_auc;
    if (typeof target2 !== "number") continue;
    const pct = ((r.value - target2) / target2 * 100).toFixed(1);
    issues.push([
      `**${w.belowTarget(r.subject.toUpperCase())}** \u26A0\uFE0F`,
      `   - ${w.targetLine(String(target2), formatMetric(r.value))}`,
      `   - ${w.gapLine(`${pct}%`)}`
    ]);
  }
  const other = gate.rules.filter(
    (r) => r.scope !== "builtin" && r.scope !== "horizon" && r.status !== "pass"
  );
  const warnRules = gate.rules.filter((r) => r.scope === "horizon" && r.status === "warn");
  if (other.length + warnRules.length > 0)
    issues.push([
      `**${w.otherFindings}** \u26A0\uFE0F`,
      ...[...warnRules, ...other].map((r) => `   - ${cell(r.message)}`)
    ]);
  const lines = [`### ${w.knownIssues}`, ""];
  if (issues.length === 0) lines.push(w.noIssues, "");
  issues.forEach((issue, i) => lines.push(`${i + 1}. ${issue[0]}`, ...issue.slice(1), ""));
  const d = config.deploy;
  const nOof = Object.values(config.gate.training.horizons).map((rules) => rules.n_oof?.min).filter((v) => v !== void 0);
  lines.push(`### ${w.mitigations}`, "");
  if (Object.keys(d?.flags.shadow ?? {}).length > 0)
    lines.push(`- \u2705 ${w.mitigationShadow(flagText(d?.flags.shadow, ""))}`);
  if (nOof.length > 0)
    lines.push(`- \u2705 ${w.mitigationSamples(`n_oof \u2265 ${formatMetric(Math.min(...nOof))}`)}`);
  lines.push(
    `- \u2705 ${w.mitigationHealth}`,
    `- \u2705 ${w.mitigationShadowGate}`,
    `- \u2705 ${w.mitigationSwitch}`,
    ""
  );
  const mlOff = config.rollback.ml_off;
  lines.push(
    `### ${w.rollback}`,
    "",
    w.rollbackIntro,
    "",
    "```bash",
    w.rollbackStacking(flagText(d?.flags.shadow, "ML_ENABLE_STACKING=0")),
    "modelgate rollback --level stacking",
    "",
    w.rollbackRelease(d?.models_dir ?? "models"),
    "modelgate rollback --level release",
    "",
    w.rollbackMlOff(mlOff?.replace ?? "use_ml_enhancement = False", mlOff?.file ?? "live_config.py"),
    "modelgate rollback --level ml-off",
    "```",
    ""
  );
  return lines;
}
function renderReleaseNotes(input, language = "en") {
  const w = language === "zh" ? ZH : EN;
  const { manifest, config, gate, health } = input;
  const file = manifest.bundle?.file ?? `${manifest.id}.tar.gz`;
  const healthPassed = health?.passed ?? manifest.health?.passed;
  const status = !gate.passed ? w.statusGateFailed : healthPassed === void 0 ? w.statusNoHealth : healthPassed ? w.statusReady : w.statusHealthFailed;
  const size = manifest.bundle?.size;
  const created = manifest.created.replace("T", " ").replace(/Z$/, " UTC");
  const lines = [
    `# ${w.title} - ${manifest.id}`,
    "",
    `**${w.created}**: ${created}  `,
    `**${w.bundle}**: ${file} (${size !== void 0 ? `${formatSize(size)}, ` : ""}${w.files(manifest.files.length)})  `,
    ...manifest.bundle?.sha256 ? [`**sha256**: \`${manifest.bundle.sha256}\`  `] : [],
    `**${w.enabledHorizons}**: ${gate.enabledHorizons.join(", ") || w.none}  `,
    `**${w.status}**: ${status}`,
    "",
    "---",
    "",
    `## ${w.inventory}`,
    "",
    ...inventory(manifest, w),
    "---",
    "",
    `## ${w.performance}`,
    "",
    ...performance(manifest, gate, w),
    "---",
    "",
    `## ${w.health}`,
    "",
    ...healthSection(health, manifest, w),
    "---",
    "",
    `## ${w.deploySteps}`,
    "",
    ...deploySteps(manifest, config, w),
    "---",
    "",
    `## ${w.checklist}`,
    "",
    ...checklists(manifest, config, gate, health, w),
    "---",
    "",
    `## ${w.risks}`,
    "",
    ...risks(manifest, config, gate, w)
  ];
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}
`;
}

// src/core/package/portable-names.ts
var SEGMENT = /^[A-Za-z0-9._-]+$/;
function nonPortableReason(path5) {
  for (const segment of path5.split("/")) {
    if (segment === "." || segment === "..") return `"${segment}" is not allowed as a name`;
    if (!SEGMENT.test(segment)) {
      const bad = [...segment].find((c) => !/[A-Za-z0-9._-]/.test(c)) ?? "";
      return `"${segment}" contains ${describeChar(bad)}; use only letters, digits, ".", "_" and "-"`;
    }
    if (segment.startsWith("-")) return `"${segment}" starts with "-", which tools read as an option`;
  }
  return void 0;
}
function describeChar(c) {
  if (c === " ") return "a space";
  if (c === "	") return "a tab";
  const code = c.codePointAt(0) ?? 0;
  if (code < 32 || code === 127)
    return `a control character (U+${code.toString(16).padStart(4, "0").toUpperCase()})`;
  return `"${c}"`;
}
function checkPortableNames(paths, root) {
  const seen = /* @__PURE__ */ new Map();
  for (const path5 of paths) {
    const reason = nonPortableReason(path5);
    if (reason)
      throw new ModelgateError(
        `${root}/${path5}: name is not portable: ${reason}; rename the file in the bundle`,
        "input",
        {
          file: `${root}/${path5}`
        }
      );
    const parts = path5.split("/");
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join("/");
      const key = prefix.toLowerCase();
      const other = seen.get(key);
      if (other !== void 0 && other !== prefix)
        throw new ModelgateError(
          `${root}/${path5}: "${prefix}" and "${other}" differ only in case, and one overwrites the other on case-insensitive file systems; rename one of them`,
          "input",
          { file: `${root}/${path5}` }
        );
      seen.set(key, prefix);
    }
  }
}

// src/core/package/tarball.ts
import { createHash } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import { open } from "node:fs/promises";
import os from "node:os";
import zlib2 from "node:zlib";

// src/core/package/crc32.ts
import zlib from "node:zlib";
var POLY = 3988292384;
var table;
function crcTable() {
  if (table) return table;
  table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? POLY ^ c >>> 1 : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}
function crc32Portable(data, crc = 0) {
  const t = crcTable();
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]) & 255] ^ c >>> 8;
  return ~c >>> 0;
}
var native = zlib.crc32;
function crc32(data, crc = 0) {
  return native ? native(data, crc) >>> 0 : crc32Portable(data, crc);
}
function multmodp(a, b) {
  let m = 2147483648;
  let p = 0;
  for (; ; ) {
    if (a & m) {
      p ^= b;
      if ((a & m - 1) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? b >>> 1 ^ POLY : b >>> 1;
  }
  return p >>> 0;
}
var x2n;
function x2nTable() {
  if (x2n) return x2n;
  x2n = [];
  let p = 1073741824;
  for (let k = 0; k < 32; k++) {
    x2n.push(p);
    p = multmodp(p, p);
  }
  return x2n;
}
function x2nmodp(n, k) {
  const t = x2nTable();
  let p = 2147483648;
  while (n > 0) {
    if (n % 2 === 1) p = multmodp(t[k & 31], p);
    n = Math.floor(n / 2);
    k++;
  }
  return p;
}
function crc32Combine(crcA, crcB, lengthB) {
  return (multmodp(x2nmodp(lengthB, 3), crcA >>> 0) ^ crcB) >>> 0;
}

// src/core/package/tarball.ts
var TAR_BLOCK = 512;
var TAR_RECORD = 20 * TAR_BLOCK;
var USTAR_MAX_SIZE = 8 ** 11 - 1;
var DEFLATE_BLOCK = 1 << 20;
var WINDOW = 32 * 1024;
var STORED_MAX = 65535;
var SAMPLE_SLICE = 8 * 1024;
var OWN_BLOCKS = 256 * 1024;
var LZ_WORTH = 0.98;
var FILE_MODE = 420;
var DIR_MODE = 493;
function padTo(n, unit) {
  return Math.ceil(n / unit) * unit;
}
function octal(value, width) {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}
function splitName(name) {
  if (Buffer.byteLength(name) <= 100) return { prefix: "", name };
  for (let i = name.indexOf("/"); i !== -1; i = name.indexOf("/", i + 1)) {
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100 && rest.length > 0)
      return { prefix, name: rest };
  }
  throw new ModelgateError(
    `${name}: path too long for a portable tar archive (at most 100 characters per name, 255 in all); shorten it in the bundle`,
    "input",
    { file: name }
  );
}
function ustarHeader(path5, size, mtime, type) {
  if (size > USTAR_MAX_SIZE)
    throw new ModelgateError(
      `${path5}: ${size} bytes is more than a ustar archive holds (8 GiB); split the file`,
      "input",
      {
        file: path5
      }
    );
  const header = Buffer.alloc(TAR_BLOCK);
  const { prefix, name } = splitName(type === "directory" ? `${path5}/` : path5);
  header.write(name, 0, 100, "utf8");
  header.write(octal(type === "directory" ? DIR_MODE : FILE_MODE, 8), 100, 8, "ascii");
  header.write(octal(0, 8), 108, 8, "ascii");
  header.write(octal(0, 8), 116, 8, "ascii");
  header.write(octal(size, 12), 124, 12, "ascii");
  header.write(octal(mtime, 12), 136, 12, "ascii");
  header.write("        ", 148, 8, "ascii");
  header.write(type === "directory" ? "5" : "0", 156, 1, "ascii");
  header.write("ustar\0", 257, 6, "ascii");
  header.write("00", 263, 2, "ascii");
  header.write(octal(0, 8), 329, 8, "ascii");
  header.write(octal(0, 8), 337, 8, "ascii");
  header.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(sum.toString(8).padStart(6, "0") + "\0 ", 148, 8, "ascii");
  return header;
}
function planEntries(files) {
  const entries = [];
  const seen = /* @__PURE__ */ new Set();
  for (const file of files) {
    const parts = file.path.split("/");
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join("/");
      if (!seen.has(dir)) {
        seen.add(dir);
        entries.push({ type: "directory", path: dir });
      }
    }
    entries.push({ type: "file", file });
  }
  return entries;
}
function deflateRaw(data, options) {
  return new Promise((resolve, reject) => {
    zlib2.deflateRaw(data, options, (error, out) => error ? reject(error) : resolve(out));
  });
}
function sampleOf(data) {
  if (data.length <= 4 * SAMPLE_SLICE) return data;
  const slices = [];
  for (let k = 0; k < 4; k++) {
    const start = Math.floor(k * (data.length - SAMPLE_SLICE) / 3);
    slices.push(data.subarray(start, start + SAMPLE_SLICE));
  }
  return Buffer.concat(slices);
}
async function worthMatching(data) {
  const sample = sampleOf(data);
  const fast = await deflateRaw(sample, { level: 1 });
  const huffman = await deflateRaw(sample, { level: 6, strategy: zlib2.constants.Z_HUFFMAN_ONLY });
  return fast.length < huffman.length * LZ_WORTH;
}
async function compressBlock(data, dictionary, last) {
  const finishFlush = last ? zlib2.constants.Z_FINISH : zlib2.constants.Z_SYNC_FLUSH;
  if (await worthMatching(data))
    return deflateRaw(data, { level: 6, finishFlush, ...dictionary ? { dictionary } : {} });
  return deflateRaw(data, { level: 6, strategy: zlib2.constants.Z_HUFFMAN_ONLY, finishFlush });
}
var ParallelDeflate = class {
  constructor(out, position, total, limit) {
    this.out = out;
    this.position = position;
    this.total = total;
    this.limit = limit;
    this.block = Buffer.allocUnsafe(Math.min(DEFLATE_BLOCK, total));
  }
  out;
  position;
  total;
  limit;
  block;
  fill = 0;
  dispatched = 0;
  previous;
  pending = [];
  crc = 0;
  /** Bytes of tar stream received so far. */
  get length() {
    return this.dispatched + this.fill;
  }
  /** Free bytes in the current block; the stream must never outgrow its planned length. */
  room() {
    if (this.block.length === 0) throw new Error(`tar stream longer than the planned ${this.total} bytes`);
    return this.block.length - this.fill;
  }
  async put(data) {
    let offset = 0;
    while (offset < data.length) {
      const n = Math.min(this.room(), data.length - offset);
      data.copy(this.block, this.fill, offset, offset + n);
      this.fill += n;
      offset += n;
      if (this.fill === this.block.length) await this.dispatch();
    }
  }
  async zeros(count) {
    while (count > 0) {
      const n = Math.min(this.room(), count);
      this.block.fill(0, this.fill, this.fill + n);
      this.fill += n;
      count -= n;
      if (this.fill === this.block.length) await this.dispatch();
    }
  }
  /** Reads exactly `size` bytes of `source` straight into the blocks, hashing them on the way. */
  async read(source, size, hash, entry) {
    let at = 0;
    while (at < size) {
      const want = Math.min(this.room(), size - at);
      const { bytesRead: bytesRead2 } = await source.read(this.block, this.fill, want, at);
      if (bytesRead2 === 0) throw changed(entry, `it ended after ${at} of ${size} bytes`);
      hash.update(this.block.subarray(this.fill, this.fill + bytesRead2));
      this.fill += bytesRead2;
      at += bytesRead2;
      if (this.fill === this.block.length) await this.dispatch();
    }
    const probe = Buffer.alloc(1);
    const { bytesRead } = await source.read(probe, 0, 1, size);
    if (bytesRead !== 0) throw changed(entry, `it grew past the ${size} bytes it had when listed`);
  }
  /** Ends the current block early (at a file boundary), so that a block holds one kind of data. */
  async cut() {
    if (this.fill === 0) return;
    this.block = this.block.subarray(0, this.fill);
    await this.dispatch();
  }
  async dispatch() {
    const data = this.block;
    this.crc = crc32(data, this.crc);
    this.dispatched += data.length;
    const last = this.dispatched === this.total;
    const job = compressBlock(data, this.previous, last);
    job.catch(() => void 0);
    this.pending.push(job);
    this.previous = data.length >= WINDOW ? data.subarray(data.length - WINDOW) : data;
    this.block = Buffer.allocUnsafe(Math.min(DEFLATE_BLOCK, this.total - this.dispatched));
    this.fill = 0;
    while (this.pending.length >= this.limit) await this.writeOne();
  }
  async writeOne() {
    const out = await this.pending.shift();
    await writeAll(this.out, out, this.position);
    this.position += out.length;
  }
  /** Waits for every block; returns the CRC-32 of the stream and the offset after the last block. */
  async finish() {
    if (this.dispatched !== this.total || this.fill !== 0)
      throw new Error(
        `tar stream length ${this.dispatched + this.fill} differs from the planned ${this.total}`
      );
    while (this.pending.length > 0) await this.writeOne();
    return { crc: this.crc, end: this.position };
  }
};
function changed(entry, how) {
  return new ModelgateError(
    `${entry.path}: changed while it was being packaged (${how}); package again once nothing is writing to the bundle`,
    "input",
    { file: entry.absolute }
  );
}
async function writeAll(handle, data, position) {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await handle.write(data, done, data.length - done, position + done);
    done += bytesWritten;
  }
}
function storedBlocks(data) {
  const parts = [];
  for (let at = 0; at < data.length; at += STORED_MAX) {
    const chunk = data.subarray(at, at + STORED_MAX);
    const head = Buffer.alloc(5);
    head[0] = 0;
    head.writeUInt16LE(chunk.length, 1);
    head.writeUInt16LE(~chunk.length & 65535, 3);
    parts.push(head, chunk);
  }
  return Buffer.concat(parts);
}
function storedLength(length) {
  return length + 5 * Math.ceil(length / STORED_MAX);
}
var GZIP_HEADER = Buffer.from([31, 139, 8, 0, 0, 0, 0, 0, 0, 3]);
async function openForArchive(entry) {
  let handle;
  try {
    handle = await open(entry.absolute, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT") throw changed(entry, "it was removed");
    if (code === "ELOOP") throw changed(entry, "it became a symbolic link");
    throw new ModelgateError(`${entry.path}: cannot read (${code ?? error.message})`, "input", {
      file: entry.absolute
    });
  }
  const st = await handle.stat();
  if (!st.isFile()) {
    await handle.close();
    throw changed(entry, "it is no longer a regular file");
  }
  if (st.size !== entry.size) {
    await handle.close();
    throw changed(entry, `its size went from ${entry.size} to ${st.size} bytes`);
  }
  return handle;
}
async function sha256Of(handle, length) {
  const hash = createHash("sha256");
  const buffer = Buffer.allocUnsafe(Math.min(length, 4 << 20) || 1);
  for (let at = 0; at < length; ) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, length - at), at);
    if (bytesRead === 0) break;
    hash.update(buffer.subarray(0, bytesRead));
    at += bytesRead;
  }
  return hash.digest("hex");
}
function defaultConcurrency() {
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  const pool = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  return Math.min(cores + 1, pool - 1);
}
async function writeTarball(options) {
  const { mtime, first, files } = options;
  const entries = planEntries(files);
  const firstHeader = ustarHeader(first.path, first.size, mtime, "file");
  const firstLength = TAR_BLOCK + padTo(first.size, TAR_BLOCK);
  let restLength = 2 * TAR_BLOCK;
  for (const entry of entries)
    restLength += TAR_BLOCK + (entry.type === "file" ? padTo(entry.file.size, TAR_BLOCK) : 0);
  const tarSize = padTo(firstLength + restLength, TAR_RECORD);
  restLength = tarSize - firstLength;
  const bodyOffset = GZIP_HEADER.length + storedLength(firstLength);
  const limit = Math.max(2, options.concurrency ?? defaultConcurrency());
  const out = await open(options.file, "w+", 420);
  try {
    const body = new ParallelDeflate(out, bodyOffset, restLength, limit);
    const hashes = /* @__PURE__ */ new Map();
    for (const entry of entries) {
      if (entry.type === "directory") {
        await body.put(ustarHeader(entry.path, 0, mtime, "directory"));
        continue;
      }
      const file = entry.file;
      await options.onFile?.(file);
      const source = await openForArchive(file);
      const alone = file.size >= OWN_BLOCKS;
      try {
        const hash = createHash("sha256");
        if (alone) await body.cut();
        await body.put(ustarHeader(file.path, file.size, mtime, "file"));
        await body.read(source, file.size, hash, file);
        await body.zeros(padTo(file.size, TAR_BLOCK) - file.size);
        if (alone) await body.cut();
        hashes.set(file.path, hash.digest("hex"));
      } finally {
        await source.close();
      }
    }
    await body.zeros(restLength - body.length);
    const { crc: restCrc, end } = await body.finish();
    const content = options.firstContent(hashes);
    if (content.length !== first.size)
      throw new Error(`${first.path} is ${content.length} bytes, ${first.size} were reserved for it`);
    const firstTar = Buffer.concat([
      firstHeader,
      content,
      Buffer.alloc(firstLength - TAR_BLOCK - content.length)
    ]);
    const crc = crc32Combine(crc32(firstTar), restCrc, restLength);
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc, 0);
    trailer.writeUInt32LE(tarSize % 2 ** 32, 4);
    await writeAll(out, trailer, end);
    await writeAll(out, Buffer.concat([GZIP_HEADER, storedBlocks(firstTar)]), 0);
    const size = end + trailer.length;
    return { sha256: await sha256Of(out, size), size, files: hashes, tarSize };
  } finally {
    await out.close();
  }
}

// src/core/package/package.ts
var NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
function isInside(child, parent) {
  const rel = path4.relative(parent, child);
  return rel === "" || !rel.startsWith("..") && !path4.isAbsolute(rel);
}
async function removeQuietly(files) {
  await Promise.all(files.map((f) => rm(f, { force: true }).catch(() => void 0)));
}
async function packageRelease(options) {
  const progress = async (message) => {
    await options.onProgress?.(message);
  };
  const { config, configFile } = options;
  const name = options.name ?? config.release.name;
  if (!NAME.test(name))
    throw new InputError(
      `input name: "${name}" is not a release name; use letters, digits, ".", "_" or "-"`,
      "name"
    );
  const timestamp = options.timestamp ?? formatReleaseTimestamp(/* @__PURE__ */ new Date());
  const created = parseReleaseTimestamp(timestamp);
  const id = releaseId(name, timestamp);
  const bundleDir = path4.resolve(options.bundleDir);
  const outputDir = path4.resolve(options.outputDir);
  if (isInside(outputDir, bundleDir))
    throw new InputError(
      `input output-dir: ${options.outputDir} is inside the bundle ${options.bundleDir}; write the release elsewhere, or it would end up in the next one`,
      "output-dir"
    );
  const listing = await listBundle(bundleDir);
  const shown = options.bundleDir.replace(/\/+$/, "") || ".";
  const special = listing.special[0];
  if (special)
    throw new ModelgateError(
      `${shown}/${special.path}: is a ${special.type}; a release holds regular files only (a link can point outside the bundle): replace it with the file itself`,
      "input",
      { file: path4.join(bundleDir, special.path) }
    );
  if (listing.files.length === 0)
    throw new ModelgateError(
      `${shown}: the bundle is empty; point the bundle input at the training job's output directory`,
      "input",
      {
        file: bundleDir
      }
    );
  checkPortableNames(
    listing.files.map((f) => f.path),
    shown
  );
  if (listing.files.some((f) => f.path === MANIFEST_ENTRY))
    throw new ModelgateError(
      `${shown}/${MANIFEST_ENTRY}: the bundle already holds a manifest; package writes its own, so remove it (or package the original bundle, not an extracted release)`,
      "input",
      { file: path4.join(bundleDir, MANIFEST_ENTRY) }
    );
  const present = new Set(listing.files.map((f) => f.path));
  const missing = config.release.artifacts.filter((a) => !present.has(a.path)).map((a) => a.path);
  if (missing.length > 0)
    throw new ModelgateError(
      `${shown}: missing ${missing.join(", ")}, listed in release.artifacts of ${configFile}; add ${missing.length > 1 ? "them" : "it"} to the bundle or remove ${missing.length > 1 ? "them" : "it"} from the config`,
      "input",
      { file: configFile }
    );
  let health;
  if (typeof options.health === "function") {
    await progress("running the health check");
    health = await options.health();
  } else health = options.health;
  if (health && !(health.passed && reportPassed(health.checks))) {
    const failed = health.checks.filter((c) => c.status === "fail");
    const detail = failed.map((c) => `${c.name}: ${c.message}`).join("; ");
    throw new ModelgateError(
      `${shown}: the health check failed (${failed.map((c) => c.name).join(", ") || "passed is false"})${detail ? ` - ${detail}` : ""}; fix the bundle and package again`,
      "check",
      { file: bundleDir }
    );
  }
  const vouched = health && typeof options.health !== "function" ? HealthReportMatch.of(health, options.healthSource ?? "health-report", shown) : void 0;
  vouched?.checkSizes(listing.files);
  const { metrics } = await gatherMetrics(
    bundleDir,
    listing.files.map((f) => f.path),
    config
  );
  const gate = evaluateTrainingGate(metrics, config.gate.training);
  const input = (sha256) => ({
    name,
    timestamp,
    created,
    files: listing.files.map((f) => ({
      path: f.path,
      size: f.size,
      sha256: sha256.get(f.path) ?? "0".repeat(64)
    })),
    config,
    metrics,
    health,
    env: options.env
  });
  const innerSize = Buffer.byteLength(serializeManifest(buildInnerManifest(input(/* @__PURE__ */ new Map()))));
  try {
    await mkdir(outputDir, { recursive: true });
  } catch (error) {
    throw new InputError(
      `input output-dir: cannot create ${options.outputDir} (${error.code ?? error.message})`,
      "output-dir"
    );
  }
  const tarball = path4.join(outputDir, tarballName(id));
  const manifestPath = manifestPathFor(tarball);
  const notesPath = notesPathFor(tarball);
  const suffix = `.tmp-${process.pid}`;
  const temporary = [tarball, manifestPath, notesPath].map((f) => f + suffix);
  const totalSize = listing.files.reduce((n, f) => n + f.size, 0);
  await progress(`packaging ${listing.files.length} files (${formatSize(totalSize)}) from ${shown} as ${id}`);
  try {
    let written;
    try {
      written = await writeTarball({
        file: temporary[0],
        mtime: Math.floor(created.getTime() / 1e3),
        first: { path: MANIFEST_ENTRY, size: innerSize },
        firstContent: (sha256) => Buffer.from(serializeManifest(buildInnerManifest(input(sha256)))),
        files: listing.files,
        onFile: (file) => {
          if (options.signal?.aborted)
            throw new ModelgateError(
              `cancelled (${reasonOf(options.signal)}) before ${file.path}; nothing was written`,
              "runtime"
            );
          return progress(`adding ${file.path} (${formatSize(file.size)})`);
        }
      });
    } catch (error) {
      const code = error.code;
      if (!(error instanceof ModelgateError) && (code === "EACCES" || code === "EROFS" || code === "ENOSPC" || code === "EPERM"))
        throw new InputError(`input output-dir: cannot write ${temporary[0]} (${code})`, "output-dir");
      throw error;
    }
    vouched?.checkHashes(written.files);
    const manifest = buildOuterManifest(input(written.files), { sha256: written.sha256, size: written.size });
    const notes = renderReleaseNotes({ manifest, config, gate, health }, options.language ?? "en");
    await writeFile(temporary[1], serializeManifest(manifest));
    await writeFile(temporary[2], notes);
    await rename(temporary[1], manifestPath);
    await rename(temporary[2], notesPath);
    await rename(temporary[0], tarball);
    await progress(`wrote ${tarball} (${formatSize(written.size)}, sha256 ${written.sha256})`);
    return {
      releaseId: id,
      tarball,
      manifestPath,
      manifest,
      notes,
      notesPath,
      sha256: written.sha256,
      size: written.size,
      gate,
      health
    };
  } catch (error) {
    await removeQuietly(temporary);
    throw error;
  }
}

// src/commands/cancel-on-signals.ts
async function cancelOnSignals(log, cleanUp, run) {
  const controller = new AbortController();
  const onSignal = (name) => {
    if (!controller.signal.aborted) {
      log(`${name}: cancelling; the run stops before its next step and ${cleanUp}`);
      controller.abort(new Error(name));
    } else if (name === "SIGINT") {
      log(`${name} again: exiting now, without cleaning up`);
      process.exit(130);
    } else log(`${name}: still cleaning up`);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    return await run(controller.signal);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

export {
  manifestPathFor,
  cancelledError,
  reasonOf,
  sleepUnlessAborted,
  packageRelease,
  cancelOnSignals
};
