import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  ModelgateError
} from "./chunk-UAYJCUJE.js";
import "./chunk-3GRPW3HZ.js";

// src/core/remote/local.ts
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream } from "node:fs";
import { copyFile, stat, truncate } from "node:fs/promises";
import { constants as osConstants } from "node:os";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
var PIPE_GRACE_MS = 2e3;
function createLocalTransport(options) {
  return {
    description: "local",
    exec: (command, execOptions) => execLocal(command, options, execOptions),
    upload: (localFile, remotePath, uploadOptions) => copyWithOffset(localFile, remotePath, uploadOptions ?? {}),
    download: async (remotePath, localFile) => {
      try {
        await copyFile(remotePath, localFile);
      } catch (error) {
        throw new ModelgateError(
          `local: cannot copy ${remotePath} to ${localFile}: ${error.message}`,
          "remote",
          {},
          { cause: error }
        );
      }
    },
    size: async (remotePath) => {
      try {
        const st = await stat(remotePath);
        return st.isFile() ? st.size : void 0;
      } catch (error) {
        if (error.code === "ENOENT") return void 0;
        throw new ModelgateError(
          `local: cannot stat ${remotePath}: ${error.message}`,
          "remote",
          {},
          { cause: error }
        );
      }
    },
    close: async () => {
    }
  };
}
function execLocal(command, options, execOptions = {}) {
  const timeoutMs = execOptions.timeoutMs ?? options.commandTimeoutMs;
  return new Promise((resolve, reject) => {
    const child = spawn("/bin/sh", ["-c", command], {
      detached: true,
      stdio: ["pipe", "pipe", "pipe"],
      env: options.env ?? process.env
    });
    const stdout = [];
    const stderr = [];
    let timedOut = false;
    let exitCode = null;
    let settled = false;
    let graceTimer;
    const finish = (result2) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(graceTimer);
      if (result2 instanceof Error) reject(result2);
      else resolve(result2);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.stdout.on("data", (chunk) => stdout.push(chunk));
    child.stderr.on("data", (chunk) => stderr.push(chunk));
    child.on(
      "error",
      (error) => finish(
        new ModelgateError(`local: cannot run /bin/sh: ${error.message}`, "remote", {}, { cause: error })
      )
    );
    const result = (code) => {
      const err = Buffer.concat(stderr).toString("utf8");
      return {
        code,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: timedOut ? `${err}${err && !err.endsWith("\n") ? "\n" : ""}killed after ${timeoutMs} ms (command timeout)` : err
      };
    };
    child.on("exit", (code, signal) => {
      exitCode = timedOut ? 124 : code ?? signalCode(signal);
      graceTimer = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish(result(exitCode ?? 1));
      }, PIPE_GRACE_MS);
    });
    child.on("close", (code, signal) => {
      finish(result(exitCode ?? (timedOut ? 124 : code ?? signalCode(signal))));
    });
    child.stdin.on("error", () => {
    });
    if (execOptions.stdin !== void 0) child.stdin.end(execOptions.stdin);
    else child.stdin.end();
  });
}
function signalCode(signal) {
  return signal ? 128 + (osConstants.signals[signal] ?? 0) : 1;
}
function killGroup(pid) {
  if (pid === void 0) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
  }
}
async function copyWithOffset(localFile, remotePath, options) {
  const offset = options.offset ?? 0;
  let total;
  try {
    total = (await stat(localFile)).size;
  } catch (error) {
    throw new ModelgateError(
      `${localFile}: cannot read the file to upload: ${error.message}`,
      "input",
      { file: localFile },
      { cause: error }
    );
  }
  if (offset < 0 || offset > total)
    throw new ModelgateError(
      `local: resume offset ${offset} is outside ${localFile} (${total} bytes)`,
      "runtime"
    );
  try {
    if (offset > 0) await truncate(remotePath, offset);
    let sent = offset;
    const progress = new Transform({
      transform(chunk, _encoding, callback) {
        sent += chunk.length;
        try {
          options.onProgress?.({ sent, total });
        } catch (error) {
          callback(error);
          return;
        }
        callback(null, chunk);
      }
    });
    await pipeline(
      createReadStream(localFile, { start: offset, highWaterMark: 1 << 20 }),
      progress,
      createWriteStream(remotePath, offset > 0 ? { flags: "r+", start: offset } : { flags: "w" })
    );
  } catch (error) {
    if (error instanceof ModelgateError) throw error;
    throw new ModelgateError(
      `local: upload of ${localFile} to ${remotePath} failed: ${error.message}`,
      "remote",
      {},
      { cause: error }
    );
  }
}
export {
  createLocalTransport
};
