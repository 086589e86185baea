export const id = 229;
export const ids = [229];
export const modules = {

/***/ 229:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployCommand: () => (/* binding */ deployCommand),
  deploySummary: () => (/* binding */ deploySummary),
  resolveManifest: () => (/* binding */ resolveManifest)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/core/bundle/tar.js
var tar = __webpack_require__(6019);
// EXTERNAL MODULE: ./lib/core/deploy/deploy.js + 3 modules
var deploy = __webpack_require__(5677);
// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
// EXTERNAL MODULE: ./lib/core/inputs/source.js
var source = __webpack_require__(16);
// EXTERNAL MODULE: ./lib/core/manifest.js
var manifest = __webpack_require__(9718);
// EXTERNAL MODULE: ./lib/core/package/package.js + 7 modules
var package_package = __webpack_require__(7519);
// EXTERNAL MODULE: ./lib/commands/common.js + 1 modules
var common = __webpack_require__(9236);
;// CONCATENATED MODULE: ./lib/commands/render-steps.js
/** The step table deploy and rollback put in the job summary. */
const ICON = { pass: '✅', fail: '❌', skip: '⏭️', warn: '⚠️' };
function renderSteps(steps) {
    if (steps.length === 0)
        return '';
    const esc = (s) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    return [
        '| step | status | time | detail |',
        '|---|---|---:|---|',
        ...steps.map((s) => `| ${s.name} | ${ICON[s.status] ?? s.status} | ${Math.round(s.ms)} ms | ${esc(s.message)} |`),
    ].join('\n');
}

;// CONCATENATED MODULE: ./lib/commands/deploy.js
/** `deploy`: tarball + manifest -> the target, through deploy() over the chosen transport. */










/** The manifest input, else `<id>.manifest.json` beside the tarball, else manifest.json inside it. */
async function resolveManifest(ctx, tarball) {
    const given = (0,source/* optionalInput */.$m)(ctx.inputs, 'manifest');
    if (given)
        return (0,manifest/* loadManifest */.eY)((0,common/* resolveIn */.QH)(ctx, given));
    const beside = (0,package_package/* manifestPathFor */.ev)(tarball);
    if ((0,external_node_fs_.existsSync)(beside))
        return (0,manifest/* loadManifest */.eY)(beside);
    // package writes manifest.json as the first entry: read just that, not the whole release.
    const inside = await (0,tar/* readTarballFile */.H_)(tarball, 'manifest.json');
    if (!inside) {
        throw new errors/* ModelgateError */.HJ(`${tarball}: no manifest beside it (${external_node_path_.basename(beside)}) or inside it; pass the manifest input or package the bundle with modelgate package`, 'input', { file: tarball });
    }
    return (0,manifest/* parseManifest */.Ng)(inside.toString('utf8'), `${tarball}:manifest.json`);
}
function deploySummary(title, result, facts) {
    const lines = [
        `## ${title}`,
        '',
        ...facts.map(([k, v]) => `- **${k}:** ${v}`),
        '',
        renderSteps(result.steps),
    ];
    if (result.reason)
        lines.push('', `**Reason:** ${result.reason}`);
    if (result.logLines.length)
        lines.push('', '<details><summary>Matched service log lines</summary>', '', '```', ...result.logLines.slice(-50), '```', '</details>');
    return `${lines.join('\n')}\n`;
}
const deployCommand = async (ctx) => {
    const loaded = await (0,common/* loadConfigInput */.jl)(ctx);
    const tarball = (0,common/* resolveIn */.QH)(ctx, (0,source/* requiredInput */.YF)(ctx.inputs, 'tarball'));
    if (!(0,external_node_fs_.existsSync)(tarball))
        throw new errors/* ModelgateError */.HJ(`${tarball}: tarball not found; pass the tarball output of the package action`, 'input', { file: tarball });
    const phase = (0,source/* choiceInput */.ij)(ctx.inputs, 'phase', ['shadow', 'promote'], 'shadow') ?? 'shadow';
    const dryRun = (0,source/* booleanInput */.tE)(ctx.inputs, 'dry-run', false);
    const manifest = await resolveManifest(ctx, tarball);
    const { transport, deploy: settings } = await (0,common/* openTarget */.Ap)(ctx, loaded);
    let result;
    try {
        result = await (0,deploy/* deploy */.gg)({
            transport,
            config: settings,
            tarball,
            manifest,
            phase,
            dryRun,
            ...(0,common/* runIdentity */.yK)(ctx),
            log: (line) => ctx.log.info(line),
        });
    }
    finally {
        await transport.close();
    }
    const failed = result.status === 'rolled-back' || result.status === 'failed';
    return {
        outputs: {
            'release-id': result.releaseId,
            'previous-release-id': result.previousReleaseId ?? '',
            status: result.status,
        },
        summary: deploySummary(`Deploy ${manifest.id} (${phase}) to ${transport.description}: ${result.status}`, result, [
            ['Release', result.releaseId],
            ['Previous', result.previousReleaseId ?? 'none'],
            ['Target', `${transport.description} ${settings.path}`],
        ]),
        annotations: failed
            ? [
                {
                    severity: 'error',
                    message: `deploy ${result.status}: ${result.reason ?? 'see the job summary'}`,
                    title: 'modelgate deploy',
                },
            ]
            : [],
        ...(failed ? { failure: `deploy ${result.status}: ${result.reason ?? ''}` } : {}),
    };
};


/***/ }),

/***/ 5677:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p5: () => (/* binding */ defaultActor),
  OX: () => (/* binding */ defaultRunId),
  gg: () => (/* binding */ deploy)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./lib/core/bundle/files.js
var files = __webpack_require__(2015);
// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
// EXTERNAL MODULE: ./lib/core/config/schema.js
var schema = __webpack_require__(4259);
// EXTERNAL MODULE: ./lib/core/deploy/flags.js
var deploy_flags = __webpack_require__(1564);
// EXTERNAL MODULE: ./lib/core/deploy/history.js
var deploy_history = __webpack_require__(3019);
// EXTERNAL MODULE: ./lib/core/deploy/lock.js
var deploy_lock = __webpack_require__(6296);
// EXTERNAL MODULE: ./lib/core/deploy/pending.js
var pending = __webpack_require__(5940);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/core/remote/quote.js
var quote = __webpack_require__(7542);
// EXTERNAL MODULE: ./lib/core/deploy/target.js
var deploy_target = __webpack_require__(9206);
;// CONCATENATED MODULE: ./lib/core/deploy/preflight.js
/**
 * Checks made before anything is uploaded: the service directory exists and is writable,
 * its file system has room for the tarball and its extraction twice over, the tools deploy
 * runs are there, and the configured is-active command can be run. Read-only, so dry-run
 * uses it as is.
 */





const TOOLS = ['tar', 'gzip', 'df', 'mv', 'ln', 'readlink', 'stat', 'mkdir', 'rm', 'base64', 'head', 'find'];
async function preflight(target, config, need) {
    const { layout } = target;
    const probe = await target.run(`checking ${layout.root}`, (0,quote.sh) `r=${layout.root}
if [ ! -d "$r" ]; then echo exists=0; exit 0; fi
echo exists=1
if [ -w "$r" ]; then echo writable=1; else echo writable=0; fi
for t in ${TOOLS}; do command -v "$t" >/dev/null 2>&1 || echo "missing=$t"; done
if [ -d ${external_node_path_.posix.dirname(layout.flagsFile)} ]; then echo flagsdir=1; else echo flagsdir=0; fi
df -Pk -- "$r" | tail -n 1 | sed 's/^/df=/'`);
    const facts = keyValues(probe.stdout);
    if (facts.get('exists')?.[0] !== '1')
        throw new errors/* ModelgateError */.HJ(`${target.description}: ${layout.root} does not exist; create the service directory (deploy.path) or fix the path`, 'remote');
    if (facts.get('writable')?.[0] !== '1')
        throw new errors/* ModelgateError */.HJ(`${target.description}: ${layout.root} is not writable by the deploy user; fix its owner or mode, or deploy as its owner`, 'remote');
    const missing = facts.get('missing') ?? [];
    if (missing.length > 0)
        throw new errors/* ModelgateError */.HJ(`${target.description}: ${missing.join(', ')} not found on the target; install them (coreutils, tar, gzip, findutils)`, 'remote');
    if (facts.get('flagsdir')?.[0] !== '1')
        throw new errors/* ModelgateError */.HJ(`${target.description}: the folder of the flags file ${layout.flagsFile} does not exist; fix deploy.flags.file (relative to deploy.path) or create the folder`, 'remote');
    const freeBytes = availableBytes(facts.get('df')?.[0] ?? '');
    if (freeBytes === undefined)
        throw new errors/* ModelgateError */.HJ(`${target.description}: could not read the free space of ${layout.root} from df -Pk`, 'remote');
    const requiredBytes = 2 * (need.tarballBytes + need.extractedBytes);
    if (freeBytes < requiredBytes)
        throw new errors/* ModelgateError */.HJ(`${target.description}: not enough free space at ${layout.root}: ${(0,files/* formatSize */.Xq)(freeBytes)} free, ${(0,files/* formatSize */.Xq)(requiredBytes)} needed ` +
            `(the tarball and its extraction, twice over); free some space (old files in backup/ or releases/) and retry. Nothing was uploaded`, 'remote');
    const active = await target.exec((0,deploy_target/* inRoot */.md)(layout, config.is_active));
    if (active.code === 126 || active.code === 127 || active.code === 124)
        throw new errors/* ModelgateError */.HJ(`${target.description}: the is-active command (deploy.is_active: ${config.is_active}) could not run (exit ${active.code}): ${(active.stderr || active.stdout).trim().slice(0, 300)}; fix the command`, 'remote');
    return {
        freeBytes,
        requiredBytes,
        serviceActive: active.code === 0,
        isActiveOutput: (active.stdout.trim() || active.stderr.trim()).split('\n')[0] ?? '',
    };
}
function keyValues(text) {
    const map = new Map();
    for (const line of text.split('\n')) {
        const eq = line.indexOf('=');
        if (eq <= 0)
            continue;
        const key = line.slice(0, eq);
        map.set(key, [...(map.get(key) ?? []), line.slice(eq + 1)]);
    }
    return map;
}
/** The "Available" column of `df -Pk`; found next to the "Capacity" column, as names may hold spaces. */
function availableBytes(dfLine) {
    const fields = dfLine.trim().split(/\s+/);
    const capacity = fields.findIndex((f, i) => i >= 4 && /^\d+%$/.test(f));
    const available = capacity > 0 ? Number(fields[capacity - 1]) : NaN;
    return Number.isFinite(available) ? available * 1024 : undefined;
}

// EXTERNAL MODULE: ./lib/core/deploy/release-dir.js
var release_dir = __webpack_require__(2712);
// EXTERNAL MODULE: ./lib/core/deploy/remote-files.js
var remote_files = __webpack_require__(3991);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./lib/core/bundle/tar.js
var tar = __webpack_require__(6019);
;// CONCATENATED MODULE: ./lib/core/deploy/tarball.js
/**
 * Checks made on the runner before the target is touched: the tarball is the one the
 * manifest describes (sha256 and size), and its entries pass the same safety rules as the
 * healthcheck (no absolute paths, no `..`, no links or devices; `listTarball` throws naming
 * the entry) and are exactly the manifest's files. The same bytes are proven to have
 * arrived by the sha256 on the target, so the server extracts only what was checked here.
 */





async function checkTarball(file, manifest) {
    let size;
    try {
        const st = await (0,promises_.stat)(file);
        if (!st.isFile())
            throw new Error('not a regular file');
        size = st.size;
    }
    catch (error) {
        throw new errors/* ModelgateError */.HJ(`${file}: cannot read the tarball (${error.code ?? error.message}); pass the .tar.gz written by modelgate package`, 'input', {
            file,
        });
    }
    // Both read the whole tarball, so they run side by side rather than one after the other.
    // A failed listing is held until the sha256 and size have been compared, so a tarball that
    // is not the manifest's is reported as such first, whatever else is wrong with it.
    const [hashed, listed] = await Promise.allSettled([(0,files/* sha256File */.Q3)(file), (0,tar/* listTarball */.bj)(file)]);
    if (hashed.status === 'rejected')
        throw hashed.reason;
    const sha256 = hashed.value;
    const expected = manifest.bundle?.sha256;
    if (expected && expected !== sha256)
        throw new errors/* ModelgateError */.HJ(`${file}: sha256 ${sha256} does not match the manifest's bundle.sha256 ${expected} (release ${manifest.id}); the tarball is not the one the manifest describes. Nothing was uploaded`, 'check', { file });
    if (manifest.bundle?.size !== undefined && manifest.bundle.size !== size)
        throw new errors/* ModelgateError */.HJ(`${file}: ${size} bytes, but the manifest's bundle.size is ${manifest.bundle.size}; the tarball is not the one the manifest describes`, 'check', { file });
    if (listed.status === 'rejected')
        throw listed.reason;
    const wanted = new Map(manifest.files.map((f) => [(0,release_dir/* checkManifestPath */.LD)(f.path), f]));
    const found = new Map();
    // listTarball gives normalised paths and refuses every type but file and directory.
    for (const entry of listed.value)
        if (entry.type === 'file')
            found.set(entry.path, entry.size);
    const problems = [];
    for (const [name, f] of wanted) {
        const got = found.get(name);
        if (got === undefined)
            problems.push(`${name} is listed in the manifest but not in the tarball`);
        else if (got !== f.size)
            problems.push(`${name} is ${got} bytes, the manifest says ${f.size}`);
    }
    for (const name of found.keys())
        if (!wanted.has(name) && name !== 'manifest.json')
            problems.push(`${name} is in the tarball but not in the manifest`);
    if (problems.length > 0)
        throw new errors/* ModelgateError */.HJ(`${file}: the tarball does not match the manifest of ${manifest.id}: ${problems.slice(0, 10).join('; ')}. Nothing was uploaded`, 'check', { file });
    const extractedBytes = [...found.values()].reduce((a, b) => a + b, 0);
    return { size, sha256, extractedBytes, files: found.size };
}

// EXTERNAL MODULE: ./lib/core/deploy/hash.js
var deploy_hash = __webpack_require__(9331);
;// CONCATENATED MODULE: ./lib/core/deploy/upload.js
/**
 * Upload to `.modelgate/incoming/<id>.tar.gz.part` (never read by the service). A partial
 * file left by a cut connection is resumed when its bytes are a prefix of the tarball (both
 * sides hash the same number of bytes); otherwise the upload starts over. The whole file is
 * then hashed on the target and must equal the manifest's sha256 before it is used.
 */




async function uploadTarball(target, request) {
    const { layout } = target;
    await target.run(`creating ${layout.incoming}`, (0,quote.sh) `mkdir -p -- ${layout.incoming}`);
    let offset = 0;
    const existing = await target.transport.size(request.remotePart);
    if (existing !== undefined && existing > 0 && existing <= request.size) {
        const [theirs, ours] = await Promise.all([
            (0,deploy_hash/* remoteSha256 */.qY)(target, request.remotePart, existing),
            (0,files/* sha256File */.Q3)(request.localFile, existing),
        ]);
        if (theirs.sha256 === ours) {
            offset = existing;
            request.log(`resuming the upload at ${(0,files/* formatSize */.Xq)(existing)} of ${(0,files/* formatSize */.Xq)(request.size)} (the partial file matches the tarball so far)`);
        }
        else
            request.log(`a partial upload of ${(0,files/* formatSize */.Xq)(existing)} does not match this tarball; starting over`);
    }
    else if (existing !== undefined && existing > request.size)
        request.log(`a partial upload larger than the tarball was found; starting over`);
    if (offset < request.size) {
        const started = Date.now();
        let nextReport = offset + request.size / 10;
        let lastProgress = Date.now();
        let sentSoFar = offset;
        const upload = target.transport.upload(request.localFile, request.remotePart, {
            offset,
            onProgress: (p) => {
                lastProgress = Date.now();
                sentSoFar = p.sent;
                if (p.sent >= nextReport || p.sent === p.total) {
                    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
                    request.log(`upload ${Math.floor((100 * p.sent) / p.total)}% (${(0,files/* formatSize */.Xq)(p.sent)} of ${(0,files/* formatSize */.Xq)(p.total)}, ${(0,files/* formatSize */.Xq)(Math.round((p.sent - offset) / seconds))}/s)`);
                    while (nextReport <= p.sent)
                        nextReport += request.size / 10;
                }
                request.onProgress?.(p);
            },
        });
        // A connection that dies without a reset (or a transport that never reports the loss)
        // would otherwise hang the deploy; the partial file stays for the retry to resume.
        let timer;
        const stalled = new Promise((_, reject) => {
            const check = () => {
                const idle = Date.now() - lastProgress;
                if (idle >= request.stallMs)
                    reject(new errors/* ModelgateError */.HJ(`${target.description}: the upload stalled: nothing sent for ${Math.round(idle / 1000)} s at ${(0,files/* formatSize */.Xq)(sentSoFar)} of ${(0,files/* formatSize */.Xq)(request.size)}; retry the deploy to resume it`, 'remote'));
                else
                    timer = setTimeout(check, Math.min(1000, request.stallMs - idle));
            };
            timer = setTimeout(check, Math.min(1000, request.stallMs));
        });
        try {
            await Promise.race([upload, stalled]);
        }
        finally {
            clearTimeout(timer);
            upload.catch(() => undefined);
        }
    }
    const size = await target.transport.size(request.remotePart);
    const hash = await (0,deploy_hash/* remoteSha256 */.qY)(target, request.remotePart);
    if (size !== request.size || hash.sha256 !== request.sha256) {
        // A corrupt partial file would only be resumed and fail again: remove it.
        await target.exec((0,quote.sh) `rm -f -- ${request.remotePart}`);
        throw new errors/* ModelgateError */.HJ(`${target.description}: the uploaded tarball does not match the manifest: sha256 ${hash.sha256} (${size ?? 0} bytes) on the target, ` +
            `${request.sha256} (${request.size} bytes) expected. The upload was removed and nothing live was changed; retry the deploy`, 'check');
    }
    return { resumedFrom: offset, sent: request.size - offset, verifiedBy: hash.via };
}

// EXTERNAL MODULE: ./lib/core/deploy/verify.js
var verify = __webpack_require__(178);
;// CONCATENATED MODULE: ./lib/core/deploy/deploy.js
/**
 * `deploy`: the seed's scp + `tar -xzf` over the live directory + restart + journalctl +
 * `echo >> .env`, made safe. Phase `shadow` (the default) installs a new release; phase
 * `promote` sets the promote flags on the release already live. The sequence (see the
 * issue): lock, preflight, upload (resumable), checksum on the target, safe extract into
 * `releases/<id>`, backup, atomic switch, flags, restart, verify; any failure after the
 * switch switches back, restores the flags, restarts and verifies again. Every outcome is
 * appended to the history, and the lock is always released.
 *
 * Refusals before anything live changed (lock held, preflight, checksum, unsafe tarball)
 * throw a ModelgateError. After an automatic rollback the result has status `rolled-back`
 * and a reason; the action entry fails the step in that case.
 */

















function defaultActor() {
    return process.env.GITHUB_ACTOR || external_node_os_.userInfo().username;
}
function defaultRunId() {
    return process.env.GITHUB_RUN_ID
        ? `${process.env.GITHUB_RUN_ID}-${process.env.GITHUB_RUN_ATTEMPT ?? '1'}`
        : `local-${external_node_os_.hostname()}-${process.pid}-${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
}
async function deploy(options) {
    const { config, manifest } = options;
    const id = (0,deploy_target/* checkReleaseId */.ZG)(manifest.id, 'manifest id');
    const target = new deploy_target/* Target */.We(options.transport, (0,deploy_target/* layoutFor */.Q2)(config), options.reconnect);
    const steps = new deploy_target/* Steps */.gj(options.log);
    const who = { actor: options.actor ?? defaultActor(), runId: options.runId ?? defaultRunId() };
    if (options.phase !== 'shadow' && options.phase !== 'promote')
        throw new errors/* ModelgateError */.HJ(`phase "${String(options.phase)}" is not shadow or promote`, 'input');
    options.log(`${options.phase === 'shadow' ? 'deploying' : 'promoting'} ${id} to ${target.description}:${target.layout.root}${options.dryRun ? ' (dry run)' : ''}`);
    let checked;
    if (options.phase === 'shadow') {
        if (!options.tarball)
            throw new errors/* ModelgateError */.HJ('deploy needs the tarball (input tarball) for phase shadow', 'input', {});
        const tarball = options.tarball;
        checked = await steps.run('tarball', async () => {
            const c = await checkTarball(tarball, manifest);
            return {
                value: c,
                message: `${c.files} files, ${(0,files/* formatSize */.Xq)(c.size)}, sha256 ${c.sha256.slice(0, 12)}… matches the manifest; no unsafe entries`,
            };
        });
    }
    if (options.dryRun)
        return dryRun(target, options, steps, checked);
    const lock = await steps.run('lock', async () => {
        const held = await (0,deploy_lock/* acquireLock */.I)(target, {
            actor: who.actor,
            runId: who.runId,
            action: options.phase === 'shadow' ? 'deploy' : 'promote',
            timeoutMs: options.lockTimeoutMs ?? (0,schema/* durationSeconds */.o8)(config.lock_timeout) * 1000,
            staleMs: (0,schema/* durationSeconds */.o8)(config.stale_lock) * 1000,
            log: options.log,
        });
        return {
            value: held,
            message: `${target.layout.lock} held by ${held.holder.actor} (run ${held.holder.run_id})`,
        };
    });
    try {
        await (0,pending/* recoverInterrupted */.js)(target, who, options.log);
        return options.phase === 'shadow'
            ? await shadow(target, options, steps, who, checked)
            : await promote(target, options, steps, who);
    }
    finally {
        await releaseLock(lock, options.log);
    }
}
async function releaseLock(lock, log) {
    try {
        await lock.release();
    }
    catch (error) {
        log(`could not release the lock: ${error instanceof Error ? error.message : String(error)}; remove it by hand once this run has stopped`);
    }
}
/**
 * Writes this run's history entries for `phase`. With `finished`, the same command removes
 * the pending record: the run ended in a state it vouches for, so no later run restores over it.
 */
function historyWriter(target, who, phase) {
    return (outcome, finished) => (0,deploy_history/* appendHistory */.b8)(target, {
        id: outcome.id,
        previous: outcome.previous,
        action: phase === 'shadow' ? 'deploy' : 'promote',
        phase,
        time: new Date().toISOString(),
        actor: who.actor,
        run_id: who.runId,
        result: outcome.result,
        reason: outcome.reason,
    }, { finished });
}
/** What is live and what was live before it, from the link and the history. */
function previousFor(state, id, history) {
    if (state.kind === 'release')
        return state.id === id ? ((0,deploy_history/* previousOf */.te)(history, id) ?? null) : state.id;
    if (state.kind === 'directory')
        return `pre-modelgate-${(0,deploy_target/* stamp */.iE)()}`;
    return null;
}
async function shadow(target, options, steps, who, checked) {
    const { config, manifest } = options;
    const { layout } = target;
    const id = manifest.id;
    const part = `${layout.incoming}/${id}.tar.gz.part`;
    const plan = [];
    const record = historyWriter(target, who, 'shadow');
    let previous = null;
    let switched = false;
    let flagsBefore;
    let flagsWritten = false;
    try {
        await steps.run('preflight', async () => {
            const facts = await preflight(target, config, {
                tarballBytes: checked.size,
                extractedBytes: checked.extractedBytes,
            });
            return {
                value: facts,
                message: `${(0,files/* formatSize */.Xq)(facts.freeBytes)} free (${(0,files/* formatSize */.Xq)(facts.requiredBytes)} needed); service ${facts.serviceActive ? 'active' : `not active now (${facts.isActiveOutput || 'is-active failed'})`}`,
            };
        });
        const { releases } = await (0,release_dir/* listReleases */.tH)(target);
        const existing = releases.some((r) => r.id === id)
            ? await (0,release_dir/* verifyReleaseDir */.uE)(target, `${layout.releases}/${id}`, manifest)
            : undefined;
        const state = await (0,release_dir/* modelsState */.Mf)(target);
        if (state.kind === 'foreign')
            throw new errors/* ModelgateError */.HJ(`${target.description}: ${state.detail}; make ${layout.models} a directory (or remove it) so modelgate can manage it`, 'remote');
        if (existing?.ok) {
            steps.add('upload', 'skip', 0, `releases/${id} is already on the target and matches the manifest`);
            steps.add('extract', 'skip', 0, `releases/${id} verified (${existing.checkedBy})`);
        }
        else {
            if (existing && state.kind === 'release' && state.id === id)
                throw new errors/* ModelgateError */.HJ(`${target.description}: the live release releases/${id} no longer matches its manifest (${existing.problems.slice(0, 3).join('; ')}); roll back to another release first`, 'check');
            await steps.run('upload', async () => {
                const outcome = await uploadTarballStep(target, options, part, checked);
                return {
                    value: outcome,
                    message: `${outcome.resumedFrom > 0 ? `resumed at ${(0,files/* formatSize */.Xq)(outcome.resumedFrom)}, ` : ''}sent ${(0,files/* formatSize */.Xq)(outcome.sent)}; sha256 verified ${outcome.verifiedBy === 'target' ? 'on the target' : 'by reading it back'}`,
                };
            });
            plan.push(`uploaded ${options.tarball ?? ''} to ${part}`);
            await steps.run('extract', async () => {
                const outcome = await (0,release_dir/* extractRelease */.B3)(target, part, manifest);
                await target.exec((0,quote.sh) `rm -f -- ${part}`);
                return {
                    value: outcome,
                    message: `releases/${id}: ${manifest.files.length} files match the manifest (${outcome.checkedBy})`,
                };
            });
            plan.push(`extracted into releases/${id}`);
        }
        const history = await (0,deploy_history/* readHistory */.Lu)(target, options.log);
        previous = previousFor(state, id, history);
        const alreadyLive = state.kind === 'release' && state.id === id;
        flagsBefore = await (0,remote_files/* readRemoteFile */.Ve)(target, layout.flagsFile);
        await (0,pending/* writePending */.bE)(target, {
            run_id: who.runId,
            actor: who.actor,
            action: 'deploy',
            phase: 'shadow',
            id,
            previous: alreadyLive ? id : previous,
            time: new Date().toISOString(),
            flags: {
                path: flagsBefore.path,
                existed: flagsBefore.exists,
                content: flagsBefore.content.toString('base64'),
            },
        });
        await steps.run('backup', async () => {
            if (state.kind === 'directory' && previous) {
                await (0,release_dir/* adoptPlainDirectory */.KN)(target, previous);
                plan.push(`moved the plain ${layout.modelsName}/ directory into releases/${previous}`);
            }
            if (!previous || alreadyLive)
                return {
                    value: undefined,
                    message: alreadyLive ? `${id} is already live` : 'nothing live to back up',
                };
            const archive = await (0,release_dir/* backupRelease */.Al)(target, previous);
            plan.push(`archived releases/${previous} into ${archive}`);
            return {
                value: undefined,
                message: `${previous} archived in backup/${previous}.tar.gz (backup/macd_models_backup.tar.gz points at it)`,
            };
        });
        if (!alreadyLive) {
            await steps.run('switch', async () => {
                switched = true;
                await (0,release_dir/* switchModels */.lJ)(target, id);
                plan.push(`switched ${layout.modelsName} -> releases/${id}`);
                return {
                    value: undefined,
                    message: `${layout.modelsName} -> releases/${id} (was ${previous ?? 'absent'})`,
                };
            });
        }
        else
            steps.add('switch', 'skip', 0, `${layout.modelsName} already points at releases/${id}`);
        await flagsStep(steps, target, flagsBefore, config.flags.shadow, plan, () => {
            flagsWritten = true;
        });
    }
    catch (error) {
        if (!switched && !flagsWritten) {
            // Nothing live changed: a refusal. Record it (best effort) and report it as thrown.
            await bestEffort(options.log, () => target.withRecovery(() => record({
                id,
                previous,
                result: 'failed',
                reason: error instanceof Error ? error.message : String(error),
            }, true)));
            throw error;
        }
        const reason = error instanceof Error ? error.message : String(error);
        return autoRollback(target, options, steps, who, {
            id,
            previous,
            switched,
            flagsBefore,
            flagsWritten,
            reason,
            verify: undefined,
            plan,
        });
    }
    const verify = await verifyStep(target, options, steps);
    if (!verify.ok)
        return autoRollback(target, options, steps, who, {
            id,
            previous,
            switched,
            flagsBefore,
            flagsWritten,
            reason: verify.reason ?? 'verification failed',
            verify,
            plan,
        });
    plan.push(`restarted and verified`);
    await steps.run('history', async () => {
        await record({ id, previous, result: 'deployed' }, true);
        const removed = await (0,release_dir/* prune */.R3)(target, config.keep_releases, new Set([id, ...(previous ? [previous] : [])]));
        return {
            value: undefined,
            message: `recorded in ${layout.history}${removed.length > 0 ? `; removed ${removed.join(', ')}` : ''}`,
        };
    });
    return {
        releaseId: id,
        previousReleaseId: previous,
        status: 'deployed',
        steps: steps.records,
        logLines: verify.lines,
        plan,
    };
}
function uploadTarballStep(target, options, part, checked) {
    return uploadTarball(target, {
        localFile: options.tarball,
        remotePart: part,
        size: checked.size,
        sha256: checked.sha256,
        log: options.log,
        stallMs: options.uploadStallMs ?? (0,schema/* durationSeconds */.o8)(options.config.command_timeout) * 1000,
        ...(options.onUploadProgress ? { onProgress: options.onUploadProgress } : {}),
    });
}
/**
 * The `flags` step of both phases: writes the flags when they differ from `before` (calling
 * `onWrite` first, since from then on the live state may have changed) and notes them in the plan.
 */
async function flagsStep(steps, target, before, flags, plan, onWrite) {
    await steps.run('flags', async () => {
        const message = await setFlags(target, before, flags, onWrite);
        plan.push(`flags: ${(0,deploy_flags/* describeFlags */.Jv)(flags)}`);
        return { value: undefined, message };
    });
}
/** Writes the flags when they differ; returns the step message. */
async function setFlags(target, before, flags, onWrite) {
    const edit = (0,deploy_flags/* applyFlags */.IM)(before.content.toString('utf8'), flags);
    if (!edit.changed)
        return `${target.layout.flagsFile} already has ${(0,deploy_flags/* describeFlags */.Jv)(flags)}`;
    onWrite();
    await (0,remote_files/* writeRemoteFile */.KW)(target, before.path, edit.text);
    return `${before.path}: ${edit.changes
        .map((c) => `${c.key}=${c.to}${c.from === undefined ? ' (added)' : c.from !== c.to ? ` (was ${c.from})` : ''}${c.duplicatesRemoved > 0 ? ` (${c.duplicatesRemoved} duplicate line(s) removed)` : ''}`)
        .join(', ')}`;
}
/**
 * Puts back what was live (the release link and the flags file), restarts and verifies.
 * Each action is retried once on a fresh connection when the connection was lost.
 */
async function autoRollback(target, options, steps, who, f) {
    const { config } = options;
    const record = historyWriter(target, who, options.phase);
    options.log(`rolling back: ${f.reason}`);
    let restored;
    try {
        restored = await steps.run('rollback', async () => {
            if (f.switched)
                await target.withRecovery(() => (0,release_dir/* switchModels */.lJ)(target, f.previous));
            const before = f.flagsBefore;
            if (f.flagsWritten && before) {
                await target.withRecovery(() => before.exists
                    ? (0,remote_files/* writeRemoteFile */.KW)(target, before.path, before.content)
                    : target.run(`removing ${before.path}`, (0,quote.sh) `rm -f -- ${before.path}`).then(() => undefined));
            }
            const outcome = await target.withRecovery(() => (0,verify/* restartAndVerify */.GU)(target, config, {
                expect: f.previous !== null,
                log: options.log,
                pollMs: options.pollMs,
            }));
            const what = [
                f.switched
                    ? `${target.layout.modelsName} -> ${f.previous === null ? '(none)' : `releases/${f.previous}`}`
                    : undefined,
                f.flagsWritten ? 'flags restored' : undefined,
            ]
                .filter(Boolean)
                .join(', ');
            if (!outcome.ok)
                throw new errors/* ModelgateError */.HJ(`restored (${what}) but the service is still not healthy: ${outcome.reason ?? ''}`, 'remote');
            return { value: outcome, message: `${what}; service healthy again` };
        });
    }
    catch (error) {
        const reason = `${f.reason}; automatic rollback failed: ${error instanceof Error ? error.message : String(error)}`;
        // Not finished: the pending record stays, so the next run restores what was live.
        await bestEffort(options.log, () => target.withRecovery(() => record({ id: f.id, previous: f.previous, result: 'failed', reason }, false)));
        return {
            releaseId: f.id,
            previousReleaseId: f.previous,
            status: 'failed',
            steps: steps.records,
            logLines: f.verify?.lines ?? [],
            plan: f.plan,
            reason,
        };
    }
    await bestEffort(options.log, () => target.withRecovery(() => record({ id: f.id, previous: f.previous, result: 'rolled-back', reason: f.reason }, true)));
    return {
        releaseId: f.id,
        previousReleaseId: f.previous,
        status: 'rolled-back',
        steps: steps.records,
        logLines: [...(f.verify?.lines ?? []), ...restored.lines.map((l) => `(after rollback) ${l}`)],
        plan: f.plan,
        reason: f.reason,
    };
}
async function promote(target, options, steps, who) {
    const { config, manifest } = options;
    const { layout } = target;
    const id = manifest.id;
    const plan = [];
    const record = historyWriter(target, who, 'promote');
    const state = await (0,release_dir/* modelsState */.Mf)(target);
    const history = await (0,deploy_history/* readHistory */.Lu)(target, options.log);
    const previous = state.kind === 'release' && state.id === id ? ((0,deploy_history/* previousOf */.te)(history, id) ?? null) : null;
    let flagsBefore;
    let flagsWritten = false;
    try {
        await steps.run('live', async () => {
            if (state.kind !== 'release' || state.id !== id)
                throw new errors/* ModelgateError */.HJ(`refusing to promote ${id}: the live release on ${target.description} is ${state.kind === 'release' ? state.id : `not a modelgate release (${layout.models} is ${state.kind})`}; deploy ${id} with phase shadow first`, 'check');
            return { value: undefined, message: `${layout.modelsName} -> releases/${id}` };
        });
        flagsBefore = await (0,remote_files/* readRemoteFile */.Ve)(target, layout.flagsFile);
        await (0,pending/* writePending */.bE)(target, {
            run_id: who.runId,
            actor: who.actor,
            action: 'promote',
            phase: 'promote',
            id,
            previous: id,
            time: new Date().toISOString(),
            flags: {
                path: flagsBefore.path,
                existed: flagsBefore.exists,
                content: flagsBefore.content.toString('base64'),
            },
        });
        await flagsStep(steps, target, flagsBefore, config.flags.promote, plan, () => {
            flagsWritten = true;
        });
    }
    catch (error) {
        if (!flagsWritten) {
            await bestEffort(options.log, () => record({ id, previous, result: 'failed', reason: error instanceof Error ? error.message : String(error) }, true));
            throw error;
        }
        return autoRollback(target, options, steps, who, {
            id,
            previous: id,
            switched: false,
            flagsBefore,
            flagsWritten,
            reason: error instanceof Error ? error.message : String(error),
            verify: undefined,
            plan,
        });
    }
    const verify = await verifyStep(target, options, steps);
    if (!verify.ok)
        return autoRollback(target, options, steps, who, {
            id,
            previous: id,
            switched: false,
            flagsBefore,
            flagsWritten,
            reason: verify.reason ?? 'verification failed',
            verify,
            plan,
        });
    await steps.run('history', async () => {
        await record({ id, previous, result: 'promoted' }, true);
        return { value: undefined, message: `recorded in ${layout.history}` };
    });
    return {
        releaseId: id,
        previousReleaseId: previous,
        status: 'promoted',
        steps: steps.records,
        logLines: verify.lines,
        plan,
    };
}
/** Read-only: what a deploy would do, from the target's current state. */
async function dryRun(target, options, steps, checked) {
    const { config, manifest } = options;
    const { layout } = target;
    const id = manifest.id;
    const plan = [];
    const state = await (0,release_dir/* modelsState */.Mf)(target);
    const history = await (0,deploy_history/* readHistory */.Lu)(target, options.log);
    const flags = await (0,remote_files/* readRemoteFile */.Ve)(target, layout.flagsFile);
    const lock = await target.exec((0,quote.sh) `cat -- ${layout.lock} 2>/dev/null`);
    const pending = await target.exec((0,quote.sh) `[ -f ${layout.pending} ]`);
    if (lock.code === 0 && lock.stdout.trim())
        plan.push(`wait for the lock, held now: ${lock.stdout.trim()}`);
    else
        plan.push(`take the lock ${layout.lock}`);
    if (pending.code === 0)
        plan.push(`restore what was live before an interrupted run (${layout.pending})`);
    let previous = null;
    if (options.phase === 'shadow') {
        const c = checked;
        await steps.run('preflight', async () => {
            const facts = await preflight(target, config, {
                tarballBytes: c.size,
                extractedBytes: c.extractedBytes,
            });
            return {
                value: facts,
                message: `${(0,files/* formatSize */.Xq)(facts.freeBytes)} free (${(0,files/* formatSize */.Xq)(facts.requiredBytes)} needed)`,
            };
        });
        if (state.kind === 'foreign')
            throw new errors/* ModelgateError */.HJ(`${target.description}: ${state.detail}; make it a directory (or remove it) so modelgate can manage it`, 'remote');
        previous = previousFor(state, id, history);
        plan.push(`upload ${options.tarball ?? ''} (${(0,files/* formatSize */.Xq)(c.size)}) to ${layout.incoming}/${id}.tar.gz.part and check its sha256 ${c.sha256} on the target`);
        plan.push(`extract into ${layout.releases}/${id} and check ${c.files} files against the manifest`);
        if (state.kind === 'directory')
            plan.push(`move the plain directory ${layout.models} into ${layout.releases}/${previous} (so it can be rolled back to)`);
        if (previous && !(state.kind === 'release' && state.id === id)) {
            plan.push(`archive ${layout.releases}/${previous} into ${layout.backup}/${previous}.tar.gz and point backup/macd_models_backup.tar.gz at it`);
            plan.push(`switch ${layout.models} -> releases/${id} (atomic rename of a new link)`);
        }
        else if (!previous)
            plan.push(`link ${layout.models} -> releases/${id}`);
    }
    else {
        if (state.kind !== 'release' || state.id !== id)
            throw new errors/* ModelgateError */.HJ(`refusing to promote ${id}: the live release is ${state.kind === 'release' ? state.id : `not a modelgate release (${state.kind})`}; deploy it first`, 'check');
        previous = (0,deploy_history/* previousOf */.te)(history, id) ?? null;
    }
    const wanted = options.phase === 'shadow' ? config.flags.shadow : config.flags.promote;
    const edit = (0,deploy_flags/* applyFlags */.IM)(flags.content.toString('utf8'), wanted);
    plan.push(edit.changed
        ? `set in ${flags.path}: ${edit.changes.map((c) => `${c.key}=${c.to} (now ${c.from ?? 'absent'})`).join(', ')}`
        : `${flags.path} already has ${(0,deploy_flags/* describeFlags */.Jv)(wanted)}`);
    plan.push(`restart: ${config.restart}`);
    plan.push(`verify within ${(0,schema/* durationSeconds */.o8)(config.verify.timeout)} s: ${config.is_active} succeeds, the log shows ${config.verify.expect.map((p) => JSON.stringify(p)).join(', ') || '(no expect patterns)'} and none of ${config.verify.fail.map((p) => JSON.stringify(p)).join(', ')}`);
    plan.push(`on failure: switch back to ${previous ?? '(none)'}, restore ${flags.path}, restart and verify`);
    plan.push(`append to ${layout.history}${options.phase === 'shadow' ? `; keep the newest ${config.keep_releases} releases` : ''}`);
    for (const line of plan)
        options.log(`would: ${line}`);
    return {
        releaseId: id,
        previousReleaseId: previous,
        status: 'dry-run',
        steps: steps.records,
        logLines: [],
        plan,
    };
}
/** Restart and verification as one step; a failed verification is a failed step, not a throw. */
async function verifyStep(target, options, steps) {
    const { config } = options;
    const started = Date.now();
    let outcome;
    try {
        outcome = await (0,verify/* restartAndVerify */.GU)(target, config, {
            expect: true,
            log: options.log,
            pollMs: options.pollMs,
        });
    }
    catch (error) {
        outcome = { ok: false, reason: error instanceof Error ? error.message : String(error), lines: [] };
    }
    const expect = config.verify.expect.map((p) => JSON.stringify(p)).join(', ');
    steps.add('verify', outcome.ok ? 'pass' : 'fail', Date.now() - started, outcome.ok
        ? `service active; the log shows ${expect || 'no failure pattern'}`
        : (outcome.reason ?? 'failed'));
    return outcome;
}
async function bestEffort(log, action) {
    try {
        await action();
    }
    catch (error) {
        log(`warning: ${error instanceof Error ? error.message : String(error)}`);
    }
}


/***/ }),

/***/ 1564:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IM: () => (/* binding */ applyFlags),
/* harmony export */   Jv: () => (/* binding */ describeFlags)
/* harmony export */ });
/* unused harmony exports parseValue, formatValue */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3828);
/**
 * Idempotent editing of a `.env`-style flags file, replacing the seed's
 * `echo 'ML_ENABLE_STACKING=1' >> .env` (which appends a duplicate on every run). For each
 * flag: the first `KEY=...` line is replaced in place (an `export ` prefix is kept), later
 * `KEY=...` lines are removed, and a missing key is appended. Comments (including a
 * commented-out `# KEY=...`), blank lines and other keys are kept byte for byte, and a file
 * that already holds the values is returned unchanged, so running twice changes nothing.
 */

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ASSIGNMENT = /^(\s*)(export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/;
const PLAIN_VALUE = /^[A-Za-z0-9_./:@%+,-]*$/;
/** Applies `flags` to the text of a flags file. Keys and values are validated first. */
function applyFlags(text, flags) {
    for (const [key, value] of Object.entries(flags)) {
        if (!KEY.test(key))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelgateError */ .HJ(`flag name "${key}" is not an environment variable name (letters, digits, "_")`, 'config');
        if (/[\n\r\0]/.test(value))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelgateError */ .HJ(`flag ${key}: the value contains a newline or NUL byte, which a flags file cannot hold on one line`, 'config');
    }
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const lines = text === '' ? [] : text.split(/\r?\n/);
    // A trailing newline leaves an empty last element: remember it and put it back.
    const endsWithNewline = lines.length > 0 && lines[lines.length - 1] === '';
    if (endsWithNewline)
        lines.pop();
    const seen = new Map();
    const out = [];
    let changed = false;
    for (const line of lines) {
        const m = ASSIGNMENT.exec(line);
        const key = m?.[3];
        if (!m || key === undefined || !Object.hasOwn(flags, key)) {
            out.push(line);
            continue;
        }
        const wanted = flags[key];
        const existing = seen.get(key);
        if (existing) {
            existing.duplicatesRemoved++;
            changed = true;
            continue;
        }
        const current = parseValue(m[4] ?? '');
        const change = { key, from: current, to: wanted, duplicatesRemoved: 0 };
        seen.set(key, change);
        if (current === wanted)
            out.push(line);
        else {
            out.push(`${m[1] ?? ''}${m[2] ?? ''}${key}=${formatValue(wanted)}`);
            changed = true;
        }
    }
    const missing = Object.keys(flags).filter((k) => !seen.has(k));
    for (const key of missing) {
        const to = flags[key];
        out.push(`${key}=${formatValue(to)}`);
        seen.set(key, { key, from: undefined, to, duplicatesRemoved: 0 });
        changed = true;
    }
    if (!changed)
        return { text, changed: false, changes: [] };
    const changes = [...seen.values()].filter((c) => c.from !== c.to || c.duplicatesRemoved > 0);
    return { text: out.join(eol) + (out.length > 0 ? eol : ''), changed: true, changes };
}
/** The value a reader of the file sees (systemd EnvironmentFile, python-dotenv, sh `.`). */
function parseValue(raw) {
    const v = raw.trim();
    if (v.length >= 2 && v.startsWith("'") && v.endsWith("'"))
        return v.slice(1, -1);
    if (v.length >= 2 && v.startsWith('"') && v.endsWith('"'))
        return v.slice(1, -1).replace(/\\(["\\$`])/g, '$1');
    // An inline comment after an unquoted value (`KEY=1  # live`).
    const hash = v.search(/\s#/);
    return hash >= 0 ? v.slice(0, hash).trimEnd() : v;
}
/** Writes a value so every common reader gets it back literally. */
function formatValue(value) {
    if (PLAIN_VALUE.test(value))
        return value;
    if (!value.includes("'"))
        return `'${value}'`;
    return `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
}
/** `KEY=value, KEY2=value` for messages. */
function describeFlags(flags) {
    const entries = Object.entries(flags);
    return entries.length === 0 ? '(none configured)' : entries.map(([k, v]) => `${k}=${v}`).join(', ');
}


/***/ }),

/***/ 9331:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OJ: () => (/* binding */ HASH_FUNCTION),
/* harmony export */   cs: () => (/* binding */ NO_HASH_TOOL),
/* harmony export */   qY: () => (/* binding */ remoteSha256)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _bundle_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2015);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3828);
/* harmony import */ var _remote_quote_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7542);
/**
 * sha256 on the target with whatever it has: `sha256sum` (GNU, BusyBox), `shasum -a 256`
 * (macOS, Perl), `openssl dgst -sha256`. With none of them the caller falls back to reading
 * the file back and hashing it here.
 */






/** Exit code the scripts use when no hash tool exists on the target. */
const NO_HASH_TOOL = 90;
/** Defines `h`, which hashes stdin and prints `<hex> ...`. */
const HASH_FUNCTION = [
    'h() {',
    '  if command -v sha256sum >/dev/null 2>&1; then sha256sum',
    '  elif command -v shasum >/dev/null 2>&1; then shasum -a 256',
    '  elif command -v openssl >/dev/null 2>&1; then openssl dgst -sha256 -r',
    `  else return ${NO_HASH_TOOL}; fi`,
    '}',
].join('\n');
/** sha256 of a remote file, or of its first `bytes` bytes. */
async function remoteSha256(target, file, bytes) {
    const source = bytes === undefined ? (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_5__.sh) `h < ${file}` : (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_5__.sh) `head -c ${bytes} < ${file} | h`;
    const script = `${HASH_FUNCTION}\n${(0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_5__.sh) `[ -f ${file} ] || { echo "no such file: "${file} >&2; exit 3; }`}\ncommand -v sha256sum >/dev/null 2>&1 || command -v shasum >/dev/null 2>&1 || command -v openssl >/dev/null 2>&1 || exit ${NO_HASH_TOOL}\n${source}`;
    const result = await target.exec(script);
    const match = /^([0-9a-f]{64})\b/.exec(result.stdout.trim());
    if (result.code === 0 && match)
        return { sha256: match[1], via: 'target' };
    if (result.code !== NO_HASH_TOOL)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ModelgateError */ .HJ(`${target.description}: hashing ${file} failed (exit ${result.code}): ${(result.stderr || result.stdout).trim().slice(0, 300)}`, 'remote');
    return { sha256: await readBackSha256(target, file, bytes), via: 'read-back' };
}
async function readBackSha256(target, file, bytes) {
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_2__.join(node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir(), 'modelgate-readback-'));
    try {
        const local = node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, 'file');
        await target.transport.download(file, local);
        return await (0,_bundle_files_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256File */ .Q3)(local, bytes);
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
    }
}


/***/ }),

/***/ 3019:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lu: () => (/* binding */ readHistory),
/* harmony export */   b8: () => (/* binding */ appendHistory),
/* harmony export */   te: () => (/* binding */ previousOf)
/* harmony export */ });
/* unused harmony export historyEntrySchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
/* harmony import */ var _remote_quote_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7542);
/**
 * `<path>/.modelgate/history.jsonl`: one JSON object a line for every deploy, promote and
 * rollback, with its outcome. It is appended under the lock, so lines never interleave, and
 * it is how rollback finds "the previous release". Lines that do not parse (a hand edit) are
 * skipped with a warning, never fatal.
 */


const historyEntrySchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    previous: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    action: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['deploy', 'promote', 'rollback']),
    phase: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    level: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    time: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    actor: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    run_id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    /** deployed | promoted | rolled-back | unchanged | failed | interrupted */
    result: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    reason: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
});
/** Appends one entry; with `finished`, also removes the pending record in the same command. */
async function appendHistory(target, entry, options = {}) {
    const { layout } = target;
    const line = `${JSON.stringify(entry)}\n`;
    const command = (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_0__.sh) `mkdir -p -- ${layout.state} && cat >> ${layout.history}`;
    await target.run(`appending to ${layout.history}`, options.finished ? `${command}${(0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_0__.sh) ` && rm -f -- ${layout.pending}`}` : command, { stdin: line });
}
/** Reads the newest `limit` entries, oldest first. */
async function readHistory(target, warn = () => { }, limit = 5000) {
    const { layout } = target;
    const result = await target.run(`reading ${layout.history}`, (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_0__.sh) `if [ -f ${layout.history} ]; then tail -n ${limit} -- ${layout.history}; fi`);
    const entries = [];
    result.stdout.split('\n').forEach((line, i) => {
        if (line.trim() === '')
            return;
        let value;
        try {
            value = JSON.parse(line);
        }
        catch {
            warn(`${layout.history}: line ${i + 1} of the last ${limit} is not JSON; ignored`);
            return;
        }
        const parsed = historyEntrySchema.safeParse(value);
        if (parsed.success)
            entries.push(parsed.data);
        else
            warn(`${layout.history}: line ${i + 1} of the last ${limit} is not a history entry; ignored`);
    });
    return entries;
}
/**
 * The release that was live before `id` was last deployed: what "roll back to the previous
 * release" means. Taken from the newest successful (or interrupted) deploy of `id`, or when
 * `id` is undefined, of the newest deploy of any release.
 */
function previousOf(entries, id) {
    for (let i = entries.length - 1; i >= 0; i--) {
        const e = entries[i];
        if (e.action !== 'deploy' || e.result !== 'deployed')
            continue;
        if (id === undefined || e.id === id)
            return e.previous;
    }
    return undefined;
}


/***/ }),

/***/ 6296:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ acquireLock)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8816);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3828);
/* harmony import */ var _remote_quote_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7542);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9206);
/**
 * One deployment at a time on a target: `<path>/.modelgate/lock`. The holder (who, which
 * run, which action, since when) is written to a private temporary file which is then
 * hard-linked to the lock name; `ln` fails when the name exists, so the create is atomic on
 * every POSIX file system, and the lock is never seen half-written. A second deploy or
 * rollback waits (polling) up to the lock timeout and then fails naming the holder. A lock
 * older than `stale_lock` is left behind by a run that died (runner killed, machine lost):
 * it is moved aside, checked to be the same lock that was judged stale, and removed.
 */






const holderSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    actor: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
    run_id: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
    action: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
    host: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
    pid: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig(),
    time: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
    token: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
});
async function acquireLock(target, request) {
    const { layout } = target;
    const holder = {
        actor: request.actor,
        run_id: request.runId,
        action: request.action,
        host: node_os__WEBPACK_IMPORTED_MODULE_1__.hostname(),
        pid: process.pid,
        time: new Date().toISOString(),
        token: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(12).toString('hex'),
    };
    const content = `${JSON.stringify(holder)}\n`;
    const started = Date.now();
    let delay = request.pollMs ?? 500;
    let lastReported = 0;
    for (;;) {
        const seen = await tryAcquire(target, content, holder.token);
        if (seen.state === 'acquired') {
            if (lastReported)
                request.log(`lock acquired after waiting ${Math.round((Date.now() - started) / 1000)} s`);
            return {
                holder,
                release: async () => {
                    await target.withRecovery(() => target.run('releasing the lock', (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_3__.sh) `if grep -qF -- ${holder.token} ${layout.lock} 2>/dev/null; then rm -f -- ${layout.lock}; fi`));
                },
            };
        }
        if (seen.state === 'vanished')
            continue;
        const age = seen.ageSeconds ?? 0;
        if (age * 1000 > request.staleMs) {
            request.log(`the lock ${layout.lock} is ${age} s old (stale after ${Math.round(request.staleMs / 1000)} s): ${describeHolder(seen)}; removing it`);
            await breakStale(target, seen.raw ?? '');
            continue;
        }
        const waited = Date.now() - started;
        if (waited >= request.timeoutMs) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelgateError */ .HJ(`${layout.lock} is held by ${describeHolder(seen)}, ${age} s ago; gave up after waiting ${Math.round(waited / 1000)} s (deploy.lock_timeout). ` +
                `Wait for that run to finish and retry; if it is certainly no longer running, remove the lock file (it is treated as stale after deploy.stale_lock)`, 'remote');
        }
        if (lastReported === 0 || Date.now() - lastReported > 30_000) {
            request.log(`waiting for the lock: held by ${describeHolder(seen)}`);
            lastReported = Date.now();
        }
        await (0,_target_js__WEBPACK_IMPORTED_MODULE_4__/* .sleep */ .yy)(Math.min(delay, Math.max(0, request.timeoutMs - waited)));
        delay = Math.min(delay * 1.5, (request.pollMs ?? 500) * 4);
    }
}
async function tryAcquire(target, content, token) {
    const { layout } = target;
    const tmp = `${layout.state}/lock.${token}`;
    const script = (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_3__.sh) `r=${layout.root}; s=${layout.state}; l=${layout.lock}; t=${tmp}
[ -d "$r" ] || { echo "$r does not exist: create the service directory first (deploy.path)" >&2; exit 3; }
[ -d "$s" ] || mkdir -- "$s" 2>/dev/null || [ -d "$s" ] || { echo "cannot create $s: check that deploy.path is writable by the deploy user" >&2; exit 3; }
cat > "$t" || { rm -f -- "$t"; exit 3; }
if ln -- "$t" "$l" 2>/dev/null; then rm -f -- "$t"; echo acquired; exit 0; fi
rm -f -- "$t"
m=$(stat -c %Y -- "$l" 2>/dev/null) || { echo vanished; exit 0; }
echo held; echo "$(( $(date +%s) - m ))"; cat -- "$l" 2>/dev/null`;
    const result = await target.run(`taking the lock ${layout.lock}`, script, { stdin: content });
    const [state, age, ...rest] = result.stdout.split('\n');
    if (state === 'acquired')
        return { state: 'acquired' };
    if (state === 'vanished')
        return { state: 'vanished' };
    if (state !== 'held')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelgateError */ .HJ(`${target.description}: unexpected output while taking the lock: ${result.stdout.slice(0, 200)}`, 'remote');
    const raw = rest.join('\n');
    const parsed = (() => {
        try {
            return holderSchema.safeParse(JSON.parse(raw));
        }
        catch {
            return undefined;
        }
    })();
    return {
        state: 'held',
        ageSeconds: Math.max(0, Number(age) || 0),
        raw,
        holder: parsed?.success ? parsed.data : undefined,
    };
}
/**
 * Moves the stale lock aside and removes it only if it is the lock that was judged stale; a
 * lock taken meanwhile by another run is put back.
 */
async function breakStale(target, judged) {
    const { layout } = target;
    const aside = `${layout.state}/lock.stale-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`;
    const script = (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_3__.sh) `l=${layout.lock}; a=${aside}
mv -- "$l" "$a" 2>/dev/null || exit 0
if [ "$(cat -- "$a")" = "$(cat)" ]; then rm -f -- "$a"; echo removed; else ln -- "$a" "$l" 2>/dev/null; rm -f -- "$a"; echo restored; fi`;
    await target.run('removing a stale lock', script, { stdin: judged.replace(/\n+$/, '') });
}
function describeHolder(seen) {
    const h = seen.holder;
    if (!h)
        return `an unreadable holder (${JSON.stringify((seen.raw ?? '').slice(0, 120))})`;
    return `${h.actor} (run ${h.run_id}, ${h.action}, on ${h.host} pid ${h.pid}, since ${h.time})`;
}


/***/ }),

/***/ 5940:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bE: () => (/* binding */ writePending),
/* harmony export */   js: () => (/* binding */ recoverInterrupted)
/* harmony export */ });
/* unused harmony export clearPending */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8816);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3828);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3019);
/* harmony import */ var _remote_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3991);
/* harmony import */ var _release_dir_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2712);
/* harmony import */ var _remote_quote_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7542);
/**
 * `.modelgate/pending.json`: written before a deploy or promote changes anything live and
 * removed when it has finished (deployed, promoted or rolled back). If the run dies in
 * between (runner killed, connection lost for good), the next deploy or rollback finds it
 * under the lock and puts back what was live before (the release link and the flags file)
 * before doing its own work, so an interruption never leaves the server half-updated.
 */






const pendingSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    run_id: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
    actor: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
    action: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['deploy', 'promote']),
    phase: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
    id: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
    previous: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().nullable(),
    time: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
    flags: zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({ path: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), existed: zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY(), content: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP() }),
});
async function writePending(target, pending) {
    await (0,_remote_files_js__WEBPACK_IMPORTED_MODULE_2__/* .writeRemoteFile */ .KW)(target, target.layout.pending, `${JSON.stringify(pending)}\n`);
}
async function clearPending(target) {
    await (0,_remote_files_js__WEBPACK_IMPORTED_MODULE_2__/* .removeRemoteFile */ .b1)(target, target.layout.pending);
}
/** Restores the state recorded by an interrupted run; true when something was changed. */
async function recoverInterrupted(target, who, log) {
    const { layout } = target;
    const file = await (0,_remote_files_js__WEBPACK_IMPORTED_MODULE_2__/* .readRemoteFile */ .Ve)(target, layout.pending);
    if (!file.exists)
        return false;
    let pending;
    try {
        pending = pendingSchema.parse(JSON.parse(file.content.toString('utf8')));
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelgateError */ .HJ(`${layout.pending} is unreadable: a deploy was interrupted and its record of what to restore is damaged. Check ${layout.models} and the flags file by hand, then remove ${layout.pending}`, 'remote');
    }
    log(`a ${pending.action} of ${pending.id} by ${pending.actor} (run ${pending.run_id}, ${pending.time}) did not finish; restoring what was live before it`);
    const state = await (0,_release_dir_js__WEBPACK_IMPORTED_MODULE_3__/* .modelsState */ .Mf)(target);
    const live = state.kind === 'release' ? state.id : null;
    if (live !== pending.previous) {
        const { releases } = await (0,_release_dir_js__WEBPACK_IMPORTED_MODULE_3__/* .listReleases */ .tH)(target);
        if (pending.previous === null || releases.some((r) => r.id === pending.previous)) {
            await (0,_release_dir_js__WEBPACK_IMPORTED_MODULE_3__/* .switchModels */ .lJ)(target, pending.previous);
            log(`restored ${layout.models} -> ${pending.previous === null ? '(none)' : `releases/${pending.previous}`}`);
        }
        else
            log(`releases/${pending.previous} no longer exists; ${layout.models} left at ${live ?? '(none)'}`);
    }
    if (pending.flags.existed)
        await (0,_remote_files_js__WEBPACK_IMPORTED_MODULE_2__/* .writeRemoteFile */ .KW)(target, pending.flags.path, Buffer.from(pending.flags.content, 'base64'));
    else
        await target.run(`removing ${pending.flags.path}`, (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_4__.sh) `rm -f -- ${pending.flags.path}`);
    log(`restored ${pending.flags.path}`);
    await (0,_history_js__WEBPACK_IMPORTED_MODULE_1__/* .appendHistory */ .b8)(target, {
        id: pending.id,
        previous: pending.previous,
        action: pending.action,
        phase: pending.phase,
        time: new Date().toISOString(),
        actor: who.actor,
        run_id: who.runId,
        result: 'interrupted',
        reason: `run ${pending.run_id} (${pending.actor}) stopped before finishing; restored ${pending.previous ?? 'no release'} and the flags file`,
    });
    await clearPending(target);
    return true;
}


/***/ }),

/***/ 2712:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Al: () => (/* binding */ backupRelease),
/* harmony export */   B3: () => (/* binding */ extractRelease),
/* harmony export */   KN: () => (/* binding */ adoptPlainDirectory),
/* harmony export */   LD: () => (/* binding */ checkManifestPath),
/* harmony export */   Mf: () => (/* binding */ modelsState),
/* harmony export */   R3: () => (/* binding */ prune),
/* harmony export */   lJ: () => (/* binding */ switchModels),
/* harmony export */   tH: () => (/* binding */ listReleases),
/* harmony export */   uE: () => (/* binding */ verifyReleaseDir)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3828);
/* harmony import */ var _remote_quote_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7542);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9331);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9206);
/**
 * Release directories on the target: `releases/<id>/` extracted and verified beside the
 * live one, `<models_dir>` a relative symlink switched by renaming a new link over the old
 * one (rename is atomic: the service sees the old release or the new one, never a mix),
 * archives of what was live in `backup/`, and pruning that never removes the live or the
 * previous release.
 */





async function modelsState(target) {
    const { layout } = target;
    const result = await target.run(`inspecting ${layout.models}`, (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_2__.sh) `m=${layout.models}; if [ -L "$m" ]; then printf 'link\\n%s\\n' "$(readlink -- "$m")"; elif [ -d "$m" ]; then echo directory; elif [ -e "$m" ]; then echo other; else echo absent; fi`);
    const [kind, link] = result.stdout.split('\n');
    if (kind === 'directory')
        return { kind: 'directory' };
    if (kind === 'absent')
        return { kind: 'absent' };
    if (kind === 'other')
        return { kind: 'foreign', detail: `${layout.models} is neither a directory nor a link` };
    const id = releaseIdOfLink(link ?? '', layout.root);
    if (id)
        return { kind: 'release', id };
    return {
        kind: 'foreign',
        detail: `${layout.models} is a link to ${link ?? '?'}, not to ${layout.releases}/<id>`,
    };
}
function releaseIdOfLink(link, root) {
    const rel = link.startsWith(`${root}/`) ? link.slice(root.length + 1) : link.replace(/^(\.\/)+/, '');
    const m = /^releases\/([A-Za-z0-9][A-Za-z0-9._-]*)\/?$/.exec(rel);
    return m && !m[1]?.includes('..') ? m[1] : undefined;
}
/** Release directories, newest (most recently made live) first; `.tmp-` leftovers separately. */
async function listReleases(target) {
    const { layout } = target;
    const result = await target.run(`listing ${layout.releases}`, (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_2__.sh) `d=${layout.releases}; [ -d "$d" ] || exit 0; cd -- "$d" || exit 3
for x in *; do if [ -d "$x" ] && [ ! -L "$x" ]; then printf '%s %s\\n' "$(stat -c %Y -- "$x")" "$x"; fi; done`);
    const releases = [];
    const leftovers = [];
    for (const line of result.stdout.split('\n')) {
        const m = /^(\d+) (.+)$/.exec(line);
        if (!m)
            continue;
        const name = m[2];
        if (name.includes('.tmp-'))
            leftovers.push(name);
        else if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name))
            releases.push({ id: name, mtime: Number(m[1]) });
    }
    releases.sort((a, b) => b.mtime - a.mtime || (a.id < b.id ? 1 : -1));
    return { releases, leftovers };
}
/**
 * Checks a directory on the target against the manifest: every listed file present, a
 * regular file, with the listed sha256 (or size, when the target has no hash tool); nothing
 * else there except the bundle's own `manifest.json`; no links or devices.
 */
async function verifyReleaseDir(target, dir, manifest) {
    const paths = manifest.files.map((f) => checkManifestPath(f.path));
    const script = (mode) => `${_hash_js__WEBPACK_IMPORTED_MODULE_3__/* .HASH_FUNCTION */ .OJ}\n${(0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_2__.sh) `cd -- ${dir} || exit 3`}
while IFS= read -r p; do
  if [ -f "$p" ] && [ ! -L "$p" ]; then ${mode === 'hash' ? `x=$(h < "$p") || exit ${_hash_js__WEBPACK_IMPORTED_MODULE_3__/* .NO_HASH_TOOL */ .cs}; printf 'file %s %s\\n' "\${x%% *}" "$p"` : `printf 'file %s %s\\n' "$(wc -c < "$p" | tr -d ' ')" "$p"`}
  else printf 'missing - %s\\n' "$p"; fi
done
find . ! -type d -print | sed 's/^/entry /'
find . ! -type d ! -type f -print | sed 's/^/special /'`;
    let mode = 'hash';
    let result = await target.exec(script(mode), { stdin: paths.join('\n') + '\n' });
    if (result.code === _hash_js__WEBPACK_IMPORTED_MODULE_3__/* .NO_HASH_TOOL */ .cs) {
        mode = 'size';
        result = await target.exec(script(mode), { stdin: paths.join('\n') + '\n' });
    }
    if (result.code !== 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelgateError */ .HJ(`${target.description}: checking ${dir} failed (exit ${result.code}): ${result.stderr.trim().slice(0, 300)}`, 'remote');
    const expected = new Map(manifest.files.map((f) => [f.path, f]));
    const problems = [];
    const present = new Set();
    for (const line of result.stdout.split('\n')) {
        const space = line.indexOf(' ');
        const kind = line.slice(0, space);
        const rest = line.slice(space + 1);
        if (kind === 'file' || kind === 'missing') {
            const second = rest.indexOf(' ');
            const value = rest.slice(0, second);
            const name = rest.slice(second + 1);
            if (kind === 'missing') {
                problems.push(`${name}: missing (or not a regular file)`);
                continue;
            }
            const want = expected.get(name);
            if (!want)
                continue;
            const got = mode === 'hash' ? value : Number(value);
            const wanted = mode === 'hash' ? want.sha256 : want.size;
            if (got !== wanted)
                problems.push(`${name}: ${mode === 'hash' ? 'sha256' : 'size'} ${String(got)} differs from the manifest's ${String(wanted)}`);
        }
        else if (kind === 'special')
            problems.push(`${rest.replace(/^\.\//, '')}: a link or special file, which a release must not contain`);
        else if (kind === 'entry')
            present.add(rest.replace(/^\.\//, ''));
    }
    for (const name of present)
        if (!expected.has(name) && name !== 'manifest.json')
            problems.push(`${name}: not listed in the manifest`);
    return { ok: problems.length === 0, problems, checkedBy: mode === 'hash' ? 'sha256' : 'size' };
}
/** Manifest paths become shell-read lines and file names on the target: keep them plain. */
function checkManifestPath(p) {
    if (/[\n\r\0\\]/.test(p) ||
        p.startsWith('/') ||
        p.split('/').some((s) => s === '..' || s === '' || s === '.'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelgateError */ .HJ(`manifest file path ${JSON.stringify(p)} is not a plain relative path; regenerate the manifest with modelgate package`, 'input');
    return p;
}
/**
 * Extracts a verified tarball into `releases/<id>.tmp-<rand>`, checks it against the
 * manifest, and renames it to `releases/<id>`. A failed check removes the temporary
 * directory and throws; nothing live is touched.
 */
async function extractRelease(target, tarball, manifest) {
    const { layout } = target;
    const id = (0,_target_js__WEBPACK_IMPORTED_MODULE_4__/* .checkReleaseId */ .ZG)(manifest.id);
    const tmp = `${layout.releases}/${id}.tmp-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`;
    const final = `${layout.releases}/${id}`;
    await target.run(`extracting ${tarball} into ${tmp}`, (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_2__.sh) `mkdir -p -- ${layout.releases} && rm -rf -- ${layout.releases}/*.tmp-* && mkdir -- ${tmp} && tar -xzf ${tarball} -C ${tmp} --no-same-owner --no-same-permissions`);
    const outcome = await verifyReleaseDir(target, tmp, manifest);
    if (!outcome.ok) {
        await target.exec((0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_2__.sh) `rm -rf -- ${tmp}`);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelgateError */ .HJ(`${target.description}: the extracted release ${id} does not match its manifest: ${outcome.problems.slice(0, 10).join('; ')}${outcome.problems.length > 10 ? `; and ${outcome.problems.length - 10} more` : ''}. Nothing live was changed`, 'check');
    }
    await target.run(`moving ${tmp} to ${final}`, (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_2__.sh) `rm -rf -- ${final} && mv -T -- ${tmp} ${final} && touch -- ${final}`);
    return { checkedBy: outcome.checkedBy };
}
/**
 * Points `<models_dir>` at `releases/<id>` (or removes the link when `id` is null, which
 * restores a server that had no models before the first deploy). The new link is made
 * beside the old one and renamed over it.
 */
async function switchModels(target, id) {
    const { layout } = target;
    if (id === null) {
        await target.run(`removing the link ${layout.models}`, (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_2__.sh) `if [ -L ${layout.models} ]; then rm -f -- ${layout.models}; fi`);
        return;
    }
    (0,_target_js__WEBPACK_IMPORTED_MODULE_4__/* .checkReleaseId */ .ZG)(id);
    const next = `${layout.models}.modelgate-new`;
    await target.run(`switching ${layout.models} to releases/${id}`, (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_2__.sh) `[ -d ${`${layout.releases}/${id}`} ] || { echo "release directory releases/"${id}" is missing" >&2; exit 3; }
rm -f -- ${next} && ln -s -- ${`releases/${id}`} ${next} && mv -Tf -- ${next} ${layout.models} && touch -- ${`${layout.releases}/${id}`}
[ "$(readlink -- ${layout.models})" = ${`releases/${id}`} ]`);
}
/**
 * First deploy onto a hand-made server: the plain `<models_dir>` directory becomes
 * `releases/<id>` and a link takes its place, so the pre-modelgate models can be rolled back
 * to. The directory is absent only between the two renames.
 */
async function adoptPlainDirectory(target, id) {
    const { layout } = target;
    (0,_target_js__WEBPACK_IMPORTED_MODULE_4__/* .checkReleaseId */ .ZG)(id);
    const next = `${layout.models}.modelgate-new`;
    await target.run(`moving ${layout.models} into releases/${id}`, (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_2__.sh) `mkdir -p -- ${layout.releases} && [ ! -e ${`${layout.releases}/${id}`} ] && rm -f -- ${next} && ln -s -- ${`releases/${id}`} ${next} && mv -T -- ${layout.models} ${`${layout.releases}/${id}`} && mv -Tf -- ${next} ${layout.models}`);
}
/**
 * Archives `releases/<id>` into `backup/<id>.tar.gz` (once: releases never change) and points
 * the seed's `backup/macd_models_backup.tar.gz` at it. A real file under the seed's name (a
 * manual backup) is kept under a dated name rather than replaced.
 */
async function backupRelease(target, id) {
    const { layout } = target;
    (0,_target_js__WEBPACK_IMPORTED_MODULE_4__/* .checkReleaseId */ .ZG)(id);
    const archive = `${layout.backup}/${id}.tar.gz`;
    const seed = `${layout.backup}/${_target_js__WEBPACK_IMPORTED_MODULE_4__/* .SEED_BACKUP */ .n2}`;
    const keep = `${layout.backup}/${_target_js__WEBPACK_IMPORTED_MODULE_4__/* .SEED_BACKUP */ .n2.replace(/\.tar\.gz$/, '')}.pre-modelgate-${(0,_target_js__WEBPACK_IMPORTED_MODULE_4__/* .stamp */ .iE)()}.tar.gz`;
    const next = `${layout.backup}/.${_target_js__WEBPACK_IMPORTED_MODULE_4__/* .SEED_BACKUP */ .n2}.modelgate-new`;
    await target.run(`backing up releases/${id}`, (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_2__.sh) `a=${archive}; mkdir -p -- ${layout.backup} || exit 1
if [ ! -s "$a" ]; then tar -czf "$a.tmp" -C ${`${layout.releases}/${id}`} . && sync -- "$a.tmp" 2>/dev/null; mv -f -- "$a.tmp" "$a" || { rm -f -- "$a.tmp"; exit 1; }; fi
if [ -e ${seed} ] && [ ! -L ${seed} ]; then mv -- ${seed} ${keep} || exit 1; fi
rm -f -- ${next} && ln -s -- ${`${id}.tar.gz`} ${next} && mv -Tf -- ${next} ${seed}`);
    return archive;
}
/** Removes release directories and backups beyond `keep`, never touching `protect`. */
async function prune(target, keep, protect) {
    const { layout } = target;
    const { releases, leftovers } = await listReleases(target);
    // Backups: our own `<id>.tar.gz` archives, newest `keep` kept; the seed name's target and
    // any manual backup (macd_models_backup.*) are never removed.
    const listing = await target.run('listing backups', (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_2__.sh) `d=${layout.backup}; [ -d "$d" ] || exit 0; cd -- "$d" || exit 3; printf 'seed %s\\n' "$(readlink -- ${_target_js__WEBPACK_IMPORTED_MODULE_4__/* .SEED_BACKUP */ .n2} 2>/dev/null)"
for x in *.tar.gz; do if [ -f "$x" ] && [ ! -L "$x" ]; then printf '%s %s\\n' "$(stat -c %Y -- "$x")" "$x"; fi; done`);
    let seedTarget = '';
    const archives = [];
    const seedPrefix = _target_js__WEBPACK_IMPORTED_MODULE_4__/* .SEED_BACKUP */ .n2.replace(/\.tar\.gz$/, '');
    for (const line of listing.stdout.split('\n')) {
        if (line.startsWith('seed '))
            seedTarget = line.slice(5);
        const m = /^(\d+) (.+\.tar\.gz)$/.exec(line);
        if (m && !m[2]?.startsWith(seedPrefix))
            archives.push({ name: m[2], mtime: Number(m[1]) });
    }
    // mtime has one-second resolution: archives made within the same second go by name, as
    // releases do (release ids end in their timestamp).
    archives.sort((a, b) => b.mtime - a.mtime || (a.name < b.name ? 1 : -1));
    const doomed = releases.filter((r, i) => i >= keep && !protect.has(r.id)).map((r) => r.id);
    const oldArchives = archives
        .filter((a, i) => i >= keep && a.name !== seedTarget && !protect.has(a.name.replace(/\.tar\.gz$/, '')))
        .map((a) => a.name);
    const paths = [
        ...[...doomed, ...leftovers].map((name) => `${layout.releases}/${name}`),
        ...oldArchives.map((name) => `${layout.backup}/${name}`),
    ];
    if (paths.length > 0)
        await target.run('removing old releases and backups', (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_2__.sh) `rm -rf -- ${paths}`);
    return [...doomed, ...oldArchives.map((a) => `backup/${a}`)];
}


/***/ }),

/***/ 3991:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KW: () => (/* binding */ writeRemoteFile),
/* harmony export */   Ve: () => (/* binding */ readRemoteFile),
/* harmony export */   b1: () => (/* binding */ removeRemoteFile)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3828);
/* harmony import */ var _remote_quote_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7542);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9206);
/**
 * Small files on the target (the flags file, the ML config, the pending record): read byte
 * for byte, written whole to a temporary file beside the original, fsynced and renamed over
 * it, so a reader (the service starting up) sees the old file or the new one, never half.
 */



const MAX_EDITABLE = 4 * 1024 * 1024;
/** Reads a small file (base64 over the command channel keeps the bytes exact). */
async function readRemoteFile(target, file) {
    const script = (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_1__.sh) `f=${file}
if [ -L "$f" ]; then f=$(readlink -f -- "$f") || exit 3; fi
if [ -e "$f" ]; then
  [ -f "$f" ] || { echo "$f is not a regular file" >&2; exit 4; }
  n=$(wc -c < "$f") || exit 5
  [ "$n" -le ${MAX_EDITABLE} ] || { echo "$f is larger than ${MAX_EDITABLE} bytes" >&2; exit 6; }
  printf 'present %s\\n' "$f"; base64 < "$f" || exit 7
else
  printf 'absent %s\\n' "$f"
fi`;
    const result = await target.run(`reading ${file}`, script);
    const newline = result.stdout.indexOf('\n');
    const head = result.stdout.slice(0, newline < 0 ? undefined : newline);
    const match = /^(present|absent) (.+)$/.exec(head);
    if (!match)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelgateError */ .HJ(`${target.description}: unexpected output while reading ${file}: ${head.slice(0, 200)}`, 'remote');
    const exists = match[1] === 'present';
    return {
        path: match[2] ?? file,
        exists,
        content: exists
            ? Buffer.from(result.stdout.slice(newline + 1).replace(/\s+/g, ''), 'base64')
            : Buffer.alloc(0),
    };
}
/**
 * Replaces `file` with `content`: written to `<file>.modelgate-tmp`, given the original's mode
 * and owner, fsynced, renamed over the original, and the directory fsynced.
 */
async function writeRemoteFile(target, file, content) {
    const tmp = `${file}.modelgate-tmp`;
    const dir = file.slice(0, file.lastIndexOf('/')) || '/';
    const script = (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_1__.sh) `f=${file}; t=${tmp}
cat > "$t" || { rm -f -- "$t"; exit 1; }
if [ -e "$f" ]; then chmod --reference="$f" -- "$t" 2>/dev/null; chown --reference="$f" -- "$t" 2>/dev/null; fi
sync -- "$t" 2>/dev/null || sync
mv -f -- "$t" "$f" || { rm -f -- "$t"; exit 1; }
sync -- ${dir} 2>/dev/null || true`;
    await target.run(`writing ${file}`, script, {
        stdin: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    });
}
/** Removes a file; absent is fine. */
async function removeRemoteFile(target, file) {
    await target.run(`removing ${file}`, (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_1__.sh) `rm -f -- ${file}`);
}


/***/ }),

/***/ 9206:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q2: () => (/* binding */ layoutFor),
/* harmony export */   RT: () => (/* binding */ tail),
/* harmony export */   We: () => (/* binding */ Target),
/* harmony export */   ZG: () => (/* binding */ checkReleaseId),
/* harmony export */   gj: () => (/* binding */ Steps),
/* harmony export */   iE: () => (/* binding */ stamp),
/* harmony export */   md: () => (/* binding */ inRoot),
/* harmony export */   n2: () => (/* binding */ SEED_BACKUP),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/* unused harmony export CommandFailed */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3828);
/* harmony import */ var _remote_quote_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7542);
/**
 * The server layout (design.md, "On the server") and the one way deploy and rollback talk to
 * it: shell commands through a Transport, every value quoted. A non-zero exit becomes a
 * ModelgateError naming the target, what was being done and what the command printed.
 */



/** The seed's backup name; kept pointing at the newest archive so the manual runbook still works. */
const SEED_BACKUP = 'macd_models_backup.tar.gz';
function layoutFor(config) {
    const root = (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_2__/* .checkRemotePath */ .MA)(config.path, 'deploy.path');
    if (!root.startsWith('/'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelgateError */ .HJ(`deploy.path "${root}" is not absolute; give the service directory as an absolute path, e.g. /opt/macd-analysis`, 'config');
    const clean = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(root).replace(/\/+$/, '') || '/';
    if (clean === '/')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelgateError */ .HJ('deploy.path is "/": give the service directory, e.g. /opt/macd-analysis', 'config');
    const state = `${clean}/.modelgate`;
    return {
        root: clean,
        modelsName: config.models_dir,
        models: `${clean}/${config.models_dir}`,
        releases: `${clean}/releases`,
        state,
        incoming: `${state}/incoming`,
        lock: `${state}/lock`,
        history: `${state}/history.jsonl`,
        pending: `${state}/pending.json`,
        backup: `${clean}/backup`,
        flagsFile: (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_2__/* .checkRemotePath */ .MA)(node_path__WEBPACK_IMPORTED_MODULE_0__.posix.resolve(clean, config.flags.file), 'deploy.flags.file'),
    };
}
/** Release ids come from manifests (validated there); this keeps them one safe path segment. */
function checkReleaseId(id, what = 'release id') {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id) || id.includes('..') || id.includes('.tmp-'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelgateError */ .HJ(`${what} "${id}" is not a valid release id (letters, digits, ".", "_", "-"; no "..")`, 'input');
    return id;
}
/** A command that ran on the target and exited non-zero (as opposed to a transport failure). */
class CommandFailed extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelgateError */ .HJ {
    result;
    constructor(message, result) {
        super(message, 'remote');
        this.result = result;
        this.name = 'CommandFailed';
    }
}
class Target {
    layout;
    reconnect;
    current;
    constructor(transport, layout, reconnect) {
        this.layout = layout;
        this.reconnect = reconnect;
        this.current = transport;
    }
    get transport() {
        return this.current;
    }
    get description() {
        return this.current.description;
    }
    /** Runs a command; the exit code is the caller's to judge. */
    exec(command, options) {
        return this.current.exec(command, options);
    }
    /** Runs a command and throws when it exits non-zero. `doing` reads "while <doing>". */
    async run(doing, command, options) {
        const result = await this.current.exec(command, options);
        if (result.code !== 0)
            throw new CommandFailed(`${this.description}: ${doing} failed (exit ${result.code})${tail(result)}`, result);
        return result;
    }
    /**
     * For clean-up after a transport failure (a cut connection): runs `action` and, when it
     * throws and a reconnect function was given, once more on a fresh connection. Only for
     * idempotent actions: the first attempt may have run on the server before the cut.
     */
    async withRecovery(action) {
        try {
            return await action();
        }
        catch (error) {
            // A command that ran and failed says nothing about the connection; anything else may.
            if (!this.reconnect ||
                error instanceof CommandFailed ||
                (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelgateError */ .HJ && error.kind !== 'remote'))
                throw error;
            const fresh = await this.reconnect();
            const old = this.current;
            this.current = fresh;
            await old.close().catch(() => undefined);
            return action();
        }
    }
}
/** The last lines a failed command printed, for the error message. */
function tail(result, lines = 8) {
    const text = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-lines).join('\n');
    return text ? `: ${text}` : '';
}
/**
 * A configured command (restart, is_active, logs), run in deploy.path. It is shell text by
 * design (the config's author writes it); it goes on a line of its own so that a trailing
 * comment or a multi-line value cannot swallow or escape the text around it.
 */
function inRoot(layout, command) {
    return `${(0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_2__.sh) `cd -- ${layout.root} || exit 1`}\n${command}\n`;
}
/** Times steps and logs one line per step, for the summary and the run log. */
class Steps {
    log;
    records = [];
    constructor(log) {
        this.log = log;
    }
    async run(name, action) {
        const started = Date.now();
        try {
            const { value, message } = await action();
            this.add(name, 'pass', Date.now() - started, message);
            return value;
        }
        catch (error) {
            this.add(name, 'fail', Date.now() - started, error instanceof Error ? error.message : String(error));
            throw error;
        }
    }
    add(name, status, ms, message) {
        this.records.push({ name, status, ms, message });
        this.log(`${status === 'pass' ? '✓' : status === 'fail' ? '✗' : '-'} ${name}: ${message}${status === 'skip' ? '' : ` (${ms} ms)`}`);
    }
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
/** `YYYYMMDD_HHMMSS` in UTC, the seed's timestamp form. */
function stamp(date = new Date()) {
    return date.toISOString().replace(/[-:]/g, '').replace('T', '_').slice(0, 15);
}


/***/ }),

/***/ 178:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GU: () => (/* binding */ restartAndVerify)
/* harmony export */ });
/* unused harmony exports logSource, dropOverlap */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4259);
/* harmony import */ var _remote_quote_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7542);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9206);
/**
 * Restart and verification. The restart is the configured command (run in deploy.path);
 * verification polls until, within `verify.timeout`, the is-active command succeeds and the
 * log written since the restart contains every `expect` pattern, and fails at once when a
 * `fail` pattern appears. Patterns are plain, case-sensitive substrings of a log line.
 *
 * The log since the restart comes from `deploy.log_file` (read from its size before the
 * restart; a file that shrank was rotated and is read from the start) or from the
 * `deploy.logs` command, where `{since}` is replaced by the restart's unix time on the
 * target (so `journalctl --since @{since}` gets journalctl's own `@<seconds>` form). A
 * `deploy.logs` value without spaces or `{since}` is taken as a file, like `log_file`.
 */




const MAX_LOG_BYTES = 4 * 1024 * 1024;
function logSource(config, root) {
    if (config.log_file)
        return { kind: 'file', file: node_path__WEBPACK_IMPORTED_MODULE_0__.posix.resolve(root, config.log_file) };
    const logs = config.logs;
    if (!logs)
        return { kind: 'none' };
    if (!/\s/.test(logs) && !logs.includes('{since}'))
        return { kind: 'file', file: node_path__WEBPACK_IMPORTED_MODULE_0__.posix.resolve(root, logs) };
    return { kind: 'command', command: logs };
}
/** Restarts the service and verifies it; never throws for a failed verification. */
async function restartAndVerify(target, config, options) {
    const { layout } = target;
    const source = logSource(config, layout.root);
    const expect = options.expect ? config.verify.expect : [];
    if (expect.length > 0 && source.kind === 'none')
        return {
            ok: false,
            reason: 'deploy.verify.expect lists patterns but neither deploy.logs nor deploy.log_file says where the log is',
            lines: [],
        };
    // Where the log stands before the restart.
    const mark = await target.run('reading the log position', source.kind === 'file'
        ? (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_2__.sh) `if [ -f ${source.file} ]; then wc -c < ${source.file}; else echo 0; fi`
        : 'date +%s');
    const position = Number(mark.stdout.trim()) || 0;
    // A log command filters by whole seconds: lines written in the second before the restart
    // (an earlier attempt's traceback, say) come back too. What it prints before the restart
    // is that overlap, and is dropped from what it prints afterwards.
    const baseline = source.kind === 'command' ? (await poll(target, config, source, position)).text : '';
    const restart = await target.exec((0,_target_js__WEBPACK_IMPORTED_MODULE_3__/* .inRoot */ .md)(layout, config.restart));
    if (restart.code !== 0)
        return {
            ok: false,
            reason: `the restart command (deploy.restart: ${config.restart}) failed (exit ${restart.code})${(0,_target_js__WEBPACK_IMPORTED_MODULE_3__/* .tail */ .RT)(restart)}`,
            lines: [],
        };
    options.log(`restarted: ${config.restart}`);
    const deadline = Date.now() + (0,_config_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .durationSeconds */ .o8)(config.verify.timeout) * 1000;
    const pollMs = options.pollMs ?? 500;
    let activeOk = false;
    let lastActive = '';
    let settled = false;
    let logProblem;
    for (;;) {
        const { text, problem, activeCode, activeLine } = await poll(target, config, source, position);
        logProblem = problem;
        const lines = dropOverlap(baseline, text);
        const failing = lines.find((line) => config.verify.fail.some((p) => line.includes(p)));
        if (failing !== undefined) {
            const index = lines.indexOf(failing);
            const context = lines.slice(index, index + 6).filter((l) => l.trim() !== '');
            return { ok: false, reason: `the service log shows a failure: ${failing.trim()}`, lines: context };
        }
        const matched = expect.map((p) => lines.find((line) => line.includes(p)));
        activeOk = activeCode === 0;
        lastActive = `exit ${activeCode}${activeLine ? `: ${activeLine}` : ''}`;
        const allSeen = matched.every((m) => m !== undefined);
        if (activeOk && allSeen) {
            // Seen once is not enough: a service that loads and then crashes would pass. Check
            // again one poll later before declaring it healthy.
            if (settled)
                return {
                    ok: true,
                    lines: unique(matched.filter((m) => m !== undefined).map((l) => l.trim())),
                };
            settled = true;
        }
        else
            settled = false;
        if (Date.now() >= deadline) {
            const missing = expect.filter((_, i) => matched[i] === undefined);
            const why = [
                activeOk ? undefined : `the is-active command (${config.is_active}) did not succeed (${lastActive})`,
                missing.length > 0
                    ? `the log since the restart lacks ${missing.map((m) => JSON.stringify(m)).join(', ')}`
                    : undefined,
                logProblem,
            ].filter(Boolean);
            const seconds = (0,_config_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .durationSeconds */ .o8)(config.verify.timeout);
            return {
                ok: false,
                reason: `within ${seconds} s (deploy.verify.timeout) ${why.join(' and ')}`,
                lines: lines.filter((l) => l.trim() !== '').slice(-10),
            };
        }
        await (0,_target_js__WEBPACK_IMPORTED_MODULE_3__/* .sleep */ .yy)(pollMs);
    }
}
const LOG_RC = '::modelgate-log-exit=';
/** One round trip per poll: the is-active command's exit code, then the log since the restart. */
async function poll(target, config, source, position) {
    // Configured commands go on lines of their own: a trailing `# comment` in one must not
    // swallow the text that follows it.
    const active = `a=$( (\n${(0,_target_js__WEBPACK_IMPORTED_MODULE_3__/* .inRoot */ .md)(target.layout, config.is_active)}\n) 2>&1 ); rc=$?; printf '%s\n' "$rc"; printf '%s\n' "$a" | head -n 1`;
    let log = '';
    if (source.kind === 'file')
        log = (0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_2__.sh) `f=${source.file}; if [ -f "$f" ]; then n=$(wc -c < "$f"); if [ "$n" -lt ${position} ]; then o=1; else o=${position + 1}; fi; tail -c +"$o" -- "$f" | head -c ${MAX_LOG_BYTES}; fi`;
    else if (source.kind === 'command') {
        const command = source.command.split('{since}').join((0,_remote_quote_js__WEBPACK_IMPORTED_MODULE_2__.sh) `${String(position)}`);
        // Its stderr is not scanned: a tool's complaint is not the service's log.
        log = `(\n${(0,_target_js__WEBPACK_IMPORTED_MODULE_3__/* .inRoot */ .md)(target.layout, command)}\n) 2>/dev/null; printf '\n${LOG_RC}%s\n' "$?"`;
    }
    const result = await target.exec([active, log].join('\n'), { timeoutMs: 60_000 });
    const first = result.stdout.indexOf('\n');
    const second = result.stdout.indexOf('\n', first + 1);
    const activeCode = Number(result.stdout.slice(0, first));
    const activeLine = result.stdout.slice(first + 1, second < 0 ? undefined : second).trim();
    let text = second < 0 ? '' : result.stdout.slice(second + 1);
    let problem;
    const marker = text.lastIndexOf(`\n${LOG_RC}`);
    if (marker >= 0) {
        const code = Number(text.slice(marker + LOG_RC.length + 1).trim());
        text = text.slice(0, marker);
        if (code !== 0)
            problem = `the log command (deploy.logs) exited with ${code}`;
    }
    if (result.code !== 0 || first < 0 || !Number.isInteger(activeCode))
        return {
            activeCode: Number.isInteger(activeCode) && first >= 0 ? activeCode : 1,
            activeLine,
            text,
            problem: `checking the service failed (exit ${result.code})${(0,_target_js__WEBPACK_IMPORTED_MODULE_3__/* .tail */ .RT)(result, 3)}`,
        };
    return { activeCode, activeLine, text, ...(problem ? { problem } : {}) };
}
/**
 * The lines of `text` after those it shares with `baseline` at its start. journalctl's
 * `-- ... --` marker lines (which differ between runs) are skipped while matching.
 */
function dropOverlap(baseline, text) {
    const lines = text.split('\n');
    if (!baseline)
        return lines;
    const seen = new Map();
    for (const line of baseline.split('\n'))
        if (line.trim() !== '' && !line.startsWith('-- '))
            seen.set(line, (seen.get(line) ?? 0) + 1);
    let i = 0;
    for (; i < lines.length; i++) {
        const line = lines[i];
        if (line.trim() === '' || line.startsWith('-- '))
            continue;
        const count = seen.get(line) ?? 0;
        if (count === 0)
            break;
        seen.set(line, count - 1);
    }
    return lines.slice(i);
}
function unique(lines) {
    return [...new Set(lines)];
}


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
