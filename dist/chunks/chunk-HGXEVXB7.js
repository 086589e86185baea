import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;

// src/core/gate/rules.ts
var EPSILON = 1e-12;
function formatNumber(value) {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toFixed(4)));
}
function roundChange(value) {
  return Math.round(value * 1e10) / 1e10;
}
function describeBound(bound, hasBaseline) {
  const parts = [];
  if (bound.min !== void 0) parts.push(`min ${bound.min}`);
  if (bound.max !== void 0) parts.push(`max ${bound.max}`);
  if (bound.max_drop !== void 0)
    parts.push(`max_drop ${bound.max_drop}${hasBaseline ? "" : " (no baseline)"}`);
  return parts.length ? parts.join(", ") : "no bound";
}
function evaluateBound(value, bound, baseline) {
  const broken = [];
  if (bound.min !== void 0 && value < bound.min) broken.push(`is below the minimum ${bound.min}`);
  if (bound.max !== void 0 && value > bound.max) broken.push(`is above the maximum ${bound.max}`);
  const change2 = typeof baseline === "number" ? roundChange(value - baseline) : null;
  if (bound.max_drop !== void 0 && change2 !== null && -change2 > bound.max_drop + EPSILON) {
    broken.push(
      `fell by ${formatNumber(-change2)} from the baseline ${formatNumber(baseline)}, more than max_drop ${bound.max_drop}`
    );
  }
  return {
    status: broken.length === 0 ? "pass" : bound.severity,
    threshold: describeBound(bound, baseline !== void 0),
    broken,
    change: change2
  };
}

// src/core/gate/training.ts
function lookup(metrics, table, subject, metric) {
  const entry = metrics?.[table]?.[subject];
  if (!entry || !Object.prototype.hasOwnProperty.call(entry, metric)) return { kind: "missing" };
  return asNumber(entry[metric]);
}
function asNumber(raw) {
  if (raw === void 0 || raw === null) return { kind: "missing" };
  if (typeof raw === "number" && Number.isFinite(raw)) return { kind: "number", value: raw };
  return { kind: "invalid", raw };
}
function lookupGlobal(metrics, name) {
  if (!metrics) return { kind: "missing" };
  let cur = metrics;
  for (const key of name.includes(".") && !Object.prototype.hasOwnProperty.call(metrics, name) ? name.split(".") : [name]) {
    if (cur === null || typeof cur !== "object" || !Object.prototype.hasOwnProperty.call(cur, key))
      return { kind: "missing" };
    cur = cur[key];
  }
  return asNumber(cur);
}
function baselineValue(found) {
  if (found === void 0) return void 0;
  return found.kind === "number" ? found.value : null;
}
function evaluateRule(target, bound) {
  const base = {
    scope: target.scope,
    subject: target.subject,
    metric: target.metric,
    severity: bound.severity
  };
  const baseline = baselineValue(target.baseline);
  const withBaseline = baseline === void 0 ? {} : { baseline };
  if (target.current.kind !== "number") {
    const message2 = target.current.kind === "missing" ? `${target.label}: the manifest has no ${target.where}; the training job must write it to metrics.json, or remove the rule from ${target.section}` : `${target.label} is ${JSON.stringify(target.current.raw)}, not a number; the training job must write a number to ${target.where}`;
    return {
      ...base,
      value: null,
      threshold: describeBound(bound, baseline !== void 0),
      ...withBaseline,
      ...baseline === void 0 ? {} : { change: null },
      status: bound.severity,
      message: message2
    };
  }
  const value = target.current.value;
  const result = evaluateBound(value, bound, baseline);
  const changeText = result.change === null ? "" : ` (${signed(result.change)} from ${formatNumber(baseline)})`;
  const message = result.broken.length === 0 ? `${target.label} ${value}${changeText} holds ${result.threshold}` : `${target.label} ${value} ${result.broken.join(" and ")}`;
  return {
    ...base,
    value,
    threshold: result.threshold,
    ...withBaseline,
    ...baseline === void 0 ? {} : { change: result.change },
    status: result.status,
    message
  };
}
function signed(n) {
  return n > 0 ? `+${formatNumber(n)}` : formatNumber(n);
}
function builtin(subject, metric, value, threshold, message) {
  return { scope: "builtin", subject, metric, value, threshold, severity: "warn", status: "warn", message };
}
function overfitWarning(metrics, table, subject, gap) {
  const val = lookup(metrics, table, subject, "val_auc");
  const test = lookup(metrics, table, subject, "test_auc");
  if (val.kind !== "number" || test.kind !== "number") return void 0;
  const diff = roundChange(val.value - test.value);
  if (diff <= gap) return void 0;
  return builtin(
    subject,
    "overfit_gap",
    diff,
    `warn.overfit_gap ${gap}`,
    `${subject} overfit: val_auc ${val.value} - test_auc ${test.value} = ${formatNumber(diff)} is above warn.overfit_gap ${gap}`
  );
}
function targetWarning(metrics, table, subject) {
  const target = lookup(metrics, table, subject, "target_auc");
  if (target.kind !== "number") return void 0;
  const val = lookup(metrics, table, subject, "val_auc");
  const metric = val.kind === "number" ? "val_auc" : "oof_auc";
  const found = val.kind === "number" ? val : lookup(metrics, table, subject, "oof_auc");
  if (found.kind !== "number" || found.value >= target.value) return void 0;
  const pct = (found.value - target.value) / target.value * 100;
  return builtin(
    subject,
    metric,
    found.value,
    `target_auc ${target.value}`,
    `${subject} ${metric} ${found.value} is below its target ${target.value} (${pct.toFixed(1)}%)`
  );
}
function numericChanges(metrics, baseline) {
  const changes = [];
  for (const table of ["horizons", "base", "models"]) {
    const subjects = union(Object.keys(metrics[table] ?? {}), Object.keys(baseline[table] ?? {}));
    for (const subject of subjects) {
      const names = union(
        Object.keys(metrics[table]?.[subject] ?? {}),
        Object.keys(baseline[table]?.[subject] ?? {})
      );
      for (const metric of names) {
        const now = lookup(metrics, table, subject, metric);
        const before = lookup(baseline, table, subject, metric);
        if (now.kind === "invalid" || before.kind === "invalid") continue;
        if (now.kind === "missing" && before.kind === "missing") continue;
        changes.push(change(table, subject, metric, now, before));
      }
    }
  }
  for (const metric of union(Object.keys(metrics), Object.keys(baseline))) {
    if (metric === "horizons" || metric === "base" || metric === "models") continue;
    const now = lookupGlobal(metrics, metric);
    const before = lookupGlobal(baseline, metric);
    if (now.kind === "number" || before.kind === "number") {
      if (now.kind !== "invalid" && before.kind !== "invalid")
        changes.push(change("global", "global", metric, now, before));
    }
  }
  return changes;
}
function change(table, subject, metric, now, before) {
  const value = now.kind === "number" ? now.value : null;
  const baseline = before.kind === "number" ? before.value : null;
  return {
    table,
    subject,
    metric,
    value,
    baseline,
    change: value !== null && baseline !== null ? roundChange(value - baseline) : null
  };
}
function union(a, b) {
  return [.../* @__PURE__ */ new Set([...a, ...b])];
}
function evaluateTrainingGate(metrics, config, baseline) {
  const rules = [];
  const warnings = [];
  const horizons = {};
  const horizonNames = union(Object.keys(config.horizons), Object.keys(metrics.horizons ?? {}));
  for (const horizon of horizonNames) {
    const bounds = Object.entries(config.horizons[horizon] ?? {});
    if (bounds.length === 0) {
      warnings.push(
        `${horizon} is in the manifest but has no rules in gate.training.horizons; it is not enabled until rules are written for it`
      );
      horizons[horizon] = { passed: false, failures: ["no rules in gate.training.horizons"] };
      continue;
    }
    const failures = [];
    for (const [metric, bound] of bounds) {
      const outcome = evaluateRule(
        {
          scope: "horizon",
          subject: horizon,
          metric,
          label: `${horizon} ${metric}`,
          where: `metrics.horizons.${horizon}.${metric}`,
          section: `gate.training.horizons.${horizon}`,
          current: lookup(metrics, "horizons", horizon, metric),
          baseline: baseline ? lookup(baseline, "horizons", horizon, metric) : void 0
        },
        bound
      );
      rules.push(outcome);
      if (outcome.status === "fail") failures.push(outcome.message);
      if (outcome.status === "warn") warnings.push(outcome.message);
    }
    horizons[horizon] = { passed: failures.length === 0, failures };
    if (failures.length === 0) {
      const overfit = overfitWarning(metrics, "horizons", horizon, config.warn.overfit_gap);
      if (overfit) rules.push(overfit);
    }
  }
  let otherFailure = false;
  for (const [model, modelRules] of Object.entries(config.base)) {
    for (const [metric, bound] of Object.entries(modelRules)) {
      const outcome = evaluateRule(
        {
          scope: "base",
          subject: model,
          metric,
          label: `${model} ${metric}`,
          where: `metrics.base.${model}.${metric}`,
          section: `gate.training.base.${model}`,
          current: lookup(metrics, "base", model, metric),
          baseline: baseline ? lookup(baseline, "base", model, metric) : void 0
        },
        bound
      );
      rules.push(outcome);
      if (outcome.status === "fail") otherFailure = true;
      if (outcome.status === "warn") warnings.push(outcome.message);
    }
  }
  for (const [metric, bound] of Object.entries(config.global)) {
    const outcome = evaluateRule(
      {
        scope: "global",
        subject: "global",
        metric,
        label: metric,
        where: `metrics.${metric}`,
        section: "gate.training.global",
        current: lookupGlobal(metrics, metric),
        baseline: baseline ? lookupGlobal(baseline, metric) : void 0
      },
      bound
    );
    rules.push(outcome);
    if (outcome.status === "fail") otherFailure = true;
    if (outcome.status === "warn") warnings.push(outcome.message);
  }
  for (const table of ["base", "models"]) {
    for (const subject of Object.keys(metrics[table] ?? {})) {
      for (const found of [
        overfitWarning(metrics, table, subject, config.warn.overfit_gap),
        targetWarning(metrics, table, subject)
      ]) {
        if (found) rules.push(found);
      }
    }
  }
  for (const outcome of rules) if (outcome.scope === "builtin") warnings.push(outcome.message);
  const enabledHorizons = horizonNames.filter((h) => horizons[h]?.passed);
  const passed = enabledHorizons.length > 0 && !otherFailure;
  return {
    passed,
    verdict: passed ? "pass" : "fail",
    enabledHorizons,
    horizons,
    rules,
    warnings,
    metrics,
    ...baseline ? { changes: numericChanges(metrics, baseline) } : {}
  };
}

// src/core/gate/render.ts
var COMMENT_MARKER = "<!-- modelgate:gate -->";
var COMMENT_LIMIT = 65536;
var VERDICT_ICON = { pass: "\u2705", fail: "\u274C", inconclusive: "\u23F3" };
var STATUS_ICON = {
  pass: "\u2705 pass",
  warn: "\u26A0\uFE0F warn",
  fail: "\u274C fail",
  skip: "\u23F8\uFE0F not judged"
};
function formatValue(value) {
  if (value === null || value === void 0) return "\u2014";
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  if (value !== 0 && Math.abs(value) < 1e-3) return value.toPrecision(3);
  return String(Number(value.toFixed(4)));
}
function signed2(value) {
  if (value === null || value === void 0) return "\u2014";
  return value > 0 ? `+${formatValue(value)}` : formatValue(value);
}
function cell(text) {
  return text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}
function rulesTable(rows) {
  if (rows.length === 0) return ["_No rules configured._"];
  const withChange = rows.some((r) => r.baseline !== void 0);
  const head = withChange ? "| rule | value | threshold | status | change |" : "| rule | value | threshold | status |";
  const sep = withChange ? "|---|---:|---|---|---:|" : "|---|---:|---|---|";
  const lines = [head, sep];
  for (const r of rows) {
    const cells = [cell(r.rule), formatValue(r.value), cell(r.threshold), STATUS_ICON[r.status]];
    if (withChange) {
      cells.push(
        r.change === void 0 || r.change === null ? "\u2014" : `${signed2(r.change)} (from ${formatValue(r.baseline)})`
      );
    }
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines;
}
function bulletList(items) {
  return items.map((w) => `- ${w.replace(/\r?\n/g, " ")}`);
}
function trainingRuleName(r) {
  switch (r.scope) {
    case "horizon":
      return `${r.subject} ${r.metric}`;
    case "base":
      return `base ${r.subject} ${r.metric}`;
    case "global":
      return r.metric;
    case "builtin":
      return `${r.subject} ${r.metric} (built-in)`;
  }
}
function renderTrainingMarkdown(result, options = {}) {
  const verdict = result.verdict;
  const out = [`## ${VERDICT_ICON[verdict]} modelgate training gate: ${verdict}`, ""];
  if (options.manifest) {
    out.push(
      `**Release:** \`${options.manifest}\`` + (options.baseline ? ` \xB7 **baseline:** \`${options.baseline}\`` : ""),
      ""
    );
  }
  const all = Object.keys(result.horizons);
  const disabled = all.filter((h) => !result.enabledHorizons.includes(h));
  out.push(
    `**Enabled horizons:** ${result.enabledHorizons.length ? result.enabledHorizons.map((h) => `\`${h}\``).join(", ") : "none"}` + (disabled.length ? ` \xB7 disabled: ${disabled.map((h) => `\`${h}\``).join(", ")}` : "")
  );
  const failures = result.rules.filter((r) => r.status === "fail");
  if (result.enabledHorizons.length === 0) out.push("", "No horizon passed its rules.");
  out.push("", "### Rules", "");
  out.push(
    ...rulesTable(
      result.rules.map((r) => ({
        rule: trainingRuleName(r),
        value: r.value,
        threshold: r.threshold,
        status: r.status,
        ...r.baseline !== void 0 ? { baseline: r.baseline, change: r.change ?? null } : {}
      }))
    )
  );
  if (all.length) {
    out.push("", "### Horizons", "", "| horizon | enabled | why not |", "|---|---|---|");
    for (const h of all) {
      const info = result.horizons[h];
      out.push(
        `| ${cell(h)} | ${info?.passed ? "\u2705 yes" : "\u274C no"} | ${cell(info?.failures.join("; ") ?? "")} |`
      );
    }
  }
  if (failures.length) out.push("", "### Failures", "", ...bulletList(failures.map((r) => r.message)));
  if (result.warnings.length) out.push("", "### Warnings", "", ...bulletList(result.warnings));
  return out.join("\n") + "\n";
}
function mermaidHistogram(edges, counts, title) {
  const labels = counts.map((_, i) => `"${(edges[i] ?? 0).toFixed(2)}"`);
  const max = Math.max(1, ...counts);
  return [
    "```mermaid",
    "xychart-beta",
    `    title "${title.replace(/"/g, "'")}"`,
    `    x-axis "bull_prob (bin start)" [${labels.join(", ")}]`,
    `    y-axis "bars" 0 --> ${max}`,
    `    bar [${counts.join(", ")}]`,
    "```"
  ];
}
function percent(value) {
  return value === null ? "\u2014" : `${(value * 100).toFixed(2)}%`;
}
function renderShadowMarkdown(result) {
  const m = result.metrics;
  const out = [
    `## ${VERDICT_ICON[result.verdict]} modelgate shadow gate: ${result.verdict}`,
    "",
    result.summary.replace(/\r?\n/g, " "),
    ""
  ];
  const window = result.window.since ? `${result.window.since} \u2192 ${result.window.now}` : `everything up to ${result.window.now}`;
  out.push(
    `**Window:** ${window} \xB7 **bars:** ${m.records} (min_records ${result.window.min_records}) \xB7 **hours covered:** ${formatValue(m.hours_covered)}` + (result.window.for_promotion ? ` (promote_after ${formatValue(result.window.promote_after_hours)} h)` : "") + ` \xB7 **ML coverage:** ${percent(m.ml_coverage)} \xB7 **files:** ${m.files.length} \xB7 **lines:** ${m.lines} \xB7 **corrupt lines:** ${m.corrupt_lines} \xB7 **missing fields:** ${m.missing_fields}` + (m.outside_window ? ` \xB7 **outside window:** ${m.outside_window}` : "") + (m.future_bars ? ` \xB7 **dated in the future (ignored):** ${m.future_bars}` : "")
  );
  out.push("", "### Rules", "");
  out.push(
    ...rulesTable(
      result.rules.map((r) => ({
        rule: r.scope === "builtin" ? `${r.metric} (${r.subject}, built-in)` : r.metric,
        value: r.value,
        threshold: r.threshold,
        status: r.status
      }))
    )
  );
  const failures = result.rules.filter((r) => r.status === "fail");
  if (failures.length) out.push("", "### Failures", "", ...bulletList(failures.map((r) => r.message)));
  if (result.warnings.length) out.push("", "### Warnings", "", ...bulletList(result.warnings));
  const p = m.bull_prob;
  out.push("", "### Predictions (bull_prob)", "");
  if (!p) out.push("_No bar in the window carried a bull_prob._");
  else {
    out.push(
      `mean ${formatValue(p.mean)} \xB7 std ${formatValue(p.std)} \xB7 p05 ${formatValue(p.p05)} \xB7 p50 ${formatValue(p.p50)} \xB7 p95 ${formatValue(p.p95)} \xB7 min ${formatValue(p.min)} \xB7 max ${formatValue(p.max)} \xB7 in [${m.bull_prob_range[0]}, ${m.bull_prob_range[1]}]: ${percent(m.bull_prob_in_range)}`,
      "",
      ...mermaidHistogram(p.histogram.edges, p.histogram.counts, `bull_prob, ${p.count} predictions`)
    );
  }
  if (m.problems.length) {
    out.push(
      "",
      "### Bad lines (first " + m.problems.length + ")",
      "",
      "| file | line | kind | reason |",
      "|---|---:|---|---|"
    );
    for (const x of m.problems) out.push(`| ${cell(x.file)} | ${x.line} | ${x.kind} | ${cell(x.reason)} |`);
  }
  if (m.files.length) {
    out.push(
      "",
      "### Files",
      "",
      "| file | lines | bars | corrupt | missing fields | outside window | future |",
      "|---|---:|---:|---:|---:|---:|---:|"
    );
    for (const f of m.files)
      out.push(
        `| ${cell(f.path)} | ${f.lines} | ${f.records} | ${f.corrupt} | ${f.invalid} | ${f.outside_window} | ${f.future_bars} |`
      );
  }
  return out.join("\n") + "\n";
}
function isFence(line) {
  return line.trimStart().startsWith("```");
}
function sectionsOf(markdown) {
  const sections = [{ lines: [], dropped: 0 }];
  let inFence = false;
  for (const line of markdown.split("\n")) {
    if (isFence(line)) inFence = !inFence;
    if (!inFence && /^#{2,3} /.test(line) && sections.at(-1).lines.length > 0)
      sections.push({ lines: [], dropped: 0 });
    sections.at(-1).lines.push(line);
  }
  return sections;
}
function fitMarkdown(markdown, limit, pointer) {
  if (markdown.length <= limit) return markdown;
  const sections = sectionsOf(markdown);
  const text = (s) => s.lines.join("\n") + (s.dropped ? `

${pointer(s.dropped)}
` : "");
  const total = () => sections.reduce((n, s) => n + text(s).length, 0) + sections.length - 1;
  for (let round = 0; round < sections.length * 2 + 4; round++) {
    const excess = total() - limit;
    if (excess <= 0) break;
    const longest = sections.reduce((a, b) => text(b).length > text(a).length ? b : a);
    const target = text(longest).length - excess;
    const pointerLength = `

${pointer(longest.dropped + longest.lines.length)}
`.length;
    let keep = longest.lines.length;
    let length = longest.lines.join("\n").length;
    while (keep > 1 && length + pointerLength > target) {
      keep--;
      length -= longest.lines[keep].length + 1;
    }
    let open = -1;
    for (let i = 0; i < keep; i++) if (isFence(longest.lines[i])) open = open === -1 ? i : -1;
    if (open > 0) keep = open;
    if (keep < longest.lines.length) {
      longest.dropped += longest.lines.length - keep;
      longest.lines = longest.lines.slice(0, keep);
      continue;
    }
    const first = longest.lines[0] ?? "";
    let end = Math.max(0, first.length - excess - 1);
    if (end > 0 && /[\uDC00-\uDFFF]/.test(first[end] ?? "")) end--;
    longest.lines = [`${first.slice(0, end)}\u2026`];
  }
  const fitted = sections.map(text).join("\n");
  return fitted.length <= limit ? fitted : fitted.slice(0, limit);
}
function renderComment(markdown, summaryUrl, options = {}) {
  const marker = options.marker ?? COMMENT_MARKER;
  const limit = options.limit ?? COMMENT_LIMIT;
  const where = summaryUrl ? `the [job summary](${summaryUrl})` : "this run's job summary";
  const pointer = (n) => `_\u2026 ${n} more line(s) cut to fit a GitHub comment; the full report is in ${where}._`;
  return `${marker}
${fitMarkdown(markdown, limit - marker.length - 1, pointer)}`;
}

export {
  formatNumber,
  evaluateTrainingGate,
  COMMENT_MARKER,
  cell,
  renderTrainingMarkdown,
  renderShadowMarkdown,
  renderComment
};
