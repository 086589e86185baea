/**
 * The `local` transport: the target is a directory on this machine (the demo, and runners
 * that are themselves the server). Commands run through `/bin/sh -c` exactly as they would
 * through an SSH session, so deploy and rollback have one code path for both targets.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, stat, truncate } from 'node:fs/promises';
import { constants as osConstants } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { ModelgateError } from '../errors.js';
import type { ExecOptions, ExecResult, Transport, UploadProgress } from './transport.js';

export interface LocalTransportOptions {
  /** Default timeout of `exec`; a command running longer is killed with its process group. */
  commandTimeoutMs: number;
  /** Environment for commands (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

/** After the shell exits, how long to wait for pipes held open by a process it started. */
const PIPE_GRACE_MS = 2000;

export function createLocalTransport(options: LocalTransportOptions): Transport {
  return {
    description: 'local',
    exec: (command, execOptions) => execLocal(command, options, execOptions),
    upload: (localFile, remotePath, uploadOptions) =>
      copyWithOffset(localFile, remotePath, uploadOptions ?? {}),
    download: async (remotePath, localFile) => {
      try {
        await copyFile(remotePath, localFile);
      } catch (error) {
        throw new ModelgateError(
          `local: cannot copy ${remotePath} to ${localFile}: ${(error as Error).message}`,
          'remote',
          {},
          { cause: error },
        );
      }
    },
    size: async (remotePath) => {
      try {
        const st = await stat(remotePath);
        return st.isFile() ? st.size : undefined;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new ModelgateError(
          `local: cannot stat ${remotePath}: ${(error as Error).message}`,
          'remote',
          {},
          { cause: error },
        );
      }
    },
    close: async () => {},
  };
}

function execLocal(
  command: string,
  options: LocalTransportOptions,
  execOptions: ExecOptions = {},
): Promise<ExecResult> {
  const timeoutMs = execOptions.timeoutMs ?? options.commandTimeoutMs;
  return new Promise((resolve, reject) => {
    // A process group of its own, so a timeout kills everything the command started
    // (a pipeline, a hung `tar`), not just the shell.
    const child = spawn('/bin/sh', ['-c', command], {
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: options.env ?? process.env,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    let exitCode: number | null = null;
    let settled = false;
    let graceTimer: NodeJS.Timeout | undefined;
    const finish = (result: ExecResult | Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(graceTimer);
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) =>
      finish(
        new ModelgateError(`local: cannot run /bin/sh: ${error.message}`, 'remote', {}, { cause: error }),
      ),
    );
    const result = (code: number): ExecResult => {
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
    if (execOptions.stdin !== undefined) child.stdin.end(execOptions.stdin);
    else child.stdin.end();
  });
}

/** The shell convention for a process killed by a signal: 128 + its number. */
function signalCode(signal: NodeJS.Signals | null): number {
  return signal ? 128 + (osConstants.signals[signal] ?? 0) : 1;
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/**
 * Copies `localFile` to `remotePath`; with an offset, the target is cut to `offset` bytes and
 * the rest appended, which is how an interrupted upload resumes. A progress callback that
 * throws aborts the copy (the partial file stays, as after a cut connection).
 */
async function copyWithOffset(
  localFile: string,
  remotePath: string,
  options: { offset?: number; onProgress?: (p: UploadProgress) => void },
): Promise<void> {
  const offset = options.offset ?? 0;
  let total: number;
  try {
    total = (await stat(localFile)).size;
  } catch (error) {
    throw new ModelgateError(
      `${localFile}: cannot read the file to upload: ${(error as Error).message}`,
      'input',
      { file: localFile },
      { cause: error },
    );
  }
  if (offset < 0 || offset > total)
    throw new ModelgateError(
      `local: resume offset ${offset} is outside ${localFile} (${total} bytes)`,
      'runtime',
    );
  try {
    if (offset > 0) await truncate(remotePath, offset);
    let sent = offset;
    const progress = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        sent += chunk.length;
        try {
          options.onProgress?.({ sent, total });
        } catch (error) {
          callback(error as Error);
          return;
        }
        callback(null, chunk);
      },
    });
    await pipeline(
      createReadStream(localFile, { start: offset, highWaterMark: 1 << 20 }),
      progress,
      createWriteStream(remotePath, offset > 0 ? { flags: 'r+', start: offset } : { flags: 'w' }),
    );
  } catch (error) {
    if (error instanceof ModelgateError) throw error;
    throw new ModelgateError(
      `local: upload of ${localFile} to ${remotePath} failed: ${(error as Error).message}`,
      'remote',
      {},
      { cause: error },
    );
  }
}
