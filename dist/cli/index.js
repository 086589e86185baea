import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2223:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__.p + "b1c49eff329b183d5041.js?./tree-worker.ts";

/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 2250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ }),

/***/ 9069:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _core_health_head_start_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9311);

// The healthcheck's worker boots on the second core while the CLI loads (core/health/head-start.ts).
if (process.argv[2] === 'healthcheck')
    (0,_core_health_head_start_js__WEBPACK_IMPORTED_MODULE_0__/* .warmHealthcheck */ .SD)();
const { main } = await __nccwpck_require__.e(/* import() */ 353).then(__nccwpck_require__.bind(__nccwpck_require__, 8353));
process.exitCode = await main(process.argv.slice(2));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 3828:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HJ: () => (/* binding */ ModelgateError),
/* harmony export */   Rr: () => (/* binding */ exitCodeFor),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
class ModelgateError extends Error {
    kind;
    file;
    line;
    column;
    constructor(message, kind = 'runtime', where = {}, options) {
        super(message, options);
        this.name = 'ModelgateError';
        this.kind = kind;
        this.file = where.file;
        this.line = where.line;
        this.column = where.column;
    }
    /** `file:line message`, the one-line form used by the CLI and in reports. */
    get located() {
        if (!this.file)
            return this.message;
        const at = this.line ? `${this.file}:${this.line}` : this.file;
        return this.message.startsWith(at) ? this.message : `${at} ${this.message}`;
    }
}
/** A bad config file: the CLI exits 2, the action annotates the file and line. */
class ConfigError extends ModelgateError {
    constructor(message, where = {}) {
        super(message, 'config', where);
        this.name = 'ConfigError';
    }
}
/** A bad or missing input (action input or CLI flag). */
class InputError extends ModelgateError {
    input;
    constructor(message, input, where = {}) {
        super(message, 'input', where);
        this.name = 'InputError';
        this.input = input;
    }
}
/** Exit code for a usage problem (bad config or input) as opposed to a failed check (1). */
function exitCodeFor(error) {
    return error instanceof ModelgateError && (error.kind === 'config' || error.kind === 'input') ? 2 : 1;
}
function errorMessage(error) {
    if (error instanceof ModelgateError)
        return error.located;
    if (error instanceof Error)
        return error.message;
    return String(error);
}


/***/ }),

/***/ 9311:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Eu: () => (/* binding */ startHealthcheckEarly),
/* harmony export */   SD: () => (/* binding */ warmHealthcheck),
/* harmony export */   yY: () => (/* binding */ takeHeadStart)
/* harmony export */ });
/* unused harmony exports BundleSurvey, surveyBundle */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var _tree_pool_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4059);
/**
 * The healthcheck's head start. Before its config is read, a front end knows the bundle
 * (`--bundle`, INPUT_BUNDLE), and the main thread still has tens of milliseconds of module
 * loading and YAML ahead of it while the second core idles. So the worker of a tree pool is
 * started then, and surveys the bundle: it lists and hashes every file and parses the files
 * whose first bytes are a tree model's. `runHealthcheck` takes the head start over when its
 * bundle is the same folder; integrity then reads the hashes, and load the parsed models.
 *
 * Nothing here decides anything: every result is checked against what the healthcheck lists
 * itself (a hash is used only for a file of the same path and size, a parse only for the kind
 * the config declares), and whatever the survey did not do, the checks do as before.
 */



class BundleSurvey {
    root;
    sizes = new Map();
    hashes = new Map();
    heads = new Map();
    /** Settled when the listing arrives (false: the survey failed before it). */
    listed = deferred();
    constructor(root) {
        this.root = root;
    }
    /** The file's sha256 from the survey; undefined when the survey does not have it at this size. */
    sha256(rel, size) {
        if (!this.listed.settled) {
            // Not listed yet: wait for the listing, then answer as below (or let the caller hash here).
            return this.listed.promise.then((ok) => {
                const answer = ok ? this.sha256(rel, size) : undefined;
                if (!answer)
                    throw new Error(`${rel}: not surveyed`);
                return answer;
            });
        }
        if (this.sizes.get(rel) !== size)
            return undefined;
        return this.hashes.get(rel)?.promise;
    }
    /** The file's first bytes, when the survey has already read them at this size (never waits). */
    head(rel, size) {
        return this.sizes.get(rel) === size ? this.heads.get(rel) : undefined;
    }
    note(note) {
        switch (note.survey) {
            case 'listed':
                for (const f of note.files) {
                    this.sizes.set(f.path, f.size);
                    this.hashes.set(f.path, deferred());
                }
                this.listed.resolve(true);
                break;
            case 'hashed':
                // Structured cloning delivers the Buffer as a plain Uint8Array.
                this.heads.set(note.path, Buffer.from(note.head.buffer, note.head.byteOffset, note.head.byteLength));
                this.hashes.get(note.path)?.resolve(note.sha256);
                break;
            case 'failed':
                if (note.path)
                    this.hashes.get(note.path)?.reject(new Error(note.message));
                else
                    this.gone(new Error(note.message));
                break;
            case 'done':
                // Anything the worker did not answer is hashed on the main thread.
                this.gone(new Error('the survey did not hash this file'));
                break;
        }
    }
    /** The worker is gone (or done): whatever it did not answer is hashed on the main thread. */
    gone(error) {
        this.listed.resolve(false);
        for (const d of this.hashes.values())
            if (!d.settled)
                d.reject(error);
    }
}
let early;
/** A pool whose worker was started before the bundle was known (`warmHealthcheck`). */
let spare;
/**
 * Starts the worker before the inputs are even parsed: its isolate takes tens of milliseconds
 * to boot, and the front end that knows it will run a healthcheck can let it boot meanwhile.
 */
function warmHealthcheck() {
    spare ??= new _tree_pool_js__WEBPACK_IMPORTED_MODULE_2__/* .TreePool */ .v();
}
/**
 * Starts surveying a bundle folder on a worker thread (the one `warmHealthcheck` started, if
 * any). Undefined for a tarball (it is extracted first), a path that is not a folder, or when
 * no worker can start. Pass it to `runHealthcheck` as `headStart`, or let the front ends keep it
 * with `startHealthcheckEarly`.
 */
function surveyBundle(bundle) {
    const root = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(bundle);
    try {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(root).isDirectory())
            return undefined;
    }
    catch {
        return undefined;
    }
    const pool = spare ?? new _tree_pool_js__WEBPACK_IMPORTED_MODULE_2__/* .TreePool */ .v();
    spare = undefined;
    const survey = new BundleSurvey(root);
    if (!pool.survey(root, (note) => survey.note(note), (error) => survey.gone(error))) {
        void pool.close();
        return undefined;
    }
    return { root, pool, survey };
}
/** `surveyBundle`, kept for the `runHealthcheck` of the same folder; replaces an earlier one. */
function startHealthcheckEarly(bundle) {
    void early?.pool.close();
    early = surveyBundle(bundle);
}
/** The head start for `bundle`, handed over once; one for another folder is closed. */
function takeHeadStart(bundle) {
    const taken = early;
    early = undefined;
    if (taken && taken.root === node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(bundle))
        return taken;
    void taken?.pool.close();
    return undefined;
}
function deferred() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
        resolve = res;
        reject = rej;
    });
    // An answer nobody asks for must not become an unhandled rejection.
    promise.catch(() => undefined);
    const d = {
        promise,
        settled: false,
        resolve: (value) => {
            d.settled = true;
            resolve(value);
        },
        reject: (error) => {
            d.settled = true;
            reject(error);
        },
    };
    return d;
}


/***/ }),

/***/ 4059:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  v: () => (/* binding */ TreePool)
});

// UNUSED EXPORTS: builtWorkerPath

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(3136);
;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __nccwpck_require__(3828);
;// CONCATENATED MODULE: ./lib/core/health/tree-pool.js
/**
 * Tree models (LightGBM text, XGBoost JSON) parsed on two threads. Parsing the seed's seven
 * tree files is the largest piece of JavaScript work in the healthcheck; onnxruntime-node
 * opens sessions synchronously on the main thread. So every parse goes to a worker thread as
 * soon as it is asked for (the worker takes the largest first), and the main thread takes
 * whatever the worker has not started once its own work is done (`parseQueuedHere`, smallest
 * first). Each model stays on the thread that parsed it, and answers predictions there.
 *
 * A pool started before the config is read (`head-start.ts`) also surveys the bundle on its
 * worker: it lists and hashes every file, then parses the files whose first bytes are a tree
 * model's, while the main thread is still loading its modules. A later `load` of such a file
 * is answered from that parse.
 *
 * The worker is `tree-worker.js` beside the running module (the built action ships it next
 * to `dist/healthcheck/index.js`), or `tree-worker.ts` through tsx in development. When it
 * cannot start, or dies, every model is parsed on the main thread: same results, only slower.
 */





/**
 * A parse is handed to the worker as soon as it is asked for, with a claim word in shared
 * memory that both threads compare-and-swap before parsing: 0 free, 1 taken by the worker
 * (tree-worker.ts), 2 taken by this thread. So the worker never waits on this thread (which
 * onnxruntime blocks for tens of milliseconds at a time) for its next job, and this thread
 * can still take the jobs the worker has not reached.
 */
const CLAIM_FREE = 0;
const CLAIM_MAIN = 2;
/**
 * This thread parses cold (its JIT has not run the parsers yet): its first megabyte of model
 * takes about as long as the warm worker's next three or four. So it takes a job only while
 * the jobs nobody has started add up to this much; a file of unknown size counts as half.
 */
const STEAL_MIN_BYTES = 4 * 1024 * 1024;
const UNKNOWN_SIZE = STEAL_MIN_BYTES / 2;
/**
 * The built worker script as an absolute path, from `new URL('./tree-worker.js', import.meta.url)`
 * as written in the source (a file: URL) or as ncc leaves it in the action bundle: ncc copies the
 * file beside the bundle and replaces the whole expression with that copy's absolute path, a
 * plain string, which has no `protocol`.
 */
function builtWorkerPath(location) {
    if (typeof location === 'string')
        return external_node_path_.isAbsolute(location) ? location : undefined;
    return location.protocol === 'file:' ? (0,external_node_url_.fileURLToPath)(location) : undefined;
}
/**
 * How to start the worker: the built script beside this module, or, when this module is
 * itself TypeScript (development and tests, under tsx), the TypeScript source through tsx's
 * loader, which Node does not carry into worker threads by itself.
 */
function workerSource() {
    const script = builtWorkerPath(__nccwpck_require__.ab + "tree-worker.js");
    if (script !== undefined && (0,external_node_fs_.existsSync)(script))
        return { script };
    if (!import.meta.url.endsWith('.ts'))
        return undefined;
    const source = new URL(/* asset import */ __nccwpck_require__(2223), __nccwpck_require__.b);
    let loader;
    try {
        // Spelt at run time so that bundlers do not pull the development loader into the action.
        loader = import.meta.resolve(['tsx', 'esm', 'api'].join('/'));
    }
    catch {
        return undefined;
    }
    return {
        code: `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); })`,
    };
}
class WorkerDied extends Error {
}
class TreePool {
    worker;
    /** Parses asked for and not yet settled, in the order asked. */
    jobs = new Map();
    waiting = new Map();
    nextId = 1;
    /** Receives the survey's notes (see `survey`). */
    onSurvey;
    onGone;
    surveying = false;
    constructor(useWorker = true) {
        const source = useWorker ? workerSource() : undefined;
        if (!source)
            return;
        try {
            // A larger young generation: parsing allocates many short strings, and scavenges were a tenth of the parse.
            const resourceLimits = { maxYoungGenerationSizeMb: 64 };
            const worker = 'script' in source
                ? new external_node_worker_threads_namespaceObject.Worker(source.script, { resourceLimits })
                : new external_node_worker_threads_namespaceObject.Worker(source.code, { eval: true, resourceLimits });
            worker.on('message', (reply) => {
                if ('survey' in reply)
                    this.onNote(reply);
                else
                    this.onReply(reply);
                this.keepAlive();
            });
            worker.on('error', (error) => this.abandon(error));
            worker.on('exit', (code) => this.abandon(new Error(`the tree worker exited with code ${code}`)));
            this.worker = worker;
            // After the listeners: adding a 'message' listener refs the worker again.
            this.keepAlive();
        }
        catch {
            this.worker = undefined;
        }
    }
    /** Whether a worker thread shares the parsing. */
    get threaded() {
        return this.worker !== undefined;
    }
    /**
     * Has the worker list and hash every file under `root`, then parse those that look like
     * tree models, in the background; notes arrive at `onNote`, and `onGone` is called if the
     * worker dies or the pool closes first. False when there is no worker to do it.
     */
    survey(root, onNote, onGone) {
        if (!this.worker)
            return false;
        this.onSurvey = onNote;
        this.onGone = onGone;
        this.surveying = true;
        this.keepAlive();
        this.worker.postMessage({ id: this.nextId++, op: 'survey', root });
        return true;
    }
    /**
     * Starts parsing `file`; `name` is how messages name it (its path in the bundle), `size` its
     * size in bytes when known (it orders the work: largest first on the worker).
     */
    load(file, kind, name, size = 0) {
        if (!this.worker)
            return this.parseHere(file, kind, name);
        return new Promise((resolve, reject) => {
            const id = this.nextId++;
            const claim = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
            const job = { id, file, kind, name, size, claim, settled: false, resolve, reject };
            this.jobs.set(id, job);
            this.keepAlive();
            this.request({ op: 'load', file, kind, name, size, claim }, id).then((reply) => this.settle(job, () => job.resolve(this.workerHandle(job, reply.info))), (error) => {
                // A dead worker is not the file's fault: `abandon` parses it here instead.
                if (!(error instanceof WorkerDied))
                    this.settle(job, () => job.reject(error));
            });
        });
    }
    /**
     * Parses, on this thread, jobs the worker has not started (smallest first: the worker takes
     * the largest), while enough is left to be worth it; resolves when the rest is better left
     * to the worker.
     */
    async parseQueuedHere() {
        for (;;) {
            const free = [...this.jobs.values()].filter((job) => Atomics.load(job.claim, 0) === CLAIM_FREE);
            const bytes = free.reduce((sum, job) => sum + (job.size > 0 ? job.size : UNKNOWN_SIZE), 0);
            if (free.length === 0 || bytes < STEAL_MIN_BYTES)
                return;
            const job = free.reduce((a, b) => (b.size < a.size ? b : a));
            if (Atomics.compareExchange(job.claim, 0, CLAIM_FREE, CLAIM_MAIN) !== CLAIM_FREE)
                continue;
            // The worker skips a job claimed here and answers nothing for it.
            this.waiting.delete(job.id);
            this.keepAlive();
            await this.runHere(job);
        }
    }
    settle(job, action) {
        if (job.settled)
            return;
        job.settled = true;
        this.jobs.delete(job.id);
        this.keepAlive();
        action();
    }
    async runHere(job) {
        try {
            const handle = await this.parseHere(job.file, job.kind, job.name);
            this.settle(job, () => job.resolve(handle));
        }
        catch (error) {
            this.settle(job, () => job.reject(error));
        }
    }
    async parseHere(file, kind, name) {
        // Loaded on first use: the front ends load this module before their config, to start the worker early.
        const { loadTreeModel } = await __nccwpck_require__.e(/* import() */ 933).then(__nccwpck_require__.bind(__nccwpck_require__, 3933));
        const model = await loadTreeModel(file, kind, name);
        return {
            info: model.info,
            thread: 'main',
            predict: async (rows) => rows.map((row) => model.predict(row)),
        };
    }
    workerHandle(job, info) {
        return {
            info,
            thread: 'worker',
            predict: async (rows) => {
                try {
                    return (await this.request({ op: 'predict', name: job.name, rows })).outputs;
                }
                catch (error) {
                    if (!(error instanceof WorkerDied))
                        throw error;
                    return (await this.parseHere(job.file, job.kind, job.name)).predict(rows);
                }
            },
        };
    }
    onReply(reply) {
        const waiting = this.waiting.get(reply.id);
        if (!waiting)
            return;
        this.waiting.delete(reply.id);
        if (reply.ok)
            waiting.resolve(reply);
        else {
            const { message, kind, file, line } = reply.error;
            waiting.reject(new errors/* ModelgateError */.HJ(message, kind, {
                ...(file ? { file } : {}),
                ...(line ? { line } : {}),
            }));
        }
    }
    request(message, id = this.nextId++) {
        const worker = this.worker;
        if (!worker)
            return Promise.reject(new WorkerDied('the tree worker is gone'));
        return new Promise((resolve, reject) => {
            this.waiting.set(id, { resolve, reject });
            this.keepAlive();
            worker.postMessage({ ...message, id });
        });
    }
    abandon(error) {
        if (!this.worker)
            return;
        this.worker = undefined;
        this.surveyGone(error);
        const died = new WorkerDied(error.message);
        for (const w of this.waiting.values())
            w.reject(died);
        this.waiting.clear();
        // Parses not answered by the worker (started there or not) are run here, in order, except
        // those this thread is already running.
        const left = [...this.jobs.values()].filter((job) => {
            const before = Atomics.compareExchange(job.claim, 0, CLAIM_FREE, CLAIM_MAIN);
            return before !== CLAIM_MAIN;
        });
        void (async () => {
            for (const job of left)
                await this.runHere(job);
        })();
    }
    async close() {
        const worker = this.worker;
        if (!worker)
            return;
        this.worker = undefined;
        this.surveyGone(new Error('the healthcheck ended before the survey did'));
        for (const job of [...this.jobs.values()]) {
            this.settle(job, () => job.reject(new Error(`${job.name}: the healthcheck ended before the model was parsed`)));
        }
        await worker.terminate();
    }
    onNote(note) {
        if (note.survey === 'done' || (note.survey === 'failed' && !note.path))
            this.surveying = false;
        this.onSurvey?.(note);
    }
    /**
     * The worker keeps the process alive only while something waits on it: a pool nobody closes
     * (a front end that started one early, then stopped at a bad input) must not hold the process
     * open, and one with work in flight must not let it exit, since the main thread may have
     * nothing else pending meanwhile.
     */
    keepAlive() {
        const worker = this.worker;
        if (!worker)
            return;
        if (this.surveying || this.jobs.size > 0 || this.waiting.size > 0)
            worker.ref();
        else
            worker.unref();
    }
    surveyGone(error) {
        this.surveying = false;
        const gone = this.onGone;
        this.onSurvey = undefined;
        this.onGone = undefined;
        gone?.(error);
    }
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/publicPath */
/******/ (() => {
/******/ 	var scriptUrl;
/******/ 	if (typeof import.meta.url === "string") scriptUrl = import.meta.url
/******/ 	// When supporting browsers where an automatic publicPath is not supported you must specify an output.publicPath manually via configuration
/******/ 	// or pass an empty string ("") and set the __webpack_public_path__ variable from your code to use your own logic.
/******/ 	if (!scriptUrl) throw new Error("Automatic publicPath is not supported in this browser");
/******/ 	scriptUrl = scriptUrl.replace(/#.*$/, "").replace(/\?.*$/, "").replace(/\/[^\/]+$/, "/");
/******/ 	__nccwpck_require__.p = scriptUrl;
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	__nccwpck_require__.b = new URL("./", import.meta.url);
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9069);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
