import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  booleanInput,
  choiceInput,
  integerInput,
  optionalInput
} from "./chunk-ZY3O6VA3.js";
import {
  LocatedDocument,
  _default,
  _enum,
  _gte,
  _lte,
  _minLength,
  _nonnegative,
  _null,
  _regex,
  array,
  boolean,
  describe,
  describeIssue,
  fieldsAt,
  int,
  literal,
  looseObject,
  number,
  object,
  optional,
  record,
  refine,
  strictObject,
  string,
  tuple,
  union
} from "./chunk-GU6PC365.js";
import {
  parseJsonText
} from "./chunk-7MJOQLOW.js";
import {
  dottedPath
} from "./chunk-OVS6HWYE.js";
import {
  ConfigError,
  InputError,
  ModelgateError
} from "./chunk-UAYJCUJE.js";

// src/core/config/schema.ts
var ARTIFACT_KINDS = ["onnx", "torch", "lightgbm", "xgboost", "pickle", "json"];
var DURATION_PATTERN = /^\d+(\.\d+)?\s*(ms|s|m|h|d|w)$/;
var duration = union([
  number().check(_nonnegative()),
  string().check(_regex(DURATION_PATTERN, 'expected a duration such as "60s", "24h" or "2d"'))
]).check(
  describe(
    'A duration: a number of seconds, or a number with a unit ms, s, m, h, d or w ("60s", "24h", "2d").'
  )
);
var relativePath = string().check(
  _minLength(1),
  refine((p) => !p.startsWith("/") && !p.split("/").includes(".."), {
    message: 'expected a path relative to the bundle, without ".." or a leading "/"'
  })
);
var artifactSchema = strictObject({
  path: relativePath.check(describe("File name inside the bundle, e.g. lstm_1h.onnx.")),
  kind: _enum(ARTIFACT_KINDS).check(describe("How the file is checked: onnx, torch, lightgbm, xgboost, pickle or json."))
});
var bound = strictObject({
  min: optional(number()).check(describe("The metric must be at least this.")),
  max: optional(number()).check(describe("The metric must be at most this.")),
  max_drop: optional(number().check(_nonnegative())).check(describe("With a baseline manifest: the metric may fall by at most this much.")),
  severity: _default(_enum(["fail", "warn"]), "fail").check(describe("fail stops the release; warn only reports."))
});
var metricRules = record(string(), bound).check(describe("Rules per metric name, e.g. { oof_auc: { min: 0.55 } }."));
var shadowRule = strictObject({
  min: optional(number()),
  max: optional(number()),
  range: optional(tuple([number(), number()])).check(describe("For bull_prob_in_range: the [low, high] band.")),
  severity: _default(_enum(["fail", "warn"]), "fail")
});
var DEFAULT_SHADOW_RULES = {
  ml_coverage: { min: 0.8, severity: "fail" },
  stacking_activation: { min: 0.9, severity: "fail" },
  lstm_ok_rate: { min: 0.95, severity: "fail" },
  tft_ok_rate: { min: 0.8, severity: "fail" },
  bull_prob_in_range: { range: [0.3, 0.7], min: 0.95, severity: "fail" },
  severe_errors: { max: 0, severity: "fail" }
};
var DEFAULT_HORIZON_RULES = {
  oof_auc: { min: 0.55, severity: "fail" },
  test_auc: { min: 0.52, severity: "fail" },
  n_oof: { min: 1e4, severity: "fail" }
};
function defaultHorizons() {
  return {
    "1h": structuredClone(DEFAULT_HORIZON_RULES),
    "4h": structuredClone(DEFAULT_HORIZON_RULES),
    "24h": structuredClone(DEFAULT_HORIZON_RULES)
  };
}
function defaultTrainingGate() {
  return {
    horizons: defaultHorizons(),
    base: {},
    global: {},
    warn: { overfit_gap: 0.15 }
  };
}
var configSchema = strictObject({
  release: strictObject({
    name: string().check(
      _regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected letters, digits, ".", "_" or "-"'),
      describe("Release name; the tarball is <name>_<YYYYMMDD_HHMMSS>.tar.gz.")
    ),
    artifacts: array(artifactSchema).check(_minLength(1), describe("Every file a bundle must contain, with its kind.")),
    stacking: optional(
      strictObject({
        meta: relativePath.check(describe("The stacking meta JSON (base_models, meta_learner).")),
        learner: relativePath.check(describe("The pickled meta-learner.")),
        base: array(relativePath).check(_minLength(1), describe("Base model files, in the order of the meta-learner columns."))
      })
    ),
    golden: _default(relativePath, "golden.json").check(describe("Golden vectors written by the training job."))
  }),
  gate: _default(
    strictObject({
      training: _default(
        strictObject({
          horizons: _default(record(string(), metricRules), defaultHorizons),
          base: _default(record(string(), metricRules), {}).check(
            describe("Rules per base model, e.g. { lstm: { oof_auc: { min: 0.57, severity: warn } } }.")
          ),
          global: _default(metricRules, {}).check(describe("Rules on top-level metrics; a failure fails the whole gate.")),
          warn: _default(
            strictObject({
              overfit_gap: _default(number().check(_nonnegative()), 0.15).check(describe("Warn when val_auc - test_auc exceeds this."))
            }),
            { overfit_gap: 0.15 }
          )
        }),
        defaultTrainingGate
      ),
      shadow: optional(
        strictObject({
          logs: _default(string().check(_minLength(1)), "data/live/trades_*.jsonl").check(describe("Trade-log glob, relative to deploy.path on the target.")),
          window: _default(duration, "2d"),
          min_records: _default(number().check(int(), _nonnegative()), 20),
          rules: _default(record(string(), shadowRule), () => structuredClone(DEFAULT_SHADOW_RULES)),
          fields: _default(record(string(), string()), {}).check(describe("Overrides of trade-log field paths, e.g. { bull_prob: ml.bull_prob }.")),
          collapse_std: _default(number().check(_nonnegative()), 1e-3).check(describe("A prediction std below this is a collapsed model.")),
          promote_after: _default(duration, "24h")
        })
      )
    }),
    () => ({ training: defaultTrainingGate() })
  ),
  deploy: optional(
    strictObject({
      target: _default(_enum(["ssh", "local"]), "ssh"),
      host: optional(string().check(_minLength(1))),
      port: _default(number().check(int(), _gte(1), _lte(65535)), 22),
      user: _default(string().check(_regex(/^[a-z_][a-z0-9_.-]*\$?$/i, "expected a user name")), "root"),
      path: string().check(
        _minLength(1),
        refine((p) => !/[\n\0]/.test(p), "expected a path without newlines"),
        describe("The service directory on the target, e.g. /opt/macd-analysis.")
      ),
      models_dir: _default(
        string().check(_regex(/^[A-Za-z0-9._-]+$/, "expected a single directory name")),
        "models"
      ),
      keep_releases: _default(number().check(int(), _gte(2)), 5),
      service: optional(string().check(_minLength(1))),
      restart: string().check(_minLength(1), describe("Command that restarts the service, run in deploy.path.")),
      is_active: string().check(_minLength(1), describe("Command that exits 0 when the service is running.")),
      logs: optional(string().check(_minLength(1))).check(
        describe(
          "Command that prints the service log since @{since} (unix seconds), or a file relative to deploy.path."
        )
      ),
      log_file: optional(string().check(_minLength(1))).check(describe("A log file, relative to deploy.path, read from its size at restart.")),
      verify: _default(
        strictObject({
          expect: _default(array(string()), []),
          fail: _default(array(string()), ["Traceback", "ERROR", "CRITICAL"]),
          timeout: _default(duration, "60s"),
          // How long the service must stay active, with no failure line, once every expected
          // line is in: a release that loads and then crashes must not pass.
          settle: _default(duration, "5s")
        }),
        () => ({ expect: [], fail: ["Traceback", "ERROR", "CRITICAL"], timeout: "60s", settle: "5s" })
      ),
      flags: _default(
        strictObject({
          file: _default(relativePath, ".env"),
          shadow: _default(
            record(
              string().check(_regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "expected an environment variable name")),
              string()
            ),
            {}
          ),
          promote: _default(
            record(
              string().check(_regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "expected an environment variable name")),
              string()
            ),
            {}
          )
        }),
        () => ({ file: ".env", shadow: {}, promote: {} })
      ),
      lock_timeout: _default(duration, "5m"),
      stale_lock: _default(duration, "2h"),
      command_timeout: _default(duration, "120s")
    })
  ),
  rollback: _default(
    strictObject({
      ml_off: optional(
        strictObject({
          file: relativePath,
          pattern: string().check(_minLength(1)),
          replace: string()
        })
      )
    }),
    {}
  )
});
function durationSeconds(value) {
  if (typeof value === "number") return value;
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)$/.exec(value);
  if (!m) throw new Error(`not a duration: ${value}`);
  const n = Number(m[1]);
  const unit = { ms: 1e-3, s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[m[2]];
  return n * unit;
}

// src/core/manifest.ts
import { readFile } from "node:fs/promises";

// src/core/validation/once.ts
var PARSE_ONCE = { jitless: true };

// src/core/manifest.ts
var MANIFEST_SCHEMA = "modelgate/manifest@1";
var sha256 = string().check(_regex(/^[0-9a-f]{64}$/, "expected a lowercase hex sha256"));
var metricValue = union([number(), string(), boolean(), _null()]);
var metricTable = record(string(), record(string(), metricValue));
var manifestSchema = looseObject({
  schema: literal(MANIFEST_SCHEMA),
  id: string().check(
    _regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a release id of letters, digits, ".", "_" or "-"')
  ),
  name: string().check(_minLength(1)),
  created: string().check(_minLength(1)),
  bundle: optional(
    object({
      file: string().check(_minLength(1)),
      sha256: optional(sha256),
      size: optional(number().check(int(), _nonnegative()))
    })
  ),
  files: array(
    object({
      path: string().check(_minLength(1)),
      kind: union([_enum(ARTIFACT_KINDS), literal("other")]),
      size: number().check(int(), _nonnegative()),
      sha256
    })
  ),
  metrics: _default(
    looseObject({
      horizons: _default(metricTable, {}),
      base: _default(metricTable, {}),
      models: _default(metricTable, {})
    }),
    { horizons: {}, base: {}, models: {} }
  ),
  health: optional(
    object({
      passed: boolean(),
      checks: array(
        object({
          name: string(),
          status: string(),
          ms: optional(number()),
          message: optional(string())
        })
      )
    })
  ),
  source: optional(record(string(), string()))
});
function parseManifest(text, file) {
  let parsed;
  try {
    parsed = parseJsonText(text, file);
  } catch (error) {
    const where = error instanceof ModelgateError ? error : void 0;
    throw new ModelgateError(`${error.message}; regenerate it with modelgate package`, "input", {
      file,
      line: where?.line,
      column: where?.column
    });
  }
  const bare = parsed.nonStandard[0];
  if (bare) {
    throw new ModelgateError(
      `${file}:${bare.line} ${bare.token} is not JSON; a manifest holds only finite numbers`,
      "input",
      {
        file,
        line: bare.line
      }
    );
  }
  const value = parsed.value;
  const result = manifestSchema.safeParse(value, PARSE_ONCE);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const line = new LocatedDocument(text).lineOf(issue.path);
  throw new ConfigError(`${file}:${line} ${dottedPath(issue.path)}: ${describeIssue(issue, value)}`, {
    file,
    line
  });
}
async function loadManifest(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new ModelgateError(
      `${file}: cannot read manifest: ${error.code ?? error.message}`,
      "input",
      { file }
    );
  }
  return parseManifest(text, file);
}

// src/commands/common.ts
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path2 from "node:path";

// src/core/config/load.ts
import { readFile as readFile2 } from "node:fs/promises";
import path from "node:path";
async function loadConfig(file, cwd = process.cwd()) {
  const absolute = path.resolve(cwd, file);
  let text;
  try {
    text = await readFile2(absolute, "utf8");
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT")
      throw new ConfigError(
        `${file}: config file not found (looked in ${absolute}); create it (see samples/modelgate.yml) or set the config input`,
        { file }
      );
    if (code === "EISDIR")
      throw new ConfigError(`${file}: is a directory, expected the modelgate.yml file`, { file });
    throw new ConfigError(`${file}: cannot read config file: ${error.message}`, { file });
  }
  return parseConfig(text, file, absolute);
}
function parseConfig(text, file, absolute = file) {
  const doc = new LocatedDocument(text);
  const syntax = doc.syntaxErrors[0];
  if (syntax)
    throw new ConfigError(`${file}:${syntax.line} YAML syntax error: ${syntax.message}`, {
      file,
      line: syntax.line
    });
  if (doc.value === null || doc.value === void 0 || typeof doc.value !== "object" || Array.isArray(doc.value)) {
    throw new ConfigError(
      `${file}:1 (top level): expected a mapping with release, gate, deploy and rollback sections`,
      {
        file,
        line: 1
      }
    );
  }
  const parsed = configSchema.safeParse(doc.value, PARSE_ONCE);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error.issues);
    const where = issue.code === "unrecognized_keys" && issue.keys[0] ? [...issue.path, issue.keys[0]] : issue.path;
    const line = doc.lineOf(where);
    throw new ConfigError(
      `${file}:${line} ${dottedPath(where)}: ${describeIssue(issue, doc.value, fieldsAt(configSchema, issue.path))}`,
      {
        file,
        line
      }
    );
  }
  const config = parsed.data;
  crossCheck(config, file, (p) => doc.lineOf(p));
  return { config, file, absolute, lineOf: (p) => doc.lineOf(p) };
}
function firstIssue(issues) {
  return issues.find((i) => i.code === "unrecognized_keys") ?? issues[0];
}
function crossCheck(config, file, lineOf) {
  const fail = (p, message) => {
    const line = lineOf(p);
    throw new ConfigError(`${file}:${line} ${dottedPath(p)}: ${message}`, { file, line });
  };
  const artifacts = config.release.artifacts;
  const seen = /* @__PURE__ */ new Map();
  artifacts.forEach((a, i) => {
    if (seen.has(a.path))
      fail(
        ["release", "artifacts", i, "path"],
        `"${a.path}" is listed twice (also at release.artifacts[${seen.get(a.path)}])`
      );
    seen.set(a.path, i);
  });
  const stacking = config.release.stacking;
  if (stacking) {
    const listed = (p) => seen.has(p);
    if (!listed(stacking.meta))
      fail(
        ["release", "stacking", "meta"],
        `"${stacking.meta}" is not in release.artifacts; add it there with kind json`
      );
    if (!listed(stacking.learner))
      fail(
        ["release", "stacking", "learner"],
        `"${stacking.learner}" is not in release.artifacts; add it there with kind pickle`
      );
    stacking.base.forEach((b, i) => {
      if (!listed(b))
        fail(
          ["release", "stacking", "base", i],
          `"${b}" is not in release.artifacts; add it there or remove it from the base list`
        );
    });
  }
  for (const [name, rules] of Object.entries(config.gate.training.horizons)) {
    for (const [metric, rule] of Object.entries(rules)) {
      if (rule.min !== void 0 && rule.max !== void 0 && rule.min > rule.max)
        fail(
          ["gate", "training", "horizons", name, metric],
          `min (${rule.min}) is greater than max (${rule.max})`
        );
    }
  }
  for (const [name, rule] of Object.entries(config.gate.shadow?.rules ?? {})) {
    if (rule.range && rule.range[0] > rule.range[1])
      fail(
        ["gate", "shadow", "rules", name, "range"],
        `range [${rule.range[0]}, ${rule.range[1]}] has its low end above its high end`
      );
  }
}

// src/commands/common.ts
function resolveIn(ctx, p) {
  return path2.resolve(ctx.workspace, p);
}
async function loadConfigInput(ctx) {
  const file = ctx.inputs.get("config") || "modelgate.yml";
  return loadConfig(file, ctx.workspace);
}
async function writeJsonFile(file, value, input = "report") {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    await mkdir(path2.dirname(file), { recursive: true });
    await writeFile(tmp, `${JSON.stringify(value, null, 2)}
`);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => void 0);
    const { code, message } = error;
    const why = code === "EEXIST" || code === "ENOTDIR" ? `a file stands where a folder of the path should be` : code === "EISDIR" ? "it is a folder" : code ?? message;
    throw new InputError(
      `input ${input}: cannot write the report to ${file} (${why}); set ${input} to a writable file path`,
      input
    );
  }
}
function reportPathInput(ctx, fallbackName) {
  const given = optionalInput(ctx.inputs, "report");
  return given ? resolveIn(ctx, given) : path2.join(ctx.tempDir, fallbackName);
}
function deploySettings(ctx, loaded) {
  const base = loaded.config.deploy;
  const pathInput = optionalInput(ctx.inputs, "path");
  if (!base) {
    throw new ConfigError(
      `${loaded.file}: has no deploy section; add one with at least path, restart and is_active (see samples/modelgate.yml)`,
      { file: loaded.file, line: 1 }
    );
  }
  const target = choiceInput(ctx.inputs, "target", ["ssh", "local"]) ?? base.target;
  const port = integerInput(ctx.inputs, "port", 1, 65535) ?? base.port;
  const host = optionalInput(ctx.inputs, "host") ?? base.host;
  const user = optionalInput(ctx.inputs, "username") ?? base.user;
  const dir = pathInput ?? base.path;
  if (!dir.startsWith("/")) {
    throw new InputError(
      `deploy path ${JSON.stringify(dir)} must be absolute on the target (from ${pathInput ? "the path input" : `${loaded.file} deploy.path`})`,
      "path"
    );
  }
  return {
    ...base,
    target,
    port,
    host,
    user,
    path: target === "local" ? path2.resolve(ctx.workspace, dir) : dir
  };
}
async function openTarget(ctx, loaded) {
  const deploy = deploySettings(ctx, loaded);
  const commandTimeoutMs = durationSeconds(deploy.command_timeout) * 1e3;
  if (deploy.target === "local") {
    const { createLocalTransport } = await import("./local-3RV6LR7I.js");
    return { transport: createLocalTransport({ commandTimeoutMs }), deploy };
  }
  const privateKey = ctx.inputs.get("private-key");
  const passphrase = ctx.inputs.get("passphrase");
  ctx.secret(privateKey);
  ctx.secret(passphrase);
  if (!deploy.host)
    throw new InputError(
      "Input required and not supplied: host (target ssh; or set deploy.host in the config)",
      "host"
    );
  if (!privateKey)
    throw new InputError(
      "Input required and not supplied: private-key (target ssh; pass it from secrets)",
      "private-key"
    );
  const knownHosts = ctx.inputs.get("known-hosts");
  const insecure = booleanInput(ctx.inputs, "insecure-skip-host-key-check", false);
  if (!knownHosts && !insecure) {
    throw new InputError(
      `Input required and not supplied: known-hosts (the host key of ${deploy.host}:${deploy.port}; get it with "ssh-keyscan -p ${deploy.port} ${deploy.host}"), or set insecure-skip-host-key-check: true`,
      "known-hosts"
    );
  }
  const { connectSsh } = await import("./ssh-SAXRUKMN.js");
  const fingerprint = /^SHA256:/.test(knownHosts.trim()) ? knownHosts.trim() : void 0;
  const transport = await connectSsh({
    host: deploy.host,
    port: deploy.port,
    username: deploy.user,
    privateKey,
    ...passphrase ? { passphrase } : {},
    ...fingerprint ? { hostKeyFingerprint: fingerprint } : knownHosts ? { knownHosts } : {},
    insecureSkipHostKeyCheck: insecure,
    commandTimeoutMs,
    log: (line) => ctx.log.info(line),
    warn: (line) => ctx.log.warning(line)
  });
  return { transport, deploy };
}
function runIdentity(ctx) {
  const { GITHUB_ACTOR: actor, GITHUB_RUN_ID: id, GITHUB_RUN_ATTEMPT: attempt } = ctx.env;
  return {
    ...actor ? { actor } : {},
    ...id ? { runId: attempt && attempt !== "1" ? `${id}-${attempt}` : id } : {}
  };
}

export {
  PARSE_ONCE,
  DEFAULT_SHADOW_RULES,
  durationSeconds,
  MANIFEST_SCHEMA,
  manifestSchema,
  parseManifest,
  loadManifest,
  resolveIn,
  loadConfigInput,
  writeJsonFile,
  reportPathInput,
  openTarget,
  runIdentity
};
