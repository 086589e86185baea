export const id = 519;
export const ids = [519];
export const modules = {

/***/ 7519:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ev: () => (/* reexport */ manifestPathFor),
  Ux: () => (/* binding */ packageRelease)
});

// UNUSED EXPORTS: notesPathFor

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
// EXTERNAL MODULE: ./lib/core/bundle/files.js
var files = __webpack_require__(2015);
// EXTERNAL MODULE: ./lib/core/gate/training.js
var training = __webpack_require__(9761);
// EXTERNAL MODULE: ./lib/core/report/types.js
var types = __webpack_require__(1339);
// EXTERNAL MODULE: ./lib/core/manifest.js
var core_manifest = __webpack_require__(9718);
;// CONCATENATED MODULE: ./lib/core/package/timestamp.js
/**
 * The release timestamp `YYYYMMDD_HHMMSS` (UTC): part of the release id and the tarball's
 * name, and the mtime of every entry in it, so that packaging is reproducible.
 */

const PATTERN = /^(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})$/;
/** Parses and checks a timestamp; errors name the input and quote the value. */
function parseReleaseTimestamp(value, input = 'timestamp') {
    const m = PATTERN.exec(value);
    const hint = `expected YYYYMMDD_HHMMSS in UTC, e.g. 20260220_145749`;
    if (!m)
        throw new errors/* InputError */.dz(`input ${input}: "${value}" is not a release timestamp; ${hint}`, input);
    const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
    const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
    const real = date.getUTCFullYear() === year &&
        date.getUTCMonth() === month - 1 &&
        date.getUTCDate() === day &&
        date.getUTCHours() === hour &&
        date.getUTCMinutes() === minute &&
        date.getUTCSeconds() === second;
    if (!real || year < 1970)
        throw new errors/* InputError */.dz(`input ${input}: "${value}" is not a real date and time; ${hint}`, input);
    return date;
}
function formatReleaseTimestamp(date) {
    const p = (n, w = 2) => String(n).padStart(w, '0');
    return (`${p(date.getUTCFullYear(), 4)}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}_` +
        `${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}`);
}
/** `2026-02-20T14:57:49Z`: the manifest's `created`. */
function isoSeconds(date) {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

;// CONCATENATED MODULE: ./lib/core/package/manifest-build.js
/**
 * Builds `manifest.json` (design.md, schema modelgate/manifest@1).
 *
 * It is written twice, and the two differ on purpose:
 * - inside the tarball (its first entry): only what follows from the bundle and the inputs,
 *   so that the same bundle and timestamp give a byte-identical tarball. It cannot hold the
 *   tarball's own sha256 and size (they depend on it), nor anything that changes from run
 *   to run: `bundle` is `{ file }`, the health summary has each check's name and status
 *   without timings or messages, and `source` has the repository and commit without the
 *   run id.
 * - beside the tarball (`<id>.manifest.json`): the same, plus `bundle.sha256` and
 *   `bundle.size`, the health checks' timings and messages, and `source.run_id`. This is the
 *   one deploy and the gate read first; `manifestSchema` accepts both forms.
 */



const MANIFEST_ENTRY = 'manifest.json';
function releaseId(name, timestamp) {
    return `${name}_${timestamp}`;
}
function tarballName(id) {
    return `${id}.tar.gz`;
}
/** Where package writes the manifest for `tarball`, and where deploy looks for it first. */
function manifestPathFor(tarball) {
    return besideTarball(tarball, '.manifest.json');
}
/** Where package writes the release notes for `tarball`. */
function notesPathFor(tarball) {
    return besideTarball(tarball, '.notes.md');
}
function besideTarball(tarball, suffix) {
    const base = external_node_path_.basename(tarball).replace(/\.tar\.gz$|\.tgz$/, '');
    return external_node_path_.join(external_node_path_.dirname(tarball), `${base}${suffix}`);
}
function kindOf(file, config) {
    return config.release.artifacts.find((a) => a.path === file)?.kind ?? 'other';
}
function healthSummary(report, detailed) {
    return {
        passed: report.passed,
        checks: report.checks.map((c) => detailed
            ? { name: c.name, status: c.status, ms: Math.round(c.ms), message: c.message }
            : { name: c.name, status: c.status }),
    };
}
function sourceFromEnv(env, withRun) {
    if (!env)
        return undefined;
    const source = {};
    if (env.GITHUB_REPOSITORY)
        source.repository = env.GITHUB_REPOSITORY;
    if (env.GITHUB_SHA)
        source.sha = env.GITHUB_SHA;
    if (withRun && env.GITHUB_RUN_ID)
        source.run_id = env.GITHUB_RUN_ID;
    return Object.keys(source).length > 0 ? source : undefined;
}
function build(input, outside) {
    const id = releaseId(input.name, input.timestamp);
    const files = input.files.map((f) => ({
        path: f.path,
        kind: kindOf(f.path, input.config),
        size: f.size,
        sha256: f.sha256,
    }));
    const source = sourceFromEnv(input.env, outside !== undefined);
    const manifest = {
        schema: core_manifest/* MANIFEST_SCHEMA */.KB,
        id,
        name: input.name,
        created: isoSeconds(input.created),
        bundle: { file: tarballName(id), ...(outside ?? {}) },
        files,
        metrics: input.metrics,
        ...(input.health ? { health: healthSummary(input.health, outside !== undefined) } : {}),
        ...(source ? { source } : {}),
    };
    // A manifest package writes must be one everything after it accepts.
    return core_manifest/* manifestSchema */.rc.parse(manifest);
}
/** The manifest stored inside the tarball: reproducible from the bundle and the inputs. */
function buildInnerManifest(input) {
    return build(input, undefined);
}
/** The manifest written beside the tarball: the inner one plus the tarball's checksum and this run's facts. */
function buildOuterManifest(input, bundle) {
    return build(input, bundle);
}
function serializeManifest(manifest) {
    return `${JSON.stringify(manifest, null, 2)}\n`;
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./lib/core/validation/describe.js
var describe = __webpack_require__(2502);
// EXTERNAL MODULE: ./lib/core/validation/json-text.js
var json_text = __webpack_require__(9717);
;// CONCATENATED MODULE: ./lib/core/package/metrics.js
/**
 * The metrics a release carries into its manifest, from the bundle's own metadata:
 * `metrics.json` written by the training job (`{ horizons, base, models, ...top-level }`),
 * and the stacking meta JSON (`metrics` for its horizon, `base_metrics` per base model).
 * metrics.json wins where both give the same number: it is the training job's summary.
 */






const METRICS_FILE = 'metrics.json';
const metricValue = schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP(), schemas/* boolean */.zMY(), schemas/* null */.chJ()]);
const metricTable = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* record */.g1P(schemas/* string */.YjP(), metricValue));
const metricsFileSchema = schemas/* object */.Ikc({ horizons: metricTable.optional(), base: metricTable.optional(), models: metricTable.optional() })
    .catchall(schemas/* unknown */.L5J());
/**
 * The healthcheck's reader, for errors with the line and column. A bare NaN or Infinity
 * (Python's json.dump) is refused: the manifest is strict JSON and could not carry it.
 */
async function readJson(bundleDir, file) {
    const absolute = external_node_path_.join(bundleDir, file);
    const again = 'the training job must write it again';
    let parsed;
    try {
        parsed = (0,json_text/* parseJsonText */.lk)(await (0,promises_.readFile)(absolute, 'utf8'), absolute);
    }
    catch (error) {
        const where = error instanceof errors/* ModelgateError */.HJ ? error : undefined;
        throw new errors/* ModelgateError */.HJ(`${where?.message ?? `${absolute}: cannot read (${error.message})`}; ${again}`, 'input', { file: absolute, line: where?.line, column: where?.column }, { cause: error });
    }
    const bare = parsed.nonStandard[0];
    if (bare)
        throw new errors/* ModelgateError */.HJ(`${absolute}:${bare.line} not valid JSON: a bare ${bare.token}, which the manifest cannot carry; ${again} with json.dump(..., allow_nan=False) after replacing non-finite values`, 'input', { file: absolute, line: bare.line });
    return parsed.value;
}
/** Only plain metric values; nested objects (curves, confusion matrices) stay out of the manifest. */
function metricValues(value) {
    const out = {};
    if (!value || typeof value !== 'object' || Array.isArray(value))
        return out;
    for (const [key, v] of Object.entries(value)) {
        const parsed = metricValue.safeParse(v);
        if (parsed.success)
            out[key] = parsed.data;
    }
    return out;
}
/** The horizon a stacking meta JSON is about: its `horizon` field, else its name (`stacking_meta_1h.json`). */
function metaHorizon(meta, file) {
    if (typeof meta.horizon === 'string' && meta.horizon)
        return meta.horizon;
    return /_(\d+[a-z]+)\.json$/i.exec(external_node_path_.basename(file))?.[1];
}
function merge(into, from) {
    for (const [subject, values] of Object.entries(from))
        into[subject] = { ...(into[subject] ?? {}), ...values };
}
async function gatherMetrics(bundleDir, files, config) {
    const metrics = { horizons: {}, base: {}, models: {} };
    const sources = [];
    const present = new Set(files);
    const metaFile = config.release.stacking?.meta;
    if (metaFile && present.has(metaFile)) {
        const meta = await readJson(bundleDir, metaFile);
        if (meta && typeof meta === 'object' && !Array.isArray(meta)) {
            const record = meta;
            const horizon = metaHorizon(record, metaFile);
            const own = metricValues(record.metrics);
            if (horizon && Object.keys(own).length > 0)
                metrics.horizons[horizon] = own;
            if (record.base_metrics && typeof record.base_metrics === 'object') {
                for (const [model, values] of Object.entries(record.base_metrics)) {
                    const v = metricValues(values);
                    if (Object.keys(v).length > 0)
                        metrics.base[model] = v;
                }
            }
            if (Object.keys(own).length > 0 || Object.keys(metrics.base).length > 0)
                sources.push(metaFile);
        }
    }
    if (present.has(METRICS_FILE)) {
        const raw = await readJson(bundleDir, METRICS_FILE);
        const parsed = metricsFileSchema.safeParse(raw);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            throw new errors/* ModelgateError */.HJ(`${METRICS_FILE}: ${(0,describe/* dottedPath */.wM)(issue.path)}: ${(0,describe/* describeIssue */.n6)(issue, raw)}; the training job must write { "horizons": { "1h": { "oof_auc": 0.58 } }, "base": {...}, "models": {...} } with numbers as values`, 'input', { file: external_node_path_.join(bundleDir, METRICS_FILE) });
        }
        const { horizons, base, models, ...rest } = parsed.data;
        merge(metrics.horizons, horizons ?? {});
        merge(metrics.base, base ?? {});
        merge(metrics.models, models ?? {});
        for (const [key, value] of Object.entries(rest)) {
            const v = metricValue.safeParse(value);
            if (v.success)
                metrics[key] = v.data;
        }
        sources.push(METRICS_FILE);
    }
    return { metrics, sources };
}

// EXTERNAL MODULE: ./lib/core/config/schema.js
var schema = __webpack_require__(4259);
// EXTERNAL MODULE: ./lib/core/gate/render.js
var render = __webpack_require__(2327);
;// CONCATENATED MODULE: ./lib/core/package/notes.js
/**
 * Release notes in the seed's shape (seed/deploy-checklist.zh.md): the file inventory by role,
 * performance tables, the health check, the deploy procedure for this very release (its id
 * and checksum), the checklists, the known risks and the rollback. Everything is derived from
 * the manifest, the config and the training gate's verdict, so the page says what the gates
 * will enforce, not what someone remembered to write. `zh` gives the seed's Chinese headings.
 */




const EN = {
    title: 'Deployment checklist',
    created: 'Created',
    bundle: 'Bundle',
    files: (n) => `${n} files`,
    status: 'Status',
    statusReady: '✅ Health check passed, ready to deploy',
    statusNoHealth: '⚠️ No health check was run for this package; run healthcheck before deploying',
    statusHealthFailed: '❌ Health check failed',
    statusGateFailed: '❌ Training gate failed: do not deploy',
    enabledHorizons: 'Enabled horizons',
    none: 'none',
    inventory: 'Model files',
    coreModels: 'Core models',
    otherModels: 'Other models',
    metadata: 'Metadata and other files',
    roles: {
        lstm: 'Multi-Horizon LSTM',
        stacking: 'Stacking Ensemble',
        tft: 'TFT',
        regime: 'Regime models',
        lightgbm: 'LightGBM',
        xgboost: 'XGBoost',
        models: 'Other models',
        metadata: 'Metadata',
        other: 'Other files',
    },
    kinds: {
        onnx: 'ONNX model',
        torch: 'PyTorch model',
        lightgbm: 'LightGBM model',
        xgboost: 'XGBoost model',
        pickle: 'pickled model',
        json: 'JSON metadata',
        other: 'file',
    },
    performance: 'Performance',
    horizons: 'Stacking by horizon',
    baseModels: 'Base models (OOF)',
    models: 'Models',
    horizon: 'Horizon',
    model: 'Model',
    gate: 'Gate',
    enabled: '✓ enabled',
    disabled: '✗ disabled',
    noMetrics: 'The bundle carries no metrics (metrics.json or the stacking meta JSON).',
    health: 'Health check',
    healthColumns: ['Check', 'Status', 'Time', 'Details'],
    healthNotRun: 'No health check was run for this package.',
    deploySteps: 'Deployment steps',
    stepVerify: 'Verify the tarball',
    stepShadow: 'Deploy in shadow mode',
    stepCheck: 'Verify the deployment',
    stepObserve: 'Shadow observation',
    stepLive: 'Go live (once stable)',
    verifyComment: '# the checksum this release was packaged with',
    shadowComment: (id) => `# upload, verify, extract to releases/${id}, back up, switch, set the shadow flags, restart, verify logs; rolls back by itself on failure`,
    logComment: '# service log',
    loadComment: '# models loaded',
    observeComment: '# trade logs of the shadow window against the shadow rules',
    watch: 'Watch',
    liveComment: '# set the promote flags, restart, verify',
    envComment: '# the flags now in effect',
    checklist: 'Deployment checklist',
    before: 'Before deployment',
    during: 'During deployment',
    after: 'After deployment',
    goLive: 'Go live',
    items: {
        healthPassed: 'Health check passed',
        packaged: (file) => `Bundle packaged: \`${file}\``,
        allFiles: (n) => `All ${n} model files present, sha256 in the manifest`,
        gate: (h) => `Training gate passed (enabled horizons: ${h})`,
        backup: (dir) => `Current production models backed up (deploy archives them to \`${dir}\`)`,
        disk: "Enough disk space on the server (deploy's preflight checks it)",
        uploaded: (sha) => `Tarball transferred, sha256 \`${sha}\` verified on the server`,
        switched: (id, models) => `Extracted to \`releases/${id}\`, \`${models}\` switched to it`,
        restarted: 'Service restarted',
        noErrors: (p) => `No errors in the log (${p})`,
        loaded: (p) => `Models loaded (log shows ${p})`,
        shadowRunning: (w) => `Shadow mode running, gate window ${w}`,
        stable: (d) => `Shadow mode stable for ${d}`,
        allMet: 'All shadow metrics met',
        flags: (f) => `Set ${f}`,
        monitor: 'Monitor for 48 hours',
    },
    risks: 'Risks',
    knownIssues: 'Known issues',
    overfit: (s) => `Validation overfit (${s})`,
    overfitLine: (val, test, gap, limit) => `Val AUC ${val} vs Test AUC ${test}: gap ${gap}, above ${limit}`,
    unusable: (h) => `${h} not usable`,
    onlyUse: (h) => `Use only: ${h}`,
    noHorizon: 'No horizon passed the training gate: do not deploy',
    belowTarget: (m) => `${m} AUC below its target`,
    targetLine: (t, a) => `Target: ${t}, actual: ${a}`,
    gapLine: (p) => `Gap: ${p}`,
    otherFindings: 'Other gate findings',
    noIssues: 'The training gate found no known issues.',
    mitigations: 'Mitigations',
    mitigationShadow: (f) => `Shadow mode by default (${f} until promote)`,
    mitigationSamples: (b) => `Stacking sample-size gate (${b})`,
    mitigationHealth: 'Automated health check (integrity, loading, golden-vector inference, pickle safety)',
    mitigationShadowGate: 'Shadow gate on the live trade logs before promotion',
    mitigationSwitch: 'Atomic switch with backup, automatic rollback when verification fails',
    rollback: 'Rollback',
    rollbackIntro: 'If problems appear after deployment:',
    rollbackStacking: (f) => `# 1. turn stacking off (${f}), restart`,
    rollbackRelease: (dir) => `# 2. restore the previous release (${dir} back to it), restart`,
    rollbackMlOff: (r, f) => `# 3. turn ML off entirely (${r} in ${f}), restart`,
    shadowRules: {
        ml_coverage: 'ML coverage',
        stacking_activation: 'Stacking activation',
        lstm_ok_rate: 'LSTM normal-output rate',
        tft_ok_rate: 'TFT normal-output rate',
        bull_prob_in_range: 'Predictions within',
        severe_errors: 'Severe ML errors',
    },
};
const ZH = {
    title: '部署清单',
    created: '生成时间',
    bundle: '打包文件',
    files: (n) => `${n} 个文件`,
    status: '状态',
    statusReady: '✅ 健康检查通过，准备部署',
    statusNoHealth: '⚠️ 本次打包未运行健康检查，部署前请先运行 healthcheck',
    statusHealthFailed: '❌ 健康检查未通过',
    statusGateFailed: '❌ 训练门禁未通过，不要部署',
    enabledHorizons: '启用周期',
    none: '无',
    inventory: '模型文件清单',
    coreModels: '核心模型',
    otherModels: '其他模型',
    metadata: '元数据及其他文件',
    roles: {
        lstm: 'Multi-Horizon LSTM',
        stacking: 'Stacking Ensemble',
        tft: 'TFT',
        regime: 'Regime 模型',
        lightgbm: 'LightGBM',
        xgboost: 'XGBoost',
        models: '其他模型',
        metadata: '元数据',
        other: '其他文件',
    },
    kinds: {
        onnx: 'ONNX 模型',
        torch: 'PyTorch 模型',
        lightgbm: 'LightGBM 模型',
        xgboost: 'XGBoost 模型',
        pickle: 'pickle 模型',
        json: 'JSON 元数据',
        other: '文件',
    },
    performance: '性能指标',
    horizons: 'Stacking 各周期',
    baseModels: '基模型 OOF 表现',
    models: '模型指标',
    horizon: '周期',
    model: '模型',
    gate: '门禁',
    enabled: '✓ 启用',
    disabled: '✗ 未启用',
    noMetrics: '打包文件中没有指标 (metrics.json 或 stacking 元数据)。',
    health: '健康检查结果',
    healthColumns: ['检查项', '状态', '耗时', '说明'],
    healthNotRun: '本次打包未运行健康检查。',
    deploySteps: '部署步骤',
    stepVerify: '校验打包文件',
    stepShadow: '部署 (Shadow 模式)',
    stepCheck: '验证部署',
    stepObserve: 'Shadow 模式观察',
    stepLive: '正式开启 (确认稳定后)',
    verifyComment: '# 打包时记录的校验和',
    shadowComment: (id) => `# 上传、校验、解压到 releases/${id}、备份、切换、设置 Shadow 开关、重启、检查日志；失败时自动回退`,
    logComment: '# 查看日志',
    loadComment: '# 检查模型加载',
    observeComment: '# 用 Shadow 规则分析观察窗口内的交易日志',
    watch: '观察指标',
    liveComment: '# 设置正式开关、重启、验证',
    envComment: '# 验证环境变量',
    checklist: '部署检查清单',
    before: '部署前',
    during: '部署中',
    after: '部署后',
    goLive: '正式开启',
    items: {
        healthPassed: '健康检查通过',
        packaged: (file) => `模型文件打包完成: \`${file}\``,
        allFiles: (n) => `所有模型文件完整 (${n} 个，sha256 见 manifest)`,
        gate: (h) => `训练门禁通过 (启用周期: ${h})`,
        backup: (dir) => `备份当前生产模型 (deploy 自动归档到 \`${dir}\`)`,
        disk: '确认服务器磁盘空间充足 (deploy 预检)',
        uploaded: (sha) => `模型文件传输成功，服务器上校验 sha256 \`${sha}\``,
        switched: (id, models) => `解压到 \`releases/${id}\`，\`${models}\` 已切换`,
        restarted: '服务重启成功',
        noErrors: (p) => `日志无错误 (${p})`,
        loaded: (p) => `模型加载成功 (日志含 ${p})`,
        shadowRunning: (w) => `Shadow 模式运行，门禁窗口 ${w}`,
        stable: (d) => `Shadow 模式稳定 ${d}`,
        allMet: '所有指标达标',
        flags: (f) => `设置 ${f}`,
        monitor: '持续监控 48 小时',
    },
    risks: '风险提示',
    knownIssues: '已知问题',
    overfit: (s) => `验证集过拟合 (${s})`,
    overfitLine: (val, test, gap, limit) => `Val AUC ${val} vs Test AUC ${test}，差距 ${gap}，超过 ${limit}`,
    unusable: (h) => `${h} 不可用`,
    onlyUse: (h) => `建议: 只使用 ${h}`,
    noHorizon: '没有周期通过训练门禁，不要部署',
    belowTarget: (m) => `${m} AUC 低于目标`,
    targetLine: (t, a) => `目标: ${t}, 实际: ${a}`,
    gapLine: (p) => `差距: ${p}`,
    otherFindings: '其他门禁结果',
    noIssues: '训练门禁未发现已知问题。',
    mitigations: '缓解措施',
    mitigationShadow: (f) => `Shadow 模式默认开启 (正式开启前 ${f})`,
    mitigationSamples: (b) => `Stacking 样本量门禁 (${b})`,
    mitigationHealth: '健康检查自动化 (完整性、加载、golden 推理一致性、pickle 安全)',
    mitigationShadowGate: '正式开启前用实盘交易日志做 Shadow 门禁',
    mitigationSwitch: '原子切换并备份，验证失败自动回退',
    rollback: '回退方案',
    rollbackIntro: '如果部署后出现问题:',
    rollbackStacking: (f) => `# 1. 关闭 Stacking (${f})，重启`,
    rollbackRelease: (dir) => `# 2. 恢复上一个版本 (${dir} 切回)，重启`,
    rollbackMlOff: (r, f) => `# 3. 完全关闭 ML (${f} 中设为 ${r})，重启`,
    shadowRules: {
        ml_coverage: 'ML 覆盖率',
        stacking_activation: 'Stacking 激活率',
        lstm_ok_rate: 'LSTM 输出正常率',
        tft_ok_rate: 'TFT 输出正常率',
        bull_prob_in_range: '预测分布合理',
        severe_errors: '严重 ML 错误',
    },
};
/** Metrics in tables: counts with separators (24,492), scores with 4 decimals (0.5480). */
function formatMetric(value) {
    if (value === null || value === undefined)
        return '—';
    if (typeof value === 'number') {
        if (Number.isInteger(value))
            return value.toLocaleString('en-US');
        if (Math.abs(value) >= 0.001)
            return value.toFixed(4);
        return String(value);
    }
    return (0,render/* cell */.Hn)(String(value));
}
function roleOf(file) {
    const name = external_node_path_.basename(file.path).toLowerCase();
    if (name.startsWith('stacking_'))
        return 'stacking';
    if (name.startsWith('lstm_'))
        return 'lstm';
    if (name.startsWith('tft_'))
        return 'tft';
    if (name.includes('regime'))
        return 'regime';
    if (file.kind === 'lightgbm')
        return 'lightgbm';
    if (file.kind === 'xgboost')
        return 'xgboost';
    if (file.kind === 'onnx' || file.kind === 'torch' || file.kind === 'pickle')
        return 'models';
    if (file.kind === 'json' || name.endsWith('.json'))
        return 'metadata';
    return 'other';
}
function inventory(manifest, w) {
    const groups = new Map();
    for (const file of manifest.files) {
        const role = roleOf(file);
        groups.set(role, [...(groups.get(role) ?? []), file]);
    }
    const lines = [];
    const section = (heading, roles, bold) => {
        const present = roles.filter((r) => groups.has(r));
        if (present.length === 0)
            return;
        lines.push(`### ${heading}`, '');
        for (const role of present) {
            if (bold)
                lines.push(`**${w.roles[role]}**:`);
            for (const f of groups.get(role))
                lines.push(`- ${f.path} (${(0,files/* formatSize */.Xq)(f.size)}) - ${w.kinds[f.kind] ?? f.kind}`);
            lines.push('');
        }
    };
    section(w.coreModels, ['lstm', 'stacking'], true);
    section(w.otherModels, ['tft', 'regime', 'lightgbm', 'xgboost', 'models'], true);
    section(w.metadata, ['metadata', 'other'], false);
    return lines;
}
const PREFERRED_COLUMNS = ['oof_auc', 'oof_std', 'test_auc', 'val_auc', 'n_oof', 'target_auc'];
function columnsOf(table) {
    const all = new Set();
    for (const values of Object.values(table))
        for (const key of Object.keys(values))
            all.add(key);
    return [
        ...PREFERRED_COLUMNS.filter((c) => all.has(c)),
        ...[...all].filter((c) => !PREFERRED_COLUMNS.includes(c)),
    ];
}
function notes_metricTable(table, first, extra) {
    const columns = columnsOf(table);
    const header = [first, ...columns, ...(extra ? [extra.header] : [])];
    const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
    for (const [subject, values] of Object.entries(table)) {
        const cells = [
            (0,render/* cell */.Hn)(subject),
            ...columns.map((c) => formatMetric(values[c])),
            ...(extra ? [extra.cell(subject)] : []),
        ];
        lines.push(`| ${cells.join(' | ')} |`);
    }
    return lines;
}
function performance(manifest, gate, w) {
    const { horizons, base, models } = manifest.metrics;
    const lines = [];
    if (Object.keys(horizons).length === 0 &&
        Object.keys(base).length === 0 &&
        Object.keys(models).length === 0)
        return [w.noMetrics, ''];
    if (Object.keys(horizons).length > 0) {
        lines.push(`### ${w.horizons}`, '');
        lines.push(...notes_metricTable(horizons, w.horizon, {
            header: w.gate,
            cell: (h) => (gate.enabledHorizons.includes(h) ? w.enabled : w.disabled),
        }), '');
    }
    if (Object.keys(base).length > 0)
        lines.push(`### ${w.baseModels}`, '', ...notes_metricTable(base, w.model), '');
    if (Object.keys(models).length > 0)
        lines.push(`### ${w.models}`, '', ...notes_metricTable(models, w.model), '');
    return lines;
}
const STATUS_MARK = { pass: '✓', warn: '⚠️', fail: '✗', skip: '–' };
function formatMs(ms) {
    return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}
function healthSection(health, manifest, w) {
    const checks = health?.checks ?? manifest.health?.checks;
    if (!checks)
        return [w.healthNotRun, ''];
    const [c1, c2, c3, c4] = w.healthColumns;
    const lines = [`| ${c1} | ${c2} | ${c3} | ${c4} |`, '|---|---|---|---|'];
    for (const check of checks) {
        const status = check.status;
        const mark = STATUS_MARK[status] ?? '';
        const ms = typeof check.ms === 'number' ? formatMs(check.ms) : '—';
        lines.push(`| ${(0,render/* cell */.Hn)(check.name)} | ${mark} ${check.status} | ${ms} | ${(0,render/* cell */.Hn)(check.message ?? '')} |`);
    }
    return [...lines, ''];
}
function target(config) {
    const d = config.deploy;
    const base = d?.path ?? '/opt/macd-analysis';
    const service = d?.service ?? 'macd-analysis';
    if (d?.target === 'local')
        return { ssh: (c) => c, path: base, service };
    const host = d?.host ?? '<host>';
    const port = d?.port ?? 22;
    const user = d?.user ?? 'root';
    return { ssh: (c) => `ssh -p ${port} ${user}@${host} ${JSON.stringify(c)}`, path: base, service };
}
function flagText(flags, fallback) {
    const entries = Object.entries(flags ?? {});
    return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(', ') : fallback;
}
function describeShadowRule(name, rule, w) {
    const label = w.shadowRules[name] ?? name;
    const pct = (n) => (n <= 1 ? `${Math.round(n * 1000) / 10}%` : String(n));
    if (rule.range)
        return `${label} (${rule.range[0]}-${rule.range[1]})${rule.min !== undefined ? ` ≥ ${pct(rule.min)}` : ''}`;
    const parts = [];
    if (rule.min !== undefined)
        parts.push(`≥ ${pct(rule.min)}`);
    if (rule.max === 0)
        parts.push('= 0');
    else if (rule.max !== undefined)
        parts.push(`≤ ${pct(rule.max)}`);
    return `${label} ${parts.join(', ')}`.trim();
}
function deploySteps(manifest, config, w) {
    const file = manifest.bundle?.file ?? `${manifest.id}.tar.gz`;
    const sha = manifest.bundle?.sha256 ?? '<sha256>';
    const t = target(config);
    const d = config.deploy;
    const shadow = config.gate.shadow;
    const rules = shadow?.rules ?? schema/* DEFAULT_SHADOW_RULES */.t9;
    const logCommand = d?.logs
        ? d.logs.replace('@{since}', "@$(date -d '-1 hour' +%s)")
        : `journalctl -u ${t.service} -n 50`;
    const expect = d?.verify.expect.length ? d.verify.expect : ['stacking', 'lstm'];
    const logFile = d?.log_file ? `${t.path}/${d.log_file}` : `${t.path}/logs/app.log`;
    const flagsFile = `${t.path}/${d?.flags.file ?? '.env'}`;
    return [
        `### 1. ${w.stepVerify}`,
        '',
        '```bash',
        w.verifyComment,
        `echo "${sha}  ${file}" | sha256sum -c -`,
        '```',
        '',
        `### 2. ${w.stepShadow}`,
        '',
        '```bash',
        w.shadowComment(manifest.id),
        `modelgate deploy --tarball ${file} --phase shadow`,
        '```',
        '',
        `### 3. ${w.stepCheck}`,
        '',
        '```bash',
        w.logComment,
        t.ssh(logCommand),
        '',
        w.loadComment,
        t.ssh(`grep -iE '${expect.join('|')}' ${logFile} | tail -20`),
        '```',
        '',
        `### 4. ${w.stepObserve}`,
        '',
        '```bash',
        w.observeComment,
        `modelgate gate --mode shadow`,
        '```',
        '',
        `**${w.watch}**:`,
        ...Object.entries(rules).map(([name, rule]) => `- ${describeShadowRule(name, rule, w)}`),
        '',
        `### 5. ${w.stepLive}`,
        '',
        '```bash',
        w.liveComment,
        `modelgate deploy --tarball ${file} --phase promote`,
        '',
        w.envComment,
        t.ssh(`cat ${flagsFile}; systemctl show ${t.service} --property=Environment`),
        '```',
        '',
    ];
}
function checklists(manifest, config, gate, health, w) {
    const d = config.deploy;
    const file = manifest.bundle?.file ?? `${manifest.id}.tar.gz`;
    const sha = manifest.bundle?.sha256 ?? '<sha256>';
    const healthPassed = (health?.passed ?? manifest.health?.passed) === true;
    const box = (done, text) => `- [${done ? 'x' : ' '}] ${text}`;
    const shadow = config.gate.shadow;
    const rules = shadow?.rules ?? schema/* DEFAULT_SHADOW_RULES */.t9;
    const horizons = gate.enabledHorizons.join(', ') || w.none;
    const promote = flagText(d?.flags.promote, 'ML_ENABLE_STACKING=1');
    const fail = (d?.verify.fail ?? ['Traceback', 'ERROR', 'CRITICAL']).join(', ');
    const expect = (d?.verify.expect.length ? d.verify.expect : ['stacking', 'lstm']).join(', ');
    const window = typeof shadow?.window === 'number' ? `${shadow.window}s` : (shadow?.window ?? '2d');
    const promoteAfter = typeof shadow?.promote_after === 'number' ? `${shadow.promote_after}s` : (shadow?.promote_after ?? '24h');
    return [
        `### ${w.before}`,
        '',
        box(healthPassed, w.items.healthPassed),
        box(true, w.items.packaged(file)),
        box(true, w.items.allFiles(manifest.files.length)),
        box(gate.passed, w.items.gate(horizons)),
        box(false, w.items.backup(`${d?.path ?? '/opt/macd-analysis'}/backup/`)),
        box(false, w.items.disk),
        '',
        `### ${w.during}`,
        '',
        box(false, w.items.uploaded(sha)),
        box(false, w.items.switched(manifest.id, d?.models_dir ?? 'models')),
        box(false, w.items.restarted),
        box(false, w.items.noErrors(fail)),
        box(false, w.items.loaded(expect)),
        '',
        `### ${w.after}`,
        '',
        box(false, w.items.shadowRunning(window)),
        ...Object.entries(rules).map(([name, rule]) => box(false, describeShadowRule(name, rule, w))),
        '',
        `### ${w.goLive}`,
        '',
        box(false, w.items.stable(promoteAfter)),
        box(false, w.items.allMet),
        box(false, w.items.flags(promote)),
        box(false, w.items.monitor),
        '',
    ];
}
function ruleSummary(r) {
    if (r.value === null)
        return `${r.metric}: —`;
    return `${r.metric} ${formatMetric(r.value)} (${r.threshold})`;
}
function risks(manifest, config, gate, w) {
    const issues = [];
    for (const r of gate.rules) {
        if (r.scope !== 'builtin' || r.metric !== 'overfit_gap')
            continue;
        const table = manifest.metrics.horizons[r.subject] ??
            manifest.metrics.models[r.subject] ??
            manifest.metrics.base[r.subject] ??
            {};
        issues.push([
            `**${w.overfit(r.subject)}** ⚠️`,
            `   - ${w.overfitLine(formatMetric(table.val_auc), formatMetric(table.test_auc), formatMetric(r.value), String(config.gate.training.warn.overfit_gap))}`,
        ]);
    }
    const failed = Object.entries(gate.horizons).filter(([, h]) => !h.passed);
    if (failed.length > 0) {
        const lines = [`**${w.unusable(failed.map(([h]) => h).join('/'))}** ⚠️`];
        for (const [h] of failed) {
            const broken = gate.rules.filter((r) => r.scope === 'horizon' && r.subject === h && r.status === 'fail');
            lines.push(`   - ${h}: ${broken.length ? broken.map(ruleSummary).join(', ') : gate.horizons[h].failures.join('; ')}`);
        }
        lines.push(`   - ${gate.enabledHorizons.length ? w.onlyUse(gate.enabledHorizons.join(', ')) : w.noHorizon}`);
        issues.push(lines);
    }
    for (const r of gate.rules) {
        if (r.scope !== 'builtin' || r.metric === 'overfit_gap' || r.value === null)
            continue;
        const target = (manifest.metrics.models[r.subject] ?? manifest.metrics.base[r.subject] ?? {}).target_auc;
        if (typeof target !== 'number')
            continue;
        const pct = (((r.value - target) / target) * 100).toFixed(1);
        issues.push([
            `**${w.belowTarget(r.subject.toUpperCase())}** ⚠️`,
            `   - ${w.targetLine(String(target), formatMetric(r.value))}`,
            `   - ${w.gapLine(`${pct}%`)}`,
        ]);
    }
    const other = gate.rules.filter((r) => r.scope !== 'builtin' && r.scope !== 'horizon' && r.status !== 'pass');
    const warnRules = gate.rules.filter((r) => r.scope === 'horizon' && r.status === 'warn');
    if (other.length + warnRules.length > 0)
        issues.push([
            `**${w.otherFindings}** ⚠️`,
            ...[...warnRules, ...other].map((r) => `   - ${(0,render/* cell */.Hn)(r.message)}`),
        ]);
    const lines = [`### ${w.knownIssues}`, ''];
    if (issues.length === 0)
        lines.push(w.noIssues, '');
    issues.forEach((issue, i) => lines.push(`${i + 1}. ${issue[0]}`, ...issue.slice(1), ''));
    const d = config.deploy;
    const nOof = Object.values(config.gate.training.horizons)
        .map((rules) => rules.n_oof?.min)
        .filter((v) => v !== undefined);
    lines.push(`### ${w.mitigations}`, '');
    if (Object.keys(d?.flags.shadow ?? {}).length > 0)
        lines.push(`- ✅ ${w.mitigationShadow(flagText(d?.flags.shadow, ''))}`);
    if (nOof.length > 0)
        lines.push(`- ✅ ${w.mitigationSamples(`n_oof ≥ ${formatMetric(Math.min(...nOof))}`)}`);
    lines.push(`- ✅ ${w.mitigationHealth}`, `- ✅ ${w.mitigationShadowGate}`, `- ✅ ${w.mitigationSwitch}`, '');
    const mlOff = config.rollback.ml_off;
    lines.push(`### ${w.rollback}`, '', w.rollbackIntro, '', '```bash', w.rollbackStacking(flagText(d?.flags.shadow, 'ML_ENABLE_STACKING=0')), 'modelgate rollback --level stacking', '', w.rollbackRelease(d?.models_dir ?? 'models'), 'modelgate rollback --level release', '', w.rollbackMlOff(mlOff?.replace ?? 'use_ml_enhancement = False', mlOff?.file ?? 'live_config.py'), 'modelgate rollback --level ml-off', '```', '');
    return lines;
}
function renderReleaseNotes(input, language = 'en') {
    const w = language === 'zh' ? ZH : EN;
    const { manifest, config, gate, health } = input;
    const file = manifest.bundle?.file ?? `${manifest.id}.tar.gz`;
    const healthPassed = health?.passed ?? manifest.health?.passed;
    const status = !gate.passed
        ? w.statusGateFailed
        : healthPassed === undefined
            ? w.statusNoHealth
            : healthPassed
                ? w.statusReady
                : w.statusHealthFailed;
    const size = manifest.bundle?.size;
    const created = manifest.created.replace('T', ' ').replace(/Z$/, ' UTC');
    const lines = [
        `# ${w.title} - ${manifest.id}`,
        '',
        `**${w.created}**: ${created}  `,
        `**${w.bundle}**: ${file} (${size !== undefined ? `${(0,files/* formatSize */.Xq)(size)}, ` : ''}${w.files(manifest.files.length)})  `,
        ...(manifest.bundle?.sha256 ? [`**sha256**: \`${manifest.bundle.sha256}\`  `] : []),
        `**${w.enabledHorizons}**: ${gate.enabledHorizons.join(', ') || w.none}  `,
        `**${w.status}**: ${status}`,
        '',
        '---',
        '',
        `## ${w.inventory}`,
        '',
        ...inventory(manifest, w),
        '---',
        '',
        `## ${w.performance}`,
        '',
        ...performance(manifest, gate, w),
        '---',
        '',
        `## ${w.health}`,
        '',
        ...healthSection(health, manifest, w),
        '---',
        '',
        `## ${w.deploySteps}`,
        '',
        ...deploySteps(manifest, config, w),
        '---',
        '',
        `## ${w.checklist}`,
        '',
        ...checklists(manifest, config, gate, health, w),
        '---',
        '',
        `## ${w.risks}`,
        '',
        ...risks(manifest, config, gate, w),
    ];
    return `${lines
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trimEnd()}\n`;
}

;// CONCATENATED MODULE: ./lib/core/package/portable-names.js
/**
 * Names a bundle may carry. A release is extracted on Linux servers, listed by GNU tar and
 * Python's tarfile, uploaded as an Actions artifact and sometimes unpacked on a laptop: only
 * names in the POSIX portable character set survive all of them unchanged.
 */

const SEGMENT = /^[A-Za-z0-9._-]+$/;
/** Why `path` is not portable, or undefined when it is. */
function nonPortableReason(path) {
    for (const segment of path.split('/')) {
        if (segment === '.' || segment === '..')
            return `"${segment}" is not allowed as a name`;
        if (!SEGMENT.test(segment)) {
            const bad = [...segment].find((c) => !/[A-Za-z0-9._-]/.test(c)) ?? '';
            return `"${segment}" contains ${describeChar(bad)}; use only letters, digits, ".", "_" and "-"`;
        }
        if (segment.startsWith('-'))
            return `"${segment}" starts with "-", which tools read as an option`;
    }
    return undefined;
}
function describeChar(c) {
    if (c === ' ')
        return 'a space';
    if (c === '\t')
        return 'a tab';
    const code = c.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f)
        return `a control character (U+${code.toString(16).padStart(4, '0').toUpperCase()})`;
    return `"${c}"`;
}
/**
 * Throws on the first path that is not portable, or that differs from another only in case
 * (one would overwrite the other on macOS and Windows file systems). Paths are relative to
 * `root`, which is named in the message.
 */
function checkPortableNames(paths, root) {
    const seen = new Map();
    for (const path of paths) {
        const reason = nonPortableReason(path);
        if (reason)
            throw new errors/* ModelgateError */.HJ(`${root}/${path}: name is not portable: ${reason}; rename the file in the bundle`, 'input', {
                file: `${root}/${path}`,
            });
        const parts = path.split('/');
        // A file and every directory above it: "Models/a" and "models/b" clash on the directory.
        for (let i = 1; i <= parts.length; i++) {
            const prefix = parts.slice(0, i).join('/');
            const key = prefix.toLowerCase();
            const other = seen.get(key);
            if (other !== undefined && other !== prefix)
                throw new errors/* ModelgateError */.HJ(`${root}/${path}: "${prefix}" and "${other}" differ only in case, and one overwrites the other on case-insensitive file systems; rename one of them`, 'input', { file: `${root}/${path}` });
            seen.set(key, prefix);
        }
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./lib/core/package/crc32.js
/**
 * CRC-32 (the gzip trailer's checksum) and crc32_combine, which gives the CRC of A+B from the
 * CRCs of A and B and B's length. The tarball is written out of order (its first entry, the
 * manifest, is known only after every file has been hashed), so its checksum is assembled
 * from parts.
 */

const POLY = 0xedb88320;
let table;
function crcTable() {
    if (table)
        return table;
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? POLY ^ (c >>> 1) : c >>> 1;
        table[n] = c >>> 0;
    }
    return table;
}
/** Byte-at-a-time CRC-32, for Node versions before zlib.crc32 (20.15 / 22.2). */
function crc32Portable(data, crc = 0) {
    const t = crcTable();
    let c = ~crc >>> 0;
    for (let i = 0; i < data.length; i++)
        c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
    return ~c >>> 0;
}
const crc32_native = external_node_zlib_.crc32;
/** CRC-32 of `data`, continuing from `crc`; zlib's SIMD implementation when Node has it. */
function crc32(data, crc = 0) {
    return crc32_native ? crc32_native(data, crc) >>> 0 : crc32Portable(data, crc);
}
/** a * b modulo the CRC polynomial (reflected), zlib's multmodp. */
function multmodp(a, b) {
    let m = 0x80000000;
    let p = 0;
    for (;;) {
        if (a & m) {
            p ^= b;
            if ((a & (m - 1)) === 0)
                break;
        }
        m >>>= 1;
        b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
    }
    return p >>> 0;
}
let x2n;
/** x^(2^k) modulo the polynomial, for k = 0..31. */
function x2nTable() {
    if (x2n)
        return x2n;
    x2n = [];
    let p = 0x40000000; // x^1
    for (let k = 0; k < 32; k++) {
        x2n.push(p);
        p = multmodp(p, p);
    }
    return x2n;
}
/** x^(n * 2^k) modulo the polynomial; n may exceed 2^32 (bundles larger than 4 GiB). */
function x2nmodp(n, k) {
    const t = x2nTable();
    let p = 0x80000000; // x^0
    while (n > 0) {
        if (n % 2 === 1)
            p = multmodp(t[k & 31], p);
        n = Math.floor(n / 2);
        k++;
    }
    return p;
}
/** CRC-32 of A followed by B, given crc(A), crc(B) and B's length in bytes. */
function crc32Combine(crcA, crcB, lengthB) {
    return (multmodp(x2nmodp(lengthB, 3), crcA >>> 0) ^ crcB) >>> 0;
}

;// CONCATENATED MODULE: ./lib/core/package/tarball.js
/**
 * A deterministic `.tar.gz` writer: ustar entries in a fixed order with fixed metadata
 * (mtime from the release timestamp, uid/gid 0, empty owner names, mode 0644 for files and
 * 0755 for directories, no extended headers), compressed into one gzip member with a fixed
 * header (no name, mtime 0, OS 3). The same files and timestamp give the same bytes.
 *
 * Layout of the gzip member:
 *   [gzip header][stored deflate blocks: the first entry][deflate blocks: every other entry]
 *   [CRC-32][size]
 * The first entry (manifest.json) lists every file's sha256, which is known only once every
 * file has been read. Its length is known up front (hashes are fixed-width), so it is kept
 * uncompressed in stored blocks of known size: the rest of the stream is written after that
 * gap while the files are read and hashed once, and the gap is filled last. A few kilobytes
 * stored instead of deflated cost nothing measurable in size.
 *
 * Compression, and why it beats `tar -czf` and keeps up with pigz on the same cores:
 * - The rest of the tar stream is cut into blocks of at most 1 MiB and the blocks are
 *   deflated concurrently on libuv's threadpool (zlib's async API), the way pigz does it:
 *   each block is a raw deflate stream ended with Z_SYNC_FLUSH (the last with Z_FINISH),
 *   primed with the previous block's last 32 KiB as dictionary, and the CRC-32 is computed
 *   in order on the main thread. A file of 256 KiB or more starts and ends a block, so that
 *   a block holds one kind of data (weights, or text). Block boundaries depend only on the
 *   files' sizes, so the output is byte-identical whatever the timing or the number of cores.
 * - Model weights (float32 tensors in .pt and .onnx files) hardly compress: LZ77 finds
 *   almost no matches in them, and what gzip -6 gains there comes from the skewed byte
 *   distribution (the exponent bytes), which Huffman coding alone captures at a fraction of
 *   the cost. Each block is probed on a 32 KiB sample (four 8 KiB slices) with level 1 and
 *   with Huffman-only coding; when LZ matching saves less than 2% of the sample, the block is
 *   coded Huffman-only, otherwise at level 6 like gzip's default. On float weights that is
 *   3-4 times faster than level 6 at the same or a smaller size (Huffman-only even wins a
 *   little: it spends no bits on the rare useless matches); on text models (LightGBM,
 *   XGBoost JSON, metadata) it is gzip -6 itself. The tarball comes out within a fraction of
 *   a percent of `tar -czf`'s size, usually a little smaller.
 * The bytes are identical for the same zlib build; a Node.js release that changes its zlib
 * may change the compressed bytes (never the tar stream inside, nor any file's sha256).
 */







const TAR_BLOCK = 512;
/** GNU tar pads archives to 20 blocks; readers that expect whole records then never see a short one. */
const TAR_RECORD = 20 * TAR_BLOCK;
/** Largest size in ustar's 11 octal digits (8 GiB - 1). */
const USTAR_MAX_SIZE = 8 ** 11 - 1;
const DEFLATE_BLOCK = 1 << 20;
const WINDOW = 32 * 1024;
const STORED_MAX = 65535;
const SAMPLE_SLICE = 8 * 1024;
/** Files at least this large get blocks of their own, so that each block is one kind of data. */
const OWN_BLOCKS = 256 * 1024;
/** LZ matching must save at least this share of the Huffman-only size to be worth level 6. */
const LZ_WORTH = 0.98;
const FILE_MODE = 0o644;
const DIR_MODE = 0o755;
function padTo(n, unit) {
    return Math.ceil(n / unit) * unit;
}
function octal(value, width) {
    return value.toString(8).padStart(width - 1, '0') + '\0';
}
/** Splits a long path into ustar's prefix (155) and name (100) at a `/`. */
function splitName(name) {
    if (Buffer.byteLength(name) <= 100)
        return { prefix: '', name };
    for (let i = name.indexOf('/'); i !== -1; i = name.indexOf('/', i + 1)) {
        const prefix = name.slice(0, i);
        const rest = name.slice(i + 1);
        if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100 && rest.length > 0)
            return { prefix, name: rest };
    }
    throw new errors/* ModelgateError */.HJ(`${name}: path too long for a portable tar archive (at most 100 characters per name, 255 in all); shorten it in the bundle`, 'input', { file: name });
}
/** One ustar header: fixed owner, modes and no extended fields, so the bytes depend only on name, size and mtime. */
function ustarHeader(path, size, mtime, type) {
    if (size > USTAR_MAX_SIZE)
        throw new errors/* ModelgateError */.HJ(`${path}: ${size} bytes is more than a ustar archive holds (8 GiB); split the file`, 'input', {
            file: path,
        });
    const header = Buffer.alloc(TAR_BLOCK);
    const { prefix, name } = splitName(type === 'directory' ? `${path}/` : path);
    header.write(name, 0, 100, 'utf8');
    header.write(octal(type === 'directory' ? DIR_MODE : FILE_MODE, 8), 100, 8, 'ascii');
    header.write(octal(0, 8), 108, 8, 'ascii');
    header.write(octal(0, 8), 116, 8, 'ascii');
    header.write(octal(size, 12), 124, 12, 'ascii');
    header.write(octal(mtime, 12), 136, 12, 'ascii');
    header.write('        ', 148, 8, 'ascii');
    header.write(type === 'directory' ? '5' : '0', 156, 1, 'ascii');
    header.write('ustar\0', 257, 6, 'ascii');
    header.write('00', 263, 2, 'ascii');
    header.write(octal(0, 8), 329, 8, 'ascii');
    header.write(octal(0, 8), 337, 8, 'ascii');
    header.write(prefix, 345, 155, 'utf8');
    let sum = 0;
    for (const byte of header)
        sum += byte;
    header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii');
    return header;
}
/** Files in the given order, each preceded by the directories it needs that were not yet listed. */
function planEntries(files) {
    const entries = [];
    const seen = new Set();
    for (const file of files) {
        const parts = file.path.split('/');
        for (let i = 1; i < parts.length; i++) {
            const dir = parts.slice(0, i).join('/');
            if (!seen.has(dir)) {
                seen.add(dir);
                entries.push({ type: 'directory', path: dir });
            }
        }
        entries.push({ type: 'file', file });
    }
    return entries;
}
function deflateRaw(data, options) {
    return new Promise((resolve, reject) => {
        external_node_zlib_.deflateRaw(data, options, (error, out) => (error ? reject(error) : resolve(out)));
    });
}
function sampleOf(data) {
    if (data.length <= 4 * SAMPLE_SLICE)
        return data;
    const slices = [];
    for (let k = 0; k < 4; k++) {
        const start = Math.floor((k * (data.length - SAMPLE_SLICE)) / 3);
        slices.push(data.subarray(start, start + SAMPLE_SLICE));
    }
    return Buffer.concat(slices);
}
/** Whether LZ77 matching pays on this data (text) or only Huffman coding does (float weights). */
async function worthMatching(data) {
    const sample = sampleOf(data);
    const fast = await deflateRaw(sample, { level: 1 });
    const huffman = await deflateRaw(sample, { level: 6, strategy: external_node_zlib_.constants.Z_HUFFMAN_ONLY });
    return fast.length < huffman.length * LZ_WORTH;
}
async function compressBlock(data, dictionary, last) {
    const finishFlush = last ? external_node_zlib_.constants.Z_FINISH : external_node_zlib_.constants.Z_SYNC_FLUSH;
    if (await worthMatching(data))
        return deflateRaw(data, { level: 6, finishFlush, ...(dictionary ? { dictionary } : {}) });
    return deflateRaw(data, { level: 6, strategy: external_node_zlib_.constants.Z_HUFFMAN_ONLY, finishFlush });
}
/**
 * Receives the tar stream in order, cuts it into fixed blocks and deflates them on the
 * threadpool, writing the compressed blocks in order from `position`.
 */
class ParallelDeflate {
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
    constructor(out, position, total, limit) {
        this.out = out;
        this.position = position;
        this.total = total;
        this.limit = limit;
        this.block = Buffer.allocUnsafe(Math.min(DEFLATE_BLOCK, total));
    }
    /** Bytes of tar stream received so far. */
    get length() {
        return this.dispatched + this.fill;
    }
    /** Free bytes in the current block; the stream must never outgrow its planned length. */
    room() {
        if (this.block.length === 0)
            throw new Error(`tar stream longer than the planned ${this.total} bytes`);
        return this.block.length - this.fill;
    }
    async put(data) {
        let offset = 0;
        while (offset < data.length) {
            const n = Math.min(this.room(), data.length - offset);
            data.copy(this.block, this.fill, offset, offset + n);
            this.fill += n;
            offset += n;
            if (this.fill === this.block.length)
                await this.dispatch();
        }
    }
    async zeros(count) {
        while (count > 0) {
            const n = Math.min(this.room(), count);
            this.block.fill(0, this.fill, this.fill + n);
            this.fill += n;
            count -= n;
            if (this.fill === this.block.length)
                await this.dispatch();
        }
    }
    /** Reads exactly `size` bytes of `source` straight into the blocks, hashing them on the way. */
    async read(source, size, hash, entry) {
        let at = 0;
        while (at < size) {
            const want = Math.min(this.room(), size - at);
            const { bytesRead } = await source.read(this.block, this.fill, want, at);
            if (bytesRead === 0)
                throw changed(entry, `it ended after ${at} of ${size} bytes`);
            hash.update(this.block.subarray(this.fill, this.fill + bytesRead));
            this.fill += bytesRead;
            at += bytesRead;
            if (this.fill === this.block.length)
                await this.dispatch();
        }
        const probe = Buffer.alloc(1);
        const { bytesRead } = await source.read(probe, 0, 1, size);
        if (bytesRead !== 0)
            throw changed(entry, `it grew past the ${size} bytes it had when listed`);
    }
    /** Ends the current block early (at a file boundary), so that a block holds one kind of data. */
    async cut() {
        if (this.fill === 0)
            return;
        this.block = this.block.subarray(0, this.fill);
        await this.dispatch();
    }
    async dispatch() {
        const data = this.block;
        this.crc = crc32(data, this.crc);
        this.dispatched += data.length;
        const last = this.dispatched === this.total;
        const job = compressBlock(data, this.previous, last);
        // Marked handled now; the rejection is still raised where the job is awaited, in order.
        job.catch(() => undefined);
        this.pending.push(job);
        this.previous = data.length >= WINDOW ? data.subarray(data.length - WINDOW) : data;
        this.block = Buffer.allocUnsafe(Math.min(DEFLATE_BLOCK, this.total - this.dispatched));
        this.fill = 0;
        while (this.pending.length >= this.limit)
            await this.writeOne();
    }
    async writeOne() {
        const out = await this.pending.shift();
        await writeAll(this.out, out, this.position);
        this.position += out.length;
    }
    /** Waits for every block; returns the CRC-32 of the stream and the offset after the last block. */
    async finish() {
        if (this.dispatched !== this.total || this.fill !== 0)
            throw new Error(`tar stream length ${this.dispatched + this.fill} differs from the planned ${this.total}`);
        while (this.pending.length > 0)
            await this.writeOne();
        return { crc: this.crc, end: this.position };
    }
}
function changed(entry, how) {
    return new errors/* ModelgateError */.HJ(`${entry.path}: changed while it was being packaged (${how}); package again once nothing is writing to the bundle`, 'input', { file: entry.absolute });
}
async function writeAll(handle, data, position) {
    let done = 0;
    while (done < data.length) {
        const { bytesWritten } = await handle.write(data, done, data.length - done, position + done);
        done += bytesWritten;
    }
}
/** Raw deflate stored blocks (not final) holding `data`, as many as its length needs. */
function storedBlocks(data) {
    const parts = [];
    for (let at = 0; at < data.length; at += STORED_MAX) {
        const chunk = data.subarray(at, at + STORED_MAX);
        const head = Buffer.alloc(5);
        head[0] = 0; // BFINAL 0, BTYPE 00 (stored), padded to the byte
        head.writeUInt16LE(chunk.length, 1);
        head.writeUInt16LE(~chunk.length & 0xffff, 3);
        parts.push(head, chunk);
    }
    return Buffer.concat(parts);
}
function storedLength(length) {
    return length + 5 * Math.ceil(length / STORED_MAX);
}
/** gzip member header: deflate, no flags, mtime 0, no extra flags, OS 3 (Unix) everywhere. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03]);
async function openForArchive(entry) {
    let handle;
    try {
        // O_NOFOLLOW: a file replaced by a link after the listing is refused, not followed.
        handle = await (0,promises_.open)(entry.absolute, external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NOFOLLOW ?? 0));
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            throw changed(entry, 'it was removed');
        if (code === 'ELOOP')
            throw changed(entry, 'it became a symbolic link');
        throw new errors/* ModelgateError */.HJ(`${entry.path}: cannot read (${code ?? error.message})`, 'input', {
            file: entry.absolute,
        });
    }
    const st = await handle.stat();
    if (!st.isFile()) {
        await handle.close();
        throw changed(entry, 'it is no longer a regular file');
    }
    if (st.size !== entry.size) {
        await handle.close();
        throw changed(entry, `its size went from ${entry.size} to ${st.size} bytes`);
    }
    return handle;
}
async function sha256Of(handle, length) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const buffer = Buffer.allocUnsafe(Math.min(length, 4 << 20) || 1);
    for (let at = 0; at < length;) {
        const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, length - at), at);
        if (bytesRead === 0)
            break;
        hash.update(buffer.subarray(0, bytesRead));
        at += bytesRead;
    }
    return hash.digest('hex');
}
/**
 * One block more than the cores keeps them busy while the main thread reads and hashes, but
 * one threadpool thread stays free so that file reads never queue behind compression.
 */
function defaultConcurrency() {
    const cores = external_node_os_.availableParallelism?.() ?? external_node_os_.cpus().length;
    const pool = Number(process.env.UV_THREADPOOL_SIZE) || 4;
    return Math.min(cores + 1, pool - 1);
}
/**
 * Writes the archive to `options.file`. On error the file is left as it is (the caller owns
 * the temporary name and removes it).
 */
async function writeTarball(options) {
    const { mtime, first, files } = options;
    const entries = planEntries(files);
    const firstHeader = ustarHeader(first.path, first.size, mtime, 'file');
    const firstLength = TAR_BLOCK + padTo(first.size, TAR_BLOCK);
    let restLength = 2 * TAR_BLOCK;
    for (const entry of entries)
        restLength += TAR_BLOCK + (entry.type === 'file' ? padTo(entry.file.size, TAR_BLOCK) : 0);
    const tarSize = padTo(firstLength + restLength, TAR_RECORD);
    restLength = tarSize - firstLength;
    const bodyOffset = GZIP_HEADER.length + storedLength(firstLength);
    const limit = Math.max(2, options.concurrency ?? defaultConcurrency());
    const out = await (0,promises_.open)(options.file, 'w+', 0o644);
    try {
        const body = new ParallelDeflate(out, bodyOffset, restLength, limit);
        const hashes = new Map();
        for (const entry of entries) {
            if (entry.type === 'directory') {
                await body.put(ustarHeader(entry.path, 0, mtime, 'directory'));
                continue;
            }
            const file = entry.file;
            await options.onFile?.(file);
            const source = await openForArchive(file);
            const alone = file.size >= OWN_BLOCKS;
            try {
                const hash = (0,external_node_crypto_.createHash)('sha256');
                if (alone)
                    await body.cut();
                await body.put(ustarHeader(file.path, file.size, mtime, 'file'));
                await body.read(source, file.size, hash, file);
                await body.zeros(padTo(file.size, TAR_BLOCK) - file.size);
                if (alone)
                    await body.cut();
                hashes.set(file.path, hash.digest('hex'));
            }
            finally {
                await source.close();
            }
        }
        // End-of-archive (two zero blocks) and the padding to a whole record.
        await body.zeros(restLength - body.length);
        const { crc: restCrc, end } = await body.finish();
        const content = options.firstContent(hashes);
        if (content.length !== first.size)
            throw new Error(`${first.path} is ${content.length} bytes, ${first.size} were reserved for it`);
        const firstTar = Buffer.concat([
            firstHeader,
            content,
            Buffer.alloc(firstLength - TAR_BLOCK - content.length),
        ]);
        const crc = crc32Combine(crc32(firstTar), restCrc, restLength);
        const trailer = Buffer.alloc(8);
        trailer.writeUInt32LE(crc, 0);
        trailer.writeUInt32LE(tarSize % 2 ** 32, 4);
        await writeAll(out, trailer, end);
        await writeAll(out, Buffer.concat([GZIP_HEADER, storedBlocks(firstTar)]), 0);
        const size = end + trailer.length;
        return { sha256: await sha256Of(out, size), size, files: hashes, tarSize };
    }
    finally {
        await out.close();
    }
}

;// CONCATENATED MODULE: ./lib/core/package/package.js
/**
 * `package`: a bundle directory becomes `<name>_<YYYYMMDD_HHMMSS>.tar.gz`, its manifest and
 * its release notes, in `outputDir`:
 *   <id>.tar.gz            reproducible; manifest.json is its first entry
 *   <id>.manifest.json     the manifest with the tarball's sha256 and size (manifestPathFor)
 *   <id>.notes.md          the release notes (notesPathFor)
 * It refuses, naming the file, what must not reach a server: links and special files, names
 * that are not portable, an empty bundle, files the config lists but the bundle lacks, and a
 * bundle whose health check failed. Everything is written under temporary names and renamed
 * once complete (the tarball last), so a failure never leaves a partial release behind.
 */













const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
function isInside(child, parent) {
    const rel = external_node_path_.relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !external_node_path_.isAbsolute(rel));
}
async function removeQuietly(files) {
    await Promise.all(files.map((f) => (0,promises_.rm)(f, { force: true }).catch(() => undefined)));
}
async function packageRelease(options) {
    const progress = async (message) => {
        await options.onProgress?.(message);
    };
    const { config, configFile } = options;
    const name = options.name ?? config.release.name;
    if (!NAME.test(name))
        throw new errors/* InputError */.dz(`input name: "${name}" is not a release name; use letters, digits, ".", "_" or "-"`, 'name');
    const timestamp = options.timestamp ?? formatReleaseTimestamp(new Date());
    const created = parseReleaseTimestamp(timestamp);
    const id = releaseId(name, timestamp);
    const bundleDir = external_node_path_.resolve(options.bundleDir);
    const outputDir = external_node_path_.resolve(options.outputDir);
    if (isInside(outputDir, bundleDir))
        throw new errors/* InputError */.dz(`input output-dir: ${options.outputDir} is inside the bundle ${options.bundleDir}; write the release elsewhere, or it would end up in the next one`, 'output-dir');
    const listing = await (0,files/* listBundle */.tK)(bundleDir);
    const shown = options.bundleDir.replace(/\/+$/, '') || '.';
    const special = listing.special[0];
    if (special)
        throw new errors/* ModelgateError */.HJ(`${shown}/${special.path}: is a ${special.type}; a release holds regular files only (a link can point outside the bundle): replace it with the file itself`, 'input', { file: external_node_path_.join(bundleDir, special.path) });
    if (listing.files.length === 0)
        throw new errors/* ModelgateError */.HJ(`${shown}: the bundle is empty; point the bundle input at the training job's output directory`, 'input', {
            file: bundleDir,
        });
    checkPortableNames(listing.files.map((f) => f.path), shown);
    if (listing.files.some((f) => f.path === MANIFEST_ENTRY))
        throw new errors/* ModelgateError */.HJ(`${shown}/${MANIFEST_ENTRY}: the bundle already holds a manifest; package writes its own, so remove it (or package the original bundle, not an extracted release)`, 'input', { file: external_node_path_.join(bundleDir, MANIFEST_ENTRY) });
    const present = new Set(listing.files.map((f) => f.path));
    const missing = config.release.artifacts.filter((a) => !present.has(a.path)).map((a) => a.path);
    if (missing.length > 0)
        throw new errors/* ModelgateError */.HJ(`${shown}: missing ${missing.join(', ')}, listed in release.artifacts of ${configFile}; add ${missing.length > 1 ? 'them' : 'it'} to the bundle or remove ${missing.length > 1 ? 'them' : 'it'} from the config`, 'input', { file: configFile });
    let health;
    if (typeof options.health === 'function') {
        await progress('running the health check');
        health = await options.health();
    }
    else
        health = options.health;
    if (health && !(health.passed && (0,types/* reportPassed */.n)(health.checks))) {
        const failed = health.checks.filter((c) => c.status === 'fail');
        const detail = failed.map((c) => `${c.name}: ${c.message}`).join('; ');
        throw new errors/* ModelgateError */.HJ(`${shown}: the health check failed (${failed.map((c) => c.name).join(', ') || 'passed is false'})${detail ? ` - ${detail}` : ''}; fix the bundle and package again`, 'check', { file: bundleDir });
    }
    const { metrics } = await gatherMetrics(bundleDir, listing.files.map((f) => f.path), config);
    const gate = (0,training/* evaluateTrainingGate */.r)(metrics, config.gate.training);
    const input = (sha256) => ({
        name,
        timestamp,
        created,
        files: listing.files.map((f) => ({
            path: f.path,
            size: f.size,
            sha256: sha256.get(f.path) ?? '0'.repeat(64),
        })),
        config,
        metrics,
        health,
        env: options.env,
    });
    // Hashes are fixed-width, so the manifest's length is known before any file is read.
    const innerSize = Buffer.byteLength(serializeManifest(buildInnerManifest(input(new Map()))));
    try {
        await (0,promises_.mkdir)(outputDir, { recursive: true });
    }
    catch (error) {
        throw new errors/* InputError */.dz(`input output-dir: cannot create ${options.outputDir} (${error.code ?? error.message})`, 'output-dir');
    }
    const tarball = external_node_path_.join(outputDir, tarballName(id));
    const manifestPath = manifestPathFor(tarball);
    const notesPath = notesPathFor(tarball);
    const suffix = `.tmp-${process.pid}`;
    const temporary = [tarball, manifestPath, notesPath].map((f) => f + suffix);
    const totalSize = listing.files.reduce((n, f) => n + f.size, 0);
    await progress(`packaging ${listing.files.length} files (${(0,files/* formatSize */.Xq)(totalSize)}) from ${shown} as ${id}`);
    try {
        let written;
        try {
            written = await writeTarball({
                file: temporary[0],
                mtime: Math.floor(created.getTime() / 1000),
                first: { path: MANIFEST_ENTRY, size: innerSize },
                firstContent: (sha256) => Buffer.from(serializeManifest(buildInnerManifest(input(sha256)))),
                files: listing.files,
                onFile: (file) => progress(`adding ${file.path} (${(0,files/* formatSize */.Xq)(file.size)})`),
            });
        }
        catch (error) {
            const code = error.code;
            if (!(error instanceof errors/* ModelgateError */.HJ) &&
                (code === 'EACCES' || code === 'EROFS' || code === 'ENOSPC' || code === 'EPERM'))
                throw new errors/* InputError */.dz(`input output-dir: cannot write ${temporary[0]} (${code})`, 'output-dir');
            throw error;
        }
        const manifest = buildOuterManifest(input(written.files), { sha256: written.sha256, size: written.size });
        const notes = renderReleaseNotes({ manifest, config, gate, health }, options.language ?? 'en');
        await (0,promises_.writeFile)(temporary[1], serializeManifest(manifest));
        await (0,promises_.writeFile)(temporary[2], notes);
        await (0,promises_.rename)(temporary[1], manifestPath);
        await (0,promises_.rename)(temporary[2], notesPath);
        await (0,promises_.rename)(temporary[0], tarball);
        await progress(`wrote ${tarball} (${(0,files/* formatSize */.Xq)(written.size)}, sha256 ${written.sha256})`);
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
            health,
        };
    }
    catch (error) {
        await removeQuietly(temporary);
        throw error;
    }
}


/***/ })

};
