import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  ModelgateError
} from "./chunk-UAYJCUJE.js";

// src/core/bundle/files.ts
import { createHash } from "node:crypto";
import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { lstat, readdir, readFile } from "node:fs/promises";
import path from "node:path";
async function listBundle(root) {
  const files = [];
  const special = [];
  async function walk(dir, rel) {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(abs, relPath);
      else if (entry.isFile()) {
        const st2 = await lstat(abs);
        files.push({ path: relPath, absolute: abs, size: st2.size, mode: st2.mode & 4095 });
      } else special.push({ path: relPath, type: entry.isSymbolicLink() ? "symbolic link" : "special file" });
    }
  }
  let st;
  try {
    st = await lstat(root);
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
    const stream = createReadStream(file, {
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
  listBundle,
  hashBundleFile,
  sha256File,
  formatSize
};
