import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  SEED_BACKUP,
  Steps,
  Target,
  acquireLock,
  adoptPlainDirectory,
  appendHistory,
  applyFlags,
  checkReleaseId,
  defaultActor,
  defaultRunId,
  deploySummary,
  describeFlags,
  inRoot,
  layoutFor,
  listReleases,
  modelsState,
  previousOf,
  readHistory,
  readRemoteFile,
  recoverInterrupted,
  restartAndVerify,
  stamp,
  switchModels,
  verifyReleaseDir,
  writeRemoteFile
} from "./chunk-ZLN3NL2G.js";
import {
  cancelOnSignals
} from "./chunk-DOFWXOVV.js";
import {
  listTarball
} from "./chunk-W2QENP6Y.js";
import {
  raw,
  sh
} from "./chunk-USOGELGZ.js";
import "./chunk-HGXEVXB7.js";
import {
  durationSeconds,
  loadConfigInput,
  openTarget,
  parseManifest,
  runIdentity
} from "./chunk-A7JTYF5J.js";
import {
  booleanInput,
  choiceInput,
  optionalInput
} from "./chunk-ZY3O6VA3.js";
import "./chunk-GU6PC365.js";
import "./chunk-TR7OBBKO.js";
import "./chunk-7MJOQLOW.js";
import "./chunk-OVS6HWYE.js";
import {
  InputError,
  ModelgateError
} from "./chunk-UAYJCUJE.js";
import "./chunk-3GRPW3HZ.js";

// src/core/deploy/ml-off.ts
function applyMlOff(text, pattern, replace) {
  if (pattern === "") return { state: "missing" };
  const pieces = replace.includes(pattern) && replace !== "" ? text.split(replace) : [text];
  let count = 0;
  const edited = pieces.map((piece) => {
    const parts = piece.split(pattern);
    count += parts.length - 1;
    return parts.join(replace);
  }).join(replace);
  if (count > 0) return { state: "edited", text: edited, count };
  if (replace !== "" && text.includes(replace)) return { state: "already" };
  return { state: "missing" };
}

// src/core/deploy/restore.ts
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
async function restoreArchive(target, archive, id) {
  const { layout } = target;
  checkReleaseId(id);
  const scratch = await mkdtemp(path.join(os.tmpdir(), "modelgate-restore-"));
  let files;
  try {
    const local = path.join(scratch, "archive.tar.gz");
    await target.transport.download(archive, local);
    const entries = await listTarball(local);
    files = entries.filter((e) => e.type === "file").length;
    if (files === 0)
      throw new ModelgateError(
        `${target.description}: ${archive} holds no files; it cannot be restored`,
        "check"
      );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const tmp = `${layout.releases}/${id}.tmp-${randomBytes(4).toString("hex")}`;
  const final = `${layout.releases}/${id}`;
  const extracted = await target.run(
    `extracting ${archive}`,
    sh`t=${tmp}; m=${layout.modelsName}
mkdir -p -- ${layout.releases} && mkdir -- "$t" || exit 1
tar -xzf ${archive} -C "$t" --no-same-owner --no-same-permissions || { rm -rf -- "$t"; exit 1; }
if [ "$(ls -A -- "$t" | wc -l)" -eq 1 ] && [ -d "$t/$m" ] && [ ! -L "$t/$m" ]; then printf '%s\n' "$t/$m"; else printf '%s\n' "$t"; fi`
  );
  const source = extracted.stdout.trim().split("\n").at(-1) ?? tmp;
  try {
    const manifestFile = await readRemoteFile(target, `${source}/manifest.json`);
    if (manifestFile.exists) {
      const where = `${archive} (manifest.json)`;
      const outcome = await verifyReleaseDir(
        target,
        source,
        parseManifest(manifestFile.content.toString("utf8"), where)
      );
      if (!outcome.ok)
        throw new ModelgateError(
          `${target.description}: ${archive} does not match its own manifest.json (${outcome.problems.slice(0, 3).join("; ")}); it was damaged after it was written and is not restored`,
          "check"
        );
    }
    await target.run(
      `restoring ${archive} into ${final}`,
      sh`s=${source}; f=${final}
rm -rf -- "$f" && mv -T -- "$s" "$f" && touch -- "$f" || exit 1`
    );
  } finally {
    await target.exec(sh`rm -rf -- ${tmp}`);
  }
  return { files };
}

// src/core/deploy/rollback.ts
async function rollback(options) {
  const { config, level } = options;
  if (level !== "stacking" && level !== "release" && level !== "ml-off")
    throw new ModelgateError(`rollback level "${String(level)}" is not stacking, release or ml-off`, "input");
  if (options.to !== void 0 && level !== "release")
    throw new ModelgateError(`the input "to" applies only to level release, not ${level}`, "input");
  if (options.to !== void 0) checkReleaseId(options.to, "to");
  const target = new Target(options.transport, layoutFor(config), options.reconnect);
  const steps = new Steps(options.log);
  const who = { actor: options.actor ?? defaultActor(), runId: options.runId ?? defaultRunId() };
  options.log(
    `rollback ${level} on ${target.description}:${target.layout.root}${options.dryRun ? " (dry run)" : ""}`
  );
  if (options.dryRun) {
    const state = await modelsState(target);
    const decision = await decide(target, options, state);
    const plan = decision.unchanged ? [...decision.plan] : [...decision.plan, `restart: ${config.restart}`, verifyPlan(config, level)];
    plan.push(`append to ${target.layout.history}`);
    for (const line of plan) options.log(`would: ${line}`);
    return {
      releaseId: decision.releaseId,
      level,
      status: "dry-run",
      steps: steps.records,
      plan,
      logLines: []
    };
  }
  const lock = await steps.run("lock", async () => {
    const held = await acquireLock(target, {
      actor: who.actor,
      runId: who.runId,
      action: `rollback ${level}`,
      timeoutMs: options.lockTimeoutMs ?? durationSeconds(config.lock_timeout) * 1e3,
      staleMs: durationSeconds(config.stale_lock) * 1e3,
      log: options.log,
      signal: options.signal
    });
    return {
      value: held,
      message: `${target.layout.lock} held by ${held.holder.actor} (run ${held.holder.run_id})`
    };
  });
  let before;
  const record = async (result, releaseId, reason) => {
    try {
      await target.withRecovery(
        () => appendHistory(target, {
          id: releaseId,
          previous: before?.kind === "release" ? before.id : null,
          action: "rollback",
          level,
          time: (/* @__PURE__ */ new Date()).toISOString(),
          actor: who.actor,
          run_id: who.runId,
          result,
          ...reason ? { reason } : {}
        })
      );
    } catch (error) {
      options.log(
        `warning: could not record the rollback in ${target.layout.history}: ${error instanceof Error ? error.message : String(error)}`
      );
    }
  };
  try {
    const recovered = await recoverInterrupted(target, who, {
      config,
      log: options.log,
      pollMs: options.pollMs
    });
    before = await modelsState(target);
    const state = before;
    let decision;
    try {
      decision = await steps.run(level, async () => {
        const d = await decide(target, options, state);
        if (!d.unchanged) await d.apply();
        return { value: d, message: d.plan.join("; ") };
      });
    } catch (error) {
      await record(
        "failed",
        state.kind === "release" ? state.id : null,
        error instanceof Error ? error.message : String(error)
      );
      throw error;
    }
    const plan = [...decision.plan];
    if (decision.unchanged && !recovered) {
      const active = await target.exec(inRoot(target.layout, config.is_active));
      if (active.code === 0) {
        steps.add("verify", "skip", 0, `already in effect; the service is active, not restarted`);
        await record("unchanged", decision.releaseId);
        return {
          releaseId: decision.releaseId,
          level,
          status: "unchanged",
          steps: steps.records,
          plan,
          logLines: []
        };
      }
      options.log(`already in effect, but the service is not active (exit ${active.code}); restarting it`);
    }
    const started = Date.now();
    let verify;
    try {
      verify = await restartAndVerify(target, config, {
        expect: level !== "ml-off",
        log: options.log,
        pollMs: options.pollMs
      });
    } catch (error) {
      verify = { ok: false, reason: error instanceof Error ? error.message : String(error), lines: [] };
    }
    steps.add(
      "verify",
      verify.ok ? "pass" : "fail",
      Date.now() - started,
      verify.ok ? "service active; log checked" : verify.reason ?? "failed"
    );
    plan.push(`restarted: ${config.restart}`);
    const status = verify.ok ? "rolled-back" : "failed";
    await record(status, decision.releaseId, verify.ok ? void 0 : verify.reason);
    return {
      releaseId: decision.releaseId,
      level,
      status,
      steps: steps.records,
      plan,
      logLines: verify.lines,
      ...verify.ok ? {} : { reason: verify.reason }
    };
  } finally {
    try {
      await lock.release();
    } catch (error) {
      options.log(
        `could not release the lock: ${error instanceof Error ? error.message : String(error)}; remove it by hand once this run has stopped`
      );
    }
  }
}
function verifyPlan(config, level) {
  const expect = level === "ml-off" ? [] : config.verify.expect;
  return `verify within ${durationSeconds(config.verify.timeout)} s: ${config.is_active} succeeds, the log shows ${expect.map((p) => JSON.stringify(p)).join(", ") || "(no expect patterns)"} and none of ${config.verify.fail.map((p) => JSON.stringify(p)).join(", ")}`;
}
async function decide(target, options, state) {
  const live = state.kind === "release" ? state.id : null;
  switch (options.level) {
    case "stacking":
      return decideStacking(target, options, live);
    case "ml-off":
      return decideMlOff(target, options, live);
    case "release":
      return decideRelease(target, options, state);
  }
}
async function decideStacking(target, options, live) {
  const flags = options.config.flags.shadow;
  if (Object.keys(flags).length === 0)
    throw new ModelgateError(
      'rollback stacking: deploy.flags.shadow is empty, so there is no flag to turn stacking off; set it (e.g. ML_ENABLE_STACKING: "0")',
      "config"
    );
  const file = await readRemoteFile(target, target.layout.flagsFile);
  const edit = applyFlags(file.content.toString("utf8"), flags);
  if (!edit.changed)
    return {
      unchanged: true,
      plan: [`${file.path} already has ${describeFlags(flags)}`],
      releaseId: live,
      apply: async () => {
      }
    };
  return {
    unchanged: false,
    plan: [
      `set in ${file.path}: ${edit.changes.map((c) => `${c.key}=${c.to} (was ${c.from ?? "absent"}${c.duplicatesRemoved ? `, ${c.duplicatesRemoved} duplicate(s) removed` : ""})`).join(", ")}`
    ],
    releaseId: live,
    apply: () => writeRemoteFile(target, file.path, edit.text)
  };
}
async function decideMlOff(target, options, live) {
  const spec = options.rollback.ml_off;
  if (!spec)
    throw new ModelgateError(
      'rollback ml-off: rollback.ml_off is not configured; add { file, pattern, replace } (e.g. live_config.py, "use_ml_enhancement = True", "use_ml_enhancement = False")',
      "config"
    );
  const path2 = `${target.layout.root}/${spec.file}`;
  const file = await readRemoteFile(target, path2);
  if (!file.exists)
    throw new ModelgateError(
      `rollback ml-off: ${path2} does not exist on ${target.description}; check rollback.ml_off.file`,
      "check"
    );
  const edit = applyMlOff(file.content.toString("utf8"), spec.pattern, spec.replace);
  if (edit.state === "missing")
    throw new ModelgateError(
      `rollback ml-off: ${file.path} contains neither ${JSON.stringify(spec.pattern)} (rollback.ml_off.pattern) nor ${JSON.stringify(spec.replace)} (rollback.ml_off.replace); nothing was changed. Fix the pattern to match the file`,
      "check",
      { file: spec.file }
    );
  if (edit.state === "already")
    return {
      unchanged: true,
      plan: [`${file.path} already has ${JSON.stringify(spec.replace)}`],
      releaseId: live,
      apply: async () => {
      }
    };
  return {
    unchanged: false,
    plan: [
      `replace ${JSON.stringify(spec.pattern)} with ${JSON.stringify(spec.replace)} in ${file.path} (${edit.count} occurrence${edit.count === 1 ? "" : "s"})`
    ],
    releaseId: live,
    apply: () => writeRemoteFile(target, file.path, edit.text)
  };
}
async function decideRelease(target, options, state) {
  const { layout } = target;
  if (state.kind === "foreign")
    throw new ModelgateError(
      `rollback release: ${state.detail}; make ${layout.models} a directory (or remove it) so modelgate can manage it`,
      "remote"
    );
  const live = state.kind === "release" ? state.id : null;
  const history = await readHistory(target, options.log);
  const { releases } = await listReleases(target);
  const have = new Set(releases.map((r) => r.id));
  const fromHistory = previousOf(history);
  let wanted = options.to ?? fromHistory ?? void 0;
  if (wanted === void 0 && fromHistory === void 0) wanted = releases.find((r) => r.id !== live)?.id;
  if (wanted !== void 0 && wanted === live)
    return {
      unchanged: true,
      plan: [`${layout.modelsName} already points at releases/${wanted}`],
      releaseId: wanted,
      apply: async () => {
      }
    };
  const plan = [];
  let source;
  if (wanted === void 0 || !have.has(wanted)) {
    const archives = await target.exec(
      sh`cd -- ${layout.backup} 2>/dev/null || exit 0; ${raw(wanted ? sh`[ -f ${`${wanted}.tar.gz`} ] && echo own;` : "")} if [ -e ${SEED_BACKUP} ]; then printf 'seed %s\\n' "$(readlink -- ${SEED_BACKUP})"; fi`
    );
    const lines = archives.stdout.split("\n");
    if (wanted && lines.includes("own"))
      source = { archive: `${layout.backup}/${wanted}.tar.gz`, id: wanted };
    else if (options.to === void 0) {
      const seed = lines.find((l) => l.startsWith("seed "));
      if (seed !== void 0) {
        const link = seed.slice(5);
        const fromLink = /^([A-Za-z0-9][A-Za-z0-9._-]*)\.tar\.gz$/.exec(link)?.[1];
        const id2 = fromLink && !fromLink.includes("..") ? fromLink : `restored-${stamp()}`;
        source = { archive: `${layout.backup}/${SEED_BACKUP}`, id: id2 };
      }
    }
    if (!source) {
      const known = [...have].filter((id2) => id2 !== live);
      throw new ModelgateError(
        wanted ? `rollback release: releases/${wanted} is not on ${target.description} and there is no backup/${wanted}.tar.gz${options.to ? "" : ` or backup/${SEED_BACKUP}`}; ` + (known.length ? `releases available: ${known.join(", ")}` : "no other release is available") : `rollback release: nothing to roll back to on ${target.description}: ${fromHistory === null ? "the last deploy went onto a server with no models" : "no previous release in the history and no other release directory"}, and there is no backup/${SEED_BACKUP}`,
        "check"
      );
    }
    if (source.id === live)
      return {
        unchanged: true,
        plan: [`${layout.modelsName} already points at releases/${source.id}`],
        releaseId: live,
        apply: async () => {
        }
      };
    plan.push(`restore ${source.archive} into releases/${source.id} (no release directory is left)`);
  }
  const id = source?.id ?? wanted;
  const adopted = state.kind === "directory" ? `pre-modelgate-${stamp()}` : void 0;
  if (adopted)
    plan.unshift(
      `move the plain directory ${layout.models} into releases/${adopted} (kept, so it can be rolled back to)`
    );
  plan.push(`switch ${layout.modelsName} -> releases/${id} (was ${live ?? (adopted ? adopted : "absent")})`);
  const flagsFile = await readRemoteFile(target, layout.flagsFile);
  const shadow = options.config.flags.shadow;
  const drift = flagsFile.exists ? applyFlags(flagsFile.content.toString("utf8"), shadow).changes : [];
  if (drift.length > 0)
    plan.push(
      `leave ${layout.flagsFile} as it is (${drift.map((c) => `${c.key}=${c.from ?? "(unset)"}`).join(", ")}, not the shadow ${describeFlags(shadow)}); run rollback --level stacking as well to go back to the shadow flags`
    );
  return {
    unchanged: false,
    plan,
    releaseId: id,
    apply: async () => {
      if (adopted) await adoptPlainDirectory(target, adopted);
      if (source) await restoreArchive(target, source.archive, source.id);
      await switchModels(target, id);
    }
  };
}

// src/commands/rollback.ts
var rollbackCommand = async (ctx) => {
  const loaded = await loadConfigInput(ctx);
  const level = choiceInput(ctx.inputs, "level", ["stacking", "release", "ml-off"]);
  if (!level)
    throw new InputError("Input required and not supplied: level (stacking, release or ml-off)", "level");
  const to = optionalInput(ctx.inputs, "to");
  const dryRun = booleanInput(ctx.inputs, "dry-run", false);
  const { transport, deploy } = await openTarget(ctx, loaded);
  let result;
  try {
    const log = (line) => ctx.log.info(line);
    result = await cancelOnSignals(
      log,
      "puts back what it changed and releases the lock",
      (signal) => rollback({
        transport,
        config: deploy,
        rollback: loaded.config.rollback,
        level,
        ...to ? { to } : {},
        dryRun,
        ...runIdentity(ctx),
        log,
        signal
      })
    );
  } finally {
    await transport.close();
  }
  const failed = result.status === "failed";
  const plan = result.plan.length ? `
**Plan${dryRun ? " (dry run, nothing changed)" : ""}:**

${result.plan.map((p) => `1. ${p}`).join("\n")}
` : "";
  return {
    outputs: { "release-id": result.releaseId ?? "", level: result.level, status: result.status },
    summary: deploySummary(
      `Rollback ${level} on ${transport.description}: ${result.status}`,
      { ...result, logLines: [] },
      [
        ["Level", level],
        ["Live release", result.releaseId ?? "unknown"]
      ]
    ) + plan,
    annotations: failed ? [
      {
        severity: "error",
        message: `rollback ${level} failed: ${result.reason ?? "see the job summary"}`,
        title: "modelgate rollback"
      }
    ] : [],
    ...failed ? { failure: `rollback ${level} failed: ${result.reason ?? ""}` } : {}
  };
};
export {
  rollbackCommand
};
