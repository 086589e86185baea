import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  ModelgateError
} from "./chunk-UAYJCUJE.js";

// src/core/bundle/tar.ts
import { createReadStream } from "node:fs";
import {
  chmod,
  constants as fsConstants,
  lstat,
  mkdir,
  mkdtemp,
  open,
  realpath,
  rename,
  rm,
  stat
} from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
var DEFAULT_TAR_LIMITS = { maxEntries: 1e4, maxBytes: 20 * 1024 ** 3 };
var BLOCK = 512;
var MAX_META_SIZE = 1024 * 1024;
var MAX_META_RUN = 8;
var ChunkReader = class {
  constructor(it) {
    this.it = it;
  }
  it;
  buf = Buffer.alloc(0);
  done = false;
  /** Bytes handed out so far: the offset in the uncompressed tar stream. */
  offset = 0;
  async more() {
    if (this.done) return false;
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
    while (this.buf.length < n) if (!await this.more()) break;
    const out = this.buf.subarray(0, Math.min(n, this.buf.length));
    this.buf = this.buf.subarray(out.length);
    this.offset += out.length;
    return out;
  }
  /** Whatever is available, at most `max` bytes; empty at the end of the stream. */
  async upTo(max) {
    if (this.buf.length === 0) await this.more();
    const out = this.buf.subarray(0, Math.min(max, this.buf.length));
    this.buf = this.buf.subarray(out.length);
    this.offset += out.length;
    return out;
  }
};
function isZeroBlock(block) {
  for (const b of block) if (b !== 0) return false;
  return true;
}
function cString(field) {
  const nul = field.indexOf(0);
  return nul >= 0 ? field.subarray(0, nul) : field;
}
function numberField(field) {
  const first = field[0];
  if (first & 128) {
    if (first === 255) return NaN;
    let v = first & 127;
    for (let i = 1; i < field.length; i++) v = v * 256 + field[i];
    return Number.isSafeInteger(v) ? v : NaN;
  }
  const text = cString(field).toString("latin1").trim();
  if (text === "") return 0;
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : NaN;
}
function checksumMatches(header) {
  const stored = numberField(header.subarray(148, 156));
  if (Number.isNaN(stored)) return false;
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 32 : header[i];
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  return stored === unsigned || stored === signed;
}
var utf8 = new TextDecoder("utf-8", { fatal: true });
function parseHeader(h) {
  const magic = h.subarray(257, 263).toString("latin1");
  let name = cString(h.subarray(0, 100));
  if (magic === "ustar\0") {
    const prefix = cString(h.subarray(345, 500));
    if (prefix.length) name = Buffer.concat([prefix, Buffer.from("/"), name]);
  }
  return {
    name,
    mode: numberField(h.subarray(100, 108)),
    uid: numberField(h.subarray(108, 116)),
    gid: numberField(h.subarray(116, 124)),
    size: numberField(h.subarray(124, 136)),
    mtime: numberField(h.subarray(136, 148)),
    typeflag: String.fromCharCode(h[156]),
    linkname: cString(h.subarray(157, 257))
  };
}
function entryType(flag, name) {
  switch (flag) {
    case "0":
    case "\0":
    case "7":
      return flag === "\0" && name.endsWith("/") ? "directory" : "file";
    case "1":
      return "hardlink";
    case "2":
      return "symlink";
    case "3":
      return "char";
    case "4":
      return "block";
    case "5":
      return "directory";
    case "6":
      return "fifo";
    default:
      return "other";
  }
}
function parsePax(data) {
  const out = /* @__PURE__ */ new Map();
  let at = 0;
  while (at < data.length) {
    if (data[at] === 0) break;
    const space = data.indexOf(32, at);
    if (space < 0) return void 0;
    const lenText = data.subarray(at, space).toString("latin1");
    if (!/^[0-9]+$/.test(lenText)) return void 0;
    const len = parseInt(lenText, 10);
    if (len <= space - at + 1 || at + len > data.length || data[at + len - 1] !== 10) return void 0;
    const record = data.subarray(space + 1, at + len - 1);
    const eq = record.indexOf(61);
    if (eq < 0) return void 0;
    let key;
    let value;
    try {
      key = utf8.decode(record.subarray(0, eq));
      value = utf8.decode(record.subarray(eq + 1));
    } catch {
      return void 0;
    }
    out.set(key, value);
    at += len;
  }
  return out;
}
function paxNumber(pax, key) {
  const v = Math.floor(Number(pax.get(key)));
  return pax.has(key) && Number.isSafeInteger(v) ? v : void 0;
}
function normaliseName(raw, refuse) {
  const shown = JSON.stringify(raw);
  if (/[\u0000-\u001f\u007f]/.test(raw)) throw refuse(shown, "has a NUL or control character in its name");
  if (raw.startsWith("/"))
    throw refuse(
      shown,
      "is an absolute path; bundles must hold relative paths (tar -czf bundle.tar.gz -C <folder> .)"
    );
  if (raw.includes("\\"))
    throw refuse(shown, "has a backslash in its name; build the bundle on Linux or macOS with tar -czf");
  const parts = raw.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.includes(".."))
    throw refuse(
      shown,
      'has a ".." component and could climb out of the extraction folder; rebuild the bundle with tar -czf bundle.tar.gz -C <folder> .'
    );
  return parts.join("/");
}
async function* sourceChunks(file) {
  const head = Buffer.alloc(2);
  const handle = await open(file, "r");
  try {
    await handle.read(head, 0, 2, 0);
  } finally {
    await handle.close();
  }
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  if (head[0] !== 31 || head[1] !== 139) {
    try {
      for await (const chunk of input) yield chunk;
    } finally {
      input.destroy();
    }
    return;
  }
  const gunzip = zlib.createGunzip();
  input.on("error", (e) => gunzip.destroy(e));
  input.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk;
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}
async function walkTarball(file, limits, visitor) {
  const { maxEntries, maxBytes } = { ...DEFAULT_TAR_LIMITS, ...limits };
  const tarName = path.basename(file);
  const refuse = (entry, why) => new ModelgateError(`${tarName}: entry ${entry} ${why}`, "check", { file: tarName });
  const broken = (why) => new ModelgateError(`${tarName}: ${why}`, "check", { file: tarName });
  const chunks = sourceChunks(file);
  const reader = new ChunkReader(chunks);
  const entries = [];
  const seen = /* @__PURE__ */ new Map();
  const globalPax = /* @__PURE__ */ new Map();
  let localPax;
  let longName;
  let longLink;
  let count = 0;
  let bytes = 0;
  let metaRun = 0;
  const skipPadding = async (size, what) => {
    const pad = (BLOCK - size % BLOCK) % BLOCK;
    if (pad && (await reader.exact(pad)).length < pad)
      throw broken(`is truncated after ${what}; the download or upload was cut short, fetch it again`);
  };
  const readMeta = async (size, what) => {
    if (size > MAX_META_SIZE)
      throw broken(`has a ${what} of ${size} bytes; more than ${MAX_META_SIZE} is not a file name`);
    bytes += size;
    if (bytes > maxBytes) throw broken(`expands past the ${maxBytes}-byte limit`);
    const data = await reader.exact(size);
    if (data.length < size) throw broken(`is truncated inside a ${what}; fetch it again`);
    await skipPadding(size, `a ${what}`);
    return data;
  };
  try {
    for (; ; ) {
      const at = reader.offset;
      const header = await reader.exact(BLOCK);
      if (header.length === 0)
        throw broken("ends without the end-of-archive marker; it is truncated, fetch it again");
      if (header.length < BLOCK) throw broken(`is truncated at byte ${at} of the tar stream; fetch it again`);
      if (isZeroBlock(header)) break;
      if (!checksumMatches(header))
        throw broken(`has a corrupted header at byte ${at} of the tar stream (checksum mismatch)`);
      const raw = parseHeader(header);
      if ([raw.mode, raw.uid, raw.gid, raw.size, raw.mtime].some(Number.isNaN)) {
        throw broken(`has an unreadable header at byte ${at} of the tar stream (a numeric field is invalid)`);
      }
      if (raw.typeflag === "L" || raw.typeflag === "K" || raw.typeflag === "x" || raw.typeflag === "g") {
        if (++metaRun > MAX_META_RUN)
          throw broken(
            `has more than ${MAX_META_RUN} extended headers in a row at byte ${at} of the tar stream`
          );
      } else metaRun = 0;
      if (raw.typeflag === "L" || raw.typeflag === "K") {
        const data = await readMeta(raw.size, "GNU long name");
        let text;
        try {
          text = utf8.decode(data).replace(/\0+$/, "");
        } catch {
          throw broken(`has a GNU long name at byte ${at} of the tar stream that is not UTF-8`);
        }
        if (raw.typeflag === "L") longName = text;
        else longLink = text;
        continue;
      }
      if (raw.typeflag === "x" || raw.typeflag === "g") {
        const records = parsePax(await readMeta(raw.size, "pax header"));
        if (!records) throw broken(`has a malformed pax header at byte ${at} of the tar stream`);
        if (raw.typeflag === "g") for (const [k, v] of records) globalPax.set(k, v);
        else localPax = records;
        continue;
      }
      const pax = new Map([...globalPax, ...localPax ?? []]);
      let name;
      try {
        name = pax.get("path") || longName || utf8.decode(raw.name);
      } catch {
        throw refuse(JSON.stringify(raw.name.toString("latin1")), "has a name that is not UTF-8");
      }
      let linkname;
      try {
        linkname = pax.get("linkpath") || longLink || utf8.decode(raw.linkname);
      } catch {
        linkname = raw.linkname.toString("latin1");
      }
      localPax = void 0;
      longName = void 0;
      longLink = void 0;
      let size = raw.size;
      const paxSize = pax.get("size");
      if (paxSize !== void 0) {
        if (!/^[0-9]+$/.test(paxSize) || !Number.isSafeInteger(Number(paxSize)))
          throw refuse(JSON.stringify(name), `has an invalid pax size "${paxSize}"`);
        size = Number(paxSize);
      }
      const mtime = paxNumber(pax, "mtime") ?? raw.mtime;
      const type = [...pax.keys()].some((k) => k.startsWith("GNU.sparse.")) ? "other" : entryType(raw.typeflag, name);
      count++;
      if (count > maxEntries) {
        throw refuse(
          JSON.stringify(name),
          `is past the limit of ${maxEntries} entries; a release bundle never holds that many files (raise the limit only if it should)`
        );
      }
      const rel = normaliseName(name, refuse);
      const shown = JSON.stringify(name);
      switch (type) {
        case "symlink":
          throw refuse(
            shown,
            `is a symbolic link (to ${JSON.stringify(linkname)}); bundles may hold only regular files and directories, archive the target instead (tar --dereference)`
          );
        case "hardlink":
          throw refuse(
            shown,
            `is a hard link (to ${JSON.stringify(linkname)}); bundles may hold only regular files and directories (GNU tar: --hard-dereference)`
          );
        case "char":
        case "block":
          throw refuse(
            shown,
            `is a ${type === "char" ? "character" : "block"} device; bundles may hold only regular files and directories`
          );
        case "fifo":
          throw refuse(shown, "is a FIFO; bundles may hold only regular files and directories");
        case "other":
          throw refuse(
            shown,
            `has tar type '${raw.typeflag}' (sparse, multi-volume or unknown); bundles may hold only regular files and directories`
          );
        default:
          break;
      }
      const entry = {
        path: rel,
        type,
        size: type === "file" ? size : 0,
        mode: raw.mode,
        mtime,
        uid: paxNumber(pax, "uid") ?? raw.uid,
        gid: paxNumber(pax, "gid") ?? raw.gid
      };
      if (type === "directory") {
        if (rel !== "") {
          const prior = seen.get(rel);
          if (prior === "file" || prior === "dir")
            throw refuse(shown, `appears twice in the archive (${rel}); rebuild the bundle`);
          markParents(rel, seen, refuse, shown);
          seen.set(rel, "dir");
          await visitor.directory?.(entry);
          entries.push(entry);
        }
        continue;
      }
      if (rel === "") throw refuse(shown, "is a file without a name");
      if (bytes + size > maxBytes)
        throw refuse(
          shown,
          `would take the archive past its limit of ${maxBytes} bytes (${bytes + size} bytes so far); check the bundle, or raise the limit if it really is that large`
        );
      bytes += size;
      if (seen.has(rel)) throw refuse(shown, `appears twice in the archive (${rel}); rebuild the bundle`);
      markParents(rel, seen, refuse, shown);
      seen.set(rel, "file");
      const sink = await visitor.file?.(entry);
      let left = size;
      try {
        while (left > 0) {
          const chunk = await reader.upTo(Math.min(left, 1 << 20));
          if (chunk.length === 0)
            throw broken(
              `is truncated inside ${shown} (${left} of its ${size} bytes missing); fetch it again`
            );
          left -= chunk.length;
          if (sink) await sink.write(chunk);
        }
      } catch (e) {
        if (sink) await sink.abort();
        throw e;
      }
      if (sink) await sink.close();
      await skipPadding(size, shown);
      entries.push(entry);
      if (visitor.done?.()) break;
    }
  } catch (e) {
    if (e instanceof ModelgateError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    if (e.code?.startsWith("Z_")) {
      throw new ModelgateError(
        `${tarName}: is not readable gzip data or is truncated (${message}); fetch it again`,
        "check",
        { file: tarName },
        { cause: e }
      );
    }
    throw e;
  } finally {
    await chunks.return(void 0);
  }
  return entries;
}
function markParents(rel, seen, refuse, shown) {
  const parts = rel.split("/");
  for (let i = 1; i < parts.length; i++) {
    const parent = parts.slice(0, i).join("/");
    const prior = seen.get(parent);
    if (prior === "file") throw refuse(shown, `lies under ${parent}, which the archive also holds as a file`);
    if (prior === void 0) seen.set(parent, "implicit");
  }
}
async function assertReadable(file) {
  const name = path.basename(file);
  const st = await stat(file).catch(() => void 0);
  if (!st)
    throw new ModelgateError(
      `${name}: tarball not found at ${file}; pass the .tar.gz that package wrote`,
      "input",
      { file: name }
    );
  if (!st.isFile())
    throw new ModelgateError(`${name}: ${file} is not a file; pass the .tar.gz that package wrote`, "input", {
      file: name
    });
}
async function listTarball(file, limits) {
  await assertReadable(file);
  return walkTarball(file, limits, {});
}
async function readTarballFile(file, name, maxBytes = 16 * 1024 * 1024, limits) {
  await assertReadable(file);
  let found;
  await walkTarball(file, limits, {
    async file(entry) {
      if (entry.path !== name) return void 0;
      if (entry.size > maxBytes)
        throw new ModelgateError(
          `${path.basename(file)}: ${name} is ${entry.size} bytes, more than the ${maxBytes} it may be; check the tarball`,
          "check",
          { file: path.basename(file) }
        );
      const parts = [];
      return {
        async write(chunk) {
          parts.push(Buffer.from(chunk));
        },
        async close() {
          found = Buffer.concat(parts);
        },
        async abort() {
        }
      };
    },
    done: () => found !== void 0
  });
  return found;
}
function isInside(root, target) {
  return target === root || target.startsWith(root + path.sep);
}
async function extractTarball(file, dest, limits) {
  const tarName = path.basename(file);
  const target = path.resolve(dest);
  await assertReadable(file);
  const exists = await lstat(target).then(
    () => true,
    () => false
  );
  if (exists) {
    throw new ModelgateError(
      `${tarName}: cannot extract into ${target}: it already exists; extraction only fills a new folder`,
      "check",
      { file: tarName }
    );
  }
  const parent = path.dirname(target);
  await mkdir(parent, { recursive: true });
  const tmp = await mkdtemp(path.join(parent, `.${path.basename(target)}.partial-`));
  const files = [];
  let bytes = 0;
  try {
    const root = await realpath(tmp);
    const escape = (rel) => new ModelgateError(
      `${tarName}: entry ${JSON.stringify(rel)} resolved outside the extraction folder; refusing it`,
      "check",
      { file: tarName }
    );
    const checkInside = async (abs, rel) => {
      if (!isInside(root, await realpath(abs))) throw escape(rel);
    };
    const made = /* @__PURE__ */ new Set([""]);
    const ensureDir = async (rel) => {
      if (made.has(rel)) return;
      await ensureDir(rel.includes("/") ? rel.slice(0, rel.lastIndexOf("/")) : "");
      const abs = path.join(root, rel);
      await mkdir(abs, { mode: 493 }).catch((e) => {
        if (e.code !== "EEXIST") throw e;
      });
      if (!(await lstat(abs)).isDirectory()) throw escape(rel);
      await chmod(abs, 493);
      await checkInside(abs, rel);
      made.add(rel);
    };
    await walkTarball(file, limits, {
      async directory(entry) {
        await ensureDir(entry.path);
      },
      async file(entry) {
        const abs = path.join(root, entry.path);
        await ensureDir(entry.path.includes("/") ? entry.path.slice(0, entry.path.lastIndexOf("/")) : "");
        const mode = entry.mode & 73 ? 493 : 420;
        const handle = await open(
          abs,
          fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_NOFOLLOW,
          mode
        );
        return {
          async write(chunk) {
            let done = 0;
            while (done < chunk.length)
              done += (await handle.write(chunk, done, chunk.length - done)).bytesWritten;
          },
          async close() {
            try {
              await handle.chmod(mode);
              if (entry.mtime > 0) await handle.utimes(entry.mtime, entry.mtime);
            } finally {
              await handle.close();
            }
            await checkInside(abs, entry.path);
            files.push(entry.path);
            bytes += entry.size;
          },
          async abort() {
            await handle.close();
          }
        };
      }
    });
    await chmod(tmp, 493);
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  return { files, bytes };
}

// src/core/report/types.ts
function reportPassed(checks) {
  return checks.every((c) => c.status !== "fail");
}

// src/core/bundle/files.ts
import { createHash } from "node:crypto";
import { closeSync, createReadStream as createReadStream2, openSync, readSync } from "node:fs";
import { lstat as lstat2, readdir, readFile } from "node:fs/promises";
import path2 from "node:path";
async function listBundle(root) {
  const files = [];
  const special = [];
  async function walk(dir, rel) {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      const abs = path2.join(dir, entry.name);
      if (entry.isDirectory()) await walk(abs, relPath);
      else if (entry.isFile()) {
        const st2 = await lstat2(abs);
        files.push({ path: relPath, absolute: abs, size: st2.size, mode: st2.mode & 4095 });
      } else special.push({ path: relPath, type: entry.isSymbolicLink() ? "symbolic link" : "special file" });
    }
  }
  let st;
  try {
    st = await lstat2(root);
  } catch {
    throw new ModelgateError(
      `${root}: bundle not found; pass the directory the training job wrote (or its .tar.gz, to the healthcheck)`,
      "input",
      { file: root }
    );
  }
  if (!st.isDirectory())
    throw new ModelgateError(
      `${root}: expected a bundle directory, found a file${/\.(tar\.gz|tgz)$/i.test(root) ? " (a tarball: extract it first, or check it with the healthcheck, which takes tarballs as they are)" : ""}`,
      "input",
      { file: root }
    );
  await walk(root, "");
  files.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { files, special };
}
var WHOLE_FILE_BYTES = 16 * 1024 * 1024;
async function hashBundleFile(file, read = "async") {
  if (read === "blocking") return hashBlocking(file.absolute);
  if (file.size > WHOLE_FILE_BYTES) {
    let head = Buffer.alloc(0);
    const sha256 = await sha256File(file.absolute, void 0, (chunk) => {
      if (head.length === 0) head = Buffer.from(chunk.subarray(0, 64));
    });
    return { sha256, head };
  }
  const bytes = await readFile(file.absolute);
  return {
    sha256: createHash("sha256").update(bytes).digest("hex"),
    head: Buffer.from(bytes.subarray(0, 64))
  };
}
var readBuffer;
function hashBlocking(absolute) {
  readBuffer ??= Buffer.allocUnsafe(1 << 20);
  const buffer = readBuffer;
  const hash = createHash("sha256");
  let head;
  const fd = openSync(absolute, "r");
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
      head ??= Buffer.from(buffer.subarray(0, Math.min(n, 64)));
      hash.update(buffer.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest("hex"), head: head ?? Buffer.alloc(0) };
}
function sha256File(file, bytes, onChunk) {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    if (bytes === 0) {
      resolve(hash.digest("hex"));
      return;
    }
    const stream = createReadStream2(file, {
      highWaterMark: 1 << 20,
      ...bytes === void 0 ? {} : { end: bytes - 1 }
    });
    stream.on("data", (chunk) => {
      onChunk?.(chunk);
      hash.update(chunk);
    });
    stream.on("error", reject);
    stream.on("end", () => resolve(hash.digest("hex")));
  });
}
function formatSize(bytes) {
  if (bytes < 1e3) return `${bytes} B`;
  if (bytes < 1e6) return `${Math.round(bytes / 1e3)} KB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

export {
  listTarball,
  readTarballFile,
  extractTarball,
  reportPassed,
  listBundle,
  hashBundleFile,
  sha256File,
  formatSize
};
