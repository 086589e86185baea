export const id = 915;
export const ids = [915];
export const modules = {

/***/ 4604:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "b1c49eff329b183d5041.js?./tree-worker.ts";

/***/ }),

/***/ 8915:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkAnnotations: () => (/* binding */ checkAnnotations),
  healthcheckCommand: () => (/* binding */ healthcheckCommand)
});

// EXTERNAL MODULE: ./lib/core/health/healthcheck.js + 9 modules
var healthcheck = __webpack_require__(3425);
// EXTERNAL MODULE: ./lib/core/bundle/files.js
var files = __webpack_require__(2015);
// EXTERNAL MODULE: ./lib/core/health/check-golden.js + 1 modules
var check_golden = __webpack_require__(2252);
// EXTERNAL MODULE: ./lib/core/health/context.js
var context = __webpack_require__(5669);
// EXTERNAL MODULE: ./lib/core/models/onnx.js + 1 modules
var models_onnx = __webpack_require__(8061);
;// CONCATENATED MODULE: ./lib/core/health/render.js
/**
 * The job summary, read like the seed's health section: one row per check with its status
 * and time, the inference result, then what failed or warned (per file), the golden-vector
 * differences per model and the ONNX models' inputs, outputs and latency.
 */




const SYMBOL = { pass: '✓', warn: '⚠', fail: '✗', skip: '–' };
/** Escapes text for one Markdown table cell. */
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
function code(text) {
    return `\`${text.replace(/`/g, "'")}\``;
}
function renderHealthSummary(report) {
    const out = [];
    const failed = report.checks.filter((c) => c.status === 'fail');
    const title = report.passed
        ? '✅ Healthcheck passed'
        : `❌ Healthcheck failed (${failed.map((c) => c.name).join(', ')})`;
    out.push(`## ${title}: ${code(report.bundle)}`, '');
    out.push(`${report.files} files, ${(0,files/* formatSize */.Xq)(report.bytes)}, checked in ${(0,context/* formatMs */._V)(report.durationMs)}`, '');
    out.push('| | check | time | result |', '|---|---|---:|---|');
    for (const c of report.checks) {
        out.push(`| ${SYMBOL[c.status]} | ${c.name} | ${c.status === 'skip' ? '–' : (0,context/* formatMs */._V)(c.ms)} | ${cell(firstLine(c.message))} |`);
        for (const u of userChecks(c))
            out.push(`| ${SYMBOL[u.status]} | ${c.name} › ${cell(u.name)} | ${u.ms === undefined ? '' : (0,context/* formatMs */._V)(u.ms)} | ${cell(firstLine(u.message))} |`);
    }
    out.push('');
    if (report.inference) {
        out.push('**Inference test** (golden.json):', '');
        out.push(`- bull_prob: ${report.inference.bull_prob}`, `- regime: ${report.inference.regime}`, `- direction: ${report.inference.direction}`, '');
    }
    const attention = report.checks.filter((c) => c.status === 'fail' || c.status === 'warn');
    if (attention.length) {
        out.push('### What needs attention', '');
        for (const c of attention) {
            out.push(`#### ${SYMBOL[c.status]} ${c.name}`, '');
            const lines = c.problems?.length ? c.problems.map((p) => p.message) : [c.message];
            for (const line of lines) {
                const [head, ...rest] = line.split('\n');
                out.push(`- ${head}`);
                if (rest.length)
                    out.push('', '  ```', ...rest.map((r) => `  ${r}`), '  ```');
            }
            out.push('');
        }
    }
    const golden = report.checks.find((c) => c.name === 'golden');
    const rows = goldenRows(golden);
    if (rows.length) {
        out.push('### Golden vectors', '');
        out.push('| | model | kind | golden | values | max \\|diff\\| | tolerance |', '|---|---|---|---|---:|---:|---|');
        for (const r of rows) {
            const tol = r.tolerance ? (0,check_golden/* formatTolerance */.z9)(r.tolerance) : '';
            out.push(`| ${SYMBOL[r.status]} | ${cell(r.model)} | ${r.kind} | ${r.golden === 'entry' ? 'entry' : r.status === 'skip' ? 'none (does not load)' : 'none (smoke run)'} | ${r.values || ''} | ${r.maxAbsDiff === null ? '–' : (0,check_golden/* formatDiff */.Vs)(r.maxAbsDiff)} | ${tol} |`);
        }
        out.push('');
    }
    const onnx = onnxRows(report.checks.find((c) => c.name === 'load'));
    if (onnx.length) {
        out.push('### ONNX models', '');
        out.push('| model | inputs | outputs | session | p50 (warm) |', '|---|---|---|---:|---:|');
        for (const m of onnx) {
            const io = (values) => values.map((v) => `${code(v.name)} ${v.type}${v.tensor ? (0,models_onnx/* formatDims */.pW)(v.dims) : ''}`).join('<br>');
            const p50 = m.p50Ms === undefined ? '–' : `${(0,context/* formatMs */._V)(m.p50Ms)} (${m.runs} runs)`;
            out.push(`| ${cell(m.file)} | ${io(m.inputs)} | ${io(m.outputs)} | ${(0,context/* formatMs */._V)(m.openMs)} | ${p50} |`);
        }
        out.push('');
    }
    return `${out.join('\n').trimEnd()}\n`;
}
function firstLine(text) {
    return text.split('\n')[0] ?? text;
}
function userChecks(check) {
    if (check.name !== 'command')
        return [];
    const checks = check.details?.checks;
    return Array.isArray(checks)
        ? checks
        : [];
}
function goldenRows(check) {
    const models = check?.details?.models;
    return Array.isArray(models) ? models : [];
}
function onnxRows(check) {
    const onnx = check?.details?.onnx;
    return Array.isArray(onnx) ? onnx : [];
}

// EXTERNAL MODULE: ./lib/core/inputs/source.js
var source = __webpack_require__(16);
// EXTERNAL MODULE: ./lib/commands/common.js + 1 modules
var common = __webpack_require__(9236);
;// CONCATENATED MODULE: ./lib/commands/healthcheck.js
/** `healthcheck`: inputs -> runHealthcheck -> report file, outputs, summary, annotations. */




function checkAnnotations(checks) {
    const out = [];
    for (const check of checks) {
        if (check.problems?.length) {
            for (const p of check.problems)
                out.push({ ...p, title: `modelgate ${check.name}` });
        }
        else if (check.status === 'fail' || check.status === 'warn') {
            out.push({
                severity: check.status === 'fail' ? 'error' : 'warning',
                message: `${check.name}: ${check.message}`,
                title: `modelgate ${check.name}`,
            });
        }
    }
    return out;
}
const healthcheckCommand = async (ctx) => {
    const loaded = await (0,common/* loadConfigInput */.jl)(ctx);
    const bundle = (0,common/* resolveIn */.QH)(ctx, (0,source/* requiredInput */.YF)(ctx.inputs, 'bundle'));
    const manifest = (0,source/* optionalInput */.$m)(ctx.inputs, 'manifest');
    const command = (0,source/* optionalInput */.$m)(ctx.inputs, 'command');
    const reportPath = (0,common/* reportPathInput */.gN)(ctx, 'modelgate-healthcheck.json');
    const report = await ctx.log.group(`Healthcheck of ${bundle}`, () => (0,healthcheck/* runHealthcheck */.sP)({
        bundle,
        config: loaded.config,
        configFile: loaded.file,
        ...(manifest ? { manifest: (0,common/* resolveIn */.QH)(ctx, manifest) } : {}),
        ...(command ? { command } : {}),
        workDir: ctx.tempDir,
        onProgress: (line) => ctx.log.info(line),
    }));
    await (0,common/* writeJsonFile */.An)(reportPath, report);
    const failed = report.checks.filter((c) => c.status === 'fail').map((c) => c.name);
    return {
        outputs: {
            passed: String(report.passed),
            report: reportPath,
            files: String(report.files),
            'duration-ms': String(Math.round(report.durationMs)),
            inference: report.inference ? JSON.stringify(report.inference) : '',
        },
        summary: renderHealthSummary(report),
        annotations: checkAnnotations(report.checks),
        ...(report.passed ? {} : { failure: `healthcheck failed: ${failed.join(', ')} (report: ${reportPath})` }),
    };
};


/***/ }),

/***/ 5267:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ hasZipMagic),
/* harmony export */   z: () => (/* binding */ ZipReader)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8522);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3828);
/**
 * A small zip reader over a file handle, for PyTorch checkpoints and zips that may hold
 * pickles. It trusts only the central directory: torch writes local headers with zero
 * sizes and a data descriptor (flag 0x0808), and the central directory is what torch's own
 * reader uses. Entries are read one at a time with a size cap; nothing else is loaded.
 */



const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX_CENTRAL_DIRECTORY = 64 * 1024 * 1024;
const MAX_ENTRIES = 1_000_000;
/** Whether `head` starts like a zip archive (a local file header, or an empty archive). */
function hasZipMagic(head) {
    return (head.length >= 4 &&
        head[0] === 0x50 &&
        head[1] === 0x4b &&
        ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6)));
}
let crcTable;
function crc32(data) {
    // zlib.crc32 exists from Node 20.15; keep a table fallback for older 20.x.
    const native = node_zlib__WEBPACK_IMPORTED_MODULE_1__.crc32;
    if (typeof native === 'function')
        return native(data) >>> 0;
    if (!crcTable) {
        crcTable = new Uint32Array(256);
        for (let n = 0; n < 256; n++) {
            let c = n;
            for (let k = 0; k < 8; k++)
                c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
            crcTable[n] = c >>> 0;
        }
    }
    let c = 0xffffffff;
    for (const b of data)
        c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
}
function u64(buf, at) {
    const v = buf.readBigUInt64LE(at);
    if (v > BigInt(Number.MAX_SAFE_INTEGER))
        return Number.POSITIVE_INFINITY;
    return Number(v);
}
class ZipReader {
    handle;
    displayName;
    fileSize;
    entries;
    constructor(handle, 
    /** The name used in error messages. */
    displayName, fileSize, entries) {
        this.handle = handle;
        this.displayName = displayName;
        this.fileSize = fileSize;
        this.entries = entries;
    }
    /** The numeric descriptor, for synchronous windowed reads of stored entries. */
    get fd() {
        return this.handle.fd;
    }
    static fail(displayName, message) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelgateError */ .HJ(`${displayName}: ${message}`, 'check', { file: displayName });
    }
    fail(message) {
        return ZipReader.fail(this.displayName, message);
    }
    /** Opens `file` and reads its central directory. Close the reader when done. */
    static async open(file, displayName = file) {
        const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(file, 'r');
        try {
            const { size } = await handle.stat();
            const entries = await ZipReader.readDirectory(handle, size, displayName);
            return new ZipReader(handle, displayName, size, entries);
        }
        catch (e) {
            await handle.close();
            throw e;
        }
    }
    static async readAt(handle, offset, length) {
        const buf = Buffer.alloc(length);
        let got = 0;
        while (got < length) {
            const { bytesRead } = await handle.read(buf, got, length - got, offset + got);
            if (bytesRead === 0)
                break;
            got += bytesRead;
        }
        return buf.subarray(0, got);
    }
    static async readDirectory(handle, size, displayName) {
        const fail = (m) => ZipReader.fail(displayName, m);
        const tailLength = Math.min(size, 22 + 0xffff);
        const tail = await ZipReader.readAt(handle, size - tailLength, tailLength);
        let eocd = -1;
        for (let i = tail.length - 22; i >= 0; i--) {
            if (tail.readUInt32LE(i) === EOCD_SIG && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0)
            throw fail('not a readable zip archive (no end-of-central-directory record); the file is truncated or not a zip');
        let count = tail.readUInt16LE(eocd + 10);
        let cdSize = tail.readUInt32LE(eocd + 12);
        let cdOffset = tail.readUInt32LE(eocd + 16);
        if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
            const locatorAt = size - tailLength + eocd - 20;
            const locator = locatorAt >= 0 ? await ZipReader.readAt(handle, locatorAt, 20) : Buffer.alloc(0);
            if (locator.length === 20 && locator.readUInt32LE(0) === ZIP64_LOCATOR_SIG) {
                const recordAt = u64(locator, 8);
                const record = recordAt + 56 <= size ? await ZipReader.readAt(handle, recordAt, 56) : Buffer.alloc(0);
                if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD_SIG)
                    throw fail('broken ZIP64 end-of-central-directory record');
                count = u64(record, 32);
                cdSize = u64(record, 40);
                cdOffset = u64(record, 48);
            }
        }
        if (count > MAX_ENTRIES)
            throw fail(`zip lists ${count} entries; more than ${MAX_ENTRIES} is not a model archive`);
        if (cdSize > MAX_CENTRAL_DIRECTORY)
            throw fail(`zip central directory of ${cdSize} bytes is larger than ${MAX_CENTRAL_DIRECTORY}`);
        if (cdOffset + cdSize > size)
            throw fail('zip central directory lies past the end of the file (truncated?)');
        const cd = await ZipReader.readAt(handle, cdOffset, cdSize);
        const entries = [];
        let at = 0;
        for (let n = 0; n < count; n++) {
            if (at + 46 > cd.length || cd.readUInt32LE(at) !== CENTRAL_SIG)
                throw fail(`zip central directory entry ${n + 1} is damaged`);
            const flags = cd.readUInt16LE(at + 8);
            const method = cd.readUInt16LE(at + 10);
            const crc = cd.readUInt32LE(at + 16);
            let compressedSize = cd.readUInt32LE(at + 20);
            let usize = cd.readUInt32LE(at + 24);
            const nameLen = cd.readUInt16LE(at + 28);
            const extraLen = cd.readUInt16LE(at + 30);
            const commentLen = cd.readUInt16LE(at + 32);
            let localHeaderOffset = cd.readUInt32LE(at + 42);
            const end = at + 46 + nameLen + extraLen + commentLen;
            if (end > cd.length)
                throw fail(`zip central directory entry ${n + 1} is damaged`);
            const rawName = cd.subarray(at + 46, at + 46 + nameLen);
            const name = flags & 0x800 ? rawName.toString('utf8') : rawName.toString('latin1');
            const extra = cd.subarray(at + 46 + nameLen, at + 46 + nameLen + extraLen);
            for (let e = 0; e + 4 <= extra.length;) {
                const id = extra.readUInt16LE(e);
                const len = extra.readUInt16LE(e + 2);
                if (id === 0x0001) {
                    let p = e + 4;
                    const take = () => {
                        if (p + 8 > e + 4 + len || p + 8 > extra.length)
                            throw fail(`zip entry ${name} has a short ZIP64 extra field`);
                        const v = u64(extra, p);
                        p += 8;
                        return v;
                    };
                    if (usize === 0xffffffff)
                        usize = take();
                    if (compressedSize === 0xffffffff)
                        compressedSize = take();
                    if (localHeaderOffset === 0xffffffff)
                        localHeaderOffset = take();
                }
                e += 4 + len;
            }
            entries.push({ name, method, flags, crc32: crc, compressedSize, size: usize, localHeaderOffset });
            at = end;
        }
        return entries;
    }
    find(name) {
        return this.entries.find((e) => e.name === name);
    }
    /** Absolute `[start, end)` of an entry's (possibly compressed) data in the file. */
    async dataRange(entry) {
        const header = await ZipReader.readAt(this.handle, entry.localHeaderOffset, 30);
        if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIG)
            throw this.fail(`zip entry ${entry.name} has no local header where the directory says`);
        const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
        const end = start + entry.compressedSize;
        if (end > this.fileSize)
            throw this.fail(`zip entry ${entry.name} runs past the end of the file (truncated?)`);
        return { start, end };
    }
    checkReadable(entry) {
        if (entry.flags & 1)
            throw this.fail(`zip entry ${entry.name} is encrypted`);
        if (entry.method !== 0 && entry.method !== 8)
            throw this.fail(`zip entry ${entry.name} uses compression method ${entry.method}; only stored and deflate are read`);
    }
    /** The whole uncompressed entry, refused past `maxBytes`; the CRC is checked. */
    async read(entry, maxBytes) {
        this.checkReadable(entry);
        if (entry.size > maxBytes)
            throw this.fail(`zip entry ${entry.name} is ${entry.size} bytes, more than the ${maxBytes} this reader accepts`);
        const { start, end } = await this.dataRange(entry);
        const raw = await ZipReader.readAt(this.handle, start, end - start);
        let data;
        if (entry.method === 0) {
            if (entry.compressedSize !== entry.size)
                throw this.fail(`zip entry ${entry.name} is stored but its sizes differ`);
            data = raw;
        }
        else {
            try {
                data = node_zlib__WEBPACK_IMPORTED_MODULE_1__.inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
            }
            catch (e) {
                throw this.fail(`zip entry ${entry.name} does not inflate to its ${entry.size} bytes: ${e instanceof Error ? e.message : String(e)}`);
            }
        }
        if (data.length !== entry.size)
            throw this.fail(`zip entry ${entry.name} holds ${data.length} bytes, the directory says ${entry.size}`);
        if (crc32(data) !== entry.crc32)
            throw this.fail(`zip entry ${entry.name} fails its CRC-32 check (corrupted)`);
        return data;
    }
    /** Up to `n` leading bytes of the uncompressed entry (for sniffing its format); no CRC check. */
    async readPrefix(entry, n) {
        this.checkReadable(entry);
        const { start, end } = await this.dataRange(entry);
        if (entry.method === 0)
            return ZipReader.readAt(this.handle, start, Math.min(n, end - start));
        const raw = await ZipReader.readAt(this.handle, start, Math.min(end - start, 16 * 1024));
        try {
            const out = node_zlib__WEBPACK_IMPORTED_MODULE_1__.inflateRawSync(raw, {
                finishFlush: node_zlib__WEBPACK_IMPORTED_MODULE_1__.constants.Z_SYNC_FLUSH,
                maxOutputLength: 32 * 1024 * 1024,
            });
            return out.subarray(0, n);
        }
        catch {
            return Buffer.alloc(0);
        }
    }
    async close() {
        await this.handle.close();
    }
}


/***/ }),

/***/ 2252:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  KF: () => (/* binding */ checkGolden),
  Vs: () => (/* binding */ formatDiff),
  z9: () => (/* binding */ formatTolerance)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./lib/core/validation/json-text.js
var json_text = __webpack_require__(9717);
// EXTERNAL MODULE: ./lib/core/validation/describe.js
var describe = __webpack_require__(2502);
;// CONCATENATED MODULE: ./lib/core/golden.js
/**
 * `golden.json` (schema `modelgate/golden@1`, design.md "Golden vectors"): the inputs each
 * model was given by the training job and the outputs the training framework produced.
 * Other people's bundles are written to this contract, so it is validated strictly at the
 * boundary and every error names golden.json, the line and the field.
 */





const GOLDEN_SCHEMA = 'modelgate/golden@1';
/** Used when golden.json gives no tolerance: float32 inference against a float32 export. */
const DEFAULT_TOLERANCE = { atol: 1e-5, rtol: 1e-4 };
const toleranceSchema = schemas/* object */.Ikc({
    atol: schemas/* number */.aig().nonnegative(),
    rtol: schemas/* number */.aig().nonnegative(),
})
    .strict();
const tensorSchema = schemas/* object */.Ikc({
    dims: schemas/* array */.YOg(schemas/* number */.aig().int().nonnegative()),
    data: schemas/* array */.YOg(schemas/* number */.aig()),
})
    .strict()
    .superRefine((t, ctx) => {
    const expected = t.dims.reduce((a, b) => a * b, 1);
    if (expected !== t.data.length)
        ctx.addIssue({
            code: 'custom',
            path: ['data'],
            message: `expected ${expected} values for dims [${t.dims.join(', ')}], got ${t.data.length}`,
        });
});
const onnxEntrySchema = schemas/* object */.Ikc({
    inputs: schemas/* record */.g1P(schemas/* string */.YjP(), tensorSchema),
    outputs: schemas/* record */.g1P(schemas/* string */.YjP(), tensorSchema),
    tolerance: toleranceSchema.optional(),
})
    .strict();
const treeEntrySchema = schemas/* object */.Ikc({
    rows: schemas/* array */.YOg(schemas/* array */.YOg(schemas/* number */.aig().nullable()).min(1)).min(1),
    outputs: schemas/* array */.YOg(schemas/* array */.YOg(schemas/* number */.aig()).min(1)).min(1),
    tolerance: toleranceSchema.optional(),
})
    .strict()
    .superRefine((e, ctx) => {
    if (e.outputs.length !== e.rows.length)
        ctx.addIssue({
            code: 'custom',
            path: ['outputs'],
            message: `expected one output per row (${e.rows.length}), got ${e.outputs.length}`,
        });
    const width = e.rows[0]?.length ?? 0;
    e.rows.forEach((row, i) => {
        if (row.length !== width)
            ctx.addIssue({
                code: 'custom',
                path: ['rows', i],
                message: `expected ${width} features like rows[0], got ${row.length}`,
            });
    });
    const outWidth = e.outputs[0]?.length ?? 0;
    e.outputs.forEach((out, i) => {
        if (out.length !== outWidth)
            ctx.addIssue({
                code: 'custom',
                path: ['outputs', i],
                message: `expected ${outWidth} values like outputs[0], got ${out.length}`,
            });
    });
});
const stackingSchema = schemas/* object */.Ikc({
    base_outputs: schemas/* array */.YOg(schemas/* array */.YOg(schemas/* number */.aig()).min(1)).min(1),
    outputs: schemas/* array */.YOg(schemas/* number */.aig()).min(1),
    tolerance: toleranceSchema.optional(),
})
    .strict()
    .superRefine((s, ctx) => {
    if (s.outputs.length !== s.base_outputs.length)
        ctx.addIssue({
            code: 'custom',
            path: ['outputs'],
            message: `expected one probability per base_outputs row (${s.base_outputs.length}), got ${s.outputs.length}`,
        });
    const width = s.base_outputs[0]?.length ?? 0;
    s.base_outputs.forEach((row, i) => {
        if (row.length !== width)
            ctx.addIssue({
                code: 'custom',
                path: ['base_outputs', i],
                message: `expected ${width} base-model outputs like base_outputs[0], got ${row.length}`,
            });
    });
});
const inferenceSchema = schemas/* object */.Ikc({
    bull_prob: schemas/* number */.aig().min(0).max(1),
    regime: schemas/* string */.YjP().min(1),
    direction: schemas/* string */.YjP().min(1),
})
    // The training job may print more of its inference test (shadow_mode, per-model probs).
    .catchall(schemas/* unknown */.L5J());
const topSchema = schemas/* object */.Ikc({
    schema: schemas/* literal */.euz(GOLDEN_SCHEMA),
    tolerance: toleranceSchema.default(DEFAULT_TOLERANCE),
    models: schemas/* record */.g1P(schemas/* string */.YjP().min(1), schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J())).default({}),
    stacking: stackingSchema.optional(),
    inference: inferenceSchema.optional(),
})
    .strict();
/** Parses golden.json text; errors name `file`, the line and the dotted field. */
function parseGolden(text, file) {
    return goldenFromValue((0,json_text/* parseJsonText */.lk)(text, file).value, file, () => text);
}
/**
 * Validates golden.json already parsed as JSON (the healthcheck's load check parses every
 * JSON file once); `textOf` supplies the text only when an error needs its line.
 */
function goldenFromValue(value, file, textOf) {
    /** `prefix` places an entry's issue (validated on its own schema) in the whole file. */
    const fail = (issue, schema, prefix = []) => {
        const path = [...prefix, ...issue.path];
        const where = issue.code === 'unrecognized_keys' && issue.keys[0] ? [...path, issue.keys[0]] : path;
        const line = new describe/* LocatedDocument */._M(textOf()).lineOf(where);
        const located = { ...issue, path };
        const message = issue.code === 'custom'
            ? issue.message
            : issue.code === 'invalid_value' && (0,describe/* valueAt */.fK)(value, path) === undefined
                ? `is required: expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`
                : (0,describe/* describeIssue */.n6)(located, value, (0,describe/* fieldsAt */.$5)(schema, issue.path));
        throw new errors/* ModelgateError */.HJ(`${file}:${line} ${(0,describe/* dottedPath */.wM)(where)}: ${message}`, 'input', { file, line });
    };
    const top = topSchema.safeParse(value);
    if (!top.success) {
        fail(top.error.issues[0], topSchema);
    }
    const parsed = top.data;
    const models = {};
    for (const [name, raw] of Object.entries(parsed.models)) {
        // The entry's own fields say which model family it is for; the file's kind is checked later.
        const tree = 'rows' in raw;
        const schema = tree ? treeEntrySchema : onnxEntrySchema;
        if (!tree && !('inputs' in raw) && !('outputs' in raw)) {
            const line = new describe/* LocatedDocument */._M(textOf()).lineOf(['models', name]);
            throw new errors/* ModelgateError */.HJ(`${file}:${line} models.${name}: expected "inputs" and "outputs" (ONNX) or "rows" and "outputs" (LightGBM, XGBoost)`, 'input', { file, line });
        }
        const entry = schema.safeParse(raw);
        if (!entry.success) {
            fail(entry.error.issues[0], schema, ['models', name]);
        }
        models[name] = tree
            ? { kind: 'tree', ...entry.data }
            : { kind: 'onnx', ...entry.data };
    }
    return { ...parsed, schema: GOLDEN_SCHEMA, models };
}
/** Reads and parses golden.json; `displayName` is how messages name the file. */
async function loadGolden(file, displayName = file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        throw new errors/* ModelgateError */.HJ(`${displayName}: cannot read golden vectors: ${error.code ?? error.message}`, 'input', {
            file: displayName,
        });
    }
    return parseGolden(text, displayName);
}
/** numpy.allclose's rule, with `expected` as the reference: |a - b| <= atol + rtol * |b|. */
function withinTolerance(actual, expected, tolerance) {
    return Math.abs(actual - expected) <= tolerance.atol + tolerance.rtol * Math.abs(expected);
}
function compareValues(actual, expected, tolerance) {
    let maxAbsDiff = 0;
    let mismatches = 0;
    let worst;
    let worstExcess = -Infinity;
    const n = Math.min(actual.length, expected.length);
    for (let i = 0; i < n; i++) {
        const a = actual[i];
        const b = expected[i];
        const diff = Number.isFinite(a) ? Math.abs(a - b) : Number.POSITIVE_INFINITY;
        if (diff > maxAbsDiff)
            maxAbsDiff = diff;
        const allowed = tolerance.atol + tolerance.rtol * Math.abs(b);
        if (!(diff <= allowed)) {
            mismatches++;
            if (diff - allowed > worstExcess) {
                worstExcess = diff - allowed;
                worst = { index: i, actual: a, expected: b, allowed };
            }
        }
    }
    return { count: n, maxAbsDiff, mismatches, ...(worst ? { worst } : {}) };
}

// EXTERNAL MODULE: ./lib/core/models/onnx.js + 1 modules
var onnx = __webpack_require__(8061);
// EXTERNAL MODULE: ./lib/core/health/check-load.js + 1 modules
var check_load = __webpack_require__(4965);
// EXTERNAL MODULE: ./lib/core/health/context.js
var context = __webpack_require__(5669);
// EXTERNAL MODULE: ./lib/core/health/stacking-meta.js
var stacking_meta = __webpack_require__(9428);
;// CONCATENATED MODULE: ./lib/core/health/check-golden.js
/**
 * `golden`: every entry of golden.json recomputed here and compared within tolerance: ONNX
 * through onnxruntime-node, LightGBM text and XGBoost JSON through the project's own
 * evaluators, the stacking meta-learner from its coefficients. This is what catches an ONNX
 * export that no longer matches its PyTorch model, or a tree edited by hand. Models without
 * an entry get a smoke run and are reported as `golden: none`.
 */







const RECOMPUTED = new Set(['onnx', 'lightgbm', 'xgboost']);
async function checkGolden(ctx) {
    const rel = ctx.config.release.golden;
    const file = ctx.byPath.get(rel);
    const rows = [];
    const problems = [];
    let golden;
    let unavailable;
    if (!file) {
        const listed = ctx.config.release.artifacts.some((a) => a.path === rel);
        unavailable = {
            status: listed ? 'fail' : 'warn',
            message: `${rel}: not in the bundle, so no output was compared with the training job's (smoke runs only); have the training job write it (design.md "Golden vectors")`,
        };
    }
    else {
        try {
            const parsed = ctx.json.get(rel);
            golden =
                parsed === undefined
                    ? await loadGolden(file.absolute, rel)
                    : goldenFromValue(parsed, rel, () => (0,external_node_fs_.readFileSync)(file.absolute, 'utf8'));
            ctx.golden = golden;
        }
        catch (error) {
            ctx.goldenError = (0,errors/* errorMessage */.gJ)(error);
            unavailable = { status: 'fail', message: ctx.goldenError };
        }
    }
    if (unavailable)
        problems.push((0,context/* fileProblem */.Wj)(ctx, unavailable.status === 'fail' ? 'error' : 'warning', file ? rel : undefined, unavailable.message));
    const entries = golden?.models ?? {};
    const entryRow = async (name, entry) => {
        const tolerance = entry.tolerance ?? golden.tolerance;
        const kind = ctx.kinds.get(name) ?? 'missing';
        const row = (status, message, cmp) => ({
            model: name,
            kind,
            golden: 'entry',
            status,
            values: cmp?.count ?? 0,
            maxAbsDiff: cmp ? cmp.maxAbsDiff : null,
            tolerance,
            message,
        });
        try {
            if (!ctx.byPath.has(name)) {
                return row('fail', `${rel} models.${name}: no such file in the bundle; fix the name in ${rel} or add the file`);
            }
            else if (entry.kind === 'onnx' && kind === 'onnx') {
                return await compareOnnx(ctx, name, entry, tolerance, rel, row);
            }
            else if (entry.kind === 'tree' && (kind === 'lightgbm' || kind === 'xgboost')) {
                return await compareTree(ctx, name, entry, tolerance, rel, row);
            }
            else if (!RECOMPUTED.has(kind)) {
                return row('fail', `${rel} models.${name}: golden entries are recomputed for ONNX, LightGBM and XGBoost files, not ${kind}; give the entry to the model's ONNX export instead`);
            }
            else {
                const wanted = kind === 'onnx' ? '"inputs" and "outputs" by name' : '"rows" and "outputs"';
                return row('fail', `${rel} models.${name}: a ${kind} model needs ${wanted}; the entry has the other form`);
            }
        }
        catch (error) {
            const message = (0,errors/* errorMessage */.gJ)(error);
            return row('fail', message.startsWith(name) || message.startsWith(rel) ? message : `${name}: ${message}`);
        }
    };
    // Models the bundle holds that golden.json does not cover get a smoke run, reported as such.
    const smoked = ctx.files.filter((f) => RECOMPUTED.has(ctx.kinds.get(f.path)) && !(f.path in entries));
    // All at once: the tree models answer on the worker thread while onnxruntime runs on this
    // one. The rows keep their order: entries, stacking, then smoke runs.
    const [entryRows, stackingRow, smokeRows] = await Promise.all([
        Promise.all(Object.entries(entries).map(([name, entry]) => entryRow(name, entry))),
        golden?.stacking ? compareStacking(ctx, golden, rel) : undefined,
        Promise.all(smoked.map((f) => smokeRow(ctx, f.path, ctx.kinds.get(f.path)))),
    ]);
    rows.push(...entryRows);
    if (stackingRow)
        rows.push(stackingRow);
    rows.push(...smokeRows);
    for (const r of rows)
        if (r.status === 'fail')
            problems.push((0,context/* fileProblem */.Wj)(ctx, 'error', ctx.byPath.has(r.model) ? r.model : rel, r.message));
    const compared = rows.filter((r) => r.golden === 'entry');
    const failed = rows.filter((r) => r.status === 'fail');
    const noEntry = rows.filter((r) => r.golden === 'none' && r.status !== 'skip');
    const details = {
        golden: file ? rel : null,
        tolerance: golden?.tolerance ?? DEFAULT_TOLERANCE,
        models: rows,
    };
    if (unavailable) {
        const status = unavailable.status === 'fail' || failed.length ? 'fail' : 'warn';
        return { status, message: unavailable.message, details, problems };
    }
    if (failed.length) {
        const more = failed.length > 1 ? ` (and ${(0,context/* plural */.LS)(failed.length - 1, 'more model')} failed)` : '';
        return { status: 'fail', message: `${failed[0].message}${more}`, details, problems };
    }
    const largest = compared.reduce((a, r) => (!a || (r.maxAbsDiff ?? 0) > (a.maxAbsDiff ?? 0) ? r : a), undefined);
    const summary = compared.length
        ? `${(0,context/* plural */.LS)(compared.length, 'golden entry', 'golden entries')} reproduced (largest difference ${formatDiff(largest?.maxAbsDiff ?? 0)} in ${largest?.model})`
        : `${rel} has no model entries`;
    return {
        status: compared.length ? 'pass' : 'warn',
        message: noEntry.length
            ? `${summary}; ${(0,context/* plural */.LS)(noEntry.length, 'model')} without an entry got a smoke run: ${noEntry.map((r) => r.model).join(', ')}`
            : summary,
        details,
        ...(problems.length ? { problems } : {}),
    };
}
function formatDiff(diff) {
    if (!Number.isFinite(diff))
        return String(diff);
    if (diff === 0)
        return '0';
    return diff.toExponential(1);
}
const REGENERATE = 'regenerate golden.json in the training run that produced this file';
/** A model that did not load is reported by `load`; here it is only not compared. */
async function loaded(name, loading) {
    try {
        return await loading;
    }
    catch {
        throw new Error(`${name}: not compared with golden.json because the model does not load (see load)`);
    }
}
async function compareOnnx(ctx, name, entry, tolerance, rel, row) {
    const model = await loaded(name, (0,check_load/* onnxModel */.Jb)(ctx, name));
    const feeds = (0,onnx/* feedsFrom */.Yy)(model, entry.inputs, `${rel} models.${name}`);
    const outputs = await (0,onnx/* runOnnx */.x)(model, feeds);
    const byName = new Map(outputs.map((o) => [o.name, o]));
    let total = { count: 0, maxAbsDiff: 0, mismatches: 0 };
    let firstFailure;
    for (const [outName, expected] of Object.entries(entry.outputs)) {
        const actual = byName.get(outName);
        if (!actual)
            return row('fail', `${rel} models.${name}.outputs.${outName}: the model has no such output (it has ${outputs.map((o) => o.name).join(', ')}); ${REGENERATE}`);
        if (actual.dims.join(',') !== expected.dims.join(','))
            return row('fail', `${name}: output ${outName} has dims ${(0,onnx/* formatDims */.pW)(actual.dims)} but ${rel} expects ${(0,onnx/* formatDims */.pW)(expected.dims)}; ${REGENERATE}`);
        const cmp = compareValues(actual.data, expected.data, tolerance);
        if (cmp.worst && !firstFailure)
            firstFailure = mismatchMessage(name, `output ${outName}[${unravel(cmp.worst.index, expected.dims).join(', ')}]`, cmp, tolerance, rel, 'the ONNX export no longer matches the model that wrote golden.json: re-export it and regenerate golden.json together');
        total = {
            count: total.count + cmp.count,
            maxAbsDiff: Math.max(total.maxAbsDiff, cmp.maxAbsDiff),
            mismatches: total.mismatches + cmp.mismatches,
        };
    }
    if (firstFailure)
        return row('fail', firstFailure, total);
    return row('pass', `${(0,context/* plural */.LS)(total.count, 'value')} within tolerance`, total);
}
async function compareTree(ctx, name, entry, tolerance, rel, row) {
    const model = await loaded(name, (0,check_load/* treeModelFor */.JS)(ctx, name));
    const predicted = await model.predict(entry.rows);
    const actual = [];
    const expected = [];
    const rowOf = [];
    predicted.forEach((out, i) => {
        const want = entry.outputs[i];
        if (out.length !== want.length)
            throw new Error(`${name}: predicts ${(0,context/* plural */.LS)(out.length, 'value')} per row but ${rel} models.${name}.outputs[${i}] has ${want.length}; ${REGENERATE}`);
        for (let j = 0; j < out.length; j++) {
            actual.push(out[j]);
            expected.push(want[j]);
            rowOf.push(i);
        }
    });
    const cmp = compareValues(actual, expected, tolerance);
    if (cmp.worst) {
        const at = `row ${rowOf[cmp.worst.index]}`;
        return row('fail', mismatchMessage(name, at, cmp, tolerance, rel, 'the model differs from the one that wrote golden.json (edited by hand, or from another training run): restore it from the training job'), cmp);
    }
    return row('pass', `${(0,context/* plural */.LS)(entry.rows.length, 'row')} within tolerance`, cmp);
}
async function compareStacking(ctx, golden, rel) {
    const stacking = golden.stacking;
    const tolerance = stacking.tolerance ?? golden.tolerance;
    const metaRel = ctx.config.release.stacking?.meta ?? '(release.stacking.meta)';
    const base = {
        model: metaRel,
        kind: 'stacking',
        golden: 'entry',
        status: 'fail',
        values: 0,
        maxAbsDiff: null,
        tolerance,
        message: '',
    };
    try {
        if (!ctx.config.release.stacking)
            return {
                ...base,
                message: `${rel} has a stacking entry but ${ctx.configFile} has no release.stacking; add it (meta, learner, base)`,
            };
        const meta = await (0,stacking_meta/* stackingMetaOf */.b)(ctx);
        const width = stacking.base_outputs[0].length;
        if (meta.meta_learner.coef.length !== width)
            return {
                ...base,
                message: `${metaRel}: meta_learner.coef has ${(0,context/* plural */.LS)(meta.meta_learner.coef.length, 'coefficient')} but ${rel} stacking.base_outputs rows have ${(0,context/* plural */.LS)(width, 'column')}; the meta JSON and golden.json come from different runs`,
            };
        const actual = stacking.base_outputs.map((r) => (0,stacking_meta/* metaProbability */.$)(meta, r));
        const cmp = compareValues(actual, stacking.outputs, tolerance);
        if (cmp.worst)
            return {
                ...base,
                values: cmp.count,
                maxAbsDiff: cmp.maxAbsDiff,
                message: mismatchMessage(metaRel, `meta-learner probability for stacking row ${cmp.worst.index}`, cmp, tolerance, rel, 'its meta_learner coefficients or intercept differ from the learner that wrote golden.json: restore the file from the training job'),
            };
        return {
            ...base,
            status: 'pass',
            values: cmp.count,
            maxAbsDiff: cmp.maxAbsDiff,
            message: `${(0,context/* plural */.LS)(cmp.count, 'probability', 'probabilities')} within tolerance`,
        };
    }
    catch (error) {
        return { ...base, message: (0,errors/* errorMessage */.gJ)(error) };
    }
}
function mismatchMessage(name, what, cmp, tol, rel, why) {
    const w = cmp.worst;
    const others = cmp.mismatches > 1 ? `; ${cmp.mismatches} of ${cmp.count} values are beyond tolerance` : '';
    return `${name}: ${what} is ${fmt(w.actual)} but ${rel} has ${fmt(w.expected)} (difference ${formatDiff(Math.abs(w.actual - w.expected))}, allowed ${formatDiff(w.allowed)} by ${formatTolerance(tol)})${others}: ${why}`;
}
/** Row-major flat index to a multi-index: 7 in [2, 5] is [1, 2]. */
function unravel(index, dims) {
    const out = [];
    let rest = index;
    for (let i = dims.length - 1; i >= 0; i--) {
        const d = dims[i] || 1;
        out.unshift(rest % d);
        rest = Math.floor(rest / d);
    }
    return out.length ? out : [index];
}
/** Tolerances as people write them: 1e-5 rather than 0.00001. */
function formatTolerance(tol) {
    const f = (v) => v !== 0 && Math.abs(v) < 1e-3 ? v.toExponential().replace(/\.?0*e/, 'e') : String(v);
    return `atol ${f(tol.atol)}, rtol ${f(tol.rtol)}`;
}
function fmt(v) {
    return Number.isFinite(v) ? String(Number(v.toPrecision(7))) : String(v);
}
async function smokeRow(ctx, rel, kind) {
    const row = (status, message) => ({
        model: rel,
        kind,
        golden: 'none',
        status,
        values: 0,
        maxAbsDiff: null,
        message,
    });
    if (ctx.loadFailures.has(rel))
        return row('skip', 'no golden entry, and no smoke run: the model does not load (see load)');
    try {
        if (kind === 'onnx') {
            const model = await (0,check_load/* onnxModel */.Jb)(ctx, rel);
            const outputs = await (0,onnx/* runOnnx */.x)(model, (0,onnx/* smokeFeeds */.X_)(model));
            const bad = (0,onnx/* nonFiniteOutputs */.Nn)(outputs);
            if (bad.length)
                return row('fail', `${rel}: no golden entry, and its smoke run gives non-finite values in output ${bad[0].name}`);
            return row('pass', 'no golden entry: smoke run on inputs of the declared shapes, outputs finite');
        }
        const model = await (0,check_load/* treeModelFor */.JS)(ctx, rel);
        const [out = []] = await model.predict([new Array(model.info.features).fill(0)]);
        if (out.some((v) => !Number.isFinite(v)))
            return row('fail', `${rel}: no golden entry, and a row of zeros predicts a non-finite value`);
        return row('pass', 'no golden entry: smoke run on a row of zeros, outputs finite');
    }
    catch (error) {
        const message = (0,errors/* errorMessage */.gJ)(error);
        return row('fail', `${message.startsWith(rel) ? '' : `${rel}: `}${message} (no golden entry; smoke run failed)`);
    }
}


/***/ }),

/***/ 4965:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Rl: () => (/* binding */ checkLoad),
  Jb: () => (/* binding */ onnxModel),
  ZS: () => (/* binding */ startModelLoads),
  JS: () => (/* binding */ treeModelFor)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
// EXTERNAL MODULE: ./lib/core/models/onnx.js + 1 modules
var onnx = __webpack_require__(8061);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/core/bundle/zip.js
var bundle_zip = __webpack_require__(5267);
// EXTERNAL MODULE: ./lib/core/safety/pickle.js
var pickle = __webpack_require__(2834);
;// CONCATENATED MODULE: ./lib/core/models/torch.js
/**
 * Structural check of a PyTorch checkpoint, without PyTorch and without unpickling: the
 * storages the pickle references (its persistent ids) must be in the archive with at least
 * the bytes the tensors need, or `torch.load` fails on the server instead of in CI.
 *
 * Zip format (torch >= 1.6): one top folder holding `data.pkl`, `data/<key>` storages,
 * `version`, and from torch 2.1 `byteorder` and `.data/serialization_id`. Legacy format: five
 * pickles (magic number, protocol 1001, sys info, the object, the storage keys) followed by
 * each storage as an int64 element count and its raw bytes, in key order.
 */





const ELEMENT_SIZES = {
    DoubleStorage: 8,
    FloatStorage: 4,
    HalfStorage: 2,
    BFloat16Storage: 2,
    LongStorage: 8,
    IntStorage: 4,
    ShortStorage: 2,
    CharStorage: 1,
    ByteStorage: 1,
    BoolStorage: 1,
    ComplexDoubleStorage: 16,
    ComplexFloatStorage: 8,
    QInt8Storage: 1,
    QUInt8Storage: 1,
    QInt32Storage: 4,
    QUInt4x2Storage: 1,
    QUInt2x4Storage: 1,
    UntypedStorage: 1,
};
const LEGACY_MAGIC = 0x1950a86a20f9469cfc6cn;
const LEGACY_PROTOCOL = 1001;
const MAX_DATA_PKL = 256 * 1024 * 1024;
const REBUILDS_TENSOR = /^torch\._utils\._rebuild_(tensor|tensor_v2|tensor_v3|qtensor|device_tensor_from_numpy)$/;
function elementSizeOf(storageType) {
    const [, module, name] = /^(torch|torch\.storage)\.(\w+)$/.exec(storageType) ?? [];
    return module && name && Object.hasOwn(ELEMENT_SIZES, name) ? ELEMENT_SIZES[name] : undefined;
}
function fail(file, message) {
    return new errors/* ModelgateError */.HJ(`${file}: ${message}`, 'check', { file });
}
function countTensors(scan) {
    let n = 0;
    for (const [fn, calls] of Object.entries(scan.calls))
        if (REBUILDS_TENSOR.test(fn))
            n += calls;
    return n;
}
function isGlobalRef(v) {
    return (typeof v === 'object' &&
        v !== null &&
        typeof v.module === 'string' &&
        typeof v.name === 'string');
}
/** The storages named by `('storage', type, key, location, numel, ...)` persistent ids. */
function referencedStorages(file, pickleName, scan) {
    const byKey = new Map();
    for (const pid of scan.persistentIds) {
        const [kind, type, key, location, numel] = pid;
        if (kind !== 'storage' ||
            !isGlobalRef(type) ||
            typeof key !== 'string' ||
            typeof location !== 'string' ||
            typeof numel !== 'number') {
            throw fail(file, `${pickleName} holds a persistent id torch cannot load (${JSON.stringify(pid, (_k, v) => (typeof v === 'bigint' ? String(v) : v)).slice(0, 120)}); re-save the checkpoint with torch.save`);
        }
        const storageType = `${type.module}.${type.name}`;
        const elementSize = elementSizeOf(storageType);
        const previous = byKey.get(key);
        const ref = { key, storageType, location, numel: Math.max(numel, previous?.numel ?? 0) };
        if (elementSize !== undefined)
            ref.bytes = ref.numel * elementSize;
        byKey.set(key, ref);
    }
    return [...byKey.values()];
}
function missingMessage(pickleName, keys, label, container) {
    const names = keys.map(label);
    const list = names.length === 1
        ? `storage ${names[0]}`
        : `storages ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    return `${pickleName} references ${list}, which ${container} does not contain; the checkpoint is incomplete, save it again with torch.save`;
}
async function inspectZip(file, displayName) {
    const zip = await bundle_zip/* ZipReader */.z.open(file, displayName);
    try {
        const entries = zip.entries.map((e) => e.name);
        const files = entries.filter((n) => !n.endsWith('/'));
        const tops = new Set(files.map((n) => (n.includes('/') ? n.split('/')[0] : '')));
        const prefix = tops.size === 1 ? [...tops][0] : undefined;
        if (!prefix)
            throw fail(displayName, 'is a zip but not a PyTorch archive: its entries are not under one top folder with a data.pkl');
        const member = (rel) => `${prefix}/${rel}`;
        const dataPkl = zip.find(member('data.pkl'));
        if (!dataPkl)
            throw fail(displayName, `is a zip but not a PyTorch archive: ${member('data.pkl')} is missing`);
        const versionEntry = zip.find(member('version')) ?? zip.find(member('.data/version'));
        if (!versionEntry)
            throw fail(displayName, `has no ${member('version')} record; torch.load refuses archives without it`);
        const version = (await zip.read(versionEntry, 64)).toString('utf8').trim();
        const byteorderEntry = zip.find(member('byteorder'));
        let byteorder;
        if (byteorderEntry) {
            byteorder = (await zip.read(byteorderEntry, 16)).toString('utf8').trim();
            if (byteorder !== 'little' && byteorder !== 'big')
                throw fail(displayName, `has byteorder "${byteorder}"; expected "little" or "big"`);
        }
        const scan = (0,pickle/* scanPickle */.gs)(await zip.read(dataPkl, MAX_DATA_PKL));
        if (scan.error)
            throw fail(displayName, `data.pkl cannot be read: ${scan.error}`);
        const storages = referencedStorages(displayName, 'data.pkl', scan);
        const present = files
            .filter((n) => n.startsWith(member('data/')))
            .map((n) => n.slice(member('data/').length));
        const presentSet = new Set(present);
        const missing = storages.filter((s) => !presentSet.has(s.key)).map((s) => s.key);
        if (missing.length)
            throw fail(displayName, missingMessage('data.pkl', missing, (k) => `data/${k}`, 'the archive'));
        for (const s of storages) {
            const entry = zip.find(member(`data/${s.key}`));
            if (entry && s.bytes !== undefined && entry.size < s.bytes) {
                throw fail(displayName, `storage data/${s.key} holds ${entry.size} bytes but data.pkl needs ${s.bytes} (${s.numel} × ${s.storageType}); the archive is truncated or was edited`);
            }
        }
        const info = {
            file: displayName,
            format: 'zip',
            prefix,
            entries,
            storages,
            present,
            missing: [],
            tensors: countTensors(scan),
            version,
            globals: scan.globals,
        };
        if (byteorder !== undefined)
            info.byteorder = byteorder;
        return info;
    }
    finally {
        await zip.close();
    }
}
async function inspectLegacy(file, displayName) {
    const handle = await (0,promises_.open)(file, 'r');
    try {
        const { size } = await handle.stat();
        const scan = (0,pickle/* scanPickleFd */.or)(handle.fd, 0, size, { maxPickles: 5 });
        const [magic, protocol, sysInfo, , keys] = scan.values;
        if (magic !== LEGACY_MAGIC)
            throw fail(displayName, 'is not a PyTorch checkpoint (no zip header and no legacy magic number)');
        if (scan.error)
            throw fail(displayName, `the legacy checkpoint's pickles cannot be read: ${scan.error}`);
        if (scan.pickles < 5)
            throw fail(displayName, `the legacy checkpoint has ${scan.pickles} of its 5 pickles; the file is truncated`);
        if (protocol !== LEGACY_PROTOCOL)
            throw fail(displayName, `uses legacy protocol ${String(protocol)}; torch reads ${LEGACY_PROTOCOL}`);
        if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) {
            throw fail(displayName, 'the legacy checkpoint does not end its pickles with a list of storage keys');
        }
        const storages = referencedStorages(displayName, 'the pickled object', scan);
        const keySet = new Set(keys);
        const missing = storages.filter((s) => !keySet.has(s.key)).map((s) => s.key);
        if (missing.length)
            throw fail(displayName, missingMessage('the pickled object', missing, (k) => k, 'the file'));
        // Raw storages follow in key order: int64 element count, then the bytes.
        const byKey = new Map(storages.map((s) => [s.key, s]));
        let offset = scan.end;
        const countBuf = Buffer.alloc(8);
        for (const key of keys) {
            const ref = byKey.get(key);
            const elementSize = ref ? elementSizeOf(ref.storageType) : undefined;
            const { bytesRead } = await handle.read(countBuf, 0, 8, offset);
            if (bytesRead < 8)
                throw fail(displayName, `storage ${key} is missing: the file ends at byte ${offset}; the checkpoint is truncated`);
            const numel = Number(countBuf.readBigInt64LE(0));
            // A storage nothing references, or of an unknown type: the rest cannot be located.
            if (elementSize === undefined)
                break;
            if (numel < 0 || (ref && numel < ref.numel))
                throw fail(displayName, `storage ${key} holds ${numel} elements but the pickled object needs ${ref?.numel}`);
            offset += 8 + numel * elementSize;
            if (offset > size)
                throw fail(displayName, `storage ${key} runs past the end of the file (byte ${offset} of ${size}); the checkpoint is truncated`);
        }
        const info = {
            file: displayName,
            format: 'legacy',
            entries: [],
            storages,
            present: keys,
            missing: [],
            tensors: countTensors(scan),
            version: String(LEGACY_PROTOCOL),
            globals: scan.globals,
        };
        if (sysInfo && typeof sysInfo === 'object' && 'little_endian' in sysInfo)
            info.byteorder = sysInfo.little_endian ? 'little' : 'big';
        return info;
    }
    finally {
        await handle.close();
    }
}
/** Reads a `.pt` checkpoint's structure; throws ModelgateError('check') when torch could not load it. */
async function inspectTorchArchive(file, displayName = external_node_path_.basename(file)) {
    const handle = await (0,promises_.open)(file, 'r').catch((e) => {
        throw fail(displayName, `cannot be read (${e.message})`);
    });
    let head;
    try {
        head = Buffer.alloc(4);
        const { bytesRead } = await handle.read(head, 0, 4, 0);
        head = head.subarray(0, bytesRead);
    }
    finally {
        await handle.close();
    }
    if ((0,bundle_zip/* hasZipMagic */.p)(head))
        return inspectZip(file, displayName);
    if (head[0] === 0x80)
        return inspectLegacy(file, displayName);
    throw fail(displayName, 'is not a PyTorch checkpoint (neither a zip archive nor the legacy pickle format)');
}

// EXTERNAL MODULE: ./lib/core/validation/json-text.js
var json_text = __webpack_require__(9717);
// EXTERNAL MODULE: ./lib/core/health/context.js
var context = __webpack_require__(5669);
// EXTERNAL MODULE: ./lib/core/health/tree-pool.js + 4 modules
var tree_pool = __webpack_require__(4122);
;// CONCATENATED MODULE: ./lib/core/health/check-load.js
/**
 * `load`: every artifact opens the way the service will open it. ONNX files get an
 * onnxruntime session (names, types, dims, a run on inputs of the declared shapes, warm p50
 * latency); LightGBM and XGBoost files parse into the evaluators `golden` runs; torch
 * archives hold every storage their pickle names; JSON files parse. Pickles are never
 * loaded: `safety` walks them.
 */







/**
 * The warm-latency sample: the smoke run above was the cold first run, so one more warm-up,
 * then timed runs for 10 ms (at least 5): enough for a p50 shown to a tenth of a millisecond,
 * and the main thread is back for the rest of the healthcheck sooner.
 */
const LATENCY = { warmup: 1, budgetMs: 10 };
/**
 * Starts parsing the tree models, on a second thread when there is one, as soon as the files
 * and their kinds are known: the parse then runs beside integrity, safety and onnxruntime.
 */
function startModelLoads(ctx) {
    for (const file of ctx.files) {
        const kind = ctx.kinds.get(file.path);
        if (kind === 'lightgbm' || kind === 'xgboost')
            treeModel(ctx, file.path, kind);
    }
}
function treeModel(ctx, rel, kind) {
    let loading = ctx.trees.get(rel);
    if (!loading) {
        ctx.treePool ??= new tree_pool/* TreePool */.v();
        const file = ctx.byPath.get(rel);
        loading = ctx.treePool.load(file.absolute, kind, rel, file.size);
        // Rejections are read by `load`; this keeps an early failure from being "unhandled".
        loading.catch(() => undefined);
        ctx.trees.set(rel, loading);
    }
    return loading;
}
function startOnnxLoads(ctx) {
    for (const file of ctx.files)
        if (ctx.kinds.get(file.path) === 'onnx')
            onnxModel(ctx, file.path);
}
/** The ONNX session for a bundle file (created on first use when not started early). */
function onnxModel(ctx, rel) {
    let opening = ctx.onnx.get(rel);
    if (!opening) {
        opening = (0,onnx/* openOnnxModel */.FT)(ctx.byPath.get(rel).absolute, rel);
        opening.catch(() => undefined);
        ctx.onnx.set(rel, opening);
    }
    return opening;
}
function treeModelFor(ctx, rel) {
    const kind = ctx.kinds.get(rel);
    return kind === 'lightgbm' || kind === 'xgboost' ? treeModel(ctx, rel, kind) : undefined;
}
async function checkLoad(ctx) {
    startModelLoads(ctx);
    const rows = [];
    const onnxDetails = [];
    const treeDetails = [];
    const torchDetails = [];
    const counts = { onnx: 0, tree: 0, torch: 0, json: 0, pickle: 0, other: 0 };
    const isTree = (rel) => ctx.kinds.get(rel) === 'lightgbm' || ctx.kinds.get(rel) === 'xgboost';
    // Small files first, concurrently; then ONNX, whose latency is measured with nothing else on this thread.
    const others = ctx.files.filter((f) => ctx.kinds.get(f.path) !== 'onnx' && !isTree(f.path));
    const otherRows = await (0,context/* mapLimit */.sf)(others, 4, async (file) => {
        const kind = ctx.kinds.get(file.path) ?? 'other';
        try {
            switch (kind) {
                case 'torch': {
                    counts.torch++;
                    const info = await inspectTorchArchive(file.absolute, file.path);
                    const bytes = info.storages.reduce((n, s) => n + (s.bytes ?? 0), 0);
                    torchDetails.push({
                        file: file.path,
                        format: info.format,
                        storages: info.storages.length,
                        tensors: info.tensors,
                        bytes,
                    });
                    return { file: file.path, kind, status: 'pass', message: describeTorch(info) };
                }
                case 'json': {
                    counts.json++;
                    const { value, nonStandard } = (0,json_text/* parseJsonText */.lk)(await (0,promises_.readFile)(file.absolute, 'utf8'), file.path);
                    ctx.json.set(file.path, value);
                    if (nonStandard.length) {
                        const first = nonStandard[0];
                        return {
                            file: file.path,
                            kind,
                            status: 'warn',
                            line: first.line,
                            message: `${file.path}:${first.line} holds a bare ${first.token} (${(0,context/* plural */.LS)(nonStandard.length, 'such token')}), which Python reads but strict JSON readers reject; write it with json.dump(..., allow_nan=False) after replacing non-finite values`,
                        };
                    }
                    return { file: file.path, kind, status: 'pass', message: 'parses' };
                }
                case 'pickle':
                    counts.pickle++;
                    return {
                        file: file.path,
                        kind,
                        status: 'pass',
                        message: 'not loaded: pickles are never executed; safety walks them',
                    };
                default:
                    counts.other++;
                    return { file: file.path, kind, status: 'pass', message: 'not a model kind the healthcheck opens' };
            }
        }
        catch (error) {
            return failRow(file.path, kind, error);
        }
    });
    rows.push(...otherRows);
    startOnnxLoads(ctx);
    for (const file of ctx.files.filter((f) => ctx.kinds.get(f.path) === 'onnx')) {
        counts.onnx++;
        try {
            const model = await onnxModel(ctx, file.path);
            const detail = {
                file: file.path,
                inputs: model.inputs,
                outputs: model.outputs,
                openMs: round(model.openMs),
            };
            onnxDetails.push(detail);
            const nonTensor = (0,onnx/* nonTensorOutputs */.rD)(model);
            if (nonTensor.length) {
                rows.push({
                    file: file.path,
                    kind: 'onnx',
                    status: 'fail',
                    message: `${file.path}: output ${nonTensor.join(', ')} is a map or sequence (a skl2onnx ZipMap), which the service cannot read as a tensor; ${onnx/* ZIPMAP_FIX */.gS}`,
                });
                continue;
            }
            const feeds = (0,onnx/* smokeFeeds */.X_)(model);
            const outputs = await (0,onnx/* runOnnx */.x)(model, feeds);
            const bad = (0,onnx/* nonFiniteOutputs */.Nn)(outputs);
            if (bad.length) {
                const b = bad[0];
                rows.push({
                    file: file.path,
                    kind: 'onnx',
                    status: 'fail',
                    message: `${file.path}: output ${b.name} holds ${(0,context/* plural */.LS)(b.count, 'non-finite value')} (first ${b.value} at index ${b.first}) on inputs of the declared shapes ${model.inputs.map((i) => `${i.name}${(0,onnx/* formatDims */.pW)(i.dims)}`).join(', ')}; check the exported weights and any division or log in the graph`,
                });
                continue;
            }
            const latency = await (0,onnx/* measureLatency */.RJ)(model, feeds, LATENCY);
            detail.p50Ms = round(latency.p50Ms, 3);
            detail.runs = latency.runs;
            rows.push({
                file: file.path,
                kind: 'onnx',
                status: 'pass',
                message: `${model.inputs.map((i) => `${i.name} ${i.type}${(0,onnx/* formatDims */.pW)(i.dims)}`).join(', ')} -> ${model.outputs
                    .map((o) => `${o.name} ${o.type}${(0,onnx/* formatDims */.pW)(o.dims)}`)
                    .join(', ')}; p50 ${(0,context/* formatMs */._V)(latency.p50Ms)} over ${latency.runs} warm runs`,
            });
        }
        catch (error) {
            rows.push(failRow(file.path, 'onnx', error));
        }
    }
    // Tree models: the worker thread has been parsing them since config; this thread helps with
    // what the worker has not started, when enough is left to be worth a cold parse here.
    await ctx.treePool?.parseQueuedHere();
    for (const file of ctx.files.filter((f) => isTree(f.path))) {
        const kind = ctx.kinds.get(file.path);
        counts.tree++;
        try {
            const model = await treeModel(ctx, file.path, kind);
            treeDetails.push({ file: file.path, ...model.info, thread: model.thread });
            const smoke = await treeSmoke(model, file.path);
            const { info } = model;
            rows.push({
                file: file.path,
                kind,
                status: smoke ? 'fail' : 'pass',
                message: smoke ??
                    `${info.trees} trees, ${info.features} features, objective ${info.objective}${info.classes > 1 ? `, ${info.classes} classes` : ''}`,
            });
        }
        catch (error) {
            rows.push(failRow(file.path, kind, error));
        }
    }
    rows.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    for (const r of rows)
        if (r.status === 'fail')
            ctx.loadFailures.set(r.file, r.message);
    const problems = rows
        .filter((r) => r.status !== 'pass')
        .map((r) => (0,context/* fileProblem */.Wj)(ctx, r.status === 'fail' ? 'error' : 'warning', r.file, r.message, r.line));
    const status = (0,context/* worst */.QZ)(rows.map((r) => r.status));
    const details = {
        files: rows,
        onnx: onnxDetails,
        trees: treeDetails,
        torch: torchDetails,
        treeWorker: ctx.treePool?.threaded ?? false,
    };
    const failing = rows.filter((r) => r.status === 'fail');
    if (failing.length) {
        const more = failing.length > 1 ? ` (and ${(0,context/* plural */.LS)(failing.length - 1, 'more file')} failed to load)` : '';
        return { status, message: `${failing[0].message}${more}`, details, problems };
    }
    const parts = [
        counts.onnx
            ? `${counts.onnx} ONNX (p50 ${onnxDetails.map((d) => `${d.file} ${(0,context/* formatMs */._V)(d.p50Ms ?? 0)}`).join(', ')})`
            : '',
        counts.tree ? (0,context/* plural */.LS)(counts.tree, 'tree model') : '',
        counts.torch ? (0,context/* plural */.LS)(counts.torch, 'torch archive') : '',
        counts.json ? `${counts.json} JSON` : '',
    ].filter(Boolean);
    const warned = rows.filter((r) => r.status === 'warn');
    const message = `${(0,context/* plural */.LS)(ctx.files.length, 'file')} checked: ${parts.join(', ') || 'no models'}`;
    return {
        status,
        message: warned.length ? `${message}; ${warned[0].message}` : message,
        details,
        ...(problems.length ? { problems } : {}),
    };
}
function failRow(file, kind, error) {
    const message = (0,errors/* errorMessage */.gJ)(error);
    const line = error instanceof errors/* ModelgateError */.HJ ? error.line : undefined;
    return {
        file,
        kind,
        status: 'fail',
        message: message.startsWith(file) ? message : `${file}: ${message}`,
        ...(line ? { line } : {}),
    };
}
/** A row of zeros and a row of missing values must give finite outputs of the right width. */
async function treeSmoke(model, file) {
    const width = model.info.features;
    const expected = model.info.classes > 2 ? model.info.classes : 1;
    const labels = ['zeros', 'all missing'];
    const outputs = await model.predict([
        new Array(width).fill(0),
        new Array(width).fill(null),
    ]);
    for (const [i, out] of outputs.entries()) {
        if (out.length !== expected && !(model.info.classes === 2 && out.length === 1))
            return `${file}: predicts ${out.length} values for a row of ${labels[i]}, expected ${expected}`;
        if (out.some((v) => !Number.isFinite(v)))
            return `${file}: predicts a non-finite value (${out.join(', ')}) for a row of ${labels[i]}`;
    }
    return undefined;
}
function describeTorch(info) {
    return `${info.format} format, ${(0,context/* plural */.LS)(info.tensors, 'tensor')} in ${(0,context/* plural */.LS)(info.storages.length, 'storage')}, every storage its pickle names is present`;
}
function round(ms, digits = 1) {
    const f = 10 ** digits;
    return Math.round(ms * f) / f;
}


/***/ }),

/***/ 5669:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CA: () => (/* binding */ newContext),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   QZ: () => (/* binding */ worst),
/* harmony export */   Wj: () => (/* binding */ fileProblem),
/* harmony export */   ZV: () => (/* binding */ annotationPath),
/* harmony export */   _V: () => (/* binding */ formatMs),
/* harmony export */   k_: () => (/* binding */ runCheck),
/* harmony export */   sf: () => (/* binding */ mapLimit),
/* harmony export */   zy: () => (/* binding */ readHead)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3828);
/**
 * What the healthcheck's checks share: the bundle as listed once, the kinds of its files,
 * and the results one check hands to a later one (ONNX sessions and parsed tree models are
 * made once by `load` and reused by `golden`; hashes by `integrity`).
 */



/** A context before any check has run. */
function newContext(init) {
    return {
        bundle: init.bundle,
        root: init.root ?? init.bundle,
        config: init.config,
        configFile: init.configFile,
        ...(init.command ? { command: init.command } : {}),
        files: [],
        special: [],
        byPath: new Map(),
        kinds: new Map(),
        heads: new Map(),
        sha256: new Map(),
        onnx: new Map(),
        trees: new Map(),
        json: new Map(),
        loadFailures: new Map(),
        pickleGlobals: new Map(),
    };
}
/**
 * The file name for annotations: relative to the working directory (the workspace in
 * Actions) when inside it, so GitHub attaches the annotation to the file.
 */
function annotationPath(ctx, rel) {
    const base = ctx.tarball ?? ctx.bundle;
    const abs = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(rel && !ctx.tarball ? node_path__WEBPACK_IMPORTED_MODULE_1__.join(base, rel) : base);
    const fromCwd = node_path__WEBPACK_IMPORTED_MODULE_1__.relative(process.cwd(), abs);
    return fromCwd && !fromCwd.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(fromCwd) ? fromCwd : abs;
}
/** A problem about one file of the bundle. */
function fileProblem(ctx, severity, rel, message, line) {
    return { severity, message, file: annotationPath(ctx, rel), ...(line ? { line } : {}) };
}
/** Runs one check, timed; anything it throws becomes a `fail` naming what it was about. */
async function runCheck(name, ctx, fn, onProgress) {
    const started = performance.now();
    let outcome;
    if (ctx.fatal && ctx.fatal.check !== name) {
        outcome = { status: 'skip', message: `skipped: ${ctx.fatal.reason}` };
    }
    else {
        try {
            outcome = await fn(ctx);
        }
        catch (error) {
            const message = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error);
            const file = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelgateError */ .HJ ? error.file : undefined;
            outcome = {
                status: 'fail',
                message,
                problems: [
                    {
                        severity: 'error',
                        message,
                        file: annotationPath(ctx, file && ctx.byPath.has(file) ? file : undefined),
                    },
                ],
            };
            if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelgateError */ .HJ) && error instanceof Error && error.stack)
                outcome.details = { stack: error.stack };
        }
    }
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const result = { name, status: outcome.status, ms, message: outcome.message };
    if (outcome.details !== undefined)
        result.details = outcome.details;
    if (outcome.problems?.length)
        result.problems = outcome.problems;
    onProgress?.(`${STATUS_WORD[result.status]} ${name} (${formatMs(ms)}): ${result.message}`);
    return result;
}
const STATUS_WORD = { pass: 'pass', warn: 'WARN', fail: 'FAIL', skip: 'skip' };
function formatMs(ms) {
    if (ms >= 1000)
        return `${(ms / 1000).toFixed(2)} s`;
    if (ms >= 10)
        return `${Math.round(ms)} ms`;
    return `${ms.toFixed(ms < 1 ? 2 : 1)} ms`;
}
/** The worst of several statuses: fail > warn > pass > skip. */
function worst(statuses) {
    if (statuses.includes('fail'))
        return 'fail';
    if (statuses.includes('warn'))
        return 'warn';
    if (statuses.includes('pass'))
        return 'pass';
    return statuses.length ? 'skip' : 'pass';
}
/** Reads the first `length` bytes of a file (less for a shorter file). */
async function readHead(file, length = 64) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(file, 'r');
    try {
        const buf = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buf, 0, length, 0);
        return buf.subarray(0, bytesRead);
    }
    finally {
        await handle.close();
    }
}
/** Runs `fn` over `items` with at most `limit` in flight, keeping the order of results. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i], i);
        }
    });
    await Promise.all(workers);
    return results;
}
/** "1 file", "3 files". */
function plural(n, word, many = `${word}s`) {
    return `${n} ${n === 1 ? word : many}`;
}


/***/ }),

/***/ 3425:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sP: () => (/* binding */ runHealthcheck)
});

// UNUSED EXPORTS: HEALTH_CHECKS, isTarball

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/core/bundle/tar.js
var tar = __webpack_require__(6019);
// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
// EXTERNAL MODULE: ./lib/core/report/types.js
var types = __webpack_require__(1339);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./lib/core/validation/describe.js
var describe = __webpack_require__(2502);
// EXTERNAL MODULE: ./lib/core/health/context.js
var context = __webpack_require__(5669);
;// CONCATENATED MODULE: ./lib/core/health/check-command.js
/**
 * `command`: a check of the user's own (input `command`), run in a shell with the bundle's
 * directory in MODELGATE_BUNDLE. It prints `{"checks": [...]}` on stdout; those checks join
 * the report. A non-zero exit, output that is not that JSON, or a timeout fails the check
 * with the tail of its stderr.
 */





const userCheckSchema = schemas/* object */.Ikc({
    name: schemas/* string */.YjP().min(1),
    status: schemas/* enum */.k5n(['pass', 'warn', 'fail', 'skip']),
    message: schemas/* string */.YjP().default(''),
    ms: schemas/* number */.aig().nonnegative().optional(),
    details: schemas/* unknown */.L5J().optional(),
    file: schemas/* string */.YjP().optional(),
    line: schemas/* number */.aig().int().positive().optional(),
})
    .catchall(schemas/* unknown */.L5J());
const outputSchema = schemas/* object */.Ikc({ checks: schemas/* array */.YOg(userCheckSchema) }).catchall(schemas/* unknown */.L5J());
const STDERR_TAIL_LINES = 20;
const STDERR_KEEP = 16 * 1024;
/** Runs `command` in bash (sh when bash is absent) in its own process group, so a timeout kills all of it. */
function runUserCommand(command, env, options = {}) {
    const timeoutMs = options.timeoutMs ?? 10 * 60 * 1000;
    const maxStdout = options.maxStdout ?? 16 * 1024 * 1024;
    const shell = (0,external_node_fs_.existsSync)('/bin/bash') ? '/bin/bash' : '/bin/sh';
    const started = performance.now();
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(shell, ['-c', command], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
        const out = [];
        let outBytes = 0;
        let overflow = false;
        let err = '';
        let timedOut = false;
        const killGroup = () => {
            try {
                if (child.pid)
                    process.kill(-child.pid, 'SIGKILL');
            }
            catch {
                // Already gone.
            }
        };
        const timer = setTimeout(() => {
            timedOut = true;
            killGroup();
        }, timeoutMs);
        child.stdout.on('data', (chunk) => {
            outBytes += chunk.length;
            if (outBytes > maxStdout) {
                overflow = true;
                killGroup();
                return;
            }
            out.push(chunk);
        });
        child.stderr.on('data', (chunk) => {
            err = (err + chunk.toString('utf8')).slice(-STDERR_KEEP);
        });
        child.on('error', (error) => {
            clearTimeout(timer);
            reject(error);
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            resolve({
                code,
                signal,
                stdout: Buffer.concat(out).toString('utf8'),
                stderrTail: tail(err),
                timedOut,
                overflow,
                ms: performance.now() - started,
            });
        });
    });
}
function tail(text) {
    const lines = text.replace(/\s+$/, '').split('\n');
    return lines.slice(-STDERR_TAIL_LINES).join('\n');
}
async function checkCommand(ctx, options = {}) {
    const command = ctx.command?.trim();
    if (!command)
        return { status: 'skip', message: 'no command input' };
    const env = { ...process.env, MODELGATE_BUNDLE: ctx.root, MODELGATE_CONFIG: ctx.configFile };
    const run = await runUserCommand(command, env, options);
    const withStderr = (message) => run.stderrTail ? `${message}; stderr ends with:\n${run.stderrTail}` : `${message} (stderr was empty)`;
    const failed = (message) => {
        const full = withStderr(message);
        return {
            status: 'fail',
            message: full,
            details: { command, exitCode: run.code, signal: run.signal, stderrTail: run.stderrTail },
            problems: [{ severity: 'error', message: full }],
        };
    };
    if (run.timedOut)
        return failed(`command \`${command}\` did not finish within ${(0,context/* formatMs */._V)(options.timeoutMs ?? 600_000)} and was killed`);
    if (run.overflow)
        return failed(`command \`${command}\` printed more than ${options.maxStdout ?? 16 * 1024 * 1024} bytes on stdout and was killed; print only the {"checks": [...]} JSON`);
    if (run.code !== 0)
        return failed(`command \`${command}\` exited with ${run.code === null ? `signal ${run.signal}` : `code ${run.code}`}`);
    let value;
    try {
        value = JSON.parse(run.stdout);
    }
    catch {
        const first = run.stdout.trim().split('\n')[0] ?? '';
        const shown = first
            ? `begins ${JSON.stringify(first.length > 80 ? `${first.slice(0, 77)}...` : first)}`
            : 'is empty';
        return failed(`command \`${command}\` must print {"checks": [...]} as JSON on stdout, but its output ${shown}; send logs to stderr`);
    }
    const parsed = outputSchema.safeParse(value);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return failed(`command \`${command}\` printed JSON that is not {"checks": [...]}: ${(0,describe/* dottedPath */.wM)(issue.path)}: ${(0,describe/* describeIssue */.n6)(issue, value)}`);
    }
    const checks = parsed.data.checks;
    const problems = checks
        .filter((c) => c.status === 'fail' || c.status === 'warn')
        .map((c) => ({
        severity: c.status === 'fail' ? 'error' : 'warning',
        message: `${c.name}: ${c.message}`,
        ...(c.file ? { file: c.file } : {}),
        ...(c.line ? { line: c.line } : {}),
    }));
    const statuses = checks.map((c) => c.status);
    const status = checks.length ? (0,context/* worst */.QZ)(statuses) : 'warn';
    const details = { command, checks, ms: Math.round(run.ms) };
    if (!checks.length)
        return { status, message: `command \`${command}\` reported no checks`, details };
    const bad = checks.find((c) => c.status === status && (status === 'fail' || status === 'warn'));
    const counts = ['pass', 'warn', 'fail', 'skip']
        .map((s) => [s, checks.filter((c) => c.status === s).length])
        .filter(([, n]) => n)
        .map(([s, n]) => `${n} ${s}`)
        .join(', ');
    const message = `${(0,context/* plural */.LS)(checks.length, 'check')} from \`${command}\` (${counts})${bad ? `: ${bad.name}: ${bad.message}` : ''}`;
    return {
        status: status === 'skip' ? 'pass' : status,
        message,
        details,
        ...(problems.length ? { problems } : {}),
    };
}

// EXTERNAL MODULE: ./lib/core/bundle/files.js
var bundle_files = __webpack_require__(2015);
;// CONCATENATED MODULE: ./lib/core/health/kinds.js
/**
 * What a file is, from its first bytes: enough to tell a declared kind that cannot be right
 * (a PyTorch archive listed as ONNX, a pickle saved where XGBoost JSON belongs) before any
 * parser sees it, and to pick a checker for files the config does not list.
 */

function sniff(head) {
    if (head.length === 0)
        return 'empty';
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)
        return 'zip';
    if (head[0] === 0x1f && head[1] === 0x8b)
        return 'gzip';
    // PROTO opcode then a protocol number; the legacy torch format opens with protocol 2 and a LONG1 magic number.
    if (head[0] === 0x80 && head[1] !== undefined && head[1] >= 2 && head[1] <= 5)
        return head[2] === 0x8a ? 'torch-legacy' : 'pickle';
    const text = head.toString('latin1');
    if (/^tree\r?\n/.test(text))
        return 'lightgbm';
    if (/^\s*[{[]/.test(text))
        return 'json';
    // ModelProto opens with ir_version (field 1, varint) in every exporter's output.
    if (head[0] === 0x08 && head.length > 2 && head[1] < 0x20)
        return 'onnx';
    return isText(head) ? 'text' : 'binary';
}
function isText(head) {
    for (const b of head)
        if (b < 9 || (b > 13 && b < 32) || b === 127)
            return false;
    return true;
}
const DETECTED_NAME = {
    empty: 'an empty file',
    zip: 'a zip archive (a PyTorch .pt file?)',
    gzip: 'gzip-compressed data',
    pickle: 'a pickle',
    'torch-legacy': 'a legacy-format PyTorch file',
    json: 'JSON text',
    lightgbm: 'a LightGBM text model',
    onnx: 'an ONNX model',
    text: 'plain text',
    binary: 'binary data',
};
const EXPECTED = {
    onnx: { ok: ['onnx', 'binary'], fix: 'export it with torch.onnx.export (or skl2onnx) to a .onnx file' },
    torch: { ok: ['zip', 'torch-legacy', 'pickle'], fix: 'save it with torch.save' },
    lightgbm: { ok: ['lightgbm'], fix: "save it as text with booster.save_model('model.txt')" },
    xgboost: { ok: ['json'], fix: "save it as JSON with model.save_model('model.json')" },
    // Protocol 0 and 1 pickles are text-like; the safety check reads them opcode by opcode.
    pickle: {
        ok: ['pickle', 'torch-legacy', 'text', 'binary'],
        fix: 'save it with pickle.dump or joblib.dump (uncompressed)',
    },
    json: { ok: ['json'], fix: 'write it with json.dump' },
};
/** Why a file of `detected` content cannot be of the declared kind, or undefined when it can. */
function kindMismatch(declared, detected) {
    const rule = EXPECTED[declared];
    if (rule.ok.includes(detected))
        return undefined;
    return `declared kind ${declared} but the file is ${DETECTED_NAME[detected]}; ${detected === 'empty' ? 'the file is empty: copy it again from the training job' : `fix its kind in release.artifacts, or ${rule.fix}`}`;
}
/** Kind of a file the config does not list, from its extension and content. */
function guessKind(rel, detected) {
    const ext = external_node_path_.extname(rel).toLowerCase();
    if (ext === '.onnx')
        return 'onnx';
    if (ext === '.pt' || ext === '.pth')
        return 'torch';
    if (ext === '.pkl' || ext === '.pickle' || ext === '.joblib')
        return 'pickle';
    if (detected === 'lightgbm')
        return 'lightgbm';
    if (ext === '.json' || detected === 'json')
        return 'json';
    if (detected === 'pickle' || detected === 'torch-legacy')
        return 'pickle';
    if (detected === 'zip' && ext === '.bin')
        return 'torch';
    return 'other';
}

;// CONCATENATED MODULE: ./lib/core/health/check-config.js
/**
 * `config`: the bundle holds every artifact `release.artifacts` lists, each of the declared
 * kind; files the config does not list are a warning (they ship, but nothing checks them
 * against an intention). A missing or empty bundle stops the healthcheck with one line.
 */




async function checkConfig(ctx) {
    let listing;
    try {
        listing = await (0,bundle_files/* listBundle */.tK)(ctx.root);
    }
    catch (error) {
        ctx.fatal = { check: 'config', reason: 'there is no bundle to check' };
        const message = (0,errors/* errorMessage */.gJ)(error);
        return { status: 'fail', message, problems: [{ severity: 'error', message }] };
    }
    const files = listing.files.filter((f) => f.path !== ctx.manifestInBundle);
    ctx.files = files;
    ctx.special = listing.special;
    ctx.byPath = new Map(files.map((f) => [f.path, f]));
    if (files.length === 0) {
        ctx.fatal = { check: 'config', reason: 'the bundle is empty' };
        const message = `${ctx.bundle}: the bundle is empty (no model files); point the bundle input at the directory or .tar.gz the training job wrote`;
        return {
            status: 'fail',
            message,
            problems: [{ severity: 'error', message, file: ctx.tarball ?? ctx.bundle }],
        };
    }
    const heads = await (0,context/* mapLimit */.sf)(files, 8, (f) => (0,context/* readHead */.zy)(f.absolute));
    files.forEach((f, i) => ctx.heads.set(f.path, heads[i]));
    const problems = [];
    const rows = [];
    const declared = new Map(ctx.config.release.artifacts.map((a) => [a.path, a.kind]));
    for (const artifact of ctx.config.release.artifacts) {
        const file = ctx.byPath.get(artifact.path);
        if (!file) {
            const message = `${artifact.path}: listed in release.artifacts (${ctx.configFile}) with kind ${artifact.kind} but missing from the bundle; add it to the bundle or remove it from the config`;
            problems.push({ severity: 'error', message, file: ctx.configFile });
            rows.push({ path: artifact.path, kind: artifact.kind, status: 'missing', message });
            continue;
        }
        const mismatch = kindMismatch(artifact.kind, sniff(ctx.heads.get(file.path)));
        if (mismatch) {
            const message = `${artifact.path}: ${mismatch}`;
            problems.push((0,context/* fileProblem */.Wj)(ctx, 'error', file.path, message));
            rows.push({ path: artifact.path, kind: artifact.kind, size: file.size, status: 'wrong kind', message });
        }
        else
            rows.push({ path: artifact.path, kind: artifact.kind, size: file.size, status: 'ok' });
    }
    const unlisted = [];
    for (const file of files) {
        const kind = declared.get(file.path) ?? guessKind(file.path, sniff(ctx.heads.get(file.path)));
        ctx.kinds.set(file.path, kind);
        // golden.json is expected by release.golden even when the artifact list leaves it out.
        if (declared.has(file.path) || file.path === ctx.config.release.golden)
            continue;
        unlisted.push(file.path);
        const message = `${file.path}: in the bundle but not in release.artifacts (${ctx.configFile}); add it with its kind (checked as ${kind}) or leave it out of the bundle`;
        problems.push((0,context/* fileProblem */.Wj)(ctx, 'warning', file.path, message));
        rows.push({ path: file.path, kind, size: file.size, status: 'unlisted', message });
    }
    const listed = ctx.config.release.artifacts.length;
    const missing = rows.filter((r) => r.status === 'missing').length;
    const wrongKind = rows.filter((r) => r.status === 'wrong kind').length;
    const details = { artifacts: rows, files: files.length, unlisted };
    if (missing || wrongKind) {
        const firstError = problems.find((p) => p.severity === 'error');
        const counts = [missing ? `${missing} missing` : '', wrongKind ? `${wrongKind} of the wrong kind` : '']
            .filter(Boolean)
            .join(', ');
        const more = missing + wrongKind > 1 ? ` (${counts} of ${listed} artifacts)` : '';
        return { status: 'fail', message: `${firstError.message}${more}`, details, problems };
    }
    const present = `${listed} of ${listed} artifacts present with their declared kinds`;
    if (unlisted.length)
        return {
            status: 'warn',
            message: `${present}; ${(0,context/* plural */.LS)(unlisted.length, 'file')} not in release.artifacts: ${unlisted.join(', ')}`,
            details,
            problems,
        };
    return { status: 'pass', message: present, details };
}

// EXTERNAL MODULE: ./lib/core/health/check-golden.js + 1 modules
var check_golden = __webpack_require__(2252);
// EXTERNAL MODULE: ./lib/core/health/stacking-meta.js
var stacking_meta = __webpack_require__(9428);
;// CONCATENATED MODULE: ./lib/core/health/check-inference.js
/**
 * `inference`: the end-to-end result the training job printed (bull_prob, regime,
 * direction), as the seed's inference test showed it. When golden.json also carries the
 * stacking vectors, bull_prob is checked against the meta-learner's probability for the
 * latest bar (the last stacking row), recomputed here, as printed (to 3 decimals).
 */


/** bull_prob is printed with three decimals. */
const PRINTED = 0.0005;
async function checkInference(ctx) {
    const golden = ctx.golden;
    if (!golden) {
        return {
            status: ctx.goldenError ? 'fail' : 'skip',
            message: ctx.goldenError
                ? `no inference result: ${ctx.goldenError}`
                : `no ${ctx.config.release.golden} in the bundle, so no inference result to show`,
        };
    }
    const inference = golden.inference;
    if (!inference)
        return {
            status: 'warn',
            message: `${ctx.config.release.golden} has no inference entry; have the training job record its end-to-end result (bull_prob, regime, direction)`,
        };
    ctx.inference = {
        bull_prob: inference.bull_prob,
        regime: inference.regime,
        direction: inference.direction,
    };
    const shown = `bull_prob ${inference.bull_prob}, regime ${inference.regime}, direction ${inference.direction}`;
    const details = { ...inference };
    if (golden.stacking && ctx.config.release.stacking) {
        try {
            const meta = await (0,stacking_meta/* stackingMetaOf */.b)(ctx);
            const last = golden.stacking.base_outputs[golden.stacking.base_outputs.length - 1];
            if (meta.meta_learner.coef.length === last.length) {
                const recomputed = (0,stacking_meta/* metaProbability */.$)(meta, last);
                details.recomputed_bull_prob = recomputed;
                if (Math.abs(recomputed - inference.bull_prob) > PRINTED + 1e-9)
                    return {
                        status: 'warn',
                        message: `${shown}; but the meta-learner gives ${recomputed.toFixed(4)} for the latest bar (last stacking row of ${ctx.config.release.golden}): the printed result and the stacking disagree`,
                        details,
                    };
            }
        }
        catch (error) {
            // The stacking and golden checks report a broken meta JSON; here it only means no cross-check.
            details.cross_check = (0,errors/* errorMessage */.gJ)(error);
        }
    }
    return { status: 'pass', message: shown, details };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./lib/core/manifest.js
var manifest = __webpack_require__(9718);
;// CONCATENATED MODULE: ./lib/core/health/check-integrity.js
/**
 * `integrity`: file count, total size and the sha256 of every file (streamed, several files
 * in flight); with a manifest, every file's size and hash must match it and no file may be
 * missing or extra. This is what catches a flipped byte or a half-copied file.
 */







/** Files hashed at once: enough to keep the disk and the hash busy, few enough to stay in cache. */
const HASH_CONCURRENCY = 4;
/**
 * Files up to this size are read whole and hashed in one call: a stream's per-chunk events and
 * buffers cost the main thread about a third more than the hash itself. Larger files are
 * streamed, so memory stays bounded (HASH_CONCURRENCY files of this size at most).
 */
const WHOLE_FILE_BYTES = 16 * 1024 * 1024;
async function hashBundle(ctx) {
    const hashes = await (0,context/* mapLimit */.sf)(ctx.files, HASH_CONCURRENCY, sha256Of);
    ctx.files.forEach((f, i) => ctx.sha256.set(f.path, hashes[i]));
}
async function sha256Of(file) {
    if (file.size > WHOLE_FILE_BYTES)
        return (0,bundle_files/* sha256File */.Q3)(file.absolute);
    // Read to the end whatever the listed size: a file that changed since is hashed as it is now.
    return (0,external_node_crypto_.createHash)('sha256')
        .update(await (0,promises_.readFile)(file.absolute))
        .digest('hex');
}
async function checkIntegrity(ctx) {
    const [, manifestResult] = await Promise.all([hashBundle(ctx), readManifest(ctx)]);
    const bytes = ctx.files.reduce((sum, f) => sum + f.size, 0);
    const counted = `${(0,context/* plural */.LS)(ctx.files.length, 'file')}, ${(0,bundle_files/* formatSize */.Xq)(bytes)}`;
    const fileRows = ctx.files.map((f) => ({ path: f.path, size: f.size, sha256: ctx.sha256.get(f.path) }));
    if (!manifestResult) {
        return {
            status: 'pass',
            message: `${counted}; no manifest, so sizes and hashes were recorded but not compared`,
            details: { files: fileRows, bytes, manifest: null },
        };
    }
    if ('error' in manifestResult) {
        const message = manifestResult.error;
        return {
            status: 'fail',
            message,
            details: { files: fileRows, bytes, manifest: ctx.manifest },
            problems: [{ severity: 'error', message, file: (0,context/* annotationPath */.ZV)(ctx, ctx.manifestInBundle) }],
        };
    }
    const manifest = manifestResult.manifest;
    const manifestName = manifestDisplayName(ctx);
    const problems = [];
    const mismatches = [];
    const expected = new Map(manifest.files.map((f) => [f.path, f]));
    for (const file of ctx.files) {
        const entry = expected.get(file.path);
        if (!entry) {
            const message = `${file.path}: in the bundle but not in ${manifestName}; the bundle changed after packaging: re-run modelgate package, or remove the file`;
            problems.push((0,context/* fileProblem */.Wj)(ctx, 'error', file.path, message));
            mismatches.push({ path: file.path, problem: 'extra' });
            continue;
        }
        const sha = ctx.sha256.get(file.path);
        if (entry.size !== file.size) {
            const message = `${file.path}: size ${file.size} bytes, ${manifestName} says ${entry.size}; the file is truncated or was replaced: copy it again or re-run modelgate package`;
            problems.push((0,context/* fileProblem */.Wj)(ctx, 'error', file.path, message));
            mismatches.push({ path: file.path, problem: 'size', expected: entry.size, actual: file.size });
        }
        else if (entry.sha256 !== sha) {
            const message = `${file.path}: sha256 ${sha.slice(0, 12)}… does not match ${manifestName} (${entry.sha256.slice(0, 12)}…) although the size matches: the file is corrupted (a flipped byte?) or was edited after packaging`;
            problems.push((0,context/* fileProblem */.Wj)(ctx, 'error', file.path, message));
            mismatches.push({ path: file.path, problem: 'sha256', expected: entry.sha256, actual: sha });
        }
    }
    for (const entry of manifest.files) {
        if (ctx.byPath.has(entry.path) || entry.path === ctx.manifestInBundle)
            continue;
        const message = `${entry.path}: listed in ${manifestName} but missing from the bundle; copy it again from the release`;
        problems.push({ severity: 'error', message, file: (0,context/* annotationPath */.ZV)(ctx, ctx.manifestInBundle) });
        mismatches.push({ path: entry.path, problem: 'missing', expected: entry.sha256 });
    }
    const details = { files: fileRows, bytes, manifest: manifestName, mismatches };
    if (problems.length) {
        const first = problems[0].message;
        return {
            status: 'fail',
            message: problems.length > 1
                ? `${first} (and ${(0,context/* plural */.LS)(problems.length - 1, 'more mismatch', 'more mismatches')})`
                : first,
            details,
            problems,
        };
    }
    return { status: 'pass', message: `${counted}; every size and sha256 matches ${manifestName}`, details };
}
function manifestDisplayName(ctx) {
    if (ctx.manifestInBundle)
        return ctx.manifestInBundle;
    return ctx.manifest ? external_node_path_.basename(ctx.manifest) : 'the manifest';
}
async function readManifest(ctx) {
    if (!ctx.manifest)
        return undefined;
    // Inside a tarball the manifest lives in a temporary folder: name it as the bundle does.
    const name = ctx.manifestInBundle && ctx.tarball
        ? `${external_node_path_.basename(ctx.tarball)}:${ctx.manifestInBundle}`
        : ctx.manifest;
    let text;
    try {
        text = await (0,promises_.readFile)(ctx.manifest, 'utf8');
    }
    catch (error) {
        const code = error.code;
        return {
            error: `${name}: cannot read the manifest (${code ?? error.message}); pass the manifest input, or leave it out to check without one`,
        };
    }
    try {
        return { manifest: (0,manifest/* parseManifest */.Ng)(text, name) };
    }
    catch (error) {
        return { error: (0,errors/* errorMessage */.gJ)(error) };
    }
}

// EXTERNAL MODULE: ./lib/core/health/check-load.js + 1 modules
var check_load = __webpack_require__(4965);
// EXTERNAL MODULE: ./lib/core/bundle/zip.js
var bundle_zip = __webpack_require__(5267);
;// CONCATENATED MODULE: ./lib/core/safety/allowlist.js
/**
 * The globals a pickle may import and still pass the `safety` check.
 *
 * A global is whatever the unpickler imports and can then call with arguments taken from
 * the file (REDUCE, NEWOBJ, BUILD's `__setstate__`). So the list holds only callables that,
 * whatever arguments they get, build data: tensors from storages, arrays from bytes,
 * estimators from their attributes. Every argument they receive is itself either plain
 * data or another allowed global, so composing them cannot reach anything else.
 *
 * What it covers:
 * - PyTorch state dicts (`torch.save(model.state_dict())`, zip or legacy): the tensor and
 *   parameter rebuild functions, storage classes (only ever named inside persistent ids),
 *   `collections.OrderedDict`, and the value types a state dict can carry (`torch.Size`,
 *   `torch.device`, dtypes).
 * - numpy arrays and scalars: `_reconstruct`, `ndarray`, `dtype`, `scalar`, and
 *   `_frombuffer` (protocol 5), under both `numpy.core` (numpy 1) and `numpy._core` (numpy 2).
 * - scikit-learn estimators: classes (CamelCase names) in the estimator packages below.
 *   Their unpickling is `cls.__new__` plus `__setstate__`, which only stores attributes.
 *   Functions are never allowed, and neither are packages that hold helpers which read
 *   files, fetch URLs or run code (`sklearn.utils` with `_testing`, `sklearn.datasets`,
 *   `sklearn.externals`, `sklearn.metrics` scorers wrapping callables, test modules).
 * - Protocol 0-2 plumbing: `_codecs.encode` (how protocol 2 spells bytes; a codec lookup
 *   can only import modules inside the `encodings` package), `copyreg._reconstructor` with
 *   `builtins.object` (how protocol 0-1 rebuild plain objects), and the data constructors
 *   `set`, `frozenset`, `bytearray`, `complex`, `slice`, `range`.
 *
 * Everything else fails: `os`/`posix`/`nt`, `subprocess`, `builtins.eval`/`exec`/
 * `getattr`/`__import__`/`compile`/`open`/`globals`, `runpy`, `socket`, `pydoc`,
 * `operator.methodcaller`/`attrgetter`, `pickle.loads`, `torch.load`,
 * `torch.storage._load_from_bytes` (a nested unrestricted load), `numpy.load`,
 * `numpy.random` ... and any module a model's own code defines (whole-module pickles).
 */
/** Python 2 module names the Python 3 unpickler maps on load (`fix_imports`). */
const PY2_MODULES = {
    __builtin__: 'builtins',
    copy_reg: 'copyreg',
};
const TORCH_STORAGES = [
    'FloatStorage',
    'DoubleStorage',
    'HalfStorage',
    'BFloat16Storage',
    'LongStorage',
    'IntStorage',
    'ShortStorage',
    'CharStorage',
    'ByteStorage',
    'BoolStorage',
    'ComplexFloatStorage',
    'ComplexDoubleStorage',
    'QInt8Storage',
    'QUInt8Storage',
    'QInt32Storage',
    'QUInt4x2Storage',
    'QUInt2x4Storage',
    'UntypedStorage',
];
const TORCH_DTYPES = [
    'float16',
    'float32',
    'float64',
    'bfloat16',
    'half',
    'float',
    'double',
    'int8',
    'int16',
    'int32',
    'int64',
    'uint8',
    'short',
    'int',
    'long',
    'bool',
    'complex64',
    'complex128',
    'cfloat',
    'cdouble',
];
const NUMPY_MULTIARRAY = ['_reconstruct', 'scalar'];
/** Exact (module, name) pairs, with Python 3 module names. */
const ALLOWED_GLOBALS = {
    // torch state dicts
    'torch._utils': [
        '_rebuild_tensor',
        '_rebuild_tensor_v2',
        '_rebuild_parameter',
        '_rebuild_parameter_with_state',
        '_rebuild_qtensor',
        '_rebuild_device_tensor_from_numpy',
    ],
    'torch._tensor': ['_rebuild_from_type_v2'],
    torch: [...TORCH_STORAGES, ...TORCH_DTYPES, 'Size', 'device', 'Tensor'],
    'torch.storage': ['UntypedStorage'],
    'torch.nn.parameter': ['Parameter'],
    collections: ['OrderedDict'],
    // numpy arrays and scalars
    numpy: ['ndarray', 'dtype'],
    'numpy.core.multiarray': NUMPY_MULTIARRAY,
    'numpy._core.multiarray': NUMPY_MULTIARRAY,
    'numpy.core.numeric': ['_frombuffer'],
    'numpy._core.numeric': ['_frombuffer'],
    // protocol 0-2 plumbing and plain data constructors
    _codecs: ['encode'],
    copyreg: ['_reconstructor'],
    builtins: ['set', 'frozenset', 'bytearray', 'complex', 'slice', 'range', 'object'],
};
/** scikit-learn packages whose classes are estimators or their parts (trees, losses, kernels). */
const SKLEARN_ESTIMATOR_PACKAGES = [
    '_loss',
    'calibration',
    'cluster',
    'compose',
    'covariance',
    'cross_decomposition',
    'decomposition',
    'discriminant_analysis',
    'dummy',
    'ensemble',
    'feature_extraction',
    'feature_selection',
    'gaussian_process',
    'impute',
    'isotonic',
    'kernel_approximation',
    'kernel_ridge',
    'linear_model',
    'mixture',
    'multiclass',
    'multioutput',
    'naive_bayes',
    'neighbors',
    'neural_network',
    'pipeline',
    'preprocessing',
    'random_projection',
    'semi_supervised',
    'svm',
    'tree',
];
const CLASS_NAME = /^[A-Z][A-Za-z0-9_]*$/;
const MODULE_SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Test helpers live next to estimators; importing them runs test code. */
const TEST_SEGMENTS = new Set(['tests', 'test', '_testing', 'testing', 'conftest']);
function isSklearnEstimatorClass(module, name) {
    const parts = module.split('.');
    if (parts[0] !== 'sklearn' || parts.length < 2)
        return false;
    if (!SKLEARN_ESTIMATOR_PACKAGES.includes(parts[1]))
        return false;
    if (!parts.every((p) => MODULE_SEGMENT.test(p) && !TEST_SEGMENTS.has(p)))
        return false;
    return CLASS_NAME.test(name);
}
/** Whether a pickle may import `module.name` (see the list above for what and why). */
function isAllowedGlobal(module, name) {
    const mod = PY2_MODULES[module] ?? module;
    const exact = Object.hasOwn(ALLOWED_GLOBALS, mod) ? ALLOWED_GLOBALS[mod] : undefined;
    if (exact?.includes(name))
        return true;
    return isSklearnEstimatorClass(mod, name);
}

// EXTERNAL MODULE: ./lib/core/safety/pickle.js
var pickle = __webpack_require__(2834);
;// CONCATENATED MODULE: ./lib/core/safety/scan.js
/**
 * Finds every pickle in a file, by content rather than by name, and walks it statically:
 * plain pickles (any protocol, concatenated ones included), PyTorch checkpoints in both
 * formats, zips holding pickles, and `.npy` arrays of Python objects.
 *
 * Memory stays bounded: a zip's central directory and its pickle members are read, never
 * its tensor storages; the legacy torch format is walked for its five leading pickles and
 * the raw storages after them are left alone; pickles are read through a window.
 */






/** The value of the first pickle in torch's legacy format. */
const LEGACY_TORCH_MAGIC = 0x1950a86a20f9469cfc6cn;
const NPY_MAGIC = Uint8Array.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]);
/** Extensions under which a byte stream is meant to be unpickled. */
const PICKLE_EXTENSIONS = new Set([
    '.pkl',
    '.pickle',
    '.pk',
    '.p',
    '.pt',
    '.pth',
    '.bin',
    '.ckpt',
    '.joblib',
    '.dat',
]);
const PICKLE_MEMBER = /\.(pkl|pickle)$/i;
/** A deflated pickle member is inflated in memory; past this it is refused, not skipped. */
const MAX_INFLATED_MEMBER = 256 * 1024 * 1024;
const MAX_NPY_HEADER = 1024 * 1024;
/** Members without a pickle header are walked on a hunch only up to this size. */
const MAX_SNIFFED_MEMBER = 64 * 1024 * 1024;
const PLAUSIBLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
function picklishName(name) {
    return PICKLE_EXTENSIONS.has(external_node_path_.extname(name).toLowerCase());
}
const COMPRESSION_MAGIC = [
    ['gzip', [0x1f, 0x8b]],
    ['bzip2', [0x42, 0x5a, 0x68]],
    ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
    ['lz4', [0x04, 0x22, 0x4d, 0x18]],
    ['zstd', [0x28, 0xb5, 0x2f, 0xfd]],
    ['zlib', [0x78, 0x01]],
    ['zlib', [0x78, 0x5e]],
    ['zlib', [0x78, 0x9c]],
    ['zlib', [0x78, 0xda]],
];
function compressionOf(head) {
    return COMPRESSION_MAGIC.find(([, magic]) => startsWith(head, Uint8Array.from(magic)))?.[0];
}
function startsWith(data, prefix) {
    if (data.length < prefix.length)
        return false;
    for (let i = 0; i < prefix.length; i++)
        if (data[i] !== prefix[i])
            return false;
    return true;
}
/** `\x80` followed by a protocol number: how every protocol 2+ pickle begins. */
function hasProtoHeader(head) {
    return head.length >= 2 && head[0] === 0x80 && head[1] <= 5;
}
function finding(scan, member, shift = 0) {
    const globals = shift ? scan.globals.map((g) => ({ ...g, offset: g.offset - shift })) : scan.globals;
    const f = { globals, unsafe: globals.filter((g) => !isAllowedGlobal(g.module, g.name)) };
    if (member !== undefined)
        f.member = member;
    if (scan.error !== undefined)
        f.error = scan.error;
    return f;
}
function summarise(file, format, pickles, skipped = [], error) {
    const unsafe = [];
    for (const p of pickles) {
        for (const g of p.unsafe)
            unsafe.push(p.member === undefined
                ? { module: g.module, name: g.name }
                : { member: p.member, module: g.module, name: g.name });
    }
    const result = { file, format, pickles, unsafe, skipped };
    if (error !== undefined)
        result.error = error;
    return result;
}
/** A file passes when no pickle in it imports anything off the allow-list and every walk finished. */
function isFileSafe(s) {
    return s.error === undefined && s.unsafe.length === 0 && s.pickles.every((p) => p.error === undefined);
}
/** One line per problem, naming the file, the member and the global. */
function safetyProblems(s) {
    const where = (member) => (member ? `${s.file} (${member})` : s.file);
    const out = [];
    if (s.error)
        out.push(`${s.file}: ${s.error}`);
    for (const p of s.pickles) {
        for (const g of p.unsafe) {
            out.push(`${where(p.member)}: imports ${g.module}.${g.name} (${g.opcode} at byte ${g.offset}), which is not on the allow-list of data types; unpickling it could run code`);
        }
        if (p.error)
            out.push(`${where(p.member)}: the pickle could not be walked to its end (${p.error}); re-save it with pickle.dump / torch.save`);
    }
    return out;
}
async function readHead(handle, n) {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
}
/** An `.npy` header: where the data starts and whether numpy unpickles it (object dtype). */
function parseNpyHeader(head) {
    if (head.length < 10)
        return '.npy header is truncated';
    const major = head[6];
    const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
    const [lenAt, len] = major === 1 ? [10, view.getUint16(8, true)] : head.length >= 12 ? [12, view.getUint32(8, true)] : [0, -1];
    if (major < 1 || major > 3 || len < 0)
        return `.npy format version ${major} is not known`;
    if (lenAt + len > head.length)
        return `.npy header of ${len} bytes is truncated or larger than ${MAX_NPY_HEADER}`;
    const header = Buffer.from(head.subarray(lenAt, lenAt + len)).toString('latin1');
    // numpy unpickles the data when the dtype has objects; its descr then holds an `O` type code.
    const objects = /['"][|<>=]?O\d*['"]/.test(header);
    return { dataStart: lenAt + len, objects };
}
async function scanNpy(handle, size, displayName, member) {
    const head = await readHead(handle, Math.min(size, MAX_NPY_HEADER));
    const npy = parseNpyHeader(head);
    if (typeof npy === 'string')
        return summarise(displayName, 'npy', [], [], npy);
    if (!npy.objects)
        return summarise(displayName, 'npy', []);
    const scan = (0,pickle/* scanPickleFd */.or)(handle.fd, npy.dataStart, size);
    return summarise(displayName, 'npy', [finding(scan, member, 0)]);
}
/** An error's message without the `file: ` prefix the zip reader puts on it. */
function reason(e, displayName) {
    const message = e instanceof Error ? e.message : String(e);
    return message.startsWith(`${displayName}: `) ? message.slice(displayName.length + 2) : message;
}
async function scanZip(file, displayName) {
    let zip;
    try {
        zip = await bundle_zip/* ZipReader */.z.open(file, displayName);
    }
    catch (e) {
        return summarise(displayName, 'zip', [], [], reason(e, displayName));
    }
    try {
        const files = zip.entries.filter((e) => !e.name.endsWith('/'));
        const prefixes = new Set(files.map((e) => e.name.split('/')[0]));
        const prefix = prefixes.size === 1 && files.every((e) => e.name.includes('/')) ? `${[...prefixes][0]}/` : undefined;
        const torch = prefix !== undefined && zip.find(`${prefix}data.pkl`) !== undefined;
        const pickles = [];
        const skipped = [];
        for (const entry of files) {
            try {
                const kind = await classifyMember(zip, entry, torch ? prefix : undefined);
                if (kind === 'skip')
                    skipped.push(entry.name);
                else if (kind === 'npy') {
                    const npy = await scanNpyMember(zip, entry);
                    if (npy)
                        pickles.push(npy);
                    else
                        skipped.push(entry.name);
                }
                else if (kind === 'maybe') {
                    const found = await scanMember(zip, entry);
                    if (found.scan && looksLikeProtocol0(found.scan, entry.name))
                        pickles.push(found.finding);
                    else
                        skipped.push(entry.name);
                }
                else
                    pickles.push((await scanMember(zip, entry)).finding);
            }
            catch (e) {
                pickles.push({ member: entry.name, globals: [], unsafe: [], error: reason(e, displayName) });
            }
        }
        return summarise(displayName, torch ? 'torch-zip' : 'zip', pickles, skipped);
    }
    finally {
        await zip.close();
    }
}
async function classifyMember(zip, entry, torchPrefix) {
    if (torchPrefix !== undefined) {
        const rel = entry.name.slice(torchPrefix.length);
        if (rel === 'data.pkl')
            return 'pickle';
        // Raw tensor bytes and torch's own records: torch never unpickles them, and random
        // float bytes can look like a pickle header.
        if (rel.startsWith('data/') || rel.startsWith('.data/') || rel === 'version' || rel === 'byteorder')
            return 'skip';
    }
    if (PICKLE_MEMBER.test(entry.name))
        return 'pickle';
    // Encrypted or exotic members cannot be sniffed; a loader could not read them either.
    if (entry.flags & 1 || (entry.method !== 0 && entry.method !== 8))
        return 'skip';
    const head = await zip.readPrefix(entry, 8);
    if (startsWith(head, NPY_MAGIC))
        return 'npy';
    if (hasProtoHeader(head))
        return 'pickle';
    // Protocol 0/1 have no header: walk members that start with an opcode and decide after.
    return head.length > 0 && (0,pickle/* opcodeName */.G6)(head[0]) !== undefined && entry.size <= MAX_SNIFFED_MEMBER
        ? 'maybe'
        : 'skip';
}
async function scanMember(zip, entry) {
    if (entry.method === 0 && !(entry.flags & 1)) {
        const { start, end } = await zip.dataRange(entry);
        if (entry.compressedSize !== entry.size)
            throw new Error(`stored member ${entry.name} has differing sizes`);
        const scan = (0,pickle/* scanPickleFd */.or)(zip.fd, start, end);
        return { finding: finding(scan, entry.name, start), scan };
    }
    const scan = (0,pickle/* scanPickle */.gs)(await zip.read(entry, MAX_INFLATED_MEMBER));
    return { finding: finding(scan, entry.name), scan };
}
async function scanNpyMember(zip, entry) {
    const head = await zip.readPrefix(entry, MAX_NPY_HEADER);
    const npy = parseNpyHeader(head);
    if (typeof npy === 'string')
        return { member: entry.name, globals: [], unsafe: [], error: npy };
    if (!npy.objects)
        return undefined;
    const data = await zip.read(entry, MAX_INFLATED_MEMBER);
    return finding((0,pickle/* scanPickle */.gs)(data.subarray(npy.dataStart)), entry.name);
}
/**
 * Scans one file. `displayName` (the bundle-relative path) is what results and messages
 * name. Never executes anything from the file.
 */
async function scanFileForPickles(file, displayName) {
    const handle = await (0,promises_.open)(file, 'r').catch((e) => {
        throw new errors/* ModelgateError */.HJ(`${displayName}: cannot be read for the safety scan (${e.message})`, 'check', {
            file: displayName,
        });
    });
    try {
        const { size } = await handle.stat();
        if (size === 0)
            return summarise(displayName, 'not-pickle', []);
        const head = await readHead(handle, Math.min(size, 64));
        if ((0,bundle_zip/* hasZipMagic */.p)(head))
            return await scanZip(file, displayName);
        if (startsWith(head, NPY_MAGIC))
            return await scanNpy(handle, size, displayName);
        const scan = (0,pickle/* scanPickleFd */.or)(handle.fd, 0, size);
        if (scan.values[0] === LEGACY_TORCH_MAGIC) {
            // torch's legacy format (any pickle protocol): magic, protocol, sys info, the object,
            // storage keys; then raw storages, which torch never unpickles.
            return summarise(displayName, 'torch-legacy', [
                finding((0,pickle/* scanPickleFd */.or)(handle.fd, 0, size, { maxPickles: 5 })),
            ]);
        }
        if (hasProtoHeader(head) || looksLikeProtocol0(scan, displayName))
            return summarise(displayName, 'pickle', [finding(scan)]);
        const compression = picklishName(displayName) ? compressionOf(head) : undefined;
        if (compression) {
            // joblib and friends compress pickles; what is inside cannot be checked from here.
            return summarise(displayName, 'not-pickle', [], [], `is ${compression}-compressed, so the pickle inside cannot be checked; save it uncompressed (pickle.dump, or joblib.dump with compress=0)`);
        }
        return summarise(displayName, 'not-pickle', []);
    }
    finally {
        await handle.close();
    }
}
/**
 * Protocol 0 and 1 pickles have no header. A file counts as one when a pickle was read to
 * its STOP, or when it imported something before failing (a truncated or junk-tailed
 * malicious pickle). Under a name that is not a pickle's, the import must also look like a
 * Python name, so a text file starting with `c` is not taken for a GLOBAL opcode. A file
 * that fails before importing anything cannot run code: CPython stops at the same byte.
 */
function looksLikeProtocol0(scan, displayName) {
    if (picklishName(displayName))
        return scan.pickles > 0 || scan.globals.length > 0;
    if (scan.pickles > 0 && scan.error === undefined)
        return true;
    return scan.globals.some((g) => PLAUSIBLE_NAME.test(g.module) && PLAUSIBLE_NAME.test(g.name));
}

;// CONCATENATED MODULE: ./lib/core/health/check-safety.js
/**
 * `safety`: every pickle in the bundle (`.pkl` files, `data.pkl` inside torch archives, zip
 * or legacy) is walked opcode by opcode, never executed, and every global it would import is
 * checked against the allow-list; links and devices in a bundle directory are refused, and a
 * tarball that tried to escape its extraction folder was refused before anything ran.
 */



/** Kinds whose content is parsed by a strict reader of its own; the rest may hide a pickle. */
const PARSED_KINDS = new Set(['onnx', 'lightgbm', 'xgboost', 'json']);
/**
 * Files to walk: declared pickles and torch archives, files of no known kind, and any file
 * whose first bytes are a pickle's or a zip's whatever its declared kind (a pickle saved
 * under a .json name is still unpickled by whoever trusts the name less than the bytes).
 */
function pickleCandidates(ctx) {
    return ctx.files
        .filter((f) => {
        const kind = ctx.kinds.get(f.path) ?? 'other';
        if (!PARSED_KINDS.has(kind))
            return true;
        const detected = sniff(ctx.heads.get(f.path) ?? Buffer.alloc(0));
        return detected === 'pickle' || detected === 'torch-legacy' || detected === 'zip';
    })
        .map((f) => f.path);
}
async function scanBundle(ctx) {
    const candidates = pickleCandidates(ctx);
    const results = await (0,context/* mapLimit */.sf)(candidates, 4, (rel) => scanFileForPickles(ctx.byPath.get(rel).absolute, rel));
    for (const r of results)
        remember(ctx, r);
    return results;
}
/** The globals a bundle file's pickles import: from `safety`'s walk, or walked now when it did not run. */
async function pickleGlobalsOf(ctx, rel) {
    return (ctx.pickleGlobals.get(rel) ?? remember(ctx, await scanFileForPickles(ctx.byPath.get(rel).absolute, rel)));
}
function remember(ctx, r) {
    const globals = r.pickles.flatMap((p) => p.globals.map((g) => ({ module: g.module, name: g.name })));
    ctx.pickleGlobals.set(r.file, globals);
    return globals;
}
async function checkSafety(ctx) {
    if (ctx.refused) {
        const message = ctx.refused;
        return {
            status: 'fail',
            message,
            details: { refused: message },
            problems: [{ severity: 'error', message, file: (0,context/* annotationPath */.ZV)(ctx) }],
        };
    }
    const problems = [];
    for (const s of ctx.special) {
        problems.push((0,context/* fileProblem */.Wj)(ctx, 'error', s.path, `${s.path}: is a ${s.type}; a bundle holds regular files only (a link can point the service at any file on the server): replace it with the file itself`));
    }
    const results = await scanBundle(ctx);
    const rows = results.map((r) => {
        const declared = ctx.kinds.get(r.file);
        const notPickle = r.format === 'not-pickle' && (declared === 'pickle' || declared === 'torch');
        const messages = safetyProblems(r);
        if (notPickle)
            messages.push(`${r.file}: declared ${declared} but no pickle could be read from it; save it with ${declared === 'torch' ? 'torch.save' : 'pickle.dump'}`);
        for (const m of messages)
            problems.push((0,context/* fileProblem */.Wj)(ctx, 'error', r.file, m));
        return {
            file: r.file,
            format: r.format,
            pickles: r.pickles.length,
            globals: [...new Set(r.pickles.flatMap((p) => p.globals.map((g) => `${g.module}.${g.name}`)))],
            unsafe: r.unsafe.map((u) => `${u.member ? `${u.member}: ` : ''}${u.module}.${u.name}`),
            status: isFileSafe(r) && !notPickle ? 'pass' : 'fail',
            ...(messages.length ? { message: messages.join('; ') } : {}),
        };
    });
    const pickles = results.reduce((n, r) => n + r.pickles.length, 0);
    const details = { files: rows };
    if (problems.length) {
        const first = problems[0].message;
        return {
            status: 'fail',
            message: problems.length > 1 ? `${first} (and ${(0,context/* plural */.LS)(problems.length - 1, 'more problem')})` : first,
            details,
            problems,
        };
    }
    return {
        status: 'pass',
        message: `${(0,context/* plural */.LS)(pickles, 'pickle')} in ${(0,context/* plural */.LS)(results.length, 'file')} walked opcode by opcode, never executed: every global they import is on the allow-list`,
        details,
    };
}

;// CONCATENATED MODULE: ./lib/core/health/check-stacking.js
/**
 * `stacking`: the stacking meta JSON, the config and the learner pickle tell one story. Its
 * `base_models` exist in the bundle and are `release.stacking.base` in the same column
 * order, the meta-learner has one coefficient per base model, and the learner pickle holds
 * a known estimator class (read from the pickle's globals, never by unpickling it).
 */




/** scikit-learn estimators a `logistic` meta-learner can be: they expose coef_ and intercept_. */
const LOGISTIC_LEARNERS = new Set([
    'LogisticRegression',
    'LogisticRegressionCV',
    'SGDClassifier',
    'RidgeClassifier',
    'RidgeClassifierCV',
]);
const ESTIMATOR_CLASS = /^[A-Z][A-Za-z0-9_]*$/;
async function checkStacking(ctx) {
    const stacking = ctx.config.release.stacking;
    if (!stacking)
        return { status: 'skip', message: `no release.stacking in ${ctx.configFile}` };
    const problems = [];
    const facts = {
        meta: stacking.meta,
        learner: stacking.learner,
        base: stacking.base,
    };
    const error = (rel, message) => {
        problems.push(rel && ctx.byPath.has(rel)
            ? (0,context/* fileProblem */.Wj)(ctx, 'error', rel, message)
            : { severity: 'error', message, file: rel ? (0,context/* annotationPath */.ZV)(ctx) : ctx.configFile });
    };
    let learnerClass;
    try {
        const meta = await (0,stacking_meta/* stackingMetaOf */.b)(ctx);
        facts.base_models = meta.base_models;
        facts.coefficients = meta.meta_learner.coef.length;
        const missing = meta.base_models.filter((b) => !ctx.byPath.has(b));
        for (const b of missing)
            error(stacking.meta, `${stacking.meta}: base model ${b} (base_models) is not in the bundle; add it, or retrain the stacking without it`);
        const notConfigured = meta.base_models.filter((b) => !stacking.base.includes(b));
        for (const b of notConfigured)
            error(stacking.meta, `${stacking.meta}: base model ${b} is not in release.stacking.base (${ctx.configFile}); add it there in the meta-learner's column order`);
        const notInMeta = stacking.base.filter((b) => !meta.base_models.includes(b));
        for (const b of notInMeta)
            error(stacking.meta, `${stacking.meta}: release.stacking.base lists ${b} but base_models does not; the meta-learner has no column for it: fix the config or retrain`);
        if (!notConfigured.length &&
            !notInMeta.length &&
            meta.base_models.join('\n') !== stacking.base.join('\n'))
            error(stacking.meta, `${stacking.meta}: base_models are in the order ${meta.base_models.join(', ')} but release.stacking.base is ${stacking.base.join(', ')}; the meta-learner's columns follow base_models: put release.stacking.base in that order`);
        if (meta.meta_learner.coef.length !== meta.base_models.length)
            error(stacking.meta, `${stacking.meta}: meta_learner.coef has ${(0,context/* plural */.LS)(meta.meta_learner.coef.length, 'coefficient')} for ${(0,context/* plural */.LS)(meta.base_models.length, 'base model')}; the meta-learner was fitted on other inputs: re-export the stacking from one training run`);
    }
    catch (e) {
        error(stacking.meta, (0,errors/* errorMessage */.gJ)(e));
    }
    const learner = ctx.byPath.get(stacking.learner);
    if (!learner)
        error(undefined, `${stacking.learner}: the meta-learner pickle (release.stacking.learner) is not in the bundle`);
    else {
        try {
            const globals = await pickleGlobalsOf(ctx, stacking.learner);
            // The object's own class is the first sklearn class the pickle imports (its parts follow).
            const estimator = globals.find((g) => g.module.startsWith('sklearn.') && ESTIMATOR_CLASS.test(g.name));
            if (!estimator) {
                const seen = [...new Set(globals.map((g) => `${g.module}.${g.name}`))];
                error(stacking.learner, `${stacking.learner}: holds no scikit-learn estimator class (${seen.length ? `imports ${seen.slice(0, 5).join(', ')}` : 'imports nothing'}); the service expects the fitted meta-learner: save it with pickle.dump(model)`);
            }
            else {
                learnerClass = `${estimator.module}.${estimator.name}`;
                facts.learner_class = learnerClass;
                if (!LOGISTIC_LEARNERS.has(estimator.name))
                    error(stacking.learner, `${stacking.learner}: the meta-learner is a ${estimator.name}, not a known logistic estimator (${[...LOGISTIC_LEARNERS].join(', ')}), so meta_learner type "logistic" does not describe it`);
            }
        }
        catch (e) {
            error(stacking.learner, (0,errors/* errorMessage */.gJ)(e));
        }
    }
    if (problems.length) {
        const first = problems[0].message;
        return {
            status: 'fail',
            message: problems.length > 1 ? `${first} (and ${(0,context/* plural */.LS)(problems.length - 1, 'more problem')})` : first,
            details: facts,
            problems,
        };
    }
    return {
        status: 'pass',
        message: `${(0,context/* plural */.LS)(stacking.base.length, 'base model')} in the bundle and the config, in column order; ${(0,context/* plural */.LS)(stacking.base.length, 'coefficient')}; learner ${learnerClass}`,
        details: facts,
    };
}

// EXTERNAL MODULE: ./lib/core/health/tree-pool.js + 4 modules
var tree_pool = __webpack_require__(4122);
;// CONCATENATED MODULE: ./lib/core/health/healthcheck.js
/**
 * The healthcheck: config, integrity, safety, load, stacking, golden, inference, command, in
 * that order, each timed and reported. Each check catches its own errors, so one broken file
 * does not hide the others; only a missing or empty bundle (or a refused tarball) skips the
 * checks after it, with the reason. A `.tar.gz` bundle is extracted safely into a temporary
 * folder, checked there, and the folder removed.
 */

















const HEALTH_CHECKS = [
    'config',
    'integrity',
    'safety',
    'load',
    'stacking',
    'golden',
    'inference',
    'command',
];
const CHECKS = {
    config: checkConfig,
    integrity: checkIntegrity,
    safety: checkSafety,
    load: check_load/* checkLoad */.Rl,
    stacking: checkStacking,
    golden: check_golden/* checkGolden */.KF,
    inference: checkInference,
    command: checkCommand,
};
function isTarball(file) {
    return /\.(tar\.gz|tgz)$/i.test(file);
}
async function runHealthcheck(options) {
    const started = performance.now();
    const progress = options.onProgress;
    const ctx = (0,context/* newContext */.CA)({
        bundle: options.bundle,
        config: options.config,
        configFile: options.configFile,
        ...(options.command ? { command: options.command } : {}),
    });
    let temp;
    const checks = [];
    try {
        if (isTarball(options.bundle) && (await isFile(options.bundle))) {
            ctx.tarball = options.bundle;
            temp = await (0,promises_.mkdtemp)(external_node_path_.join(options.workDir ?? external_node_os_.tmpdir(), 'modelgate-health-'));
            const dest = external_node_path_.join(temp, 'bundle');
            ctx.root = dest;
            progress?.(`extracting ${options.bundle}`);
            try {
                await (0,tar/* extractTarball */.A3)(options.bundle, dest);
            }
            catch (error) {
                ctx.refused = `${external_node_path_.basename(options.bundle)}: refused: ${(0,errors/* errorMessage */.gJ)(error)}`;
                ctx.fatal = { check: 'safety', reason: 'the tarball was refused (see safety)' };
            }
        }
        locateManifest(ctx, options.manifest);
        // The tree worker boots (a V8 isolate, its modules) while config lists the bundle.
        if (!ctx.fatal &&
            options.config.release.artifacts.some((a) => a.kind === 'lightgbm' || a.kind === 'xgboost'))
            ctx.treePool = new tree_pool/* TreePool */.v();
        for (const name of HEALTH_CHECKS) {
            checks.push(await (0,context/* runCheck */.k_)(name, ctx, CHECKS[name], progress));
            // Once the files are known, tree parsing starts on the second core, beside integrity and safety.
            if (name === 'config' && !ctx.fatal)
                (0,check_load/* startModelLoads */.ZS)(ctx);
        }
    }
    finally {
        await releaseSessions(ctx);
        await ctx.treePool?.close();
        if (temp)
            await (0,promises_.rm)(temp, { recursive: true, force: true });
    }
    const report = {
        passed: (0,types/* reportPassed */.n)(checks),
        checks,
        bundle: options.bundle,
        files: ctx.files.length,
        bytes: ctx.files.reduce((n, f) => n + f.size, 0),
        durationMs: Math.round(performance.now() - started),
    };
    if (ctx.inference)
        report.inference = ctx.inference;
    return report;
}
async function isFile(file) {
    try {
        return (await (0,promises_.stat)(file)).isFile();
    }
    catch {
        return false;
    }
}
/** The manifest input, or `manifest.json` inside the bundle; a manifest inside the bundle does not list itself. */
function locateManifest(ctx, given) {
    const inside = external_node_path_.join(ctx.root, 'manifest.json');
    const manifest = given ?? ((0,external_node_fs_.existsSync)(inside) ? inside : undefined);
    if (!manifest)
        return;
    ctx.manifest = manifest;
    const rel = external_node_path_.relative(external_node_path_.resolve(ctx.root), external_node_path_.resolve(manifest));
    if (rel && !rel.startsWith('..') && !external_node_path_.isAbsolute(rel))
        ctx.manifestInBundle = rel.split(external_node_path_.sep).join('/');
}
async function releaseSessions(ctx) {
    await Promise.all([...ctx.onnx.values()].map(async (opening) => {
        try {
            await (await opening).session.release();
        }
        catch {
            // A session that never opened has nothing to release.
        }
    }));
}


/***/ }),

/***/ 9428:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ metaProbability),
/* harmony export */   b: () => (/* binding */ stackingMetaOf)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8816);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3828);
/* harmony import */ var _validation_describe_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2502);
/* harmony import */ var _validation_json_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9717);
/**
 * The stacking meta JSON (release.stacking.meta): which base models feed the meta-learner,
 * in which column order, and the meta-learner's coefficients (design.md "Golden vectors").
 */





const metaSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
    base_models: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().min(1)).min(1),
    meta_learner: zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
        type: zod__WEBPACK_IMPORTED_MODULE_4__/* .literal */ .euz('logistic'),
        coef: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig()).min(1),
        intercept: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig(),
    })
        .catchall(zod__WEBPACK_IMPORTED_MODULE_4__/* .unknown */ .L5J()),
})
    // The training job writes metrics and settings beside these; they are read by the gate.
    .catchall(zod__WEBPACK_IMPORTED_MODULE_4__/* .unknown */ .L5J());
/** The meta-learner's probability for one row of base-model outputs. */
function metaProbability(meta, baseOutputs) {
    const { coef, intercept } = meta.meta_learner;
    let z = intercept;
    for (let i = 0; i < coef.length; i++)
        z += coef[i] * baseOutputs[i];
    return 1 / (1 + Math.exp(-z));
}
/**
 * The bundle's stacking meta, parsed once: `load` has usually parsed the JSON already; the
 * text is only read again to put a line number on a schema error.
 */
async function stackingMetaOf(ctx) {
    const rel = ctx.config.release.stacking?.meta;
    if (!rel)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelgateError */ .HJ(`${ctx.configFile}: release.stacking is not set, so there is no stacking meta JSON to read`, 'check');
    const file = ctx.byPath.get(rel);
    if (!file)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelgateError */ .HJ(`${rel}: the stacking meta JSON (release.stacking.meta) is missing from the bundle`, 'check', { file: rel });
    let value = ctx.json.get(rel);
    let text;
    if (value === undefined) {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file.absolute, 'utf8');
        value = (0,_validation_json_text_js__WEBPACK_IMPORTED_MODULE_3__/* .parseJsonText */ .lk)(text, rel).value;
        ctx.json.set(rel, value);
    }
    const parsed = metaSchema.safeParse(value);
    if (parsed.success)
        return parsed.data;
    const issue = parsed.error.issues[0];
    const line = new _validation_describe_js__WEBPACK_IMPORTED_MODULE_2__/* .LocatedDocument */ ._M(text ?? (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file.absolute, 'utf8'))).lineOf(issue.path);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelgateError */ .HJ(`${rel}:${line} ${(0,_validation_describe_js__WEBPACK_IMPORTED_MODULE_2__/* .dottedPath */ .wM)(issue.path)}: ${(0,_validation_describe_js__WEBPACK_IMPORTED_MODULE_2__/* .describeIssue */ .n6)(issue, value)}`, 'check', {
        file: rel,
        line,
    });
}


/***/ }),

/***/ 4122:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v: () => (/* binding */ TreePool)
});

// UNUSED EXPORTS: builtWorkerPath

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./lib/core/models/tree-input.js
/**
 * Turning a caller's row (golden vectors: numbers with `null` for missing) into the feature
 * buffer an evaluator walks. Shared by the LightGBM and XGBoost evaluators so both reject a
 * row of the wrong width with the same words.
 */

/**
 * Copies `row` into `out` (NaN for missing). Both frameworks refuse a matrix whose width differs
 * from the model's feature count, so a golden row of another width means the vector was written
 * for a different model, not that some features are missing.
 */
function readRow(row, out, file) {
    const features = out.length;
    if (row === null || typeof row !== 'object' || typeof row.length !== 'number') {
        throw new errors/* ModelgateError */.HJ(`${file}: a row must be a list of ${features} numbers (null for missing)`, 'check', {
            file,
        });
    }
    if (row.length !== features) {
        throw new errors/* ModelgateError */.HJ(`${file}: a row of ${row.length} value${row.length === 1 ? '' : 's'} was given, the model takes ${features} feature${features === 1 ? '' : 's'}: ` +
            'check that the golden rows were written for this model (missing values are null, not left out)', 'check', { file });
    }
    for (let i = 0; i < features; i++) {
        const value = row[i];
        if (value === null || value === undefined)
            out[i] = NaN;
        else if (typeof value === 'number')
            out[i] = value;
        else
            throw new errors/* ModelgateError */.HJ(`${file}: feature ${i} of a row is ${JSON.stringify(value)}; expected a number or null (missing)`, 'check', { file });
    }
    return out;
}

;// CONCATENATED MODULE: ./lib/core/models/lightgbm.js
/**
 * LightGBM text models (`model.txt`, `save_model()`), v2 to v4, evaluated the way LightGBM's
 * own predictor does (include/LightGBM/tree.h, src/boosting/gbdt_model_text.cpp): doubles
 * throughout, per-class sums over interleaved trees, then the objective's output transform.
 *
 * The file is validated completely at parse time (array lengths, child indexes, tree shape,
 * category bitsets, the byte offsets in `tree_sizes`), so evaluating a row can neither crash
 * nor loop, and a file real LightGBM would refuse to load is refused here too.
 */


/** LightGBM's kZeroThreshold: a float constant (1e-35f) widened to double. */
const ZERO_THRESHOLD = Math.fround(1e-35);
const INT32_LIMIT = 2 ** 31;
/** The tree lines the evaluator reads; the others (split_gain, leaf_count, ...) are only checked to be key=value. */
const TREE_KEYS = [
    'num_leaves',
    'num_cat',
    'is_linear',
    'leaf_value',
    'split_feature',
    'threshold',
    'decision_type',
    'left_child',
    'right_child',
    'cat_boundaries',
    'cat_threshold',
];
class LightGbmModel {
    file;
    perIteration;
    averageOutput;
    objective;
    roots;
    feature;
    threshold;
    decision;
    left;
    right;
    catStart;
    catLength;
    catWords;
    leafValue;
    info;
    scratch;
    constructor(file, info, perIteration, averageOutput, objective, 
    /** Per tree: the root node index, or `~leaf` for a single-leaf tree. */
    roots, feature, threshold, decision, 
    /** Children: a node index, or `~leaf` (global leaf index). */
    left, right, 
    /** For categorical nodes: first bitset word and number of words in `catWords`. */
    catStart, catLength, catWords, leafValue) {
        this.file = file;
        this.perIteration = perIteration;
        this.averageOutput = averageOutput;
        this.objective = objective;
        this.roots = roots;
        this.feature = feature;
        this.threshold = threshold;
        this.decision = decision;
        this.left = left;
        this.right = right;
        this.catStart = catStart;
        this.catLength = catLength;
        this.catWords = catWords;
        this.leafValue = leafValue;
        this.info = info;
        this.scratch = new Float64Array(info.features);
    }
    predictRaw(row) {
        const x = readRow(row, this.scratch, this.file);
        // LightGBM's dense-row reader keeps only |v| > kZeroThreshold (or NaN); the rest become 0.
        for (let i = 0; i < x.length; i++) {
            const v = x[i];
            if (v >= -ZERO_THRESHOLD && v <= ZERO_THRESHOLD)
                x[i] = 0;
        }
        const k = this.perIteration;
        const sums = new Float64Array(k);
        const { roots, feature, threshold, decision, left, right, leafValue } = this;
        const trees = roots.length;
        // Hot loop: locals and typed arrays only; Tree::NumericalDecision inlined.
        for (let t = 0; t < trees; t++) {
            let node = roots[t];
            while (node >= 0) {
                const type = decision[node];
                let v = x[feature[node]];
                let goLeft;
                if ((type & 1) !== 0) {
                    goLeft = this.categoryIn(node, v);
                }
                else {
                    const missing = (type >> 2) & 3;
                    if (v !== v) {
                        // NaN: missing under the NaN type, else read as 0.0.
                        if (missing === 2) {
                            node = (type & 2) !== 0 ? left[node] : right[node];
                            continue;
                        }
                        v = 0;
                    }
                    if (missing === 1 && v >= -ZERO_THRESHOLD && v <= ZERO_THRESHOLD)
                        goLeft = (type & 2) !== 0;
                    else
                        goLeft = v <= threshold[node];
                }
                node = goLeft ? left[node] : right[node];
            }
            const cls = t % k;
            sums[cls] = sums[cls] + leafValue[~node];
        }
        if (this.averageOutput) {
            const iterations = trees / k;
            for (let c = 0; c < k; c++)
                sums[c] = sums[c] / iterations;
        }
        return Array.from(sums);
    }
    predict(row) {
        return this.objective.transform(this.predictRaw(row));
    }
    /** Tree::CategoricalDecision: NaN, negative (after truncation to int) and unlisted categories go right. */
    categoryIn(node, value) {
        if (Number.isNaN(value))
            return false;
        // static_cast<int> truncates toward zero; values past INT_MAX come out negative on x86.
        if (value >= INT32_LIMIT || value <= -INT32_LIMIT)
            return false;
        const category = Math.trunc(value);
        if (category < 0)
            return false;
        const word = category >>> 5;
        if (word >= this.catLength[node])
            return false;
        const bits = this.catWords[this.catStart[node] + word];
        return ((bits >>> (category & 31)) & 1) === 1;
    }
}
/** Parses a LightGBM text model; throws ModelgateError naming `file`, the line and the fault. */
function parseLightGbm(text, file) {
    return new LightGbmParser(text, file).parse();
}
class LightGbmParser {
    text;
    file;
    hadCarriageReturns;
    /** The current line: its 1-based number and where it lies in `text` (without its carriage return). */
    lineNumber = 0;
    lineStart = 0;
    lineEnd = 0;
    /** Where the line after the current one starts; past the end of `text` once the last line is read. */
    next = 0;
    constructor(text, file) {
        this.text = text;
        this.file = file;
        this.hadCarriageReturns = text.includes('\r');
    }
    fail(message, line) {
        const at = line === undefined ? `${this.file}:` : `${this.file}:${line}`;
        throw new errors/* ModelgateError */.HJ(`${at} ${message}`, 'check', line === undefined ? { file: this.file } : { file: this.file, line });
    }
    /**
     * Moves to the next line (as `text.split('\n')` would cut it, so a final newline is followed
     * by an empty line); false when there is none. Lines are scanned in place: a few-MB model has
     * tens of thousands of them, and most are only checked to be key=value.
     */
    nextLine() {
        const text = this.text;
        if (this.next > text.length)
            return false;
        let newline = text.indexOf('\n', this.next);
        if (newline < 0)
            newline = text.length;
        this.lineStart = this.next;
        this.lineEnd = newline > this.next && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
        this.next = newline + 1;
        this.lineNumber++;
        return true;
    }
    currentLine() {
        return this.text.slice(this.lineStart, this.lineEnd);
    }
    /** Whether the current line is exactly `word`. */
    lineIs(word) {
        return this.lineEnd - this.lineStart === word.length && this.text.startsWith(word, this.lineStart);
    }
    parse() {
        this.nextLine();
        this.checkSubmodelLine();
        const { header, more } = this.readHeader();
        const trees = this.readTrees(more);
        const int = (key, min, fallback) => {
            const field = header.get(key);
            if (!field) {
                if (fallback !== undefined)
                    return fallback;
                this.fail(`the header has no ${key}= line; LightGBM refuses a model without it`);
            }
            const n = Number(field.value);
            if (field.value.trim() === '' || !Number.isInteger(n) || n < min)
                this.fail(`${key}=${field.value} is not an integer >= ${min}`, field.line);
            return n;
        };
        const numClass = int('num_class', 1);
        const perIteration = int('num_tree_per_iteration', 1, numClass);
        int('label_index', 0);
        const maxFeature = int('max_feature_idx', 0);
        const features = maxFeature + 1;
        if (perIteration !== numClass) {
            this.fail(`num_tree_per_iteration=${perIteration} differs from num_class=${numClass}; only models with one tree per class per iteration are supported`, header.get('num_tree_per_iteration')?.line);
        }
        const featureNames = this.listField(header, 'feature_names', features);
        this.listField(header, 'feature_infos', features);
        const objective = this.objective(header.get('objective'), numClass);
        const averageOutput = header.has('average_output');
        if (trees.length === 0)
            this.fail('the model contains no trees (no Tree= block before "end of trees")');
        if (trees.length % perIteration !== 0) {
            this.fail(`the model has ${trees.length} trees, not a multiple of num_tree_per_iteration=${perIteration}: a class's trees are missing`);
        }
        const nodes = this.allocate(trees);
        let nodeBase = 0;
        let leafBase = 0;
        trees.forEach((block, t) => {
            const leaves = this.parseTree(block, maxFeature, nodes, t, nodeBase, leafBase);
            nodeBase += leaves - 1;
            leafBase += leaves;
        });
        this.checkTreeSizes(header.get('tree_sizes'), trees);
        const version = header.get('version')?.value;
        const info = {
            format: 'lightgbm',
            trees: trees.length,
            features,
            objective: objective.name,
            classes: numClass,
            featureNames,
        };
        if (version !== undefined)
            info.version = version;
        return new LightGbmModel(this.file, info, perIteration, averageOutput, objective, nodes.roots, nodes.feature, nodes.threshold, nodes.decision, nodes.left, nodes.right, nodes.catStart, nodes.catLength, Uint32Array.from(nodes.catWords), nodes.leafValue);
    }
    /**
     * Arrays for every tree's nodes and leaves, sized from each tree's num_leaves. A num_leaves
     * that is not a count this tree can hold (not an integer, or more leaves than its leaf_value
     * line has room for) counts as one leaf here: parseTree refuses it, in order, before any
     * later tree is written.
     */
    allocate(trees) {
        let nodes = 0;
        let leaves = 0;
        for (const block of trees) {
            const field = block.fields.get('num_leaves');
            const values = block.fields.get('leaf_value');
            const n = field ? Number(field.value) : NaN;
            const room = values ? (values.end - values.start + 1) / 2 : 0;
            const count = Number.isInteger(n) && n >= 1 && n <= room ? n : 1;
            nodes += count - 1;
            leaves += count;
        }
        return {
            roots: new Int32Array(trees.length),
            feature: new Int32Array(nodes),
            threshold: new Float64Array(nodes),
            decision: new Uint8Array(nodes),
            left: new Int32Array(nodes),
            right: new Int32Array(nodes),
            catStart: new Int32Array(nodes),
            catLength: new Int32Array(nodes),
            catWords: [],
            leafValue: new Float64Array(leaves),
        };
    }
    checkSubmodelLine() {
        // trim() would also strip a byte-order mark, which LightGBM does not.
        const line = this.currentLine();
        if (line.startsWith('\ufeff')) {
            this.fail('starts with a byte-order mark; LightGBM reads the first line as the model type and would refuse it', 1);
        }
        const first = line.trim();
        if (first === 'tree')
            return;
        const shown = first.length > 40 ? `${first.slice(0, 37)}...` : first;
        const hint = first.startsWith('{')
            ? ' (this looks like JSON: an XGBoost model given as kind lightgbm?)'
            : '';
        this.fail(`is not a LightGBM text model: the first line is ${JSON.stringify(shown)} where LightGBM writes "tree"${hint}`, 1);
    }
    /** The header's key=value lines; stops on the first tree (or the end of trees), which becomes the current line. */
    readHeader() {
        const header = new Map();
        while (this.nextLine()) {
            const line = this.currentLine();
            if (line.startsWith('Tree=') || line === 'end of trees')
                return { header, more: true };
            if (line === '')
                continue;
            const eq = line.indexOf('=');
            const field = (value, start) => ({
                value,
                line: this.lineNumber,
                start,
                end: this.lineEnd,
            });
            if (eq < 0)
                header.set(line.trim(), field('', this.lineEnd));
            else
                header.set(line.slice(0, eq), field(line.slice(eq + 1), this.lineStart + eq + 1));
        }
        return { header, more: false };
    }
    /** The Tree= blocks from the current line (when `more`) to "end of trees". */
    readTrees(more) {
        const text = this.text;
        const trees = [];
        while (more) {
            if (this.lineEnd === this.lineStart) {
                more = this.nextLine();
                continue;
            }
            if (this.lineIs('end of trees'))
                return trees;
            if (!text.startsWith('Tree=', this.lineStart)) {
                this.fail(`expected "Tree=${trees.length}" or "end of trees", found ${JSON.stringify(this.currentLine().slice(0, 60))}`, this.lineNumber);
            }
            const index = Number(text.slice(this.lineStart + 5, this.lineEnd));
            if (!Number.isInteger(index) || index !== trees.length) {
                this.fail(`${this.currentLine()}: expected Tree=${trees.length} (trees are numbered in order from 0)`, this.lineNumber);
            }
            const block = { index, line: this.lineNumber, offset: this.lineStart, fields: new Map() };
            // A tree's key=value lines end at the first empty line, as in LightGBM's Tree(const char*).
            while ((more = this.nextLine())) {
                const start = this.lineStart;
                const end = this.lineEnd;
                if (end === start || text.startsWith('Tree=', start) || this.lineIs('end of trees'))
                    break;
                const eq = text.indexOf('=', start);
                if (eq <= start || eq >= end) {
                    this.fail(`Tree=${index}: expected key=value, found ${JSON.stringify(this.currentLine().slice(0, 60))}`, this.lineNumber);
                }
                const key = treeKey(text, start, eq);
                if (key !== undefined) {
                    block.fields.set(key, {
                        value: text.slice(eq + 1, end),
                        line: this.lineNumber,
                        start: eq + 1,
                        end,
                    });
                }
            }
            trees.push(block);
        }
        const last = trees[trees.length - 1];
        const where = last ? ` inside or after Tree=${last.index}` : '';
        this.fail(`ends${where} without an "end of trees" line: the file is truncated (re-export it with save_model and upload it again)`, this.lastLineNumber());
    }
    lastLineNumber() {
        const lines = this.text.split('\n');
        const blank = (i) => lines[i] === '' || lines[i] === '\r';
        let n = lines.length;
        while (n > 1 && blank(n - 1))
            n--;
        return n;
    }
    /** LightGBM seeks each tree at the byte offset given by the sizes before it, so they must be exact. */
    checkTreeSizes(field, trees) {
        if (!field || field.value.trim() === '')
            return;
        const sizes = field.value.trim().split(/ +/).map(Number);
        if (sizes.length !== trees.length) {
            this.fail(`tree_sizes lists ${sizes.length} trees but the file has ${trees.length}: the file is truncated or was edited`, field.line);
        }
        const base = trees[0].offset;
        let expected = base;
        for (let t = 0; t < trees.length; t++) {
            const tree = trees[t];
            if (tree.offset !== expected) {
                const cr = this.hadCarriageReturns
                    ? ' (the file has CRLF line endings: was it re-saved on Windows?)'
                    : '';
                this.fail(`tree_sizes puts Tree=${t} at byte ${expected - base} of the tree section but it is at byte ${tree.offset - base}; ` +
                    `LightGBM seeks trees by these sizes and would fail to load this file${cr}`, field.line);
            }
            const size = sizes[t];
            if (!Number.isInteger(size) || size <= 0)
                this.fail(`tree_sizes has an invalid size ${JSON.stringify(String(size))}`, field.line);
            expected += size;
        }
    }
    listField(header, key, count) {
        const field = header.get(key);
        if (!field)
            this.fail(`the header has no ${key}= line; LightGBM refuses a model without it`);
        const items = field.value.split(' ').filter((s) => s !== '');
        if (items.length !== count) {
            this.fail(`${key} has ${items.length} entries, expected max_feature_idx+1=${count}`, field.line);
        }
        return items;
    }
    objective(field, numClass) {
        // A model trained with a custom objective has no objective line; LightGBM then predicts raw scores.
        if (!field)
            return { name: 'custom', transform: (raw) => raw };
        const tokens = field.value.trim().split(/ +/);
        const name = tokens[0] ?? '';
        const param = (key) => {
            const token = tokens.find((t) => t.startsWith(`${key}:`));
            if (token === undefined)
                return undefined;
            const value = Number(token.slice(key.length + 1));
            if (!Number.isFinite(value))
                this.fail(`objective ${key}:${token.slice(key.length + 1)} is not a number`, field.line);
            return value;
        };
        const sigmoid = () => {
            const s = param('sigmoid');
            if (s === undefined || s <= 0)
                this.fail(`objective=${field.value} needs sigmoid:<s> with s > 0`, field.line);
            return s;
        };
        const classesMatch = () => {
            const k = param('num_class');
            if (k !== numClass) {
                this.fail(`objective=${field.value} does not match num_class=${numClass}`, field.line);
            }
        };
        const sqrt = tokens.includes('sqrt');
        const identityOrSquare = sqrt
            ? (raw) => raw.map((x) => Math.sign(x) * x * x)
            : (raw) => raw;
        const single = () => {
            if (numClass !== 1)
                this.fail(`objective=${name} predicts one value but num_class=${numClass}`, field.line);
        };
        switch (name) {
            case 'binary': {
                single();
                const s = sigmoid();
                return { name, transform: (raw) => raw.map((x) => 1 / (1 + Math.exp(-s * x))) };
            }
            case 'multiclass':
                classesMatch();
                return { name, transform: softmax };
            case 'multiclassova': {
                classesMatch();
                const s = sigmoid();
                return { name, transform: (raw) => raw.map((x) => 1 / (1 + Math.exp(-s * x))) };
            }
            case 'regression':
            case 'regression_l1':
            case 'quantile':
            case 'huber':
            case 'fair':
            case 'mape':
            case 'mean_absolute_percentage_error':
                single();
                return { name: sqrt ? `${name} sqrt` : name, transform: identityOrSquare };
            case 'poisson':
            case 'gamma':
            case 'tweedie':
                single();
                return { name, transform: (raw) => raw.map((x) => Math.exp(x)) };
            case 'cross_entropy':
            case 'xentropy':
                single();
                return { name, transform: (raw) => raw.map((x) => 1 / (1 + Math.exp(-x))) };
            case 'cross_entropy_lambda':
            case 'xentlambda':
                single();
                return { name, transform: (raw) => raw.map((x) => Math.log1p(Math.exp(x))) };
            case 'lambdarank':
            case 'rank_xendcg':
            case 'none':
            case 'null':
            case 'custom':
            case 'na':
                return { name, transform: (raw) => raw };
            default:
                return this.fail(`unknown objective ${JSON.stringify(name)}: LightGBM cannot load it (known: binary, multiclass, multiclassova, ` +
                    'regression, regression_l1, quantile, huber, fair, mape, poisson, gamma, tweedie, cross_entropy, ' +
                    'cross_entropy_lambda, lambdarank, rank_xendcg)', field.line);
        }
    }
    /** Parses, checks and places tree `t` at `nodeBase`/`leafBase` in `out`; returns its number of leaves. */
    parseTree(block, maxFeature, out, t, nodeBase, leafBase) {
        const where = `Tree=${block.index}`;
        const need = (key) => {
            const field = block.fields.get(key);
            if (!field) {
                this.fail(`${where}: no ${key}= line; the tree is incomplete (truncated or hand-edited file?)`, block.line);
            }
            return field;
        };
        const integer = (key, min) => {
            const field = need(key);
            const n = Number(field.value);
            if (field.value.trim() === '' || !Number.isInteger(n) || n < min) {
                this.fail(`${where}: ${key}=${field.value} is not an integer >= ${min}`, field.line);
            }
            return n;
        };
        const numLeaves = integer('num_leaves', 1);
        const numCat = integer('num_cat', 0);
        const linear = block.fields.get('is_linear');
        if (linear && linear.value.trim() !== '0') {
            this.fail(`${where}: is_linear=${linear.value}: linear trees (linear_tree=true) are not supported by modelgate's evaluator; ` +
                'train without linear_tree or check this model by hand', linear.line);
        }
        const nodes = numLeaves - 1;
        this.doubles(need('leaf_value'), out.leafValue, leafBase, numLeaves, `${where}: leaf_value`, 'num_leaves', false);
        if (nodes === 0) {
            out.roots[t] = ~leafBase;
            return numLeaves;
        }
        out.roots[t] = nodeBase;
        const countName = `num_leaves-1`;
        this.integers(need('split_feature'), out.feature, nodeBase, nodes, `${where}: split_feature`, countName, 0, maxFeature, ` (the model has max_feature_idx=${maxFeature})`);
        const thresholdField = need('threshold');
        this.doubles(thresholdField, out.threshold, nodeBase, nodes, `${where}: threshold`, countName, true);
        const decisionField = block.fields.get('decision_type');
        // LightGBM defaults a missing decision_type to 0 (numeric, no missing handling): the array starts zeroed.
        if (decisionField) {
            this.integers(decisionField, out.decision, nodeBase, nodes, `${where}: decision_type`, countName, 0, 127);
        }
        const leftField = need('left_child');
        const rightField = need('right_child');
        const int32 = 2 ** 31;
        this.integers(leftField, out.left, nodeBase, nodes, `${where}: left_child`, countName, -int32, int32 - 1);
        this.integers(rightField, out.right, nodeBase, nodes, `${where}: right_child`, countName, -int32, int32 - 1);
        let catBoundaries = new Int32Array(0);
        let catWords = new Uint32Array(0);
        if (numCat > 0) {
            const boundaryField = need('cat_boundaries');
            catBoundaries = this.room(boundaryField, numCat + 1, `${where}: cat_boundaries`, 'num_cat+1', Int32Array);
            this.integers(boundaryField, catBoundaries, 0, numCat + 1, `${where}: cat_boundaries`, 'num_cat+1', 0, 2 ** 31 - 1);
            for (let c = 0; c < numCat; c++) {
                if (catBoundaries[c + 1] < catBoundaries[c] || catBoundaries[0] !== 0) {
                    this.fail(`${where}: cat_boundaries must start at 0 and never decrease`, boundaryField.line);
                }
            }
            const words = catBoundaries[numCat];
            const thresholdWords = need('cat_threshold');
            const wordsName = `cat_boundaries[${numCat}]`;
            catWords = this.room(thresholdWords, words, `${where}: cat_threshold`, wordsName, Uint32Array);
            this.integers(thresholdWords, catWords, 0, words, `${where}: cat_threshold`, wordsName, 0, 2 ** 32 - 1);
        }
        const { decision, threshold } = out;
        const decisionLine = decisionField?.line ?? block.line;
        for (let n = 0; n < nodes; n++) {
            const type = decision[nodeBase + n];
            if (((type >> 2) & 3) === 3) {
                this.fail(`${where}: decision_type ${type} of node ${n} has missing type 3 (only 0 none, 1 zero, 2 NaN exist)`, decisionLine);
            }
            if ((type & 1) !== 0) {
                if (numCat === 0) {
                    this.fail(`${where}: node ${n} is categorical (decision_type ${type}) but the tree has num_cat=0`, decisionLine);
                }
                const index = threshold[nodeBase + n];
                if (!Number.isInteger(index) || index < 0 || index >= numCat) {
                    this.fail(`${where}: categorical node ${n} has threshold ${index}, expected an index into cat_boundaries below num_cat=${numCat}`, thresholdField.line);
                }
            }
        }
        this.checkShape(where, [leftField, rightField], out, nodeBase, nodes, numLeaves);
        // Checked: make the children global, and point categorical nodes at their bitsets.
        const { left, right } = out;
        const wordBase = out.catWords.length;
        for (let n = nodeBase; n < nodeBase + nodes; n++) {
            const l = left[n];
            const r = right[n];
            left[n] = l >= 0 ? nodeBase + l : ~(leafBase + ~l);
            right[n] = r >= 0 ? nodeBase + r : ~(leafBase + ~r);
            if ((decision[n] & 1) !== 0) {
                const index = threshold[n];
                const begin = catBoundaries[index];
                out.catStart[n] = wordBase + begin;
                out.catLength[n] = catBoundaries[index + 1] - begin;
            }
        }
        for (const word of catWords)
            out.catWords.push(word);
        return numLeaves;
    }
    /**
     * Every child index names a node or a leaf of this tree, every node but the root and every
     * leaf is a child exactly once, and every node hangs off the root: so a walk ends at a leaf.
     * The tree's nodes are out[base, base + nodes), with tree-local children.
     */
    checkShape(where, fields, out, base, nodes, numLeaves) {
        const children = [out.left, out.right];
        const nodeRefs = this.scratch(nodes).fill(0, 0, nodes);
        const leafRefs = this.leafScratch(numLeaves).fill(0, 0, numLeaves);
        for (let n = 0; n < nodes; n++) {
            for (let side = 0; side < 2; side++) {
                const child = children[side][base + n];
                if (child >= nodes || child < -numLeaves) {
                    const name = side === 0 ? 'left_child' : 'right_child';
                    const range = nodes === 1 ? 'node 0' : `nodes 0..${nodes - 1}`;
                    this.fail(`${where}: ${name} of node ${n} is ${child}, which is neither one of the tree's ${range} nor a leaf -1..-${numLeaves} (~leaf)`, fields[side].line);
                }
                if (child >= 0) {
                    const name = side === 0 ? 'left_child' : 'right_child';
                    if (child === 0 || child === n) {
                        this.fail(`${where}: ${name} of node ${n} is ${child}: the tree has a cycle`, fields[side].line);
                    }
                    if (nodeRefs[child] === 1) {
                        this.fail(`${where}: node ${child} is the child of two nodes: the tree has a cycle or a shared subtree`, fields[side].line);
                    }
                    nodeRefs[child] = 1;
                }
                else {
                    const leaf = ~child;
                    if (leafRefs[leaf] === 1)
                        this.fail(`${where}: leaf ${leaf} (${child}) is the child of two nodes`, fields[side].line);
                    leafRefs[leaf] = 1;
                }
            }
        }
        // With one parent per node, a walk from the root visits each reachable node once; a node it
        // misses sits on a cycle detached from the root.
        const stack = this.stackScratch(nodes);
        let top = 0;
        stack[top++] = 0;
        let reached = 0;
        while (top > 0) {
            const n = stack[--top];
            reached++;
            for (const list of children) {
                const child = list[base + n];
                if (child >= 0)
                    stack[top++] = child;
            }
        }
        if (reached !== nodes) {
            this.fail(`${where}: ${nodes - reached} of ${nodes} nodes cannot be reached from the root: the children form a cycle`, fields[0].line);
        }
        for (let l = 0; l < numLeaves; l++) {
            if (leafRefs[l] !== 1)
                this.fail(`${where}: leaf ${l} is not the child of any node`, fields[0].line);
        }
    }
    // Scratch arrays for checkShape, grown as needed and reused by every tree.
    nodeRefs = new Uint8Array(0);
    leafRefs = new Uint8Array(0);
    stack = new Int32Array(0);
    scratch(size) {
        if (this.nodeRefs.length < size)
            this.nodeRefs = new Uint8Array(size * 2);
        return this.nodeRefs;
    }
    leafScratch(size) {
        if (this.leafRefs.length < size)
            this.leafRefs = new Uint8Array(size * 2);
        return this.leafRefs;
    }
    stackScratch(size) {
        if (this.stack.length < size)
            this.stack = new Int32Array(size * 2);
        return this.stack;
    }
    /** The field's space-separated values, which must be exactly `count` (named `countName` in messages). */
    tokens(field, count, what, countName) {
        const value = field.value.trim();
        // LightGBM separates with single spaces; tolerate runs of them without a regex per line.
        const parts = value === '' ? [] : value.split(' ');
        const tokens = value.includes('  ') ? parts.filter((p) => p !== '') : parts;
        if (tokens.length !== count) {
            this.fail(`${what} has ${tokens.length} value${tokens.length === 1 ? '' : 's'}, expected ${countName}=${count}`, field.line);
        }
        return tokens;
    }
    /**
     * An array for the field's `count` values. A count the line has no room for (each value
     * takes a character and a space) is refused with the token count before anything that size
     * is allocated.
     */
    room(field, count, what, countName, type) {
        if (count > (field.end - field.start + 1) / 2)
            this.tokens(field, count, what, countName);
        return new type(count);
    }
    /** Reads the field's `count` numbers into out[offset, offset + count). */
    doubles(field, out, offset, count, what, countName, allowInfinite) {
        if (readDoubles(this.text, field.start, field.end, out, offset, count, allowInfinite))
            return;
        // Anything unusual (another spelling, a wrong count, a bad value): token by token, which words the error.
        const tokens = this.tokens(field, count, what, countName);
        for (let i = 0; i < count; i++) {
            const token = tokens[i];
            const value = parseDouble(token);
            if (Number.isNaN(value) || (!allowInfinite && !Number.isFinite(value))) {
                this.fail(`${what}: value ${i + 1} ${JSON.stringify(token.slice(0, 30))} is not a ${allowInfinite ? '' : 'finite '}number`, field.line);
            }
            out[offset + i] = value;
        }
    }
    /** Reads the field's `count` integers, each in [min, max], into out[offset, offset + count). */
    integers(field, out, offset, count, what, countName, min, max, hint = '') {
        if (readIntegers(this.text, field.start, field.end, out, offset, count, min, max))
            return;
        const tokens = this.tokens(field, count, what, countName);
        for (let i = 0; i < count; i++) {
            const token = tokens[i];
            const value = Number(token);
            if (!Number.isInteger(value) || value < min || value > max) {
                this.fail(`${what}: value ${i + 1} is ${JSON.stringify(token.slice(0, 30))}, expected an integer in [${min}, ${max}]${hint}`, field.line);
            }
            out[offset + i] = value;
        }
    }
}
/** Common::Softmax: exponentials shifted by the maximum, in doubles. */
function softmax(raw) {
    let max = raw[0] ?? 0;
    for (const x of raw)
        if (x > max)
            max = x;
    const out = raw.map((x) => Math.exp(x - max));
    let sum = 0;
    for (const e of out)
        sum += e;
    return out.map((e) => e / sum);
}
/** The known tree key spelt by text[start, eq), or undefined for a line the evaluator does not read. */
function treeKey(text, start, eq) {
    const length = eq - start;
    for (const key of TREE_KEYS)
        if (key.length === length && text.startsWith(key, start))
            return key;
    return undefined;
}
/** A token ends at a space or at the end of the field. */
function charAt(text, i, end) {
    return i < end ? text.charCodeAt(i) : 32;
}
/**
 * Reads exactly `count` space-separated integers in [min, max] from text[start, end) into
 * out[offset, offset + count), as LightGBM writes them (an optional minus and decimal digits).
 * False, with `out` partly written, for anything else: another spelling Number() accepts
 * ("+1", "1.0"), a count or a value out of bounds. The caller then reads the tokens one by
 * one, which words the error.
 */
function readIntegers(text, start, end, out, offset, count, min, max) {
    let n = 0;
    let i = start;
    while (i < end) {
        let c = text.charCodeAt(i);
        if (c === 32) {
            i++;
            continue;
        }
        if (n === count)
            return false;
        const negative = c === 45;
        if (negative)
            c = charAt(text, ++i, end);
        const first = i;
        let value = 0;
        while (c >= 48 && c <= 57) {
            value = value * 10 + (c - 48);
            c = charAt(text, ++i, end);
        }
        // Up to 15 digits the sum above is exact.
        if (i === first || i - first > 15 || c !== 32)
            return false;
        if (negative)
            value = -value;
        if (value < min || value > max)
            return false;
        out[offset + n++] = value;
    }
    return n === count;
}
/**
 * Reads exactly `count` space-separated numbers from text[start, end) into
 * out[offset, offset + count), each converted by Number() as the token-by-token path does
 * (correctly rounded, as LightGBM's own reader). A token must start like a number (a digit, a
 * sign or a dot); anything else (inf/nan spellings, a count or a value out of bounds) gives
 * false, and the caller reads token by token.
 */
function readDoubles(text, start, end, out, offset, count, allowInfinite) {
    let n = 0;
    let i = start;
    while (i < end) {
        const c = text.charCodeAt(i);
        if (c === 32) {
            i++;
            continue;
        }
        if (n === count)
            return false;
        // Digits, '.', '-', '+'.
        if (!((c >= 48 && c <= 57) || c === 46 || c === 45 || c === 43))
            return false;
        let next = text.indexOf(' ', i);
        if (next < 0 || next > end)
            next = end;
        const value = Number(text.slice(i, next));
        if (value !== value || (!allowInfinite && (value === Infinity || value === -Infinity)))
            return false;
        out[offset + n++] = value;
        i = next;
    }
    return n === count;
}
/** Doubles as LightGBM writes them (%.17g), including the inf/nan spellings of C's printf. */
function parseDouble(token) {
    const value = Number(token);
    if (!Number.isNaN(value))
        return value;
    switch (token.toLowerCase()) {
        case 'inf':
        case '+inf':
        case 'infinity':
            return Infinity;
        case '-inf':
        case '-infinity':
            return -Infinity;
        default:
            return NaN;
    }
}

// EXTERNAL MODULE: ./lib/core/validation/json-text.js
var json_text = __webpack_require__(9717);
// EXTERNAL MODULE: ./lib/core/validation/value-text.js
var value_text = __webpack_require__(9708);
;// CONCATENATED MODULE: ./lib/core/models/xgboost.js
/**
 * XGBoost JSON models (`save_model("model.json")`, 1.0 to 3.x), evaluated the way XGBoost's
 * CPU predictor does: features and split values are float32, a row goes left when
 * `x < split`, missing values follow `default_left`, categorical nodes send the listed
 * categories right, and margins are accumulated in float32 starting from the base margin
 * (`base_score` turned into a margin by the objective's link). Outputs are float32 values, as
 * `Booster.predict` returns them.
 *
 * The whole file is validated at parse time (the layout, then array lengths, child indexes,
 * tree shape), so evaluating a row can neither crash nor loop.
 *
 * The layout is checked by hand rather than with zod: this module runs on the healthcheck's
 * tree worker, whose start is on the healthcheck's critical path, and zod (with yaml through
 * validation/describe.ts) would double what that thread loads before it can parse anything.
 * The messages are worded as describe.ts words zod's issues, so both read alike.
 */




const f32 = Math.fround;
/** XGBoost refuses categories at or above 2^24 (the last integer a float holds exactly). */
const MAX_CATEGORY = 16777216;
/** Per objective: how base_score becomes a margin (ProbToMargin) and what predict applies (PredTransform). */
const OBJECTIVES = {
    'reg:squarederror': { link: 'identity', transform: 'identity' },
    'reg:linear': { link: 'identity', transform: 'identity' },
    'reg:squaredlogerror': { link: 'identity', transform: 'identity' },
    'reg:pseudohubererror': { link: 'identity', transform: 'identity' },
    'reg:absoluteerror': { link: 'identity', transform: 'identity' },
    'reg:quantileerror': { link: 'identity', transform: 'identity' },
    'reg:logistic': { link: 'logit', transform: 'sigmoid' },
    'binary:logistic': { link: 'logit', transform: 'sigmoid' },
    'binary:logitraw': { link: 'identity', transform: 'identity' },
    'binary:hinge': { link: 'identity', transform: 'hinge' },
    'count:poisson': { link: 'log', transform: 'exp' },
    'reg:gamma': { link: 'log', transform: 'exp' },
    'reg:tweedie': { link: 'log', transform: 'exp' },
    'survival:cox': { link: 'log', transform: 'exp' },
    'survival:aft': { link: 'log', transform: 'exp' },
    'multi:softprob': { link: 'identity', transform: 'softmax' },
    'multi:softmax': { link: 'identity', transform: 'argmax' },
    'rank:pairwise': { link: 'identity', transform: 'identity' },
    'rank:ndcg': { link: 'identity', transform: 'identity' },
    'rank:map': { link: 'identity', transform: 'identity' },
};
class XgboostModel {
    file;
    transform;
    base;
    roots;
    group;
    weight;
    left;
    right;
    feature;
    condition;
    defaultLeft;
    catStart;
    catLength;
    catWords;
    info;
    scratch;
    constructor(file, info, transform, 
    /** Base margin per class, float32. */
    base, roots, group, 
    /** DART tree weights, or null for gbtree. */
    weight, 
    /** Global child index, -1 for a leaf. */
    left, right, feature, 
    /** Split value of an internal node, leaf value of a leaf. */
    condition, defaultLeft, 
    /** -1 for a numeric node; else the first bitset word of its categories in `catWords`. */
    catStart, catLength, catWords) {
        this.file = file;
        this.transform = transform;
        this.base = base;
        this.roots = roots;
        this.group = group;
        this.weight = weight;
        this.left = left;
        this.right = right;
        this.feature = feature;
        this.condition = condition;
        this.defaultLeft = defaultLeft;
        this.catStart = catStart;
        this.catLength = catLength;
        this.catWords = catWords;
        this.info = info;
        this.scratch = new Float64Array(info.features);
    }
    predictRaw(row) {
        const x = readRow(row, this.scratch, this.file);
        for (let i = 0; i < x.length; i++)
            x[i] = f32(x[i]);
        // Float32Array storage rounds every sum to float, as XGBoost's float prediction buffer does.
        const out = Float32Array.from(this.base);
        const { roots, group, weight, left, right, feature, condition, defaultLeft, catStart } = this;
        const trees = roots.length;
        for (let t = 0; t < trees; t++) {
            let node = roots[t];
            let l = left[node];
            while (l !== -1) {
                const value = x[feature[node]];
                if (value !== value)
                    node = defaultLeft[node] === 1 ? l : right[node];
                else if (catStart[node] >= 0)
                    node = this.categoryListed(node, value) ? right[node] : l;
                else
                    node = value < condition[node] ? l : right[node];
                l = left[node];
            }
            const leaf = condition[node];
            const g = group[t];
            // CPU predictor: out_preds[g] += tree value; DART scales each tree's value first.
            out[g] = out[g] + (weight === null ? leaf : f32(leaf * weight[t]));
        }
        return Array.from(out);
    }
    predict(row) {
        const margin = this.predictRaw(row);
        switch (this.transform) {
            case 'identity':
                return margin;
            case 'sigmoid':
                return margin.map((m) => f32(1 / f32(1 + f32(Math.exp(-m)))));
            case 'exp':
                return margin.map((m) => f32(Math.exp(m)));
            case 'hinge':
                return margin.map((m) => (m > 0 ? 1 : 0));
            case 'softmax':
                return softmaxFloat(margin);
            case 'argmax': {
                let best = 0;
                for (let k = 1; k < margin.length; k++)
                    if (margin[k] > margin[best])
                        best = k;
                return [best];
            }
        }
    }
    /** common::Decision: invalid (negative, >= 2^24) and unlisted categories go left. */
    categoryListed(node, value) {
        if (value < 0 || value >= MAX_CATEGORY)
            return false;
        const category = Math.trunc(value);
        const word = category >>> 5;
        if (word >= this.catLength[node])
            return false;
        const bits = this.catWords[this.catStart[node] + word];
        return ((bits >>> (category & 31)) & 1) === 1;
    }
}
/** common::Softmax: float exponentials shifted by the maximum, summed in double. */
function softmaxFloat(margin) {
    let max = margin[0] ?? 0;
    for (const m of margin)
        if (m > max)
            max = m;
    const e = margin.map((m) => f32(Math.exp(f32(m - max))));
    let sum = 0;
    for (const v of e)
        sum += v;
    const total = f32(sum);
    return e.map((v) => f32(v / total));
}
/** Parses an XGBoost JSON model; throws ModelgateError naming `file` and the fault. */
function parseXgboost(text, file) {
    const fail = (message, line, column) => {
        const at = line === undefined
            ? `${file}:`
            : column === undefined
                ? `${file}:${line}`
                : `${file}:${line}:${column}`;
        throw new errors/* ModelgateError */.HJ(`${at} ${message}`, 'check', { file, line, column });
    };
    const start = text.trimStart();
    if (!start.startsWith('{')) {
        const first = (start.split('\n')[0] ?? '').trim();
        const hint = first === 'tree' ? ' (the first line is "tree": a LightGBM text model given as kind xgboost?)' : '';
        fail(`is not an XGBoost JSON model: it does not start with "{"${hint}; export it with save_model("model.json")`, 1);
    }
    if (hasBinaryBytes(text)) {
        fail('is not a JSON text (it holds binary bytes: UBJSON?); export the model with save_model("model.json")', 1);
    }
    let document;
    try {
        document = (0,json_text/* parseJsonLenient */.VA)(text);
    }
    catch {
        const problem = (0,json_text/* locateJsonError */.R4)(text);
        if (problem.truncated) {
            fail('is not valid JSON: it ends in the middle of the model, so the file is truncated (export it again and re-upload it)', problem.line, problem.column);
        }
        fail(`is not valid JSON: ${problem.message}`, problem.line, problem.column);
    }
    if (document === null || typeof document !== 'object' || !('learner' in document)) {
        fail('not an XGBoost JSON model: there is no "learner" object at the top level; export it with save_model("model.json")');
    }
    const layout = (check) => {
        try {
            check();
        }
        catch (error) {
            if (!(error instanceof LayoutProblem))
                throw error;
            fail(`${(0,value_text/* dottedPath */.w)(error.path)}: ${error.what} (not an XGBoost JSON model, or a damaged one)`);
        }
    };
    layout(() => checkModel(document));
    const { learner, version } = document;
    // Checked to be a mapping; the booster's own fields are checked once its name is known.
    const boosterJson = learner.gradient_booster;
    const objectiveName = learner.objective.name;
    const objective = OBJECTIVES[objectiveName];
    if (!objective) {
        fail(`unknown objective ${JSON.stringify(objectiveName)} (learner.objective.name); supported: ${Object.keys(OBJECTIVES).join(', ')}`);
    }
    const count = (value, what, min) => {
        const n = Number(value);
        if (!Number.isInteger(n) || n < min)
            fail(`${what} is ${JSON.stringify(value)}, expected an integer >= ${min}`);
        return n;
    };
    const features = count(learner.learner_model_param.num_feature, 'learner.learner_model_param.num_feature', 1);
    const numClass = count(learner.learner_model_param.num_class, 'learner.learner_model_param.num_class', 0);
    const targets = learner.learner_model_param.num_target === undefined
        ? 1
        : count(learner.learner_model_param.num_target, 'learner.learner_model_param.num_target', 1);
    if (targets > 1)
        fail(`the model has num_target=${targets}: multi-output models are not supported by modelgate's evaluator`);
    const groups = Math.max(1, numClass);
    const multiclass = objective.transform === 'softmax' || objective.transform === 'argmax';
    if (multiclass !== groups > 1) {
        fail(`objective ${objectiveName} does not match learner_model_param.num_class=${numClass}`);
    }
    let model;
    let weights = null;
    const boosterName = learner.gradient_booster.name;
    const boosterPath = ['learner', 'gradient_booster'];
    if (boosterName === 'gbtree') {
        layout(() => checkGbtreeModel(boosterJson.model, [...boosterPath, 'model']));
        model = boosterJson.model;
    }
    else if (boosterName === 'dart') {
        layout(() => {
            const gbtree = boosterJson.gbtree;
            checkObject(gbtree, [...boosterPath, 'gbtree']);
            checkGbtreeModel(gbtree.model, [...boosterPath, 'gbtree', 'model']);
            checkList(boosterJson, 'weight_drop', boosterPath, 'numbers');
        });
        const dart = boosterJson;
        model = dart.gbtree.model;
        const drops = dart.weight_drop;
        if (drops.length !== model.trees.length) {
            fail(`learner.gradient_booster.weight_drop has ${drops.length} weights for ${model.trees.length} trees`);
        }
        weights = new Float32Array(drops.length);
        drops.forEach((w, i) => {
            if (w === null || !Number.isFinite(w))
                fail(`learner.gradient_booster.weight_drop[${i}] is not a finite number`);
            weights[i] = w;
        });
    }
    else {
        return fail(`the model uses the ${JSON.stringify(boosterName)} booster; only tree boosters (gbtree, dart) are supported by modelgate's evaluator`);
    }
    const modelPath = boosterName === 'dart' ? 'learner.gradient_booster.gbtree.model' : 'learner.gradient_booster.model';
    const trees = model.trees;
    const declared = count(model.gbtree_model_param.num_trees, `${modelPath}.gbtree_model_param.num_trees`, 0);
    if (declared !== trees.length) {
        fail(`${modelPath}.gbtree_model_param.num_trees is ${declared} but the file holds ${trees.length} trees: it is incomplete`);
    }
    if (trees.length === 0)
        fail('the model contains no trees');
    if (model.tree_info.length !== trees.length) {
        fail(`${modelPath}.tree_info has ${model.tree_info.length} entries for ${trees.length} trees`);
    }
    model.tree_info.forEach((g, i) => {
        if (g < 0 || g >= groups)
            fail(`${modelPath}.tree_info[${i}] is ${g}, expected a class index below ${groups}`);
    });
    // binary:logitraw inherited the logit link until XGBoost 1.6 gave it the identity (1.7.4
    // verified: base_score 0.7 becomes a margin of 0.7).
    const link = objectiveName === 'binary:logitraw' && version !== undefined && compareVersions(version, [1, 6, 0]) < 0
        ? 'logit'
        : objective.link;
    const base = baseMargins(learner.learner_model_param.base_score, link, groups, objectiveName, fail);
    const checked = trees.map((tree, t) => checkTree(tree, `${modelPath}.trees[${t}]`, features, fail));
    const info = {
        format: 'xgboost',
        trees: trees.length,
        features,
        objective: objectiveName,
        classes: groups,
    };
    if (version)
        info.version = version.join('.');
    const names = learner.feature_names;
    if (names && names.length > 0) {
        if (names.length !== features) {
            fail(`learner.feature_names has ${names.length} names for num_feature=${features}`);
        }
        info.featureNames = names;
    }
    return flatten(file, info, objective.transform, base, Int32Array.from(model.tree_info), weights, checked);
}
/** ProbToMargin of base_score: a scalar string ("5E-1") before 3.1, a bracketed vector ("[5E-1]") since. */
function baseMargins(raw, link, groups, objective, fail) {
    const text = String(raw).trim();
    const items = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1).split(',') : [text];
    const values = items.map((s) => Number(s.trim()));
    if (values.some((v, i) => !Number.isFinite(v) || items[i].trim() === '')) {
        fail(`learner.learner_model_param.base_score is ${JSON.stringify(raw)}, expected a number or a bracketed list of numbers`);
    }
    if (values.length !== 1 && values.length !== groups) {
        fail(`learner.learner_model_param.base_score has ${values.length} values for ${groups} classes`);
    }
    const out = new Float32Array(groups);
    for (let g = 0; g < groups; g++) {
        const p = f32(values[values.length === 1 ? 0 : g]);
        if (link === 'logit') {
            if (!(p > 0 && p < 1))
                fail(`base_score ${p} is outside (0, 1), which ${objective} requires`);
            out[g] = f32(-Math.log(f32(f32(1 / p) - 1)));
        }
        else if (link === 'log') {
            if (!(p > 0))
                fail(`base_score ${p} must be positive for ${objective}`);
            out[g] = f32(Math.log(p));
        }
        else {
            out[g] = p;
        }
    }
    return out;
}
/** The per-node arrays, each of which must have tree_param.num_nodes entries. */
const NODE_ARRAYS = [
    'left_children',
    'right_children',
    'split_indices',
    'split_conditions',
    'default_left',
    'split_type',
];
function checkTree(tree, where, features, fail) {
    const n = Number(tree.tree_param.num_nodes);
    if (!Number.isInteger(n) || n < 1)
        fail(`${where}.tree_param.num_nodes is ${JSON.stringify(tree.tree_param.num_nodes)}`);
    const leafSize = tree.tree_param.size_leaf_vector === undefined ? 0 : Number(tree.tree_param.size_leaf_vector);
    if (leafSize > 1)
        fail(`${where} has vector leaves (size_leaf_vector=${leafSize}): multi-output trees are not supported`);
    for (const name of NODE_ARRAYS) {
        const list = tree[name];
        if (list !== undefined && list.length !== n) {
            fail(`${where}.${name} has ${list.length} entries, expected tree_param.num_nodes=${n}`);
        }
    }
    const left = new Int32Array(tree.left_children);
    const right = new Int32Array(tree.right_children);
    const feature = new Int32Array(n);
    const condition = new Float32Array(n);
    const defaultLeft = new Uint8Array(n);
    const categories = new Map();
    const seen = new Uint8Array(n);
    const catNodes = tree.categories_nodes ?? [];
    const catSegments = tree.categories_segments ?? [];
    const catSizes = tree.categories_sizes ?? [];
    const catValues = tree.categories ?? [];
    if (catSegments.length !== catNodes.length || catSizes.length !== catNodes.length) {
        fail(`${where}: categories_nodes, categories_segments and categories_sizes must have the same length`);
    }
    for (let i = 0; i < n; i++) {
        const l = left[i];
        const r = right[i];
        const splitType = tree.split_type?.[i] ?? 0;
        if (splitType !== 0 && splitType !== 1)
            fail(`${where}.split_type[${i}] is ${splitType}, expected 0 (numeric) or 1 (categorical)`);
        const value = tree.split_conditions[i];
        if (l === -1 || r === -1) {
            if (l !== -1 || r !== -1)
                fail(`${where}: node ${i} has one child (left ${l}, right ${r}); a leaf has -1 on both sides`);
            if (value === null || value === undefined || !Number.isFinite(value)) {
                fail(`${where}.split_conditions[${i}] is the value of leaf ${i} but is not a finite number`);
            }
            condition[i] = value;
            continue;
        }
        for (let side = 0; side < 2; side++) {
            const child = side === 0 ? l : r;
            if (child === i)
                fail(`${where}: node ${i} is its own child: the tree has a cycle`);
            if (!Number.isInteger(child) || child <= 0 || child >= n) {
                fail(`${where}: node ${i} has child ${child}, outside the tree's nodes 1..${n - 1}`);
            }
            if (seen[child] === 1)
                fail(`${where}: node ${child} is the child of two nodes: the tree has a cycle or shared subtree`);
            seen[child] = 1;
        }
        const f = tree.split_indices[i];
        if (f < 0 || f >= features)
            fail(`${where}.split_indices[${i}] is ${f}, outside the model's ${features} features`);
        feature[i] = f;
        const dl = tree.default_left[i];
        defaultLeft[i] = dl === true || dl === 1 ? 1 : 0;
        if (dl !== true && dl !== false && dl !== 0 && dl !== 1)
            fail(`${where}.default_left[${i}] is ${String(dl)}, expected 0/1 or a boolean`);
        if (splitType === 1) {
            categories.set(i, []);
        }
        else {
            if (value === null || value === undefined || Number.isNaN(value)) {
                fail(`${where}.split_conditions[${i}] is NaN on the numeric split of node ${i}`);
            }
            condition[i] = value;
        }
    }
    catNodes.forEach((node, k) => {
        const list = categories.get(node);
        if (node < 0 || node >= n || list === undefined) {
            fail(`${where}.categories_nodes[${k}] is ${node}, which is not a categorical split (split_type 1)`);
        }
        const begin = catSegments[k];
        const size = catSizes[k];
        if (begin < 0 || size < 0 || begin + size > catValues.length) {
            fail(`${where}: categories_segments[${k}]/categories_sizes[${k}] point outside categories (${catValues.length} entries)`);
        }
        for (let j = begin; j < begin + size; j++) {
            const c = catValues[j];
            if (c < 0 || c >= MAX_CATEGORY)
                fail(`${where}.categories[${j}] is ${c}, expected a category in [0, 2^24)`);
            list.push(c);
        }
    });
    // Root has no parent and each other node at most one, so a walk from the root ends. Nodes
    // not reached are allowed: XGBoost keeps pruned (deleted) nodes in the arrays.
    if (seen[0] === 1)
        fail(`${where}: a node points back to the root: the tree has a cycle`);
    return { left, right, feature, condition, defaultLeft, categories };
}
function flatten(file, info, transform, base, group, weight, trees) {
    let nodes = 0;
    let words = 0;
    for (const tree of trees) {
        nodes += tree.left.length;
        for (const list of tree.categories.values())
            words += bitsetWords(list);
    }
    const roots = new Int32Array(trees.length);
    const left = new Int32Array(nodes);
    const right = new Int32Array(nodes);
    const feature = new Int32Array(nodes);
    const condition = new Float32Array(nodes);
    const defaultLeft = new Uint8Array(nodes);
    const catStart = new Int32Array(nodes).fill(-1);
    const catLength = new Int32Array(nodes);
    const catWords = new Uint32Array(words);
    let nodeBase = 0;
    let wordBase = 0;
    trees.forEach((tree, t) => {
        const n = tree.left.length;
        roots[t] = nodeBase;
        for (let i = 0; i < n; i++) {
            const l = tree.left[i];
            left[nodeBase + i] = l === -1 ? -1 : nodeBase + l;
            right[nodeBase + i] = l === -1 ? -1 : nodeBase + tree.right[i];
        }
        for (const [i, list] of tree.categories) {
            const size = bitsetWords(list);
            catStart[nodeBase + i] = wordBase;
            catLength[nodeBase + i] = size;
            for (const c of list)
                catWords[wordBase + (c >>> 5)] = (catWords[wordBase + (c >>> 5)] | (1 << (c & 31))) >>> 0;
            wordBase += size;
        }
        feature.set(tree.feature, nodeBase);
        condition.set(tree.condition, nodeBase);
        defaultLeft.set(tree.defaultLeft, nodeBase);
        nodeBase += n;
    });
    return new XgboostModel(file, info, transform, base, roots, group, weight, left, right, feature, condition, defaultLeft, catStart, catLength, catWords);
}
/** Control characters that JSON never holds raw: a UBJSON (.ubj) or other binary file. */
function hasBinaryBytes(text) {
    const end = Math.min(text.length, 4096);
    for (let i = 0; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c < 9 || (c > 13 && c < 32))
            return true;
    }
    return false;
}
function compareVersions(a, b) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const d = (a[i] ?? 0) - (b[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return 0;
}
function bitsetWords(categories) {
    let max = -1;
    for (const c of categories)
        if (c > max)
            max = c;
    return max < 0 ? 0 : (max >>> 5) + 1;
}
/** Where and how the document departs from the layout XGBoost writes. */
class LayoutProblem {
    path;
    what;
    constructor(path, what) {
        this.path = path;
        this.what = what;
    }
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function wrongType(value, path, expected) {
    throw new LayoutProblem(path, value === undefined
        ? `is required: expected ${expected}`
        : `expected ${expected}, got ${(0,value_text/* describeValue */.b)(value)}`);
}
function checkObject(value, path) {
    if (!isObject(value))
        wrongType(value, path, 'a mapping');
}
function checkString(value, path) {
    if (typeof value !== 'string')
        wrongType(value, path, 'a string');
}
/** A count or a score, which XGBoost writes as a string ("5E-1") and older versions as a number. */
function isNumeric(value) {
    return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}
function notNumeric(value, path) {
    throw new LayoutProblem(path, `does not match any allowed form, got ${(0,value_text/* describeValue */.b)(value)}`);
}
function checkNumeric(value, path, optional = false) {
    if ((optional && value === undefined) || isNumeric(value))
        return;
    notNumeric(value, path);
}
const LIST_MESSAGE = {
    integers: 'expected a list of integers',
    numbers: 'expected a list of numbers',
    flags: 'expected a list of 0/1 or true/false',
};
/** Whether every element follows the rule; tree arrays hold most of a model's bytes, so one plain loop each. */
function listFollows(list, rule) {
    const n = list.length;
    if (rule === 'integers') {
        for (let i = 0; i < n; i++)
            if (!Number.isInteger(list[i]))
                return false;
    }
    else if (rule === 'numbers') {
        // `null` stands for the bare NaN tokens older XGBoost versions write (see json-text.ts).
        for (let i = 0; i < n; i++) {
            const x = list[i];
            if (x !== null && typeof x !== 'number')
                return false;
        }
    }
    else {
        for (let i = 0; i < n; i++) {
            const x = list[i];
            if (x !== 0 && x !== 1 && typeof x !== 'boolean')
                return false;
        }
    }
    return true;
}
/** `parent[key]` must be a list whose elements follow `rule` (or be absent, when optional). */
function checkList(parent, key, path, rule, optional = false) {
    const value = parent[key];
    if (optional && value === undefined)
        return;
    if (Array.isArray(value) && listFollows(value, rule))
        return;
    const message = LIST_MESSAGE[rule];
    throw new LayoutProblem([...path, key], value === undefined ? message : `${message}, got ${(0,value_text/* describeValue */.b)(value)}`);
}
/** The learner fields the evaluator reads, in the order their problems are reported. */
function checkModel(document) {
    checkObject(document, []);
    const learner = document.learner;
    checkObject(learner, ['learner']);
    const names = learner.feature_names;
    if (names !== undefined) {
        if (!Array.isArray(names))
            wrongType(names, ['learner', 'feature_names'], 'a list');
        names.forEach((name, i) => checkString(name, ['learner', 'feature_names', i]));
    }
    const booster = learner.gradient_booster;
    checkObject(booster, ['learner', 'gradient_booster']);
    checkString(booster.name, ['learner', 'gradient_booster', 'name']);
    const param = learner.learner_model_param;
    const paramPath = ['learner', 'learner_model_param'];
    checkObject(param, paramPath);
    checkNumeric(param.base_score, [...paramPath, 'base_score']);
    checkNumeric(param.num_class, [...paramPath, 'num_class']);
    checkNumeric(param.num_feature, [...paramPath, 'num_feature']);
    checkNumeric(param.num_target, [...paramPath, 'num_target'], true);
    const objective = learner.objective;
    checkObject(objective, ['learner', 'objective']);
    checkString(objective.name, ['learner', 'objective', 'name']);
    const version = document.version;
    if (version !== undefined) {
        if (!Array.isArray(version))
            wrongType(version, ['version'], 'a list');
        version.forEach((v, i) => {
            if (typeof v !== 'number' || !Number.isFinite(v))
                wrongType(v, ['version', i], 'a number');
        });
    }
}
function checkGbtreeModel(model, path) {
    checkObject(model, path);
    const param = model.gbtree_model_param;
    checkObject(param, [...path, 'gbtree_model_param']);
    checkNumeric(param.num_trees, [...path, 'gbtree_model_param', 'num_trees']);
    checkList(model, 'tree_info', path, 'integers');
    const trees = model.trees;
    if (!Array.isArray(trees))
        wrongType(trees, [...path, 'trees'], 'a list');
    trees.forEach((tree, t) => checkTreeLayout(tree, [...path, 'trees', t]));
}
function checkTreeLayout(tree, path) {
    checkObject(tree, path);
    checkList(tree, 'left_children', path, 'integers');
    checkList(tree, 'right_children', path, 'integers');
    checkList(tree, 'split_indices', path, 'integers');
    checkList(tree, 'split_conditions', path, 'numbers');
    checkList(tree, 'default_left', path, 'flags');
    checkList(tree, 'split_type', path, 'integers', true);
    checkList(tree, 'categories', path, 'integers', true);
    checkList(tree, 'categories_nodes', path, 'integers', true);
    checkList(tree, 'categories_segments', path, 'integers', true);
    checkList(tree, 'categories_sizes', path, 'integers', true);
    const param = tree.tree_param;
    if (!isObject(param))
        wrongType(param, [...path, 'tree_param'], 'a mapping');
    if (!isNumeric(param.num_nodes))
        notNumeric(param.num_nodes, [...path, 'tree_param', 'num_nodes']);
    if (param.size_leaf_vector !== undefined && !isNumeric(param.size_leaf_vector))
        notNumeric(param.size_leaf_vector, [...path, 'tree_param', 'size_leaf_vector']);
}

;// CONCATENATED MODULE: ./lib/core/models/tree-model.js
/**
 * The common face of the tree-ensemble evaluators (LightGBM text, XGBoost JSON) that the
 * healthcheck uses to recompute a bundle's golden vectors without Python. Each evaluator
 * reproduces its framework's own arithmetic (LightGBM: doubles; XGBoost: float32), because a
 * golden vector is only useful if a correct model matches it to the last few ulps.
 */






/**
 * Reads and parses a model file. `displayName` (default: `file`) is the name used in error
 * messages and annotations, e.g. the path inside the bundle rather than a temporary directory.
 */
async function loadTreeModel(file, kind, displayName = file) {
    let text;
    try {
        text = decode(await (0,promises_.readFile)(file));
    }
    catch (error) {
        throw unreadable(error, kind, displayName);
    }
    return parseTreeModel(text, kind, displayName);
}
/**
 * `loadTreeModel` with a blocking read: for the healthcheck's tree worker, which has nothing
 * else to do meanwhile, and for which a read in 512 KB steps through the event loop only adds
 * round trips.
 */
function loadTreeModelSync(file, kind, displayName = file) {
    let text;
    try {
        text = decode(readFileSync(file));
    }
    catch (error) {
        throw unreadable(error, kind, displayName);
    }
    return parseTreeModel(text, kind, displayName);
}
/**
 * The file's text. Models are ASCII unless a feature name is not, and ASCII decodes byte for
 * byte (as Latin-1) about a quarter faster than through UTF-8, which the rest still goes through.
 */
function decode(bytes) {
    return (0,external_node_buffer_.isAscii)(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}
function parseTreeModel(text, kind, displayName) {
    return kind === 'lightgbm' ? parseLightGbm(text, displayName) : parseXgboost(text, displayName);
}
function unreadable(error, kind, displayName) {
    const code = error.code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : error.message;
    return new errors/* ModelgateError */.HJ(`${displayName}: cannot read the ${kind} model: ${why}`, 'check', {
        file: displayName,
    });
}

;// CONCATENATED MODULE: ./lib/core/health/tree-pool.js
/**
 * Tree models (LightGBM text, XGBoost JSON) parsed on two threads. Parsing the seed's seven
 * tree files is the largest piece of JavaScript work in the healthcheck; onnxruntime-node
 * opens sessions synchronously on the main thread, and hashing runs there too. So every
 * parse goes to a worker thread as soon as it is asked for (the worker takes the largest
 * first), and the main thread takes whatever the worker has not started once its own work is
 * done (`parseQueuedHere`, smallest first). Each model stays on the thread that parsed it,
 * and answers predictions there.
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
    const script = builtWorkerPath(__webpack_require__.ab + "tree-worker.js");
    if (script !== undefined && (0,external_node_fs_.existsSync)(script))
        return { script };
    if (!import.meta.url.endsWith('.ts'))
        return undefined;
    const source = new URL(/* asset import */ __webpack_require__(4604), __webpack_require__.b);
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
    constructor(useWorker = true) {
        const source = useWorker ? workerSource() : undefined;
        if (!source)
            return;
        try {
            // A larger young generation: parsing allocates many short strings, and scavenges were a tenth of the parse.
            const resourceLimits = { maxYoungGenerationSizeMb: 64 };
            const worker = 'script' in source
                ? new external_node_worker_threads_.Worker(source.script, { resourceLimits })
                : new external_node_worker_threads_.Worker(source.code, { eval: true, resourceLimits });
            // A pool that is never closed must not keep the process alive.
            worker.unref();
            worker.on('message', (reply) => this.onReply(reply));
            worker.on('error', (error) => this.abandon(error));
            worker.on('exit', (code) => this.abandon(new Error(`the tree worker exited with code ${code}`)));
            this.worker = worker;
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
            await this.runHere(job);
        }
    }
    settle(job, action) {
        if (job.settled)
            return;
        job.settled = true;
        this.jobs.delete(job.id);
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
            worker.postMessage({ ...message, id });
        });
    }
    abandon(error) {
        if (!this.worker)
            return;
        this.worker = undefined;
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
        for (const job of [...this.jobs.values()]) {
            this.settle(job, () => job.reject(new Error(`${job.name}: the healthcheck ended before the model was parsed`)));
        }
        await worker.terminate();
    }
}


/***/ }),

/***/ 8061:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gS: () => (/* binding */ ZIPMAP_FIX),
  Yy: () => (/* binding */ feedsFrom),
  pW: () => (/* binding */ formatDims),
  RJ: () => (/* binding */ measureLatency),
  Nn: () => (/* binding */ nonFiniteOutputs),
  rD: () => (/* binding */ nonTensorOutputs),
  FT: () => (/* binding */ openOnnxModel),
  x: () => (/* binding */ runOnnx),
  X_: () => (/* binding */ smokeFeeds)
});

// UNUSED EXPORTS: concreteDims

// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./lib/core/models/onnx-runtime.js
/**
 * The one place that loads onnxruntime-node. It is loaded lazily, by a dynamic import, so
 * that the actions which never open an ONNX model (package, deploy, gate, rollback) never
 * load its native binary, and a runner on an unsupported platform only fails the checks
 * that need it.
 *
 * In the built action (`dist/healthcheck/index.js`) onnxruntime-node is not bundled: its JS
 * is vendored beside the bundle as one CommonJS file with its native binaries
 * (`vendor/onnxruntime-node/dist/index.cjs`, `vendor/onnxruntime-node/bin/napi-v6/linux/{x64,arm64}/`).
 * In development and tests it is the ordinary npm dependency.
 */




/** Platforms and architectures whose binaries are shipped with the built action. */
const SHIPPED_BINARIES = ['linux/x64', 'linux/arm64'];
let loading;
/** Loads onnxruntime-node once per process; later calls share the same module. */
function loadOrt() {
    loading ??= load().catch((error) => {
        // Let a later call retry: the failure may be a transient file-system error.
        loading = undefined;
        throw error;
    });
    return loading;
}
async function load() {
    // Beside the healthcheck bundle; the package, root and CLI bundles borrow the same copy.
    const vendored = ['./vendor/', '../healthcheck/vendor/']
        .map((dir) => new URL(`${dir}onnxruntime-node/dist/index.cjs`, import.meta.url))
        .find((url) => url.protocol === 'file:' && (0,external_node_fs_.existsSync)((0,external_node_url_.fileURLToPath)(url)));
    let loaded;
    try {
        if (vendored) {
            const require = (0,external_node_module_.createRequire)(import.meta.url);
            loaded = require((0,external_node_url_.fileURLToPath)(vendored));
        }
        else {
            // A runtime specifier the bundler leaves alone: bundles use the vendored copy above.
            const specifier = 'onnxruntime-node';
            loaded = await import(/* webpackIgnore: true */ specifier);
        }
    }
    catch (error) {
        const where = `${process.platform}/${process.arch}`;
        const shipped = SHIPPED_BINARIES.includes(where);
        throw new errors/* ModelgateError */.HJ(shipped
            ? `onnxruntime-node failed to load on ${where}: ${error.message}; reinstall it (npm ci) or use a runner image with glibc 2.28 or newer`
            : `onnxruntime-node cannot run on ${where}: only the linux x64 and linux arm64 binaries are shipped with the action; run the healthcheck on an ubuntu-latest (x64) or ubuntu-24.04-arm runner`, 'runtime', {}, { cause: error });
    }
    return asOrtModule(loaded);
}
/** The CommonJS build may arrive as the module itself or under `default` (ESM interop). */
function asOrtModule(loaded) {
    const candidates = [loaded, loaded?.default];
    for (const candidate of candidates) {
        const m = candidate;
        if (m && typeof m.InferenceSession?.create === 'function' && typeof m.Tensor === 'function')
            return m;
    }
    throw new errors/* ModelgateError */.HJ('onnxruntime-node loaded but has no InferenceSession or Tensor: the vendored copy is broken; rebuild the action (npm run build)');
}

;// CONCATENATED MODULE: ./lib/core/models/onnx.js
/**
 * Opening and running ONNX models with onnxruntime-node: what the service will do with them.
 * Reports names, element types and dims (symbolic dims by name), runs the model with inputs of
 * the declared shapes, detects NaN/Inf and non-tensor outputs, and measures warm latency.
 */


/** The fix for a ZipMap output, which onnxruntime-node cannot return and the service cannot use. */
const ZIPMAP_FIX = "re-export with skl2onnx options {'zipmap': False} so the probabilities are a plain tensor";
/** Creates an inference session; a file onnxruntime rejects becomes a ModelgateError naming it. */
async function openOnnxModel(file, name, options = {}) {
    const ort = await loadOrt();
    const started = performance.now();
    let session;
    try {
        session = await ort.InferenceSession.create(file, {
            intraOpNumThreads: options.intraOpNumThreads ?? 1,
            interOpNumThreads: 1,
            executionMode: 'sequential',
            graphOptimizationLevel: 'all',
            logSeverityLevel: 3,
        });
    }
    catch (error) {
        const why = firstLine(error);
        throw new errors/* ModelgateError */.HJ(`${name}: onnxruntime cannot load the model: ${why}; ${/protobuf parsing failed/i.test(why)
            ? 'the file is truncated or not an ONNX model: copy it again, or re-export it (torch.onnx.export)'
            : 're-export it with an opset and operators onnxruntime 1.30 supports'}`, 'check', { file: name }, { cause: error });
    }
    const openMs = performance.now() - started;
    return {
        name,
        session,
        ort,
        openMs,
        inputs: session.inputMetadata.map(describeValue),
        outputs: session.outputMetadata.map(describeValue),
    };
}
function describeValue(meta) {
    if (!meta.isTensor)
        return { name: meta.name, tensor: false, type: 'map/sequence', dims: [] };
    return { name: meta.name, tensor: true, type: meta.type, dims: [...meta.shape] };
}
/** onnxruntime's message without its own prefix, which names a temporary path rather than the bundle file. */
function firstLine(error) {
    const text = error instanceof Error ? error.message : String(error);
    const line = (text.split('\n')[0] ?? text).trim();
    return line.replace(/^Load model from .* failed:\s*/, '').replace(/\.$/, '');
}
/** `[batch, 48, 16]` */
function formatDims(dims) {
    return `[${dims.join(', ')}]`;
}
/** Outputs the service cannot read as tensors, with the export fix. */
function nonTensorOutputs(model) {
    return model.outputs.filter((o) => !o.tensor).map((o) => o.name);
}
const FLOAT_TYPES = new Set(['float32', 'float64']);
/** Builds a typed tensor of `type` from plain numbers. */
function makeTensor(ort, type, values, dims, what) {
    let data;
    switch (type) {
        case 'float32':
            data = Float32Array.from(values);
            break;
        case 'float64':
            data = Float64Array.from(values);
            break;
        case 'int32':
            data = Int32Array.from(values);
            break;
        case 'int64':
            data = BigInt64Array.from(Array.from(values, (v) => BigInt(Math.trunc(v))));
            break;
        case 'int8':
            data = Int8Array.from(values);
            break;
        case 'uint8':
        case 'bool':
            data = Uint8Array.from(values);
            break;
        case 'int16':
            data = Int16Array.from(values);
            break;
        case 'uint16':
            data = Uint16Array.from(values);
            break;
        case 'uint32':
            data = Uint32Array.from(values);
            break;
        default:
            throw new errors/* ModelgateError */.HJ(`${what}: input type ${type} is not supported by the healthcheck; use float32, float64 or integer inputs`, 'check');
    }
    return new ort.Tensor(type, data, dims);
}
/**
 * Concrete dims for an input: fixed dims as declared, symbolic ones from `given` (golden
 * dims) or 1 (one bar, what the service feeds per prediction).
 */
function concreteDims(declared, given) {
    if (given)
        return [...given];
    return declared.map((d) => (typeof d === 'number' && d > 0 ? d : 1));
}
/**
 * Smoke inputs of the declared shapes. Values are small and deterministic, not zeros, so a
 * model that divides by a feature or normalises a row does not hide a NaN behind a zero row.
 */
function smokeFeeds(model) {
    const feeds = {};
    for (const input of model.inputs) {
        if (!input.tensor)
            throw new errors/* ModelgateError */.HJ(`${model.name}: input ${input.name} is not a tensor; the service feeds tensors: re-export with tensor inputs`, 'check', {
                file: model.name,
            });
        const dims = concreteDims(input.dims);
        const size = dims.reduce((a, b) => a * b, 1);
        const values = new Float64Array(size);
        if (FLOAT_TYPES.has(input.type))
            for (let i = 0; i < size; i++)
                values[i] = 0.5 * Math.sin(i + 1);
        feeds[input.name] = makeTensor(model.ort, input.type, values, dims, `${model.name} input ${input.name}`);
    }
    return feeds;
}
/**
 * Feeds from golden inputs, checked against the model's declared inputs so that a renamed
 * input or a changed shape is reported as such rather than as an onnxruntime error.
 */
function feedsFrom(model, inputs, source) {
    const declared = new Map(model.inputs.map((i) => [i.name, i]));
    const given = Object.keys(inputs);
    const unknown = given.filter((n) => !declared.has(n));
    const missing = [...declared.keys()].filter((n) => !(n in inputs));
    if (unknown.length || missing.length) {
        const quoted = (names) => names.map((n) => `"${n}"`).join(', ') || '(none)';
        throw new errors/* ModelgateError */.HJ(`${source}: gives inputs ${quoted(given)} but the model takes ${quoted([...declared.keys()])}; regenerate golden.json from this export`, 'check');
    }
    const feeds = {};
    for (const [name, tensor] of Object.entries(inputs)) {
        const info = declared.get(name);
        // Symbolic dims (`batch`, or -1/0 when unnamed) take any size; fixed ones must match.
        const differs = (info.dims.length > 0 && info.dims.length !== tensor.dims.length) ||
            info.dims.some((d, i) => typeof d === 'number' && d > 0 && d !== tensor.dims[i]);
        if (differs)
            throw new errors/* ModelgateError */.HJ(`${source}: input ${name} has dims ${formatDims(tensor.dims)} but the model declares ${formatDims(info.dims)}; regenerate golden.json from this export`, 'check');
        feeds[name] = makeTensor(model.ort, info.type, tensor.data, tensor.dims, `${source} input ${name}`);
    }
    return feeds;
}
function isTensor(value) {
    const v = value;
    return (v !== null &&
        typeof v === 'object' &&
        Array.isArray(v.dims) &&
        v.data !== undefined &&
        typeof v.type === 'string');
}
/** Runs the model once; outputs converted to doubles. Non-tensor or string outputs throw. */
async function runOnnx(model, feeds) {
    const nonTensor = nonTensorOutputs(model);
    if (nonTensor.length)
        throw new errors/* ModelgateError */.HJ(`${model.name}: output ${nonTensor.join(', ')} is a map or sequence (a ZipMap?), not a tensor; ${ZIPMAP_FIX}`, 'check', {
            file: model.name,
        });
    let results;
    try {
        results = await model.session.run(feeds);
    }
    catch (error) {
        throw new errors/* ModelgateError */.HJ(`${model.name}: inference failed: ${firstLine(error)}`, 'check', { file: model.name }, { cause: error });
    }
    const outputs = [];
    for (const name of model.session.outputNames) {
        const value = results[name];
        if (!isTensor(value))
            throw new errors/* ModelgateError */.HJ(`${model.name}: output ${name} is not a tensor; ${ZIPMAP_FIX}`, 'check', {
                file: model.name,
            });
        if (value.type === 'string')
            throw new errors/* ModelgateError */.HJ(`${model.name}: output ${name} is a string tensor; the service reads numeric outputs`, 'check', { file: model.name });
        const data = value.data;
        const doubles = new Float64Array(data.length);
        for (let i = 0; i < data.length; i++)
            doubles[i] = Number(data[i]);
        outputs.push({ name, type: value.type, dims: [...value.dims], data: doubles });
        value.dispose?.();
    }
    return outputs;
}
/** Outputs holding NaN or infinite values: name, count and the first index. */
function nonFiniteOutputs(outputs) {
    const found = [];
    for (const out of outputs) {
        let count = 0;
        let first = -1;
        for (let i = 0; i < out.data.length; i++) {
            if (!Number.isFinite(out.data[i])) {
                if (first < 0)
                    first = i;
                count++;
            }
        }
        if (count)
            found.push({ name: out.name, count, first, value: out.data[first] });
    }
    return found;
}
/**
 * Warm latency: `warmup` runs discarded, then up to `runs` timed runs, stopping once
 * `budgetMs` is spent (after at least 5 timed runs): a p50 needs a handful of runs, not a
 * benchmark, and the healthcheck runs on every pull request.
 */
async function measureLatency(model, feeds, options = {}) {
    const warmup = options.warmup ?? 2;
    const runs = options.runs ?? 20;
    const budget = options.budgetMs ?? 25;
    for (let i = 0; i < warmup; i++)
        await model.session.run(feeds);
    const times = [];
    const started = performance.now();
    for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await model.session.run(feeds);
        times.push(performance.now() - t0);
        if (times.length >= 5 && performance.now() - started > budget)
            break;
    }
    times.sort((a, b) => a - b);
    const mid = times.length >> 1;
    const p50 = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
    return { p50Ms: p50, minMs: times[0], runs: times.length };
}


/***/ }),

/***/ 2834:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G6: () => (/* binding */ opcodeName),
/* harmony export */   gs: () => (/* binding */ scanPickle),
/* harmony export */   or: () => (/* binding */ scanPickleFd)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/**
 * A static pickle walker: reads the opcode stream of protocols 0-5 and never executes it.
 *
 * It keeps a symbolic stack and memo, just enough to know which string a STACK_GLOBAL pops
 * (attackers hide `os`/`system` behind memo PUT/GET, protocol-0 STRING opcodes or decoys),
 * which callable a REDUCE calls (to count tensors) and what a persistent id holds (torch
 * storages). Everything a real unpickler would import is reported as a global, with the
 * opcode and offset; deciding whether it is safe is the allow-list's job.
 *
 * Parsing is strict where CPython is strict about bytes (unknown opcodes, truncated
 * arguments, junk after the last STOP are errors) and lenient where leniency can only show
 * more: a memo miss or a non-string STACK_GLOBAL operand is reported as an odd global
 * instead of stopping. Stack discipline (MARK, underflow) follows pickle.py, so a file that
 * CPython would reject before importing anything is recognised as not being a pickle.
 *
 * Memory: the input is read through a window (see `FileSource`), long strings and byte
 * payloads (array data) are skipped rather than copied, and containers keep only their
 * first items, so what remains grows with the number of memoized objects, not with the
 * size of the arrays a pickle carries.
 */

// ---------------------------------------------------------------------------------------
// Symbolic values
/** Items a container keeps; past it they are counted, not stored (a list of 10M floats). */
const MAX_KEPT_ITEMS = 65536;
const MAX_KEPT_TEXT = 64 * 1024;
const MAX_INT_DIGITS = 4300; // CPython's default int/str conversion limit
function isObj(v) {
    return typeof v === 'object' && v !== null;
}
function describe(v) {
    if (v === null)
        return 'None';
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number' || typeof v === 'bigint')
        return String(v);
    if (typeof v === 'boolean')
        return v ? 'True' : 'False';
    switch (v.t) {
        case 'opaque':
            return v.what;
        case 'global':
            return `${v.module}.${v.name}`;
        default:
            return `<${v.t}>`;
    }
}
function keep(owner, list, item) {
    if (list.length < MAX_KEPT_ITEMS)
        list.push(item);
    else
        owner.dropped++;
}
/** Marks where `plainValue` stopped; never a string, so it cannot pass for a name or key. */
const CUT = Object.freeze({ cut: true });
/**
 * Plain-data view of a symbolic value: strings, numbers (bigint past 2^53), booleans, null,
 * arrays for lists/tuples/sets, objects for dicts, `{ module, name }` for globals,
 * `{ call, args }` for constructed objects, `{ bytes: n }` for byte payloads. Depth and the
 * number of nodes are bounded (nested containers could otherwise multiply); cycles (a list
 * appended to itself) and cut containers end in `{ cut: true }`.
 */
function plainValue(v, budget = { nodes: 200_000 }, depth = 0) {
    if (!isObj(v))
        return v;
    if (depth > 8 || --budget.nodes < 0)
        return CUT;
    switch (v.t) {
        case 'bytes':
            return { bytes: v.length };
        case 'list':
        case 'tuple':
        case 'set':
        case 'frozenset':
            return v.dropped
                ? [...v.items.map((x) => plainValue(x, budget, depth + 1)), CUT]
                : v.items.map((x) => plainValue(x, budget, depth + 1));
        case 'dict': {
            const out = {};
            for (const [k, val] of v.entries)
                out[describe(k)] = plainValue(val, budget, depth + 1);
            return out;
        }
        case 'global':
            return { module: v.module, name: v.name };
        case 'object':
            return { call: plainValue(v.callable, budget, depth + 1), args: plainValue(v.args, budget, depth + 1) };
        case 'persistent':
            return { persistent: plainValue(v.id, budget, depth + 1) };
        case 'opaque':
            return { opaque: v.what };
    }
}
// ---------------------------------------------------------------------------------------
// Byte sources
/** Raised inside the walker; turned into `PickleScan.error`. */
class Fault extends Error {
    at;
    truncated;
    constructor(message, at, truncated = false) {
        super(message);
        this.at = at;
        this.truncated = truncated;
    }
}
class MemorySource {
    data;
    pos = 0;
    end;
    window;
    constructor(data) {
        this.data = data;
        this.end = data.length;
        this.window = data.length;
    }
    fill() { }
    view() {
        return { buf: this.data, at: this.pos };
    }
}
/**
 * A window over `[start, end)` of an open file, read with `readSync`: the walker is
 * synchronous and only ever needs the next opcode and its argument, so a 1 MiB window lets
 * it cross a multi-GB file without holding it.
 */
class FileSource {
    fd;
    pos;
    end;
    window;
    buf;
    bufStart;
    bufLen = 0;
    constructor(fd, start, end, window = 1 << 20) {
        this.fd = fd;
        this.pos = start;
        this.end = end;
        // Never larger than the range itself: a small zip member gets a small buffer.
        this.window = Math.max(1, Math.min(window, end - start));
        this.buf = Buffer.allocUnsafe(this.window);
        this.bufStart = start;
    }
    fill(n) {
        const want = Math.min(n, this.end - this.pos);
        if (this.pos >= this.bufStart && this.pos + want <= this.bufStart + this.bufLen)
            return;
        let len = 0;
        const wanted = Math.min(this.window, this.end - this.pos);
        while (len < wanted) {
            const got = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(this.fd, this.buf, len, wanted - len, this.pos + len);
            if (got === 0)
                break;
            len += got;
        }
        this.bufStart = this.pos;
        this.bufLen = len;
    }
    view() {
        return { buf: this.buf.subarray(0, this.bufLen), at: this.pos - this.bufStart };
    }
}
// ---------------------------------------------------------------------------------------
// Reading arguments
const latin1 = new TextDecoder('latin1');
const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Loose = new TextDecoder('utf-8');
class Reader {
    src;
    constructor(src) {
        this.src = src;
    }
    get pos() {
        return this.src.pos;
    }
    get remaining() {
        return this.src.end - this.src.pos;
    }
    need(n, what) {
        if (!Number.isFinite(n))
            throw new Fault(`${what} at offset ${this.src.pos} announces a length past 2^53`, this.src.pos, true);
        if (n > this.remaining) {
            throw new Fault(`${what} needs ${n} bytes at offset ${this.src.pos}, only ${this.remaining} remain`, this.src.pos, true);
        }
    }
    /** Up to `n` (small) bytes, as a view valid until the next read. */
    fixed(n, what) {
        this.need(n, what);
        this.src.fill(n);
        const { buf, at } = this.src.view();
        this.src.pos += n;
        return buf.subarray(at, at + n);
    }
    byte(what) {
        return this.fixed(1, what)[0];
    }
    /** A payload of `n` bytes: a copy when at most `keep`, else skipped without reading. */
    payload(n, keep, what) {
        this.need(n, what);
        if (n > keep) {
            this.src.pos += n;
            return undefined;
        }
        const out = new Uint8Array(n);
        for (let done = 0; done < n;) {
            const step = Math.min(n - done, this.src.window);
            out.set(this.fixed(step, what), done);
            done += step;
        }
        return out;
    }
    /** Bytes up to the next `\n` (consumed, not returned); undefined content past `keep`. */
    line(keep, what) {
        const start = this.src.pos;
        let scanned = 0;
        let kept = [];
        let keptLen = 0;
        for (;;) {
            if (start + scanned >= this.src.end) {
                this.src.pos = start;
                throw new Fault(`${what} at offset ${start - 1} has no terminating newline`, start, true);
            }
            this.src.pos = start + scanned;
            // Whatever is buffered from pos on; a refill only happens once it is used up.
            this.src.fill(1);
            const { buf, at } = this.src.view();
            const chunkEnd = Math.min(buf.length, at + (this.src.end - this.src.pos));
            const nl = buf.indexOf(0x0a, at);
            const stop = nl >= 0 && nl < chunkEnd ? nl : chunkEnd;
            const chunk = buf.subarray(at, stop);
            if (kept) {
                if (keptLen + chunk.length <= keep) {
                    kept.push(new Uint8Array(chunk)); // a copy: Buffer#slice would alias the window
                    keptLen += chunk.length;
                }
                else
                    kept = undefined;
            }
            scanned += chunk.length;
            if (nl >= 0 && nl < chunkEnd) {
                this.src.pos = start + scanned + 1;
                return { bytes: kept ? concat(kept, keptLen) : undefined, length: scanned };
            }
            if (chunk.length === 0) {
                this.src.pos = start;
                throw new Fault(`${what} at offset ${start - 1}: cannot read further`, start, true);
            }
        }
    }
}
function concat(parts, length) {
    if (parts.length === 1)
        return parts[0];
    const out = new Uint8Array(length);
    let at = 0;
    for (const p of parts) {
        out.set(p, at);
        at += p.length;
    }
    return out;
}
function u16(b) {
    return b[0] | (b[1] << 8);
}
function u32(b) {
    return ((b[0] | (b[1] << 8) | (b[2] << 16)) + b[3] * 0x1000000);
}
function i32(b) {
    return b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24);
}
/** Unsigned 64-bit little endian; anything past 2^53 is returned as Infinity (never a valid length). */
function u64(b) {
    const lo = u32(b);
    const hi = u32(b.subarray(4));
    if (hi >= 0x200000)
        return Infinity;
    return hi * 0x100000000 + lo;
}
/** Two's complement little-endian integer of any length (LONG1/LONG4 payloads). */
function signedLittleEndian(bytes) {
    if (bytes.length === 0)
        return 0;
    let value = 0n;
    for (let i = bytes.length - 1; i >= 0; i--)
        value = (value << 8n) | BigInt(bytes[i]);
    if ((bytes[bytes.length - 1] & 0x80) !== 0)
        value -= 1n << BigInt(bytes.length * 8);
    return Number.isSafeInteger(Number(value)) ? Number(value) : value;
}
function decodeUtf8(bytes, what, at) {
    try {
        return utf8Strict.decode(bytes);
    }
    catch {
        // pickle decodes with 'surrogatepass': encoded lone surrogates (ED A0-BF xx) are legal.
        if (validUtf8WithSurrogates(bytes))
            return utf8Loose.decode(bytes);
        throw new Fault(`${what} at offset ${at} is not valid UTF-8`, at);
    }
}
function validUtf8WithSurrogates(b) {
    let i = 0;
    while (i < b.length) {
        const c = b[i];
        let n;
        let min;
        if (c < 0x80) {
            i++;
            continue;
        }
        else if (c >= 0xc2 && c <= 0xdf)
            [n, min] = [1, 0x80];
        else if (c >= 0xe0 && c <= 0xef)
            [n, min] = [2, 0x800];
        else if (c >= 0xf0 && c <= 0xf4)
            [n, min] = [3, 0x10000];
        else
            return false;
        let cp = c & (0x3f >> n);
        for (let k = 1; k <= n; k++) {
            const cc = b[i + k];
            if (cc === undefined || (cc & 0xc0) !== 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3f);
        }
        if (cp < min || cp > 0x10ffff)
            return false;
        i += n + 1;
    }
    return true;
}
/** Python's `codecs.escape_decode` (the STRING opcode's quoting), returning raw bytes. */
function escapeDecode(s, at) {
    const out = [];
    for (let i = 0; i < s.length; i++) {
        const c = s[i];
        if (c !== 0x5c || i + 1 >= s.length) {
            if (c === 0x5c)
                throw new Fault(`STRING at offset ${at} ends with a lone backslash`, at);
            out.push(c);
            continue;
        }
        const e = s[++i];
        const simple = {
            0x5c: 0x5c,
            0x27: 0x27,
            0x22: 0x22,
            0x61: 7,
            0x62: 8,
            0x66: 12,
            0x6e: 10,
            0x72: 13,
            0x74: 9,
            0x76: 11,
        };
        const mapped = simple[e];
        if (mapped !== undefined)
            out.push(mapped);
        else if (e === 0x0a)
            continue;
        else if (e >= 0x30 && e <= 0x37) {
            let v = e - 0x30;
            for (let k = 0; k < 2 && i + 1 < s.length && s[i + 1] >= 0x30 && s[i + 1] <= 0x37; k++) {
                v = v * 8 + (s[++i] - 0x30);
            }
            out.push(v & 0xff);
        }
        else if (e === 0x78) {
            const hex = latin1.decode(s.subarray(i + 1, i + 3));
            if (!/^[0-9a-fA-F]{2}$/.test(hex))
                throw new Fault(`STRING at offset ${at} has an invalid \\x escape`, at);
            out.push(parseInt(hex, 16));
            i += 2;
        }
        else
            out.push(0x5c, e);
    }
    return Uint8Array.from(out);
}
/** Python's 'raw-unicode-escape' codec (the UNICODE opcode): latin-1 plus \uXXXX/\UXXXXXXXX. */
function rawUnicodeEscape(s, at) {
    let out = '';
    for (let i = 0; i < s.length; i++) {
        const c = s[i];
        if (c === 0x5c && i + 1 < s.length && (s[i + 1] === 0x75 || s[i + 1] === 0x55)) {
            // An escape only when the backslash itself is not escaped (odd run of backslashes).
            let run = 0;
            for (let k = i; k >= 0 && s[k] === 0x5c; k--)
                run++;
            if (run % 2 === 1) {
                const digits = s[i + 1] === 0x75 ? 4 : 8;
                const hex = latin1.decode(s.subarray(i + 2, i + 2 + digits));
                if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) {
                    throw new Fault(`UNICODE at offset ${at} has a truncated \\${digits === 4 ? 'u' : 'U'} escape`, at);
                }
                const cp = parseInt(hex, 16);
                if (cp > 0x10ffff)
                    throw new Fault(`UNICODE at offset ${at} escapes a code point past U+10FFFF`, at);
                out += String.fromCodePoint(cp);
                i += 1 + digits;
                continue;
            }
        }
        out += String.fromCharCode(c);
    }
    return out;
}
function parseIntText(text, what, at) {
    const t = text.trim().replace(/_/g, '');
    if (t.length > MAX_INT_DIGITS)
        throw new Fault(`${what} at offset ${at} has more than ${MAX_INT_DIGITS} digits`, at);
    const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)$/.exec(t);
    if (!m)
        throw new Fault(`${what} at offset ${at} is not an integer: ${JSON.stringify(t.slice(0, 40))}`, at);
    const body = m[2]
        .replace(/^0[oO]/, '0o')
        .replace(/^0[bB]/, '0b')
        .replace(/^0[xX]/, '0x');
    let v = BigInt(body);
    if (m[1] === '-')
        v = -v;
    return Number.isSafeInteger(Number(v)) ? Number(v) : v;
}
// ---------------------------------------------------------------------------------------
// The walker
const OPCODE_NAMES = {
    0x28: 'MARK',
    0x2e: 'STOP',
    0x30: 'POP',
    0x31: 'POP_MARK',
    0x32: 'DUP',
    0x46: 'FLOAT',
    0x49: 'INT',
    0x4a: 'BININT',
    0x4b: 'BININT1',
    0x4c: 'LONG',
    0x4d: 'BININT2',
    0x4e: 'NONE',
    0x50: 'PERSID',
    0x51: 'BINPERSID',
    0x52: 'REDUCE',
    0x53: 'STRING',
    0x54: 'BINSTRING',
    0x55: 'SHORT_BINSTRING',
    0x56: 'UNICODE',
    0x58: 'BINUNICODE',
    0x61: 'APPEND',
    0x62: 'BUILD',
    0x63: 'GLOBAL',
    0x64: 'DICT',
    0x7d: 'EMPTY_DICT',
    0x65: 'APPENDS',
    0x67: 'GET',
    0x68: 'BINGET',
    0x69: 'INST',
    0x6a: 'LONG_BINGET',
    0x6c: 'LIST',
    0x5d: 'EMPTY_LIST',
    0x6f: 'OBJ',
    0x70: 'PUT',
    0x71: 'BINPUT',
    0x72: 'LONG_BINPUT',
    0x73: 'SETITEM',
    0x74: 'TUPLE',
    0x29: 'EMPTY_TUPLE',
    0x75: 'SETITEMS',
    0x47: 'BINFLOAT',
    0x80: 'PROTO',
    0x81: 'NEWOBJ',
    0x82: 'EXT1',
    0x83: 'EXT2',
    0x84: 'EXT4',
    0x85: 'TUPLE1',
    0x86: 'TUPLE2',
    0x87: 'TUPLE3',
    0x88: 'NEWTRUE',
    0x89: 'NEWFALSE',
    0x8a: 'LONG1',
    0x8b: 'LONG4',
    0x42: 'BINBYTES',
    0x43: 'SHORT_BINBYTES',
    0x8c: 'SHORT_BINUNICODE',
    0x8d: 'BINUNICODE8',
    0x8e: 'BINBYTES8',
    0x8f: 'EMPTY_SET',
    0x90: 'ADDITEMS',
    0x91: 'FROZENSET',
    0x92: 'NEWOBJ_EX',
    0x93: 'STACK_GLOBAL',
    0x94: 'MEMOIZE',
    0x95: 'FRAME',
    0x96: 'BYTEARRAY8',
    0x97: 'NEXT_BUFFER',
    0x98: 'READONLY_BUFFER',
};
/** Name of a pickle opcode byte, or undefined when the byte is not an opcode. */
function opcodeName(byte) {
    return OPCODE_NAMES[byte];
}
const HIGHEST_PROTOCOL = 5;
class Walker {
    r;
    stack = [];
    metastack = [];
    /**
     * Kept across concatenated pickles, as one `Unpickler` reused for several `load()` calls
     * keeps it; a fresh unpickler would fail on a stale index before running anything.
     */
    memo = new Map();
    globals = [];
    persistentIds = [];
    values = [];
    calls = {};
    pickles = 0;
    constructor(r) {
        this.r = r;
    }
    underflow(op, at) {
        throw new Fault(`${op} at offset ${at} pops from an empty stack`, at);
    }
    /** A method, not `this.stack.push`: MARK-popping arguments replace `this.stack` first. */
    push(v) {
        this.stack.push(v);
    }
    pop(op, at) {
        if (this.stack.length === 0)
            this.underflow(op, at);
        return this.stack.pop();
    }
    top(op, at) {
        if (this.stack.length === 0)
            this.underflow(op, at);
        return this.stack[this.stack.length - 1];
    }
    popMark(op, at) {
        const items = this.stack;
        const previous = this.metastack.pop();
        if (previous === undefined)
            throw new Fault(`${op} at offset ${at} has no MARK to pop to`, at);
        this.stack = previous;
        return items;
    }
    addGlobal(module, name, offset, opcode) {
        this.globals.push({ module, name, offset, opcode });
        return { t: 'global', module, name };
    }
    call(callable, args) {
        if (isObj(callable) && callable.t === 'global') {
            const key = `${callable.module}.${callable.name}`;
            this.calls[key] = (this.calls[key] ?? 0) + 1;
        }
        return { t: 'object', callable, args };
    }
    seq(t, items) {
        const dropped = Math.max(0, items.length - MAX_KEPT_ITEMS);
        return { t, items: dropped ? items.slice(0, MAX_KEPT_ITEMS) : items, dropped };
    }
    extend(target, items) {
        if (isObj(target) && (target.t === 'list' || target.t === 'set')) {
            for (const item of items)
                keep(target, target.items, item);
        }
    }
    setItems(target, items, op, at) {
        if (items.length % 2 !== 0)
            throw new Fault(`${op} at offset ${at} has an odd number of items`, at);
        if (isObj(target) && target.t === 'dict') {
            for (let i = 0; i < items.length; i += 2)
                keep(target, target.entries, [items[i], items[i + 1]]);
        }
    }
    text(bytes, length, decode) {
        if (bytes === undefined)
            return { t: 'opaque', what: `<text of ${length} bytes>` };
        return decode(bytes);
    }
    /** The operand of STACK_GLOBAL or a GLOBAL name as the report spells it. */
    operand(v) {
        if (typeof v === 'string')
            return v;
        if (isObj(v) && v.t === 'opaque' && v.what === 'memo miss')
            return 'unknown';
        return describe(v);
    }
    globalLine(op, at) {
        const { bytes, length } = this.r.line(MAX_KEPT_TEXT, op);
        if (bytes === undefined)
            return `<${length}-byte name>`;
        return decodeUtf8(bytes, op, at);
    }
    /** Walks one pickle up to and including its STOP. */
    walkOne() {
        this.stack = [];
        this.metastack = [];
        const r = this.r;
        for (;;) {
            const at = r.pos;
            const code = r.byte('opcode');
            const op = OPCODE_NAMES[code];
            if (op === undefined) {
                throw new Fault(`byte 0x${code.toString(16).padStart(2, '0')} at offset ${at} is not a pickle opcode`, at);
            }
            switch (code) {
                case 0x80: {
                    const proto = r.byte(op);
                    if (proto > HIGHEST_PROTOCOL)
                        throw new Fault(`unsupported pickle protocol ${proto} at offset ${at}`, at);
                    break;
                }
                case 0x95: {
                    const n = u64(r.fixed(8, op));
                    if (n > r.remaining)
                        throw new Fault(`FRAME at offset ${at} announces ${n} bytes, only ${r.remaining} remain`, at, true);
                    break;
                }
                case 0x2e: // STOP
                    this.values.push(plainValue(this.pop(op, at)));
                    this.pickles++;
                    return;
                case 0x28:
                    this.metastack.push(this.stack);
                    this.stack = [];
                    break;
                case 0x30: // POP: pops a MARK when the current frame is empty (pickle.py)
                    if (this.stack.length > 0)
                        this.stack.pop();
                    else
                        this.popMark(op, at);
                    break;
                case 0x31:
                    this.popMark(op, at);
                    break;
                case 0x32:
                    this.push(this.top(op, at));
                    break;
                case 0x4e:
                    this.push(null);
                    break;
                case 0x88:
                    this.push(true);
                    break;
                case 0x89:
                    this.push(false);
                    break;
                case 0x49: {
                    const { bytes } = this.r.line(MAX_INT_DIGITS + 16, op);
                    if (bytes === undefined)
                        throw new Fault(`INT at offset ${at} is too long`, at);
                    const t = latin1.decode(bytes);
                    this.push(t === '00' ? false : t === '01' ? true : parseIntText(t, op, at));
                    break;
                }
                case 0x4c: {
                    const { bytes } = this.r.line(MAX_INT_DIGITS + 16, op);
                    if (bytes === undefined)
                        throw new Fault(`LONG at offset ${at} is too long`, at);
                    this.push(parseIntText(latin1.decode(bytes).replace(/L$/, ''), op, at));
                    break;
                }
                case 0x4a:
                    this.push(i32(r.fixed(4, op)));
                    break;
                case 0x4b:
                    this.push(r.byte(op));
                    break;
                case 0x4d:
                    this.push(u16(r.fixed(2, op)));
                    break;
                case 0x8a: {
                    const n = r.byte(op);
                    const bytes = r.payload(n, 255, op);
                    this.push(signedLittleEndian(bytes));
                    break;
                }
                case 0x8b: {
                    const n = i32(r.fixed(4, op));
                    if (n < 0)
                        throw new Fault(`LONG4 at offset ${at} has a negative byte count`, at);
                    const bytes = r.payload(n, 64, op);
                    this.push(bytes === undefined ? { t: 'opaque', what: `<${n}-byte integer>` } : signedLittleEndian(bytes));
                    break;
                }
                case 0x46: {
                    const { bytes } = this.r.line(1024, op);
                    const t = bytes === undefined ? '' : latin1.decode(bytes).trim();
                    const v = /^[+-]?(nan|inf|infinity)$/i.test(t) ? NaN : Number(t);
                    if (t === '' || (Number.isNaN(v) && !/nan|inf/i.test(t))) {
                        throw new Fault(`FLOAT at offset ${at} is not a number`, at);
                    }
                    this.push(v);
                    break;
                }
                case 0x47: {
                    const b = r.fixed(8, op);
                    this.push(new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, false));
                    break;
                }
                case 0x53: {
                    // STRING: a quoted, backslash-escaped line. Decoded as latin-1 so any byte string
                    // a loader could accept (encoding='latin1' or 'bytes') still yields the operand.
                    const { bytes, length } = this.r.line(MAX_KEPT_TEXT, op);
                    if (bytes !== undefined) {
                        const q = bytes[0];
                        if (bytes.length < 2 || (q !== 0x27 && q !== 0x22) || bytes[bytes.length - 1] !== q) {
                            throw new Fault(`STRING at offset ${at} is not quoted`, at);
                        }
                        this.push(latin1.decode(escapeDecode(bytes.subarray(1, -1), at)));
                    }
                    else
                        this.push({ t: 'opaque', what: `<text of ${length} bytes>` });
                    break;
                }
                case 0x54: {
                    const n = i32(r.fixed(4, op));
                    if (n < 0)
                        throw new Fault(`BINSTRING at offset ${at} has a negative byte count`, at);
                    this.push(this.text(r.payload(n, MAX_KEPT_TEXT, op), n, (b) => latin1.decode(b)));
                    break;
                }
                case 0x55: {
                    const n = r.byte(op);
                    this.push(latin1.decode(r.payload(n, 255, op)));
                    break;
                }
                case 0x56: {
                    const { bytes, length } = this.r.line(MAX_KEPT_TEXT, op);
                    this.push(this.text(bytes, length, (b) => rawUnicodeEscape(b, at)));
                    break;
                }
                case 0x58:
                case 0x8c:
                case 0x8d: {
                    const n = code === 0x8c ? r.byte(op) : code === 0x58 ? u32(r.fixed(4, op)) : u64(r.fixed(8, op));
                    this.push(this.text(r.payload(n, MAX_KEPT_TEXT, op), n, (b) => decodeUtf8(b, op, at)));
                    break;
                }
                case 0x42:
                case 0x43:
                case 0x8e:
                case 0x96: {
                    const n = code === 0x43 ? r.byte(op) : code === 0x42 ? u32(r.fixed(4, op)) : u64(r.fixed(8, op));
                    r.payload(n, 0, op);
                    this.push({ t: 'bytes', length: n });
                    break;
                }
                case 0x97: // NEXT_BUFFER: an out-of-band buffer the loader supplies; we have none.
                    this.push({ t: 'opaque', what: 'out-of-band buffer' });
                    break;
                case 0x98:
                    this.top(op, at);
                    break;
                case 0x29:
                    this.push(this.seq('tuple', []));
                    break;
                case 0x74:
                    this.push(this.seq('tuple', this.popMark(op, at)));
                    break;
                case 0x85:
                case 0x86:
                case 0x87: {
                    const n = code - 0x84;
                    if (this.stack.length < n)
                        this.underflow(op, at);
                    this.push(this.seq('tuple', this.stack.splice(this.stack.length - n, n)));
                    break;
                }
                case 0x5d:
                    this.push(this.seq('list', []));
                    break;
                case 0x6c:
                    this.push(this.seq('list', this.popMark(op, at)));
                    break;
                case 0x61: {
                    const v = this.pop(op, at);
                    this.extend(this.top(op, at), [v]);
                    break;
                }
                case 0x65: {
                    const items = this.popMark(op, at);
                    this.extend(this.top(op, at), items);
                    break;
                }
                case 0x7d:
                    this.push({ t: 'dict', entries: [], dropped: 0 });
                    break;
                case 0x64: {
                    const d = { t: 'dict', entries: [], dropped: 0 };
                    this.setItems(d, this.popMark(op, at), op, at);
                    this.push(d);
                    break;
                }
                case 0x73: {
                    const v = this.pop(op, at);
                    const k = this.pop(op, at);
                    this.setItems(this.top(op, at), [k, v], op, at);
                    break;
                }
                case 0x75: {
                    const items = this.popMark(op, at);
                    this.setItems(this.top(op, at), items, op, at);
                    break;
                }
                case 0x8f:
                    this.push(this.seq('set', []));
                    break;
                case 0x90: {
                    const items = this.popMark(op, at);
                    this.extend(this.top(op, at), items);
                    break;
                }
                case 0x91:
                    this.push(this.seq('frozenset', this.popMark(op, at)));
                    break;
                case 0x67:
                case 0x68:
                case 0x6a: {
                    let key;
                    if (code === 0x67) {
                        const { bytes } = this.r.line(64, op);
                        if (bytes === undefined)
                            throw new Fault(`GET at offset ${at} is too long`, at);
                        key = parseIntText(latin1.decode(bytes), op, at);
                    }
                    else
                        key = code === 0x68 ? r.byte(op) : u32(r.fixed(4, op));
                    const v = typeof key === 'number' ? this.memo.get(key) : undefined;
                    // CPython stops on a memo miss; reporting it instead lets a STACK_GLOBAL built on it
                    // be named (module "unknown") rather than hidden behind an error.
                    this.push(v === undefined ? { t: 'opaque', what: 'memo miss' } : v);
                    break;
                }
                case 0x70:
                case 0x71:
                case 0x72: {
                    let key;
                    if (code === 0x70) {
                        const { bytes } = this.r.line(64, op);
                        if (bytes === undefined)
                            throw new Fault(`PUT at offset ${at} is too long`, at);
                        key = parseIntText(latin1.decode(bytes), op, at);
                        if (key < 0)
                            throw new Fault(`PUT at offset ${at} has a negative index`, at);
                    }
                    else
                        key = code === 0x71 ? r.byte(op) : u32(r.fixed(4, op));
                    const v = this.top(op, at);
                    if (typeof key === 'number')
                        this.memo.set(key, v);
                    break;
                }
                case 0x94:
                    this.memo.set(this.memo.size, this.top(op, at));
                    break;
                case 0x63: {
                    const module = this.globalLine(op, at);
                    const name = this.globalLine(op, at);
                    this.push(this.addGlobal(module, name, at, op));
                    break;
                }
                case 0x93: {
                    const name = this.pop(op, at);
                    const module = this.pop(op, at);
                    this.push(this.addGlobal(this.operand(module), this.operand(name), at, op));
                    break;
                }
                case 0x69: {
                    const module = this.globalLine(op, at);
                    const name = this.globalLine(op, at);
                    const g = this.addGlobal(module, name, at, op);
                    const args = this.popMark(op, at);
                    this.push(this.call(g, this.seq('tuple', args)));
                    break;
                }
                case 0x82:
                case 0x83:
                case 0x84: {
                    const ext = code === 0x82 ? r.byte(op) : code === 0x83 ? u16(r.fixed(2, op)) : i32(r.fixed(4, op));
                    // The object comes from copyreg's extension registry, whatever the loader put there.
                    this.push(this.addGlobal('copyreg.extension', String(ext), at, op));
                    break;
                }
                case 0x6f: {
                    const args = this.popMark(op, at);
                    if (args.length === 0)
                        throw new Fault(`OBJ at offset ${at} has no class`, at);
                    const cls = args.shift();
                    this.push(this.call(cls, this.seq('tuple', args)));
                    break;
                }
                case 0x52: {
                    const args = this.pop(op, at);
                    const fn = this.pop(op, at);
                    this.push(this.call(fn, args));
                    break;
                }
                case 0x81: {
                    const args = this.pop(op, at);
                    const cls = this.pop(op, at);
                    this.push(this.call(cls, args));
                    break;
                }
                case 0x92: {
                    this.pop(op, at); // kwargs
                    const args = this.pop(op, at);
                    const cls = this.pop(op, at);
                    this.push(this.call(cls, args));
                    break;
                }
                case 0x62:
                    this.pop(op, at); // state
                    this.top(op, at);
                    break;
                case 0x50: {
                    const { bytes, length } = this.r.line(MAX_KEPT_TEXT, op);
                    const pid = bytes === undefined ? { t: 'opaque', what: `<${length}-byte id>` } : latin1.decode(bytes);
                    this.persistentIds.push([plainValue(pid)]);
                    this.push({ t: 'persistent', id: pid });
                    break;
                }
                case 0x51: {
                    const pid = this.pop(op, at);
                    const plain = plainValue(pid);
                    this.persistentIds.push(Array.isArray(plain) ? plain : [plain]);
                    this.push({ t: 'persistent', id: pid });
                    break;
                }
                default:
                    throw new Fault(`opcode ${op} at offset ${at} is not handled`, at);
            }
        }
    }
}
function walk(src, options = {}) {
    const reader = new Reader(src);
    const walker = new Walker(reader);
    const maxPickles = options.maxPickles ?? Infinity;
    let error;
    let truncated = false;
    let end = src.pos;
    try {
        if (src.pos >= src.end) {
            error = 'empty: no pickle data';
        }
        while (error === undefined && walker.pickles < maxPickles && src.pos < src.end) {
            const start = src.pos;
            try {
                walker.walkOne();
                end = src.pos;
            }
            catch (e) {
                if (!(e instanceof Fault))
                    throw e;
                end = e.at;
                truncated = e.truncated;
                if (walker.pickles === 0)
                    error = e.message;
                else if (e.at === start)
                    error = `unexpected bytes after pickle ${walker.pickles}: ${e.message}`;
                else
                    error = `pickle ${walker.pickles + 1} (from offset ${start}): ${e.message}`;
            }
        }
    }
    catch (e) {
        // Defensive: a bug in the walker must surface as a failed scan, never as a pass.
        error = `internal scanner error at offset ${src.pos}: ${e instanceof Error ? e.message : String(e)}`;
        end = src.pos;
    }
    const result = {
        globals: walker.globals,
        persistentIds: walker.persistentIds,
        pickles: walker.pickles,
        end,
        values: walker.values,
        calls: walker.calls,
    };
    if (error !== undefined)
        result.error = error;
    if (truncated)
        result.truncated = true;
    return result;
}
/** Walks every pickle in `data` (concatenated pickles included) without executing anything. */
function scanPickle(data, options) {
    return walk(new MemorySource(data), options);
}
/**
 * Same walk over `[start, end)` of an open file, through a bounded window (1 MiB unless
 * `window` says otherwise; the result does not depend on it).
 */
function scanPickleFd(fd, start, end, options = {}) {
    return walk(new FileSource(fd, start, end, Math.max(64, options.window ?? 1 << 20)), options);
}


/***/ })

};
