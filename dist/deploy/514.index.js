export const id = 514;
export const ids = [514];
export const modules = {

/***/ 3514:
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
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
;// CONCATENATED MODULE: ./lib/core/bundle/tar.js
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
    const handle = await (0,promises_.open)(file, 'r');
    try {
        await handle.read(head, 0, 2, 0);
    }
    finally {
        await handle.close();
    }
    const input = (0,external_node_fs_.createReadStream)(file, { highWaterMark: 1 << 20 });
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
    const gunzip = external_node_zlib_.createGunzip();
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
    const tarName = external_node_path_.basename(file);
    const refuse = (entry, why) => new errors/* ModelgateError */.HJ(`${tarName}: entry ${entry} ${why}`, 'check', { file: tarName });
    const broken = (why) => new errors/* ModelgateError */.HJ(`${tarName}: ${why}`, 'check', { file: tarName });
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
        if (e instanceof errors/* ModelgateError */.HJ)
            throw e;
        const message = e instanceof Error ? e.message : String(e);
        if (e.code?.startsWith('Z_')) {
            throw new errors/* ModelgateError */.HJ(`${tarName}: is not readable gzip data or is truncated (${message}); fetch it again`, 'check', { file: tarName }, { cause: e });
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
    const name = external_node_path_.basename(file);
    const st = await (0,promises_.stat)(file).catch(() => undefined);
    if (!st)
        throw new errors/* ModelgateError */.HJ(`${name}: tarball not found at ${file}; pass the .tar.gz that package wrote`, 'input', { file: name });
    if (!st.isFile())
        throw new errors/* ModelgateError */.HJ(`${name}: ${file} is not a file; pass the .tar.gz that package wrote`, 'input', {
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
                throw new errors/* ModelgateError */.HJ(`${external_node_path_.basename(file)}: ${name} is ${entry.size} bytes, more than the ${maxBytes} it may be; check the tarball`, 'check', { file: external_node_path_.basename(file) });
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
    return target === root || target.startsWith(root + path.sep);
}
/**
 * Extracts into `dest`, which must not exist yet. Everything is written to a fresh folder
 * next to it and renamed into place only when the whole archive was read and checked; on
 * any failure that folder is removed, so `dest` either holds the complete bundle or is
 * absent. Files get mode 0644 (0755 when executable in the archive), never setuid.
 */
async function extractTarball(file, dest, limits) {
    const tarName = path.basename(file);
    const target = path.resolve(dest);
    await assertReadable(file);
    const exists = await lstat(target).then(() => true, () => false);
    if (exists) {
        throw new ModelgateError(`${tarName}: cannot extract into ${target}: it already exists; extraction only fills a new folder`, 'check', { file: tarName });
    }
    const parent = path.dirname(target);
    await mkdir(parent, { recursive: true });
    const tmp = await mkdtemp(path.join(parent, `.${path.basename(target)}.partial-`));
    const files = [];
    let bytes = 0;
    try {
        const root = await realpath(tmp);
        const escape = (rel) => new ModelgateError(`${tarName}: entry ${JSON.stringify(rel)} resolved outside the extraction folder; refusing it`, 'check', { file: tarName });
        const checkInside = async (abs, rel) => {
            if (!isInside(root, await realpath(abs)))
                throw escape(rel);
        };
        // Folders are made one component at a time with an exact mode (mkdir's is cut by the
        // umask), and each is checked to be a real folder inside the root before use.
        const made = new Set(['']);
        const ensureDir = async (rel) => {
            if (made.has(rel))
                return;
            await ensureDir(rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '');
            const abs = path.join(root, rel);
            await mkdir(abs, { mode: 0o755 }).catch((e) => {
                if (e.code !== 'EEXIST')
                    throw e;
            });
            if (!(await lstat(abs)).isDirectory())
                throw escape(rel);
            await chmod(abs, 0o755);
            await checkInside(abs, rel);
            made.add(rel);
        };
        await walkTarball(file, limits, {
            async directory(entry) {
                await ensureDir(entry.path);
            },
            async file(entry) {
                const abs = path.join(root, entry.path);
                await ensureDir(entry.path.includes('/') ? entry.path.slice(0, entry.path.lastIndexOf('/')) : '');
                const mode = entry.mode & 0o111 ? 0o755 : 0o644;
                const handle = await open(abs, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_NOFOLLOW, mode);
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
        await chmod(tmp, 0o755);
        await rename(tmp, target);
    }
    catch (e) {
        await rm(tmp, { recursive: true, force: true });
        throw e;
    }
    return { files, bytes };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./lib/core/bundle/files.js
/**
 * Walking a bundle directory, hashing its files, and showing their sizes the same way in
 * every report. Files are streamed, never read whole into memory: a seed-sized bundle is
 * tens of MB, and real ones grow.
 */





/** Lists regular files under `root`, sorted by path; links and devices are reported, not followed. */
async function files_listBundle(root) {
    const files = [];
    const special = [];
    async function walk(dir, rel) {
        const entries = await readdir(dir, { withFileTypes: true });
        for (const entry of entries) {
            const relPath = rel ? `${rel}/${entry.name}` : entry.name;
            const abs = path.join(dir, entry.name);
            if (entry.isDirectory())
                await walk(abs, relPath);
            else if (entry.isFile()) {
                const st = await lstat(abs);
                files.push({ path: relPath, absolute: abs, size: st.size, mode: st.mode & 0o7777 });
            }
            else
                special.push({ path: relPath, type: entry.isSymbolicLink() ? 'symbolic link' : 'special file' });
        }
    }
    let st;
    try {
        st = await lstat(root);
    }
    catch {
        throw new ModelgateError(`${root}: bundle not found; pass the directory or .tar.gz the training job wrote`, 'input', { file: root });
    }
    if (!st.isDirectory())
        throw new ModelgateError(`${root}: expected a bundle directory`, 'input', { file: root });
    await walk(root, '');
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { files, special };
}
/**
 * Files up to this size are read whole and hashed in one call: a stream's per-chunk events and
 * buffers cost about a third more than the hash itself. Larger files are streamed, so memory
 * stays bounded.
 */
const WHOLE_FILE_BYTES = (/* unused pure expression or super */ null && (16 * 1024 * 1024));
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
    const bytes = await readFile(file.absolute);
    return {
        sha256: createHash('sha256').update(bytes).digest('hex'),
        head: Buffer.from(bytes.subarray(0, 64)),
    };
}
let readBuffer;
function hashBlocking(absolute) {
    readBuffer ??= Buffer.allocUnsafe(1 << 20);
    const buffer = readBuffer;
    const hash = createHash('sha256');
    let head;
    const fd = openSync(absolute, 'r');
    try {
        for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
            head ??= Buffer.from(buffer.subarray(0, Math.min(n, 64)));
            hash.update(buffer.subarray(0, n));
        }
    }
    finally {
        closeSync(fd);
    }
    return { sha256: hash.digest('hex'), head: head ?? Buffer.alloc(0) };
}
/** sha256 (hex) of a file, or of its first `bytes` bytes (a partial upload), streamed with large reads. */
function sha256File(file, bytes, onChunk) {
    return new Promise((resolve, reject) => {
        const hash = (0,external_node_crypto_.createHash)('sha256');
        // createReadStream's `end` is inclusive, so an empty prefix cannot be expressed with it.
        if (bytes === 0) {
            resolve(hash.digest('hex'));
            return;
        }
        const stream = (0,external_node_fs_.createReadStream)(file, {
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
function files_formatSize(bytes) {
    if (bytes < 1000)
        return `${bytes} B`;
    if (bytes < 1_000_000)
        return `${Math.round(bytes / 1000)} KB`;
    if (bytes < 1_000_000_000)
        return `${(bytes / 1_000_000).toFixed(1)} MB`;
    return `${(bytes / 1_000_000_000).toFixed(2)} GB`;
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
;// CONCATENATED MODULE: ./lib/core/config/schema.js
/**
 * The `modelgate.yml` schema: one zod schema that validates the file and emits
 * `schema/modelgate.schema.json` for editors. Defaults are the seed's values.
 */

const ARTIFACT_KINDS = ['onnx', 'torch', 'lightgbm', 'xgboost', 'pickle', 'json'];
/** `60s`, `90m`, `24h`, `2d`, `1w` or a number of seconds. */
const DURATION_PATTERN = /^\d+(\.\d+)?\s*(ms|s|m|h|d|w)$/;
const duration = schemas/* union */.KCZ([
    schemas/* number */.aig().nonnegative(),
    schemas/* string */.YjP().regex(DURATION_PATTERN, 'expected a duration such as "60s", "24h" or "2d"'),
])
    .describe('A duration: a number of seconds, or a number with a unit ms, s, m, h, d or w ("60s", "24h", "2d").');
const relativePath = schemas/* string */.YjP()
    .min(1)
    .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), {
    message: 'expected a path relative to the bundle, without ".." or a leading "/"',
});
const artifactSchema = schemas/* object */.Ikc({
    path: relativePath.describe('File name inside the bundle, e.g. lstm_1h.onnx.'),
    kind: schemas/* enum */.k5n(ARTIFACT_KINDS)
        .describe('How the file is checked: onnx, torch, lightgbm, xgboost, pickle or json.'),
})
    .strict();
const bound = schemas/* object */.Ikc({
    min: schemas/* number */.aig().optional().describe('The metric must be at least this.'),
    max: schemas/* number */.aig().optional().describe('The metric must be at most this.'),
    max_drop: schemas/* number */.aig()
        .nonnegative()
        .optional()
        .describe('With a baseline manifest: the metric may fall by at most this much.'),
    severity: schemas/* enum */.k5n(['fail', 'warn']).default('fail').describe('fail stops the release; warn only reports.'),
})
    .strict();
const metricRules = schemas/* record */.g1P(schemas/* string */.YjP(), bound)
    .describe('Rules per metric name, e.g. { oof_auc: { min: 0.55 } }.');
const shadowRule = schemas/* object */.Ikc({
    min: schemas/* number */.aig().optional(),
    max: schemas/* number */.aig().optional(),
    range: schemas/* tuple */.PVZ([schemas/* number */.aig(), schemas/* number */.aig()])
        .optional()
        .describe('For bull_prob_in_range: the [low, high] band.'),
    severity: schemas/* enum */.k5n(['fail', 'warn']).default('fail'),
})
    .strict();
/** gate.shadow.rules when the config names none; the release notes describe these too. */
const schema_DEFAULT_SHADOW_RULES = {
    ml_coverage: { min: 0.8, severity: 'fail' },
    stacking_activation: { min: 0.9, severity: 'fail' },
    lstm_ok_rate: { min: 0.95, severity: 'fail' },
    tft_ok_rate: { min: 0.8, severity: 'fail' },
    bull_prob_in_range: { range: [0.3, 0.7], min: 0.95, severity: 'fail' },
    severe_errors: { max: 0, severity: 'fail' },
};
const DEFAULT_HORIZON_RULES = {
    oof_auc: { min: 0.55, severity: 'fail' },
    test_auc: { min: 0.52, severity: 'fail' },
    n_oof: { min: 10000, severity: 'fail' },
};
/** The seed's training gate: 1h, 4h and 24h each need oof_auc >= 0.55, test_auc >= 0.52, n_oof >= 10000. */
function defaultTrainingGate() {
    return {
        horizons: { '1h': DEFAULT_HORIZON_RULES, '4h': DEFAULT_HORIZON_RULES, '24h': DEFAULT_HORIZON_RULES },
        base: {},
        global: {},
        warn: { overfit_gap: 0.15 },
    };
}
const configSchema = schemas/* object */.Ikc({
    release: schemas/* object */.Ikc({
        name: schemas/* string */.YjP()
            .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected letters, digits, ".", "_" or "-"')
            .describe('Release name; the tarball is <name>_<YYYYMMDD_HHMMSS>.tar.gz.'),
        artifacts: schemas/* array */.YOg(artifactSchema)
            .min(1)
            .describe('Every file a bundle must contain, with its kind.'),
        stacking: schemas/* object */.Ikc({
            meta: relativePath.describe('The stacking meta JSON (base_models, meta_learner).'),
            learner: relativePath.describe('The pickled meta-learner.'),
            base: schemas/* array */.YOg(relativePath)
                .min(1)
                .describe('Base model files, in the order of the meta-learner columns.'),
        })
            .strict()
            .optional(),
        golden: relativePath.default('golden.json').describe('Golden vectors written by the training job.'),
    })
        .strict(),
    gate: schemas/* object */.Ikc({
        training: schemas/* object */.Ikc({
            horizons: schemas/* record */.g1P(schemas/* string */.YjP(), metricRules).default({
                '1h': DEFAULT_HORIZON_RULES,
                '4h': DEFAULT_HORIZON_RULES,
                '24h': DEFAULT_HORIZON_RULES,
            }),
            base: schemas/* record */.g1P(schemas/* string */.YjP(), metricRules)
                .default({})
                .describe('Rules per base model, e.g. { lstm: { oof_auc: { min: 0.57, severity: warn } } }.'),
            global: metricRules
                .default({})
                .describe('Rules on top-level metrics; a failure fails the whole gate.'),
            warn: schemas/* object */.Ikc({
                overfit_gap: schemas/* number */.aig()
                    .nonnegative()
                    .default(0.15)
                    .describe('Warn when val_auc - test_auc exceeds this.'),
            })
                .strict()
                .default({ overfit_gap: 0.15 }),
        })
            .strict()
            .default(defaultTrainingGate),
        shadow: schemas/* object */.Ikc({
            logs: schemas/* string */.YjP()
                .min(1)
                .default('data/live/trades_*.jsonl')
                .describe('Trade-log glob, relative to deploy.path on the target.'),
            window: duration.default('2d'),
            min_records: schemas/* number */.aig().int().nonnegative().default(20),
            rules: schemas/* record */.g1P(schemas/* string */.YjP(), shadowRule).default(schema_DEFAULT_SHADOW_RULES),
            fields: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP())
                .default({})
                .describe('Overrides of trade-log field paths, e.g. { bull_prob: ml.bull_prob }.'),
            collapse_std: schemas/* number */.aig()
                .nonnegative()
                .default(0.001)
                .describe('A prediction std below this is a collapsed model.'),
            promote_after: duration.default('24h'),
        })
            .strict()
            .optional(),
    })
        .strict()
        .default(() => ({ training: defaultTrainingGate() })),
    deploy: schemas/* object */.Ikc({
        target: schemas/* enum */.k5n(['ssh', 'local']).default('ssh'),
        host: schemas/* string */.YjP().min(1).optional(),
        port: schemas/* number */.aig().int().min(1).max(65535).default(22),
        user: schemas/* string */.YjP()
            .regex(/^[a-z_][a-z0-9_.-]*\$?$/i, 'expected a user name')
            .default('root'),
        path: schemas/* string */.YjP()
            .min(1)
            .refine((p) => !/[\n\0]/.test(p), 'expected a path without newlines')
            .describe('The service directory on the target, e.g. /opt/macd-analysis.'),
        models_dir: schemas/* string */.YjP()
            .regex(/^[A-Za-z0-9._-]+$/, 'expected a single directory name')
            .default('models'),
        keep_releases: schemas/* number */.aig().int().min(2).default(5),
        service: schemas/* string */.YjP().min(1).optional(),
        restart: schemas/* string */.YjP().min(1).describe('Command that restarts the service, run in deploy.path.'),
        is_active: schemas/* string */.YjP().min(1).describe('Command that exits 0 when the service is running.'),
        logs: schemas/* string */.YjP()
            .min(1)
            .optional()
            .describe('Command that prints the service log since @{since} (unix seconds), or a file relative to deploy.path.'),
        log_file: schemas/* string */.YjP()
            .min(1)
            .optional()
            .describe('A log file, relative to deploy.path, read from its size at restart.'),
        verify: schemas/* object */.Ikc({
            expect: schemas/* array */.YOg(schemas/* string */.YjP()).default([]),
            fail: schemas/* array */.YOg(schemas/* string */.YjP()).default(['Traceback', 'ERROR', 'CRITICAL']),
            timeout: duration.default('60s'),
        })
            .strict()
            .default({ expect: [], fail: ['Traceback', 'ERROR', 'CRITICAL'], timeout: '60s' }),
        flags: schemas/* object */.Ikc({
            file: relativePath.default('.env'),
            shadow: schemas/* record */.g1P(schemas/* string */.YjP().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name'), schemas/* string */.YjP())
                .default({}),
            promote: schemas/* record */.g1P(schemas/* string */.YjP().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name'), schemas/* string */.YjP())
                .default({}),
        })
            .strict()
            .default({ file: '.env', shadow: {}, promote: {} }),
        lock_timeout: duration.default('5m'),
        stale_lock: duration.default('2h'),
        command_timeout: duration.default('120s'),
    })
        .strict()
        .optional(),
    rollback: schemas/* object */.Ikc({
        ml_off: schemas/* object */.Ikc({ file: relativePath, pattern: schemas/* string */.YjP().min(1), replace: schemas/* string */.YjP() })
            .strict()
            .optional(),
    })
        .strict()
        .default({}),
})
    .strict();
/** Seconds in a duration value from the config. */
function durationSeconds(value) {
    if (typeof value === 'number')
        return value;
    const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)$/.exec(value);
    if (!m)
        throw new Error(`not a duration: ${value}`);
    const n = Number(m[1]);
    const unit = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[m[2]];
    return n * unit;
}

;// CONCATENATED MODULE: ./lib/core/deploy/flags.js
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
            throw new errors/* ModelgateError */.HJ(`flag name "${key}" is not an environment variable name (letters, digits, "_")`, 'config');
        if (/[\n\r\0]/.test(value))
            throw new errors/* ModelgateError */.HJ(`flag ${key}: the value contains a newline or NUL byte, which a flags file cannot hold on one line`, 'config');
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

;// CONCATENATED MODULE: ./lib/core/remote/quote.js
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
        throw new errors/* ModelgateError */.HJ(`refusing to pass a value containing a NUL byte to a remote command: ${JSON.stringify(arg)}`, 'input');
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
            throw new errors/* ModelgateError */.HJ(`refusing to pass ${value} to a remote command`, 'runtime');
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
        throw new errors/* ModelgateError */.HJ(`${what} ${JSON.stringify(value)} contains a newline or NUL byte; use a path without them`, 'input');
    return value;
}

;// CONCATENATED MODULE: ./lib/core/deploy/history.js
/**
 * `<path>/.modelgate/history.jsonl`: one JSON object a line for every deploy, promote and
 * rollback, with its outcome. It is appended under the lock, so lines never interleave, and
 * it is how rollback finds "the previous release". Lines that do not parse (a hand edit) are
 * skipped with a warning, never fatal.
 */


const historyEntrySchema = schemas/* object */.Ikc({
    id: schemas/* string */.YjP().nullable(),
    previous: schemas/* string */.YjP().nullable(),
    action: schemas/* enum */.k5n(['deploy', 'promote', 'rollback']),
    phase: schemas/* string */.YjP().optional(),
    level: schemas/* string */.YjP().optional(),
    time: schemas/* string */.YjP(),
    actor: schemas/* string */.YjP(),
    run_id: schemas/* string */.YjP(),
    /** deployed | promoted | rolled-back | unchanged | failed | interrupted */
    result: schemas/* string */.YjP(),
    reason: schemas/* string */.YjP().optional(),
});
/** Appends one entry; with `finished`, also removes the pending record in the same command. */
async function appendHistory(target, entry, options = {}) {
    const { layout } = target;
    const line = `${JSON.stringify(entry)}\n`;
    const command = sh `mkdir -p -- ${layout.state} && cat >> ${layout.history}`;
    await target.run(`appending to ${layout.history}`, options.finished ? `${command}${sh ` && rm -f -- ${layout.pending}`}` : command, { stdin: line });
}
/** Reads the newest `limit` entries, oldest first. */
async function readHistory(target, warn = () => { }, limit = 5000) {
    const { layout } = target;
    const result = await target.run(`reading ${layout.history}`, sh `if [ -f ${layout.history} ]; then tail -n ${limit} -- ${layout.history}; fi`);
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

;// CONCATENATED MODULE: ./lib/core/deploy/target.js
/**
 * The server layout (design.md, "On the server") and the one way deploy and rollback talk to
 * it: shell commands through a Transport, every value quoted. A non-zero exit becomes a
 * ModelgateError naming the target, what was being done and what the command printed.
 */



/** The seed's backup name; kept pointing at the newest archive so the manual runbook still works. */
const SEED_BACKUP = 'macd_models_backup.tar.gz';
function layoutFor(config) {
    const root = checkRemotePath(config.path, 'deploy.path');
    if (!root.startsWith('/'))
        throw new errors/* ModelgateError */.HJ(`deploy.path "${root}" is not absolute; give the service directory as an absolute path, e.g. /opt/macd-analysis`, 'config');
    const clean = external_node_path_.posix.normalize(root).replace(/\/+$/, '') || '/';
    if (clean === '/')
        throw new errors/* ModelgateError */.HJ('deploy.path is "/": give the service directory, e.g. /opt/macd-analysis', 'config');
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
        flagsFile: checkRemotePath(external_node_path_.posix.resolve(clean, config.flags.file), 'deploy.flags.file'),
    };
}
/** Release ids come from manifests (validated there); this keeps them one safe path segment. */
function checkReleaseId(id, what = 'release id') {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id) || id.includes('..') || id.includes('.tmp-'))
        throw new errors/* ModelgateError */.HJ(`${what} "${id}" is not a valid release id (letters, digits, ".", "_", "-"; no "..")`, 'input');
    return id;
}
/** A command that ran on the target and exited non-zero (as opposed to a transport failure). */
class CommandFailed extends errors/* ModelgateError */.HJ {
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
                (error instanceof errors/* ModelgateError */.HJ && error.kind !== 'remote'))
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
    return `${sh `cd -- ${layout.root} || exit 1`}\n${command}\n`;
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

;// CONCATENATED MODULE: ./lib/core/deploy/lock.js
/**
 * One deployment at a time on a target: `<path>/.modelgate/lock`. The holder (who, which
 * run, which action, since when) is written to a private temporary file which is then
 * hard-linked to the lock name; `ln` fails when the name exists, so the create is atomic on
 * every POSIX file system, and the lock is never seen half-written. A second deploy or
 * rollback waits (polling) up to the lock timeout and then fails naming the holder. A lock
 * older than `stale_lock` is left behind by a run that died (runner killed, machine lost):
 * it is moved aside, checked to be the same lock that was judged stale, and removed.
 */






const holderSchema = schemas/* object */.Ikc({
    actor: schemas/* string */.YjP(),
    run_id: schemas/* string */.YjP(),
    action: schemas/* string */.YjP(),
    host: schemas/* string */.YjP(),
    pid: schemas/* number */.aig(),
    time: schemas/* string */.YjP(),
    token: schemas/* string */.YjP(),
});
async function acquireLock(target, request) {
    const { layout } = target;
    const holder = {
        actor: request.actor,
        run_id: request.runId,
        action: request.action,
        host: external_node_os_.hostname(),
        pid: process.pid,
        time: new Date().toISOString(),
        token: (0,external_node_crypto_.randomBytes)(12).toString('hex'),
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
                    await target.withRecovery(() => target.run('releasing the lock', sh `if grep -qF -- ${holder.token} ${layout.lock} 2>/dev/null; then rm -f -- ${layout.lock}; fi`));
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
            throw new errors/* ModelgateError */.HJ(`${layout.lock} is held by ${describeHolder(seen)}, ${age} s ago; gave up after waiting ${Math.round(waited / 1000)} s (deploy.lock_timeout). ` +
                `Wait for that run to finish and retry; if it is certainly no longer running, remove the lock file (it is treated as stale after deploy.stale_lock)`, 'remote');
        }
        if (lastReported === 0 || Date.now() - lastReported > 30_000) {
            request.log(`waiting for the lock: held by ${describeHolder(seen)}`);
            lastReported = Date.now();
        }
        await sleep(Math.min(delay, Math.max(0, request.timeoutMs - waited)));
        delay = Math.min(delay * 1.5, (request.pollMs ?? 500) * 4);
    }
}
async function tryAcquire(target, content, token) {
    const { layout } = target;
    const tmp = `${layout.state}/lock.${token}`;
    const script = sh `r=${layout.root}; s=${layout.state}; l=${layout.lock}; t=${tmp}
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
        throw new errors/* ModelgateError */.HJ(`${target.description}: unexpected output while taking the lock: ${result.stdout.slice(0, 200)}`, 'remote');
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
    const aside = `${layout.state}/lock.stale-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
    const script = sh `l=${layout.lock}; a=${aside}
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

;// CONCATENATED MODULE: ./lib/core/deploy/remote-files.js
/**
 * Small files on the target (the flags file, the ML config, the pending record): read byte
 * for byte, written whole to a temporary file beside the original, fsynced and renamed over
 * it, so a reader (the service starting up) sees the old file or the new one, never half.
 */



const MAX_EDITABLE = 4 * 1024 * 1024;
/** Reads a small file (base64 over the command channel keeps the bytes exact). */
async function readRemoteFile(target, file) {
    const script = sh `f=${file}
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
        throw new errors/* ModelgateError */.HJ(`${target.description}: unexpected output while reading ${file}: ${head.slice(0, 200)}`, 'remote');
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
    const script = sh `f=${file}; t=${tmp}
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
    await target.run(`removing ${file}`, sh `rm -f -- ${file}`);
}

;// CONCATENATED MODULE: ./lib/core/deploy/hash.js
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
    const source = bytes === undefined ? sh `h < ${file}` : sh `head -c ${bytes} < ${file} | h`;
    const script = `${HASH_FUNCTION}\n${sh `[ -f ${file} ] || { echo "no such file: "${file} >&2; exit 3; }`}\ncommand -v sha256sum >/dev/null 2>&1 || command -v shasum >/dev/null 2>&1 || command -v openssl >/dev/null 2>&1 || exit ${NO_HASH_TOOL}\n${source}`;
    const result = await target.exec(script);
    const match = /^([0-9a-f]{64})\b/.exec(result.stdout.trim());
    if (result.code === 0 && match)
        return { sha256: match[1], via: 'target' };
    if (result.code !== NO_HASH_TOOL)
        throw new errors/* ModelgateError */.HJ(`${target.description}: hashing ${file} failed (exit ${result.code}): ${(result.stderr || result.stdout).trim().slice(0, 300)}`, 'remote');
    return { sha256: await readBackSha256(target, file, bytes), via: 'read-back' };
}
async function readBackSha256(target, file, bytes) {
    const dir = await (0,promises_.mkdtemp)(external_node_path_.join(external_node_os_.tmpdir(), 'modelgate-readback-'));
    try {
        const local = external_node_path_.join(dir, 'file');
        await target.transport.download(file, local);
        return await sha256File(local, bytes);
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./lib/core/deploy/release-dir.js
/**
 * Release directories on the target: `releases/<id>/` extracted and verified beside the
 * live one, `<models_dir>` a relative symlink switched by renaming a new link over the old
 * one (rename is atomic: the service sees the old release or the new one, never a mix),
 * archives of what was live in `backup/`, and pruning that never removes the live or the
 * previous release.
 */





async function modelsState(target) {
    const { layout } = target;
    const result = await target.run(`inspecting ${layout.models}`, sh `m=${layout.models}; if [ -L "$m" ]; then printf 'link\\n%s\\n' "$(readlink -- "$m")"; elif [ -d "$m" ]; then echo directory; elif [ -e "$m" ]; then echo other; else echo absent; fi`);
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
    const result = await target.run(`listing ${layout.releases}`, sh `d=${layout.releases}; [ -d "$d" ] || exit 0; cd -- "$d" || exit 3
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
    const script = (mode) => `${HASH_FUNCTION}\n${sh `cd -- ${dir} || exit 3`}
while IFS= read -r p; do
  if [ -f "$p" ] && [ ! -L "$p" ]; then ${mode === 'hash' ? `x=$(h < "$p") || exit ${NO_HASH_TOOL}; printf 'file %s %s\\n' "\${x%% *}" "$p"` : `printf 'file %s %s\\n' "$(wc -c < "$p" | tr -d ' ')" "$p"`}
  else printf 'missing - %s\\n' "$p"; fi
done
find . ! -type d -print | sed 's/^/entry /'
find . ! -type d ! -type f -print | sed 's/^/special /'`;
    let mode = 'hash';
    let result = await target.exec(script(mode), { stdin: paths.join('\n') + '\n' });
    if (result.code === NO_HASH_TOOL) {
        mode = 'size';
        result = await target.exec(script(mode), { stdin: paths.join('\n') + '\n' });
    }
    if (result.code !== 0)
        throw new errors/* ModelgateError */.HJ(`${target.description}: checking ${dir} failed (exit ${result.code}): ${result.stderr.trim().slice(0, 300)}`, 'remote');
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
        throw new errors/* ModelgateError */.HJ(`manifest file path ${JSON.stringify(p)} is not a plain relative path; regenerate the manifest with modelgate package`, 'input');
    return p;
}
/**
 * Extracts a verified tarball into `releases/<id>.tmp-<rand>`, checks it against the
 * manifest, and renames it to `releases/<id>`. A failed check removes the temporary
 * directory and throws; nothing live is touched.
 */
async function extractRelease(target, tarball, manifest) {
    const { layout } = target;
    const id = checkReleaseId(manifest.id);
    const tmp = `${layout.releases}/${id}.tmp-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
    const final = `${layout.releases}/${id}`;
    await target.run(`extracting ${tarball} into ${tmp}`, sh `mkdir -p -- ${layout.releases} && rm -rf -- ${layout.releases}/*.tmp-* && mkdir -- ${tmp} && tar -xzf ${tarball} -C ${tmp} --no-same-owner --no-same-permissions`);
    const outcome = await verifyReleaseDir(target, tmp, manifest);
    if (!outcome.ok) {
        await target.exec(sh `rm -rf -- ${tmp}`);
        throw new errors/* ModelgateError */.HJ(`${target.description}: the extracted release ${id} does not match its manifest: ${outcome.problems.slice(0, 10).join('; ')}${outcome.problems.length > 10 ? `; and ${outcome.problems.length - 10} more` : ''}. Nothing live was changed`, 'check');
    }
    await target.run(`moving ${tmp} to ${final}`, sh `rm -rf -- ${final} && mv -T -- ${tmp} ${final} && touch -- ${final}`);
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
        await target.run(`removing the link ${layout.models}`, sh `if [ -L ${layout.models} ]; then rm -f -- ${layout.models}; fi`);
        return;
    }
    checkReleaseId(id);
    const next = `${layout.models}.modelgate-new`;
    await target.run(`switching ${layout.models} to releases/${id}`, sh `[ -d ${`${layout.releases}/${id}`} ] || { echo "release directory releases/"${id}" is missing" >&2; exit 3; }
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
    checkReleaseId(id);
    const next = `${layout.models}.modelgate-new`;
    await target.run(`moving ${layout.models} into releases/${id}`, sh `mkdir -p -- ${layout.releases} && [ ! -e ${`${layout.releases}/${id}`} ] && rm -f -- ${next} && ln -s -- ${`releases/${id}`} ${next} && mv -T -- ${layout.models} ${`${layout.releases}/${id}`} && mv -Tf -- ${next} ${layout.models}`);
}
/**
 * Archives `releases/<id>` into `backup/<id>.tar.gz` (once: releases never change) and points
 * the seed's `backup/macd_models_backup.tar.gz` at it. A real file under the seed's name (a
 * manual backup) is kept under a dated name rather than replaced.
 */
async function backupRelease(target, id) {
    const { layout } = target;
    checkReleaseId(id);
    const archive = `${layout.backup}/${id}.tar.gz`;
    const seed = `${layout.backup}/${SEED_BACKUP}`;
    const keep = `${layout.backup}/${SEED_BACKUP.replace(/\.tar\.gz$/, '')}.pre-modelgate-${stamp()}.tar.gz`;
    const next = `${layout.backup}/.${SEED_BACKUP}.modelgate-new`;
    await target.run(`backing up releases/${id}`, sh `a=${archive}; mkdir -p -- ${layout.backup} || exit 1
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
    const listing = await target.run('listing backups', sh `d=${layout.backup}; [ -d "$d" ] || exit 0; cd -- "$d" || exit 3; printf 'seed %s\\n' "$(readlink -- ${SEED_BACKUP} 2>/dev/null)"
for x in *.tar.gz; do if [ -f "$x" ] && [ ! -L "$x" ]; then printf '%s %s\\n' "$(stat -c %Y -- "$x")" "$x"; fi; done`);
    let seedTarget = '';
    const archives = [];
    const seedPrefix = SEED_BACKUP.replace(/\.tar\.gz$/, '');
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
        await target.run('removing old releases and backups', sh `rm -rf -- ${paths}`);
    return [...doomed, ...oldArchives.map((a) => `backup/${a}`)];
}

;// CONCATENATED MODULE: ./lib/core/deploy/pending.js
/**
 * `.modelgate/pending.json`: written before a deploy or promote changes anything live and
 * removed when it has finished (deployed, promoted or rolled back). If the run dies in
 * between (runner killed, connection lost for good), the next deploy or rollback finds it
 * under the lock and puts back what was live before (the release link and the flags file)
 * before doing its own work, so an interruption never leaves the server half-updated.
 */






const pendingSchema = schemas/* object */.Ikc({
    run_id: schemas/* string */.YjP(),
    actor: schemas/* string */.YjP(),
    action: schemas/* enum */.k5n(['deploy', 'promote']),
    phase: schemas/* string */.YjP(),
    id: schemas/* string */.YjP(),
    previous: schemas/* string */.YjP().nullable(),
    time: schemas/* string */.YjP(),
    flags: schemas/* object */.Ikc({ path: schemas/* string */.YjP(), existed: schemas/* boolean */.zMY(), content: schemas/* string */.YjP() }),
});
async function writePending(target, pending) {
    await writeRemoteFile(target, target.layout.pending, `${JSON.stringify(pending)}\n`);
}
async function clearPending(target) {
    await removeRemoteFile(target, target.layout.pending);
}
/** Restores the state recorded by an interrupted run; true when something was changed. */
async function recoverInterrupted(target, who, log) {
    const { layout } = target;
    const file = await readRemoteFile(target, layout.pending);
    if (!file.exists)
        return false;
    let pending;
    try {
        pending = pendingSchema.parse(JSON.parse(file.content.toString('utf8')));
    }
    catch {
        throw new errors/* ModelgateError */.HJ(`${layout.pending} is unreadable: a deploy was interrupted and its record of what to restore is damaged. Check ${layout.models} and the flags file by hand, then remove ${layout.pending}`, 'remote');
    }
    log(`a ${pending.action} of ${pending.id} by ${pending.actor} (run ${pending.run_id}, ${pending.time}) did not finish; restoring what was live before it`);
    const state = await modelsState(target);
    const live = state.kind === 'release' ? state.id : null;
    if (live !== pending.previous) {
        const { releases } = await listReleases(target);
        if (pending.previous === null || releases.some((r) => r.id === pending.previous)) {
            await switchModels(target, pending.previous);
            log(`restored ${layout.models} -> ${pending.previous === null ? '(none)' : `releases/${pending.previous}`}`);
        }
        else
            log(`releases/${pending.previous} no longer exists; ${layout.models} left at ${live ?? '(none)'}`);
    }
    if (pending.flags.existed)
        await writeRemoteFile(target, pending.flags.path, Buffer.from(pending.flags.content, 'base64'));
    else
        await target.run(`removing ${pending.flags.path}`, sh `rm -f -- ${pending.flags.path}`);
    log(`restored ${pending.flags.path}`);
    await appendHistory(target, {
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
    const probe = await target.run(`checking ${layout.root}`, sh `r=${layout.root}
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
        throw new errors/* ModelgateError */.HJ(`${target.description}: not enough free space at ${layout.root}: ${files_formatSize(freeBytes)} free, ${files_formatSize(requiredBytes)} needed ` +
            `(the tarball and its extraction, twice over); free some space (old files in backup/ or releases/) and retry. Nothing was uploaded`, 'remote');
    const active = await target.exec(inRoot(layout, config.is_active));
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
    const [hashed, listed] = await Promise.allSettled([sha256File(file), listTarball(file)]);
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
    const wanted = new Map(manifest.files.map((f) => [checkManifestPath(f.path), f]));
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

;// CONCATENATED MODULE: ./lib/core/deploy/upload.js
/**
 * Upload to `.modelgate/incoming/<id>.tar.gz.part` (never read by the service). A partial
 * file left by a cut connection is resumed when its bytes are a prefix of the tarball (both
 * sides hash the same number of bytes); otherwise the upload starts over. The whole file is
 * then hashed on the target and must equal the manifest's sha256 before it is used.
 */




async function uploadTarball(target, request) {
    const { layout } = target;
    await target.run(`creating ${layout.incoming}`, sh `mkdir -p -- ${layout.incoming}`);
    let offset = 0;
    const existing = await target.transport.size(request.remotePart);
    if (existing !== undefined && existing > 0 && existing <= request.size) {
        const [theirs, ours] = await Promise.all([
            remoteSha256(target, request.remotePart, existing),
            sha256File(request.localFile, existing),
        ]);
        if (theirs.sha256 === ours) {
            offset = existing;
            request.log(`resuming the upload at ${files_formatSize(existing)} of ${files_formatSize(request.size)} (the partial file matches the tarball so far)`);
        }
        else
            request.log(`a partial upload of ${files_formatSize(existing)} does not match this tarball; starting over`);
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
                    request.log(`upload ${Math.floor((100 * p.sent) / p.total)}% (${files_formatSize(p.sent)} of ${files_formatSize(p.total)}, ${files_formatSize(Math.round((p.sent - offset) / seconds))}/s)`);
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
                    reject(new errors/* ModelgateError */.HJ(`${target.description}: the upload stalled: nothing sent for ${Math.round(idle / 1000)} s at ${files_formatSize(sentSoFar)} of ${files_formatSize(request.size)}; retry the deploy to resume it`, 'remote'));
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
    const hash = await remoteSha256(target, request.remotePart);
    if (size !== request.size || hash.sha256 !== request.sha256) {
        // A corrupt partial file would only be resumed and fail again: remove it.
        await target.exec(sh `rm -f -- ${request.remotePart}`);
        throw new errors/* ModelgateError */.HJ(`${target.description}: the uploaded tarball does not match the manifest: sha256 ${hash.sha256} (${size ?? 0} bytes) on the target, ` +
            `${request.sha256} (${request.size} bytes) expected. The upload was removed and nothing live was changed; retry the deploy`, 'check');
    }
    return { resumedFrom: offset, sent: request.size - offset, verifiedBy: hash.via };
}

;// CONCATENATED MODULE: ./lib/core/deploy/verify.js
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
        return { kind: 'file', file: external_node_path_.posix.resolve(root, config.log_file) };
    const logs = config.logs;
    if (!logs)
        return { kind: 'none' };
    if (!/\s/.test(logs) && !logs.includes('{since}'))
        return { kind: 'file', file: external_node_path_.posix.resolve(root, logs) };
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
        ? sh `if [ -f ${source.file} ]; then wc -c < ${source.file}; else echo 0; fi`
        : 'date +%s');
    const position = Number(mark.stdout.trim()) || 0;
    // A log command filters by whole seconds: lines written in the second before the restart
    // (an earlier attempt's traceback, say) come back too. What it prints before the restart
    // is that overlap, and is dropped from what it prints afterwards.
    const baseline = source.kind === 'command' ? (await poll(target, config, source, position)).text : '';
    const restart = await target.exec(inRoot(layout, config.restart));
    if (restart.code !== 0)
        return {
            ok: false,
            reason: `the restart command (deploy.restart: ${config.restart}) failed (exit ${restart.code})${tail(restart)}`,
            lines: [],
        };
    options.log(`restarted: ${config.restart}`);
    const deadline = Date.now() + durationSeconds(config.verify.timeout) * 1000;
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
            const seconds = durationSeconds(config.verify.timeout);
            return {
                ok: false,
                reason: `within ${seconds} s (deploy.verify.timeout) ${why.join(' and ')}`,
                lines: lines.filter((l) => l.trim() !== '').slice(-10),
            };
        }
        await sleep(pollMs);
    }
}
const LOG_RC = '::modelgate-log-exit=';
/** One round trip per poll: the is-active command's exit code, then the log since the restart. */
async function poll(target, config, source, position) {
    // Configured commands go on lines of their own: a trailing `# comment` in one must not
    // swallow the text that follows it.
    const active = `a=$( (\n${inRoot(target.layout, config.is_active)}\n) 2>&1 ); rc=$?; printf '%s\n' "$rc"; printf '%s\n' "$a" | head -n 1`;
    let log = '';
    if (source.kind === 'file')
        log = sh `f=${source.file}; if [ -f "$f" ]; then n=$(wc -c < "$f"); if [ "$n" -lt ${position} ]; then o=1; else o=${position + 1}; fi; tail -c +"$o" -- "$f" | head -c ${MAX_LOG_BYTES}; fi`;
    else if (source.kind === 'command') {
        const command = source.command.split('{since}').join(sh `${String(position)}`);
        // Its stderr is not scanned: a tool's complaint is not the service's log.
        log = `(\n${inRoot(target.layout, command)}\n) 2>/dev/null; printf '\n${LOG_RC}%s\n' "$?"`;
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
            problem: `checking the service failed (exit ${result.code})${tail(result, 3)}`,
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
    const id = checkReleaseId(manifest.id, 'manifest id');
    const target = new Target(options.transport, layoutFor(config), options.reconnect);
    const steps = new Steps(options.log);
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
                message: `${c.files} files, ${files_formatSize(c.size)}, sha256 ${c.sha256.slice(0, 12)}… matches the manifest; no unsafe entries`,
            };
        });
    }
    if (options.dryRun)
        return dryRun(target, options, steps, checked);
    const lock = await steps.run('lock', async () => {
        const held = await acquireLock(target, {
            actor: who.actor,
            runId: who.runId,
            action: options.phase === 'shadow' ? 'deploy' : 'promote',
            timeoutMs: options.lockTimeoutMs ?? durationSeconds(config.lock_timeout) * 1000,
            staleMs: durationSeconds(config.stale_lock) * 1000,
            log: options.log,
        });
        return {
            value: held,
            message: `${target.layout.lock} held by ${held.holder.actor} (run ${held.holder.run_id})`,
        };
    });
    try {
        await recoverInterrupted(target, who, options.log);
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
    return (outcome, finished) => appendHistory(target, {
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
        return state.id === id ? (previousOf(history, id) ?? null) : state.id;
    if (state.kind === 'directory')
        return `pre-modelgate-${stamp()}`;
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
                message: `${files_formatSize(facts.freeBytes)} free (${files_formatSize(facts.requiredBytes)} needed); service ${facts.serviceActive ? 'active' : `not active now (${facts.isActiveOutput || 'is-active failed'})`}`,
            };
        });
        const { releases } = await listReleases(target);
        const existing = releases.some((r) => r.id === id)
            ? await verifyReleaseDir(target, `${layout.releases}/${id}`, manifest)
            : undefined;
        const state = await modelsState(target);
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
                    message: `${outcome.resumedFrom > 0 ? `resumed at ${files_formatSize(outcome.resumedFrom)}, ` : ''}sent ${files_formatSize(outcome.sent)}; sha256 verified ${outcome.verifiedBy === 'target' ? 'on the target' : 'by reading it back'}`,
                };
            });
            plan.push(`uploaded ${options.tarball ?? ''} to ${part}`);
            await steps.run('extract', async () => {
                const outcome = await extractRelease(target, part, manifest);
                await target.exec(sh `rm -f -- ${part}`);
                return {
                    value: outcome,
                    message: `releases/${id}: ${manifest.files.length} files match the manifest (${outcome.checkedBy})`,
                };
            });
            plan.push(`extracted into releases/${id}`);
        }
        const history = await readHistory(target, options.log);
        previous = previousFor(state, id, history);
        const alreadyLive = state.kind === 'release' && state.id === id;
        flagsBefore = await readRemoteFile(target, layout.flagsFile);
        await writePending(target, {
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
                await adoptPlainDirectory(target, previous);
                plan.push(`moved the plain ${layout.modelsName}/ directory into releases/${previous}`);
            }
            if (!previous || alreadyLive)
                return {
                    value: undefined,
                    message: alreadyLive ? `${id} is already live` : 'nothing live to back up',
                };
            const archive = await backupRelease(target, previous);
            plan.push(`archived releases/${previous} into ${archive}`);
            return {
                value: undefined,
                message: `${previous} archived in backup/${previous}.tar.gz (backup/macd_models_backup.tar.gz points at it)`,
            };
        });
        if (!alreadyLive) {
            await steps.run('switch', async () => {
                switched = true;
                await switchModels(target, id);
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
        const removed = await prune(target, config.keep_releases, new Set([id, ...(previous ? [previous] : [])]));
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
        stallMs: options.uploadStallMs ?? durationSeconds(options.config.command_timeout) * 1000,
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
        plan.push(`flags: ${describeFlags(flags)}`);
        return { value: undefined, message };
    });
}
/** Writes the flags when they differ; returns the step message. */
async function setFlags(target, before, flags, onWrite) {
    const edit = applyFlags(before.content.toString('utf8'), flags);
    if (!edit.changed)
        return `${target.layout.flagsFile} already has ${describeFlags(flags)}`;
    onWrite();
    await writeRemoteFile(target, before.path, edit.text);
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
                await target.withRecovery(() => switchModels(target, f.previous));
            const before = f.flagsBefore;
            if (f.flagsWritten && before) {
                await target.withRecovery(() => before.exists
                    ? writeRemoteFile(target, before.path, before.content)
                    : target.run(`removing ${before.path}`, sh `rm -f -- ${before.path}`).then(() => undefined));
            }
            const outcome = await target.withRecovery(() => restartAndVerify(target, config, {
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
    const state = await modelsState(target);
    const history = await readHistory(target, options.log);
    const previous = state.kind === 'release' && state.id === id ? (previousOf(history, id) ?? null) : null;
    let flagsBefore;
    let flagsWritten = false;
    try {
        await steps.run('live', async () => {
            if (state.kind !== 'release' || state.id !== id)
                throw new errors/* ModelgateError */.HJ(`refusing to promote ${id}: the live release on ${target.description} is ${state.kind === 'release' ? state.id : `not a modelgate release (${layout.models} is ${state.kind})`}; deploy ${id} with phase shadow first`, 'check');
            return { value: undefined, message: `${layout.modelsName} -> releases/${id}` };
        });
        flagsBefore = await readRemoteFile(target, layout.flagsFile);
        await writePending(target, {
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
    const state = await modelsState(target);
    const history = await readHistory(target, options.log);
    const flags = await readRemoteFile(target, layout.flagsFile);
    const lock = await target.exec(sh `cat -- ${layout.lock} 2>/dev/null`);
    const pending = await target.exec(sh `[ -f ${layout.pending} ]`);
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
                message: `${files_formatSize(facts.freeBytes)} free (${files_formatSize(facts.requiredBytes)} needed)`,
            };
        });
        if (state.kind === 'foreign')
            throw new errors/* ModelgateError */.HJ(`${target.description}: ${state.detail}; make it a directory (or remove it) so modelgate can manage it`, 'remote');
        previous = previousFor(state, id, history);
        plan.push(`upload ${options.tarball ?? ''} (${files_formatSize(c.size)}) to ${layout.incoming}/${id}.tar.gz.part and check its sha256 ${c.sha256} on the target`);
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
        previous = previousOf(history, id) ?? null;
    }
    const wanted = options.phase === 'shadow' ? config.flags.shadow : config.flags.promote;
    const edit = applyFlags(flags.content.toString('utf8'), wanted);
    plan.push(edit.changed
        ? `set in ${flags.path}: ${edit.changes.map((c) => `${c.key}=${c.to} (now ${c.from ?? 'absent'})`).join(', ')}`
        : `${flags.path} already has ${describeFlags(wanted)}`);
    plan.push(`restart: ${config.restart}`);
    plan.push(`verify within ${durationSeconds(config.verify.timeout)} s: ${config.is_active} succeeds, the log shows ${config.verify.expect.map((p) => JSON.stringify(p)).join(', ') || '(no expect patterns)'} and none of ${config.verify.fail.map((p) => JSON.stringify(p)).join(', ')}`);
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
        outcome = await restartAndVerify(target, config, {
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

;// CONCATENATED MODULE: ./lib/core/inputs/source.js
/**
 * Reading inputs the same way from the Actions runner (INPUT_* variables) and from CLI flags.
 * Each action's settings are built from an InputSource by one function, like checkout's
 * getInputs(), so both front ends validate identically and quote the bad value.
 */

function requiredInput(source, name) {
    const value = source.get(name);
    if (!value)
        throw new errors/* InputError */.dz(`Input required and not supplied: ${name}`, name);
    return value;
}
function source_optionalInput(source, name) {
    const value = source.get(name);
    return value === '' ? undefined : value;
}
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
function booleanInput(source, name, fallback) {
    const value = source.get(name);
    if (value === '')
        return fallback;
    if (TRUE.includes(value))
        return true;
    if (FALSE.includes(value))
        return false;
    throw new errors/* InputError */.dz(`Input ${name}: expected true or false, got ${JSON.stringify(value)}`, name);
}
function choiceInput(source, name, choices, fallback) {
    const value = source.get(name);
    if (value === '')
        return fallback;
    if (choices.includes(value))
        return value;
    throw new errors/* InputError */.dz(`Input ${name}: expected one of ${choices.join(', ')}, got ${JSON.stringify(value)}`, name);
}
function integerInput(source, name, min, max) {
    const value = source.get(name);
    if (value === '')
        return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
        throw new errors/* InputError */.dz(`Input ${name}: expected a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`, name);
    return n;
}
/** An InputSource over a plain map (CLI flags, tests). */
function mapSource(values) {
    return { get: (name) => (values[name] ?? '').trim() };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./lib/core/validation/value-text.js
var value_text = __webpack_require__(9708);
;// CONCATENATED MODULE: ./lib/core/validation/describe.js
/**
 * Turns schema issues into sentences a person can act on: the file, the line, the dotted
 * field path, what was expected and what was found. One schema library (zod) validates every
 * external input; this is the single place its issues become words.
 */



function valueAt(root, path) {
    let cur = root;
    for (const key of path) {
        if (cur === null || typeof cur !== 'object')
            return undefined;
        cur = cur[key];
    }
    return cur;
}
function expectedName(expected) {
    switch (expected) {
        case 'number':
        case 'int':
            return 'a number';
        case 'string':
            return 'a string';
        case 'boolean':
            return 'true or false';
        case 'object':
            return 'a mapping';
        case 'array':
            return 'a list';
        default:
            return expected;
    }
}
/** The human part of one issue, without location: `expected a number, got "ten thousand"`. */
function describe_describeIssue(issue, root, allowed) {
    const found = valueAt(root, issue.path);
    switch (issue.code) {
        case 'invalid_type':
            if (found === undefined)
                return `is required: expected ${expectedName(issue.expected)}`;
            return `expected ${expectedName(issue.expected)}, got ${(0,value_text/* describeValue */.b)(found)}`;
        case 'invalid_value':
            return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${(0,value_text/* describeValue */.b)(found)}`;
        case 'unrecognized_keys': {
            const names = issue.keys.map((k) => `"${k}"`).join(', ');
            const known = allowed ?? [];
            const guess = issue.keys.length === 1 ? closest(issue.keys[0], known) : undefined;
            if (guess)
                return `unknown field ${names}: did you mean "${guess}"?`;
            return `unknown field${issue.keys.length > 1 ? 's' : ''} ${names}${known.length ? `; expected one of ${known.join(', ')}` : ''}`;
        }
        case 'too_small':
            if (issue.origin === 'array')
                return `expected at least ${String(issue.minimum)} item(s), got ${(0,value_text/* describeValue */.b)(found)}`;
            if (issue.origin === 'string')
                return `must not be empty`;
            return `expected ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}, got ${(0,value_text/* describeValue */.b)(found)}`;
        case 'too_big':
            if (issue.origin === 'array')
                return `expected at most ${String(issue.maximum)} item(s), got ${(0,value_text/* describeValue */.b)(found)}`;
            return `expected ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}, got ${(0,value_text/* describeValue */.b)(found)}`;
        case 'invalid_format':
            return `${issue.message}, got ${(0,value_text/* describeValue */.b)(found)}`;
        case 'invalid_key': {
            const key = issue.path[issue.path.length - 1];
            const inner = issue.issues[0]?.message;
            return `${inner && !inner.startsWith('Invalid') ? inner : 'invalid name'}, got ${JSON.stringify(String(key))}`;
        }
        case 'invalid_union':
            return `${issue.message === 'Invalid input' ? 'does not match any allowed form' : issue.message}, got ${(0,value_text/* describeValue */.b)(found)}`;
        default:
            return `${issue.message}${found !== undefined ? `, got ${(0,value_text/* describeValue */.b)(found)}` : ''}`;
    }
}
/** The known field nearest to a misspelt one (edit distance at most 2), if any. */
function closest(word, candidates) {
    let best;
    let bestDistance = 3;
    for (const c of candidates) {
        const d = editDistance(word.toLowerCase(), c.toLowerCase());
        if (d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    return best;
}
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const next = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = row[j];
            row[j] = next;
        }
    }
    return row[b.length];
}
/** Unwraps optional/default/nullable wrappers and walks object shapes to list the fields at `path`. */
function fieldsAt(schema, path) {
    let cur = schema;
    const unwrap = () => {
        for (let i = 0; i < 10; i++) {
            const def = cur?._zod?.def;
            if (def?.innerType &&
                (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'catch'))
                cur = def.innerType;
            else
                break;
        }
    };
    unwrap();
    for (const key of path) {
        const def = cur?._zod?.def;
        if (def?.type === 'object' && def.shape)
            cur = def.shape[String(key)];
        else if (def?.type === 'array')
            cur = def.element;
        else if (def?.type === 'record')
            cur = def.valueType;
        else
            return [];
        unwrap();
    }
    const def = cur?._zod?.def;
    return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}
/** A parsed YAML or JSON document that can tell the line of any path in it. */
class LocatedDocument {
    text;
    value;
    doc;
    lines = new dist/* LineCounter */.HN();
    constructor(text) {
        this.text = text;
        this.doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
        this.value = this.doc.errors.length === 0 ? this.doc.toJS({ maxAliasCount: 100 }) : undefined;
    }
    get syntaxErrors() {
        return this.doc.errors.map((e) => ({
            line: this.lines.linePos(e.pos[0]).line,
            message: e.message.split('\n')[0] ?? e.message,
        }));
    }
    /** Line of the deepest node on `path` that exists (1-based), or 1. */
    lineOf(path) {
        let node = this.doc.contents;
        let offset = rangeStart(node);
        for (const key of path) {
            if ((0,dist/* isMap */.jh)(node)) {
                const pair = node.items.find((p) => ((0,dist/* isScalar */.jn)(p.key) ? String(p.key.value) : String(p.key)) === String(key));
                if (!pair)
                    break;
                offset = rangeStart(pair.key) ?? offset;
                node = pair.value;
            }
            else if ((0,dist/* isSeq */.oP)(node) && typeof key === 'number') {
                const item = node.items[key];
                if (item === undefined)
                    break;
                offset = rangeStart(item) ?? offset;
                node = item;
            }
            else
                break;
        }
        return offset === undefined ? 1 : this.lines.linePos(offset).line;
    }
}
function rangeStart(node) {
    const range = node?.range;
    return range ? range[0] : undefined;
}

// EXTERNAL MODULE: ./lib/core/validation/json-text.js
var json_text = __webpack_require__(9717);
;// CONCATENATED MODULE: ./lib/core/validation/once.js
/**
 * Parse options for a document validated once per run (the config, a manifest, golden.json,
 * a stacking meta file): without them zod compiles a fast path for each object schema on its
 * first parse (a `new Function`), which costs more than the one parse it speeds up. Schemas
 * parsed per line (trade logs) keep the fast path.
 */
const PARSE_ONCE = { jitless: true };

;// CONCATENATED MODULE: ./lib/core/manifest.js
/**
 * `manifest.json`: written by package, read by healthcheck, deploy and the training gate.
 * Validated at the boundary like every other external file.
 */







const manifest_MANIFEST_SCHEMA = 'modelgate/manifest@1';
const sha256 = schemas/* string */.YjP().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex sha256');
const metricValue = schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP(), schemas/* boolean */.zMY(), schemas/* null */.chJ()]);
const metricTable = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* record */.g1P(schemas/* string */.YjP(), metricValue));
const manifest_manifestSchema = schemas/* object */.Ikc({
    schema: schemas/* literal */.euz(manifest_MANIFEST_SCHEMA),
    id: schemas/* string */.YjP()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a release id of letters, digits, ".", "_" or "-"'),
    name: schemas/* string */.YjP().min(1),
    created: schemas/* string */.YjP().min(1),
    bundle: schemas/* object */.Ikc({
        file: schemas/* string */.YjP().min(1),
        sha256: sha256.optional(),
        size: schemas/* number */.aig().int().nonnegative().optional(),
    })
        .optional(),
    files: schemas/* array */.YOg(schemas/* object */.Ikc({
        path: schemas/* string */.YjP().min(1),
        kind: schemas/* union */.KCZ([schemas/* enum */.k5n(ARTIFACT_KINDS), schemas/* literal */.euz('other')]),
        size: schemas/* number */.aig().int().nonnegative(),
        sha256,
    })),
    metrics: schemas/* object */.Ikc({
        horizons: metricTable.default({}),
        base: metricTable.default({}),
        models: metricTable.default({}),
    })
        .catchall(schemas/* unknown */.L5J())
        .default({ horizons: {}, base: {}, models: {} }),
    health: schemas/* object */.Ikc({
        passed: schemas/* boolean */.zMY(),
        checks: schemas/* array */.YOg(schemas/* object */.Ikc({
            name: schemas/* string */.YjP(),
            status: schemas/* string */.YjP(),
            ms: schemas/* number */.aig().optional(),
            message: schemas/* string */.YjP().optional(),
        })),
    })
        .optional(),
    source: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).optional(),
})
    .catchall(schemas/* unknown */.L5J());
/** Parses manifest text; errors name the file, line and field. */
function parseManifest(text, file) {
    let parsed;
    try {
        parsed = (0,json_text/* parseJsonText */.lk)(text, file);
    }
    catch (error) {
        const where = error instanceof errors/* ModelgateError */.HJ ? error : undefined;
        throw new errors/* ModelgateError */.HJ(`${error.message}; regenerate it with modelgate package`, 'input', {
            file,
            line: where?.line,
            column: where?.column,
        });
    }
    const bare = parsed.nonStandard[0];
    if (bare) {
        throw new errors/* ModelgateError */.HJ(`${file}:${bare.line} ${bare.token} is not JSON; a manifest holds only finite numbers`, 'input', {
            file,
            line: bare.line,
        });
    }
    const value = parsed.value;
    const result = manifest_manifestSchema.safeParse(value, PARSE_ONCE);
    if (result.success)
        return result.data;
    const issue = result.error.issues[0];
    const line = new LocatedDocument(text).lineOf(issue.path);
    throw new errors/* ConfigError */.xL(`${file}:${line} ${(0,value_text/* dottedPath */.w)(issue.path)}: ${describe_describeIssue(issue, value)}`, {
        file,
        line,
    });
}
async function loadManifest(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        throw new errors/* ModelgateError */.HJ(`${file}: cannot read manifest: ${error.code ?? error.message}`, 'input', { file });
    }
    return parseManifest(text, file);
}

;// CONCATENATED MODULE: ./lib/core/package/timestamp.js
/**
 * The release timestamp `YYYYMMDD_HHMMSS` (UTC): part of the release id and the tarball's
 * name, and the mtime of every entry in it, so that packaging is reproducible.
 */

const PATTERN = /^(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})$/;
/** Parses and checks a timestamp; errors name the input and quote the value. */
function timestamp_parseReleaseTimestamp(value, input = 'timestamp') {
    const m = PATTERN.exec(value);
    const hint = `expected YYYYMMDD_HHMMSS in UTC, e.g. 20260220_145749`;
    if (!m)
        throw new InputError(`input ${input}: "${value}" is not a release timestamp; ${hint}`, input);
    const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
    const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
    const real = date.getUTCFullYear() === year &&
        date.getUTCMonth() === month - 1 &&
        date.getUTCDate() === day &&
        date.getUTCHours() === hour &&
        date.getUTCMinutes() === minute &&
        date.getUTCSeconds() === second;
    if (!real || year < 1970)
        throw new InputError(`input ${input}: "${value}" is not a real date and time; ${hint}`, input);
    return date;
}
function timestamp_formatReleaseTimestamp(date) {
    const p = (n, w = 2) => String(n).padStart(w, '0');
    return (`${p(date.getUTCFullYear(), 4)}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}_` +
        `${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}`);
}
/** `2026-02-20T14:57:49Z`: the manifest's `created`. */
function timestamp_isoSeconds(date) {
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



const manifest_build_MANIFEST_ENTRY = 'manifest.json';
function manifest_build_releaseId(name, timestamp) {
    return `${name}_${timestamp}`;
}
function manifest_build_tarballName(id) {
    return `${id}.tar.gz`;
}
/** Where package writes the manifest for `tarball`, and where deploy looks for it first. */
function manifest_build_manifestPathFor(tarball) {
    return besideTarball(tarball, '.manifest.json');
}
/** Where package writes the release notes for `tarball`. */
function manifest_build_notesPathFor(tarball) {
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
    const id = manifest_build_releaseId(input.name, input.timestamp);
    const files = input.files.map((f) => ({
        path: f.path,
        kind: kindOf(f.path, input.config),
        size: f.size,
        sha256: f.sha256,
    }));
    const source = sourceFromEnv(input.env, outside !== undefined);
    const manifest = {
        schema: MANIFEST_SCHEMA,
        id,
        name: input.name,
        created: isoSeconds(input.created),
        bundle: { file: manifest_build_tarballName(id), ...(outside ?? {}) },
        files,
        metrics: input.metrics,
        ...(input.health ? { health: healthSummary(input.health, outside !== undefined) } : {}),
        ...(source ? { source } : {}),
    };
    // A manifest package writes must be one everything after it accepts.
    return manifestSchema.parse(manifest);
}
/** The manifest stored inside the tarball: reproducible from the bundle and the inputs. */
function manifest_build_buildInnerManifest(input) {
    return build(input, undefined);
}
/** The manifest written beside the tarball: the inner one plus the tarball's checksum and this run's facts. */
function manifest_build_buildOuterManifest(input, bundle) {
    return build(input, bundle);
}
function manifest_build_serializeManifest(manifest) {
    return `${JSON.stringify(manifest, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./lib/core/package/metrics.js
/**
 * The metrics a release carries into its manifest, from the bundle's own metadata:
 * `metrics.json` written by the training job (`{ horizons, base, models, ...top-level }`),
 * and the stacking meta JSON (`metrics` for its horizon, `base_metrics` per base model).
 * metrics.json wins where both give the same number: it is the training job's summary.
 */






const METRICS_FILE = 'metrics.json';
const metrics_metricValue = schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP(), schemas/* boolean */.zMY(), schemas/* null */.chJ()]);
const metrics_metricTable = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* record */.g1P(schemas/* string */.YjP(), metrics_metricValue));
const metricsFileSchema = schemas/* object */.Ikc({ horizons: metrics_metricTable.optional(), base: metrics_metricTable.optional(), models: metrics_metricTable.optional() })
    .catchall(schemas/* unknown */.L5J());
/**
 * The healthcheck's reader, for errors with the line and column. A bare NaN or Infinity
 * (Python's json.dump) is refused: the manifest is strict JSON and could not carry it.
 */
async function readJson(bundleDir, file) {
    const absolute = path.join(bundleDir, file);
    const again = 'the training job must write it again';
    let parsed;
    try {
        parsed = parseJsonText(await readFile(absolute, 'utf8'), absolute);
    }
    catch (error) {
        const where = error instanceof ModelgateError ? error : undefined;
        throw new ModelgateError(`${where?.message ?? `${absolute}: cannot read (${error.message})`}; ${again}`, 'input', { file: absolute, line: where?.line, column: where?.column }, { cause: error });
    }
    const bare = parsed.nonStandard[0];
    if (bare)
        throw new ModelgateError(`${absolute}:${bare.line} not valid JSON: a bare ${bare.token}, which the manifest cannot carry; ${again} with json.dump(..., allow_nan=False) after replacing non-finite values`, 'input', { file: absolute, line: bare.line });
    return parsed.value;
}
/** Only plain metric values; nested objects (curves, confusion matrices) stay out of the manifest. */
function metricValues(value) {
    const out = {};
    if (!value || typeof value !== 'object' || Array.isArray(value))
        return out;
    for (const [key, v] of Object.entries(value)) {
        const parsed = metrics_metricValue.safeParse(v);
        if (parsed.success)
            out[key] = parsed.data;
    }
    return out;
}
/** The horizon a stacking meta JSON is about: its `horizon` field, else its name (`stacking_meta_1h.json`). */
function metaHorizon(meta, file) {
    if (typeof meta.horizon === 'string' && meta.horizon)
        return meta.horizon;
    return /_(\d+[a-z]+)\.json$/i.exec(path.basename(file))?.[1];
}
function merge(into, from) {
    for (const [subject, values] of Object.entries(from))
        into[subject] = { ...(into[subject] ?? {}), ...values };
}
async function metrics_gatherMetrics(bundleDir, files, config) {
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
            throw new ModelgateError(`${METRICS_FILE}: ${dottedPath(issue.path)}: ${describeIssue(issue, raw)}; the training job must write { "horizons": { "1h": { "oof_auc": 0.58 } }, "base": {...}, "models": {...} } with numbers as values`, 'input', { file: path.join(bundleDir, METRICS_FILE) });
        }
        const { horizons, base, models, ...rest } = parsed.data;
        merge(metrics.horizons, horizons ?? {});
        merge(metrics.base, base ?? {});
        merge(metrics.models, models ?? {});
        for (const [key, value] of Object.entries(rest)) {
            const v = metrics_metricValue.safeParse(value);
            if (v.success)
                metrics[key] = v.data;
        }
        sources.push(METRICS_FILE);
    }
    return { metrics, sources };
}

;// CONCATENATED MODULE: ./lib/core/gate/render.js
/** Hidden in the comment body; finds the gate's comment again on the next run. */
const COMMENT_MARKER = '<!-- modelgate:gate -->';
/** GitHub rejects issue comments longer than this. */
const COMMENT_LIMIT = 65_536;
const VERDICT_ICON = { pass: '✅', fail: '❌', inconclusive: '⏳' };
const STATUS_ICON = {
    pass: '✅ pass',
    warn: '⚠️ warn',
    fail: '❌ fail',
    skip: '⏸️ not judged',
};
/** A number for a table: integers as they are, others to 4 decimals, tiny ones to 3 significant digits. */
function render_formatValue(value) {
    if (value === null || value === undefined)
        return '—';
    if (!Number.isFinite(value))
        return String(value);
    if (Number.isInteger(value))
        return String(value);
    if (value !== 0 && Math.abs(value) < 0.001)
        return value.toPrecision(3);
    return String(Number(value.toFixed(4)));
}
function signed(value) {
    if (value === null || value === undefined)
        return '—';
    return value > 0 ? `+${render_formatValue(value)}` : render_formatValue(value);
}
/** Text safe inside a table cell: no line breaks, no column separators. */
function render_cell(text) {
    return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}
function rulesTable(rows) {
    if (rows.length === 0)
        return ['_No rules configured._'];
    const withChange = rows.some((r) => r.baseline !== undefined);
    const head = withChange
        ? '| rule | value | threshold | status | change |'
        : '| rule | value | threshold | status |';
    const sep = withChange ? '|---|---:|---|---|---:|' : '|---|---:|---|---|';
    const lines = [head, sep];
    for (const r of rows) {
        const cells = [render_cell(r.rule), render_formatValue(r.value), render_cell(r.threshold), STATUS_ICON[r.status]];
        if (withChange) {
            cells.push(r.change === undefined || r.change === null
                ? '—'
                : `${signed(r.change)} (from ${render_formatValue(r.baseline)})`);
        }
        lines.push(`| ${cells.join(' | ')} |`);
    }
    return lines;
}
function bulletList(items) {
    return items.map((w) => `- ${w.replace(/\r?\n/g, ' ')}`);
}
function trainingRuleName(r) {
    switch (r.scope) {
        case 'horizon':
            return `${r.subject} ${r.metric}`;
        case 'base':
            return `base ${r.subject} ${r.metric}`;
        case 'global':
            return r.metric;
        case 'builtin':
            return `${r.subject} ${r.metric} (built-in)`;
    }
}
function renderTrainingMarkdown(result, options = {}) {
    const verdict = result.verdict;
    const out = [`## ${VERDICT_ICON[verdict]} modelgate training gate: ${verdict}`, ''];
    if (options.manifest) {
        out.push(`**Release:** \`${options.manifest}\`` +
            (options.baseline ? ` · **baseline:** \`${options.baseline}\`` : ''), '');
    }
    const all = Object.keys(result.horizons);
    const disabled = all.filter((h) => !result.enabledHorizons.includes(h));
    out.push(`**Enabled horizons:** ${result.enabledHorizons.length ? result.enabledHorizons.map((h) => `\`${h}\``).join(', ') : 'none'}` +
        (disabled.length ? ` · disabled: ${disabled.map((h) => `\`${h}\``).join(', ')}` : ''));
    const failures = result.rules.filter((r) => r.status === 'fail');
    if (result.enabledHorizons.length === 0)
        out.push('', 'No horizon passed its rules.');
    out.push('', '### Rules', '');
    out.push(...rulesTable(result.rules.map((r) => ({
        rule: trainingRuleName(r),
        value: r.value,
        threshold: r.threshold,
        status: r.status,
        ...(r.baseline !== undefined ? { baseline: r.baseline, change: r.change ?? null } : {}),
    }))));
    if (all.length) {
        out.push('', '### Horizons', '', '| horizon | enabled | why not |', '|---|---|---|');
        for (const h of all) {
            const info = result.horizons[h];
            out.push(`| ${render_cell(h)} | ${info?.passed ? '✅ yes' : '❌ no'} | ${render_cell(info?.failures.join('; ') ?? '')} |`);
        }
    }
    if (failures.length)
        out.push('', '### Failures', '', ...bulletList(failures.map((r) => r.message)));
    if (result.warnings.length)
        out.push('', '### Warnings', '', ...bulletList(result.warnings));
    return out.join('\n') + '\n';
}
/** A Mermaid bar chart of a histogram; GitHub renders ```mermaid blocks. */
function mermaidHistogram(edges, counts, title) {
    const labels = counts.map((_, i) => `"${(edges[i] ?? 0).toFixed(2)}"`);
    const max = Math.max(1, ...counts);
    return [
        '```mermaid',
        'xychart-beta',
        `    title "${title.replace(/"/g, "'")}"`,
        `    x-axis "bull_prob (bin start)" [${labels.join(', ')}]`,
        `    y-axis "bars" 0 --> ${max}`,
        `    bar [${counts.join(', ')}]`,
        '```',
    ];
}
function percent(value) {
    return value === null ? '—' : `${(value * 100).toFixed(2)}%`;
}
function renderShadowMarkdown(result) {
    const m = result.metrics;
    const out = [
        `## ${VERDICT_ICON[result.verdict]} modelgate shadow gate: ${result.verdict}`,
        '',
        result.summary.replace(/\r?\n/g, ' '),
        '',
    ];
    const window = result.window.since
        ? `${result.window.since} → ${result.window.now}`
        : `everything up to ${result.window.now}`;
    out.push(`**Window:** ${window} · **bars:** ${m.records} (min_records ${result.window.min_records}) · ` +
        `**hours covered:** ${render_formatValue(m.hours_covered)}` +
        (result.window.for_promotion
            ? ` (promote_after ${render_formatValue(result.window.promote_after_hours)} h)`
            : '') +
        ` · **ML coverage:** ${percent(m.ml_coverage)} · **files:** ${m.files.length} · **lines:** ${m.lines}` +
        ` · **corrupt lines:** ${m.corrupt_lines} · **missing fields:** ${m.missing_fields}` +
        (m.outside_window ? ` · **outside window:** ${m.outside_window}` : ''));
    out.push('', '### Rules', '');
    out.push(...rulesTable(result.rules.map((r) => ({
        rule: r.scope === 'builtin' ? `${r.metric} (${r.subject}, built-in)` : r.metric,
        value: r.value,
        threshold: r.threshold,
        status: r.status,
    }))));
    const failures = result.rules.filter((r) => r.status === 'fail');
    if (failures.length)
        out.push('', '### Failures', '', ...bulletList(failures.map((r) => r.message)));
    if (result.warnings.length)
        out.push('', '### Warnings', '', ...bulletList(result.warnings));
    const p = m.bull_prob;
    out.push('', '### Predictions (bull_prob)', '');
    if (!p)
        out.push('_No bar in the window carried a bull_prob._');
    else {
        out.push(`mean ${render_formatValue(p.mean)} · std ${render_formatValue(p.std)} · p05 ${render_formatValue(p.p05)} · p50 ${render_formatValue(p.p50)} · ` +
            `p95 ${render_formatValue(p.p95)} · min ${render_formatValue(p.min)} · max ${render_formatValue(p.max)} · ` +
            `in [${m.bull_prob_range[0]}, ${m.bull_prob_range[1]}]: ${percent(m.bull_prob_in_range)}`, '', ...mermaidHistogram(p.histogram.edges, p.histogram.counts, `bull_prob, ${p.count} predictions`));
    }
    if (m.problems.length) {
        out.push('', '### Bad lines (first ' + m.problems.length + ')', '', '| file | line | kind | reason |', '|---|---:|---|---|');
        for (const x of m.problems)
            out.push(`| ${render_cell(x.file)} | ${x.line} | ${x.kind} | ${render_cell(x.reason)} |`);
    }
    if (m.files.length) {
        out.push('', '### Files', '', '| file | lines | bars | corrupt | missing fields | outside window |', '|---|---:|---:|---:|---:|---:|');
        for (const f of m.files)
            out.push(`| ${render_cell(f.path)} | ${f.lines} | ${f.records} | ${f.corrupt} | ${f.invalid} | ${f.outside_window} |`);
    }
    return out.join('\n') + '\n';
}
function renderGateMarkdown(input, options = {}) {
    return input.mode === 'training'
        ? renderTrainingMarkdown(input.result, options)
        : renderShadowMarkdown(input.result);
}
/** Failing rules as error annotations, warn-rules as warnings (the action entry emits them). */
function gateProblems(input, file) {
    const rules = input.result.rules;
    const problems = [];
    for (const r of rules) {
        if (r.status !== 'fail' && r.status !== 'warn')
            continue;
        problems.push({
            severity: r.status === 'fail' ? 'error' : 'warning',
            message: r.message,
            ...(file ? { file } : {}),
        });
    }
    if (input.mode === 'shadow' && input.result.verdict === 'inconclusive') {
        problems.push({ severity: 'warning', message: input.result.summary, ...(file ? { file } : {}) });
    }
    return problems;
}
function isFence(line) {
    return line.trimStart().startsWith('```');
}
function sectionsOf(markdown) {
    const sections = [{ lines: [], dropped: 0 }];
    let inFence = false;
    for (const line of markdown.split('\n')) {
        if (isFence(line))
            inFence = !inFence;
        if (!inFence && /^#{2,3} /.test(line) && sections.at(-1).lines.length > 0)
            sections.push({ lines: [], dropped: 0 });
        sections.at(-1).lines.push(line);
    }
    return sections;
}
/**
 * Fits `markdown` into `limit` characters (UTF-16 code units, never fewer than GitHub's
 * count): while too long, the longest section loses lines from its end, never leaving a code
 * block open, and says where the rest is. A section keeps at least its first line; a first
 * line too long on its own is shortened.
 */
function fitMarkdown(markdown, limit, pointer) {
    if (markdown.length <= limit)
        return markdown;
    const sections = sectionsOf(markdown);
    const text = (s) => s.lines.join('\n') + (s.dropped ? `\n\n${pointer(s.dropped)}\n` : '');
    const total = () => sections.reduce((n, s) => n + text(s).length, 0) + sections.length - 1;
    for (let round = 0; round < sections.length * 2 + 4; round++) {
        const excess = total() - limit;
        if (excess <= 0)
            break;
        const longest = sections.reduce((a, b) => (text(b).length > text(a).length ? b : a));
        const target = text(longest).length - excess;
        // Drop whole lines until the section (with its pointer) fits its share.
        const pointerLength = `\n\n${pointer(longest.dropped + longest.lines.length)}\n`.length;
        let keep = longest.lines.length;
        let length = longest.lines.join('\n').length;
        while (keep > 1 && length + pointerLength > target) {
            keep--;
            length -= longest.lines[keep].length + 1;
        }
        // Never end inside a code block: cut before an unclosed fence.
        let open = -1;
        for (let i = 0; i < keep; i++)
            if (isFence(longest.lines[i]))
                open = open === -1 ? i : -1;
        if (open > 0)
            keep = open;
        if (keep < longest.lines.length) {
            longest.dropped += longest.lines.length - keep;
            longest.lines = longest.lines.slice(0, keep);
            continue;
        }
        // One line left and still too long: shorten the line itself.
        const first = longest.lines[0] ?? '';
        let end = Math.max(0, first.length - excess - 1);
        if (end > 0 && /[\uDC00-\uDFFF]/.test(first[end] ?? ''))
            end--;
        longest.lines = [`${first.slice(0, end)}…`];
    }
    const fitted = sections.map(text).join('\n');
    return fitted.length <= limit ? fitted : fitted.slice(0, limit);
}
/**
 * The pull-request comment: the marker, then `markdown`, cut to the limit with a pointer to
 * the job summary (`summaryUrl`, the run's page, when known).
 */
function renderComment(markdown, summaryUrl, options = {}) {
    const marker = options.marker ?? COMMENT_MARKER;
    const limit = options.limit ?? COMMENT_LIMIT;
    const where = summaryUrl ? `the [job summary](${summaryUrl})` : "this run's job summary";
    const pointer = (n) => `_… ${n} more line(s) cut to fit a GitHub comment; the full report is in ${where}._`;
    return `${marker}\n${fitMarkdown(markdown, limit - marker.length - 1, pointer)}`;
}

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
    return cell(String(value));
}
function roleOf(file) {
    const name = path.basename(file.path).toLowerCase();
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
                lines.push(`- ${f.path} (${formatSize(f.size)}) - ${w.kinds[f.kind] ?? f.kind}`);
            lines.push('');
        }
    };
    section(w.coreModels, ['lstm', 'stacking'], true);
    section(w.otherModels, ['tft', 'regime', 'lightgbm', 'xgboost', 'models'], true);
    section(w.metadata, ['metadata', 'other'], false);
    return lines;
}
const PREFERRED_COLUMNS = (/* unused pure expression or super */ null && (['oof_auc', 'oof_std', 'test_auc', 'val_auc', 'n_oof', 'target_auc']));
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
            cell(subject),
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
        lines.push(`| ${cell(check.name)} | ${mark} ${check.status} | ${ms} | ${cell(check.message ?? '')} |`);
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
function checklists(manifest, config, gate, health, w) {
    const d = config.deploy;
    const file = manifest.bundle?.file ?? `${manifest.id}.tar.gz`;
    const sha = manifest.bundle?.sha256 ?? '<sha256>';
    const healthPassed = (health?.passed ?? manifest.health?.passed) === true;
    const box = (done, text) => `- [${done ? 'x' : ' '}] ${text}`;
    const shadow = config.gate.shadow;
    const rules = shadow?.rules ?? DEFAULT_SHADOW_RULES;
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
            ...[...warnRules, ...other].map((r) => `   - ${cell(r.message)}`),
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
function notes_renderReleaseNotes(input, language = 'en') {
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
function portable_names_checkPortableNames(paths, root) {
    const seen = new Map();
    for (const path of paths) {
        const reason = nonPortableReason(path);
        if (reason)
            throw new ModelgateError(`${root}/${path}: name is not portable: ${reason}; rename the file in the bundle`, 'input', {
                file: `${root}/${path}`,
            });
        const parts = path.split('/');
        // A file and every directory above it: "Models/a" and "models/b" clash on the directory.
        for (let i = 1; i <= parts.length; i++) {
            const prefix = parts.slice(0, i).join('/');
            const key = prefix.toLowerCase();
            const other = seen.get(key);
            if (other !== undefined && other !== prefix)
                throw new ModelgateError(`${root}/${path}: "${prefix}" and "${other}" differ only in case, and one overwrites the other on case-insensitive file systems; rename one of them`, 'input', { file: `${root}/${path}` });
            seen.set(key, prefix);
        }
    }
}

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
function crc32_crc32(data, crc = 0) {
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
function crc32_crc32Combine(crcA, crcB, lengthB) {
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
const USTAR_MAX_SIZE = (/* unused pure expression or super */ null && (8 ** 11 - 1));
const DEFLATE_BLOCK = (/* unused pure expression or super */ null && (1 << 20));
const WINDOW = (/* unused pure expression or super */ null && (32 * 1024));
const STORED_MAX = 65535;
const SAMPLE_SLICE = (/* unused pure expression or super */ null && (8 * 1024));
/** Files at least this large get blocks of their own, so that each block is one kind of data. */
const OWN_BLOCKS = (/* unused pure expression or super */ null && (256 * 1024));
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
    throw new ModelgateError(`${name}: path too long for a portable tar archive (at most 100 characters per name, 255 in all); shorten it in the bundle`, 'input', { file: name });
}
/** One ustar header: fixed owner, modes and no extended fields, so the bytes depend only on name, size and mtime. */
function ustarHeader(path, size, mtime, type) {
    if (size > USTAR_MAX_SIZE)
        throw new ModelgateError(`${path}: ${size} bytes is more than a ustar archive holds (8 GiB); split the file`, 'input', {
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
        zlib.deflateRaw(data, options, (error, out) => (error ? reject(error) : resolve(out)));
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
    const huffman = await deflateRaw(sample, { level: 6, strategy: zlib.constants.Z_HUFFMAN_ONLY });
    return fast.length < huffman.length * LZ_WORTH;
}
async function compressBlock(data, dictionary, last) {
    const finishFlush = last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH;
    if (await worthMatching(data))
        return deflateRaw(data, { level: 6, finishFlush, ...(dictionary ? { dictionary } : {}) });
    return deflateRaw(data, { level: 6, strategy: zlib.constants.Z_HUFFMAN_ONLY, finishFlush });
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
    return new ModelgateError(`${entry.path}: changed while it was being packaged (${how}); package again once nothing is writing to the bundle`, 'input', { file: entry.absolute });
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
        handle = await open(entry.absolute, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0));
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            throw changed(entry, 'it was removed');
        if (code === 'ELOOP')
            throw changed(entry, 'it became a symbolic link');
        throw new ModelgateError(`${entry.path}: cannot read (${code ?? error.message})`, 'input', {
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
    const hash = createHash('sha256');
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
    const cores = os.availableParallelism?.() ?? os.cpus().length;
    const pool = Number(process.env.UV_THREADPOOL_SIZE) || 4;
    return Math.min(cores + 1, pool - 1);
}
/**
 * Writes the archive to `options.file`. On error the file is left as it is (the caller owns
 * the temporary name and removes it).
 */
async function tarball_writeTarball(options) {
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
    const out = await open(options.file, 'w+', 0o644);
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
                const hash = createHash('sha256');
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
function package_isInside(child, parent) {
    const rel = path.relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
async function removeQuietly(files) {
    await Promise.all(files.map((f) => rm(f, { force: true }).catch(() => undefined)));
}
async function packageRelease(options) {
    const progress = async (message) => {
        await options.onProgress?.(message);
    };
    const { config, configFile } = options;
    const name = options.name ?? config.release.name;
    if (!NAME.test(name))
        throw new InputError(`input name: "${name}" is not a release name; use letters, digits, ".", "_" or "-"`, 'name');
    const timestamp = options.timestamp ?? formatReleaseTimestamp(new Date());
    const created = parseReleaseTimestamp(timestamp);
    const id = releaseId(name, timestamp);
    const bundleDir = path.resolve(options.bundleDir);
    const outputDir = path.resolve(options.outputDir);
    if (package_isInside(outputDir, bundleDir))
        throw new InputError(`input output-dir: ${options.outputDir} is inside the bundle ${options.bundleDir}; write the release elsewhere, or it would end up in the next one`, 'output-dir');
    const listing = await listBundle(bundleDir);
    const shown = options.bundleDir.replace(/\/+$/, '') || '.';
    const special = listing.special[0];
    if (special)
        throw new ModelgateError(`${shown}/${special.path}: is a ${special.type}; a release holds regular files only (a link can point outside the bundle): replace it with the file itself`, 'input', { file: path.join(bundleDir, special.path) });
    if (listing.files.length === 0)
        throw new ModelgateError(`${shown}: the bundle is empty; point the bundle input at the training job's output directory`, 'input', {
            file: bundleDir,
        });
    checkPortableNames(listing.files.map((f) => f.path), shown);
    if (listing.files.some((f) => f.path === MANIFEST_ENTRY))
        throw new ModelgateError(`${shown}/${MANIFEST_ENTRY}: the bundle already holds a manifest; package writes its own, so remove it (or package the original bundle, not an extracted release)`, 'input', { file: path.join(bundleDir, MANIFEST_ENTRY) });
    const present = new Set(listing.files.map((f) => f.path));
    const missing = config.release.artifacts.filter((a) => !present.has(a.path)).map((a) => a.path);
    if (missing.length > 0)
        throw new ModelgateError(`${shown}: missing ${missing.join(', ')}, listed in release.artifacts of ${configFile}; add ${missing.length > 1 ? 'them' : 'it'} to the bundle or remove ${missing.length > 1 ? 'them' : 'it'} from the config`, 'input', { file: configFile });
    let health;
    if (typeof options.health === 'function') {
        await progress('running the health check');
        health = await options.health();
    }
    else
        health = options.health;
    if (health && !(health.passed && reportPassed(health.checks))) {
        const failed = health.checks.filter((c) => c.status === 'fail');
        const detail = failed.map((c) => `${c.name}: ${c.message}`).join('; ');
        throw new ModelgateError(`${shown}: the health check failed (${failed.map((c) => c.name).join(', ') || 'passed is false'})${detail ? ` - ${detail}` : ''}; fix the bundle and package again`, 'check', { file: bundleDir });
    }
    const { metrics } = await gatherMetrics(bundleDir, listing.files.map((f) => f.path), config);
    const gate = evaluateTrainingGate(metrics, config.gate.training);
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
        await mkdir(outputDir, { recursive: true });
    }
    catch (error) {
        throw new InputError(`input output-dir: cannot create ${options.outputDir} (${error.code ?? error.message})`, 'output-dir');
    }
    const tarball = path.join(outputDir, tarballName(id));
    const manifestPath = manifestPathFor(tarball);
    const notesPath = notesPathFor(tarball);
    const suffix = `.tmp-${process.pid}`;
    const temporary = [tarball, manifestPath, notesPath].map((f) => f + suffix);
    const totalSize = listing.files.reduce((n, f) => n + f.size, 0);
    await progress(`packaging ${listing.files.length} files (${formatSize(totalSize)}) from ${shown} as ${id}`);
    try {
        let written;
        try {
            written = await writeTarball({
                file: temporary[0],
                mtime: Math.floor(created.getTime() / 1000),
                first: { path: MANIFEST_ENTRY, size: innerSize },
                firstContent: (sha256) => Buffer.from(serializeManifest(buildInnerManifest(input(sha256)))),
                files: listing.files,
                onFile: (file) => progress(`adding ${file.path} (${formatSize(file.size)})`),
            });
        }
        catch (error) {
            const code = error.code;
            if (!(error instanceof ModelgateError) &&
                (code === 'EACCES' || code === 'EROFS' || code === 'ENOSPC' || code === 'EPERM'))
                throw new InputError(`input output-dir: cannot write ${temporary[0]} (${code})`, 'output-dir');
            throw error;
        }
        const manifest = buildOuterManifest(input(written.files), { sha256: written.sha256, size: written.size });
        const notes = renderReleaseNotes({ manifest, config, gate, health }, options.language ?? 'en');
        await writeFile(temporary[1], serializeManifest(manifest));
        await writeFile(temporary[2], notes);
        await rename(temporary[1], manifestPath);
        await rename(temporary[2], notesPath);
        await rename(temporary[0], tarball);
        await progress(`wrote ${tarball} (${formatSize(written.size)}, sha256 ${written.sha256})`);
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

;// CONCATENATED MODULE: ./lib/core/config/load.js
/**
 * Loads `modelgate.yml`: YAML syntax errors, schema errors and cross-field errors all become
 * one ConfigError naming the file, line and field, e.g.
 * `modelgate.yml:14 gate.training.horizons.1h.n_oof.min: expected a number, got "ten thousand"`.
 */






async function loadConfig(file, cwd = process.cwd()) {
    const absolute = external_node_path_.resolve(cwd, file);
    let text;
    try {
        text = await (0,promises_.readFile)(absolute, 'utf8');
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            throw new errors/* ConfigError */.xL(`${file}: config file not found (looked in ${absolute}); create it (see samples/modelgate.yml) or set the config input`, { file });
        if (code === 'EISDIR')
            throw new errors/* ConfigError */.xL(`${file}: is a directory, expected the modelgate.yml file`, { file });
        throw new errors/* ConfigError */.xL(`${file}: cannot read config file: ${error.message}`, { file });
    }
    return parseConfig(text, file, absolute);
}
function parseConfig(text, file, absolute = file) {
    const doc = new LocatedDocument(text);
    const syntax = doc.syntaxErrors[0];
    if (syntax)
        throw new errors/* ConfigError */.xL(`${file}:${syntax.line} YAML syntax error: ${syntax.message}`, {
            file,
            line: syntax.line,
        });
    if (doc.value === null ||
        doc.value === undefined ||
        typeof doc.value !== 'object' ||
        Array.isArray(doc.value)) {
        throw new errors/* ConfigError */.xL(`${file}:1 (top level): expected a mapping with release, gate, deploy and rollback sections`, {
            file,
            line: 1,
        });
    }
    const parsed = configSchema.safeParse(doc.value, PARSE_ONCE);
    if (!parsed.success) {
        const issue = firstIssue(parsed.error.issues);
        const where = issue.code === 'unrecognized_keys' && issue.keys[0] ? [...issue.path, issue.keys[0]] : issue.path;
        const line = doc.lineOf(where);
        throw new errors/* ConfigError */.xL(`${file}:${line} ${(0,value_text/* dottedPath */.w)(where)}: ${describe_describeIssue(issue, doc.value, fieldsAt(configSchema, issue.path))}`, {
            file,
            line,
        });
    }
    const config = parsed.data;
    crossCheck(config, file, (p) => doc.lineOf(p));
    return { config, file, absolute, lineOf: (p) => doc.lineOf(p) };
}
/** Report the issue nearest the top of the file first, so fixing errors goes top-down. */
function firstIssue(issues) {
    // A misspelt field also makes its correct name "missing": the spelling is the real cause.
    return issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
}
function crossCheck(config, file, lineOf) {
    const fail = (p, message) => {
        const line = lineOf(p);
        throw new errors/* ConfigError */.xL(`${file}:${line} ${(0,value_text/* dottedPath */.w)(p)}: ${message}`, { file, line });
    };
    const artifacts = config.release.artifacts;
    const seen = new Map();
    artifacts.forEach((a, i) => {
        if (seen.has(a.path))
            fail(['release', 'artifacts', i, 'path'], `"${a.path}" is listed twice (also at release.artifacts[${seen.get(a.path)}])`);
        seen.set(a.path, i);
    });
    const stacking = config.release.stacking;
    if (stacking) {
        const listed = (p) => seen.has(p);
        if (!listed(stacking.meta))
            fail(['release', 'stacking', 'meta'], `"${stacking.meta}" is not in release.artifacts; add it there with kind json`);
        if (!listed(stacking.learner))
            fail(['release', 'stacking', 'learner'], `"${stacking.learner}" is not in release.artifacts; add it there with kind pickle`);
        stacking.base.forEach((b, i) => {
            if (!listed(b))
                fail(['release', 'stacking', 'base', i], `"${b}" is not in release.artifacts; add it there or remove it from the base list`);
        });
    }
    for (const [name, rules] of Object.entries(config.gate.training.horizons)) {
        for (const [metric, rule] of Object.entries(rules)) {
            if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max)
                fail(['gate', 'training', 'horizons', name, metric], `min (${rule.min}) is greater than max (${rule.max})`);
        }
    }
    for (const [name, rule] of Object.entries(config.gate.shadow?.rules ?? {})) {
        if (rule.range && rule.range[0] > rule.range[1])
            fail(['gate', 'shadow', 'rules', name, 'range'], `range [${rule.range[0]}, ${rule.range[1]}] has its low end above its high end`);
    }
}

;// CONCATENATED MODULE: ./lib/commands/common.js
/** What every command does the same way: paths, config, reports, and opening the target. */






function resolveIn(ctx, p) {
    return external_node_path_.resolve(ctx.workspace, p);
}
async function loadConfigInput(ctx) {
    const file = ctx.inputs.get('config') || 'modelgate.yml';
    return loadConfig(file, ctx.workspace);
}
/** Writes JSON through a temporary file and a rename, so readers never see half a file. */
async function writeJsonFile(file, value) {
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.tmp-${process.pid}`;
    await writeFile(tmp, `${JSON.stringify(value, null, 2)}\n`);
    await rename(tmp, file);
}
function reportPathInput(ctx, fallbackName) {
    const given = optionalInput(ctx.inputs, 'report');
    return given ? resolveIn(ctx, given) : path.join(ctx.tempDir, fallbackName);
}
/** The deploy section with the action inputs laid over it (inputs win). */
function deploySettings(ctx, loaded) {
    const base = loaded.config.deploy;
    const pathInput = source_optionalInput(ctx.inputs, 'path');
    if (!base) {
        throw new errors/* ConfigError */.xL(`${loaded.file}: has no deploy section; add one with at least path, restart and is_active (see samples/modelgate.yml)`, { file: loaded.file, line: 1 });
    }
    const target = choiceInput(ctx.inputs, 'target', ['ssh', 'local']) ?? base.target;
    const port = integerInput(ctx.inputs, 'port', 1, 65535) ?? base.port;
    const host = source_optionalInput(ctx.inputs, 'host') ?? base.host;
    const user = source_optionalInput(ctx.inputs, 'username') ?? base.user;
    const dir = pathInput ?? base.path;
    if (!dir.startsWith('/')) {
        throw new errors/* InputError */.dz(`deploy path ${JSON.stringify(dir)} must be absolute on the target (from ${pathInput ? 'the path input' : `${loaded.file} deploy.path`})`, 'path');
    }
    return {
        ...base,
        target,
        port,
        host,
        user,
        path: target === 'local' ? external_node_path_.resolve(ctx.workspace, dir) : dir,
    };
}
/** Opens the local or SSH transport the settings name; secrets are masked first. */
async function openTarget(ctx, loaded) {
    const deploy = deploySettings(ctx, loaded);
    const commandTimeoutMs = durationSeconds(deploy.command_timeout) * 1000;
    if (deploy.target === 'local') {
        const { createLocalTransport } = await __webpack_require__.e(/* import() */ 245).then(__webpack_require__.bind(__webpack_require__, 5626));
        return { transport: createLocalTransport({ commandTimeoutMs }), deploy };
    }
    const privateKey = ctx.inputs.get('private-key');
    const passphrase = ctx.inputs.get('passphrase');
    ctx.secret(privateKey);
    ctx.secret(passphrase);
    if (!deploy.host)
        throw new errors/* InputError */.dz('Input required and not supplied: host (target ssh; or set deploy.host in the config)', 'host');
    if (!privateKey)
        throw new errors/* InputError */.dz('Input required and not supplied: private-key (target ssh; pass it from secrets)', 'private-key');
    const knownHosts = ctx.inputs.get('known-hosts');
    const insecure = booleanInput(ctx.inputs, 'insecure-skip-host-key-check', false);
    if (!knownHosts && !insecure) {
        throw new errors/* InputError */.dz(`Input required and not supplied: known-hosts (the host key of ${deploy.host}:${deploy.port}; get it with "ssh-keyscan -p ${deploy.port} ${deploy.host}"), or set insecure-skip-host-key-check: true`, 'known-hosts');
    }
    const { connectSsh } = await Promise.all(/* import() */[__webpack_require__.e(472), __webpack_require__.e(383)]).then(__webpack_require__.bind(__webpack_require__, 2383));
    const fingerprint = /^SHA256:/.test(knownHosts.trim()) ? knownHosts.trim() : undefined;
    const transport = await connectSsh({
        host: deploy.host,
        port: deploy.port,
        username: deploy.user,
        privateKey,
        ...(passphrase ? { passphrase } : {}),
        ...(fingerprint ? { hostKeyFingerprint: fingerprint } : knownHosts ? { knownHosts } : {}),
        insecureSkipHostKeyCheck: insecure,
        commandTimeoutMs,
        log: (line) => ctx.log.info(line),
        warn: (line) => ctx.log.warning(line),
    });
    return { transport, deploy };
}
/** Who runs this and which run (with its re-run attempt): recorded in the lock and the history. */
function runIdentity(ctx) {
    const { GITHUB_ACTOR: actor, GITHUB_RUN_ID: id, GITHUB_RUN_ATTEMPT: attempt } = ctx.env;
    return {
        ...(actor ? { actor } : {}),
        ...(id ? { runId: attempt && attempt !== '1' ? `${id}-${attempt}` : id } : {}),
    };
}

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
    const given = source_optionalInput(ctx.inputs, 'manifest');
    if (given)
        return loadManifest(resolveIn(ctx, given));
    const beside = manifest_build_manifestPathFor(tarball);
    if ((0,external_node_fs_.existsSync)(beside))
        return loadManifest(beside);
    // package writes manifest.json as the first entry: read just that, not the whole release.
    const inside = await readTarballFile(tarball, 'manifest.json');
    if (!inside) {
        throw new errors/* ModelgateError */.HJ(`${tarball}: no manifest beside it (${external_node_path_.basename(beside)}) or inside it; pass the manifest input or package the bundle with modelgate package`, 'input', { file: tarball });
    }
    return parseManifest(inside.toString('utf8'), `${tarball}:manifest.json`);
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
    const loaded = await loadConfigInput(ctx);
    const tarball = resolveIn(ctx, requiredInput(ctx.inputs, 'tarball'));
    if (!(0,external_node_fs_.existsSync)(tarball))
        throw new errors/* ModelgateError */.HJ(`${tarball}: tarball not found; pass the tarball output of the package action`, 'input', { file: tarball });
    const phase = choiceInput(ctx.inputs, 'phase', ['shadow', 'promote'], 'shadow') ?? 'shadow';
    const dryRun = booleanInput(ctx.inputs, 'dry-run', false);
    const manifest = await resolveManifest(ctx, tarball);
    const { transport, deploy: settings } = await openTarget(ctx, loaded);
    let result;
    try {
        result = await deploy({
            transport,
            config: settings,
            tarball,
            manifest,
            phase,
            dryRun,
            ...runIdentity(ctx),
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

/***/ 9717:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R4: () => (/* binding */ locateJsonError),
/* harmony export */   VA: () => (/* binding */ parseJsonLenient),
/* harmony export */   lk: () => (/* binding */ parseJsonText)
/* harmony export */ });
/* unused harmony export lineColumnAt */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3828);
/**
 * JSON files from a training job, parsed with errors a person can act on: the file, line and
 * column of the first syntax error (Node 20's JSON.parse reports neither, and its wording
 * changes between Node versions). One scanner serves every JSON file modelgate reads: the
 * bundle's metadata, golden.json, metrics.json and XGBoost models.
 *
 * Python's `json.dump` writes bare `NaN`, `Infinity` and `-Infinity` unless told not to (and
 * XGBoost before 3.1 writes `NaN` as the split value of categorical nodes); strict JSON
 * rejects them. They are accepted here and reported, so that a caller can decide whether a
 * non-finite value is a problem.
 */

/** Parses `text`; throws a ModelgateError naming `file`, the line and the column of the first error. */
function parseJsonText(text, file) {
    try {
        return { value: JSON.parse(text), nonStandard: [] };
    }
    catch {
        // Fall through to the slower scanner, which knows where the error is.
    }
    try {
        return new JsonScanner(text).parseDocument();
    }
    catch (error) {
        if (!(error instanceof JsonStop))
            throw error;
        const { line, column } = lineColumnAt(text, error.at);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelgateError */ .HJ(`${file}:${line}:${column} not valid JSON: ${error.reason}`, 'check', {
            file,
            line,
            column,
        });
    }
}
/**
 * JSON.parse, retried with bare NaN -> null and Infinity -> 1e999 (outside strings) on
 * failure: for multi-megabyte model files, where the scanner would cost several times more.
 * Throws JSON.parse's SyntaxError; `locateJsonError` then says where.
 */
function parseJsonLenient(text) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        if (!text.includes('NaN') && !text.includes('Infinity'))
            throw error;
        return JSON.parse(replaceNonStandardNumbers(text));
    }
}
/** Rewrites the non-standard number tokens outside strings: NaN -> null, Infinity -> 1e999 (parses as Infinity). */
function replaceNonStandardNumbers(text) {
    const parts = [];
    let last = 0;
    let i = 0;
    const n = text.length;
    while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 34) {
            // Skip the string, escapes included.
            i++;
            while (i < n) {
                const d = text.charCodeAt(i);
                if (d === 92)
                    i += 2;
                else {
                    i++;
                    if (d === 34)
                        break;
                }
            }
        }
        else if (c === 78 && text.startsWith('NaN', i)) {
            parts.push(text.slice(last, i), 'null');
            i += 3;
            last = i;
        }
        else if (c === 73 && text.startsWith('Infinity', i)) {
            parts.push(text.slice(last, i), '1e999');
            i += 8;
            last = i;
        }
        else
            i++;
    }
    if (last === 0)
        return text;
    parts.push(text.slice(last));
    return parts.join('');
}
const LITERALS = ['true', 'false', 'null', 'NaN', 'Infinity', '-Infinity'];
/** The first syntax error in `text` (standard JSON plus NaN/Infinity); for text JSON.parse refused. */
function locateJsonError(text) {
    let stop;
    try {
        new JsonScanner(text).parseDocument();
        // Only reached for text JSON.parse refused for a reason the scanner accepts.
        return { line: 1, column: 1, message: 'the text is not valid JSON', truncated: false };
    }
    catch (error) {
        if (!(error instanceof JsonStop))
            throw error;
        stop = error;
    }
    const { line, column } = lineColumnAt(text, stop.at);
    // A cut inside the last token (a number or a literal, then nothing) is truncation too.
    const rest = text.slice(stop.at).trimEnd();
    const midToken = /^[\w.+-]+$/.test(rest) &&
        (/[\w.]/.test(text[stop.at - 1] ?? '') || LITERALS.some((w) => w !== rest && w.startsWith(rest)));
    return { line, column, message: stop.reason, truncated: stop.at >= text.length || midToken };
}
/** 1-based line and column of a character offset. */
function lineColumnAt(text, offset) {
    let line = 1;
    let lineStart = 0;
    const end = Math.min(offset, text.length);
    for (let i = 0; i < end; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: end - lineStart + 1 };
}
/** Where and why the scanner stopped. */
class JsonStop {
    at;
    reason;
    constructor(at, reason) {
        this.at = at;
        this.reason = reason;
    }
}
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
class JsonScanner {
    text;
    pos = 0;
    nonStandard = [];
    /** Lines counted up to `counted`: tokens come in order, so each character is counted once. */
    counted = 0;
    line = 1;
    constructor(text) {
        this.text = text;
    }
    parseDocument() {
        this.skipSpace();
        if (this.pos >= this.text.length)
            this.fail(this.text.length === 0 ? 'the file is empty' : 'no value in the file');
        let value;
        try {
            value = this.parseValue();
        }
        catch (error) {
            // Nesting deep enough to exhaust the stack: report where the walk got to.
            if (error instanceof RangeError)
                this.fail('nesting too deep');
            throw error;
        }
        this.skipSpace();
        if (this.pos < this.text.length)
            this.fail(`unexpected ${this.describeHere()} after the end of the document`);
        return { value, nonStandard: this.nonStandard };
    }
    fail(reason, at = this.pos) {
        throw new JsonStop(at, reason);
    }
    describeHere() {
        if (this.pos >= this.text.length)
            return 'end of file';
        return JSON.stringify(this.text.slice(this.pos, this.pos + 1));
    }
    skipSpace() {
        while (this.pos < this.text.length) {
            const c = this.text.charCodeAt(this.pos);
            if (c === 32 || c === 9 || c === 10 || c === 13)
                this.pos++;
            else
                break;
        }
    }
    parseValue() {
        this.skipSpace();
        const c = this.text[this.pos];
        if (c === '{')
            return this.parseObject();
        if (c === '[')
            return this.parseArray();
        if (c === '"')
            return this.parseString();
        if (c === 't')
            return this.literal('true', true);
        if (c === 'f')
            return this.literal('false', false);
        if (c === 'n')
            return this.literal('null', null);
        if (c === 'N')
            return this.nonStandardLiteral('NaN', Number.NaN);
        if (c === 'I')
            return this.nonStandardLiteral('Infinity', Number.POSITIVE_INFINITY);
        if (c === '-' && this.text.startsWith('-Infinity', this.pos))
            return this.nonStandardLiteral('-Infinity', Number.NEGATIVE_INFINITY);
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9'))
            return this.parseNumber();
        if (c === undefined)
            this.fail('unexpected end of file: a value is missing');
        this.fail(`unexpected ${this.describeHere()}: expected a value`);
    }
    literal(word, value) {
        if (!this.text.startsWith(word, this.pos))
            this.fail(`unexpected ${this.describeHere()}: expected a value`);
        this.pos += word.length;
        return value;
    }
    nonStandardLiteral(word, value) {
        for (; this.counted < this.pos; this.counted++)
            if (this.text.charCodeAt(this.counted) === 10)
                this.line++;
        this.literal(word, value);
        this.nonStandard.push({ token: word, line: this.line });
        return value;
    }
    parseNumber() {
        NUMBER.lastIndex = this.pos;
        const match = NUMBER.exec(this.text);
        if (!match)
            this.fail(`malformed number starting ${JSON.stringify(this.text.slice(this.pos, this.pos + 12))}`);
        this.pos += match[0].length;
        return Number(match[0]);
    }
    parseString() {
        const start = this.pos;
        this.pos++;
        while (this.pos < this.text.length) {
            const c = this.text.charCodeAt(this.pos);
            if (c === 34) {
                this.pos++;
                try {
                    return JSON.parse(this.text.slice(start, this.pos));
                }
                catch {
                    this.fail('invalid escape sequence or control character in a string', start);
                }
            }
            if (c === 92)
                this.pos += 2;
            else if (c < 32)
                this.fail('unescaped control character (a line break?) inside a string');
            else
                this.pos++;
        }
        this.fail('string not closed before the end of the file', start);
    }
    parseArray() {
        const out = [];
        this.pos++;
        this.skipSpace();
        if (this.text[this.pos] === ']') {
            this.pos++;
            return out;
        }
        for (;;) {
            out.push(this.parseValue());
            this.skipSpace();
            const c = this.text[this.pos];
            if (c === ',') {
                this.pos++;
                this.skipSpace();
                if (this.text[this.pos] === ']')
                    this.fail('trailing comma before "]"');
                continue;
            }
            if (c === ']') {
                this.pos++;
                return out;
            }
            this.fail(`expected "," or "]" after an array item, got ${this.describeHere()}`);
        }
    }
    parseObject() {
        const out = {};
        this.pos++;
        this.skipSpace();
        if (this.text[this.pos] === '}') {
            this.pos++;
            return out;
        }
        for (;;) {
            this.skipSpace();
            if (this.text[this.pos] !== '"')
                this.fail(`expected a property name in double quotes, got ${this.describeHere()}`);
            const key = this.parseString();
            this.skipSpace();
            if (this.text[this.pos] !== ':')
                this.fail(`expected ":" after the property name ${JSON.stringify(key)}, got ${this.describeHere()}`);
            this.pos++;
            Object.defineProperty(out, key, {
                value: this.parseValue(),
                enumerable: true,
                writable: true,
                configurable: true,
            });
            this.skipSpace();
            const c = this.text[this.pos];
            if (c === ',') {
                this.pos++;
                this.skipSpace();
                if (this.text[this.pos] === '}')
                    this.fail('trailing comma before "}"');
                continue;
            }
            if (c === '}') {
                this.pos++;
                return out;
            }
            this.fail(`expected "," or "}" after the value of ${JSON.stringify(key)}, got ${this.describeHere()}`);
        }
    }
}


/***/ }),

/***/ 9708:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ describeValue),
/* harmony export */   w: () => (/* binding */ dottedPath)
/* harmony export */ });
function dottedPath(path) {
    if (path.length === 0)
        return '(top level)';
    return path
        .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
        .join('.')
        .replace(/\.\[/g, '[');
}
/** Renders a found value briefly: strings quoted, objects named by type. */
function describeValue(value) {
    if (value === undefined)
        return 'nothing';
    if (value === null)
        return 'null';
    if (typeof value === 'string')
        return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    if (Array.isArray(value))
        return `a list of ${value.length}`;
    if (typeof value === 'object')
        return 'a mapping';
    return String(value);
}


/***/ })

};
