export const id = 767;
export const ids = [767];
export const modules = {

/***/ 2015:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q3: () => (/* binding */ sha256File),
/* harmony export */   XA: () => (/* binding */ hashBundleFile),
/* harmony export */   Xq: () => (/* binding */ formatSize),
/* harmony export */   tK: () => (/* binding */ listBundle)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3828);
/**
 * Walking a bundle directory, hashing its files, and showing their sizes the same way in
 * every report. Files are streamed, never read whole into memory: a seed-sized bundle is
 * tens of MB, and real ones grow.
 */





/** Lists regular files under `root`, sorted by path; links and devices are reported, not followed. */
async function listBundle(root) {
    const files = [];
    const special = [];
    async function walk(dir, rel) {
        const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(dir, { withFileTypes: true });
        for (const entry of entries) {
            const relPath = rel ? `${rel}/${entry.name}` : entry.name;
            const abs = node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, entry.name);
            if (entry.isDirectory())
                await walk(abs, relPath);
            else if (entry.isFile()) {
                const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(abs);
                files.push({ path: relPath, absolute: abs, size: st.size, mode: st.mode & 0o7777 });
            }
            else
                special.push({ path: relPath, type: entry.isSymbolicLink() ? 'symbolic link' : 'special file' });
        }
    }
    let st;
    try {
        st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(root);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ModelgateError */ .HJ(`${root}: bundle not found; pass the directory or .tar.gz the training job wrote`, 'input', { file: root });
    }
    if (!st.isDirectory())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ModelgateError */ .HJ(`${root}: expected a bundle directory`, 'input', { file: root });
    await walk(root, '');
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { files, special };
}
/**
 * Files up to this size are read whole and hashed in one call: a stream's per-chunk events and
 * buffers cost about a third more than the hash itself. Larger files are streamed, so memory
 * stays bounded.
 */
const WHOLE_FILE_BYTES = 16 * 1024 * 1024;
/**
 * A bundle file's sha256 (hex) and its first bytes (at most 64), for telling its kind.
 * `blocking` reads it in 1 MB steps through one reused buffer with synchronous calls: for a
 * worker thread with nothing else to do meanwhile, where it is about twice as fast as reading
 * through the thread pool into a fresh buffer per file.
 */
async function hashBundleFile(file, read = 'async') {
    if (read === 'blocking')
        return hashBlocking(file.absolute);
    if (file.size > WHOLE_FILE_BYTES) {
        let head = Buffer.alloc(0);
        const sha256 = await sha256File(file.absolute, undefined, (chunk) => {
            if (head.length === 0)
                head = Buffer.from(chunk.subarray(0, 64));
        });
        return { sha256, head };
    }
    // Read to the end whatever the listed size: a file that changed since is hashed as it is now.
    const bytes = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(file.absolute);
    return {
        sha256: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex'),
        head: Buffer.from(bytes.subarray(0, 64)),
    };
}
let readBuffer;
function hashBlocking(absolute) {
    readBuffer ??= Buffer.allocUnsafe(1 << 20);
    const buffer = readBuffer;
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    let head;
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(absolute, 'r');
    try {
        for (let n = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, buffer); n > 0; n = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, buffer)) {
            head ??= Buffer.from(buffer.subarray(0, Math.min(n, 64)));
            hash.update(buffer.subarray(0, n));
        }
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    }
    return { sha256: hash.digest('hex'), head: head ?? Buffer.alloc(0) };
}
/** sha256 (hex) of a file, or of its first `bytes` bytes (a partial upload), streamed with large reads. */
function sha256File(file, bytes, onChunk) {
    return new Promise((resolve, reject) => {
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        // createReadStream's `end` is inclusive, so an empty prefix cannot be expressed with it.
        if (bytes === 0) {
            resolve(hash.digest('hex'));
            return;
        }
        const stream = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file, {
            highWaterMark: 1 << 20,
            ...(bytes === undefined ? {} : { end: bytes - 1 }),
        });
        stream.on('data', (chunk) => {
            onChunk?.(chunk);
            hash.update(chunk);
        });
        stream.on('error', reject);
        stream.on('end', () => resolve(hash.digest('hex')));
    });
}
/** Sizes as the seed writes them: 5.4 MB, 596 KB, 738 B (decimal units), wherever a size is shown. */
function formatSize(bytes) {
    if (bytes < 1000)
        return `${bytes} B`;
    if (bytes < 1_000_000)
        return `${Math.round(bytes / 1000)} KB`;
    if (bytes < 1_000_000_000)
        return `${(bytes / 1_000_000).toFixed(1)} MB`;
    return `${(bytes / 1_000_000_000).toFixed(2)} GB`;
}


/***/ }),

/***/ 6019:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A3: () => (/* binding */ extractTarball),
/* harmony export */   H_: () => (/* binding */ readTarballFile),
/* harmony export */   bj: () => (/* binding */ listTarball)
/* harmony export */ });
/* unused harmony export DEFAULT_TAR_LIMITS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8522);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3828);
/**
 * Reading and extracting release tarballs without trusting them.
 *
 * The seed's deploy ran `tar -xzf` on whatever arrived; a crafted or damaged archive could
 * then write outside the models folder (`../`, absolute paths, a symlink followed by a file
 * through it), plant devices or setuid binaries, or fill the disk. Here every header is
 * checked before anything is written: only regular files and directories with relative
 * paths that stay inside, within an entry-count and byte budget, each path once. The
 * archive is streamed (gunzip, 512-byte blocks, file data passed through in chunks), so
 * neither the archive nor any file in it is held in memory.
 *
 * Formats: ustar (with its prefix field), GNU long names and link names (`L`/`K`), pax
 * extended headers (`x` per entry, `g` global: path, linkpath, size), old-style directories
 * (a regular-file type with a trailing slash), gzip-compressed or plain.
 */





const DEFAULT_TAR_LIMITS = { maxEntries: 10_000, maxBytes: 20 * 1024 ** 3 };
const BLOCK = 512;
/** Long names and pax records are metadata; past this they are an attack, not a name. */
const MAX_META_SIZE = 1024 * 1024;
const MAX_META_RUN = 8;
// ---------------------------------------------------------------------------------------
// Reading the stream
/** Exact-size reads over a stream of chunks, without copying file data. */
class ChunkReader {
    it;
    buf = Buffer.alloc(0);
    done = false;
    /** Bytes handed out so far: the offset in the uncompressed tar stream. */
    offset = 0;
    constructor(it) {
        this.it = it;
    }
    async more() {
        if (this.done)
            return false;
        const r = await this.it.next();
        if (r.done) {
            this.done = true;
            return false;
        }
        const chunk = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
        this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
        return true;
    }
    /** Exactly `n` bytes, or fewer when the stream ends first. */
    async exact(n) {
        while (this.buf.length < n)
            if (!(await this.more()))
                break;
        const out = this.buf.subarray(0, Math.min(n, this.buf.length));
        this.buf = this.buf.subarray(out.length);
        this.offset += out.length;
        return out;
    }
    /** Whatever is available, at most `max` bytes; empty at the end of the stream. */
    async upTo(max) {
        if (this.buf.length === 0)
            await this.more();
        const out = this.buf.subarray(0, Math.min(max, this.buf.length));
        this.buf = this.buf.subarray(out.length);
        this.offset += out.length;
        return out;
    }
}
function isZeroBlock(block) {
    for (const b of block)
        if (b !== 0)
            return false;
    return true;
}
function cString(field) {
    const nul = field.indexOf(0);
    return nul >= 0 ? field.subarray(0, nul) : field;
}
/** Octal ASCII (space/NUL terminated) or GNU base-256 (high bit set). NaN when invalid. */
function numberField(field) {
    const first = field[0];
    if (first & 0x80) {
        if (first === 0xff)
            return NaN; // negative: never valid for size/mode/ids here
        let v = first & 0x7f;
        for (let i = 1; i < field.length; i++)
            v = v * 256 + field[i];
        return Number.isSafeInteger(v) ? v : NaN;
    }
    const text = cString(field).toString('latin1').trim();
    if (text === '')
        return 0;
    return /^[0-7]+$/.test(text) ? parseInt(text, 8) : NaN;
}
function checksumMatches(header) {
    const stored = numberField(header.subarray(148, 156));
    if (Number.isNaN(stored))
        return false;
    let unsigned = 0;
    let signed = 0;
    for (let i = 0; i < BLOCK; i++) {
        const b = i >= 148 && i < 156 ? 0x20 : header[i];
        unsigned += b;
        signed += b > 127 ? b - 256 : b;
    }
    return stored === unsigned || stored === signed;
}
const utf8 = new TextDecoder('utf-8', { fatal: true });
function parseHeader(h) {
    const magic = h.subarray(257, 263).toString('latin1');
    let name = cString(h.subarray(0, 100));
    if (magic === 'ustar\0') {
        const prefix = cString(h.subarray(345, 500));
        if (prefix.length)
            name = Buffer.concat([prefix, Buffer.from('/'), name]);
    }
    return {
        name,
        mode: numberField(h.subarray(100, 108)),
        uid: numberField(h.subarray(108, 116)),
        gid: numberField(h.subarray(116, 124)),
        size: numberField(h.subarray(124, 136)),
        mtime: numberField(h.subarray(136, 148)),
        typeflag: String.fromCharCode(h[156]),
        linkname: cString(h.subarray(157, 257)),
    };
}
function entryType(flag, name) {
    switch (flag) {
        case '0':
        case '\0':
        case '7':
            // Pre-POSIX archives mark directories with a trailing slash on a regular entry.
            return flag === '\0' && name.endsWith('/') ? 'directory' : 'file';
        case '1':
            return 'hardlink';
        case '2':
            return 'symlink';
        case '3':
            return 'char';
        case '4':
            return 'block';
        case '5':
            return 'directory';
        case '6':
            return 'fifo';
        default:
            return 'other';
    }
}
/** `len key=value\n` records; returns undefined when malformed. */
function parsePax(data) {
    const out = new Map();
    let at = 0;
    while (at < data.length) {
        if (data[at] === 0)
            break; // some writers pad the record block with NULs
        const space = data.indexOf(0x20, at);
        if (space < 0)
            return undefined;
        const lenText = data.subarray(at, space).toString('latin1');
        if (!/^[0-9]+$/.test(lenText))
            return undefined;
        const len = parseInt(lenText, 10);
        if (len <= space - at + 1 || at + len > data.length || data[at + len - 1] !== 0x0a)
            return undefined;
        const record = data.subarray(space + 1, at + len - 1);
        const eq = record.indexOf(0x3d);
        if (eq < 0)
            return undefined;
        let key;
        let value;
        try {
            key = utf8.decode(record.subarray(0, eq));
            value = utf8.decode(record.subarray(eq + 1));
        }
        catch {
            return undefined;
        }
        out.set(key, value);
        at += len;
    }
    return out;
}
function paxNumber(pax, key) {
    const v = Math.floor(Number(pax.get(key)));
    return pax.has(key) && Number.isSafeInteger(v) ? v : undefined;
}
/** Relative path with `.` and empty segments removed; refuses anything that could escape. */
function normaliseName(raw, refuse) {
    const shown = JSON.stringify(raw);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(raw))
        throw refuse(shown, 'has a NUL or control character in its name');
    if (raw.startsWith('/'))
        throw refuse(shown, 'is an absolute path; bundles must hold relative paths (tar -czf bundle.tar.gz -C <folder> .)');
    if (raw.includes('\\'))
        throw refuse(shown, 'has a backslash in its name; build the bundle on Linux or macOS with tar -czf');
    const parts = raw.split('/').filter((p) => p !== '' && p !== '.');
    if (parts.includes('..'))
        throw refuse(shown, 'has a ".." component and could climb out of the extraction folder; rebuild the bundle with tar -czf bundle.tar.gz -C <folder> .');
    return parts.join('/');
}
async function* sourceChunks(file) {
    const head = Buffer.alloc(2);
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(file, 'r');
    try {
        await handle.read(head, 0, 2, 0);
    }
    finally {
        await handle.close();
    }
    const input = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(file, { highWaterMark: 1 << 20 });
    if (head[0] !== 0x1f || head[1] !== 0x8b) {
        try {
            for await (const chunk of input)
                yield chunk;
        }
        finally {
            input.destroy();
        }
        return;
    }
    const gunzip = node_zlib__WEBPACK_IMPORTED_MODULE_3__.createGunzip();
    input.on('error', (e) => gunzip.destroy(e));
    input.pipe(gunzip);
    try {
        for await (const chunk of gunzip)
            yield chunk;
    }
    finally {
        input.destroy();
        gunzip.destroy();
    }
}
/** Walks every header, validating it, and hands safe entries to `visitor`. */
async function walkTarball(file, limits, visitor) {
    const { maxEntries, maxBytes } = { ...DEFAULT_TAR_LIMITS, ...limits };
    const tarName = node_path__WEBPACK_IMPORTED_MODULE_2__.basename(file);
    const refuse = (entry, why) => new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ModelgateError */ .HJ(`${tarName}: entry ${entry} ${why}`, 'check', { file: tarName });
    const broken = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ModelgateError */ .HJ(`${tarName}: ${why}`, 'check', { file: tarName });
    const chunks = sourceChunks(file);
    const reader = new ChunkReader(chunks);
    const entries = [];
    const seen = new Map();
    const globalPax = new Map();
    let localPax;
    let longName;
    let longLink;
    let count = 0;
    let bytes = 0;
    let metaRun = 0;
    const skipPadding = async (size, what) => {
        const pad = (BLOCK - (size % BLOCK)) % BLOCK;
        if (pad && (await reader.exact(pad)).length < pad)
            throw broken(`is truncated after ${what}; the download or upload was cut short, fetch it again`);
    };
    const readMeta = async (size, what) => {
        if (size > MAX_META_SIZE)
            throw broken(`has a ${what} of ${size} bytes; more than ${MAX_META_SIZE} is not a file name`);
        bytes += size;
        if (bytes > maxBytes)
            throw broken(`expands past the ${maxBytes}-byte limit`);
        const data = await reader.exact(size);
        if (data.length < size)
            throw broken(`is truncated inside a ${what}; fetch it again`);
        await skipPadding(size, `a ${what}`);
        return data;
    };
    try {
        for (;;) {
            const at = reader.offset;
            const header = await reader.exact(BLOCK);
            if (header.length === 0)
                throw broken('ends without the end-of-archive marker; it is truncated, fetch it again');
            if (header.length < BLOCK)
                throw broken(`is truncated at byte ${at} of the tar stream; fetch it again`);
            if (isZeroBlock(header))
                break; // end of archive; what follows is padding
            if (!checksumMatches(header))
                throw broken(`has a corrupted header at byte ${at} of the tar stream (checksum mismatch)`);
            const raw = parseHeader(header);
            if ([raw.mode, raw.uid, raw.gid, raw.size, raw.mtime].some(Number.isNaN)) {
                throw broken(`has an unreadable header at byte ${at} of the tar stream (a numeric field is invalid)`);
            }
            // Metadata headers describe the next entry; a real one needs at most four (g, x, L, K).
            if (raw.typeflag === 'L' || raw.typeflag === 'K' || raw.typeflag === 'x' || raw.typeflag === 'g') {
                if (++metaRun > MAX_META_RUN)
                    throw broken(`has more than ${MAX_META_RUN} extended headers in a row at byte ${at} of the tar stream`);
            }
            else
                metaRun = 0;
            if (raw.typeflag === 'L' || raw.typeflag === 'K') {
                const data = await readMeta(raw.size, 'GNU long name');
                let text;
                try {
                    text = utf8.decode(data).replace(/\0+$/, '');
                }
                catch {
                    throw broken(`has a GNU long name at byte ${at} of the tar stream that is not UTF-8`);
                }
                if (raw.typeflag === 'L')
                    longName = text;
                else
                    longLink = text;
                continue;
            }
            if (raw.typeflag === 'x' || raw.typeflag === 'g') {
                const records = parsePax(await readMeta(raw.size, 'pax header'));
                if (!records)
                    throw broken(`has a malformed pax header at byte ${at} of the tar stream`);
                if (raw.typeflag === 'g')
                    for (const [k, v] of records)
                        globalPax.set(k, v);
                else
                    localPax = records;
                continue;
            }
            const pax = new Map([...globalPax, ...(localPax ?? [])]);
            let name;
            try {
                name = pax.get('path') || longName || utf8.decode(raw.name);
            }
            catch {
                throw refuse(JSON.stringify(raw.name.toString('latin1')), 'has a name that is not UTF-8');
            }
            let linkname;
            try {
                linkname = pax.get('linkpath') || longLink || utf8.decode(raw.linkname);
            }
            catch {
                linkname = raw.linkname.toString('latin1');
            }
            localPax = undefined;
            longName = undefined;
            longLink = undefined;
            let size = raw.size;
            const paxSize = pax.get('size');
            if (paxSize !== undefined) {
                if (!/^[0-9]+$/.test(paxSize) || !Number.isSafeInteger(Number(paxSize)))
                    throw refuse(JSON.stringify(name), `has an invalid pax size "${paxSize}"`);
                size = Number(paxSize);
            }
            const mtime = paxNumber(pax, 'mtime') ?? raw.mtime;
            const type = [...pax.keys()].some((k) => k.startsWith('GNU.sparse.'))
                ? 'other'
                : entryType(raw.typeflag, name);
            count++;
            if (count > maxEntries) {
                throw refuse(JSON.stringify(name), `is past the limit of ${maxEntries} entries; a release bundle never holds that many files (raise the limit only if it should)`);
            }
            const rel = normaliseName(name, refuse);
            const shown = JSON.stringify(name);
            switch (type) {
                case 'symlink':
                    throw refuse(shown, `is a symbolic link (to ${JSON.stringify(linkname)}); bundles may hold only regular files and directories, archive the target instead (tar --dereference)`);
                case 'hardlink':
                    throw refuse(shown, `is a hard link (to ${JSON.stringify(linkname)}); bundles may hold only regular files and directories (GNU tar: --hard-dereference)`);
                case 'char':
                case 'block':
                    throw refuse(shown, `is a ${type === 'char' ? 'character' : 'block'} device; bundles may hold only regular files and directories`);
                case 'fifo':
                    throw refuse(shown, 'is a FIFO; bundles may hold only regular files and directories');
                case 'other':
                    throw refuse(shown, `has tar type '${raw.typeflag}' (sparse, multi-volume or unknown); bundles may hold only regular files and directories`);
                default:
                    break;
            }
            const entry = {
                path: rel,
                type,
                size: type === 'file' ? size : 0,
                mode: raw.mode,
                mtime,
                uid: paxNumber(pax, 'uid') ?? raw.uid,
                gid: paxNumber(pax, 'gid') ?? raw.gid,
            };
            if (type === 'directory') {
                if (rel !== '') {
                    const prior = seen.get(rel);
                    if (prior === 'file' || prior === 'dir')
                        throw refuse(shown, `appears twice in the archive (${rel}); rebuild the bundle`);
                    markParents(rel, seen, refuse, shown);
                    seen.set(rel, 'dir');
                    await visitor.directory?.(entry);
                    entries.push(entry);
                }
                continue;
            }
            // A regular file.
            if (rel === '')
                throw refuse(shown, 'is a file without a name');
            if (bytes + size > maxBytes)
                throw refuse(shown, `would take the archive past its limit of ${maxBytes} bytes (${bytes + size} bytes so far); check the bundle, or raise the limit if it really is that large`);
            bytes += size;
            if (seen.has(rel))
                throw refuse(shown, `appears twice in the archive (${rel}); rebuild the bundle`);
            markParents(rel, seen, refuse, shown);
            seen.set(rel, 'file');
            const sink = await visitor.file?.(entry);
            let left = size;
            try {
                while (left > 0) {
                    const chunk = await reader.upTo(Math.min(left, 1 << 20));
                    if (chunk.length === 0)
                        throw broken(`is truncated inside ${shown} (${left} of its ${size} bytes missing); fetch it again`);
                    left -= chunk.length;
                    if (sink)
                        await sink.write(chunk);
                }
            }
            catch (e) {
                if (sink)
                    await sink.abort();
                throw e;
            }
            if (sink)
                await sink.close();
            await skipPadding(size, shown);
            entries.push(entry);
            if (visitor.done?.())
                break;
        }
    }
    catch (e) {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ModelgateError */ .HJ)
            throw e;
        const message = e instanceof Error ? e.message : String(e);
        if (e.code?.startsWith('Z_')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ModelgateError */ .HJ(`${tarName}: is not readable gzip data or is truncated (${message}); fetch it again`, 'check', { file: tarName }, { cause: e });
        }
        throw e;
    }
    finally {
        await chunks.return(undefined);
    }
    return entries;
}
/** Records the implicit parent folders of `rel`; refuses a path that runs through a file. */
function markParents(rel, seen, refuse, shown) {
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) {
        const parent = parts.slice(0, i).join('/');
        const prior = seen.get(parent);
        if (prior === 'file')
            throw refuse(shown, `lies under ${parent}, which the archive also holds as a file`);
        if (prior === undefined)
            seen.set(parent, 'implicit');
    }
}
async function assertReadable(file) {
    const name = node_path__WEBPACK_IMPORTED_MODULE_2__.basename(file);
    const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(file).catch(() => undefined);
    if (!st)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ModelgateError */ .HJ(`${name}: tarball not found at ${file}; pass the .tar.gz that package wrote`, 'input', { file: name });
    if (!st.isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ModelgateError */ .HJ(`${name}: ${file} is not a file; pass the .tar.gz that package wrote`, 'input', {
            file: name,
        });
}
/** Lists a tarball, validating every entry; throws on the first unsafe one. */
async function listTarball(file, limits) {
    await assertReadable(file);
    return walkTarball(file, limits, {});
}
/**
 * The bytes of the regular file `name` in a tarball, or undefined when it holds none, read
 * without extracting the rest: package writes manifest.json first, so reading it costs the
 * first gzip block, not the whole release. Every header up to it is checked as by
 * `listTarball`; a file larger than `maxBytes` is refused rather than held in memory.
 */
async function readTarballFile(file, name, maxBytes = 16 * 1024 * 1024, limits) {
    await assertReadable(file);
    let found;
    await walkTarball(file, limits, {
        async file(entry) {
            if (entry.path !== name)
                return undefined;
            if (entry.size > maxBytes)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ModelgateError */ .HJ(`${node_path__WEBPACK_IMPORTED_MODULE_2__.basename(file)}: ${name} is ${entry.size} bytes, more than the ${maxBytes} it may be; check the tarball`, 'check', { file: node_path__WEBPACK_IMPORTED_MODULE_2__.basename(file) });
            const parts = [];
            return {
                async write(chunk) {
                    parts.push(Buffer.from(chunk));
                },
                async close() {
                    found = Buffer.concat(parts);
                },
                async abort() { },
            };
        },
        done: () => found !== undefined,
    });
    return found;
}
function isInside(root, target) {
    return target === root || target.startsWith(root + node_path__WEBPACK_IMPORTED_MODULE_2__.sep);
}
/**
 * Extracts into `dest`, which must not exist yet. Everything is written to a fresh folder
 * next to it and renamed into place only when the whole archive was read and checked; on
 * any failure that folder is removed, so `dest` either holds the complete bundle or is
 * absent. Files get mode 0644 (0755 when executable in the archive), never setuid.
 */
async function extractTarball(file, dest, limits) {
    const tarName = node_path__WEBPACK_IMPORTED_MODULE_2__.basename(file);
    const target = node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(dest);
    await assertReadable(file);
    const exists = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(target).then(() => true, () => false);
    if (exists) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ModelgateError */ .HJ(`${tarName}: cannot extract into ${target}: it already exists; extraction only fills a new folder`, 'check', { file: tarName });
    }
    const parent = node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(target);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(parent, { recursive: true });
    const tmp = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_2__.join(parent, `.${node_path__WEBPACK_IMPORTED_MODULE_2__.basename(target)}.partial-`));
    const files = [];
    let bytes = 0;
    try {
        const root = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(tmp);
        const escape = (rel) => new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ModelgateError */ .HJ(`${tarName}: entry ${JSON.stringify(rel)} resolved outside the extraction folder; refusing it`, 'check', { file: tarName });
        const checkInside = async (abs, rel) => {
            if (!isInside(root, await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(abs)))
                throw escape(rel);
        };
        // Folders are made one component at a time with an exact mode (mkdir's is cut by the
        // umask), and each is checked to be a real folder inside the root before use.
        const made = new Set(['']);
        const ensureDir = async (rel) => {
            if (made.has(rel))
                return;
            await ensureDir(rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '');
            const abs = node_path__WEBPACK_IMPORTED_MODULE_2__.join(root, rel);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(abs, { mode: 0o755 }).catch((e) => {
                if (e.code !== 'EEXIST')
                    throw e;
            });
            if (!(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(abs)).isDirectory())
                throw escape(rel);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.chmod)(abs, 0o755);
            await checkInside(abs, rel);
            made.add(rel);
        };
        await walkTarball(file, limits, {
            async directory(entry) {
                await ensureDir(entry.path);
            },
            async file(entry) {
                const abs = node_path__WEBPACK_IMPORTED_MODULE_2__.join(root, entry.path);
                await ensureDir(entry.path.includes('/') ? entry.path.slice(0, entry.path.lastIndexOf('/')) : '');
                const mode = entry.mode & 0o111 ? 0o755 : 0o644;
                const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(abs, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.constants.O_WRONLY | node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.constants.O_CREAT | node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.constants.O_EXCL | node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.constants.O_NOFOLLOW, mode);
                return {
                    async write(chunk) {
                        let done = 0;
                        while (done < chunk.length)
                            done += (await handle.write(chunk, done, chunk.length - done)).bytesWritten;
                    },
                    async close() {
                        try {
                            await handle.chmod(mode); // exact mode, whatever the umask
                            if (entry.mtime > 0)
                                await handle.utimes(entry.mtime, entry.mtime);
                        }
                        finally {
                            await handle.close();
                        }
                        await checkInside(abs, entry.path);
                        files.push(entry.path);
                        bytes += entry.size;
                    },
                    async abort() {
                        await handle.close();
                    },
                };
            },
        });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.chmod)(tmp, 0o755);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(tmp, target);
    }
    catch (e) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(tmp, { recursive: true, force: true });
        throw e;
    }
    return { files, bytes };
}


/***/ }),

/***/ 1339:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ reportPassed)
/* harmony export */ });
/** A report passes when no check failed; warnings and skips do not fail it. */
function reportPassed(checks) {
    return checks.every((c) => c.status !== 'fail');
}


/***/ })

};
