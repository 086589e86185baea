"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/core/health/tree-worker.ts
var import_node_worker_threads = require("node:worker_threads");

// src/core/bundle/files.ts
var import_node_crypto = require("node:crypto");
var import_node_fs = require("node:fs");
var import_promises = require("node:fs/promises");
var import_node_path = __toESM(require("node:path"), 1);

// src/core/errors.ts
var ModelgateError = class extends Error {
  kind;
  file;
  line;
  column;
  constructor(message, kind = "runtime", where = {}, options) {
    super(message, options);
    this.name = "ModelgateError";
    this.kind = kind;
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
  }
  /** `file:line message`, the one-line form used by the CLI and in reports. */
  get located() {
    if (!this.file) return this.message;
    const at = this.line ? `${this.file}:${this.line}` : this.file;
    if (this.message.startsWith(at)) return this.message;
    if (this.message.startsWith(`${this.file}: `)) return `${at}${this.message.slice(this.file.length + 1)}`;
    return `${at} ${this.message}`;
  }
};
function errorMessage(error) {
  if (error instanceof ModelgateError) return error.located;
  if (error instanceof Error) return error.message;
  return String(error);
}

// src/core/bundle/files.ts
async function listBundle(root) {
  const files = [];
  const special = [];
  async function walk(dir, rel) {
    const entries = await (0, import_promises.readdir)(dir, { withFileTypes: true });
    for (const entry of entries) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      const abs = import_node_path.default.join(dir, entry.name);
      if (entry.isDirectory()) await walk(abs, relPath);
      else if (entry.isFile()) {
        const st2 = await (0, import_promises.lstat)(abs);
        files.push({ path: relPath, absolute: abs, size: st2.size, mode: st2.mode & 4095 });
      } else special.push({ path: relPath, type: entry.isSymbolicLink() ? "symbolic link" : "special file" });
    }
  }
  let st;
  try {
    st = await (0, import_promises.lstat)(root);
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
  const bytes = await (0, import_promises.readFile)(file.absolute);
  return {
    sha256: (0, import_node_crypto.createHash)("sha256").update(bytes).digest("hex"),
    head: Buffer.from(bytes.subarray(0, 64))
  };
}
var readBuffer;
function hashBlocking(absolute) {
  readBuffer ??= Buffer.allocUnsafe(1 << 20);
  const buffer = readBuffer;
  const hash = (0, import_node_crypto.createHash)("sha256");
  let head;
  const fd = (0, import_node_fs.openSync)(absolute, "r");
  try {
    for (let n = (0, import_node_fs.readSync)(fd, buffer); n > 0; n = (0, import_node_fs.readSync)(fd, buffer)) {
      head ??= Buffer.from(buffer.subarray(0, Math.min(n, 64)));
      hash.update(buffer.subarray(0, n));
    }
  } finally {
    (0, import_node_fs.closeSync)(fd);
  }
  return { sha256: hash.digest("hex"), head: head ?? Buffer.alloc(0) };
}
function sha256File(file, bytes, onChunk) {
  return new Promise((resolve, reject) => {
    const hash = (0, import_node_crypto.createHash)("sha256");
    if (bytes === 0) {
      resolve(hash.digest("hex"));
      return;
    }
    const stream = (0, import_node_fs.createReadStream)(file, {
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

// src/core/models/tree-model.ts
var import_node_buffer = require("node:buffer");
var import_node_fs2 = require("node:fs");

// src/core/models/lightgbm-wasm.ts
var LIGHTGBM_WASM = [
  "AGFzbQEAAAABMQdgAAF/YAF/AX9gB39/f39+fn8Bf2AEf39/fwF/YAN/f38Bf2ACf38Bf2ADfn9/AX4DExICAwAAAQEAAAQFAAAA",
  "AAAABgAFAwEAAQZgE38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38B",
  "QQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALB7ABDwZ0ZXh0QXQABAl0cmVlQ291bnQAAglub2RlQ291bnQACwlsZWFm",
  "Q291bnQADgdyb290c0F0AAYJb2Zmc2V0c0F0AAoJZmVhdHVyZUF0AA8LdGhyZXNob2xkQXQAAwpkZWNpc2lvbkF0ABEGbGVmdEF0",
  "AAwHcmlnaHRBdAAHC2xlYWZWYWx1ZUF0AA0KcGFyc2VUcmVlcwAJC3JlYWROdW1iZXJzAAgGbWVtb3J5AgAMATcKlDES9AECBX8B",
  "fgNAIAAgAUkEQCAALQAAIghBIEYEQCAAQQFqIQAMAgsgAyAJRgRAQQAPCyAIQS1GIgoEQCABIABBAWoiAEsEfyAALQAABUEgCyEI",
  "CyAAIQdCACEMA0AgCEEwayILQQpJBEAgC60gDEIKfnwhDCABIABBAWoiAEsEfyAALQAABUEgCyEIIAAgB2tBD0sEQEEADwsMAQsL",
  "IAAgB0YgCEEgR3IEQEEADwtCACAMfSAMIAobIgwgBVUgBCAMVXIEQEEADwsgBgRAIAIgCWogDDwAAAUgAiAJQQJ0aiAMPgIACyAJ",
  "QQFqIQkMAQsLIAMgCUYL4gYDCH8CfgF8AkADQCAAIAFJBEAgAC0AACIFQSBGBEAgAEEBaiEADAILIAMgCkYNAkEAIQcgBUEtRiIE",
  "IAVBK0ZyBEAgBCEHIABBAWoiBCABSQR/IAQiAC0AAAVBIAshBQtCACEMQQAhBEEAIQhBACEJA0AgBUEwayIGQQpJBEBBASEJIAVB",
  "MEcgDEIAUnIEQCAGrSAMQgp+fCEMIARBAWohBAsgASAAQQFqIgBLBH8gAC0AAAVBIAshBQwBCwsgBUEuRgRAIAEgAEEBaiIASwR/",
  "IAAtAAAFQSALIQUDQCAEQQpMIAxCAFJxIABBCGoiBiABTXEEQCAAKQMAIg1C8OHDh4+evPhwgyANQoaMmLDgwIGDBnxC8OHDh4+e",
  "vPhwg0IEiIRCs+bMmbPmzJkzUQRAIAxCgMLXL34gDUKw4MCBg4aMmDB9IgxCCn4gDEIIiHwiDEL/gYCA8B+DQuSAgICAyNAHfiAM",
  "QhCIQv+BgIDwH4NCgYCAgIDiCX58QiCIfCEMIARBCGohBCAIQQhrIQggASAGIgBLBH8gAC0AAAVBIAshBQwCCwsLA0AgBUEwayIG",
  "QQpJBEBBASEJIAVBMEcgDEIAUnIEQCAEQRRGDQYgBq0gDEIKfnwhDCAEQQFqIQQLIAhBAWshCCABIABBAWoiAEsEfyAALQAABUEg",
  "CyEFDAELCwsgCUUgBEESSnINAiAFQcUARiAFQeUARnIEQEEAIQYgASAAQQFqIgBLBH8gAC0AAAVBIAsiBUEtRiIEIAVBK0ZyBEAg",
  "BCEGIAEgAEEBaiIASwR/IAAtAAAFQSALIQULQQAhBEEAIQkDQCAFQTBrIgtBCkkEQCALIARBCmxqIAQgBEGgjQZIGyEEIAlBAWoh",
  "CSABIABBAWoiAEsEfyAALQAABUEgCyEFDAELCyAJRQ0DIAhBACAEayAEIAYbaiEICyAFQSBHDQIgAiAKQQN0aiEEIAhBak4gDEKA",
  "gICAgICAEFhxIAhBFkxxBEAgDLohDiAEIAhBAEgEfCAOQQAgCGtBA3RBgN8AaisDAKMFIA4gCEEDdEGA3wBqKwMAogsiDpogDiAH",
  "GzkDAAUgDCAIIAcQECIMQoGAgICAgID8/wBRDQMgBCAMNwMACyAKQQFqIQoMAQsLIAMgCkYPC0EACwQAIwMLBAAjCgtLAQJ/Qbzl",
  "ACQCIABBwOUAaiIBPwBBEHQiAksEQCABIAJrQf//A2pBEHZAAEEASARAAAsLIAEkAkHA5QAkACAAQcDlAGokAUHA5QALzRQBCn8j",
  "AkEHakF4cSIBPwBBEHQiAksEQCABIAJrQf//A2pBEHZAAEEASARAAAsLIAEkAiABJAZBACQSAkADQAJAIAAjAU8NAiAAIQFBACEC",
  "A0AgASMBSQR/IAEtAAAiAkEKRwVBAAsEQCACQYABTwRAQQEkEgsgAUEBaiEBDAELCyAAIAEiAkYEQCABQQFqIQAMAgsCf0EAIQFB",
  "AEHM4AAoAgBBAXYiAyACIABrRw0AGgNAIAEgA0kEQCAAIAFqLQAAIQRBACABQczgACgCAEEBdk8Ef0F/BSABQQF0QdDgAGovAQAL",
  "IARHDQIaIAFBAWohAQwBCwtBAQsNACACIABrQQVLBH8Cf0EAIQFBAEH84AAoAgBBAXYiAyAAQQVqIABrRw0AGgNAIAEgA0kEQCAA",
  "IAFqLQAAIQRBACABQfzgACgCAEEBdk8Ef0F/BSABQQF0QYDhAGovAQALIARHDQIaIAFBAWohAQwBCwtBAQsFQQALBH8Cf0F/IAIg",
  "AEEFaiIBa0EJSyABIAJPcg0AGkEAIQMDQCABIAJJBEBBfyABLQAAQTBrIgRBCUsNAhogA0EKbCAEaiEDIAFBAWohAQwBCwsgAwsg",
  "BkcFQQELDQIjAkEHakF4cSIIQThqIgE/AEEQdCIDSwRAIAEgA2tB//8DakEQdkAAQQBIBEAACwsgASQCIAggACMAazYCACAIQX82",
  "AgRBACEAA0AgAEEGSARAIAhBCGogAEEDdGpBfzYCACAAQQFqIQAMAQsLQQAhBUEAIQcDQAJAIAJBAWoiACMBTw0EIAAhAUEAIQID",
  "QCABIwFJBH8gAS0AACICQQpHBUEACwRAIAJBgAFPBEBBASQSCyABQQFqIQEMAQsLIAAgASICRgR/QQEFIAIgAGtBBU8EfwJ/QQAh",
  "AUEAQfzgACgCAEEBdiIDIABBBWogAGtHDQAaA0AgASADSQRAIAAgAWotAAAhBEEAIAFB/OAAKAIAQQF2TwR/QX8FIAFBAXRBgOEA",
  "ai8BAAsgBEcNAhogAUEBaiEBDAELC0EBCwVBAAsLBH9BAQUCf0EAIQFBAEHM4AAoAgBBAXYiAyACIABrRw0AGgNAIAEgA0kEQCAA",
  "IAFqLQAAIQRBACABQczgACgCAEEBdk8Ef0F/BSABQQF0QdDgAGovAQALIARHDQIaIAFBAWohAQwBCwtBAQsLDQAgACEBA0AgASAC",
  "SQR/IAEtAABBPUcFQQALBEAgAUEBaiEBDAELCyABIAJGIAAgAUZyDQRBACEEAkACf0EAIQNBAEGc4QAoAgBBAXYiCSABIABrRw0A",
  "GgNAIAMgCUkEQCAAIANqLQAAIQpBACADQZzhACgCAEEBdk8Ef0F/BSADQQF0QaDhAGovAQALIApHDQIaIANBAWohAwwBCwtBAQsN",
  "AEEBIQQCf0EAIQNBAEHM4QAoAgBBAXYiCSABIABrRw0AGgNAIAMgCUkEQCAAIANqLQAAIQpBACADQczhACgCAEEBdk8Ef0F/BSAD",
  "QQF0QdDhAGovAQALIApHDQIaIANBAWohAwwBCwtBAQsNAEECIQQCf0EAIQNBAEH84QAoAgBBAXYiCSABIABrRw0AGgNAIAMgCUkE",
  "QCAAIANqLQAAIQpBACADQfzhACgCAEEBdk8Ef0F/BSADQQF0QYDiAGovAQALIApHDQIaIANBAWohAwwBCwtBAQsNAEEDIQQCf0EA",
  "IQNBAEGs4gAoAgBBAXYiCSABIABrRw0AGgNAIAMgCUkEQCAAIANqLQAAIQpBACADQaziACgCAEEBdk8Ef0F/BSADQQF0QbDiAGov",
  "AQALIApHDQIaIANBAWohAwwBCwtBAQsNAEEEIQQCf0EAIQNBAEHc4gAoAgBBAXYiCSABIABrRw0AGgNAIAMgCUkEQCAAIANqLQAA",
  "IQpBACADQdziACgCAEEBdk8Ef0F/BSADQQF0QeDiAGovAQALIApHDQIaIANBAWohAwwBCwtBAQsNAEEFIQQCf0EAIQNBAEGM4wAo",
  "AgBBAXYiCSABIABrRw0AGgNAIAMgCUkEQCAAIANqLQAAIQpBACADQYzjACgCAEEBdk8Ef0F/BSADQQF0QZDjAGovAQALIApHDQIa",
  "IANBAWohAwwBCwtBAQsNAEEGIQQCf0EAIQNBAEG84wAoAgBBAXYiCSABIABrRw0AGgNAIAMgCUkEQCAAIANqLQAAIQpBACADQbzj",
  "ACgCAEEBdk8Ef0F/BSADQQF0QcDjAGovAQALIApHDQIaIANBAWohAwwBCwtBAQsNAEEHIQQCf0EAIQNBAEHs4wAoAgBBAXYiCSAB",
  "IABrRw0AGgNAIAMgCUkEQCAAIANqLQAAIQpBACADQezjACgCAEEBdk8Ef0F/BSADQQF0QfDjAGovAQALIApHDQIaIANBAWohAwwB",
  "CwtBAQsNAEEIIQQCf0EAIQNBAEGc5AAoAgBBAXYiCSABIABrRw0AGgNAIAMgCUkEQCAAIANqLQAAIQpBACADQZzkACgCAEEBdk8E",
  "f0F/BSADQQF0QaDkAGovAQALIApHDQIaIANBAWohAwwBCwtBAQsNAEF+IQQCf0EAIQNBAEHM5AAoAgBBAXYiCSABIABrRw0AGgNA",
  "IAMgCUkEQCAAIANqLQAAIQpBACADQczkACgCAEEBdk8Ef0F/BSADQQF0QdDkAGovAQALIApHDQIaIANBAWohAwwBCwtBAQsEf0EB",
  "BQJ/QQAhA0EAQfzkACgCAEEBdiIJIAEgAGtHDQAaA0AgAyAJSQRAIAAgA2otAAAhCkEAIANB/OQAKAIAQQF2TwR/QX8FIANBAXRB",
  "gOUAai8BAAsgCkcNAhogA0EBaiEDDAELC0EBCwsNAEF/IQQLIARBfkYNASAEQQBIDQEgBEEGRgRAIAgoAgRBf0cNBQJ/QX8gAiAB",
  "QQFqIgBrQQlLIAAgAk9yDQAaQQAhAQNAIAAgAkkEQEF/IAAtAABBMGsiA0EJSw0CGiABQQpsIANqIQEgAEEBaiEADAELCyABCyIA",
  "QQBMBEBBfQ8LIAggADYCBAUgBEEHRgRAIAUEf0EABQJ/QQAhAEEAQazlACgCAEEBdiIDIAIgAUEBaiIBa0cNABoDQCAAIANJBEAg",
  "ACABai0AACEEQQAgAEGs5QAoAgBBAXZPBH9BfwUgAEEBdEGw5QBqLwEACyAERw0CGiAAQQFqIQAMAQsLQQELC0UEQEF9DwtBASEF",
  "BSAEQQhGBEAgBwR/QQAFAn9BACEAQQBBrOUAKAIAQQF2IgMgAiABQQFqIgFrRw0AGgNAIAAgA0kEQCAAIAFqLQAAIQRBACAAQazl",
  "ACgCAEEBdk8Ef0F/BSAAQQF0QbDlAGovAQALIARHDQIaIABBAWohAAwBCwtBAQsLRQRAQX0PC0EBIQcFIAhBCGogBEEDdGoiACgC",
  "AEF/Rw0HIAAgAUEBaiMAazYCACAAIAIjAGs2AgQLCwsMAQsLIAUEfyAIKAIEQX9GBUEBCwRAQX0PBSAGQQFqIQYMAgsACwtBfyAG",
  "IxIbDwtBfwsEACMHCwQAIw0LVAEDfyMBJAIjAkEHakF4cSIDIAJBA3RqIgQ/AEEQdCIFSwRAIAQgBWtB//8DakEQdkAAQQBIBEAA",
  "CwsgBCQCIANBACMAIABqIwAgAWogAyACEAEbC40OAg1/AXwjASQCQQAkAyMAIABqEAUiDkEATARAQX8gDiAOQQBOGw8LQQEhAANA",
  "IAIgDkgEQCANIwYgAkE4bGooAgQiA0EBa2ohDSADIAhqIQggAyAAIAAgA0gbIQAgAkEBaiECDAELCyMCQQdqQXhxIgQgDkECdGoi",
  "Az8AQRB0IgJLBEAgAyACa0H//wNqQRB2QABBAEgEQAALCyADJAIgBCQHIwJBB2pBeHEiBCAOQQJ0aiIDPwBBEHQiAksEQCADIAJr",
  "Qf//A2pBEHZAAEEASARAAAsLIAMkAiAEJAgjAkEHakF4cSIEIA1BAnRqIgM/AEEQdCICSwRAIAMgAmtB//8DakEQdkAAQQBIBEAA",
  "CwsgAyQCIAQkCSMCQQdqQXhxIgQgDUEDdGoiAz8AQRB0IgJLBEAgAyACa0H//wNqQRB2QABBAEgEQAALCyADJAIgBCQKIwJBB2pB",
  "eHEiBCANaiIDPwBBEHQiAksEQCADIAJrQf//A2pBEHZAAEEASARAAAsLIAMkAiAEJAsjAkEHakF4cSIEIA1BAnRqIgM/AEEQdCIC",
  "SwRAIAMgAmtB//8DakEQdkAAQQBIBEAACwsgAyQCIAQkDCMCQQdqQXhxIgQgDUECdGoiAz8AQRB0IgJLBEAgAyACa0H//wNqQRB2",
  "QABBAEgEQAALCyADJAIgBCQNIwJBB2pBeHEiBCAIQQN0aiIDPwBBEHQiAksEQCADIAJrQf//A2pBEHZAAEEASARAAAsLIAMkAiAE",
  "JA4jAkEHakF4cSIEIABqIgM/AEEQdCICSwRAIAMgAmtB//8DakEQdkAAQQBIBEAACwsgAyQCIAQkDyMCQQdqQXhxIgQgAGoiAz8A",
  "QRB0IgJLBEAgAyACa0H//wNqQRB2QABBAEgEQAALCyADJAIgBCQQIwJBB2pBeHEiAyAAQQJ0aiICPwBBEHQiAEsEQCACIABrQf//",
  "A2pBEHZAAEEASARAAAsLIAIkAiADJBEjC0EAIA38CwBBACEAAkADQCALIA5IBEAjCCALQQJ0aiMGIAtBOGxqIgMoAgA2AgAgAygC",
  "BCIHQQFrIQYgAygCCEEASARAQX0PCyMAIANBCGooAgBqIwAgAygCDGojDiAMQQN0aiAHEAFFDQJBACEEA0AgBCAHSARAIw4gBCAM",
  "akEDdGorAwAiDyAPoUQAAAAAAAAAAGINBCAEQQFqIQQMAQsLAkAgBkUEQCMHIAtBAnRqIAxBf3M2AgAMAQsjByALQQJ0aiAANgIA",
  "IAMoAhBBAE4EfyADKAIYQQBOBUEACwR/IAMoAihBAE4FQQALBH8gAygCMEEATgVBAAtFBEBBfQ8LIwAgA0EQaigCAGojACADKAIU",
  "aiMJIABBAnRqIAZCACABrEEAEABFDQMjACADQRhqKAIAaiMAIAMoAhxqIwogAEEDdGogBhABRQ0DIANBIGooAgAiAkEATgRAIwAg",
  "AmojACADKAIkaiMLIABqIAZCAEL/AEEBEABFDQRBACEEA0AgBCAGSARAIwsgACAEamotAAAiAkEBcSACQQJ2QQNxQQNGcgRAQX0P",
  "CyAEQQFqIQQMAQsLCyMAIANBKGooAgBqIwAgAygCLGogAEECdCICIwxqIAZCgICAgHhC/////wdBABAARQ0DIwAgA0EwaigCAGoj",
  "ACADKAI0aiMNIAJqIAZCgICAgHhC/////wdBABAARQ0DAn9BACEEQQAhCkEAIQkjD0EAIAb8CwAjEEEAIAf8CwACQANAIAQgBkgE",
  "QEEAIQMDQCADQQJIBEAgACAEakECdCMNIwwgAxtqKAIAIgIgBk4gAkEAIAdrSHINBCACQQBOBEAgAkUgAiAERnINBSMPIAJqIgIt",
  "AABBAUYNBQUjECACQX9zaiICLQAAQQFGDQULIAJBAToAACADQQFqIQMMAQsLIARBAWohBAwBCwsjEUEANgIAQQEhAgNAIAJBAEoE",
  "QCMRIAJBAWsiAkECdGoiBCgCACEDIApBAWoiCiAGSg0CIAAgA2pBAnQiAyMMaigCACEFIw0gA2ooAgAhAyAFQQBOBEAgBCAFNgIA",
  "IAJBAWohAgsgA0EATgRAIxEgAkECdGogAzYCACACQQFqIQILDAELCyAGIApHDQADQCAHIAlKBEAjECAJai0AAEEBRw0CIAlBAWoh",
  "CQwBCwtBAQwBC0EAC0UEQEF8DwsgACECA0AgAiAAIAZqSARAIAJBAnQiAyMNaigCACEFIwwgA2oiBCgCACEDIAQgA0EATgR/IAAg",
  "A2oFIAwgA0F/c2pBf3MLNgIAIw0gAkECdGogBUEATgR/IAAgBWoFIAwgBUF/c2pBf3MLNgIAIAJBAWohAgwBCwsgACAGaiEACyAH",
  "IAxqIQwgC0EBaiELDAELCyAOJAMgDSQEIAgkBSAODwtBfgsEACMICwQAIwQLBAAjDAsEACMOCwQAIwULBAAjCQuBBAIJfgF/IABQ",
  "BEBCgICAgICAgICAf0IAIAIbDwsgAUGkfUggAUHbAkpyBEBCgYCAgICAgPz/AA8LIAFBBHRBwDNqIgwpAwAhByAMKQMIIghC////",
  "/w+DIQQgACAAeSIGhiIDQv////8PgyIJIAhCIIgiCn4hCyAEIANCIIgiBX4hACAFIAp+IAtCIIh8IABCIIh8IAtC/////w+DIAQg",
  "CX5CIIh8IABC/////w+DfEIgiHwiBEL/A4NC/wNRIAMgCH4iACADfCADVHEEQCAHQiCIIgggCX4hCiAEQgF8IAQgACAAIAUgCH4g",
  "CkIgiHwgB0L/////D4MiACAFfiIEQiCIfCAKQv////8PgyAAIAl+QiCIfCAEQv////8Pg3xCIIh8fCIAVhshBCAAQn9RIARC/wOD",
  "Qv8DUXEgAyADIAd+fCADVHEEQEKBgICAgICA/P8ADwsLIAQgBEI/iCIDQgl8iCEFIAFB6qQNbEEQdUG/CGqsIAZ9IANQrX0hAyAA",
  "IARC/wODhFAgBUIDg0IBUXEEQEKBgICAgICA/P8ADwsgBSAFQgGDfEIBiCIAQjWIQgBSBEAgA0IBfCEDIABCAYghAAsgA0IBfUL+",
  "D1oEQEKBgICAgICA/P8ADwsgAEL/////////B4MgA0I0hoQiAEKAgICAgICAgIB/hCAAIAIbCwQAIwsLC/NbNwBBgAgLwCtT5GDN",
  "acgyF4gCHAig1Y/6tI5cIEK9fw6VgREFhOWZnGGyc6iSrB9S+uFVBuVewMP5npBSt5en5nha60eedrD0XGOak9K+KJCLGPPsIkru",
  "mDP8gDiH7jJ0rt4vqKvcKb8/O6EGKao/EVrWO5LWU/TuB8UkpFnKx0r4ZWUbZrRYlUn2LQ3wvHlddr8+on/hrrrcc3kQLCzY9FNv",
  "zorfmVrpaehLipsbB3mUBcG2K6DYkYTi3myC4kiX+UZxpDbITrYlmxYIIxsb/beYjU1EeuLj9yAO5fXwMP5yf3iwaoxtjjWpUV4z",
  "Lb29T5+WXIXvCLKCE+Y1gHgsrSNHvLNmK4veMcyvIVDLO0x2rFUwIPsWiz2/GyokvkrfkxdrPOi53K0Nr6I0rW0d13jdhUti6FPZ",
  "aK3lQIxkcoZrqjNvPXHUh8IYH1Gv/Q5oBpUAy4yNyany3mYlG70SAki6wP3v8DvUV0tg9zC2SwFtdJj+lXalhC1eODW9o55BiJE+",
  "fjvUzqW5dYaCrEwGUuo1zl1KiULPkwmU0evvQ3Oy4aB6zpWJgfgL+cXm6xQQHxpJGUL766H2Tnd34CYa1KZgm58S+mbKtCJVlZiw",
  "IInQOIJHl7gA/bA1VV1fbrRVgmOxjF5zIJ4dg6o094kh62K83S82kKjF5CPVAXXs6aV7K9W7Q7QS9242JSHJM7JHLTtlVaqwa5oK",
  "hG5pu8CemfiJvurUnAbBDSXKQ+pwBsB2LG4lCkRI8ShXXmqSBgQ4yttkV4YqzZby7PUENwgFxrwSPu0ndYC8LmgzxkRKhvdrl43o",
  "cZKg6x0h4Ptq7rN6o35YMYdbRJNkKdi6BepgWUyerv1ochW4vTOOKYckuW/fRRo9A88a5lbg+HnUttOlq2swBmLB0I9sGHeYiaRI",
  "j5aGvIe68cSzh96U/qvNGjM8qKspKS624BQLHX+LwPCfJUkLutnccYzZTeRervDsB28bjigQVI6vUGGd9tks6MlKorEyFOlx29Jc",
  "IjoIHDG+bgWvn6wxJ4kG9KpICmO9bcrGmscX/nCrCLHV2sy7LAl9eIG5nT1N1qWOxQhg9bslTuvwk4JG8IVO8vYKuPIqryEm7Tgj",
  "WGyn4a60DWav9RqqbygHLG5H0U3tkMifjdlQykV5hNukzIKgKLW6B/EP5TyXl2USzn+jyHJiqUntUx4Mff3+lsFfzHoPuxOc6Ogl",
  "T9y8vvyxd/+s6VSMYZGxd7EJNvc9z6qfFyRq77n1ndUdjAN1DYOVxx2tRGsocwVLJW9E0tDjevky7ApD+WfjTnfFaoNizuybP6fN",
  "k/dBnCLVdkUk+wHowg8RwXh1UkNritRW7XkCovOpqnhriRMKg9ZEVjSMQUWYU9VWxmuYzCMM1mtB75FWvqiK7LeGvr8sj8vGEWs2",
  "7O2p1vMyFNf3ezk/HOsCorOUU8ywP9nM9doHT+Olg4rguWj/nI8PQLPRySJcjyStWOihH8K5CQgQI76Vmdk2bDeRiqcyKAwK1Kst",
  "+/+PREeFtWxRPzKPDMkW+fn/sxWZ5uLjkmd/2ac9rjv8f5CtH9CNnHdB388RzZlK+5/0mCdEsYPVEddDVkBAHfrHMX8xld1yJWtm",
  "6jUoSFL8HH/vPn2Kz+4FAGVDMtpmO+Req44crYJqB0A+1L6QQEqdNlayY9iRogTopkR3WmhOIuJ1Tz6HNssFotAVFXEC4qpaU+MN",
  "qQM+h8pEW1oNg5pVMShcUdPChpT+CnlY6JGA1R6Z2RKEcqg5vk2XbmK24Ipm/48XpY8SyC0hPQr745gtQP9zXc6ZC528NGbmfI5/",
  "HIh/aPqAgE7E68H/HxxynyNqnwI5oSBitWay/yejToesREdDh8moumIAn//xSyKp1xUZFOn7qbQ9YMM/d2+1yaatj6xxndMhTTi0",
  "D1XLInwQmbMXzsRIamBGoVMqfiubVH+gnQH2bUL8y0R02i774JRPhALBmQhT+/5VEZH6ORl6YyVDMcDKJ7p+q1U1eYifWLzukz3w",
  "3lg0L4tVwUu1Y7c1dXwmlhZvAfvtqrGeojwlg5IbsLvcysF5qRVeRsuL7iN3IpzqyR4Z7InN+gtfF3V2ipWhkntmH2fsgPnONl0S",
  "FO36SbcaQOeAJ+G3goT0FlmoeRzlEIiQsLjsstHSWK43CcwxjxWqtNzmpx+GB++ZhQs//rKa1OGT4JGnZ8lqAGfOzr3f4CRtXCy7",
  "yOC9QmAAQaHWixhuiHP36fpYbVN4QJFJzK6eiWpQdaQ5r0holpD1W3/aA5ZCUskGhG0tAV56eZmPiIM706Z7COXIeIH12Nd/s6pk",
  "CoiQmkoe+9bhMs/NX2DVfwZVmqDu8lwmzX+h4DtchR5I6sBIqi/0b8DfydhKs6Ym2iTx2pQ78YuwV/yOHWDQWAi31gg9xXZXzrZd",
  "eRI8gm7KZAxLjHZU7YEktRcXy6IJ/X3PXS+UqWiibaLd3H3LTHxdQzU7+dMCCwkLFVRd/q9tGkoBxXvE4ablJo1U+p4bCaGcQbaa",
  "NZoQn3Cw6bjGYkvJA9JjAcPA1MaMHCRn+B3PXUJj3uB5+ET815F2QJvkQvUS/BVZmDZW+002lBDCnZOyF3tbbz7EK3rhQ7mU8kKc",
  "z+4smQWnWlvsbMrznJdTg4MqeP/GUDFyJwi9MIS9KGQkNVa/+KS9TjFK7Dzl7Jm+NuGVdxuHNtFerhNGD5Q/boRZe1XiKISF9pmY",
  "FxO5z4nlL9rqGjPlJnTAft1X5yF2713I0vA/T5hIOG/qlpCpU2t1egftD2O+WgYLpby0lCjGEllJ6NP7bfHHTc7r4VzZu6vXLXFk",
  "veT2nPBgM42zz6qWTXmNveydNMQsOYCwoINV/KDX8OxnxUH1d0eg3ERytZ3Ehhb0YBtJ+aos5InVziLFdSgcMTlim7fVN12si4Jr",
  "NpMyY33HOoIly4V015cxAwKc/12uvGRx957TqIb8/YMCg3/12eu9TbWGCFOoe/0kw2PfctBmLaFiqMpn0m0e91mey0dCYLykPane",
  "gIMI5nTwhb7ZUnjrDY1TFmGkix+SbCcukGdWZlFw6Ft5zbZT26PYHLoA9t8yRnHZa4CkKNLMDqTogPOXv5fNz4agzbIGgBLNImHw",
  "fa/9wIOoyIFfCCBXgGt5bF0bPbGk0vqwOwV0NjDjy2MaMcbupsOcnIoGEUT82778YL13qpD0w0QtSBVV+5LuO7msFdW08fRKHE0t",
  "Fd0bdcXziy0FEReZXWOgeFrUYtK28O54RtVcvzR8yBZxifuG5KwqF5gKNO+gTT2u5jVd1A6seg6fhoCVCaHMWWCDdIkSVxnSRqjg",
  "ukvJP3A4pNEr16yfhljSmOnP3SdGowZjewbMI1R3g/+RQtWxF0zIOxoIvywpVWR/tpNKnh1fusogyu53c2o9H+Sc7oJye7R+VD71",
  "KohihpOOQ6ojT5phnumNsjUq+2c4stSU7OIA+gVkMR/D9PmBxt4E3dONQLyD3n7z+Tg8ETyLRdRIsVCrJJZecDhHixULrlcJm90k",
  "1q07dowGGe7ajdnW5YAK16VM5ckXpM/UqPiHTB8hzUzPn168HY0DCtP2qR9naQAgw0d2K2VwhMyHdNRz4EEA9NnsKTs/xtLf1MiE",
  "kFhSAHEQaPQJz3fHFwr7pbTuZkCNFIJxzMJVuZ3Mec8wVUBI2Ezxxr+Z1ZPiH6yBfGpQWg6grbgvAMs42ycXohyF5PARCNmmO8D9",
  "BtLxnMpjph1tFkqPkEowvYhGLkT9/ocyBE6OWZouPnYV7JxKnv0pP4Xh8e9Aus3TGidE3cV89I7mWe4r0SjBiOEwlVT3zlgZMPh0",
  "u4K5ePWMPt2UmgGvHzw2Umrj59YyMI4UOsHBmifLw+ZE3KGMP7yxmYjxucD4XjoQqynlt6cVD2D1lufwtvZI1BV03qUR2xK4srwh",
  "rWQ0W0kbEVYP1pEXZt/rNOy+ANkNscqVySW7zp9rk0Kn7kBPUV09+zvvacKHRrgSUSoRo6W0DPoKawSzKVjmq3K66oXn8Efc5sLi",
  "Dxr3j1YPaWVnIe1Zk6Bz25Pg9LMsU8M+wWloMLiIUNK4GPLg+xM6xxhCQR5zVXKDc0+XjPqYCPmektHlz+pOZFAjva85v0q3RvdF",
  "34OlYn0kbKzbg7eOMoy6i2typ13OlsNLiWRlMj8vqW4GTxH1gXy0nqu9/v4Oe1MKyKJVcqKbYYbWNl9f6Sx0Br2FdYdFAf0ThgQ3",
  "tyM4EUgs51LplkH8mKfFBKUshhVa96Cno/xRO3/R+yLn23NNmJrESOY9E4Xvgrrr4NLQYD7B9dpfDVhmq6OoJpkHBfmNMbPRtxDu",
  "P5bMUnB/SUZ38f0fxuWU6c+7/zOm7+2L6rb+05sP/fFh1Z/Aj2vpLqVk/siCU3xuusrHsHPGo3rO/T17Y2gbCmm9+U4IXKYMob4G",
  "LT4hUaZhFpxiCvPPT0luSLiNaeUP+hvD+szvw6PbiVom8cPek/ji8xzgdVpGKZb4t3Y6a1zbbZgjWBPxl7O79mUUCYYzUom+LC5Y",
  "7X2ganR/WYtnwKYr7twcV7ROpMKo7xe3QDhI25QT5GxhYk3zkuvd5FBGGhK6Fx3I+bogsHdmFR7l16CW6C4SHdx0FM4KYM0y74Yk",
  "XpG6ViQTkpmBDbiA/6qorbW1aWztl/b/4RDmYL/VEhkj48Fj9B76P43Kj5yXxavv9Y2yfLGm+I8wvbOD/baWa3Ox3ttd0PazfKyg",
  "5LxkfEbQ3WupOkJ68M1r5A72vg0soorGU8nSmGzBhp2Ssy4Rt0qtt6h7B7/HcehEd2B61WSd2HJJrWTXHEcRi0p8bAVfYofPm9g9",
  "DeSY1S1dm8fG9jqpw8JOjRAd/0p5NIJ5eLSJ07o5UVgqct/Oy2DxS8sQNoQoiGXutE6Xwv647R7+lEOlMur+KWIiPXM+J6mmPXqU",
  "zl9SP1p9NQYIh7gpiGbMHIH3Js+w3MIHyqgmNCqA/2OhtfAC3ZOzifxSMME0YP+8yeKsQ9R4IKy7Z3zxQTg/LPwNTKqES5RL1cDt",
  "NimDp5udEd/UZV55ngoxqYTzY5ECxdUWSv+1F0ZNfdNl8Lw1Q/ZFTo6/0c5LUC6kPxaWAeqZ1uFxL4bCXuQ5jc+b+4FkwExaTrsn",
  "c3ZdiHDDgnqiffBv+BDV+AdqOlUmupGMhU6WizZVCveJBInqryi27ybiuy6E6sx0rEUr5duyo6uw2uqdkhIAyYsLO2/JT0ZrrsiS",
  "RDcXQLtuzgnLu+MXBtp6txUFHRBqCkLMvarcnYeQWeUtIxJKgkapn7bqqcJU+leP+auW3CKYk0dkZVTz6fgts/dWvJMrfnhZvX4p",
  "cCR3+d9atlU8207rVzbvGcZ26vuL8SNrC5Ii5u0Da6B3FOX6ru3sRY42q1/pxIWIlVmeudoUtOsYAsvbEZtTdf33ArSIGaEmn8K9",
  "UtaBqNL8tQPhql9J8EYzbedLolIHfKNEmdXbLVYMQKRwb6WThC3myn+FUrlrD1DNTMuOuOW4n73fpqenRhOkACB+siYfpwetl9DI",
  "KAyMZgDUji94c8gkzF6C+jIPL4AAiXI7VpD6LX/2orn/0jqgQCtPyms0efketMuov4dJyBD24ryGgde3JqH+ydf0LX3K2Q029LDm",
  "Mrgkn7sNcnkcPVCRQzFdoD/m7cYqkc6XY0ykdZR9dIjPX6n4uhrhPr6vhsl8zki14dtpm2hhmc6tW+j7GwKbItpSRMLDuT9CmXLi",
  "+qLCQauQZ9XyGtRnyZ+HzdylGQlrumDFlyDJwbuH6QBUD2DLBem4tr1oO7Kq6SMBKRM4PkcjZyTtIWWvCnK2oPkL44YMdsA2lGk+",
  "W40O5Aj4zpuoj5NwRLkEDrIwEh0LtsLCknO4jJXnwkhvXivyxrG5uTtI83e9kPMaCza2rjgeKKhKGvDV7LSw4Y3DY9rGJTJS3SBs",
  "CyjiDq04Wn5InFdfU4qUIwdZjVHYxvCdWoMtN+iseexIr7BljvhsRTHk+EQiGJgnG9vc/1gbZMuejhtrFQ+/+PAIij8vIj1+RnLi",
  "xdrS7jYti6wPu2rMHdgOW3eRh6qE+K3X6bTCnxJH6ZjqupTqUrvMhiRis0fXmCM/pek5pSfqf6itOqAZDX/sjg5kiI6x5J/SrCQE",
  "MGjPUxmJPhX57u6jg9ctBTxCw6hfK45at6rqjKRNeQbLEvSSN7YxMWVVJbDN0AvkvovYu+IRvz5fVReOgMQOna6uzmpb1m4Otyqd",
  "saB1UkRaWoJF8osK0mR1BN7IEmfV8PDi1u4ujQa+koUV+2tghZbWTUZVPRjEtntz7ZyGuCY8TOGXqkwedaRa0CjEqGYwS5/ZPdXf",
  "ZZJNcQQz9SlA/o4DqEblq3970MbiP5kz0L1yBFKY3pZfmoR424+/QERtj4VmPpZ898ClVtJz76hKpHkTAOfdrZqYJ3ZjqJVSXQ1Y",
  "GMBgVVnBfrFTfBK7prQQbh7wuKqvcd6daBvX6ehwygQTlrPKDQerYiFxJpIiDf3Fl3tgPdHIVbtpDbC2alB8t32auIwFOysqxBBc",
  "5EKyrZKOYPN34wRbmnqKuY7THlk3sjjwVRzG8UAZ7WeyiGYvxd5GbGujNy6RX+gB3xWgPTtLrCMjxuK8ujsxYYsaCA0KXpfsq3cb",
  "bKmKfTmuIUqQjDW955ZVIsdT7dzH2VQu2ndB1lB+dXVcVBTqHIjpudDV0Qvl3dKSc2mZJCSqZOhES8ZOXpWHd9DDvy2t1D4RC+87",
  "8Vq9tEpi2pc87ISO1c3qiq2x7GHd+tC9Syem8kqBpe0Y3me6lDlFrR6xz9fOcIeUz+qA9PxDSyyzzoGNAk2peYMloTH8FF73X0Ki",
  "MEOgE1jkbgk+O5o19ffSyvxTiBhuncqLDcoAg/K1h/19NFXPZKJed0h+4JG30XSenYEqA/5KNpXanVh2JQYSxgQi9YO93YM6UcXu",
  "066HlvdCNXlylmqSxFI7dUTNFL6ak4IXDzwFt3UnipKVAJptwThj3RKLxiRTsSz3uoAAyfEDXsrrFvz20+572nRQoB2XhPW8phy7",
  "9IjqGhGSZAjlvOUybNDj6TErpWGVtn1KHuzPn0NiLjL/OgddHZKO7pKTwofU+rn+vglJtKQ2Mqp3uLOpiXlovi5MW+FNxL6UleYQ",
  "CvZLATedD9mssDr3fB2QlIzznsGEhFMP2FwJNdwktLlvsAbypWUoEw60S0ITLuHTRS5Et4c/+cuIUG8JzLyMSNc5FaVpj/f+qiTL",
  "C//rrxtNiFoORHO1vtXtvc7+5tswMJX4iApoMZeltDZBX3CJPXy6NisNwv38zmGEEXfMq0wbaQR2kDI9vEJ65dWUv9YPscHCSZo/",
  "prVpbK8FvTeGUx1yM9yAzw8jhEcbR6zFp6ikTkATYcPTK2UZ4lgXt9HpJjEIrBxaZDvfT42XbhKDo3A9CtejcD0K16NwPQrXo8zM",
  "zMzMzMzMzMzMzMzMzMwAQc8zCwGAAEHfMwsBoABB7zMLAcgAQf8zCwH6AEGONAsCQJwAQZ40CwJQwwBBrjQLAiT0AEG9NAsDgJaY",
  "AEHNNAsDILy+AEHdNAsDKGvuAEHtNAsD+QKVAEH8NAsEQLdDugBBjDULBBCl1OgAQZw1CwQq54SRAEGrNQsFgPQg5rUAQbs1CwWg",
  "Malf4wBByzULBQS/yRuOAEHbNQsFxS68orEAQeo1CwZAdjprC94AQfo1CwboiQQjx4oAQYo2CwZirMXreK0AQZk2CweAehe3JtfY",
  "AEGpNgsHkKxuMniGhwBBuTYLB7RXCj8WaKkAQck2C7cooe3MzhvC0wAAAAAAAAAAoIQUQGFRWYQAAAAAAAAAAMilGZC5pW+lAAAA",
  "AAAAAAA6DyD0J4/LzgAAAAAAAABAhAmU+Hg5P4EAAAAAAAAAUOULuTbXB4+hAAAAAAAAAKTeTmcEzcnyyQAAAAAAAABNliKBRUB8",
  "b/wAAAAAAAAg8J21cCuorcWdAAAAAAAAKGwF40w2Ehk3xQAAAAAAADLHxhvgw1bfhPYAAAAAAEB/PFwRbDqWCxOaAAAAAAAQn0uz",
  "FQfJe86XwAAAAAAA1IYeINtIuxrCvfAAAAAAgEQUE/SIDbVQmXaWAAAAAKBV2Rcx61DipD8UvAAAAAAIq89d/SXlGo5PGesAAAAA",
  "5cqhWr43z9C40e+SAAAAQJ49SvGtBQMFJ8artwAAANAFzZxtGcdDxrC3luUAAACiIwCC5G9c6nvOMn6PAACAiiyAot2L8+Qagr9d",
  "swAAIK03IAvVbjCeoWIvNeAAADTMIvQmRUXeAqWdPSGMAABBfyuxcJbWlUMOBY0prwBAEV923Qw8THvUUUbw89oAyGr7aQqIpQ/N",
  "JPMrdtiIAHpFegQN6o5TAO7vtpMOq4DY1phFkKRyaIDpq6Q40tVQR4Z/K9qmR0HwcetmY6OFJNlnX7aQkJlRbE6mQDwMp23PQffj",
  "tPT/ZQfiz1BLz9CkIYl6DvH4v59E7YESj4GCDWorGVIt96/HlWgi1/Iho5BEdp+m+PSbObsC64xv6su01VNH0DbyAghqwyVwC+X+",
  "kGWULEJi1wFFIpoXJidPn/V+ubfSOk1C1qqAne/wIsey3qdlh4ng0ovV4IQrrev4L+uIn/RVzGN3hQwzO0yTm/sla8dxa7881abP",
  "/0kfeMJ670U5Tkbvi4qQw38cJxbzrLXL4/CLdZdWOtrPcdjtlxejvhzt7lI97MjQQ45O6b3dS+5jqKqnTCf7xNQxomPtau90PqnK",
  "6I/4HPskX0VelEQrEo5T/eKzNuQ57rbWdbkWtpZxqLzbYERdyKlkTNPnzTH+RulVibxKOh3qvg/kkEG+vZhjq6tr3YikpK4THbXR",
  "Le1+PJaWxhSrzU2aWGTiojxUz+UdHvzsiqBwYLd+jctLKUNfpSU7qK3IjDhl3rC+nvMTtw7vSRLZ+q+G/hXdN0N4bDJpNW6rx/wt",
  "FL8tigRUlgd/w8JJlvl7OdkuuawG6XvJXnQz3Pv32oePeufXo3HtPbsooGn92ui0mazwhgzOaA3qMgjEvBEjIsDXrKiQAcOQpD8K",
  "9SvWqyqwDdjS+uB52sZnJnnbZasajgjHgzhZGJG4AXBXUj9WobHKuKSGb161JgJM7SbPqwle/ebNtAVbMViBT1R4YQvGWl6wgCHH",
  "sT2uYWNp1jmOd/F13KDpOB7NGTq8A0zIcdVtkxPJI8dlQKBIqwRfOs5KSXhY+3acPyhkDetie+TAzi1LF52Ug08yvdClO5odcUL5",
  "HV3EeWTjfuxEj8oAZQ2Td2V09cseTs8Ti5l+IF/ou2q/aJl+piHD2O0/nuh24mpF78K/HhDq807pz8WiFJvFFquz7xJKcljR8aG7",
  "5eyAO+5K0JWX3I6uRW6KKh8oYcqpXUS7vZMyGtcJLfUmcvk8FHUV6lacX3AmJjxZWOcbpixpTZJsg3cMsC+Lby7hos93w+C2R2SV",
  "D5z7bQt6mYvDVfSY5KxevYlBvSRH7D83mrWY345XtizskeztWOcPxQDjfpey7eM3Z7ZnKS/hU/bAm14933TuggDS4Hm9bPSZWCFb",
  "hosRqqOABlnY7IdxwK7p8WeulZTMIEhvDujpjXAaZO4B2t3cfxSNBQkxsliGkP40QYgV1J9Z8EZLvd7upzQ+glGqGskHcKwYnmyW",
  "6tHBzeLl1LDdBMZrz+IDnjIjmcCtD4UcFYa3RoPbhEX/a78wmVOmY5pnZRhkEuYW/0bvfH/oz37AYD+PfstPbl+MFa5P8YGd8DgP",
  "M16+40l375qZo22ixSwH07/1rVwcVasBgAwJy/b3yMcvc9lzYyoWAqBPy/36mt3c/ednKH7aTQHEEZ+euAEVVP3hgbIdUaEBNdZG",
  "xiZCGql8WiIfZaUJQsKL2PdYabDpjXh1M18HRmlZV+earoMcZLHWUgA3iZfDLy2hwZqkI71djGfAhGt9tHt4CfLgRjaWurdA+DJj",
  "zlBN60WXmNjDO6nlULb/+wGlIGYXvb7OtIoTH+Wj/3pCzqg/Xew3AbE2bDNvxt+M6YDJR7qThEFdREcAC7gX8CPhu9mouOWRdBVZ",
  "wA2mHexs2SoQ0+Yv22itN5jIh5IT5Mca6kOQ+xHDmEW+uil3GN15oeRUtHrW8/7WbSn0lF5U2MkdauEMZlhfpuSZGB27NCeeUuKM",
  "j38u989dwF7k6QGxRecasHMf+vRDdXB2XWRCHRehIdyoUxx5SkkGarp+SXKuBJWJkmhjF53bhwRp3tsO2kX6q7ZCPF2E0qlFA9aS",
  "klDX+NayqUW6kiOKC8LFm1uShluGHhTXaHesbI4yt4LyNmjypybZDEOV1wcy/2Qjr0QC79G4B+hJveZEfx8fdu1qYTWDpglinGwg",
  "Fl/nptOoxbkCpA+MesOHqNs2oZAIEzdoA82JlyzaVElJwmRa5WsiISKAbL23EKqb2/L9sN4Ga6kqoMes5ZSUgpJvPV2WyMVTNcj5",
  "Fx+6OSN3y4z0uzq3qEL6+25TFAR2Kv/XeLWEcqlpnLpKaBmFE/X+DdfiJc8ThMNpXcJfZliyftGMW+/CGGX0YXrZ+z93L+8COJnV",
  "eS+/mPrYz/oPVfuqA4b/Slj77r44z4P5Uyq6lYRnv10uuqrug2Hye3RalN2yoJf6XLQqleT57poRcfmU34g9OXRhdbpduKoBVs03",
  "ehfrjEfRuRLpOrMKwVXgYqzuErjMIrSrkQlgTTFrmHtXqhfmfyuhFrYLuKD9hX5a7ZSd3192SZzjB3OEvhOPWBR9wuv76a1BjsiP",
  "Ja7Ysm5ZHLPmemQZ0rG7867Zjl/Kb+NfoJm9n0beVFgNSLl73iXuOwSA1iPsimquEJqnGlav6UoFIMwsp60E2pSAUaErG6SdBij/",
  "9xDZQghd8NJE+5CGIgR5/5qqh1NKdKwHFjo1KCtFV79BlanoXJGXiZuIQvJ1Fi0vkvrTEdq6/jVhlWm3CS58XZt8hJWQaX6DufpD",
  "JYw52zTCm6W79ANe5Gf5lC7vBxLCsgLP9XjCuu7gGx199URLua9hgTIXc2kq2WJk3DIWnqcbuqH+3M8DdY97fZO/m4WRoijKPtTD",
  "RFJz2lx4rwLnNcuy/Kdk+moTiAg6q61hsAG/753Q/bhFGKqKCBYZehzCrmvFRT0nV55UrYpbn5ijcprG9kuGePbiVKw2mWM/pocg",
  "PJrdpxa0G2pXhH88z4+pKMvA1VEcoaJEbWWfC8Pz0/L98CWzsaTlSmSfQ+dZeMS3npbuH94Nn109hxRhcJa1ZUa86qdV0Qa1DKlZ",
  "eQz8Iv9X6/KI1UIk8acJ2MuH3XX/FpMv64pTbe0RDM6+6VRTv9y3+qVtqMhoFo+BLiQqKO/T5byHRGl9AW75EJ1WGnl1pI+sqZXD",
  "3IHJN1VE7GDXko2zFxR79FPiu4VqVSc5jfdw4I7szHh0bZWTYpW4Q7iaRoyyJwCX0ch6OLu6plRmQVivnjHA/AV7mQZqadDpv1Eu",
  "2wMf+L3j7B9E4kEi8hfz/IjDJnatHOgn1VrSqu7dLzyrdLDT2CPicYrxhlVq1TsL1klOhGdWLYf2VnR1YmUFx4XbYWUBrPgotGzR",
  "Eru+xjinUrq+Adc2M+HHhddpbvgG0XM0F2FGAsDsnLMmAkVbpIKQAV351wLwJ4RgsEIWck2j9EG0940D7DGleFzTm84gzHFSoXVx",
  "BGd+zpYzyEICKf+G04TpxmIAD0E+IL1poXmfaAjmo3h7wFLRTWgsxAlYx4KK38xWmnCnRWGCNzUMLvmRtgtAdmCmiMt8sUKhx7yb",
  "NaQO0JP4z2r+212TifmrwkNNEsS49oMF/lI1+Ov3VvNKcIt6M3pyw95TIXvzWhaYXEwuWcAYT3TWqOlZsPEbvnPfeW/w3mIRDBNk",
  "cBzuou2oK6xFVsvdiueLPsbR1IWUkjYX1ys+lW3hLs43BkqnuTcE3cy2jfrImbrBxYccEeiiIgpAkpicHaAUmdvUsQqRS6sM0La+",
  "AyXIWX8SSl5NtR3WD4RkrkQuOjAfl9y1oOLS5YnS/uzqXCR+c96pcaSNR18shz6oJXStXRBWFI4NsRl39yhOEi/RGHWUa5nxUN1v",
  "qprZcGu9gi/JPOP/llKKC1UBEE3GbGN7+wvcvzznrE6qAVTg90c8WvoO0+8LIdhxCoE07PqsZXhc6eN1pxSHDU2hQac5GH+Ws+Nc",
  "U9HZqFCgCRIRSN4efKAcNKhFENMyBEarCu1Kk03kkSCJK+qDP4UXVk2oHfhgXbZoa7bkpI5mnatgEiU2ufTjQgbkHc4ZYEJrfCvX",
  "wfN4zumDrtKAH/gShlv2TLIwF0LkJFoHoSe2l2fyM+De/JxSHa4wScmxo30B70CYFjxEp6TZfJv7TobuYJUoH46liugGCC5BneIn",
  "Krm68qbxTq2iCIp5kcTbsXRnaa8QrqJYy4rs17X1Ke+o4KFtyqxlF7/W86aRmfMq01gKCf0XP91uzLAQ9r+w9QfvTEv83Y6Uiv/c",
  "lPPvjvlkFRCvvUrZnLYfCj34lfE3vhrUGm2dD0Skp0xMdrvtxW0hiWHIhBNVjdFf31PqtJvktPU8/TIsVfjim2t0kqHCHSIzjLw/",
  "d2q224KGEbdKM6XqP6+rDxUFpJIj6NXkDkCn8odNyyktg6Y7FrEFjxIQUe/pID50+COQylsdx7IWVCVrJKlNkfYsNL2y5HjfjlT3",
  "wraJ0BoanEC2746ri7EptXMkrIShIMPQo6tylq4edKKQLdflyejzxIxWDzzakohlenymL35xGPsXlolliLfq/pgbkLvdjd75nfvr",
  "fqplpT5/InQqVTFWeIX6ph7VXyeHj5WIOtXeNWuTXCgzhTfxaPO6KomKVgNGuHPyf6aFLUOwaXUrLSyEV6YQ7x/Qc/wpDmIpO5yb",
  "svZnavUTgo97tJG680mDQl/0AcXymKJzmiE2qXAcJBN3cUJ2Lz/LEAGqg9OMI+3X1A3TU/sO/qpASjIEODb0BqXoYxRdyZ7V0Nw+",
  "BcZDsUjO4nxZtHvGCgWUjoa3lN3agRvcb6Ea+CaDHBm08nzKKDGR6eWkEJvwo2MfYS8c/XJ99WMfztTB7Iw8Zzk7Y7zP3PI8pwFK",
  "8hPYheADBb7VAcoXhghBbpcYTqfYRIYtS4K8nadK0Um9niHRDtbn+N2iK4VRnUWc7AO1QsnlkLvKRTvzUoKr4ZNDYpM7H3VqPRcK",
  "sOdiFtq41Dp4CmcSxQydDJyh+5sQ58Uki2aAK/sn4ocBRX1hapD27S2AYPb5sdrpQZbc+YS0c2k5oPhzeF5RZNK7Uzim4ejhI2R7",
  "SAvbsn5jVTTjB41i2iw9mhrOkV9evGoB3Emw+xB4zEChQXb3dWvFAVNc3J0Ky3/IBOmpuiljG+GzuYlEzb2f+kVjVCn0O2LZICis",
  "lUCtR3kXfKkz8cq6Dyky111IzMyrju1JwNa+1KlZf4Z0Wv+/VvJoXHCM7kkUMB+oETH/b+wug3OML2pcGfwm0qt+/8VT/THIt13C",
  "2Y9dWINVXn+3qHw+uiX1MtDzdC6k6zVf5dIbzihvsj/EMBI6zbOBW89j0YB5hc+nel5LRIAfYjLDvAXh12bDURk2XlWgp/r+8ytH",
  "2Y1ANKafw7VqyFG5/vD2mE+xUMGPhzRjhfrTM59Wmr/RbtLYudQAXpOcyABH7IAvhgoHT+gJgTW4w/rAWCdhuyfNyGJiTOFCpvSc",
  "eJe4HNU4gL19vc/M6eeYw1a95mMKR+As3awDQOQhv3SsbOD8zFgYeBSYBFBd6u7I60MMHoA3D8sM3wJSelKVuuZUjyVgBdP9z5aD",
  "5hinumkgKvMuuMZH/YN8JCDfUOlBVPpXHTPcTH7SzRZ0i9KRUun4reQ/E+AdR4EcUS5HtqYjd9ndDxhY5ZihY+X52ONIduqn6gkP",
  "V4//RF4vnGeO2hPlUWXM0ixzP9Y1O4MBstFYXqZ+fwf4T89LAwrkgd6C9/onr68E+5FhD0KGLhGLY7X58ZrbxXn2OZPSJ3rVrbwi",
  "eK6BUjcYdAg4x7HYStm1FQsNkZMij0gFgxxvx86HIttNUHU467KaxqPjSnnCqetRYaSSBqZfQbiMnJ0XM9Qz07ymG8TH2yjz14HC",
  "7p+EAAhskCK1uRLz700ic+rHpQAKhzRrImjX72vh6g/lOc9AZtQAgxWh5nXjzPIpL4SB0H8JweNaSWBTHIBv9DrlocTfS7GcsVs4",
  "aCNgi7GJXsq1157dA55yRkIsOO4dLPb80UaDasKiB2ypG+O0ktsZnoUYJAVziwnHk+IbYndSoMWnHm3GT+7LuDjbojoVZwj3KDME",
  "3PF0f3MDyaVEbUBlmvI/BVMuUl9QRDvPlYiQ/sDvj8bnuSZ3ZBUKQ7uqND7x9RncMDR4yl5N5gm16uDGlnIgEz1BFn224F9MYiWZ",
  "eLyP6FeM0Vsc5Nh337puv5brWfG292K5kY7nqss0pTc+k7CtpLW7JzZyoZX+gY7FDbgc2Q2jqrHDzgk7fiLyNhHmsafopQpPOiHm",
  "5I5VV8LKj53RYk/N4oipH57yKu1yvbMFhjujgBvrk6dFr3Woz6zgwzMFZjDxcryIi41JyQFsjLSAhn98rY/rau7wmzsCh6/hIGif",
  "25hzpgUq7YLKwmjbjBShQ4k/CIhDOtSRvnkhibBZiZRrTwpq1EhJNi7YaascsKt5RuOMhAmb28M5TkTWEU4LDAwO2PLlQGka5LDq",
  "hZUhDg+PEY5vH5EDIR1dZaf7qdHS8pVxS2d1RGlktD7RAEGG3wALsgHwPwAAAAAAACRAAAAAAAAAWUAAAAAAAECPQAAAAAAAiMNA",
  "AAAAAABq+EAAAAAAgIQuQQAAAADQEmNBAAAAAITXl0EAAAAAZc3NQQAAACBfoAJCAAAA6HZIN0IAAACilBptQgAAQOWcMKJCAACQ",
  "HsS81kIAADQm9WsMQwCA4Dd5w0FDAKDYhVc0dkMAyE5nbcGrQwA9kWDkWOFDQIy1eB2vFURQ7+LW5BpLRJLVTQbP8IBEAEG84AAL",
  "ASwAQcjgAAsfAgAAABgAAABlAG4AZAAgAG8AZgAgAHQAcgBlAGUAcwBB7OAACwEcAEH44AALEQIAAAAKAAAAVAByAGUAZQA9AEGM",
  "4QALASwAQZjhAAsbAgAAABQAAABsAGUAYQBmAF8AdgBhAGwAdQBlAEG84QALASwAQcjhAAshAgAAABoAAABzAHAAbABpAHQAXwBm",
  "AGUAYQB0AHUAcgBlAEHs4QALASwAQfjhAAsZAgAAABIAAAB0AGgAcgBlAHMAaABvAGwAZABBnOIACwEsAEGo4gALIQIAAAAaAAAA",
  "ZABlAGMAaQBzAGkAbwBuAF8AdAB5AHAAZQBBzOIACwEsAEHY4gALGwIAAAAUAAAAbABlAGYAdABfAGMAaABpAGwAZABB/OIACwEs",
  "AEGI4wALHQIAAAAWAAAAcgBpAGcAaAB0AF8AYwBoAGkAbABkAEGs4wALASwAQbjjAAsbAgAAABQAAABuAHUAbQBfAGwAZQBhAHYA",
  "ZQBzAEHc4wALASwAQejjAAsVAgAAAA4AAABuAHUAbQBfAGMAYQB0AEGM5AALASwAQZjkAAsZAgAAABIAAABpAHMAXwBsAGkAbgBl",
  "AGEAcgBBvOQACwEsAEHI5AALIwIAAAAcAAAAYwBhAHQAXwBiAG8AdQBuAGQAYQByAGkAZQBzAEHs5AALASwAQfjkAAshAgAAABoA",
  "AABjAGEAdABfAHQAaAByAGUAcwBoAG8AbABkAEGc5QALARwAQajlAAsJAgAAAAIAAAAw"
].join("");

// src/core/models/lightgbm-fast.ts
var REASONS = { [-1]: "layout", [-2]: "number", [-3]: "tree", [-4]: "shape" };
var reader;
function treeReader() {
  if (reader === void 0) {
    try {
      const api = globalThis.WebAssembly;
      const module2 = new api.Module(Buffer.from(LIGHTGBM_WASM, "base64"));
      reader = new api.Instance(module2, {}).exports;
    } catch {
      reader = null;
    }
  }
  return reader;
}
function readTreeSection(bytes, start, maxFeature) {
  const wasm = treeReader();
  if (!wasm) return { declined: "unavailable" };
  try {
    const text = wasm.textAt(bytes.length);
    new Uint8Array(wasm.memory.buffer, text, bytes.length).set(bytes);
    const count = wasm.parseTrees(start, maxFeature);
    if (count <= 0) return { declined: REASONS[count] ?? "layout" };
    const memory = wasm.memory.buffer;
    const nodes = wasm.nodeCount();
    return {
      trees: {
        roots: new Int32Array(memory, wasm.rootsAt(), count).slice(),
        offsets: new Int32Array(memory, wasm.offsetsAt(), count).slice(),
        feature: new Int32Array(memory, wasm.featureAt(), nodes).slice(),
        threshold: new Float64Array(memory, wasm.thresholdAt(), nodes).slice(),
        decision: new Uint8Array(memory, wasm.decisionAt(), nodes).slice(),
        left: new Int32Array(memory, wasm.leftAt(), nodes).slice(),
        right: new Int32Array(memory, wasm.rightAt(), nodes).slice(),
        leafValue: new Float64Array(memory, wasm.leafValueAt(), wasm.leafCount()).slice()
      }
    };
  } catch {
    return { declined: "unavailable" };
  }
}

// src/core/models/tree-input.ts
function readRow(row, out, file) {
  const features = out.length;
  if (row === null || typeof row !== "object" || typeof row.length !== "number") {
    throw new ModelgateError(
      `${file}: a row must be a list of ${features} numbers (null for missing)`,
      "check",
      {
        file
      }
    );
  }
  if (row.length !== features) {
    throw new ModelgateError(
      `${file}: a row of ${row.length} value${row.length === 1 ? "" : "s"} was given, the model takes ${features} feature${features === 1 ? "" : "s"}: check that the golden rows were written for this model (missing values are null, not left out)`,
      "check",
      { file }
    );
  }
  for (let i = 0; i < features; i++) {
    const value = row[i];
    const missing = value === null || value === void 0;
    if (!missing && typeof value !== "number") {
      throw new ModelgateError(
        `${file}: feature ${i} of a row is ${JSON.stringify(value)}; expected a number or null (missing)`,
        "check",
        { file }
      );
    }
    out[i] = missing ? NaN : value;
  }
  return out;
}

// src/core/models/lightgbm.ts
var ZERO_THRESHOLD = Math.fround(1e-35);
var INT32_LIMIT = 2 ** 31;
var TREE_KEYS = [
  "num_leaves",
  "num_cat",
  "is_linear",
  "leaf_value",
  "split_feature",
  "threshold",
  "decision_type",
  "left_child",
  "right_child",
  "cat_boundaries",
  "cat_threshold"
];
var LightGbmModel = class {
  constructor(file, info, perIteration, averageOutput, objective, roots, feature, threshold, decision, left, right, catStart, catLength, catWords, leafValue) {
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
  predictRaw(row) {
    const x = readRow(row, this.scratch, this.file);
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      x[i] = v >= -ZERO_THRESHOLD && v <= ZERO_THRESHOLD ? 0 : v;
    }
    const k = this.perIteration;
    const sums = new Float64Array(k);
    const { roots, feature, threshold, decision, left, right, leafValue } = this;
    const trees = roots.length;
    for (let t = 0; t < trees; t++) {
      let node = roots[t];
      while (node >= 0) {
        const type = decision[node];
        let v = x[feature[node]];
        let goLeft;
        if ((type & 1) !== 0) {
          goLeft = this.categoryIn(node, v);
        } else {
          const missing = type >> 2 & 3;
          if (v !== v) {
            if (missing === 2) {
              node = (type & 2) !== 0 ? left[node] : right[node];
              continue;
            }
            v = 0;
          }
          if (missing === 1 && v >= -ZERO_THRESHOLD && v <= ZERO_THRESHOLD) goLeft = (type & 2) !== 0;
          else goLeft = v <= threshold[node];
        }
        node = goLeft ? left[node] : right[node];
      }
      const cls = t % k;
      sums[cls] = sums[cls] + leafValue[~node];
    }
    if (this.averageOutput) {
      const iterations = trees / k;
      for (let c = 0; c < k; c++) sums[c] = sums[c] / iterations;
    }
    return Array.from(sums);
  }
  predict(row) {
    return this.objective.transform(this.predictRaw(row));
  }
  /** Tree::CategoricalDecision: NaN, negative (after truncation to int) and unlisted categories go right. */
  categoryIn(node, value) {
    if (Number.isNaN(value)) return false;
    if (value >= INT32_LIMIT || value <= -INT32_LIMIT) return false;
    const category = Math.trunc(value);
    if (category < 0) return false;
    const word = category >>> 5;
    if (word >= this.catLength[node]) return false;
    const bits = this.catWords[this.catStart[node] + word];
    return (bits >>> (category & 31) & 1) === 1;
  }
};
function parseLightGbm(text, file, options = {}) {
  const bytes = options.fast === false ? void 0 : options.bytes ?? Buffer.from(text, "utf8");
  return new LightGbmParser(text, file, bytes).parse();
}
var LightGbmParser = class {
  constructor(text, file, bytes) {
    this.text = text;
    this.file = file;
    this.bytes = bytes;
    this.hadCarriageReturns = text.includes("\r");
  }
  text;
  file;
  bytes;
  hadCarriageReturns;
  /** The current line: its 1-based number and where it lies in `text` (without its carriage return). */
  lineNumber = 0;
  lineStart = 0;
  lineEnd = 0;
  /** Where the line after the current one starts; past the end of `text` once the last line is read. */
  next = 0;
  fail(message, line) {
    const at = line === void 0 ? `${this.file}:` : `${this.file}:${line}`;
    throw new ModelgateError(
      `${at} ${message}`,
      "check",
      line === void 0 ? { file: this.file } : { file: this.file, line }
    );
  }
  /**
   * Moves to the next line (as `text.split('\n')` would cut it, so a final newline is followed
   * by an empty line); false when there is none. Lines are scanned in place: a few-MB model has
   * tens of thousands of them, and most are only checked to be key=value.
   */
  nextLine() {
    const text = this.text;
    if (this.next > text.length) return false;
    let newline = text.indexOf("\n", this.next);
    if (newline < 0) newline = text.length;
    this.lineStart = this.next;
    this.lineEnd = newline > this.next && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    this.next = newline + 1;
    this.lineNumber++;
    return true;
  }
  currentLine() {
    return this.text.slice(this.lineStart, this.lineEnd);
  }
  /**
   * Whether the current line is exactly `word`. The comparison runs on every line, not only on
   * lines of the right length: V8 optimizes the scanning loops from what they have run, and a
   * comparison first run at the file's last line ("end of trees") threw the optimized loop away
   * and compiled it again, for every file (about 30 ms of compiling each time).
   */
  lineIs(word) {
    const start = this.lineStart;
    const same = this.text.startsWith(word, start);
    return this.lineEnd - start === word.length && same;
  }
  parse() {
    this.nextLine();
    this.checkSubmodelLine();
    const { header, more } = this.readHeader();
    const fast = more ? this.readTreesFast(header) : void 0;
    const trees = fast ? void 0 : this.readTrees(this.text, more);
    const treeCount = fast ? fast.roots.length : trees.length;
    const int = (key, min, fallback) => {
      const field = header.get(key);
      if (!field) {
        if (fallback !== void 0) return fallback;
        this.fail(`the header has no ${key}= line; LightGBM refuses a model without it`);
      }
      const n = Number(field.value);
      if (field.value.trim() === "" || !Number.isInteger(n) || n < min)
        this.fail(`${key}=${field.value} is not an integer >= ${min}`, field.line);
      return n;
    };
    const numClass = int("num_class", 1);
    const perIteration = int("num_tree_per_iteration", 1, numClass);
    int("label_index", 0);
    const maxFeature = int("max_feature_idx", 0);
    const features = maxFeature + 1;
    if (perIteration !== numClass) {
      this.fail(
        `num_tree_per_iteration=${perIteration} differs from num_class=${numClass}; only models with one tree per class per iteration are supported`,
        header.get("num_tree_per_iteration")?.line
      );
    }
    const featureNames = this.listField(header, "feature_names", features);
    this.listField(header, "feature_infos", features);
    const objective = this.objective(header.get("objective"), numClass);
    const averageOutput = header.has("average_output");
    if (treeCount === 0) this.fail('the model contains no trees (no Tree= block before "end of trees")');
    if (treeCount % perIteration !== 0) {
      this.fail(
        `the model has ${treeCount} trees, not a multiple of num_tree_per_iteration=${perIteration}: a class's trees are missing`
      );
    }
    let nodes;
    if (fast) {
      const n = fast.left.length;
      nodes = { ...fast, catStart: new Int32Array(n), catLength: new Int32Array(n), catWords: [] };
    } else {
      const blocks = trees;
      nodes = this.allocate(blocks);
      let nodeBase = 0;
      let leafBase = 0;
      blocks.forEach((block, t) => {
        const leaves = this.parseTree(block, maxFeature, nodes, t, nodeBase, leafBase);
        nodeBase += leaves - 1;
        leafBase += leaves;
      });
    }
    this.checkTreeSizes(
      header.get("tree_sizes"),
      fast ? fast.offsets : trees.map((b) => b.offset)
    );
    const version = header.get("version")?.value;
    const info = {
      format: "lightgbm",
      trees: treeCount,
      features,
      objective: objective.name,
      classes: numClass,
      featureNames
    };
    if (version !== void 0) info.version = version;
    return new LightGbmModel(
      this.file,
      info,
      perIteration,
      averageOutput,
      objective,
      nodes.roots,
      nodes.feature,
      nodes.threshold,
      nodes.decision,
      nodes.left,
      nodes.right,
      nodes.catStart,
      nodes.catLength,
      Uint32Array.from(nodes.catWords),
      nodes.leafValue
    );
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
    let most = 1;
    for (const block of trees) {
      const field = block.fields.get("num_leaves");
      const values = block.fields.get("leaf_value");
      const n = field ? Number(field.value) : NaN;
      const room = values ? (values.end - values.start + 1) / 2 : 0;
      const count = Number.isInteger(n) && n >= 1 && n <= room ? n : 1;
      nodes += count - 1;
      leaves += count;
      if (count > most) most = count;
    }
    this.sizeScratch(most);
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
      leafValue: new Float64Array(leaves)
    };
  }
  checkSubmodelLine() {
    const line = this.currentLine();
    if (line.startsWith("\uFEFF")) {
      this.fail(
        "starts with a byte-order mark; LightGBM reads the first line as the model type and would refuse it",
        1
      );
    }
    const first = line.trim();
    if (first === "tree") return;
    const shown = first.length > 40 ? `${first.slice(0, 37)}...` : first;
    const hint = first.startsWith("{") ? " (this looks like JSON: an XGBoost model given as kind lightgbm?)" : "";
    this.fail(
      `is not a LightGBM text model: the first line is ${JSON.stringify(shown)} where LightGBM writes "tree"${hint}`,
      1
    );
  }
  /** The header's key=value lines; stops on the first tree (or the end of trees), which becomes the current line. */
  readHeader() {
    const header = /* @__PURE__ */ new Map();
    while (this.nextLine()) {
      const line = this.currentLine();
      if (line.startsWith("Tree=") || line === "end of trees") return { header, more: true };
      if (line === "") continue;
      const eq = line.indexOf("=");
      const field = (value, start) => ({
        value,
        line: this.lineNumber,
        start,
        end: this.lineEnd
      });
      if (eq < 0) header.set(line.trim(), field("", this.lineEnd));
      else header.set(line.slice(0, eq), field(line.slice(eq + 1), this.lineStart + eq + 1));
    }
    return { header, more: false };
  }
  /**
   * The Tree= blocks from the current line (when `more`) to "end of trees". `text` is
   * this.text, passed in: this runs once per file, and V8 gives a function its type feedback only
   * after it has run a while, so a property read before the loop was unseen code to the
   * optimizer, which then compiled the loop a second time.
   */
  readTrees(text, more) {
    const trees = [];
    while (more) {
      if (this.lineEnd === this.lineStart) {
        more = this.nextLine();
        continue;
      }
      if (this.lineIs("end of trees")) return trees;
      if (!text.startsWith("Tree=", this.lineStart)) {
        this.fail(
          `expected "Tree=${trees.length}" or "end of trees", found ${JSON.stringify(this.currentLine().slice(0, 60))}`,
          this.lineNumber
        );
      }
      const index = Number(text.slice(this.lineStart + 5, this.lineEnd));
      if (!Number.isInteger(index) || index !== trees.length) {
        this.fail(
          `${this.currentLine()}: expected Tree=${trees.length} (trees are numbered in order from 0)`,
          this.lineNumber
        );
      }
      const block = { index, line: this.lineNumber, offset: this.lineStart, fields: /* @__PURE__ */ new Map() };
      while (more = this.nextLine()) {
        const start = this.lineStart;
        const end = this.lineEnd;
        if (end === start || text.startsWith("Tree=", start) || this.lineIs("end of trees")) break;
        const eq = text.indexOf("=", start);
        if (eq <= start || eq >= end) {
          this.fail(
            `Tree=${index}: expected key=value, found ${JSON.stringify(this.currentLine().slice(0, 60))}`,
            this.lineNumber
          );
        }
        const key = treeKey(text, start, eq);
        if (key !== void 0) {
          block.fields.set(key, {
            value: text.slice(eq + 1, end),
            line: this.lineNumber,
            start: eq + 1,
            end
          });
        }
      }
      trees.push(block);
    }
    const last = trees[trees.length - 1];
    const where = last ? ` inside or after Tree=${last.index}` : "";
    this.fail(
      `ends${where} without an "end of trees" line: the file is truncated (re-export it with save_model and upload it again)`,
      this.lastLineNumber()
    );
  }
  lastLineNumber() {
    const lines = this.text.split("\n");
    const blank = (i) => lines[i] === "" || lines[i] === "\r";
    let n = lines.length;
    while (n > 1 && blank(n - 1)) n--;
    return n;
  }
  /**
   * The tree section through lightgbm-fast.ts, from the current line (the first Tree=), when
   * the file's bytes are at hand and the header gives max_feature_idx as plain digits; undefined
   * when it declines, and the TypeScript reader reads the trees.
   */
  readTreesFast(header) {
    const maxFeature = header.get("max_feature_idx")?.value;
    if (!this.bytes || this.hadCarriageReturns || maxFeature === void 0 || !/^\d{1,9}$/.test(maxFeature)) {
      return void 0;
    }
    const start = this.bytes.length === this.text.length ? this.lineStart : Buffer.byteLength(this.text.slice(0, this.lineStart), "utf8");
    const read = readTreeSection(this.bytes, start, Number(maxFeature));
    return "trees" in read ? read.trees : void 0;
  }
  /** LightGBM seeks each tree at the byte offset given by the sizes before it, so they must be exact. */
  checkTreeSizes(field, offsets) {
    if (!field || field.value.trim() === "") return;
    const value = field.value.trim();
    const sizes = (value.includes("  ") ? value.split(/ +/) : value.split(" ")).map(Number);
    if (sizes.length !== offsets.length) {
      this.fail(
        `tree_sizes lists ${sizes.length} trees but the file has ${offsets.length}: the file is truncated or was edited`,
        field.line
      );
    }
    const base = offsets[0];
    let expected = base;
    for (let t = 0; t < offsets.length; t++) {
      const offset = offsets[t];
      if (offset !== expected) {
        const cr = this.hadCarriageReturns ? " (the file has CRLF line endings: was it re-saved on Windows?)" : "";
        this.fail(
          `tree_sizes puts Tree=${t} at byte ${expected - base} of the tree section but it is at byte ${offset - base}; LightGBM seeks trees by these sizes and would fail to load this file${cr}`,
          field.line
        );
      }
      const size = sizes[t];
      if (!Number.isInteger(size) || size <= 0)
        this.fail(`tree_sizes has an invalid size ${JSON.stringify(String(size))}`, field.line);
      expected += size;
    }
  }
  listField(header, key, count) {
    const field = header.get(key);
    if (!field) this.fail(`the header has no ${key}= line; LightGBM refuses a model without it`);
    const items = field.value.split(" ").filter((s) => s !== "");
    if (items.length !== count) {
      this.fail(`${key} has ${items.length} entries, expected max_feature_idx+1=${count}`, field.line);
    }
    return items;
  }
  objective(field, numClass) {
    if (!field) return { name: "custom", transform: (raw) => raw };
    const tokens = field.value.trim().split(/ +/);
    const name = tokens[0] ?? "";
    const param = (key) => {
      const token = tokens.find((t) => t.startsWith(`${key}:`));
      if (token === void 0) return void 0;
      const value = Number(token.slice(key.length + 1));
      if (!Number.isFinite(value))
        this.fail(`objective ${key}:${token.slice(key.length + 1)} is not a number`, field.line);
      return value;
    };
    const sigmoid = () => {
      const s = param("sigmoid");
      if (s === void 0 || s <= 0)
        this.fail(`objective=${field.value} needs sigmoid:<s> with s > 0`, field.line);
      return s;
    };
    const classesMatch = () => {
      const k = param("num_class");
      if (k !== numClass) {
        this.fail(`objective=${field.value} does not match num_class=${numClass}`, field.line);
      }
    };
    const sqrt = tokens.includes("sqrt");
    const identityOrSquare = sqrt ? (raw) => raw.map((x) => Math.sign(x) * x * x) : (raw) => raw;
    const single = () => {
      if (numClass !== 1)
        this.fail(`objective=${name} predicts one value but num_class=${numClass}`, field.line);
    };
    switch (name) {
      case "binary": {
        single();
        const s = sigmoid();
        return { name, transform: (raw) => raw.map((x) => 1 / (1 + Math.exp(-s * x))) };
      }
      case "multiclass":
        classesMatch();
        return { name, transform: softmax };
      case "multiclassova": {
        classesMatch();
        const s = sigmoid();
        return { name, transform: (raw) => raw.map((x) => 1 / (1 + Math.exp(-s * x))) };
      }
      case "regression":
      case "regression_l1":
      case "quantile":
      case "huber":
      case "fair":
      case "mape":
      case "mean_absolute_percentage_error":
        single();
        return { name: sqrt ? `${name} sqrt` : name, transform: identityOrSquare };
      case "poisson":
      case "gamma":
      case "tweedie":
        single();
        return { name, transform: (raw) => raw.map((x) => Math.exp(x)) };
      case "cross_entropy":
      case "xentropy":
        single();
        return { name, transform: (raw) => raw.map((x) => 1 / (1 + Math.exp(-x))) };
      case "cross_entropy_lambda":
      case "xentlambda":
        single();
        return { name, transform: (raw) => raw.map((x) => Math.log1p(Math.exp(x))) };
      case "lambdarank":
      case "rank_xendcg":
      case "none":
      case "null":
      case "custom":
      case "na":
        return { name, transform: (raw) => raw };
      default:
        return this.fail(
          `unknown objective ${JSON.stringify(name)}: LightGBM cannot load it (known: binary, multiclass, multiclassova, regression, regression_l1, quantile, huber, fair, mape, poisson, gamma, tweedie, cross_entropy, cross_entropy_lambda, lambdarank, rank_xendcg)`,
          field.line
        );
    }
  }
  /** Parses, checks and places tree `t` at `nodeBase`/`leafBase` in `out`; returns its number of leaves. */
  parseTree(block, maxFeature, out, t, nodeBase, leafBase) {
    const where = `Tree=${block.index}`;
    const need = (key) => {
      const field = block.fields.get(key);
      if (!field) {
        this.fail(
          `${where}: no ${key}= line; the tree is incomplete (truncated or hand-edited file?)`,
          block.line
        );
      }
      return field;
    };
    const integer = (key, min) => {
      const field = need(key);
      const n = Number(field.value);
      if (field.value.trim() === "" || !Number.isInteger(n) || n < min) {
        this.fail(`${where}: ${key}=${field.value} is not an integer >= ${min}`, field.line);
      }
      return n;
    };
    const numLeaves = integer("num_leaves", 1);
    const numCat = integer("num_cat", 0);
    const linear = block.fields.get("is_linear");
    if (linear && linear.value.trim() !== "0") {
      this.fail(
        `${where}: is_linear=${linear.value}: linear trees (linear_tree=true) are not supported by modelgate's evaluator; train without linear_tree or check this model by hand`,
        linear.line
      );
    }
    const nodes = numLeaves - 1;
    this.doubles(
      need("leaf_value"),
      out.leafValue,
      leafBase,
      numLeaves,
      `${where}: leaf_value`,
      "num_leaves",
      false
    );
    if (nodes === 0) {
      out.roots[t] = ~leafBase;
      return numLeaves;
    }
    out.roots[t] = nodeBase;
    const countName = `num_leaves-1`;
    this.integers(
      need("split_feature"),
      out.feature,
      nodeBase,
      nodes,
      `${where}: split_feature`,
      countName,
      0,
      maxFeature,
      ` (the model has max_feature_idx=${maxFeature})`
    );
    const thresholdField = need("threshold");
    this.doubles(thresholdField, out.threshold, nodeBase, nodes, `${where}: threshold`, countName, true);
    const decisionField = block.fields.get("decision_type");
    if (decisionField) {
      this.integers(
        decisionField,
        out.decision,
        nodeBase,
        nodes,
        `${where}: decision_type`,
        countName,
        0,
        127
      );
    }
    const leftField = need("left_child");
    const rightField = need("right_child");
    const int32 = 2 ** 31;
    this.integers(leftField, out.left, nodeBase, nodes, `${where}: left_child`, countName, -int32, int32 - 1);
    this.integers(
      rightField,
      out.right,
      nodeBase,
      nodes,
      `${where}: right_child`,
      countName,
      -int32,
      int32 - 1
    );
    let catBoundaries = new Int32Array(0);
    let catWords = new Uint32Array(0);
    if (numCat > 0) {
      const boundaryField = need("cat_boundaries");
      catBoundaries = this.room(
        boundaryField,
        numCat + 1,
        `${where}: cat_boundaries`,
        "num_cat+1",
        Int32Array
      );
      this.integers(
        boundaryField,
        catBoundaries,
        0,
        numCat + 1,
        `${where}: cat_boundaries`,
        "num_cat+1",
        0,
        2 ** 31 - 1
      );
      for (let c = 0; c < numCat; c++) {
        if (catBoundaries[c + 1] < catBoundaries[c] || catBoundaries[0] !== 0) {
          this.fail(`${where}: cat_boundaries must start at 0 and never decrease`, boundaryField.line);
        }
      }
      const words = catBoundaries[numCat];
      const thresholdWords = need("cat_threshold");
      const wordsName = `cat_boundaries[${numCat}]`;
      catWords = this.room(thresholdWords, words, `${where}: cat_threshold`, wordsName, Uint32Array);
      this.integers(thresholdWords, catWords, 0, words, `${where}: cat_threshold`, wordsName, 0, 2 ** 32 - 1);
    }
    const { decision, threshold } = out;
    const decisionLine = decisionField?.line ?? block.line;
    for (let n = 0; n < nodes; n++) {
      const type = decision[nodeBase + n];
      if ((type >> 2 & 3) === 3) {
        this.fail(
          `${where}: decision_type ${type} of node ${n} has missing type 3 (only 0 none, 1 zero, 2 NaN exist)`,
          decisionLine
        );
      }
      if ((type & 1) !== 0) {
        if (numCat === 0) {
          this.fail(
            `${where}: node ${n} is categorical (decision_type ${type}) but the tree has num_cat=0`,
            decisionLine
          );
        }
        const index = threshold[nodeBase + n];
        if (!Number.isInteger(index) || index < 0 || index >= numCat) {
          this.fail(
            `${where}: categorical node ${n} has threshold ${index}, expected an index into cat_boundaries below num_cat=${numCat}`,
            thresholdField.line
          );
        }
      }
    }
    this.checkShape(where, [leftField, rightField], out, nodeBase, nodes, numLeaves);
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
    for (const word of catWords) out.catWords.push(word);
    return numLeaves;
  }
  /**
   * Every child index names a node or a leaf of this tree, every node but the root and every
   * leaf is a child exactly once, and every node hangs off the root: so a walk ends at a leaf.
   * The tree's nodes are out[base, base + nodes), with tree-local children.
   */
  checkShape(where, fields, out, base, nodes, numLeaves) {
    const children = [out.left, out.right];
    if (this.leafRefs.length < numLeaves) this.sizeScratch(numLeaves);
    const nodeRefs = this.nodeRefs.fill(0, 0, nodes);
    const leafRefs = this.leafRefs.fill(0, 0, numLeaves);
    for (let n = 0; n < nodes; n++) {
      for (let side = 0; side < 2; side++) {
        const child = children[side][base + n];
        if (child >= nodes || child < -numLeaves) {
          const name = side === 0 ? "left_child" : "right_child";
          const range = nodes === 1 ? "node 0" : `nodes 0..${nodes - 1}`;
          this.fail(
            `${where}: ${name} of node ${n} is ${child}, which is neither one of the tree's ${range} nor a leaf -1..-${numLeaves} (~leaf)`,
            fields[side].line
          );
        }
        if (child >= 0) {
          const name = side === 0 ? "left_child" : "right_child";
          if (child === 0 || child === n) {
            this.fail(`${where}: ${name} of node ${n} is ${child}: the tree has a cycle`, fields[side].line);
          }
          if (nodeRefs[child] === 1) {
            this.fail(
              `${where}: node ${child} is the child of two nodes: the tree has a cycle or a shared subtree`,
              fields[side].line
            );
          }
          nodeRefs[child] = 1;
        } else {
          const leaf = ~child;
          if (leafRefs[leaf] === 1)
            this.fail(`${where}: leaf ${leaf} (${child}) is the child of two nodes`, fields[side].line);
          leafRefs[leaf] = 1;
        }
      }
    }
    const stack = this.stack;
    let top = 0;
    stack[top++] = 0;
    let reached = 0;
    while (top > 0) {
      const n = stack[--top];
      reached++;
      for (const list of children) {
        const child = list[base + n];
        if (child >= 0) stack[top++] = child;
      }
    }
    if (reached !== nodes) {
      this.fail(
        `${where}: ${nodes - reached} of ${nodes} nodes cannot be reached from the root: the children form a cycle`,
        fields[0].line
      );
    }
    for (let l = 0; l < numLeaves; l++) {
      if (leafRefs[l] !== 1) this.fail(`${where}: leaf ${l} is not the child of any node`, fields[0].line);
    }
  }
  // Scratch arrays for checkShape, reused by every tree. They are sized once, for the largest
  // tree (allocate): growing them from inside checkShape, on whichever tree first needed more,
  // ran code V8 had no feedback for and made it compile checkShape a second and third time.
  nodeRefs = new Uint8Array(0);
  leafRefs = new Uint8Array(0);
  stack = new Int32Array(0);
  /** Room for a tree of `leaves` leaves (and leaves - 1 nodes). */
  sizeScratch(leaves) {
    this.nodeRefs = new Uint8Array(leaves);
    this.leafRefs = new Uint8Array(leaves);
    this.stack = new Int32Array(leaves);
  }
  /** The field's space-separated values, which must be exactly `count` (named `countName` in messages). */
  tokens(field, count, what, countName) {
    const value = field.value.trim();
    const parts = value === "" ? [] : value.split(" ");
    const tokens = value.includes("  ") ? parts.filter((p) => p !== "") : parts;
    if (tokens.length !== count) {
      this.fail(
        `${what} has ${tokens.length} value${tokens.length === 1 ? "" : "s"}, expected ${countName}=${count}`,
        field.line
      );
    }
    return tokens;
  }
  /**
   * An array for the field's `count` values. A count the line has no room for (each value
   * takes a character and a space) is refused with the token count before anything that size
   * is allocated.
   */
  room(field, count, what, countName, type) {
    if (count > (field.end - field.start + 1) / 2) this.tokens(field, count, what, countName);
    return new type(count);
  }
  /** Reads the field's `count` numbers into out[offset, offset + count). */
  doubles(field, out, offset, count, what, countName, allowInfinite) {
    if (readDoubles(this.text, field.start, field.end, out, offset, count, allowInfinite)) return;
    const tokens = this.tokens(field, count, what, countName);
    for (let i = 0; i < count; i++) {
      const token = tokens[i];
      const value = parseDouble(token);
      if (Number.isNaN(value) || !allowInfinite && !Number.isFinite(value)) {
        this.fail(
          `${what}: value ${i + 1} ${JSON.stringify(token.slice(0, 30))} is not a ${allowInfinite ? "" : "finite "}number`,
          field.line
        );
      }
      out[offset + i] = value;
    }
  }
  /** Reads the field's `count` integers, each in [min, max], into out[offset, offset + count). */
  integers(field, out, offset, count, what, countName, min, max, hint = "") {
    if (readIntegers(this.text, field.start, field.end, out, offset, count, min, max)) return;
    const tokens = this.tokens(field, count, what, countName);
    for (let i = 0; i < count; i++) {
      const token = tokens[i];
      const value = Number(token);
      if (!Number.isInteger(value) || value < min || value > max) {
        this.fail(
          `${what}: value ${i + 1} is ${JSON.stringify(token.slice(0, 30))}, expected an integer in [${min}, ${max}]${hint}`,
          field.line
        );
      }
      out[offset + i] = value;
    }
  }
};
function softmax(raw) {
  let max = raw[0] ?? 0;
  for (const x of raw) if (x > max) max = x;
  const out = raw.map((x) => Math.exp(x - max));
  let sum = 0;
  for (const e of out) sum += e;
  return out.map((e) => e / sum);
}
function treeKey(text, start, eq) {
  const length = eq - start;
  for (const key of TREE_KEYS) if (key.length === length && text.startsWith(key, start)) return key;
  return void 0;
}
function charAt(text, i, end) {
  return i < end ? text.charCodeAt(i) : 32;
}
function readIntegers(text, start, end, out, offset, count, min, max) {
  let n = 0;
  let i = start;
  while (i < end) {
    let c = text.charCodeAt(i);
    if (c === 32) {
      i++;
      continue;
    }
    if (n === count) return false;
    const negative = c === 45;
    if (negative) c = charAt(text, ++i, end);
    const first = i;
    let value = 0;
    while (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      c = charAt(text, ++i, end);
    }
    if (i === first || i - first > 15 || c !== 32) return false;
    if (negative) value = -value;
    if (value < min || value > max) return false;
    out[offset + n++] = value;
  }
  return n === count;
}
function readDoubles(text, start, end, out, offset, count, allowInfinite) {
  let n = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      i++;
      continue;
    }
    if (n === count) return false;
    if (!(c >= 48 && c <= 57 || c === 46 || c === 45 || c === 43)) return false;
    let next = text.indexOf(" ", i);
    if (next < 0 || next > end) next = end;
    const value = Number(text.slice(i, next));
    if (value !== value || !allowInfinite && (value === Infinity || value === -Infinity)) return false;
    out[offset + n++] = value;
    i = next;
  }
  return n === count;
}
function parseDouble(token) {
  const value = Number(token);
  if (!Number.isNaN(value)) return value;
  switch (token.toLowerCase()) {
    case "inf":
    case "+inf":
    case "infinity":
      return Infinity;
    case "-inf":
    case "-infinity":
      return -Infinity;
    default:
      return NaN;
  }
}

// src/core/validation/json-text.ts
function parseJsonLenient(text) {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!text.includes("NaN") && !text.includes("Infinity")) throw error;
    return JSON.parse(replaceNonStandardNumbers(text));
  }
}
function replaceNonStandardNumbers(text) {
  const parts = [];
  let last = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92) i += 2;
        else {
          i++;
          if (d === 34) break;
        }
      }
    } else if (c === 78 && text.startsWith("NaN", i)) {
      parts.push(text.slice(last, i), "null");
      i += 3;
      last = i;
    } else if (c === 73 && text.startsWith("Infinity", i)) {
      parts.push(text.slice(last, i), "1e999");
      i += 8;
      last = i;
    } else i++;
  }
  if (last === 0) return text;
  parts.push(text.slice(last));
  return parts.join("");
}
var LITERALS = ["true", "false", "null", "NaN", "Infinity", "-Infinity"];
function locateJsonError(text) {
  let stop;
  try {
    new JsonScanner(text).parseDocument();
    return { line: 1, column: 1, message: "the text is not valid JSON", truncated: false };
  } catch (error) {
    if (!(error instanceof JsonStop)) throw error;
    stop = error;
  }
  const { line, column } = lineColumnAt(text, stop.at);
  const rest = text.slice(stop.at).trimEnd();
  const midToken = /^[\w.+-]+$/.test(rest) && (/[\w.]/.test(text[stop.at - 1] ?? "") || LITERALS.some((w) => w !== rest && w.startsWith(rest)));
  return { line, column, message: stop.reason, truncated: stop.at >= text.length || midToken };
}
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
var JsonStop = class {
  constructor(at, reason) {
    this.at = at;
    this.reason = reason;
  }
  at;
  reason;
};
var NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
var JsonScanner = class {
  constructor(text) {
    this.text = text;
  }
  text;
  pos = 0;
  nonStandard = [];
  /** Lines counted up to `counted`: tokens come in order, so each character is counted once. */
  counted = 0;
  line = 1;
  parseDocument() {
    this.skipSpace();
    if (this.pos >= this.text.length)
      this.fail(this.text.length === 0 ? "the file is empty" : "no value in the file");
    let value;
    try {
      value = this.parseValue();
    } catch (error) {
      if (error instanceof RangeError) this.fail("nesting too deep");
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
    if (this.pos >= this.text.length) return "end of file";
    return JSON.stringify(this.text.slice(this.pos, this.pos + 1));
  }
  skipSpace() {
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else break;
    }
  }
  parseValue() {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === "{") return this.parseObject();
    if (c === "[") return this.parseArray();
    if (c === '"') return this.parseString();
    if (c === "t") return this.literal("true", true);
    if (c === "f") return this.literal("false", false);
    if (c === "n") return this.literal("null", null);
    if (c === "N") return this.nonStandardLiteral("NaN", Number.NaN);
    if (c === "I") return this.nonStandardLiteral("Infinity", Number.POSITIVE_INFINITY);
    if (c === "-" && this.text.startsWith("-Infinity", this.pos))
      return this.nonStandardLiteral("-Infinity", Number.NEGATIVE_INFINITY);
    if (c === "-" || c !== void 0 && c >= "0" && c <= "9") return this.parseNumber();
    if (c === void 0) this.fail("unexpected end of file: a value is missing");
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
      if (this.text.charCodeAt(this.counted) === 10) this.line++;
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
        } catch {
          this.fail("invalid escape sequence or control character in a string", start);
        }
      }
      if (c === 92) this.pos += 2;
      else if (c < 32) this.fail("unescaped control character (a line break?) inside a string");
      else this.pos++;
    }
    this.fail("string not closed before the end of the file", start);
  }
  parseArray() {
    const out = [];
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return out;
    }
    for (; ; ) {
      out.push(this.parseValue());
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ",") {
        this.pos++;
        this.skipSpace();
        if (this.text[this.pos] === "]") this.fail('trailing comma before "]"');
        continue;
      }
      if (c === "]") {
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
    if (this.text[this.pos] === "}") {
      this.pos++;
      return out;
    }
    for (; ; ) {
      this.skipSpace();
      if (this.text[this.pos] !== '"')
        this.fail(`expected a property name in double quotes, got ${this.describeHere()}`);
      const key = this.parseString();
      this.skipSpace();
      if (this.text[this.pos] !== ":")
        this.fail(`expected ":" after the property name ${JSON.stringify(key)}, got ${this.describeHere()}`);
      this.pos++;
      Object.defineProperty(out, key, {
        value: this.parseValue(),
        enumerable: true,
        writable: true,
        configurable: true
      });
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ",") {
        this.pos++;
        this.skipSpace();
        if (this.text[this.pos] === "}") this.fail('trailing comma before "}"');
        continue;
      }
      if (c === "}") {
        this.pos++;
        return out;
      }
      this.fail(`expected "," or "}" after the value of ${JSON.stringify(key)}, got ${this.describeHere()}`);
    }
  }
};

// src/core/validation/value-text.ts
function dottedPath(path2) {
  if (path2.length === 0) return "(top level)";
  return path2.map((p) => typeof p === "number" ? `[${p}]` : String(p)).join(".").replace(/\.\[/g, "[");
}
function describeValue(value) {
  if (value === void 0) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string")
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "a mapping";
  return String(value);
}

// src/core/models/xgboost.ts
var f32 = Math.fround;
var MAX_CATEGORY = 16777216;
var OBJECTIVES = {
  "reg:squarederror": { link: "identity", transform: "identity" },
  "reg:linear": { link: "identity", transform: "identity" },
  "reg:squaredlogerror": { link: "identity", transform: "identity" },
  "reg:pseudohubererror": { link: "identity", transform: "identity" },
  "reg:absoluteerror": { link: "identity", transform: "identity" },
  "reg:quantileerror": { link: "identity", transform: "identity" },
  "reg:logistic": { link: "logit", transform: "sigmoid" },
  "binary:logistic": { link: "logit", transform: "sigmoid" },
  "binary:logitraw": { link: "identity", transform: "identity" },
  "binary:hinge": { link: "identity", transform: "hinge" },
  "count:poisson": { link: "log", transform: "exp" },
  "reg:gamma": { link: "log", transform: "exp" },
  "reg:tweedie": { link: "log", transform: "exp" },
  "survival:cox": { link: "log", transform: "exp" },
  "survival:aft": { link: "log", transform: "exp" },
  "multi:softprob": { link: "identity", transform: "softmax" },
  "multi:softmax": { link: "identity", transform: "argmax" },
  "rank:pairwise": { link: "identity", transform: "identity" },
  "rank:ndcg": { link: "identity", transform: "identity" },
  "rank:map": { link: "identity", transform: "identity" }
};
var XgboostModel = class {
  constructor(file, info, transform, base, roots, group, weight, left, right, feature, condition, defaultLeft, catStart, catLength, catWords) {
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
  predictRaw(row) {
    const x = readRow(row, this.scratch, this.file);
    for (let i = 0; i < x.length; i++) x[i] = f32(x[i]);
    const out = Float32Array.from(this.base);
    const { roots, group, weight, left, right, feature, condition, defaultLeft, catStart } = this;
    const trees = roots.length;
    for (let t = 0; t < trees; t++) {
      let node = roots[t];
      let l = left[node];
      while (l !== -1) {
        const value = x[feature[node]];
        if (value !== value) node = defaultLeft[node] === 1 ? l : right[node];
        else if (catStart[node] >= 0)
          node = this.categoryListed(node, value) ? right[node] : l;
        else node = value < condition[node] ? l : right[node];
        l = left[node];
      }
      const leaf = condition[node];
      const g = group[t];
      out[g] = out[g] + (weight === null ? leaf : f32(leaf * weight[t]));
    }
    return Array.from(out);
  }
  predict(row) {
    const margin = this.predictRaw(row);
    switch (this.transform) {
      case "identity":
        return margin;
      case "sigmoid":
        return margin.map((m) => f32(1 / f32(1 + f32(Math.exp(-m)))));
      case "exp":
        return margin.map((m) => f32(Math.exp(m)));
      case "hinge":
        return margin.map((m) => m > 0 ? 1 : 0);
      case "softmax":
        return softmaxFloat(margin);
      case "argmax": {
        let best = 0;
        for (let k = 1; k < margin.length; k++)
          if (margin[k] > margin[best]) best = k;
        return [best];
      }
    }
  }
  /** common::Decision: invalid (negative, >= 2^24) and unlisted categories go left. */
  categoryListed(node, value) {
    if (value < 0 || value >= MAX_CATEGORY) return false;
    const category = Math.trunc(value);
    const word = category >>> 5;
    if (word >= this.catLength[node]) return false;
    const bits = this.catWords[this.catStart[node] + word];
    return (bits >>> (category & 31) & 1) === 1;
  }
};
function softmaxFloat(margin) {
  let max = margin[0] ?? 0;
  for (const m of margin) if (m > max) max = m;
  const e = margin.map((m) => f32(Math.exp(f32(m - max))));
  let sum = 0;
  for (const v of e) sum += v;
  const total = f32(sum);
  return e.map((v) => f32(v / total));
}
function parseXgboost(text, file) {
  const fail = (message, line, column) => {
    const at = line === void 0 ? `${file}:` : column === void 0 ? `${file}:${line}` : `${file}:${line}:${column}`;
    throw new ModelgateError(`${at} ${message}`, "check", { file, line, column });
  };
  const start = text.trimStart();
  if (!start.startsWith("{")) {
    const first = (start.split("\n")[0] ?? "").trim();
    const hint = first === "tree" ? ' (the first line is "tree": a LightGBM text model given as kind xgboost?)' : "";
    fail(
      `is not an XGBoost JSON model: it does not start with "{"${hint}; export it with save_model("model.json")`,
      1
    );
  }
  if (hasBinaryBytes(text)) {
    fail(
      'is not a JSON text (it holds binary bytes: UBJSON?); export the model with save_model("model.json")',
      1
    );
  }
  let document;
  try {
    document = parseJsonLenient(text);
  } catch {
    const problem = locateJsonError(text);
    if (problem.truncated) {
      fail(
        "is not valid JSON: it ends in the middle of the model, so the file is truncated (export it again and re-upload it)",
        problem.line,
        problem.column
      );
    }
    fail(`is not valid JSON: ${problem.message}`, problem.line, problem.column);
  }
  if (document === null || typeof document !== "object" || !("learner" in document)) {
    fail(
      'not an XGBoost JSON model: there is no "learner" object at the top level; export it with save_model("model.json")'
    );
  }
  const layout = (check) => {
    try {
      check();
    } catch (error) {
      if (!(error instanceof LayoutProblem)) throw error;
      fail(`${dottedPath(error.path)}: ${error.what} (not an XGBoost JSON model, or a damaged one)`);
    }
  };
  layout(() => checkModel(document));
  const { learner, version } = document;
  const boosterJson = learner.gradient_booster;
  const objectiveName = learner.objective.name;
  const objective = OBJECTIVES[objectiveName];
  if (!objective) {
    fail(
      `unknown objective ${JSON.stringify(objectiveName)} (learner.objective.name); supported: ${Object.keys(OBJECTIVES).join(", ")}`
    );
  }
  const count = (value, what, min) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      fail(`${what} is ${JSON.stringify(value)}, expected an integer >= ${min}`);
    return n;
  };
  const features = count(
    learner.learner_model_param.num_feature,
    "learner.learner_model_param.num_feature",
    1
  );
  const numClass = count(learner.learner_model_param.num_class, "learner.learner_model_param.num_class", 0);
  const targets = learner.learner_model_param.num_target === void 0 ? 1 : count(learner.learner_model_param.num_target, "learner.learner_model_param.num_target", 1);
  if (targets > 1)
    fail(
      `the model has num_target=${targets}: multi-output models are not supported by modelgate's evaluator`
    );
  const groups = Math.max(1, numClass);
  const multiclass = objective.transform === "softmax" || objective.transform === "argmax";
  if (multiclass !== groups > 1) {
    fail(`objective ${objectiveName} does not match learner_model_param.num_class=${numClass}`);
  }
  let model;
  let weights = null;
  const boosterName = learner.gradient_booster.name;
  const boosterPath = ["learner", "gradient_booster"];
  if (boosterName === "gbtree") {
    layout(() => checkGbtreeModel(boosterJson.model, [...boosterPath, "model"]));
    model = boosterJson.model;
  } else if (boosterName === "dart") {
    layout(() => {
      const gbtree = boosterJson.gbtree;
      checkObject(gbtree, [...boosterPath, "gbtree"]);
      checkGbtreeModel(gbtree.model, [...boosterPath, "gbtree", "model"]);
      checkList(boosterJson, "weight_drop", boosterPath, "numbers");
    });
    const dart = boosterJson;
    model = dart.gbtree.model;
    const drops = dart.weight_drop;
    if (drops.length !== model.trees.length) {
      fail(
        `learner.gradient_booster.weight_drop has ${drops.length} weights for ${model.trees.length} trees`
      );
    }
    weights = new Float32Array(drops.length);
    drops.forEach((w, i) => {
      if (w === null || !Number.isFinite(w))
        fail(`learner.gradient_booster.weight_drop[${i}] is not a finite number`);
      weights[i] = w;
    });
  } else {
    return fail(
      `the model uses the ${JSON.stringify(boosterName)} booster; only tree boosters (gbtree, dart) are supported by modelgate's evaluator`
    );
  }
  const modelPath = boosterName === "dart" ? "learner.gradient_booster.gbtree.model" : "learner.gradient_booster.model";
  const trees = model.trees;
  const declared = count(model.gbtree_model_param.num_trees, `${modelPath}.gbtree_model_param.num_trees`, 0);
  if (declared !== trees.length) {
    fail(
      `${modelPath}.gbtree_model_param.num_trees is ${declared} but the file holds ${trees.length} trees: it is incomplete`
    );
  }
  if (trees.length === 0) fail("the model contains no trees");
  if (model.tree_info.length !== trees.length) {
    fail(`${modelPath}.tree_info has ${model.tree_info.length} entries for ${trees.length} trees`);
  }
  model.tree_info.forEach((g, i) => {
    if (g < 0 || g >= groups)
      fail(`${modelPath}.tree_info[${i}] is ${g}, expected a class index below ${groups}`);
  });
  const link = objectiveName === "binary:logitraw" && version !== void 0 && compareVersions(version, [1, 6, 0]) < 0 ? "logit" : objective.link;
  const base = baseMargins(learner.learner_model_param.base_score, link, groups, objectiveName, fail);
  const checked = trees.map((tree, t) => checkTree(tree, `${modelPath}.trees[${t}]`, features, fail));
  const info = {
    format: "xgboost",
    trees: trees.length,
    features,
    objective: objectiveName,
    classes: groups
  };
  if (version) info.version = version.join(".");
  const names = learner.feature_names;
  if (names && names.length > 0) {
    if (names.length !== features) {
      fail(`learner.feature_names has ${names.length} names for num_feature=${features}`);
    }
    info.featureNames = names;
  }
  return flatten(file, info, objective.transform, base, Int32Array.from(model.tree_info), weights, checked);
}
function baseMargins(raw, link, groups, objective, fail) {
  const text = String(raw).trim();
  const items = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1).split(",") : [text];
  const values = items.map((s) => Number(s.trim()));
  if (values.some((v, i) => !Number.isFinite(v) || items[i].trim() === "")) {
    fail(
      `learner.learner_model_param.base_score is ${JSON.stringify(raw)}, expected a number or a bracketed list of numbers`
    );
  }
  if (values.length !== 1 && values.length !== groups) {
    fail(`learner.learner_model_param.base_score has ${values.length} values for ${groups} classes`);
  }
  const out = new Float32Array(groups);
  for (let g = 0; g < groups; g++) {
    const p = f32(values[values.length === 1 ? 0 : g]);
    if (link === "logit") {
      if (!(p > 0 && p < 1)) fail(`base_score ${p} is outside (0, 1), which ${objective} requires`);
      out[g] = f32(-Math.log(f32(f32(1 / p) - 1)));
    } else if (link === "log") {
      if (!(p > 0)) fail(`base_score ${p} must be positive for ${objective}`);
      out[g] = f32(Math.log(p));
    } else {
      out[g] = p;
    }
  }
  return out;
}
var NODE_ARRAYS = [
  "left_children",
  "right_children",
  "parents",
  "split_indices",
  "split_conditions",
  "default_left",
  "split_type",
  // Training statistics the evaluator does not read; XGBoost's loader refuses a tree whose
  // arrays are missing or of another length, so the service would not start with it.
  "loss_changes",
  "sum_hessian",
  "base_weights"
];
function checkTree(tree, where, features, fail) {
  const n = Number(tree.tree_param.num_nodes);
  if (!Number.isInteger(n) || n < 1)
    fail(`${where}.tree_param.num_nodes is ${JSON.stringify(tree.tree_param.num_nodes)}`);
  const leafSize = tree.tree_param.size_leaf_vector === void 0 ? 0 : Number(tree.tree_param.size_leaf_vector);
  if (leafSize > 1)
    fail(`${where} has vector leaves (size_leaf_vector=${leafSize}): multi-output trees are not supported`);
  for (const name of NODE_ARRAYS) {
    const list = tree[name];
    if (list !== void 0 && list.length !== n) {
      fail(`${where}.${name} has ${list.length} entries, expected tree_param.num_nodes=${n}`);
    }
  }
  const left = new Int32Array(tree.left_children);
  const right = new Int32Array(tree.right_children);
  const feature = new Int32Array(n);
  const condition = new Float32Array(n);
  const defaultLeft = new Uint8Array(n);
  const categories = /* @__PURE__ */ new Map();
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
      if (value === null || value === void 0 || !Number.isFinite(value)) {
        fail(`${where}.split_conditions[${i}] is the value of leaf ${i} but is not a finite number`);
      }
      condition[i] = value;
      continue;
    }
    for (let side = 0; side < 2; side++) {
      const child = side === 0 ? l : r;
      if (child === i) fail(`${where}: node ${i} is its own child: the tree has a cycle`);
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
    } else {
      if (value === null || value === void 0 || Number.isNaN(value)) {
        fail(`${where}.split_conditions[${i}] is NaN on the numeric split of node ${i}`);
      }
      condition[i] = value;
    }
  }
  catNodes.forEach((node, k) => {
    const list = categories.get(node);
    if (node < 0 || node >= n || list === void 0) {
      fail(`${where}.categories_nodes[${k}] is ${node}, which is not a categorical split (split_type 1)`);
    }
    const begin = catSegments[k];
    const size = catSizes[k];
    if (begin < 0 || size < 0 || begin + size > catValues.length) {
      fail(
        `${where}: categories_segments[${k}]/categories_sizes[${k}] point outside categories (${catValues.length} entries)`
      );
    }
    for (let j = begin; j < begin + size; j++) {
      const c = catValues[j];
      if (c < 0 || c >= MAX_CATEGORY)
        fail(`${where}.categories[${j}] is ${c}, expected a category in [0, 2^24)`);
      list.push(c);
    }
  });
  if (seen[0] === 1) fail(`${where}: a node points back to the root: the tree has a cycle`);
  return { left, right, feature, condition, defaultLeft, categories };
}
function flatten(file, info, transform, base, group, weight, trees) {
  let nodes = 0;
  let words = 0;
  for (const tree of trees) {
    nodes += tree.left.length;
    for (const list of tree.categories.values()) words += bitsetWords(list);
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
        catWords[wordBase + (c >>> 5)] = (catWords[wordBase + (c >>> 5)] | 1 << (c & 31)) >>> 0;
      wordBase += size;
    }
    feature.set(tree.feature, nodeBase);
    condition.set(tree.condition, nodeBase);
    defaultLeft.set(tree.defaultLeft, nodeBase);
    nodeBase += n;
  });
  return new XgboostModel(
    file,
    info,
    transform,
    base,
    roots,
    group,
    weight,
    left,
    right,
    feature,
    condition,
    defaultLeft,
    catStart,
    catLength,
    catWords
  );
}
function hasBinaryBytes(text) {
  const end = Math.min(text.length, 4096);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 9 || c > 13 && c < 32) return true;
  }
  return false;
}
function compareVersions(a, b) {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
function bitsetWords(categories) {
  let max = -1;
  for (const c of categories) if (c > max) max = c;
  return max < 0 ? 0 : (max >>> 5) + 1;
}
var LayoutProblem = class {
  constructor(path2, what) {
    this.path = path2;
    this.what = what;
  }
  path;
  what;
};
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function wrongType(value, path2, expected) {
  throw new LayoutProblem(
    path2,
    value === void 0 ? `is required: expected ${expected}` : `expected ${expected}, got ${describeValue(value)}`
  );
}
function checkObject(value, path2) {
  if (!isObject(value)) wrongType(value, path2, "a mapping");
}
function checkString(value, path2) {
  if (typeof value !== "string") wrongType(value, path2, "a string");
}
function isNumeric(value) {
  return typeof value === "string" || typeof value === "number" && Number.isFinite(value);
}
function notNumeric(value, path2) {
  throw new LayoutProblem(path2, `does not match any allowed form, got ${describeValue(value)}`);
}
function checkNumeric(value, path2, optional = false) {
  if (optional && value === void 0 || isNumeric(value)) return;
  notNumeric(value, path2);
}
var LIST_MESSAGE = {
  integers: "expected a list of integers",
  numbers: "expected a list of numbers",
  flags: "expected a list of 0/1 or true/false"
};
function listFollows(list, rule) {
  const n = list.length;
  if (rule === "integers") {
    for (let i = 0; i < n; i++) if (!Number.isInteger(list[i])) return false;
  } else if (rule === "numbers") {
    for (let i = 0; i < n; i++) {
      const x = list[i];
      if (x !== null && typeof x !== "number") return false;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const x = list[i];
      if (x !== 0 && x !== 1 && typeof x !== "boolean") return false;
    }
  }
  return true;
}
function checkList(parent, key, path2, rule, optional = false) {
  const value = parent[key];
  if (optional && value === void 0) return;
  if (Array.isArray(value) && listFollows(value, rule)) return;
  const message = LIST_MESSAGE[rule];
  throw new LayoutProblem(
    [...path2, key],
    value === void 0 ? message : `${message}, got ${describeValue(value)}`
  );
}
function checkModel(document) {
  checkObject(document, []);
  const learner = document.learner;
  checkObject(learner, ["learner"]);
  const names = learner.feature_names;
  if (names !== void 0) {
    if (!Array.isArray(names)) wrongType(names, ["learner", "feature_names"], "a list");
    names.forEach((name, i) => checkString(name, ["learner", "feature_names", i]));
  }
  const booster = learner.gradient_booster;
  checkObject(booster, ["learner", "gradient_booster"]);
  checkString(booster.name, ["learner", "gradient_booster", "name"]);
  const param = learner.learner_model_param;
  const paramPath = ["learner", "learner_model_param"];
  checkObject(param, paramPath);
  checkNumeric(param.base_score, [...paramPath, "base_score"]);
  checkNumeric(param.num_class, [...paramPath, "num_class"]);
  checkNumeric(param.num_feature, [...paramPath, "num_feature"]);
  checkNumeric(param.num_target, [...paramPath, "num_target"], true);
  const objective = learner.objective;
  checkObject(objective, ["learner", "objective"]);
  checkString(objective.name, ["learner", "objective", "name"]);
  const version = document.version;
  if (version !== void 0) {
    if (!Array.isArray(version)) wrongType(version, ["version"], "a list");
    version.forEach((v, i) => {
      if (typeof v !== "number" || !Number.isFinite(v)) wrongType(v, ["version", i], "a number");
    });
  }
}
function checkGbtreeModel(model, path2) {
  checkObject(model, path2);
  const param = model.gbtree_model_param;
  checkObject(param, [...path2, "gbtree_model_param"]);
  checkNumeric(param.num_trees, [...path2, "gbtree_model_param", "num_trees"]);
  checkList(model, "tree_info", path2, "integers");
  const trees = model.trees;
  if (!Array.isArray(trees)) wrongType(trees, [...path2, "trees"], "a list");
  trees.forEach((tree, t) => checkTreeLayout(tree, [...path2, "trees", t]));
}
function checkTreeLayout(tree, path2) {
  checkObject(tree, path2);
  checkList(tree, "left_children", path2, "integers");
  checkList(tree, "right_children", path2, "integers");
  checkList(tree, "parents", path2, "integers");
  checkList(tree, "split_indices", path2, "integers");
  checkList(tree, "split_conditions", path2, "numbers");
  checkList(tree, "default_left", path2, "flags");
  checkList(tree, "split_type", path2, "integers", true);
  checkList(tree, "categories", path2, "integers", true);
  checkList(tree, "categories_nodes", path2, "integers", true);
  checkList(tree, "categories_segments", path2, "integers", true);
  checkList(tree, "categories_sizes", path2, "integers", true);
  checkList(tree, "loss_changes", path2, "numbers");
  checkList(tree, "sum_hessian", path2, "numbers");
  checkList(tree, "base_weights", path2, "numbers");
  const param = tree.tree_param;
  if (!isObject(param)) wrongType(param, [...path2, "tree_param"], "a mapping");
  if (!isNumeric(param.num_nodes)) notNumeric(param.num_nodes, [...path2, "tree_param", "num_nodes"]);
  if (param.size_leaf_vector !== void 0 && !isNumeric(param.size_leaf_vector))
    notNumeric(param.size_leaf_vector, [...path2, "tree_param", "size_leaf_vector"]);
}

// src/core/models/tree-model.ts
function loadTreeModelSync(file, kind, displayName = file) {
  let bytes;
  try {
    bytes = (0, import_node_fs2.readFileSync)(file);
  } catch (error) {
    throw unreadable(error, kind, displayName);
  }
  return parseTreeModel(bytes, kind, displayName);
}
function parseTreeModel(bytes, kind, displayName) {
  const text = (0, import_node_buffer.isAscii)(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
  return kind === "lightgbm" ? parseLightGbm(text, displayName, { bytes }) : parseXgboost(text, displayName);
}
function unreadable(error, kind, displayName) {
  const code = error.code;
  const why = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a directory" : error.message;
  return new ModelgateError(`${displayName}: cannot read the ${kind} model: ${why}`, "check", {
    file: displayName
  });
}

// src/core/health/kinds.ts
function sniff(head) {
  if (head.length === 0) return "empty";
  if (head[0] === 80 && head[1] === 75 && head[2] === 3 && head[3] === 4) return "zip";
  if (head[0] === 31 && head[1] === 139) return "gzip";
  if (head[0] === 128 && head[1] !== void 0 && head[1] >= 2 && head[1] <= 5)
    return head[2] === 138 ? "torch-legacy" : "pickle";
  const text = head.toString("latin1");
  if (/^tree\r?\n/.test(text)) return "lightgbm";
  if (/^\s*[{[]/.test(text)) return "json";
  if (head[0] === 8 && head.length > 2 && head[1] < 32) return "onnx";
  return isText(head) ? "text" : "binary";
}
function treeKindOf(head) {
  const detected = sniff(head);
  if (detected === "lightgbm") return "lightgbm";
  return detected === "json" && head.includes('"learner"') ? "xgboost" : void 0;
}
function isText(head) {
  for (const b of head) if (b < 9 || b > 13 && b < 32 || b === 127) return false;
  return true;
}

// src/core/health/tree-worker.ts
var CLAIM_FREE = 0;
var CLAIM_WORKER = 1;
var models = /* @__PURE__ */ new Map();
var queue = [];
var guesses = /* @__PURE__ */ new Map();
var asked = /* @__PURE__ */ new Set();
var draining = false;
var hashing = false;
function failure(id, error) {
  if (error instanceof ModelgateError) {
    return {
      id,
      ok: false,
      error: {
        message: error.message,
        kind: error.kind,
        ...error.file ? { file: error.file } : {},
        ...error.line ? { line: error.line } : {}
      }
    };
  }
  return {
    id,
    ok: false,
    error: { message: error instanceof Error ? error.message : String(error), kind: "runtime" }
  };
}
function load(request) {
  try {
    const model = loadTreeModelSync(request.file, request.kind, request.name);
    models.set(request.name, model);
    return { id: request.id, ok: true, info: model.info };
  } catch (error) {
    return failure(request.id, error);
  }
}
function post(message) {
  import_node_worker_threads.parentPort?.postMessage(message);
}
async function survey(root) {
  let listing;
  try {
    listing = await listBundle(root);
  } catch (error) {
    post({ survey: "failed", message: errorMessage(error) });
    return;
  }
  post({ survey: "listed", files: listing.files.map((f) => ({ path: f.path, size: f.size })) });
  hashing = true;
  try {
    for (const file of listing.files) {
      try {
        const { sha256, head } = await hashBundleFile(file, "blocking");
        post({ survey: "hashed", path: file.path, sha256, head });
        const kind = treeKindOf(head);
        if (kind && !asked.has(file.path)) guess(file, kind);
      } catch (error) {
        post({ survey: "failed", path: file.path, message: errorMessage(error) });
      }
    }
  } finally {
    hashing = false;
    post({ survey: "done" });
    drain();
  }
}
function guess(file, kind) {
  const g = { kind, waiters: [] };
  guesses.set(file.path, g);
  const claim = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  queue.push({
    request: { id: 0, op: "load", file: file.absolute, kind, name: file.path, size: file.size, claim },
    guess: g
  });
}
function answerFromGuess(request) {
  const guess2 = guesses.get(request.name);
  if (!guess2 || guess2.kind !== request.kind) return false;
  const queued = queue.findIndex((job) => job.guess === guess2);
  if (queued >= 0) {
    queue.splice(queued, 1);
    guesses.delete(request.name);
    return false;
  }
  if (Atomics.compareExchange(request.claim, 0, CLAIM_FREE, CLAIM_WORKER) !== CLAIM_FREE) return true;
  if (guess2.outcome) post({ ...guess2.outcome, id: request.id });
  else guess2.waiters.push(request.id);
  return true;
}
function settleGuess(guess2, reply) {
  const { id: _id, ...outcome } = reply;
  guess2.outcome = outcome;
  for (const id of guess2.waiters) post({ ...outcome, id });
  guess2.waiters = [];
}
function predict(request) {
  try {
    const model = models.get(request.name);
    if (!model) throw new Error(`${request.name}: not loaded in the tree worker`);
    return { id: request.id, ok: true, outputs: request.rows.map((row) => model.predict(row)) };
  } catch (error) {
    return failure(request.id, error);
  }
}
function takeLargest() {
  let best = -1;
  for (let i = 0; i < queue.length; i++)
    if (best < 0 || queue[i].request.size > queue[best].request.size) best = i;
  return best < 0 ? void 0 : queue.splice(best, 1)[0];
}
function drain() {
  if (draining || hashing) return;
  draining = true;
  setImmediate(() => {
    for (let job = takeLargest(); job; job = takeLargest()) {
      const { request, guess: guess2 } = job;
      if (Atomics.compareExchange(request.claim, 0, CLAIM_FREE, CLAIM_WORKER) !== CLAIM_FREE) continue;
      const reply = load(request);
      if (guess2) settleGuess(guess2, reply);
      else post(reply);
      break;
    }
    draining = false;
    if (queue.length > 0) drain();
  });
}
import_node_worker_threads.parentPort?.on("message", (request) => {
  switch (request.op) {
    case "predict":
      post(predict(request));
      return;
    case "survey":
      void survey(request.root);
      return;
    case "load":
      if (answerFromGuess(request)) return;
      asked.add(request.name);
      queue.push({ request });
      drain();
  }
});
