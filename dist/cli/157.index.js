export const id = 157;
export const ids = [157];
export const modules = {

/***/ 9157:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rollbackCommand: () => (/* binding */ rollbackCommand)
});

// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
// EXTERNAL MODULE: ./lib/core/config/schema.js
var schema = __webpack_require__(4259);
// EXTERNAL MODULE: ./lib/core/remote/quote.js
var quote = __webpack_require__(7542);
// EXTERNAL MODULE: ./lib/core/deploy/deploy.js + 3 modules
var deploy = __webpack_require__(5677);
// EXTERNAL MODULE: ./lib/core/deploy/flags.js
var deploy_flags = __webpack_require__(1564);
// EXTERNAL MODULE: ./lib/core/deploy/history.js
var deploy_history = __webpack_require__(3019);
// EXTERNAL MODULE: ./lib/core/deploy/lock.js
var deploy_lock = __webpack_require__(6296);
;// CONCATENATED MODULE: ./lib/core/deploy/ml-off.js
function applyMlOff(text, pattern, replace) {
    if (pattern === '')
        return { state: 'missing' };
    // When the replacement contains the pattern (`x = True` -> `x = True  # off`), occurrences
    // inside an existing replacement are the edit already made, not something to replace.
    const pieces = replace.includes(pattern) && replace !== '' ? text.split(replace) : [text];
    let count = 0;
    const edited = pieces
        .map((piece) => {
        const parts = piece.split(pattern);
        count += parts.length - 1;
        return parts.join(replace);
    })
        .join(replace);
    if (count > 0)
        return { state: 'edited', text: edited, count };
    if (replace !== '' && text.includes(replace))
        return { state: 'already' };
    return { state: 'missing' };
}

// EXTERNAL MODULE: ./lib/core/deploy/pending.js
var pending = __webpack_require__(5940);
// EXTERNAL MODULE: ./lib/core/deploy/release-dir.js
var release_dir = __webpack_require__(2712);
// EXTERNAL MODULE: ./lib/core/deploy/remote-files.js
var remote_files = __webpack_require__(3991);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/core/bundle/tar.js
var tar = __webpack_require__(6019);
// EXTERNAL MODULE: ./lib/core/deploy/target.js
var deploy_target = __webpack_require__(9206);
;// CONCATENATED MODULE: ./lib/core/deploy/restore.js
/**
 * Turning a backup archive on the target back into a release directory, for a rollback when
 * no release directory is left (pruned, removed by hand, or a server whose only backup is the
 * seed's `backup/macd_models_backup.tar.gz`). The archive is read back and checked here with
 * the same rules as a release tarball before the target extracts it. Archives written by
 * modelgate hold the files at the top; one made by hand from the service directory
 * (`tar -czf backup/... models`) holds a single `models/` folder, which is unwrapped.
 */








async function restoreArchive(target, archive, id) {
    const { layout } = target;
    (0,deploy_target/* checkReleaseId */.ZG)(id);
    const scratch = await (0,promises_.mkdtemp)(external_node_path_.join(external_node_os_.tmpdir(), 'modelgate-restore-'));
    let files;
    try {
        const local = external_node_path_.join(scratch, 'archive.tar.gz');
        await target.transport.download(archive, local);
        // Throws naming the entry when an entry is absolute, has "..", is a link or a device.
        const entries = await (0,tar/* listTarball */.bj)(local);
        files = entries.filter((e) => e.type === 'file').length;
        if (files === 0)
            throw new errors/* ModelgateError */.HJ(`${target.description}: ${archive} holds no files; it cannot be restored`, 'check');
    }
    finally {
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
    }
    const tmp = `${layout.releases}/${id}.tmp-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
    const final = `${layout.releases}/${id}`;
    await target.run(`restoring ${archive} into ${final}`, (0,quote.sh) `t=${tmp}; f=${final}; m=${layout.modelsName}
mkdir -p -- ${layout.releases} && mkdir -- "$t" || exit 1
tar -xzf ${archive} -C "$t" --no-same-owner --no-same-permissions || { rm -rf -- "$t"; exit 1; }
if [ "$(ls -A -- "$t" | wc -l)" -eq 1 ] && [ -d "$t/$m" ] && [ ! -L "$t/$m" ]; then s="$t/$m"; else s="$t"; fi
rm -rf -- "$f" && mv -T -- "$s" "$f" && touch -- "$f" || exit 1
rm -rf -- "$t"`);
    return { files };
}

// EXTERNAL MODULE: ./lib/core/deploy/verify.js
var deploy_verify = __webpack_require__(178);
;// CONCATENATED MODULE: ./lib/core/deploy/rollback.js
/**
 * `rollback`: the seed's three hand-typed rollbacks, each under the deploy lock, each
 * followed by a restart and verification, each recorded in the history, each idempotent
 * (running it twice changes nothing the second time), and each with a dry run that prints
 * what it would do and changes nothing.
 * - `stacking`: the shadow flags again (`ML_ENABLE_STACKING=0`).
 * - `release`: `<models_dir>` back to `to`, or to the release that was live before the last
 *   deploy; when no release directory is left, from its backup archive, or the seed's
 *   `backup/macd_models_backup.tar.gz`.
 * - `ml-off`: the `rollback.ml_off` edit; fails when neither the pattern nor its replacement
 *   is in the file, instead of succeeding silently like `sed`.
 */














async function rollback(options) {
    const { config, level } = options;
    if (level !== 'stacking' && level !== 'release' && level !== 'ml-off')
        throw new errors/* ModelgateError */.HJ(`rollback level "${String(level)}" is not stacking, release or ml-off`, 'input');
    if (options.to !== undefined && level !== 'release')
        throw new errors/* ModelgateError */.HJ(`the input "to" applies only to level release, not ${level}`, 'input');
    if (options.to !== undefined)
        (0,deploy_target/* checkReleaseId */.ZG)(options.to, 'to');
    const target = new deploy_target/* Target */.We(options.transport, (0,deploy_target/* layoutFor */.Q2)(config), options.reconnect);
    const steps = new deploy_target/* Steps */.gj(options.log);
    const who = { actor: options.actor ?? (0,deploy/* defaultActor */.p5)(), runId: options.runId ?? (0,deploy/* defaultRunId */.OX)() };
    options.log(`rollback ${level} on ${target.description}:${target.layout.root}${options.dryRun ? ' (dry run)' : ''}`);
    if (options.dryRun) {
        const state = await (0,release_dir/* modelsState */.Mf)(target);
        const decision = await decide(target, options, state);
        const plan = decision.unchanged
            ? [...decision.plan]
            : [...decision.plan, `restart: ${config.restart}`, verifyPlan(config, level)];
        plan.push(`append to ${target.layout.history}`);
        for (const line of plan)
            options.log(`would: ${line}`);
        return {
            releaseId: decision.releaseId,
            level,
            status: 'dry-run',
            steps: steps.records,
            plan,
            logLines: [],
        };
    }
    const lock = await steps.run('lock', async () => {
        const held = await (0,deploy_lock/* acquireLock */.I)(target, {
            actor: who.actor,
            runId: who.runId,
            action: `rollback ${level}`,
            timeoutMs: options.lockTimeoutMs ?? (0,schema/* durationSeconds */.o8)(config.lock_timeout) * 1000,
            staleMs: (0,schema/* durationSeconds */.o8)(config.stale_lock) * 1000,
            log: options.log,
        });
        return {
            value: held,
            message: `${target.layout.lock} held by ${held.holder.actor} (run ${held.holder.run_id})`,
        };
    });
    let before;
    const record = (result, releaseId, reason) => (0,deploy_history/* appendHistory */.b8)(target, {
        id: releaseId,
        previous: before?.kind === 'release' ? before.id : null,
        action: 'rollback',
        level,
        time: new Date().toISOString(),
        actor: who.actor,
        run_id: who.runId,
        result,
        ...(reason ? { reason } : {}),
    });
    try {
        const recovered = await (0,pending/* recoverInterrupted */.js)(target, who, options.log);
        before = await (0,release_dir/* modelsState */.Mf)(target);
        const state = before;
        let decision;
        try {
            decision = await steps.run(level, async () => {
                const d = await decide(target, options, state);
                if (!d.unchanged)
                    await d.apply();
                return { value: d, message: d.plan.join('; ') };
            });
        }
        catch (error) {
            await record('failed', state.kind === 'release' ? state.id : null, error instanceof Error ? error.message : String(error)).catch(() => undefined);
            throw error;
        }
        const plan = [...decision.plan];
        if (decision.unchanged && !recovered) {
            // Already in effect: no restart, but say whether the service is running.
            const active = await target.exec((0,deploy_target/* inRoot */.md)(target.layout, config.is_active));
            if (active.code === 0) {
                steps.add('verify', 'skip', 0, `already in effect; the service is active, not restarted`);
                await record('unchanged', decision.releaseId);
                return {
                    releaseId: decision.releaseId,
                    level,
                    status: 'unchanged',
                    steps: steps.records,
                    plan,
                    logLines: [],
                };
            }
            options.log(`already in effect, but the service is not active (exit ${active.code}); restarting it`);
        }
        const started = Date.now();
        let verify;
        try {
            verify = await (0,deploy_verify/* restartAndVerify */.GU)(target, config, {
                expect: level !== 'ml-off',
                log: options.log,
                pollMs: options.pollMs,
            });
        }
        catch (error) {
            verify = { ok: false, reason: error instanceof Error ? error.message : String(error), lines: [] };
        }
        steps.add('verify', verify.ok ? 'pass' : 'fail', Date.now() - started, verify.ok ? 'service active; log checked' : (verify.reason ?? 'failed'));
        plan.push(`restarted: ${config.restart}`);
        const status = verify.ok ? 'rolled-back' : 'failed';
        await record(status, decision.releaseId, verify.ok ? undefined : verify.reason);
        return {
            releaseId: decision.releaseId,
            level,
            status,
            steps: steps.records,
            plan,
            logLines: verify.lines,
            ...(verify.ok ? {} : { reason: verify.reason }),
        };
    }
    finally {
        try {
            await lock.release();
        }
        catch (error) {
            options.log(`could not release the lock: ${error instanceof Error ? error.message : String(error)}; remove it by hand once this run has stopped`);
        }
    }
}
function verifyPlan(config, level) {
    const expect = level === 'ml-off' ? [] : config.verify.expect;
    return `verify within ${(0,schema/* durationSeconds */.o8)(config.verify.timeout)} s: ${config.is_active} succeeds, the log shows ${expect.map((p) => JSON.stringify(p)).join(', ') || '(no expect patterns)'} and none of ${config.verify.fail.map((p) => JSON.stringify(p)).join(', ')}`;
}
async function decide(target, options, state) {
    const live = state.kind === 'release' ? state.id : null;
    switch (options.level) {
        case 'stacking':
            return decideStacking(target, options, live);
        case 'ml-off':
            return decideMlOff(target, options, live);
        case 'release':
            return decideRelease(target, options, state);
    }
}
async function decideStacking(target, options, live) {
    const flags = options.config.flags.shadow;
    if (Object.keys(flags).length === 0)
        throw new errors/* ModelgateError */.HJ('rollback stacking: deploy.flags.shadow is empty, so there is no flag to turn stacking off; set it (e.g. ML_ENABLE_STACKING: "0")', 'config');
    const file = await (0,remote_files/* readRemoteFile */.Ve)(target, target.layout.flagsFile);
    const edit = (0,deploy_flags/* applyFlags */.IM)(file.content.toString('utf8'), flags);
    if (!edit.changed)
        return {
            unchanged: true,
            plan: [`${file.path} already has ${(0,deploy_flags/* describeFlags */.Jv)(flags)}`],
            releaseId: live,
            apply: async () => { },
        };
    return {
        unchanged: false,
        plan: [
            `set in ${file.path}: ${edit.changes.map((c) => `${c.key}=${c.to} (was ${c.from ?? 'absent'}${c.duplicatesRemoved ? `, ${c.duplicatesRemoved} duplicate(s) removed` : ''})`).join(', ')}`,
        ],
        releaseId: live,
        apply: () => (0,remote_files/* writeRemoteFile */.KW)(target, file.path, edit.text),
    };
}
async function decideMlOff(target, options, live) {
    const spec = options.rollback.ml_off;
    if (!spec)
        throw new errors/* ModelgateError */.HJ('rollback ml-off: rollback.ml_off is not configured; add { file, pattern, replace } (e.g. live_config.py, "use_ml_enhancement = True", "use_ml_enhancement = False")', 'config');
    const path = `${target.layout.root}/${spec.file}`;
    const file = await (0,remote_files/* readRemoteFile */.Ve)(target, path);
    if (!file.exists)
        throw new errors/* ModelgateError */.HJ(`rollback ml-off: ${path} does not exist on ${target.description}; check rollback.ml_off.file`, 'check');
    const edit = applyMlOff(file.content.toString('utf8'), spec.pattern, spec.replace);
    if (edit.state === 'missing')
        throw new errors/* ModelgateError */.HJ(`rollback ml-off: ${file.path} contains neither ${JSON.stringify(spec.pattern)} (rollback.ml_off.pattern) nor ${JSON.stringify(spec.replace)} (rollback.ml_off.replace); nothing was changed. Fix the pattern to match the file`, 'check', { file: spec.file });
    if (edit.state === 'already')
        return {
            unchanged: true,
            plan: [`${file.path} already has ${JSON.stringify(spec.replace)}`],
            releaseId: live,
            apply: async () => { },
        };
    return {
        unchanged: false,
        plan: [
            `replace ${JSON.stringify(spec.pattern)} with ${JSON.stringify(spec.replace)} in ${file.path} (${edit.count} occurrence${edit.count === 1 ? '' : 's'})`,
        ],
        releaseId: live,
        apply: () => (0,remote_files/* writeRemoteFile */.KW)(target, file.path, edit.text),
    };
}
async function decideRelease(target, options, state) {
    const { layout } = target;
    if (state.kind === 'foreign')
        throw new errors/* ModelgateError */.HJ(`rollback release: ${state.detail}; make ${layout.models} a directory (or remove it) so modelgate can manage it`, 'remote');
    const live = state.kind === 'release' ? state.id : null;
    const history = await (0,deploy_history/* readHistory */.Lu)(target, options.log);
    const { releases } = await (0,release_dir/* listReleases */.tH)(target);
    const have = new Set(releases.map((r) => r.id));
    // The history decides (null: the last deploy went onto a server with no models); only a
    // server without history falls back to the newest other release directory.
    const fromHistory = (0,deploy_history/* previousOf */.te)(history);
    let wanted = options.to ?? fromHistory ?? undefined;
    if (wanted === undefined && fromHistory === undefined)
        wanted = releases.find((r) => r.id !== live)?.id;
    if (wanted !== undefined && wanted === live)
        return {
            unchanged: true,
            plan: [`${layout.modelsName} already points at releases/${wanted}`],
            releaseId: wanted,
            apply: async () => { },
        };
    const plan = [];
    let source;
    if (wanted === undefined || !have.has(wanted)) {
        const archives = await target.exec((0,quote.sh) `cd -- ${layout.backup} 2>/dev/null || exit 0; ${(0,quote/* raw */.lS)(wanted ? (0,quote.sh) `[ -f ${`${wanted}.tar.gz`} ] && echo own;` : '')} if [ -e ${deploy_target/* SEED_BACKUP */.n2} ]; then printf 'seed %s\\n' "$(readlink -- ${deploy_target/* SEED_BACKUP */.n2})"; fi`);
        const lines = archives.stdout.split('\n');
        if (wanted && lines.includes('own'))
            source = { archive: `${layout.backup}/${wanted}.tar.gz`, id: wanted };
        else if (options.to === undefined) {
            const seed = lines.find((l) => l.startsWith('seed '));
            if (seed !== undefined) {
                const link = seed.slice(5);
                const fromLink = /^([A-Za-z0-9][A-Za-z0-9._-]*)\.tar\.gz$/.exec(link)?.[1];
                const id = fromLink && !fromLink.includes('..') ? fromLink : `restored-${(0,deploy_target/* stamp */.iE)()}`;
                source = { archive: `${layout.backup}/${deploy_target/* SEED_BACKUP */.n2}`, id };
            }
        }
        if (!source) {
            const known = [...have].filter((id) => id !== live);
            throw new errors/* ModelgateError */.HJ(wanted
                ? `rollback release: releases/${wanted} is not on ${target.description} and there is no backup/${wanted}.tar.gz${options.to ? '' : ` or backup/${deploy_target/* SEED_BACKUP */.n2}`}; ` +
                    (known.length ? `releases available: ${known.join(', ')}` : 'no other release is available')
                : `rollback release: nothing to roll back to on ${target.description}: ${fromHistory === null ? 'the last deploy went onto a server with no models' : 'no previous release in the history and no other release directory'}, and there is no backup/${deploy_target/* SEED_BACKUP */.n2}`, 'check');
        }
        if (source.id === live)
            return {
                unchanged: true,
                plan: [`${layout.modelsName} already points at releases/${source.id}`],
                releaseId: live,
                apply: async () => { },
            };
        plan.push(`restore ${source.archive} into releases/${source.id} (no release directory is left)`);
    }
    const id = source?.id ?? wanted;
    const adopted = state.kind === 'directory' ? `pre-modelgate-${(0,deploy_target/* stamp */.iE)()}` : undefined;
    if (adopted)
        plan.unshift(`move the plain directory ${layout.models} into releases/${adopted} (kept, so it can be rolled back to)`);
    plan.push(`switch ${layout.modelsName} -> releases/${id} (was ${live ?? (adopted ? adopted : 'absent')})`);
    return {
        unchanged: false,
        plan,
        releaseId: id,
        apply: async () => {
            if (adopted)
                await (0,release_dir/* adoptPlainDirectory */.KN)(target, adopted);
            if (source)
                await restoreArchive(target, source.archive, source.id);
            await (0,release_dir/* switchModels */.lJ)(target, id);
        },
    };
}

// EXTERNAL MODULE: ./lib/core/inputs/source.js
var source = __webpack_require__(16);
// EXTERNAL MODULE: ./lib/commands/common.js + 1 modules
var common = __webpack_require__(9236);
// EXTERNAL MODULE: ./lib/commands/deploy.js + 1 modules
var commands_deploy = __webpack_require__(229);
;// CONCATENATED MODULE: ./lib/commands/rollback.js
/** `rollback`: a level (stacking, release, ml-off) applied on the target, then verified. */





const rollbackCommand = async (ctx) => {
    const loaded = await (0,common/* loadConfigInput */.jl)(ctx);
    const level = (0,source/* choiceInput */.ij)(ctx.inputs, 'level', ['stacking', 'release', 'ml-off']);
    if (!level)
        throw new errors/* InputError */.dz('Input required and not supplied: level (stacking, release or ml-off)', 'level');
    const to = (0,source/* optionalInput */.$m)(ctx.inputs, 'to');
    const dryRun = (0,source/* booleanInput */.tE)(ctx.inputs, 'dry-run', false);
    const { transport, deploy } = await (0,common/* openTarget */.Ap)(ctx, loaded);
    let result;
    try {
        result = await rollback({
            transport,
            config: deploy,
            rollback: loaded.config.rollback,
            level,
            ...(to ? { to } : {}),
            dryRun,
            ...(0,common/* runIdentity */.yK)(ctx),
            log: (line) => ctx.log.info(line),
        });
    }
    finally {
        await transport.close();
    }
    const failed = result.status === 'failed';
    const plan = result.plan.length
        ? `\n**Plan${dryRun ? ' (dry run, nothing changed)' : ''}:**\n\n${result.plan.map((p) => `1. ${p}`).join('\n')}\n`
        : '';
    return {
        outputs: { 'release-id': result.releaseId ?? '', level: result.level, status: result.status },
        summary: (0,commands_deploy.deploySummary)(`Rollback ${level} on ${transport.description}: ${result.status}`, { ...result, logLines: [] }, [
            ['Level', level],
            ['Live release', result.releaseId ?? 'unknown'],
        ]) + plan,
        annotations: failed
            ? [
                {
                    severity: 'error',
                    message: `rollback ${level} failed: ${result.reason ?? 'see the job summary'}`,
                    title: 'modelgate rollback',
                },
            ]
            : [],
        ...(failed ? { failure: `rollback ${level} failed: ${result.reason ?? ''}` } : {}),
    };
};


/***/ })

};
