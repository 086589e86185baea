export const id = 245;
export const ids = [245];
export const modules = {

/***/ 5626:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createLocalTransport: () => (/* binding */ createLocalTransport)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8161);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6466);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7075);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3828);
/**
 * The `local` transport: the target is a directory on this machine (the demo, and runners
 * that are themselves the server). Commands run through `/bin/sh -c` exactly as they would
 * through an SSH session, so deploy and rollback have one code path for both targets.
 */







/** After the shell exits, how long to wait for pipes held open by a process it started. */
const PIPE_GRACE_MS = 2000;
function createLocalTransport(options) {
    return {
        description: 'local',
        exec: (command, execOptions) => execLocal(command, options, execOptions),
        upload: (localFile, remotePath, uploadOptions) => copyWithOffset(localFile, remotePath, uploadOptions ?? {}),
        download: async (remotePath, localFile) => {
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.copyFile)(remotePath, localFile);
            }
            catch (error) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ModelgateError */ .HJ(`local: cannot copy ${remotePath} to ${localFile}: ${error.message}`, 'remote', {}, { cause: error });
            }
        },
        size: async (remotePath) => {
            try {
                const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(remotePath);
                return st.isFile() ? st.size : undefined;
            }
            catch (error) {
                if (error.code === 'ENOENT')
                    return undefined;
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ModelgateError */ .HJ(`local: cannot stat ${remotePath}: ${error.message}`, 'remote', {}, { cause: error });
            }
        },
        close: async () => { },
    };
}
function execLocal(command, options, execOptions = {}) {
    const timeoutMs = execOptions.timeoutMs ?? options.commandTimeoutMs;
    return new Promise((resolve, reject) => {
        // A process group of its own, so a timeout kills everything the command started
        // (a pipeline, a hung `tar`), not just the shell.
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('/bin/sh', ['-c', command], {
            detached: true,
            stdio: ['pipe', 'pipe', 'pipe'],
            env: options.env ?? process.env,
        });
        const stdout = [];
        const stderr = [];
        let timedOut = false;
        let exitCode = null;
        let settled = false;
        let graceTimer;
        const finish = (result) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            clearTimeout(graceTimer);
            if (result instanceof Error)
                reject(result);
            else
                resolve(result);
        };
        const timer = setTimeout(() => {
            timedOut = true;
            killGroup(child.pid);
        }, timeoutMs);
        child.stdout.on('data', (chunk) => stdout.push(chunk));
        child.stderr.on('data', (chunk) => stderr.push(chunk));
        child.on('error', (error) => finish(new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ModelgateError */ .HJ(`local: cannot run /bin/sh: ${error.message}`, 'remote', {}, { cause: error })));
        const result = (code) => {
            const err = Buffer.concat(stderr).toString('utf8');
            return {
                code,
                stdout: Buffer.concat(stdout).toString('utf8'),
                stderr: timedOut
                    ? `${err}${err && !err.endsWith('\n') ? '\n' : ''}killed after ${timeoutMs} ms (command timeout)`
                    : err,
            };
        };
        child.on('exit', (code, signal) => {
            exitCode = timedOut ? 124 : (code ?? signalCode(signal));
            // A daemon started by the command may keep our pipes open; do not wait for it forever.
            graceTimer = setTimeout(() => {
                child.stdout.destroy();
                child.stderr.destroy();
                finish(result(exitCode ?? 1));
            }, PIPE_GRACE_MS);
        });
        child.on('close', (code, signal) => {
            finish(result(exitCode ?? (timedOut ? 124 : (code ?? signalCode(signal)))));
        });
        child.stdin.on('error', () => {
            // The command may exit without reading its stdin (EPIPE); its exit code tells the story.
        });
        if (execOptions.stdin !== undefined)
            child.stdin.end(execOptions.stdin);
        else
            child.stdin.end();
    });
}
/** The shell convention for a process killed by a signal: 128 + its number. */
function signalCode(signal) {
    return signal ? 128 + (node_os__WEBPACK_IMPORTED_MODULE_3__.constants.signals[signal] ?? 0) : 1;
}
function killGroup(pid) {
    if (pid === undefined)
        return;
    try {
        process.kill(-pid, 'SIGKILL');
    }
    catch {
        // Already gone.
    }
}
/**
 * Copies `localFile` to `remotePath`; with an offset, the target is cut to `offset` bytes and
 * the rest appended, which is how an interrupted upload resumes. A progress callback that
 * throws aborts the copy (the partial file stays, as after a cut connection).
 */
async function copyWithOffset(localFile, remotePath, options) {
    const offset = options.offset ?? 0;
    let total;
    try {
        total = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(localFile)).size;
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ModelgateError */ .HJ(`${localFile}: cannot read the file to upload: ${error.message}`, 'input', { file: localFile }, { cause: error });
    }
    if (offset < 0 || offset > total)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ModelgateError */ .HJ(`local: resume offset ${offset} is outside ${localFile} (${total} bytes)`, 'runtime');
    try {
        if (offset > 0)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.truncate)(remotePath, offset);
        let sent = offset;
        const progress = new node_stream__WEBPACK_IMPORTED_MODULE_5__.Transform({
            transform(chunk, _encoding, callback) {
                sent += chunk.length;
                try {
                    options.onProgress?.({ sent, total });
                }
                catch (error) {
                    callback(error);
                    return;
                }
                callback(null, chunk);
            },
        });
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(localFile, { start: offset, highWaterMark: 1 << 20 }), progress, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(remotePath, offset > 0 ? { flags: 'r+', start: offset } : { flags: 'w' }));
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ModelgateError */ .HJ)
            throw error;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ModelgateError */ .HJ(`local: upload of ${localFile} to ${remotePath} failed: ${error.message}`, 'remote', {}, { cause: error });
    }
}


/***/ })

};
