/**
 * Release notes in the seed's shape (seed/deploy-checklist.zh.md): the file inventory by role,
 * performance tables, the health check, the deploy procedure for this very release (its id
 * and checksum), the checklists, the known risks and the rollback. Everything is derived from
 * the manifest, the config and the training gate's verdict, so the page says what the gates
 * will enforce, not what someone remembered to write. `zh` gives the seed's Chinese headings.
 */
import path from 'node:path';
import { formatSize } from '../bundle/files.js';
import { DEFAULT_SHADOW_RULES, type Config, type ShadowRule } from '../config/schema.js';
import { cell } from '../gate/render.js';
import type { RuleOutcome, TrainingGateResult } from '../gate/training.js';
import type { Manifest, MetricTable } from '../manifest.js';
import type { CheckStatus, Report } from '../report/types.js';

export type NotesLanguage = 'en' | 'zh';

export interface ReleaseNotesInput {
  /** The manifest written beside the tarball (with the tarball's sha256 and size). */
  manifest: Manifest;
  config: Config;
  gate: TrainingGateResult;
  /** The health report, when one was given or run. */
  health?: Report | undefined;
}

type Role = 'lstm' | 'stacking' | 'tft' | 'regime' | 'lightgbm' | 'xgboost' | 'models' | 'metadata' | 'other';

interface Words {
  title: string;
  created: string;
  bundle: string;
  files: (n: number) => string;
  status: string;
  statusReady: string;
  statusNoHealth: string;
  statusHealthFailed: string;
  statusGateFailed: string;
  enabledHorizons: string;
  none: string;
  inventory: string;
  coreModels: string;
  otherModels: string;
  metadata: string;
  roles: Record<Role, string>;
  kinds: Record<string, string>;
  performance: string;
  horizons: string;
  baseModels: string;
  models: string;
  horizon: string;
  model: string;
  gate: string;
  enabled: string;
  disabled: string;
  noMetrics: string;
  health: string;
  healthColumns: [string, string, string, string];
  healthNotRun: string;
  deploySteps: string;
  stepVerify: string;
  stepShadow: string;
  stepCheck: string;
  stepObserve: string;
  stepLive: string;
  verifyComment: string;
  shadowComment: (id: string) => string;
  logComment: string;
  loadComment: string;
  observeComment: string;
  watch: string;
  liveComment: string;
  envComment: string;
  checklist: string;
  before: string;
  during: string;
  after: string;
  goLive: string;
  items: {
    healthPassed: string;
    packaged: (file: string) => string;
    allFiles: (n: number) => string;
    gate: (horizons: string) => string;
    backup: (dir: string) => string;
    disk: string;
    uploaded: (sha: string) => string;
    switched: (id: string, models: string) => string;
    restarted: string;
    noErrors: (patterns: string) => string;
    loaded: (patterns: string) => string;
    shadowRunning: (window: string) => string;
    stable: (duration: string) => string;
    allMet: string;
    flags: (flags: string) => string;
    monitor: string;
  };
  risks: string;
  knownIssues: string;
  overfit: (subject: string) => string;
  overfitLine: (val: string, test: string, gap: string, limit: string) => string;
  unusable: (horizons: string) => string;
  onlyUse: (horizons: string) => string;
  noHorizon: string;
  belowTarget: (model: string) => string;
  targetLine: (target: string, actual: string) => string;
  gapLine: (pct: string) => string;
  otherFindings: string;
  noIssues: string;
  mitigations: string;
  mitigationShadow: (flags: string) => string;
  mitigationSamples: (bound: string) => string;
  mitigationHealth: string;
  mitigationShadowGate: string;
  mitigationSwitch: string;
  rollback: string;
  rollbackIntro: string;
  rollbackStacking: (flags: string) => string;
  rollbackRelease: (dir: string) => string;
  rollbackMlOff: (replace: string, file: string) => string;
  shadowRules: Record<string, string>;
}

const EN: Words = {
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
  shadowComment: (id) =>
    `# upload, verify, extract to releases/${id}, back up, switch, set the shadow flags, restart, verify logs; rolls back by itself on failure`,
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

const ZH: Words = {
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
  shadowComment: (id) =>
    `# 上传、校验、解压到 releases/${id}、备份、切换、设置 Shadow 开关、重启、检查日志；失败时自动回退`,
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
export function formatMetric(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return value.toLocaleString('en-US');
    if (Math.abs(value) >= 0.001) return value.toFixed(4);
    return String(value);
  }
  return cell(String(value));
}

function roleOf(file: Manifest['files'][number]): Role {
  const name = path.basename(file.path).toLowerCase();
  if (name.startsWith('stacking_')) return 'stacking';
  if (name.startsWith('lstm_')) return 'lstm';
  if (name.startsWith('tft_')) return 'tft';
  if (name.includes('regime')) return 'regime';
  if (file.kind === 'lightgbm') return 'lightgbm';
  if (file.kind === 'xgboost') return 'xgboost';
  if (file.kind === 'onnx' || file.kind === 'torch' || file.kind === 'pickle') return 'models';
  if (file.kind === 'json' || name.endsWith('.json')) return 'metadata';
  return 'other';
}

function inventory(manifest: Manifest, w: Words): string[] {
  const groups = new Map<Role, Manifest['files']>();
  for (const file of manifest.files) {
    const role = roleOf(file);
    groups.set(role, [...(groups.get(role) ?? []), file]);
  }
  const lines: string[] = [];
  const section = (heading: string, roles: Role[], bold: boolean) => {
    const present = roles.filter((r) => groups.has(r));
    if (present.length === 0) return;
    lines.push(`### ${heading}`, '');
    for (const role of present) {
      if (bold) lines.push(`**${w.roles[role]}**:`);
      for (const f of groups.get(role)!)
        lines.push(`- ${f.path} (${formatSize(f.size)}) - ${w.kinds[f.kind] ?? f.kind}`);
      lines.push('');
    }
  };
  section(w.coreModels, ['lstm', 'stacking'], true);
  section(w.otherModels, ['tft', 'regime', 'lightgbm', 'xgboost', 'models'], true);
  section(w.metadata, ['metadata', 'other'], false);
  return lines;
}

const PREFERRED_COLUMNS = ['oof_auc', 'oof_std', 'test_auc', 'val_auc', 'n_oof', 'target_auc'];

function columnsOf(table: MetricTable): string[] {
  const all = new Set<string>();
  for (const values of Object.values(table)) for (const key of Object.keys(values)) all.add(key);
  return [
    ...PREFERRED_COLUMNS.filter((c) => all.has(c)),
    ...[...all].filter((c) => !PREFERRED_COLUMNS.includes(c)),
  ];
}

function metricTable(
  table: MetricTable,
  first: string,
  extra?: { header: string; cell: (subject: string) => string },
): string[] {
  const columns = columnsOf(table);
  const header = [first, ...columns, ...(extra ? [extra.header] : [])];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const [subject, values] of Object.entries(table)) {
    const cells = [
      cell(subject),
      ...columns.map((c) => formatMetric(values[c])),
      ...(extra ? [extra.cell(subject)] : []),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

function performance(manifest: Manifest, gate: TrainingGateResult, w: Words): string[] {
  const { horizons, base, models } = manifest.metrics;
  const lines: string[] = [];
  if (
    Object.keys(horizons).length === 0 &&
    Object.keys(base).length === 0 &&
    Object.keys(models).length === 0
  )
    return [w.noMetrics, ''];
  if (Object.keys(horizons).length > 0) {
    lines.push(`### ${w.horizons}`, '');
    lines.push(
      ...metricTable(horizons, w.horizon, {
        header: w.gate,
        cell: (h) => (gate.enabledHorizons.includes(h) ? w.enabled : w.disabled),
      }),
      '',
    );
  }
  if (Object.keys(base).length > 0) lines.push(`### ${w.baseModels}`, '', ...metricTable(base, w.model), '');
  if (Object.keys(models).length > 0) lines.push(`### ${w.models}`, '', ...metricTable(models, w.model), '');
  return lines;
}

const STATUS_MARK: Record<CheckStatus, string> = { pass: '✓', warn: '⚠️', fail: '✗', skip: '–' };

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

function healthSection(health: Report | undefined, manifest: Manifest, w: Words): string[] {
  const checks = health?.checks ?? manifest.health?.checks;
  if (!checks) return [w.healthNotRun, ''];
  const [c1, c2, c3, c4] = w.healthColumns;
  const lines = [`| ${c1} | ${c2} | ${c3} | ${c4} |`, '|---|---|---|---|'];
  for (const check of checks) {
    const status = check.status as CheckStatus;
    const mark = STATUS_MARK[status] ?? '';
    const ms = typeof check.ms === 'number' ? formatMs(check.ms) : '—';
    lines.push(`| ${cell(check.name)} | ${mark} ${check.status} | ${ms} | ${cell(check.message ?? '')} |`);
  }
  return [...lines, ''];
}

interface Target {
  ssh: (command: string) => string;
  path: string;
  service: string;
}

function target(config: Config): Target {
  const d = config.deploy;
  const base = d?.path ?? '/opt/macd-analysis';
  const service = d?.service ?? 'macd-analysis';
  if (d?.target === 'local') return { ssh: (c) => c, path: base, service };
  const host = d?.host ?? '<host>';
  const port = d?.port ?? 22;
  const user = d?.user ?? 'root';
  return { ssh: (c) => `ssh -p ${port} ${user}@${host} ${JSON.stringify(c)}`, path: base, service };
}

function flagText(flags: Record<string, string> | undefined, fallback: string): string {
  const entries = Object.entries(flags ?? {});
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(', ') : fallback;
}

function describeShadowRule(name: string, rule: ShadowRule, w: Words): string {
  const label = w.shadowRules[name] ?? name;
  const pct = (n: number) => (n <= 1 ? `${Math.round(n * 1000) / 10}%` : String(n));
  if (rule.range)
    return `${label} (${rule.range[0]}-${rule.range[1]})${rule.min !== undefined ? ` ≥ ${pct(rule.min)}` : ''}`;
  const parts: string[] = [];
  if (rule.min !== undefined) parts.push(`≥ ${pct(rule.min)}`);
  if (rule.max === 0) parts.push('= 0');
  else if (rule.max !== undefined) parts.push(`≤ ${pct(rule.max)}`);
  return `${label} ${parts.join(', ')}`.trim();
}

function deploySteps(manifest: Manifest, config: Config, w: Words): string[] {
  const file = manifest.bundle?.file ?? `${manifest.id}.tar.gz`;
  const sha = manifest.bundle?.sha256 ?? '<sha256>';
  const t = target(config);
  const d = config.deploy;
  const shadow = config.gate.shadow;
  const rules = shadow?.rules ?? DEFAULT_SHADOW_RULES;
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

function checklists(
  manifest: Manifest,
  config: Config,
  gate: TrainingGateResult,
  health: Report | undefined,
  w: Words,
): string[] {
  const d = config.deploy;
  const file = manifest.bundle?.file ?? `${manifest.id}.tar.gz`;
  const sha = manifest.bundle?.sha256 ?? '<sha256>';
  const healthPassed = (health?.passed ?? manifest.health?.passed) === true;
  const box = (done: boolean, text: string) => `- [${done ? 'x' : ' '}] ${text}`;
  const shadow = config.gate.shadow;
  const rules = shadow?.rules ?? DEFAULT_SHADOW_RULES;
  const horizons = gate.enabledHorizons.join(', ') || w.none;
  const promote = flagText(d?.flags.promote, 'ML_ENABLE_STACKING=1');
  const fail = (d?.verify.fail ?? ['Traceback', 'ERROR', 'CRITICAL']).join(', ');
  const expect = (d?.verify.expect.length ? d.verify.expect : ['stacking', 'lstm']).join(', ');
  const window = typeof shadow?.window === 'number' ? `${shadow.window}s` : (shadow?.window ?? '2d');
  const promoteAfter =
    typeof shadow?.promote_after === 'number' ? `${shadow.promote_after}s` : (shadow?.promote_after ?? '24h');
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

function ruleSummary(r: RuleOutcome): string {
  if (r.value === null) return `${r.metric}: —`;
  return `${r.metric} ${formatMetric(r.value)} (${r.threshold})`;
}

function risks(manifest: Manifest, config: Config, gate: TrainingGateResult, w: Words): string[] {
  const issues: string[][] = [];
  for (const r of gate.rules) {
    if (r.scope !== 'builtin' || r.metric !== 'overfit_gap') continue;
    const table =
      manifest.metrics.horizons[r.subject] ??
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
      const broken = gate.rules.filter(
        (r) => r.scope === 'horizon' && r.subject === h && r.status === 'fail',
      );
      lines.push(
        `   - ${h}: ${broken.length ? broken.map(ruleSummary).join(', ') : gate.horizons[h]!.failures.join('; ')}`,
      );
    }
    lines.push(
      `   - ${gate.enabledHorizons.length ? w.onlyUse(gate.enabledHorizons.join(', ')) : w.noHorizon}`,
    );
    issues.push(lines);
  }
  for (const r of gate.rules) {
    if (r.scope !== 'builtin' || r.metric === 'overfit_gap' || r.value === null) continue;
    const target = (manifest.metrics.models[r.subject] ?? manifest.metrics.base[r.subject] ?? {}).target_auc;
    if (typeof target !== 'number') continue;
    const pct = (((r.value - target) / target) * 100).toFixed(1);
    issues.push([
      `**${w.belowTarget(r.subject.toUpperCase())}** ⚠️`,
      `   - ${w.targetLine(String(target), formatMetric(r.value))}`,
      `   - ${w.gapLine(`${pct}%`)}`,
    ]);
  }
  const other = gate.rules.filter(
    (r) => r.scope !== 'builtin' && r.scope !== 'horizon' && r.status !== 'pass',
  );
  const warnRules = gate.rules.filter((r) => r.scope === 'horizon' && r.status === 'warn');
  if (other.length + warnRules.length > 0)
    issues.push([
      `**${w.otherFindings}** ⚠️`,
      ...[...warnRules, ...other].map((r) => `   - ${cell(r.message)}`),
    ]);

  const lines = [`### ${w.knownIssues}`, ''];
  if (issues.length === 0) lines.push(w.noIssues, '');
  issues.forEach((issue, i) => lines.push(`${i + 1}. ${issue[0]}`, ...issue.slice(1), ''));

  const d = config.deploy;
  const nOof = Object.values(config.gate.training.horizons)
    .map((rules) => rules.n_oof?.min)
    .filter((v): v is number => v !== undefined);
  lines.push(`### ${w.mitigations}`, '');
  if (Object.keys(d?.flags.shadow ?? {}).length > 0)
    lines.push(`- ✅ ${w.mitigationShadow(flagText(d?.flags.shadow, ''))}`);
  if (nOof.length > 0)
    lines.push(`- ✅ ${w.mitigationSamples(`n_oof ≥ ${formatMetric(Math.min(...nOof))}`)}`);
  lines.push(
    `- ✅ ${w.mitigationHealth}`,
    `- ✅ ${w.mitigationShadowGate}`,
    `- ✅ ${w.mitigationSwitch}`,
    '',
  );

  const mlOff = config.rollback.ml_off;
  lines.push(
    `### ${w.rollback}`,
    '',
    w.rollbackIntro,
    '',
    '```bash',
    w.rollbackStacking(flagText(d?.flags.shadow, 'ML_ENABLE_STACKING=0')),
    'modelgate rollback --level stacking',
    '',
    w.rollbackRelease(d?.models_dir ?? 'models'),
    'modelgate rollback --level release',
    '',
    w.rollbackMlOff(mlOff?.replace ?? 'use_ml_enhancement = False', mlOff?.file ?? 'live_config.py'),
    'modelgate rollback --level ml-off',
    '```',
    '',
  );
  return lines;
}

export function renderReleaseNotes(input: ReleaseNotesInput, language: NotesLanguage = 'en'): string {
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
    `**${w.bundle}**: ${file} (${size !== undefined ? `${formatSize(size)}, ` : ''}${w.files(manifest.files.length)})  `,
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
