/**
 * The server layout (design.md, "On the server") and the one way deploy and rollback talk to
 * it: shell commands through a Transport, every value quoted. A non-zero exit becomes a
 * ModelgateError naming the target, what was being done and what the command printed.
 */
import path from 'node:path';
import { ModelgateError } from '../errors.js';
import type { DeployConfig } from '../config/schema.js';
import { checkRemotePath, sh } from '../remote/quote.js';
import type { ExecOptions, ExecResult, Transport } from '../remote/transport.js';
import { cancelledError } from './cancel.js';

/** The seed's backup name; kept pointing at the newest archive so the manual runbook still works. */
export const SEED_BACKUP = 'macd_models_backup.tar.gz';

export interface Layout {
  root: string;
  /** `<models_dir>`, a single name. */
  modelsName: string;
  models: string;
  releases: string;
  state: string;
  incoming: string;
  lock: string;
  history: string;
  pending: string;
  backup: string;
  flagsFile: string;
}

export function layoutFor(config: DeployConfig): Layout {
  const root = checkRemotePath(config.path, 'deploy.path');
  if (!root.startsWith('/'))
    throw new ModelgateError(
      `deploy.path "${root}" is not absolute; give the service directory as an absolute path, e.g. /opt/macd-analysis`,
      'config',
    );
  const clean = path.posix.normalize(root).replace(/\/+$/, '') || '/';
  if (clean === '/')
    throw new ModelgateError(
      'deploy.path is "/": give the service directory, e.g. /opt/macd-analysis',
      'config',
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
    flagsFile: checkRemotePath(path.posix.resolve(clean, config.flags.file), 'deploy.flags.file'),
  };
}

/** Release ids come from manifests (validated there); this keeps them one safe path segment. */
export function checkReleaseId(id: string, what = 'release id'): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id) || id.includes('..') || id.includes('.tmp-'))
    throw new ModelgateError(
      `${what} "${id}" is not a valid release id (letters, digits, ".", "_", "-"; no "..")`,
      'input',
    );
  return id;
}

/** A command that ran on the target and exited non-zero (as opposed to a transport failure). */
export class CommandFailed extends ModelgateError {
  constructor(
    message: string,
    readonly result: ExecResult,
  ) {
    super(message, 'remote');
    this.name = 'CommandFailed';
  }
}

export class Target {
  private current: Transport;

  constructor(
    transport: Transport,
    readonly layout: Layout,
    private readonly reconnect?: () => Promise<Transport>,
  ) {
    this.current = transport;
  }

  get transport(): Transport {
    return this.current;
  }

  get description(): string {
    return this.current.description;
  }

  /** Runs a command; the exit code is the caller's to judge. */
  exec(command: string, options?: ExecOptions): Promise<ExecResult> {
    return this.current.exec(command, options);
  }

  /** Runs a command and throws when it exits non-zero. `doing` reads "while <doing>". */
  async run(doing: string, command: string, options?: ExecOptions): Promise<ExecResult> {
    const result = await this.current.exec(command, options);
    if (result.code !== 0)
      throw new CommandFailed(
        `${this.description}: ${doing} failed (exit ${result.code})${tail(result)}`,
        result,
      );
    return result;
  }

  /**
   * For clean-up after a transport failure (a cut connection): runs `action` and, when it
   * throws, once more: on a fresh connection when a reconnect function was given, else on the
   * same transport (the ssh transport opens a new connection for the operation after a lost
   * one). Only for idempotent actions: the first attempt may have run on the server before the cut.
   */
  async withRecovery<T>(action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      // A command that ran and failed says nothing about the connection; anything else may.
      if (error instanceof CommandFailed || (error instanceof ModelgateError && error.kind !== 'remote'))
        throw error;
      if (this.reconnect) {
        const fresh = await this.reconnect();
        const old = this.current;
        this.current = fresh;
        await old.close().catch(() => undefined);
      }
      return action();
    }
  }
}

/** The last lines a failed command printed, for the error message. */
export function tail(result: ExecResult, lines = 8): string {
  const text = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-lines).join('\n');
  return text ? `: ${text}` : '';
}

/**
 * A configured command (restart, is_active, logs), run in deploy.path. It is shell text by
 * design (the config's author writes it); it goes on a line of its own so that a trailing
 * comment or a multi-line value cannot swallow or escape the text around it.
 */
export function inRoot(layout: Layout, command: string): string {
  return `${sh`cd -- ${layout.root} || exit 1`}\n${command}\n`;
}

export interface StepRecord {
  name: string;
  status: 'pass' | 'fail' | 'skip';
  ms: number;
  message: string;
}

/** Times steps and logs one line per step, for the summary and the run log. */
export class Steps {
  readonly records: StepRecord[] = [];
  private forward = true;

  /** `signal`: once aborted, no forward step starts (see cancel.ts); undoing steps still run. */
  constructor(
    private readonly log: (line: string) => void,
    private readonly signal?: AbortSignal,
  ) {}

  /** From here on the run puts back what it changed: a cancellation no longer stops it. */
  undoing(): void {
    this.forward = false;
  }

  /** The signal forward work listens to; undefined once the run is undoing. */
  get cancellation(): AbortSignal | undefined {
    return this.forward ? this.signal : undefined;
  }

  async run<T>(name: string, action: () => Promise<{ value: T; message: string }>): Promise<T> {
    if (this.forward && this.signal?.aborted) {
      const error = cancelledError(this.signal, name);
      this.add(name, 'fail', 0, error.message);
      throw error;
    }
    const started = Date.now();
    try {
      const { value, message } = await action();
      this.add(name, 'pass', Date.now() - started, message);
      return value;
    } catch (error) {
      this.add(name, 'fail', Date.now() - started, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  add(name: string, status: StepRecord['status'], ms: number, message: string): void {
    this.records.push({ name, status, ms, message });
    this.log(
      `${status === 'pass' ? '✓' : status === 'fail' ? '✗' : '-'} ${name}: ${message}${status === 'skip' ? '' : ` (${ms} ms)`}`,
    );
  }
}

/** `YYYYMMDD_HHMMSS` in UTC, the seed's timestamp form. */
export function stamp(date = new Date()): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '_').slice(0, 15);
}
