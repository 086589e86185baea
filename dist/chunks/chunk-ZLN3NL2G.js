import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  cancelOnSignals,
  cancelledError,
  manifestPathFor,
  reasonOf,
  sleepUnlessAborted
} from "./chunk-DOFWXOVV.js";
import {
  formatSize,
  listTarball,
  readTarballFile,
  sha256File
} from "./chunk-W2QENP6Y.js";
import {
  checkRemotePath,
  sh
} from "./chunk-USOGELGZ.js";
import {
  durationSeconds,
  loadConfigInput,
  loadManifest,
  openTarget,
  parseManifest,
  resolveIn,
  runIdentity
} from "./chunk-A7JTYF5J.js";
import {
  booleanInput,
  choiceInput,
  optionalInput,
  requiredInput
} from "./chunk-ZY3O6VA3.js";
import {
  _enum,
  boolean,
  nullable,
  number,
  object,
  optional,
  string
} from "./chunk-GU6PC365.js";
import {
  ModelgateError
} from "./chunk-UAYJCUJE.js";

// src/commands/deploy.ts
import { existsSync } from "node:fs";
import path5 from "node:path";

// src/core/deploy/deploy.ts
import { randomBytes as randomBytes3 } from "node:crypto";
import os3 from "node:os";

// src/core/deploy/flags.ts
var KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
var ASSIGNMENT = /^(\s*)(export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/;
var PLAIN_VALUE = /^[A-Za-z0-9_./:@%+,-]*$/;
function applyFlags(text, flags) {
  for (const [key, value] of Object.entries(flags)) {
    if (!KEY.test(key))
      throw new ModelgateError(
        `flag name "${key}" is not an environment variable name (letters, digits, "_")`,
        "config"
      );
    if (/[\n\r\0]/.test(value))
      throw new ModelgateError(
        `flag ${key}: the value contains a newline or NUL byte, which a flags file cannot hold on one line`,
        "config"
      );
  }
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text === "" ? [] : text.split(/\r?\n/);
  const endsWithNewline = lines.length > 0 && lines[lines.length - 1] === "";
  if (endsWithNewline) lines.pop();
  const seen = /* @__PURE__ */ new Map();
  const out = [];
  let changed = false;
  for (const line of lines) {
    const m = ASSIGNMENT.exec(line);
    const key = m?.[3];
    if (!m || key === void 0 || !Object.hasOwn(flags, key)) {
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
    const current = parseValue(m[4] ?? "");
    const change = { key, from: current, to: wanted, duplicatesRemoved: 0 };
    seen.set(key, change);
    if (current === wanted) out.push(line);
    else {
      out.push(`${m[1] ?? ""}${m[2] ?? ""}${key}=${formatValue(wanted)}`);
      changed = true;
    }
  }
  const missing = Object.keys(flags).filter((k) => !seen.has(k));
  for (const key of missing) {
    const to = flags[key];
    out.push(`${key}=${formatValue(to)}`);
    seen.set(key, { key, from: void 0, to, duplicatesRemoved: 0 });
    changed = true;
  }
  if (!changed) return { text, changed: false, changes: [] };
  const changes = [...seen.values()].filter((c) => c.from !== c.to || c.duplicatesRemoved > 0);
  return { text: out.join(eol) + (out.length > 0 ? eol : ""), changed: true, changes };
}
function parseValue(raw) {
  const v = raw.trim();
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1);
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"'))
    return v.slice(1, -1).replace(/\\(["\\$`])/g, "$1");
  const hash = v.search(/\s#/);
  return hash >= 0 ? v.slice(0, hash).trimEnd() : v;
}
function formatValue(value) {
  if (PLAIN_VALUE.test(value)) return value;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/(["\\$`])/g, "\\$1")}"`;
}
function describeFlags(flags) {
  const entries = Object.entries(flags);
  return entries.length === 0 ? "(none configured)" : entries.map(([k, v]) => `${k}=${v}`).join(", ");
}

// src/core/deploy/history.ts
var historyEntrySchema = object({
  id: nullable(string()),
  previous: nullable(string()),
  action: _enum(["deploy", "promote", "rollback"]),
  phase: optional(string()),
  level: optional(string()),
  time: string(),
  actor: string(),
  run_id: string(),
  /** deployed | promoted | rolled-back | unchanged | failed | interrupted */
  result: string(),
  reason: optional(string())
});
async function appendHistory(target, entry, options = {}) {
  const { layout } = target;
  const line = `${JSON.stringify(entry)}
`;
  const command = sh`mkdir -p -- ${layout.state} && h=${layout.history} && { if [ -s "$h" ] && [ -n "$(tail -c 1 -- "$h")" ]; then printf '\n' >> "$h"; fi; } && cat >> "$h"`;
  await target.run(
    `appending to ${layout.history}`,
    options.finished ? `${command}${sh` && rm -f -- ${layout.pending}`}` : command,
    { stdin: line }
  );
}
async function readHistory(target, warn = () => {
}, limit = 5e3) {
  const { layout } = target;
  const result = await target.run(
    `reading ${layout.history}`,
    sh`if [ -f ${layout.history} ]; then tail -n ${limit} -- ${layout.history}; fi`
  );
  const entries = [];
  result.stdout.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let value;
    try {
      value = JSON.parse(line);
    } catch {
      warn(`${layout.history}: line ${i + 1} of the last ${limit} is not JSON; ignored`);
      return;
    }
    const parsed = historyEntrySchema.safeParse(value);
    if (parsed.success) entries.push(parsed.data);
    else warn(`${layout.history}: line ${i + 1} of the last ${limit} is not a history entry; ignored`);
  });
  return entries;
}
function previousOf(entries, id) {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e.action !== "deploy" || e.result !== "deployed") continue;
    if (id === void 0 || e.id === id) return e.previous;
  }
  return void 0;
}

// src/core/deploy/lock.ts
import { randomBytes } from "node:crypto";
import os from "node:os";
var holderSchema = object({
  actor: string(),
  run_id: string(),
  action: string(),
  host: string(),
  pid: number(),
  time: string(),
  token: string()
});
async function acquireLock(target, request) {
  const { layout } = target;
  const holder = {
    actor: request.actor,
    run_id: request.runId,
    action: request.action,
    host: os.hostname(),
    pid: process.pid,
    time: (/* @__PURE__ */ new Date()).toISOString(),
    token: randomBytes(12).toString("hex")
  };
  const content = `${JSON.stringify(holder)}
`;
  const started = Date.now();
  let delay = request.pollMs ?? 500;
  let lastReported = 0;
  for (; ; ) {
    if (request.signal?.aborted) throw cancelledError(request.signal, `taking the lock ${layout.lock}`);
    const seen = await tryAcquire(target, content, holder.token);
    if (seen.state === "acquired") {
      if (lastReported)
        request.log(`lock acquired after waiting ${Math.round((Date.now() - started) / 1e3)} s`);
      return {
        holder,
        release: async () => {
          await target.withRecovery(
            () => target.run(
              "releasing the lock",
              sh`if grep -qF -- ${holder.token} ${layout.lock} 2>/dev/null; then rm -f -- ${layout.lock}; fi`
            )
          );
        }
      };
    }
    if (seen.state === "vanished") continue;
    const age = seen.ageSeconds ?? 0;
    if (age * 1e3 > request.staleMs) {
      request.log(
        `the lock ${layout.lock} is ${age} s old (stale after ${Math.round(request.staleMs / 1e3)} s): ${describeHolder(seen)}; removing it`
      );
      await breakStale(target, seen.raw ?? "");
      continue;
    }
    const waited = Date.now() - started;
    if (waited >= request.timeoutMs) {
      throw new ModelgateError(
        `${layout.lock} is held by ${describeHolder(seen)}, ${age} s ago; gave up after waiting ${Math.round(waited / 1e3)} s (deploy.lock_timeout). Wait for that run to finish and retry; if it is certainly no longer running, remove the lock file (it is treated as stale after deploy.stale_lock)`,
        "remote"
      );
    }
    if (lastReported === 0 || Date.now() - lastReported > 3e4) {
      request.log(`waiting for the lock: held by ${describeHolder(seen)}`);
      lastReported = Date.now();
    }
    await sleepUnlessAborted(Math.min(delay, Math.max(0, request.timeoutMs - waited)), request.signal);
    delay = Math.min(delay * 1.5, (request.pollMs ?? 500) * 4);
  }
}
async function tryAcquire(target, content, token) {
  const { layout } = target;
  const tmp = `${layout.state}/lock.${token}`;
  const script = sh`r=${layout.root}; s=${layout.state}; l=${layout.lock}; t=${tmp}
[ -d "$r" ] || { echo "$r does not exist: create the service directory first (deploy.path)" >&2; exit 3; }
[ -d "$s" ] || mkdir -- "$s" 2>/dev/null || [ -d "$s" ] || { echo "cannot create $s: check that deploy.path is writable by the deploy user" >&2; exit 3; }
cat > "$t" || { rm -f -- "$t"; exit 3; }
if ln -- "$t" "$l" 2>/dev/null; then rm -f -- "$t"; echo acquired; exit 0; fi
rm -f -- "$t"
m=$(stat -c %Y -- "$l" 2>/dev/null) || { echo vanished; exit 0; }
echo held; echo "$(( $(date +%s) - m ))"; cat -- "$l" 2>/dev/null`;
  const result = await target.run(`taking the lock ${layout.lock}`, script, { stdin: content });
  const [state, age, ...rest] = result.stdout.split("\n");
  if (state === "acquired") return { state: "acquired" };
  if (state === "vanished") return { state: "vanished" };
  if (state !== "held")
    throw new ModelgateError(
      `${target.description}: unexpected output while taking the lock: ${result.stdout.slice(0, 200)}`,
      "remote"
    );
  const raw = rest.join("\n");
  const parsed = (() => {
    try {
      return holderSchema.safeParse(JSON.parse(raw));
    } catch {
      return void 0;
    }
  })();
  return {
    state: "held",
    ageSeconds: Math.max(0, Number(age) || 0),
    raw,
    holder: parsed?.success ? parsed.data : void 0
  };
}
async function breakStale(target, judged) {
  const { layout } = target;
  const aside = `${layout.state}/lock.stale-${randomBytes(6).toString("hex")}`;
  const script = sh`l=${layout.lock}; a=${aside}
mv -- "$l" "$a" 2>/dev/null || exit 0
if [ "$(cat -- "$a")" = "$(cat)" ]; then rm -f -- "$a"; echo removed; else ln -- "$a" "$l" 2>/dev/null; rm -f -- "$a"; echo restored; fi`;
  await target.run("removing a stale lock", script, { stdin: judged.replace(/\n+$/, "") });
}
function describeHolder(seen) {
  const h = seen.holder;
  if (!h) return `an unreadable holder (${JSON.stringify((seen.raw ?? "").slice(0, 120))})`;
  return `${h.actor} (run ${h.run_id}, ${h.action}, on ${h.host} pid ${h.pid}, since ${h.time})`;
}

// src/core/deploy/target.ts
import path from "node:path";
var SEED_BACKUP = "macd_models_backup.tar.gz";
function layoutFor(config) {
  const root = checkRemotePath(config.path, "deploy.path");
  if (!root.startsWith("/"))
    throw new ModelgateError(
      `deploy.path "${root}" is not absolute; give the service directory as an absolute path, e.g. /opt/macd-analysis`,
      "config"
    );
  const clean = path.posix.normalize(root).replace(/\/+$/, "") || "/";
  if (clean === "/")
    throw new ModelgateError(
      'deploy.path is "/": give the service directory, e.g. /opt/macd-analysis',
      "config"
    );
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
    flagsFile: checkRemotePath(path.posix.resolve(clean, config.flags.file), "deploy.flags.file")
  };
}
function checkReleaseId(id, what = "release id") {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id) || id.includes("..") || id.includes(".tmp-"))
    throw new ModelgateError(
      `${what} "${id}" is not a valid release id (letters, digits, ".", "_", "-"; no "..")`,
      "input"
    );
  return id;
}
var CommandFailed = class extends ModelgateError {
  constructor(message, result) {
    super(message, "remote");
    this.result = result;
    this.name = "CommandFailed";
  }
  result;
};
var Target = class {
  constructor(transport, layout, reconnect) {
    this.layout = layout;
    this.reconnect = reconnect;
    this.current = transport;
  }
  layout;
  reconnect;
  current;
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
      throw new CommandFailed(
        `${this.description}: ${doing} failed (exit ${result.code})${tail(result)}`,
        result
      );
    return result;
  }
  /**
   * For clean-up after a transport failure (a cut connection): runs `action` and, when it
   * throws, once more: on a fresh connection when a reconnect function was given, else on the
   * same transport (the ssh transport opens a new connection for the operation after a lost
   * one). Only for idempotent actions: the first attempt may have run on the server before the cut.
   */
  async withRecovery(action) {
    try {
      return await action();
    } catch (error) {
      if (error instanceof CommandFailed || error instanceof ModelgateError && error.kind !== "remote")
        throw error;
      if (this.reconnect) {
        const fresh = await this.reconnect();
        const old = this.current;
        this.current = fresh;
        await old.close().catch(() => void 0);
      }
      return action();
    }
  }
};
function tail(result, lines = 8) {
  const text = (result.stderr.trim() || result.stdout.trim()).split("\n").slice(-lines).join("\n");
  return text ? `: ${text}` : "";
}
function inRoot(layout, command) {
  return `${sh`cd -- ${layout.root} || exit 1`}
${command}
`;
}
var Steps = class {
  /** `signal`: once aborted, no forward step starts (see cancel.ts); undoing steps still run. */
  constructor(log, signal) {
    this.log = log;
    this.signal = signal;
  }
  log;
  signal;
  records = [];
  forward = true;
  /** From here on the run puts back what it changed: a cancellation no longer stops it. */
  undoing() {
    this.forward = false;
  }
  /** The signal forward work listens to; undefined once the run is undoing. */
  get cancellation() {
    return this.forward ? this.signal : void 0;
  }
  async run(name, action) {
    if (this.forward && this.signal?.aborted) {
      const error = cancelledError(this.signal, name);
      this.add(name, "fail", 0, error.message);
      throw error;
    }
    const started = Date.now();
    try {
      const { value, message } = await action();
      this.add(name, "pass", Date.now() - started, message);
      return value;
    } catch (error) {
      this.add(name, "fail", Date.now() - started, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }
  add(name, status, ms, message) {
    this.records.push({ name, status, ms, message });
    this.log(
      `${status === "pass" ? "\u2713" : status === "fail" ? "\u2717" : "-"} ${name}: ${message}${status === "skip" ? "" : ` (${ms} ms)`}`
    );
  }
};
function stamp(date = /* @__PURE__ */ new Date()) {
  return date.toISOString().replace(/[-:]/g, "").replace("T", "_").slice(0, 15);
}

// src/core/deploy/remote-files.ts
var MAX_EDITABLE = 4 * 1024 * 1024;
async function readRemoteFile(target, file) {
  const script = sh`f=${file}
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
  const newline = result.stdout.indexOf("\n");
  const head = result.stdout.slice(0, newline < 0 ? void 0 : newline);
  const match = /^(present|absent) (.+)$/.exec(head);
  if (!match)
    throw new ModelgateError(
      `${target.description}: unexpected output while reading ${file}: ${head.slice(0, 200)}`,
      "remote"
    );
  const exists = match[1] === "present";
  return {
    path: match[2] ?? file,
    exists,
    content: exists ? Buffer.from(result.stdout.slice(newline + 1).replace(/\s+/g, ""), "base64") : Buffer.alloc(0)
  };
}
async function writeRemoteFile(target, file, content) {
  const tmp = `${file}.modelgate-tmp`;
  const dir = file.slice(0, file.lastIndexOf("/")) || "/";
  const script = sh`f=${file}; t=${tmp}
cat > "$t" || { rm -f -- "$t"; exit 1; }
if [ -e "$f" ]; then chmod --reference="$f" -- "$t" 2>/dev/null; chown --reference="$f" -- "$t" 2>/dev/null; fi
sync -- "$t" 2>/dev/null || sync
mv -f -- "$t" "$f" || { rm -f -- "$t"; exit 1; }
sync -- ${dir} 2>/dev/null || true`;
  await target.run(`writing ${file}`, script, {
    stdin: typeof content === "string" ? Buffer.from(content, "utf8") : content
  });
}
async function removeRemoteFile(target, file) {
  await target.run(`removing ${file}`, sh`rm -f -- ${file}`);
}

// src/core/deploy/release-dir.ts
import { randomBytes as randomBytes2 } from "node:crypto";

// src/core/deploy/hash.ts
import { mkdtemp, rm } from "node:fs/promises";
import os2 from "node:os";
import path2 from "node:path";
var NO_HASH_TOOL = 90;
var HASH_FUNCTION = [
  "h() {",
  "  if command -v sha256sum >/dev/null 2>&1; then sha256sum",
  "  elif command -v shasum >/dev/null 2>&1; then shasum -a 256",
  "  elif command -v openssl >/dev/null 2>&1; then openssl dgst -sha256 -r",
  `  else return ${NO_HASH_TOOL}; fi`,
  "}"
].join("\n");
async function remoteSha256(target, file, bytes) {
  const source = bytes === void 0 ? sh`h < ${file}` : sh`head -c ${bytes} < ${file} | h`;
  const script = `${HASH_FUNCTION}
${sh`[ -f ${file} ] || { echo "no such file: "${file} >&2; exit 3; }`}
command -v sha256sum >/dev/null 2>&1 || command -v shasum >/dev/null 2>&1 || command -v openssl >/dev/null 2>&1 || exit ${NO_HASH_TOOL}
${source}`;
  const result = await target.exec(script);
  const match = /^([0-9a-f]{64})\b/.exec(result.stdout.trim());
  if (result.code === 0 && match) return { sha256: match[1], via: "target" };
  if (result.code !== NO_HASH_TOOL)
    throw new ModelgateError(
      `${target.description}: hashing ${file} failed (exit ${result.code}): ${(result.stderr || result.stdout).trim().slice(0, 300)}`,
      "remote"
    );
  return { sha256: await readBackSha256(target, file, bytes), via: "read-back" };
}
async function readBackSha256(target, file, bytes) {
  const dir = await mkdtemp(path2.join(os2.tmpdir(), "modelgate-readback-"));
  try {
    const local = path2.join(dir, "file");
    await target.transport.download(file, local);
    return await sha256File(local, bytes);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// src/core/deploy/release-dir.ts
async function modelsState(target) {
  const { layout } = target;
  const result = await target.run(
    `inspecting ${layout.models}`,
    sh`m=${layout.models}; if [ -L "$m" ]; then printf 'link\\n%s\\n' "$(readlink -- "$m")"; elif [ -d "$m" ]; then echo directory; elif [ -e "$m" ]; then echo other; else echo absent; fi`
  );
  const [kind, link] = result.stdout.split("\n");
  if (kind === "directory") return { kind: "directory" };
  if (kind === "absent") return { kind: "absent" };
  if (kind === "other")
    return { kind: "foreign", detail: `${layout.models} is neither a directory nor a link` };
  const id = releaseIdOfLink(link ?? "", layout.root);
  if (id) return { kind: "release", id };
  return {
    kind: "foreign",
    detail: `${layout.models} is a link to ${link ?? "?"}, not to ${layout.releases}/<id>`
  };
}
function releaseIdOfLink(link, root) {
  const rel = link.startsWith(`${root}/`) ? link.slice(root.length + 1) : link.replace(/^(\.\/)+/, "");
  const m = /^releases\/([A-Za-z0-9][A-Za-z0-9._-]*)\/?$/.exec(rel);
  return m && !m[1]?.includes("..") ? m[1] : void 0;
}
async function listReleases(target) {
  const { layout } = target;
  const result = await target.run(
    `listing ${layout.releases}`,
    sh`d=${layout.releases}; [ -d "$d" ] || exit 0; cd -- "$d" || exit 3
for x in *; do if [ -d "$x" ] && [ ! -L "$x" ]; then printf '%s %s\\n' "$(stat -c %Y -- "$x")" "$x"; fi; done`
  );
  const releases = [];
  const leftovers = [];
  for (const line of result.stdout.split("\n")) {
    const m = /^(\d+) (.+)$/.exec(line);
    if (!m) continue;
    const name = m[2];
    if (name.includes(".tmp-")) leftovers.push(name);
    else if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) releases.push({ id: name, mtime: Number(m[1]) });
  }
  releases.sort((a, b) => b.mtime - a.mtime || (a.id < b.id ? 1 : -1));
  return { releases, leftovers };
}
async function verifyReleaseDir(target, dir, manifest) {
  const paths = manifest.files.map((f) => checkManifestPath(f.path));
  const script = (mode2) => `${HASH_FUNCTION}
${sh`cd -- ${dir} || exit 3`}
while IFS= read -r p; do
  if [ -f "$p" ] && [ ! -L "$p" ]; then ${mode2 === "hash" ? `x=$(h < "$p") || exit ${NO_HASH_TOOL}; printf 'file %s %s\\n' "\${x%% *}" "$p"` : `printf 'file %s %s\\n' "$(wc -c < "$p" | tr -d ' ')" "$p"`}
  else printf 'missing - %s\\n' "$p"; fi
done
find . ! -type d -print | sed 's/^/entry /'
find . ! -type d ! -type f -print | sed 's/^/special /'`;
  let mode = "hash";
  let result = await target.exec(script(mode), { stdin: paths.join("\n") + "\n" });
  if (result.code === NO_HASH_TOOL) {
    mode = "size";
    result = await target.exec(script(mode), { stdin: paths.join("\n") + "\n" });
  }
  if (result.code !== 0)
    throw new ModelgateError(
      `${target.description}: checking ${dir} failed (exit ${result.code}): ${result.stderr.trim().slice(0, 300)}`,
      "remote"
    );
  const expected = new Map(manifest.files.map((f) => [f.path, f]));
  const problems = [];
  const present = /* @__PURE__ */ new Set();
  for (const line of result.stdout.split("\n")) {
    const space = line.indexOf(" ");
    const kind = line.slice(0, space);
    const rest = line.slice(space + 1);
    if (kind === "file" || kind === "missing") {
      const second = rest.indexOf(" ");
      const value = rest.slice(0, second);
      const name = rest.slice(second + 1);
      if (kind === "missing") {
        problems.push(`${name}: missing (or not a regular file)`);
        continue;
      }
      const want = expected.get(name);
      if (!want) continue;
      const got = mode === "hash" ? value : Number(value);
      const wanted = mode === "hash" ? want.sha256 : want.size;
      if (got !== wanted)
        problems.push(
          `${name}: ${mode === "hash" ? "sha256" : "size"} ${String(got)} differs from the manifest's ${String(wanted)}`
        );
    } else if (kind === "special")
      problems.push(`${rest.replace(/^\.\//, "")}: a link or special file, which a release must not contain`);
    else if (kind === "entry") present.add(rest.replace(/^\.\//, ""));
  }
  for (const name of present)
    if (!expected.has(name) && name !== "manifest.json") problems.push(`${name}: not listed in the manifest`);
  return { ok: problems.length === 0, problems, checkedBy: mode === "hash" ? "sha256" : "size" };
}
function checkManifestPath(p) {
  if (/[\n\r\0\\]/.test(p) || p.startsWith("/") || p.split("/").some((s) => s === ".." || s === "" || s === "."))
    throw new ModelgateError(
      `manifest file path ${JSON.stringify(p)} is not a plain relative path; regenerate the manifest with modelgate package`,
      "input"
    );
  return p;
}
async function extractRelease(target, tarball, manifest) {
  const { layout } = target;
  const id = checkReleaseId(manifest.id);
  const tmp = `${layout.releases}/${id}.tmp-${randomBytes2(4).toString("hex")}`;
  const final = `${layout.releases}/${id}`;
  await target.run(
    `extracting ${tarball} into ${tmp}`,
    sh`mkdir -p -- ${layout.releases} && rm -rf -- ${layout.releases}/*.tmp-* && mkdir -- ${tmp} && tar -xzf ${tarball} -C ${tmp} --no-same-owner --no-same-permissions`
  );
  const outcome = await verifyReleaseDir(target, tmp, manifest);
  if (!outcome.ok) {
    await target.exec(sh`rm -rf -- ${tmp}`);
    throw new ModelgateError(
      `${target.description}: the extracted release ${id} does not match its manifest: ${outcome.problems.slice(0, 10).join("; ")}${outcome.problems.length > 10 ? `; and ${outcome.problems.length - 10} more` : ""}. Nothing live was changed`,
      "check"
    );
  }
  await target.run(
    `moving ${tmp} to ${final}`,
    sh`rm -rf -- ${final} && mv -T -- ${tmp} ${final} && touch -- ${final}`
  );
  return { checkedBy: outcome.checkedBy };
}
async function switchModels(target, id) {
  const { layout } = target;
  if (id === null) {
    await target.run(
      `removing the link ${layout.models}`,
      sh`if [ -L ${layout.models} ]; then rm -f -- ${layout.models}; fi`
    );
    return;
  }
  checkReleaseId(id);
  const next = `${layout.models}.modelgate-new`;
  await target.run(
    `switching ${layout.models} to releases/${id}`,
    sh`[ -d ${`${layout.releases}/${id}`} ] || { echo "release directory releases/"${id}" is missing" >&2; exit 3; }
rm -f -- ${next} && ln -s -- ${`releases/${id}`} ${next} && mv -Tf -- ${next} ${layout.models} && touch -- ${`${layout.releases}/${id}`}
[ "$(readlink -- ${layout.models})" = ${`releases/${id}`} ]`
  );
}
async function adoptPlainDirectory(target, id) {
  const { layout } = target;
  checkReleaseId(id);
  const next = `${layout.models}.modelgate-new`;
  await target.run(
    `moving ${layout.models} into releases/${id}`,
    sh`mkdir -p -- ${layout.releases} && [ ! -e ${`${layout.releases}/${id}`} ] && rm -f -- ${next} && ln -s -- ${`releases/${id}`} ${next} && mv -T -- ${layout.models} ${`${layout.releases}/${id}`} && mv -Tf -- ${next} ${layout.models}`
  );
}
async function backupRelease(target, id) {
  const { layout } = target;
  checkReleaseId(id);
  const archive = `${layout.backup}/${id}.tar.gz`;
  const seed = `${layout.backup}/${SEED_BACKUP}`;
  const keep = `${layout.backup}/${SEED_BACKUP.replace(/\.tar\.gz$/, "")}.pre-modelgate-${stamp()}.tar.gz`;
  const next = `${layout.backup}/.${SEED_BACKUP}.modelgate-new`;
  await target.run(
    `backing up releases/${id}`,
    sh`a=${archive}; mkdir -p -- ${layout.backup} || exit 1
if [ ! -s "$a" ]; then { tar -czf "$a.tmp" -C ${`${layout.releases}/${id}`} . && { sync -- "$a.tmp" 2>/dev/null; true; } && mv -f -- "$a.tmp" "$a"; } || { rm -f -- "$a.tmp"; exit 1; }; fi
if [ -e ${seed} ] && [ ! -L ${seed} ]; then mv -- ${seed} ${keep} || exit 1; fi
rm -f -- ${next} && ln -s -- ${`${id}.tar.gz`} ${next} && mv -Tf -- ${next} ${seed}`
  );
  return archive;
}
async function prune(target, keep, protect) {
  const { layout } = target;
  const { releases, leftovers } = await listReleases(target);
  const listing = await target.run(
    "listing backups",
    sh`d=${layout.backup}; [ -d "$d" ] || exit 0; cd -- "$d" || exit 3; printf 'seed %s\\n' "$(readlink -- ${SEED_BACKUP} 2>/dev/null)"
for x in *.tar.gz; do if [ -f "$x" ] && [ ! -L "$x" ]; then printf '%s %s\\n' "$(stat -c %Y -- "$x")" "$x"; fi; done`
  );
  let seedTarget = "";
  const archives = [];
  const seedPrefix = SEED_BACKUP.replace(/\.tar\.gz$/, "");
  for (const line of listing.stdout.split("\n")) {
    if (line.startsWith("seed ")) seedTarget = line.slice(5);
    const m = /^(\d+) (.+\.tar\.gz)$/.exec(line);
    if (m && !m[2]?.startsWith(seedPrefix)) archives.push({ name: m[2], mtime: Number(m[1]) });
  }
  archives.sort((a, b) => b.mtime - a.mtime || (a.name < b.name ? 1 : -1));
  const doomed = releases.filter((r, i) => i >= keep && !protect.has(r.id)).map((r) => r.id);
  const oldArchives = archives.filter((a, i) => i >= keep && a.name !== seedTarget && !protect.has(a.name.replace(/\.tar\.gz$/, ""))).map((a) => a.name);
  const paths = [
    ...[...doomed, ...leftovers].map((name) => `${layout.releases}/${name}`),
    ...oldArchives.map((name) => `${layout.backup}/${name}`)
  ];
  if (paths.length > 0) await target.run("removing old releases and backups", sh`rm -rf -- ${paths}`);
  return [...doomed, ...oldArchives.map((a) => `backup/${a}`)];
}

// src/core/deploy/verify.ts
import path3 from "node:path";
var MAX_LOG_BYTES = 4 * 1024 * 1024;
function logSource(config, root) {
  if (config.log_file) return { kind: "file", file: path3.posix.resolve(root, config.log_file) };
  const logs = config.logs;
  if (!logs) return { kind: "none" };
  if (!/\s/.test(logs) && !logs.includes("{since}"))
    return { kind: "file", file: path3.posix.resolve(root, logs) };
  return { kind: "command", command: logs };
}
async function restartAndVerify(target, config, options) {
  const { layout } = target;
  const source = logSource(config, layout.root);
  const expect = options.expect ? config.verify.expect : [];
  if (expect.length > 0 && source.kind === "none")
    return {
      ok: false,
      reason: "deploy.verify.expect lists patterns but neither deploy.logs nor deploy.log_file says where the log is",
      lines: []
    };
  const mark = await target.run(
    "reading the log position",
    source.kind === "file" ? sh`if [ -f ${source.file} ]; then wc -c < ${source.file}; else echo 0; fi` : "date +%s"
  );
  const position = Number(mark.stdout.trim()) || 0;
  const baseline = source.kind === "command" ? (await poll(target, config, source, position)).text : "";
  const restart = await target.exec(inRoot(layout, config.restart));
  if (restart.code !== 0)
    return {
      ok: false,
      reason: `the restart command (deploy.restart: ${config.restart}) failed (exit ${restart.code})${tail(restart)}`,
      lines: []
    };
  options.log(`restarted: ${config.restart}`);
  const deadline = Date.now() + durationSeconds(config.verify.timeout) * 1e3;
  const settleMs = durationSeconds(config.verify.settle) * 1e3;
  const pollMs = options.pollMs ?? 500;
  if (options.expect && expect.length === 0)
    options.log(
      "warning: deploy.verify.expect is empty, so the service is judged by is_active alone; list lines it logs once its models are loaded"
    );
  let activeOk = false;
  let lastActive = "";
  let healthySince;
  let logProblem;
  for (; ; ) {
    const { text, problem, activeCode, activeLine } = await poll(target, config, source, position);
    logProblem = problem;
    const lines = dropOverlap(baseline, text);
    const failing = lines.find((line) => config.verify.fail.some((p) => line.includes(p)));
    if (failing !== void 0) {
      const index = lines.indexOf(failing);
      const context = lines.slice(index, index + 6).filter((l) => l.trim() !== "");
      return { ok: false, reason: `the service log shows a failure: ${failing.trim()}`, lines: context };
    }
    const matched = expect.map((p) => lines.find((line) => line.includes(p)));
    activeOk = activeCode === 0;
    lastActive = `exit ${activeCode}${activeLine ? `: ${activeLine}` : ""}`;
    const allSeen = matched.every((m) => m !== void 0);
    if (activeOk && allSeen) {
      if (healthySince === void 0) healthySince = Date.now();
      else if (Date.now() - healthySince >= settleMs)
        return {
          ok: true,
          lines: unique(matched.filter((m) => m !== void 0).map((l) => l.trim()))
        };
    } else healthySince = void 0;
    if (options.signal?.aborted)
      return {
        ok: false,
        reason: `cancelled (${reasonOf(options.signal)}) while verifying the restart`,
        lines: lines.filter((l) => l.trim() !== "").slice(-10)
      };
    if (healthySince === void 0 && Date.now() >= deadline) {
      const missing = expect.filter((_, i) => matched[i] === void 0);
      const why = [
        activeOk ? void 0 : `the is-active command (${config.is_active}) did not succeed (${lastActive})`,
        missing.length > 0 ? `the log since the restart lacks ${missing.map((m) => JSON.stringify(m)).join(", ")}` : void 0,
        logProblem
      ].filter(Boolean);
      const seconds = durationSeconds(config.verify.timeout);
      return {
        ok: false,
        reason: `within ${seconds} s (deploy.verify.timeout) ${why.join(" and ")}`,
        lines: lines.filter((l) => l.trim() !== "").slice(-10)
      };
    }
    await sleepUnlessAborted(pollMs, options.signal);
  }
}
var LOG_RC = "::modelgate-log-exit=";
async function poll(target, config, source, position) {
  const active = `a=$( (
${inRoot(target.layout, config.is_active)}
) 2>&1 ); rc=$?; printf '%s
' "$rc"; printf '%s
' "$a" | head -n 1`;
  let log = "";
  if (source.kind === "file")
    log = sh`f=${source.file}; if [ -f "$f" ]; then n=$(wc -c < "$f"); if [ "$n" -lt ${position} ]; then o=1; else o=${position + 1}; fi; tail -c +"$o" -- "$f" | head -c ${MAX_LOG_BYTES}; fi`;
  else if (source.kind === "command") {
    const command = source.command.split("{since}").join(sh`${String(position)}`);
    log = `(
${inRoot(target.layout, command)}
) 2>/dev/null; printf '
${LOG_RC}%s
' "$?"`;
  }
  const result = await target.exec([active, log].join("\n"), { timeoutMs: 6e4 });
  const first = result.stdout.indexOf("\n");
  const second = result.stdout.indexOf("\n", first + 1);
  const activeCode = Number(result.stdout.slice(0, first));
  const activeLine = result.stdout.slice(first + 1, second < 0 ? void 0 : second).trim();
  let text = second < 0 ? "" : result.stdout.slice(second + 1);
  let problem;
  const marker = text.lastIndexOf(`
${LOG_RC}`);
  if (marker >= 0) {
    const code = Number(text.slice(marker + LOG_RC.length + 1).trim());
    text = text.slice(0, marker);
    if (code !== 0) problem = `the log command (deploy.logs) exited with ${code}`;
  }
  if (result.code !== 0 || first < 0 || !Number.isInteger(activeCode))
    return {
      activeCode: Number.isInteger(activeCode) && first >= 0 ? activeCode : 1,
      activeLine,
      text,
      problem: `checking the service failed (exit ${result.code})${tail(result, 3)}`
    };
  return { activeCode, activeLine, text, ...problem ? { problem } : {} };
}
function dropOverlap(baseline, text) {
  const lines = text.split("\n");
  if (!baseline) return lines;
  const seen = /* @__PURE__ */ new Map();
  for (const line of baseline.split("\n"))
    if (line.trim() !== "" && !line.startsWith("-- ")) seen.set(line, (seen.get(line) ?? 0) + 1);
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === "" || line.startsWith("-- ")) continue;
    const count = seen.get(line) ?? 0;
    if (count === 0) break;
    seen.set(line, count - 1);
  }
  return lines.slice(i);
}
function unique(lines) {
  return [...new Set(lines)];
}

// src/core/deploy/pending.ts
var pendingSchema = object({
  run_id: string(),
  actor: string(),
  action: _enum(["deploy", "promote"]),
  phase: string(),
  id: string(),
  previous: nullable(string()),
  time: string(),
  flags: object({ path: string(), existed: boolean(), content: string() })
});
async function writePending(target, pending) {
  await writeRemoteFile(target, target.layout.pending, `${JSON.stringify(pending)}
`);
}
async function clearPending(target) {
  await removeRemoteFile(target, target.layout.pending);
}
async function recoverInterrupted(target, who, options) {
  const { log } = options;
  const { layout } = target;
  const file = await readRemoteFile(target, layout.pending);
  if (!file.exists) return false;
  let pending;
  try {
    pending = pendingSchema.parse(JSON.parse(file.content.toString("utf8")));
  } catch {
    throw new ModelgateError(
      `${layout.pending} is unreadable: a deploy was interrupted and its record of what to restore is damaged. Check ${layout.models} and the flags file by hand, then remove ${layout.pending}`,
      "remote"
    );
  }
  log(
    `a ${pending.action} of ${pending.id} by ${pending.actor} (run ${pending.run_id}, ${pending.time}) did not finish; restoring what was live before it`
  );
  const state = await modelsState(target);
  const live = state.kind === "release" ? state.id : null;
  let models = `${layout.models} -> ${live === null ? "(none)" : `releases/${live}`} as it was`;
  if (live !== pending.previous) {
    const { releases } = await listReleases(target);
    if (pending.previous === null || releases.some((r) => r.id === pending.previous)) {
      await switchModels(target, pending.previous);
      models = `${layout.models} -> ${pending.previous === null ? "(none)" : `releases/${pending.previous}`}`;
      log(`restored ${models}`);
    } else {
      models = `not ${layout.models} (releases/${pending.previous} no longer exists; left at ${live ?? "(none)"})`;
      log(`releases/${pending.previous} no longer exists; ${layout.models} left at ${live ?? "(none)"}`);
    }
  }
  if (pending.flags.existed)
    await writeRemoteFile(target, pending.flags.path, Buffer.from(pending.flags.content, "base64"));
  else await target.run(`removing ${pending.flags.path}`, sh`rm -f -- ${pending.flags.path}`);
  log(`restored ${pending.flags.path}`);
  const restarted = await restartAndVerify(target, options.config, {
    expect: true,
    log,
    pollMs: options.pollMs
  }).catch((error) => ({
    ok: false,
    reason: error instanceof Error ? error.message : String(error)
  }));
  const service = restarted.ok ? "the service restarted on it and verified" : `the service restarted on it but is not healthy: ${restarted.reason ?? "verification failed"}`;
  log(restarted.ok ? "restarted the service on what was restored; verified" : `warning: ${service}`);
  await appendHistory(target, {
    id: pending.id,
    previous: pending.previous,
    action: pending.action,
    phase: pending.phase,
    time: (/* @__PURE__ */ new Date()).toISOString(),
    actor: who.actor,
    run_id: who.runId,
    result: "interrupted",
    reason: `run ${pending.run_id} (${pending.actor}) stopped before finishing; restored ${models} and ${pending.flags.path}; ${service}`
  });
  await clearPending(target);
  return true;
}

// src/core/deploy/preflight.ts
import path4 from "node:path";
var TOOLS = ["tar", "gzip", "df", "mv", "ln", "readlink", "stat", "mkdir", "rm", "base64", "head", "find"];
async function preflight(target, config, need) {
  const { layout } = target;
  const probe = await target.run(
    `checking ${layout.root}`,
    sh`r=${layout.root}
if [ ! -d "$r" ]; then echo exists=0; exit 0; fi
echo exists=1
if [ -w "$r" ]; then echo writable=1; else echo writable=0; fi
for t in ${TOOLS}; do command -v "$t" >/dev/null 2>&1 || echo "missing=$t"; done
if [ -d ${path4.posix.dirname(layout.flagsFile)} ]; then echo flagsdir=1; else echo flagsdir=0; fi
f=${layout.flagsFile}; u=$(id -u)
if [ -e "$f" ] && [ "$u" != 0 ]; then o=$(stat -c %u -- "$f"); [ "$o" = "$u" ] || echo "flagsowner=$o $u"; fi
df -Pk -- "$r" | tail -n 1 | sed 's/^/df=/'`
  );
  const facts = keyValues(probe.stdout);
  if (facts.get("exists")?.[0] !== "1")
    throw new ModelgateError(
      `${target.description}: ${layout.root} does not exist; create the service directory (deploy.path) or fix the path`,
      "remote"
    );
  if (facts.get("writable")?.[0] !== "1")
    throw new ModelgateError(
      `${target.description}: ${layout.root} is not writable by the deploy user; fix its owner or mode, or deploy as its owner`,
      "remote"
    );
  const missing = facts.get("missing") ?? [];
  if (missing.length > 0)
    throw new ModelgateError(
      `${target.description}: ${missing.join(", ")} not found on the target; install them (coreutils, tar, gzip, findutils)`,
      "remote"
    );
  if (facts.get("flagsdir")?.[0] !== "1")
    throw new ModelgateError(
      `${target.description}: the folder of the flags file ${layout.flagsFile} does not exist; fix deploy.flags.file (relative to deploy.path) or create the folder`,
      "remote"
    );
  const owner = facts.get("flagsowner")?.[0];
  if (owner !== void 0) {
    const [fileUid, deployUid] = owner.split(" ");
    throw new ModelgateError(
      `${target.description}: the flags file ${layout.flagsFile} belongs to uid ${fileUid}, not to the deploy user (uid ${deployUid}); rewriting it would change its owner. Deploy as its owner or as root (deploy.user / username), or give the file to the deploy user`,
      "remote"
    );
  }
  const freeBytes = availableBytes(facts.get("df")?.[0] ?? "");
  if (freeBytes === void 0)
    throw new ModelgateError(
      `${target.description}: could not read the free space of ${layout.root} from df -Pk`,
      "remote"
    );
  const requiredBytes = 2 * (need.tarballBytes + need.extractedBytes);
  if (freeBytes < requiredBytes)
    throw new ModelgateError(
      `${target.description}: not enough free space at ${layout.root}: ${formatSize(freeBytes)} free, ${formatSize(requiredBytes)} needed (the tarball and its extraction, twice over); free some space (old files in backup/ or releases/) and retry. Nothing was uploaded`,
      "remote"
    );
  const active = await target.exec(inRoot(layout, config.is_active));
  if (active.code === 126 || active.code === 127 || active.code === 124)
    throw new ModelgateError(
      `${target.description}: the is-active command (deploy.is_active: ${config.is_active}) could not run (exit ${active.code}): ${(active.stderr || active.stdout).trim().slice(0, 300)}; fix the command`,
      "remote"
    );
  return {
    freeBytes,
    requiredBytes,
    serviceActive: active.code === 0,
    isActiveOutput: (active.stdout.trim() || active.stderr.trim()).split("\n")[0] ?? ""
  };
}
function keyValues(text) {
  const map = /* @__PURE__ */ new Map();
  for (const line of text.split("\n")) {
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    const key = line.slice(0, eq);
    map.set(key, [...map.get(key) ?? [], line.slice(eq + 1)]);
  }
  return map;
}
function availableBytes(dfLine) {
  const fields = dfLine.trim().split(/\s+/);
  const capacity = fields.findIndex((f, i) => i >= 4 && /^\d+%$/.test(f));
  const available = capacity > 0 ? Number(fields[capacity - 1]) : NaN;
  return Number.isFinite(available) ? available * 1024 : void 0;
}

// src/core/deploy/tarball.ts
import { stat } from "node:fs/promises";
async function checkTarball(file, manifest) {
  let size;
  try {
    const st = await stat(file);
    if (!st.isFile()) throw new Error("not a regular file");
    size = st.size;
  } catch (error) {
    throw new ModelgateError(
      `${file}: cannot read the tarball (${error.code ?? error.message}); pass the .tar.gz written by modelgate package`,
      "input",
      {
        file
      }
    );
  }
  const [hashed, listed] = await Promise.allSettled([sha256File(file), listTarball(file)]);
  if (hashed.status === "rejected") throw hashed.reason;
  const sha256 = hashed.value;
  const expected = manifest.bundle?.sha256;
  if (expected && expected !== sha256)
    throw new ModelgateError(
      `${file}: sha256 ${sha256} does not match the manifest's bundle.sha256 ${expected} (release ${manifest.id}); the tarball is not the one the manifest describes. Nothing was uploaded`,
      "check",
      { file }
    );
  if (manifest.bundle?.size !== void 0 && manifest.bundle.size !== size)
    throw new ModelgateError(
      `${file}: ${size} bytes, but the manifest's bundle.size is ${manifest.bundle.size}; the tarball is not the one the manifest describes`,
      "check",
      { file }
    );
  if (listed.status === "rejected") throw listed.reason;
  const wanted = new Map(manifest.files.map((f) => [checkManifestPath(f.path), f]));
  const found = /* @__PURE__ */ new Map();
  for (const entry of listed.value) if (entry.type === "file") found.set(entry.path, entry.size);
  const problems = [];
  for (const [name, f] of wanted) {
    const got = found.get(name);
    if (got === void 0) problems.push(`${name} is listed in the manifest but not in the tarball`);
    else if (got !== f.size) problems.push(`${name} is ${got} bytes, the manifest says ${f.size}`);
  }
  for (const name of found.keys())
    if (!wanted.has(name) && name !== "manifest.json")
      problems.push(`${name} is in the tarball but not in the manifest`);
  if (problems.length > 0)
    throw new ModelgateError(
      `${file}: the tarball does not match the manifest of ${manifest.id}: ${problems.slice(0, 10).join("; ")}. Nothing was uploaded`,
      "check",
      { file }
    );
  const extractedBytes = [...found.values()].reduce((a, b) => a + b, 0);
  return { size, sha256, extractedBytes, files: found.size };
}

// src/core/deploy/upload.ts
async function uploadTarball(target, request) {
  const { layout } = target;
  await target.run(`creating ${layout.incoming}`, sh`mkdir -p -- ${layout.incoming}`);
  let offset = 0;
  const existing = await target.transport.size(request.remotePart);
  if (existing !== void 0 && existing > 0 && existing <= request.size) {
    const [theirs, ours] = await Promise.all([
      remoteSha256(target, request.remotePart, existing),
      sha256File(request.localFile, existing)
    ]);
    if (theirs.sha256 === ours) {
      offset = existing;
      request.log(
        `resuming the upload at ${formatSize(existing)} of ${formatSize(request.size)} (the partial file matches the tarball so far)`
      );
    } else
      request.log(`a partial upload of ${formatSize(existing)} does not match this tarball; starting over`);
  } else if (existing !== void 0 && existing > request.size)
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
          const seconds = Math.max((Date.now() - started) / 1e3, 1e-3);
          request.log(
            `upload ${Math.floor(100 * p.sent / p.total)}% (${formatSize(p.sent)} of ${formatSize(p.total)}, ${formatSize(Math.round((p.sent - offset) / seconds))}/s)`
          );
          while (nextReport <= p.sent) nextReport += request.size / 10;
        }
        request.onProgress?.(p);
      }
    });
    let timer;
    const stalled = new Promise((_, reject) => {
      const check = () => {
        const idle = Date.now() - lastProgress;
        if (idle >= request.stallMs)
          reject(
            new ModelgateError(
              `${target.description}: the upload stalled: nothing sent for ${Math.round(idle / 1e3)} s at ${formatSize(sentSoFar)} of ${formatSize(request.size)}; retry the deploy to resume it`,
              "remote"
            )
          );
        else timer = setTimeout(check, Math.min(1e3, request.stallMs - idle));
      };
      timer = setTimeout(check, Math.min(1e3, request.stallMs));
    });
    try {
      await Promise.race([upload, stalled]);
    } finally {
      clearTimeout(timer);
      upload.catch(() => void 0);
    }
  }
  const size = await target.transport.size(request.remotePart);
  const hash = await remoteSha256(target, request.remotePart);
  if (size !== request.size || hash.sha256 !== request.sha256) {
    await target.exec(sh`rm -f -- ${request.remotePart}`);
    throw new ModelgateError(
      `${target.description}: the uploaded tarball does not match the manifest: sha256 ${hash.sha256} (${size ?? 0} bytes) on the target, ${request.sha256} (${request.size} bytes) expected. The upload was removed and nothing live was changed; retry the deploy`,
      "check"
    );
  }
  return { resumedFrom: offset, sent: request.size - offset, verifiedBy: hash.via };
}

// src/core/deploy/deploy.ts
function defaultActor() {
  return process.env.GITHUB_ACTOR || os3.userInfo().username;
}
function defaultRunId() {
  return process.env.GITHUB_RUN_ID ? `${process.env.GITHUB_RUN_ID}-${process.env.GITHUB_RUN_ATTEMPT ?? "1"}` : `local-${os3.hostname()}-${process.pid}-${randomBytes3(3).toString("hex")}`;
}
async function deploy(options) {
  const { config, manifest } = options;
  const id = checkReleaseId(manifest.id, "manifest id");
  const target = new Target(options.transport, layoutFor(config), options.reconnect);
  const steps = new Steps(options.log, options.signal);
  const who = { actor: options.actor ?? defaultActor(), runId: options.runId ?? defaultRunId() };
  if (options.phase !== "shadow" && options.phase !== "promote")
    throw new ModelgateError(`phase "${String(options.phase)}" is not shadow or promote`, "input");
  options.log(
    `${options.phase === "shadow" ? "deploying" : "promoting"} ${id} to ${target.description}:${target.layout.root}${options.dryRun ? " (dry run)" : ""}`
  );
  let checked;
  if (options.phase === "shadow") {
    if (!options.tarball)
      throw new ModelgateError("deploy needs the tarball (input tarball) for phase shadow", "input", {});
    const tarball = options.tarball;
    checked = await steps.run("tarball", async () => {
      const c = await checkTarball(tarball, manifest);
      return {
        value: c,
        message: `${c.files} files, ${formatSize(c.size)}, sha256 ${c.sha256.slice(0, 12)}\u2026 matches the manifest; no unsafe entries`
      };
    });
  }
  if (options.dryRun) return dryRun(target, options, steps, checked);
  const lock = await steps.run("lock", async () => {
    const held = await acquireLock(target, {
      actor: who.actor,
      runId: who.runId,
      action: options.phase === "shadow" ? "deploy" : "promote",
      timeoutMs: options.lockTimeoutMs ?? durationSeconds(config.lock_timeout) * 1e3,
      staleMs: durationSeconds(config.stale_lock) * 1e3,
      log: options.log,
      signal: options.signal
    });
    return {
      value: held,
      message: `${target.layout.lock} held by ${held.holder.actor} (run ${held.holder.run_id})`
    };
  });
  try {
    await recoverInterrupted(target, who, { config, log: options.log, pollMs: options.pollMs });
    return options.phase === "shadow" ? await shadow(target, options, steps, who, checked) : await promote(target, options, steps, who);
  } finally {
    await releaseLock(lock, options.log);
  }
}
async function releaseLock(lock, log) {
  try {
    await lock.release();
  } catch (error) {
    log(
      `could not release the lock: ${error instanceof Error ? error.message : String(error)}; remove it by hand once this run has stopped`
    );
  }
}
function historyWriter(target, who, phase) {
  return (outcome, finished) => appendHistory(
    target,
    {
      id: outcome.id,
      previous: outcome.previous,
      action: phase === "shadow" ? "deploy" : "promote",
      phase,
      time: (/* @__PURE__ */ new Date()).toISOString(),
      actor: who.actor,
      run_id: who.runId,
      result: outcome.result,
      reason: outcome.reason
    },
    { finished }
  );
}
function previousFor(state, id, history) {
  if (state.kind === "release") return state.id === id ? previousOf(history, id) ?? null : state.id;
  if (state.kind === "directory") return `pre-modelgate-${stamp()}`;
  return null;
}
async function shadow(target, options, steps, who, checked) {
  const { config, manifest } = options;
  const { layout } = target;
  const id = manifest.id;
  const part = `${layout.incoming}/${id}.tar.gz.part`;
  const plan = [];
  const record = historyWriter(target, who, "shadow");
  let previous = null;
  let switched = false;
  let flagsBefore;
  let flagsWritten = false;
  try {
    await steps.run("preflight", async () => {
      const facts = await preflight(target, config, {
        tarballBytes: checked.size,
        extractedBytes: checked.extractedBytes
      });
      return {
        value: facts,
        message: `${formatSize(facts.freeBytes)} free (${formatSize(facts.requiredBytes)} needed); service ${facts.serviceActive ? "active" : `not active now (${facts.isActiveOutput || "is-active failed"})`}`
      };
    });
    const { releases } = await listReleases(target);
    const existing = releases.some((r) => r.id === id) ? await verifyReleaseDir(target, `${layout.releases}/${id}`, manifest) : void 0;
    const state = await modelsState(target);
    if (state.kind === "foreign")
      throw new ModelgateError(
        `${target.description}: ${state.detail}; make ${layout.models} a directory (or remove it) so modelgate can manage it`,
        "remote"
      );
    if (existing?.ok) {
      steps.add("upload", "skip", 0, `releases/${id} is already on the target and matches the manifest`);
      steps.add("extract", "skip", 0, `releases/${id} verified (${existing.checkedBy})`);
    } else {
      if (existing && state.kind === "release" && state.id === id)
        throw new ModelgateError(
          `${target.description}: the live release releases/${id} no longer matches its manifest (${existing.problems.slice(0, 3).join("; ")}); roll back to another release first`,
          "check"
        );
      await steps.run("upload", async () => {
        const outcome = await uploadTarballStep(target, options, part, checked);
        return {
          value: outcome,
          message: `${outcome.resumedFrom > 0 ? `resumed at ${formatSize(outcome.resumedFrom)}, ` : ""}sent ${formatSize(outcome.sent)}; sha256 verified ${outcome.verifiedBy === "target" ? "on the target" : "by reading it back"}`
        };
      });
      plan.push(`uploaded ${options.tarball ?? ""} to ${part}`);
      await steps.run("extract", async () => {
        const outcome = await extractRelease(target, part, manifest);
        await target.exec(sh`rm -f -- ${part}`);
        return {
          value: outcome,
          message: `releases/${id}: ${manifest.files.length} files match the manifest (${outcome.checkedBy})`
        };
      });
      plan.push(`extracted into releases/${id}`);
    }
    const history = await readHistory(target, options.log);
    previous = previousFor(state, id, history);
    const alreadyLive = state.kind === "release" && state.id === id;
    flagsBefore = await readRemoteFile(target, layout.flagsFile);
    await writePending(target, {
      run_id: who.runId,
      actor: who.actor,
      action: "deploy",
      phase: "shadow",
      id,
      previous: alreadyLive ? id : previous,
      time: (/* @__PURE__ */ new Date()).toISOString(),
      flags: {
        path: flagsBefore.path,
        existed: flagsBefore.exists,
        content: flagsBefore.content.toString("base64")
      }
    });
    await steps.run("backup", async () => {
      if (state.kind === "directory" && previous) {
        await adoptPlainDirectory(target, previous);
        plan.push(`moved the plain ${layout.modelsName}/ directory into releases/${previous}`);
      }
      if (!previous || alreadyLive)
        return {
          value: void 0,
          message: alreadyLive ? `${id} is already live` : "nothing live to back up"
        };
      const archive = await backupRelease(target, previous);
      plan.push(`archived releases/${previous} into ${archive}`);
      return {
        value: void 0,
        message: `${previous} archived in backup/${previous}.tar.gz (backup/macd_models_backup.tar.gz points at it)`
      };
    });
    if (!alreadyLive) {
      await steps.run("switch", async () => {
        switched = true;
        await switchModels(target, id);
        plan.push(`switched ${layout.modelsName} -> releases/${id}`);
        return {
          value: void 0,
          message: `${layout.modelsName} -> releases/${id} (was ${previous ?? "absent"})`
        };
      });
    } else steps.add("switch", "skip", 0, `${layout.modelsName} already points at releases/${id}`);
    await flagsStep(steps, target, flagsBefore, config.flags.shadow, plan, () => {
      flagsWritten = true;
    });
  } catch (error) {
    if (!switched && !flagsWritten) {
      await bestEffort(
        options.log,
        () => target.withRecovery(
          () => record(
            {
              id,
              previous,
              result: "failed",
              reason: error instanceof Error ? error.message : String(error)
            },
            true
          )
        )
      );
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
      verify: void 0,
      plan
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
      reason: verify.reason ?? "verification failed",
      verify,
      plan
    });
  plan.push(`restarted and verified`);
  await steps.run("history", async () => {
    let recorded = `recorded in ${layout.history}`;
    try {
      await target.withRecovery(() => record({ id, previous, result: "deployed" }, true));
    } catch (error) {
      await bestEffort(options.log, () => target.withRecovery(() => clearPending(target)));
      recorded = `not recorded in ${layout.history} (${error instanceof Error ? error.message : String(error)}); the release is live and verified`;
    }
    let removed = [];
    await bestEffort(options.log, async () => {
      removed = await prune(target, config.keep_releases, /* @__PURE__ */ new Set([id, ...previous ? [previous] : []]));
    });
    return {
      value: void 0,
      message: `${recorded}${removed.length > 0 ? `; removed ${removed.join(", ")}` : ""}`
    };
  });
  return {
    releaseId: id,
    previousReleaseId: previous,
    status: "deployed",
    steps: steps.records,
    logLines: verify.lines,
    plan
  };
}
function uploadTarballStep(target, options, part, checked) {
  return uploadTarball(target, {
    localFile: options.tarball,
    remotePart: part,
    size: checked.size,
    sha256: checked.sha256,
    log: options.log,
    stallMs: options.uploadStallMs ?? durationSeconds(options.config.command_timeout) * 1e3,
    ...options.onUploadProgress ? { onProgress: options.onUploadProgress } : {}
  });
}
async function flagsStep(steps, target, before, flags, plan, onWrite) {
  await steps.run("flags", async () => {
    const message = await setFlags(target, before, flags, onWrite);
    plan.push(`flags: ${describeFlags(flags)}`);
    return { value: void 0, message };
  });
}
async function setFlags(target, before, flags, onWrite) {
  const edit = applyFlags(before.content.toString("utf8"), flags);
  if (!edit.changed) return `${target.layout.flagsFile} already has ${describeFlags(flags)}`;
  onWrite();
  await writeRemoteFile(target, before.path, edit.text);
  return `${before.path}: ${edit.changes.map(
    (c) => `${c.key}=${c.to}${c.from === void 0 ? " (added)" : c.from !== c.to ? ` (was ${c.from})` : ""}${c.duplicatesRemoved > 0 ? ` (${c.duplicatesRemoved} duplicate line(s) removed)` : ""}`
  ).join(", ")}`;
}
async function autoRollback(target, options, steps, who, f) {
  const { config } = options;
  const record = historyWriter(target, who, options.phase);
  steps.undoing();
  options.log(`rolling back: ${f.reason}`);
  let restored;
  try {
    restored = await steps.run("rollback", async () => {
      if (f.switched) await target.withRecovery(() => switchModels(target, f.previous));
      const before = f.flagsBefore;
      if (f.flagsWritten && before) {
        await target.withRecovery(
          () => before.exists ? writeRemoteFile(target, before.path, before.content) : target.run(`removing ${before.path}`, sh`rm -f -- ${before.path}`).then(() => void 0)
        );
      }
      const outcome = await target.withRecovery(
        () => restartAndVerify(target, config, {
          expect: f.previous !== null,
          log: options.log,
          pollMs: options.pollMs
        })
      );
      const what = [
        f.switched ? `${target.layout.modelsName} -> ${f.previous === null ? "(none)" : `releases/${f.previous}`}` : void 0,
        f.flagsWritten ? "flags restored" : void 0
      ].filter(Boolean).join(", ");
      if (!outcome.ok)
        throw new ModelgateError(
          `restored (${what}) but the service is still not healthy: ${outcome.reason ?? ""}`,
          "remote"
        );
      return { value: outcome, message: `${what}; service healthy again` };
    });
  } catch (error) {
    const reason = `${f.reason}; automatic rollback failed: ${error instanceof Error ? error.message : String(error)}`;
    await bestEffort(
      options.log,
      () => target.withRecovery(() => record({ id: f.id, previous: f.previous, result: "failed", reason }, false))
    );
    return {
      releaseId: f.id,
      previousReleaseId: f.previous,
      status: "failed",
      steps: steps.records,
      logLines: f.verify?.lines ?? [],
      plan: f.plan,
      reason
    };
  }
  await bestEffort(
    options.log,
    () => target.withRecovery(
      () => record({ id: f.id, previous: f.previous, result: "rolled-back", reason: f.reason }, true)
    )
  );
  return {
    releaseId: f.id,
    previousReleaseId: f.previous,
    status: "rolled-back",
    steps: steps.records,
    logLines: [...f.verify?.lines ?? [], ...restored.lines.map((l) => `(after rollback) ${l}`)],
    plan: f.plan,
    reason: f.reason
  };
}
async function promote(target, options, steps, who) {
  const { config, manifest } = options;
  const { layout } = target;
  const id = manifest.id;
  const plan = [];
  const record = historyWriter(target, who, "promote");
  const state = await modelsState(target);
  const history = await readHistory(target, options.log);
  const previous = state.kind === "release" && state.id === id ? previousOf(history, id) ?? null : null;
  let flagsBefore;
  let flagsWritten = false;
  try {
    await steps.run("live", async () => {
      if (state.kind !== "release" || state.id !== id)
        throw new ModelgateError(
          `refusing to promote ${id}: the live release on ${target.description} is ${state.kind === "release" ? state.id : `not a modelgate release (${layout.models} is ${state.kind})`}; deploy ${id} with phase shadow first`,
          "check"
        );
      return { value: void 0, message: `${layout.modelsName} -> releases/${id}` };
    });
    flagsBefore = await readRemoteFile(target, layout.flagsFile);
    await writePending(target, {
      run_id: who.runId,
      actor: who.actor,
      action: "promote",
      phase: "promote",
      id,
      previous: id,
      time: (/* @__PURE__ */ new Date()).toISOString(),
      flags: {
        path: flagsBefore.path,
        existed: flagsBefore.exists,
        content: flagsBefore.content.toString("base64")
      }
    });
    await flagsStep(steps, target, flagsBefore, config.flags.promote, plan, () => {
      flagsWritten = true;
    });
  } catch (error) {
    if (!flagsWritten) {
      await bestEffort(
        options.log,
        () => record(
          { id, previous, result: "failed", reason: error instanceof Error ? error.message : String(error) },
          true
        )
      );
      throw error;
    }
    return autoRollback(target, options, steps, who, {
      id,
      previous: id,
      switched: false,
      flagsBefore,
      flagsWritten,
      reason: error instanceof Error ? error.message : String(error),
      verify: void 0,
      plan
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
      reason: verify.reason ?? "verification failed",
      verify,
      plan
    });
  await steps.run("history", async () => {
    await record({ id, previous, result: "promoted" }, true);
    return { value: void 0, message: `recorded in ${layout.history}` };
  });
  return {
    releaseId: id,
    previousReleaseId: previous,
    status: "promoted",
    steps: steps.records,
    logLines: verify.lines,
    plan
  };
}
async function dryRun(target, options, steps, checked) {
  const { config, manifest } = options;
  const { layout } = target;
  const id = manifest.id;
  const plan = [];
  const state = await modelsState(target);
  const history = await readHistory(target, options.log);
  const flags = await readRemoteFile(target, layout.flagsFile);
  const lock = await target.exec(sh`cat -- ${layout.lock} 2>/dev/null`);
  const pending = await target.exec(sh`[ -f ${layout.pending} ]`);
  if (lock.code === 0 && lock.stdout.trim()) plan.push(`wait for the lock, held now: ${lock.stdout.trim()}`);
  else plan.push(`take the lock ${layout.lock}`);
  if (pending.code === 0) plan.push(`restore what was live before an interrupted run (${layout.pending})`);
  let previous = null;
  if (options.phase === "shadow") {
    const c = checked;
    await steps.run("preflight", async () => {
      const facts = await preflight(target, config, {
        tarballBytes: c.size,
        extractedBytes: c.extractedBytes
      });
      return {
        value: facts,
        message: `${formatSize(facts.freeBytes)} free (${formatSize(facts.requiredBytes)} needed)`
      };
    });
    if (state.kind === "foreign")
      throw new ModelgateError(
        `${target.description}: ${state.detail}; make it a directory (or remove it) so modelgate can manage it`,
        "remote"
      );
    previous = previousFor(state, id, history);
    plan.push(
      `upload ${options.tarball ?? ""} (${formatSize(c.size)}) to ${layout.incoming}/${id}.tar.gz.part and check its sha256 ${c.sha256} on the target`
    );
    plan.push(`extract into ${layout.releases}/${id} and check ${c.files} files against the manifest`);
    if (state.kind === "directory")
      plan.push(
        `move the plain directory ${layout.models} into ${layout.releases}/${previous} (so it can be rolled back to)`
      );
    if (previous && !(state.kind === "release" && state.id === id)) {
      plan.push(
        `archive ${layout.releases}/${previous} into ${layout.backup}/${previous}.tar.gz and point backup/macd_models_backup.tar.gz at it`
      );
      plan.push(`switch ${layout.models} -> releases/${id} (atomic rename of a new link)`);
    } else if (!previous) plan.push(`link ${layout.models} -> releases/${id}`);
  } else {
    if (state.kind !== "release" || state.id !== id)
      throw new ModelgateError(
        `refusing to promote ${id}: the live release is ${state.kind === "release" ? state.id : `not a modelgate release (${state.kind})`}; deploy it first`,
        "check"
      );
    previous = previousOf(history, id) ?? null;
  }
  const wanted = options.phase === "shadow" ? config.flags.shadow : config.flags.promote;
  const edit = applyFlags(flags.content.toString("utf8"), wanted);
  plan.push(
    edit.changed ? `set in ${flags.path}: ${edit.changes.map((c) => `${c.key}=${c.to} (now ${c.from ?? "absent"})`).join(", ")}` : `${flags.path} already has ${describeFlags(wanted)}`
  );
  plan.push(`restart: ${config.restart}`);
  plan.push(
    `verify within ${durationSeconds(config.verify.timeout)} s: ${config.is_active} succeeds, the log shows ${config.verify.expect.map((p) => JSON.stringify(p)).join(", ") || "(no expect patterns)"} and none of ${config.verify.fail.map((p) => JSON.stringify(p)).join(", ")}`
  );
  plan.push(`on failure: switch back to ${previous ?? "(none)"}, restore ${flags.path}, restart and verify`);
  plan.push(
    `append to ${layout.history}${options.phase === "shadow" ? `; keep the newest ${config.keep_releases} releases` : ""}`
  );
  for (const line of plan) options.log(`would: ${line}`);
  return {
    releaseId: id,
    previousReleaseId: previous,
    status: "dry-run",
    steps: steps.records,
    logLines: [],
    plan
  };
}
async function verifyStep(target, options, steps) {
  const { config } = options;
  const started = Date.now();
  let outcome;
  const cancellation = steps.cancellation;
  try {
    if (cancellation?.aborted) throw cancelledError(cancellation, "the restart");
    outcome = await restartAndVerify(target, config, {
      expect: true,
      log: options.log,
      pollMs: options.pollMs,
      signal: cancellation
    });
  } catch (error) {
    outcome = { ok: false, reason: error instanceof Error ? error.message : String(error), lines: [] };
  }
  const expect = config.verify.expect.map((p) => JSON.stringify(p)).join(", ");
  steps.add(
    "verify",
    outcome.ok ? "pass" : "fail",
    Date.now() - started,
    outcome.ok ? `service active; the log shows ${expect || "no failure pattern"}` : outcome.reason ?? "failed"
  );
  return outcome;
}
async function bestEffort(log, action) {
  try {
    await action();
  } catch (error) {
    log(`warning: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// src/commands/render-steps.ts
var ICON = { pass: "\u2705", fail: "\u274C", skip: "\u23ED\uFE0F", warn: "\u26A0\uFE0F" };
function renderSteps(steps) {
  if (steps.length === 0) return "";
  const esc = (s) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  return [
    "| step | status | time | detail |",
    "|---|---|---:|---|",
    ...steps.map(
      (s) => `| ${s.name} | ${ICON[s.status] ?? s.status} | ${Math.round(s.ms)} ms | ${esc(s.message)} |`
    )
  ].join("\n");
}

// src/commands/deploy.ts
async function resolveManifest(ctx, tarball) {
  const given = optionalInput(ctx.inputs, "manifest");
  if (given) return loadManifest(resolveIn(ctx, given));
  const beside = manifestPathFor(tarball);
  if (existsSync(beside)) return loadManifest(beside);
  const inside = await readTarballFile(tarball, "manifest.json");
  if (!inside) {
    throw new ModelgateError(
      `${tarball}: no manifest beside it (${path5.basename(beside)}) or inside it; pass the manifest input or package the bundle with modelgate package`,
      "input",
      { file: tarball }
    );
  }
  return parseManifest(inside.toString("utf8"), `${tarball}:manifest.json`);
}
function deploySummary(title, result, facts) {
  const lines = [
    `## ${title}`,
    "",
    ...facts.map(([k, v]) => `- **${k}:** ${v}`),
    "",
    renderSteps(result.steps)
  ];
  if (result.reason) lines.push("", `**Reason:** ${result.reason}`);
  if (result.logLines.length)
    lines.push(
      "",
      "<details><summary>Matched service log lines</summary>",
      "",
      "```",
      ...result.logLines.slice(-50),
      "```",
      "</details>"
    );
  return `${lines.join("\n")}
`;
}
var deployCommand = async (ctx) => {
  const loaded = await loadConfigInput(ctx);
  const tarball = resolveIn(ctx, requiredInput(ctx.inputs, "tarball"));
  if (!existsSync(tarball))
    throw new ModelgateError(
      `${tarball}: tarball not found; pass the tarball output of the package action`,
      "input",
      { file: tarball }
    );
  const phase = choiceInput(ctx.inputs, "phase", ["shadow", "promote"], "shadow") ?? "shadow";
  const dryRun2 = booleanInput(ctx.inputs, "dry-run", false);
  const manifest = await resolveManifest(ctx, tarball);
  const { transport, deploy: settings } = await openTarget(ctx, loaded);
  let result;
  try {
    const log = (line) => ctx.log.info(line);
    result = await cancelOnSignals(
      log,
      "puts back what it changed and releases the lock",
      (signal) => deploy({
        transport,
        config: settings,
        tarball,
        manifest,
        phase,
        dryRun: dryRun2,
        ...runIdentity(ctx),
        log,
        signal
      })
    );
  } finally {
    await transport.close();
  }
  const failed = result.status === "rolled-back" || result.status === "failed";
  return {
    outputs: {
      "release-id": result.releaseId,
      "previous-release-id": result.previousReleaseId ?? "",
      status: result.status
    },
    summary: deploySummary(
      `Deploy ${manifest.id} (${phase}) to ${transport.description}: ${result.status}`,
      result,
      [
        ["Release", result.releaseId],
        ["Previous", result.previousReleaseId ?? "none"],
        ["Target", `${transport.description} ${settings.path}`]
      ]
    ),
    annotations: failed ? [
      {
        severity: "error",
        message: `deploy ${result.status}: ${result.reason ?? "see the job summary"}`,
        title: "modelgate deploy"
      }
    ] : [],
    ...failed ? { failure: `deploy ${result.status}: ${result.reason ?? ""}` } : {}
  };
};

export {
  applyFlags,
  describeFlags,
  appendHistory,
  readHistory,
  previousOf,
  acquireLock,
  SEED_BACKUP,
  layoutFor,
  checkReleaseId,
  Target,
  inRoot,
  Steps,
  stamp,
  readRemoteFile,
  writeRemoteFile,
  modelsState,
  listReleases,
  verifyReleaseDir,
  switchModels,
  adoptPlainDirectory,
  restartAndVerify,
  recoverInterrupted,
  defaultActor,
  defaultRunId,
  resolveManifest,
  deploySummary,
  deployCommand
};
