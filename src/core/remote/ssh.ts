/**
 * The `ssh` transport: commands over ssh2 exec, files over SFTP on the same connection.
 * The host key is checked against the pinned known-hosts lines or fingerprint before any
 * credential is sent, and an unknown or changed key refuses the connection. Key material and
 * the passphrase never reach a log line or an error message: everything written passes
 * through `redact`, and ssh2's debug output is never enabled.
 */
import { constants as osConstants } from 'node:os';
import { open, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import ssh2 from 'ssh2';
import type {
  Client as SshClient,
  ClientChannel,
  ConnectConfig,
  ParsedKey,
  SFTPWrapper,
  ServerHostKeyAlgorithm,
} from 'ssh2';
import * as z from '../validation/zod.js';
import { expectedName } from '../validation/describe.js';
import { InputError, ModelgateError, type ErrorKind } from '../errors.js';
import {
  fingerprintSha256,
  keyTypeOf,
  parseFingerprint,
  parseKnownHosts,
  preferredHostKeyAlgorithms,
  verifyHostKey,
  type KnownHostsEntry,
} from './known-hosts.js';
import type { ExecOptions, ExecResult, Transport, UploadProgress } from './transport.js';

const { Client, utils: sshUtils } = ssh2;

export interface SshOptions {
  host: string;
  port: number;
  username: string;
  /** OpenSSH or PEM private key text (a secret). */
  privateKey: string;
  /** Passphrase of an encrypted private key (a secret). */
  passphrase?: string;
  /** OpenSSH known_hosts lines; hashed entries allowed. */
  knownHosts?: string;
  /** `SHA256:...` of the host key. When both pins are given, both must match. */
  hostKeyFingerprint?: string;
  /** Accepts any host key, with a loud warning. Only for throwaway targets. */
  insecureSkipHostKeyCheck?: boolean;
  commandTimeoutMs: number;
  /** Time allowed for TCP connect + SSH handshake + authentication. Default 20 s. */
  connectTimeoutMs?: number;
  /** Further connection attempts after the first fails for a transient reason. Default 3. */
  retries?: number;
  /** First backoff delay; doubled after every failed attempt. Default 1000 ms. */
  retryDelayMs?: number;
  log?: (line: string) => void;
  warn?: (line: string) => void;
}

/** Parallel SFTP writes of this size keep the channel window full (see bench/upload.ts). */
const UPLOAD_CHUNK = 255 * 1024;
const UPLOAD_IN_FLIGHT = 64;
const DOWNLOAD_CHUNK = 64 * 1024;
const DOWNLOAD_IN_FLIGHT = 64;
/** Reconnects a download may make, each only after the connection before it brought bytes. */
const DOWNLOAD_RESUMES = 3;
const SFTP_NO_SUCH_FILE = 2;

const optionsSchema = z.object({
  host: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'must not be empty'),
      z.regex(/^[^\s@/]+$/, 'must be a host name or IP address (no spaces, "@" or "/")'),
    ),
  port: z
    .number()
    .check(
      z.int(),
      z.minimum(1, 'must be between 1 and 65535'),
      z.maximum(65535, 'must be between 1 and 65535'),
    ),
  username: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'must not be empty'),
      z.regex(/^[^\s@:/]+$/, 'must be a user name (no spaces, "@", ":" or "/")'),
    ),
  privateKey: z
    .string()
    .check(
      z.refine(
        (v) => v.trim() !== '',
        'must not be empty: pass the private key from a secret, e.g. ${{ secrets.DEPLOY_KEY }}',
      ),
    ),
  passphrase: z.optional(z.string()),
  knownHosts: z.optional(z.string()),
  hostKeyFingerprint: z.optional(z.string()),
  insecureSkipHostKeyCheck: z.optional(z.boolean()),
  commandTimeoutMs: z.number().check(z.int(), z.positive('must be more than 0')),
  connectTimeoutMs: z.optional(z.number().check(z.int(), z.positive('must be more than 0'))),
  retries: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(20))),
  retryDelayMs: z.optional(z.number().check(z.int(), z.minimum(0))),
});

const INPUT_NAMES: Record<string, string> = {
  host: 'host',
  port: 'port',
  username: 'username',
  privateKey: 'private-key',
  passphrase: 'passphrase',
  knownHosts: 'known-hosts',
  hostKeyFingerprint: 'known-hosts',
};

/**
 * Strings to mask in logs (the action entry passes each to `core.setSecret`): the key, each
 * of its lines (a runner masks line by line, and a multi-line value may be printed in part)
 * and the passphrase.
 */
export function secretsOf(options: Pick<SshOptions, 'privateKey' | 'passphrase'>): string[] {
  const secrets = new Set<string>();
  const key = options.privateKey.trim();
  if (key !== '') secrets.add(key);
  for (const line of key.split(/\r?\n/)) {
    const trimmed = line.trim();
    // Header lines (-----BEGIN ...) and short PEM headers are not secret.
    if (trimmed.length >= 16 && !trimmed.startsWith('-----') && !/^[A-Za-z-]+:/.test(trimmed))
      secrets.add(trimmed);
  }
  if (options.passphrase) secrets.add(options.passphrase);
  return [...secrets];
}

/** Replaces every secret in `text` with `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  // Longest first, so a line of the key is not masked before the whole key is.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret !== '') out = out.split(secret).join('***');
  }
  return out;
}

interface Settings {
  host: string;
  port: number;
  username: string;
  privateKey: string;
  passphrase: string | undefined;
  clientKey: ParsedKey;
  knownHosts: KnownHostsEntry[] | undefined;
  fingerprint: string | undefined;
  insecure: boolean;
  commandTimeoutMs: number;
  connectTimeoutMs: number;
  retries: number;
  retryDelayMs: number;
  secrets: string[];
  log: (line: string) => void;
  warn: (line: string) => void;
  where: string;
  description: string;
}

/** Connects (with retries) and returns the transport; throws a ModelgateError on failure. */
export async function connectSsh(options: SshOptions): Promise<Transport> {
  const settings = resolveSettings(options);
  const transport = new SshTransport(settings);
  await transport.connect();
  return transport;
}

function resolveSettings(options: SshOptions): Settings {
  const secrets = secretsOf({
    privateKey: typeof options.privateKey === 'string' ? options.privateKey : '',
    passphrase: typeof options.passphrase === 'string' ? options.passphrase : undefined,
  });
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    const input = INPUT_NAMES[field] ?? field;
    // Only the field and the rule, never the value: it may be a secret.
    const rule =
      issue?.code === 'invalid_type'
        ? `${(options as unknown as Record<string, unknown>)[field] === undefined ? 'is required: expected' : 'must be'} ${expectedName(issue.expected)}`
        : (issue?.message ?? 'is invalid');
    throw new InputError(`ssh input "${input}" ${rule}`, input);
  }
  const o = parsed.data;
  const sink = (fn: ((line: string) => void) | undefined): ((line: string) => void) => {
    return (line) => fn?.(redact(line, secrets));
  };
  const where = o.host.includes(':') ? `[${o.host}]:${o.port}` : `${o.host}:${o.port}`;
  const knownHosts =
    o.knownHosts !== undefined && o.knownHosts.trim() !== '' ? parseKnownHosts(o.knownHosts) : undefined;
  const fingerprint =
    o.hostKeyFingerprint !== undefined && o.hostKeyFingerprint.trim() !== ''
      ? parseFingerprint(o.hostKeyFingerprint)
      : undefined;
  return {
    host: o.host,
    port: o.port,
    username: o.username,
    privateKey: o.privateKey,
    passphrase: o.passphrase === '' ? undefined : o.passphrase,
    clientKey: parseClientKey(o.privateKey, o.passphrase === '' ? undefined : o.passphrase, secrets),
    knownHosts,
    fingerprint,
    insecure: o.insecureSkipHostKeyCheck === true,
    commandTimeoutMs: o.commandTimeoutMs,
    connectTimeoutMs: o.connectTimeoutMs ?? 20_000,
    retries: o.retries ?? 3,
    retryDelayMs: o.retryDelayMs ?? 1000,
    secrets,
    log: sink(options.log),
    warn: sink(options.warn ?? options.log),
    where,
    description: `ssh ${o.username}@${where}`,
  };
}

function parseClientKey(privateKey: string, passphrase: string | undefined, secrets: string[]): ParsedKey {
  const result = sshUtils.parseKey(privateKey, passphrase);
  const key = Array.isArray(result) ? result[0] : result;
  if (key instanceof Error || key === undefined) {
    const reason = key instanceof Error ? key.message : 'no key found';
    if (/no passphrase given/i.test(reason)) {
      throw new InputError(
        'the private-key input is encrypted and no passphrase was given: set the "passphrase" input (from a secret)',
        'passphrase',
      );
    }
    if (/bad passphrase|integrity check failed|bad decrypt/i.test(reason)) {
      throw new InputError(
        'the private-key input could not be decrypted with the given passphrase: check the "passphrase" input',
        'passphrase',
      );
    }
    throw new InputError(
      `the private-key input is not a private key that can be read (${redact(reason, secrets)}): pass the whole key file, from "-----BEGIN" to "-----END ... PRIVATE KEY-----", e.g. the output of "ssh-keygen -t ed25519 -f deploy_key"`,
      'private-key',
    );
  }
  if (!key.isPrivateKey()) {
    throw new InputError(
      'the private-key input holds a public key: pass the private half (the file without .pub)',
      'private-key',
    );
  }
  return key;
}

type ConnectFailure = { error: ModelgateError; retry: boolean };

/** A download across its connections: the local file, and the bytes written with none missing. */
interface DownloadState {
  local?: FileHandle;
  received: number;
  /** The remote file's size when the download started; later connections read up to it. */
  total?: number;
}

function isConnectFailure(value: unknown): value is ConnectFailure {
  return (
    typeof value === 'object' && value !== null && (value as ConnectFailure).error instanceof ModelgateError
  );
}

class SshTransport implements Transport {
  readonly description: string;
  private client: SshClient | undefined;
  private connecting: Promise<SshClient> | undefined;
  private sftpSession: Promise<SftpSession> | undefined;
  private remoteTimeout: Promise<boolean> | undefined;
  private closed = false;

  constructor(private readonly s: Settings) {
    this.description = s.description;
  }

  async connect(): Promise<SshClient> {
    if (this.closed)
      throw new ModelgateError(
        `${this.description}: the connection was already closed (a bug: the transport is used after close())`,
        'runtime',
      );
    if (this.client) return this.client;
    this.connecting ??= this.connectWithRetries().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async connectWithRetries(): Promise<SshClient> {
    const attempts = this.s.retries + 1;
    for (let attempt = 1; ; attempt++) {
      try {
        const client = await this.connectOnce();
        this.client = client;
        client.on('close', () => this.forget(client));
        return client;
      } catch (caught) {
        if (!isConnectFailure(caught)) throw caught;
        const failure = caught;
        if (!failure.retry || attempt >= attempts) {
          if (failure.retry) {
            throw new ModelgateError(
              `${failure.error.message} (gave up after ${attempts} attempt${attempts === 1 ? '' : 's'})`,
              failure.error.kind,
              {},
              { cause: failure.error },
            );
          }
          throw failure.error;
        }
        const delay = this.s.retryDelayMs * 2 ** (attempt - 1);
        this.s.log(
          `ssh: ${failure.error.message.replace(/^ssh: /, '')}; retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${attempts})`,
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /** The connection is gone (or going): the next operation connects again. */
  private forget(client: SshClient): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.sftpSession = undefined;
    client.end();
    if (!this.closed) this.s.log(`ssh: connection to ${this.s.where} closed; the next operation reconnects`);
  }

  /** One attempt; rejects with a ConnectFailure that says whether retrying can help. */
  private connectOnce(): Promise<SshClient> {
    const s = this.s;
    return new Promise<SshClient>((resolve, reject) => {
      const client = new Client();
      let settled = false;
      let hostKeyFailure: ModelgateError | undefined;
      const fail = (failure: ConnectFailure): void => {
        if (settled) return;
        settled = true;
        client.end();
        reject(failure);
      };
      client.on('error', (error: Error & { level?: string; code?: string }) => {
        if (!settled) {
          fail(hostKeyFailure ? { error: hostKeyFailure, retry: false } : this.classify(error));
          return;
        }
        // After the handshake: the connection is gone; the next operation reconnects.
        s.log(`ssh: connection to ${s.where} failed: ${redact(error.message, s.secrets)}`);
      });
      client.once('close', () => {
        fail(
          hostKeyFailure
            ? { error: hostKeyFailure, retry: false }
            : {
                error: new ModelgateError(
                  `ssh: ${s.where} closed the connection during the handshake`,
                  'remote',
                ),
                retry: true,
              },
        );
      });
      client.once('ready', () => {
        if (settled) return;
        settled = true;
        resolve(client);
      });
      const config: ConnectConfig = {
        host: s.host,
        port: s.port,
        username: s.username,
        privateKey: s.privateKey,
        readyTimeout: s.connectTimeoutMs,
        keepaliveInterval: 15_000,
        keepaliveCountMax: 4,
        authHandler: ['publickey'],
        hostVerifier: (key: Buffer): boolean => {
          const problem = this.checkHostKey(key);
          if (problem) hostKeyFailure = problem;
          return problem === undefined;
        },
      };
      if (s.passphrase !== undefined) config.passphrase = s.passphrase;
      const preferred = s.knownHosts ? preferredHostKeyAlgorithms(s.knownHosts, s.host, s.port) : [];
      if (preferred.length > 0) config.algorithms = { serverHostKey: hostKeyAlgorithmOrder(preferred) };
      try {
        client.connect(config);
      } catch (error) {
        fail({
          error: new ModelgateError(
            `ssh: could not connect to ${s.where}: ${redact(errorText(error), s.secrets)}`,
            'remote',
          ),
          retry: false,
        });
      }
    });
  }

  /** Undefined when the key is accepted; otherwise the error to report. */
  private checkHostKey(key: Buffer): ModelgateError | undefined {
    const s = this.s;
    const type = keyTypeOf(key) ?? 'unknown-type';
    const fingerprint = fingerprintSha256(key);
    const offered = `${type} ${fingerprint}`;
    const keyscan = `"ssh-keyscan${s.port === 22 ? '' : ` -p ${s.port}`} ${s.host}"`;
    if (s.insecure) {
      s.warn(
        `WARNING: insecure-skip-host-key-check is true: the host key of ${s.where} (${offered}) was NOT verified. ` +
          `Anyone who can intercept this connection can impersonate the server, read the model and run commands as ${s.username}. ` +
          `Pin the key instead: put the output of ${keyscan}, checked out of band, in the known-hosts input.`,
      );
      return undefined;
    }
    if (!s.knownHosts && !s.fingerprint) {
      return new InputError(
        `host key for ${s.where} cannot be verified: no known-hosts input was given (the server offers ${offered}); add the output of ${keyscan}, checked out of band, to the known-hosts input, or set insecure-skip-host-key-check: true (not recommended)`,
        'known-hosts',
      );
    }
    const accepted: string[] = [];
    if (s.fingerprint) {
      if (fingerprint !== s.fingerprint) {
        return new ModelgateError(
          `host key for ${s.where} does not match the pinned fingerprint: the server offers ${offered}, the known-hosts input pins ${s.fingerprint}; possible man-in-the-middle attack, or the server's host key was changed: verify the new key out of band before updating the pin`,
          'remote',
        );
      }
      accepted.push('the pinned fingerprint');
    }
    if (s.knownHosts) {
      const verdict = verifyHostKey(s.knownHosts, s.host, s.port, key);
      switch (verdict.kind) {
        case 'match':
          accepted.push(`known-hosts line ${verdict.line}`);
          break;
        case 'revoked':
          return new ModelgateError(
            `host key for ${s.where} (${offered}) is marked @revoked on known-hosts line ${verdict.line}: refusing to connect; the server must get a new host key`,
            'remote',
          );
        case 'changed':
          return new ModelgateError(
            `host key for ${s.where} does not match known-hosts: the server offers ${offered}, known-hosts has ${verdict.known.map((k) => `${k.keyType} ${k.fingerprint} (line ${k.line})`).join(', ')}; possible man-in-the-middle attack, or the server's host key was changed: verify the new key out of band before updating the known-hosts input`,
            'remote',
          );
        case 'unknown': {
          const notes: string[] = [];
          if (verdict.otherTypes.length > 0)
            notes.push(
              `known-hosts only has ${verdict.otherTypes.map((k) => `${k.keyType} (line ${k.line})`).join(', ')} for this host`,
            );
          if (verdict.certAuthorityLines.length > 0)
            notes.push(
              `@cert-authority entries (line ${verdict.certAuthorityLines.join(', ')}) are not supported: host certificates cannot be verified, pin the host's own key`,
            );
          return new InputError(
            `host key for ${s.where} is not in known-hosts (the server offers ${offered}${notes.length > 0 ? `; ${notes.join('; ')}` : ''}); add the output of ${keyscan}, checked out of band, to the known-hosts input, or set insecure-skip-host-key-check: true (not recommended)`,
            'known-hosts',
          );
        }
      }
    }
    s.log(`ssh: host key of ${s.where} (${offered}) matches ${accepted.join(' and ')}`);
    return undefined;
  }

  private classify(error: Error & { level?: string; code?: string }): ConnectFailure {
    const s = this.s;
    const detail = redact(error.message, s.secrets);
    if (error.level === 'client-authentication') {
      return {
        error: new ModelgateError(
          `ssh: ${s.where} refused the key for user "${s.username}" (publickey authentication failed; client key ${s.clientKey.type} ${fingerprintSha256(s.clientKey.getPublicSSH())}): check that the private-key input is the private half of a key listed in ~${s.username}/.ssh/authorized_keys on the server, and that the username input is right`,
          'remote',
        ),
        retry: false,
      };
    }
    if (error.level === 'client-timeout') {
      return {
        error: new ModelgateError(
          `ssh: timed out after ${s.connectTimeoutMs} ms connecting to ${s.where} (TCP connect, handshake and authentication)`,
          'remote',
        ),
        retry: true,
      };
    }
    switch (error.code) {
      case 'ECONNREFUSED':
        return {
          error: new ModelgateError(
            `ssh: connection to ${s.where} was refused: is sshd running there and listening on port ${s.port}?`,
            'remote',
          ),
          retry: true,
        };
      case 'ETIMEDOUT':
      case 'EHOSTUNREACH':
      case 'ENETUNREACH':
      case 'ECONNRESET':
      case 'EPIPE':
      case 'EAI_AGAIN':
        return {
          error: new ModelgateError(`ssh: could not reach ${s.where} (${error.code}): ${detail}`, 'remote'),
          retry: true,
        };
      case 'ENOTFOUND':
        return {
          error: new ModelgateError(
            `ssh: host "${s.host}" was not found (DNS): check the host input`,
            'remote',
          ),
          retry: false,
        };
      default:
        break;
    }
    if (error.level === 'handshake' || error.level === 'protocol' || error.level === 'client-socket') {
      return {
        error: new ModelgateError(`ssh: handshake with ${s.where} failed: ${detail}`, 'remote'),
        retry: true,
      };
    }
    return {
      error: new ModelgateError(`ssh: connection to ${s.where} failed: ${detail}`, 'remote'),
      retry: true,
    };
  }

  private remoteError(message: string, cause?: unknown, kind: ErrorKind = 'remote'): ModelgateError {
    return new ModelgateError(
      redact(`${this.description}: ${message}`, this.s.secrets),
      kind,
      {},
      cause === undefined ? undefined : { cause },
    );
  }

  async exec(command: string, options: ExecOptions = {}): Promise<ExecResult> {
    const timeoutMs = options.timeoutMs ?? this.s.commandTimeoutMs;
    const guarded = (await this.hasRemoteTimeout()) ? withRemoteTimeout(command, timeoutMs) : command;
    return this.execRaw(guarded, showCommand(command), timeoutMs, options.stdin);
  }

  /**
   * Whether the target has a `timeout` that takes fractional seconds and a kill grace (GNU
   * coreutils). Asked once per transport.
   */
  private hasRemoteTimeout(): Promise<boolean> {
    this.remoteTimeout ??= this.execRaw(
      'timeout -k 1 0.5 true',
      '"timeout -k 1 0.5 true"',
      15_000,
      undefined,
    ).then(
      (result) => {
        if (result.code !== 0) {
          this.s.log(
            `ssh: ${this.s.where} has no GNU "timeout" command: a command that times out is abandoned but may keep running on the server`,
          );
        }
        return result.code === 0;
      },
      (error: unknown) => {
        this.remoteTimeout = undefined;
        throw error;
      },
    );
    return this.remoteTimeout;
  }

  private async execRaw(
    command: string,
    shown: string,
    timeoutMs: number,
    stdin: Buffer | string | undefined,
  ): Promise<ExecResult> {
    const client = await this.connect();
    return new Promise<ExecResult>((resolve, reject) => {
      let channel: ClientChannel | undefined;
      let finished = false;
      const finish = (outcome: { result: ExecResult } | { error: ModelgateError }): void => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        if ('result' in outcome) resolve(outcome.result);
        else reject(outcome.error);
      };
      const timer = setTimeout(() => {
        if (channel) {
          // The remote `timeout` (see withRemoteTimeout) kills the command's process tree; the
          // signal request covers targets without it, though sshd ignores it for root logins.
          // Dropping the channel keeps the connection usable.
          signalChannel(channel, 'KILL');
          channel.close();
        }
        finish({
          error: this.remoteError(`command ${shown} did not finish within ${timeoutMs} ms and was killed`),
        });
      }, timeoutMs);
      client.exec(command, (error, ch) => {
        if (error) {
          finish({ error: this.remoteError(`could not start command ${shown}: ${error.message}`, error) });
          return;
        }
        channel = ch;
        if (finished) {
          ch.close();
          return;
        }
        const stdout: Buffer[] = [];
        const stderr: Buffer[] = [];
        let code: number | undefined;
        ch.on('data', (chunk: Buffer) => stdout.push(chunk));
        ch.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
        ch.on('exit', (exitCode: number | null, signal?: string) => {
          if (typeof exitCode === 'number') code = exitCode;
          else if (signal) code = 128 + signalNumber(signal);
        });
        ch.on('close', () => {
          if (code === undefined) {
            finish({
              error: this.remoteError(
                `command ${shown} ended without an exit status (the connection was lost?)`,
              ),
            });
            return;
          }
          finish({
            result: {
              code,
              stdout: Buffer.concat(stdout).toString('utf8'),
              stderr: Buffer.concat(stderr).toString('utf8'),
            },
          });
        });
        if (stdin !== undefined) ch.end(stdin);
        else ch.end();
      });
    });
  }

  private async sftp(): Promise<SftpSession> {
    const client = await this.connect();
    if (!this.sftpSession) {
      const session: Promise<SftpSession> = new Promise<SftpSession>((resolve, reject) => {
        client.sftp((error, sftp) => {
          if (error) {
            reject(
              this.remoteError(
                `could not start the SFTP subsystem (is "Subsystem sftp" enabled in sshd_config?): ${error.message}`,
                error,
              ),
            );
            return;
          }
          resolve(
            new SftpSession(sftp, client, this.s.where, (connectionLost) => {
              if (this.sftpSession === session) this.sftpSession = undefined;
              // The socket may report its loss before the client's 'close': an operation
              // that reconnects at once must not be handed the dead client meanwhile.
              if (connectionLost) this.forget(client);
            }),
          );
        });
      });
      this.sftpSession = session;
      session.catch(() => {
        if (this.sftpSession === session) this.sftpSession = undefined;
      });
    }
    return this.sftpSession;
  }

  async upload(
    localFile: string,
    remotePath: string,
    options: { offset?: number; onProgress?: (p: UploadProgress) => void } = {},
  ): Promise<void> {
    const offset = options.offset ?? 0;
    const local = await open(localFile, 'r');
    try {
      const total = (await local.stat()).size;
      if (!Number.isSafeInteger(offset) || offset < 0 || offset > total) {
        throw new ModelgateError(
          `upload of ${localFile}: offset ${offset} is outside the file (0 to ${total} bytes); this is a bug in the caller`,
          'runtime',
        );
      }
      const session = await this.sftp();
      const { sftp } = session;
      const handle = await session
        .call<Buffer>((cb) => sftp.open(remotePath, offset > 0 ? 'r+' : 'w', cb))
        .catch((error: unknown) => {
          throw this.remoteError(
            `could not open ${remotePath} for writing${offset > 0 ? ' (to resume)' : ''}: ${transferReason(error, session)}`,
            error,
          );
        });
      // Bytes from the start of the file the server has acknowledged writing, with no gap.
      let confirmed = offset;
      try {
        if (offset > 0) {
          const existing = (await session.call<{ size: number }>((cb) => sftp.fstat(handle, cb))).size;
          if (existing < offset)
            throw this.remoteError(
              `cannot resume the upload to ${remotePath} at byte ${offset}: the partial file has only ${existing} bytes`,
            );
        }
        const started = Date.now();
        const report = progressReporter(
          path.basename(localFile),
          total,
          offset,
          (line) => this.s.log(line),
          options.onProgress,
        );
        await writeParallel(session, handle, local, offset, total, (doneUpTo) => {
          confirmed = doneUpTo;
          report(doneUpTo);
        });
        if (offset > 0) {
          // A partial file longer than the source would keep stale bytes after the end.
          const size = (await session.call<{ size: number }>((cb) => sftp.fstat(handle, cb))).size;
          if (size > total) await session.call<void>((cb) => sftp.fsetstat(handle, { size: total }, cb));
        }
        const seconds = Math.max((Date.now() - started) / 1000, 0.001);
        this.s.log(
          `ssh: uploaded ${formatMb(total - offset)}${offset > 0 ? ` (resumed at ${formatMb(offset)})` : ''} to ${remotePath} in ${seconds.toFixed(1)} s (${formatMb((total - offset) / seconds)}/s)`,
        );
      } catch (error) {
        if (error instanceof ModelgateError) throw error;
        throw this.remoteError(
          `upload to ${remotePath} stopped after ${confirmed} of ${total} bytes were confirmed written (${formatMb(confirmed)} of ${formatMb(total)}): ${transferReason(error, session)}; the partial file holds them, so a retry can resume at byte ${confirmed}`,
          error,
        );
      } finally {
        // A dead channel never answers; its handle went with it.
        if (!session.lost) await session.call<void>((cb) => sftp.close(handle, cb)).catch(() => undefined);
      }
    } finally {
      await local.close();
    }
  }

  /**
   * Copies a remote file here. When the connection is lost part way, the transport reconnects
   * and reads on from the last byte written with none missing before it (up to
   * DOWNLOAD_RESUMES times, each only after progress): a 300 MB trade log cut near its end is
   * not read again from the start. A download that cannot finish leaves no partial file, which
   * would only be mistaken for the whole one.
   */
  async download(remotePath: string, localFile: string): Promise<void> {
    const state: DownloadState = { received: 0 };
    try {
      for (let resumes = 0; ; resumes++) {
        const from = state.received;
        const lost = await this.downloadOnce(remotePath, localFile, state, resumes);
        if (!lost) break;
        if (state.received === from || resumes >= DOWNLOAD_RESUMES) throw lost.error;
        // Also when only the SFTP channel went: a server that closes the channel is usually
        // closing the connection too, and a channel reopened on it would not answer.
        this.forget(lost.session.client);
        this.s.log(
          `ssh: ${lost.session.lost?.message ?? 'lost the connection'} while downloading ${remotePath}, at ${formatMb(state.received)} of ${formatMb(state.total ?? 0)}; reconnecting to resume at byte ${state.received}`,
        );
      }
      await state.local?.close();
    } catch (error) {
      if (state.local) {
        await state.local.close().catch(() => undefined);
        await rm(localFile, { force: true });
      }
      throw error;
    }
  }

  /**
   * One connection's part of a download, from `state.received` on. Resolves undefined when the
   * file is complete, or with the error to report and the lost session when the connection was
   * lost (the caller decides whether to resume); throws for anything a new connection would not
   * change.
   */
  private async downloadOnce(
    remotePath: string,
    localFile: string,
    state: DownloadState,
    resumes: number,
  ): Promise<{ error: ModelgateError; session: SftpSession } | undefined> {
    const stopped = (reason: string, cause?: unknown): ModelgateError => {
      const total = state.total ?? 0;
      const after = resumes > 0 ? `, after ${resumes} reconnect${resumes === 1 ? '' : 's'}` : '';
      return this.remoteError(
        `could not download ${remotePath}: stopped after ${state.received} of ${total} bytes had arrived (${formatMb(state.received)} of ${formatMb(total)}${after}): ${reason}; the partial ${localFile} was removed`,
        cause,
        // A reconnect refused for a changed host key is still an input error, not the network's.
        cause instanceof ModelgateError ? cause.kind : 'remote',
      );
    };
    let session: SftpSession;
    try {
      session = await this.sftp();
    } catch (error) {
      if (state.total === undefined) throw error;
      throw stopped(`reconnecting failed: ${errorText(error)}`, error);
    }
    const { sftp } = session;
    const failed = (error: unknown): ModelgateError =>
      state.total === undefined
        ? this.remoteError(`could not download ${remotePath}: ${transferReason(error, session)}`, error)
        : stopped(transferReason(error, session), error);
    const handle = await session
      .call<Buffer>((cb) => sftp.open(remotePath, 'r', cb))
      .catch((error: unknown) => {
        throw failed(error);
      });
    try {
      const size = await session
        .call<{ size: number }>((cb) => sftp.fstat(handle, cb))
        .then(
          (stats) => stats.size,
          (error: unknown) => {
            throw failed(error);
          },
        );
      if (state.total === undefined) state.total = size;
      else if (size < state.total)
        throw stopped(
          `the file has ${size} bytes now, fewer than the ${state.total} it had when the download started (it was truncated or replaced meanwhile)`,
        );
      else if (
        state.local &&
        state.received > 0 &&
        !(await this.sameTail(session, handle, state.local, state.received).catch((error: unknown) => {
          throw failed(error);
        }))
      ) {
        // Replaced by a file at least as long (a log rotated meanwhile): its rest would not
        // continue what is here. Take the new file whole.
        this.s.log(
          `ssh: ${remotePath} is not the file whose first ${formatMb(state.received)} arrived before the reconnect (it was replaced meanwhile); downloading it again from the start`,
        );
        await state.local.truncate(0);
        state.received = 0;
        state.total = size;
      }
      // Read and write: a resume reads back the tail it compares (sameTail).
      state.local ??= await open(localFile, 'w+').catch((error: unknown) => {
        throw new ModelgateError(
          `${this.description}: could not download ${remotePath}: cannot write ${localFile}: ${errorText(error)}`,
          'runtime',
          {},
          { cause: error },
        );
      });
      try {
        await readParallel(session, handle, state.local, state.received, state.total, (doneUpTo) => {
          state.received = doneUpTo;
        });
        return undefined;
      } catch (error) {
        const reported = stopped(transferReason(error, session), error);
        if (session.lost) return { error: reported, session };
        throw reported;
      }
    } finally {
      if (!session.lost) await session.call<void>((cb) => sftp.close(handle, cb)).catch(() => undefined);
    }
  }

  /**
   * Whether the remote file still holds, just below `received`, the bytes `local` has there:
   * the last DOWNLOAD_CHUNK of them are read again and compared.
   */
  private async sameTail(
    session: SftpSession,
    handle: Buffer,
    local: FileHandle,
    received: number,
  ): Promise<boolean> {
    const length = Math.min(DOWNLOAD_CHUNK, received);
    const position = received - length;
    const theirs = Buffer.alloc(length);
    for (let done = 0; done < length;) {
      const n = await session.call<number>((cb) =>
        session.sftp.read(handle, theirs, done, length - done, position + done, (error, bytesRead) =>
          cb(error, bytesRead),
        ),
      );
      if (n === 0) return false;
      done += n;
    }
    const ours = Buffer.alloc(length);
    const { bytesRead } = await local.read(ours, 0, length, position);
    return bytesRead === length && ours.equals(theirs);
  }

  async size(remotePath: string): Promise<number | undefined> {
    const session = await this.sftp();
    try {
      const stats = await session.call<{ size: number }>((cb) => session.sftp.stat(remotePath, cb));
      return stats.size;
    } catch (error) {
      if ((error as { code?: unknown }).code === SFTP_NO_SUCH_FILE) return undefined;
      throw this.remoteError(`could not stat ${remotePath}: ${transferReason(error, session)}`, error);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client ?? (await this.connecting?.catch(() => undefined));
    this.client = undefined;
    this.sftpSession = undefined;
    if (!client) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        client.destroy();
        resolve();
      }, 2000);
      client.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      client.end();
    });
  }
}

/**
 * Runs the command under the target's own `timeout`, in the user's login shell as sshd would.
 * Closing an SSH channel does not stop the command behind it, and sshd refuses signal
 * requests for root logins (no post-auth privilege separation), so without this a timed-out
 * `tar` or a hung restart would keep running on the server. `timeout` signals the whole
 * process group it creates: TERM at the deadline, KILL 2 s later.
 */
function withRemoteTimeout(command: string, timeoutMs: number): string {
  const seconds = (Math.max(timeoutMs, 1) / 1000).toFixed(3);
  return `timeout -k 2 ${seconds} "\${SHELL:-/bin/sh}" -c ${singleQuote(command)}`;
}

function singleQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The shell's convention for a command killed by a signal is 128 + its number. */
function signalNumber(name: string): number {
  const full = (name.startsWith('SIG') ? name : `SIG${name}`) as keyof typeof osConstants.signals;
  return osConstants.signals[full] ?? 0;
}

interface ChannelInternals {
  outgoing?: { id?: unknown; state?: unknown };
  _client?: { _protocol?: { signal?: (channelId: number, signal: string) => void } };
}

/**
 * ssh2's `channel.signal()` silently does nothing once stdin was closed (it requires the
 * channel to be writable), yet a command whose stdin is at EOF is exactly what a timeout
 * has to kill; so the request goes to the protocol layer directly while the channel is open.
 */
function signalChannel(channel: ClientChannel, signal: string): void {
  const internals = channel as unknown as ChannelInternals;
  const id = internals.outgoing?.id;
  const protocol = internals._client?._protocol;
  try {
    if (
      typeof id === 'number' &&
      typeof protocol?.signal === 'function' &&
      internals.outgoing?.state !== 'closed'
    )
      protocol.signal(id, signal);
    else channel.signal(signal);
  } catch {
    // The channel is already closing: nothing left to signal.
  }
}

/** ssh2's default order with the pinned types moved to the front. */
function hostKeyAlgorithmOrder(preferred: string[]): ServerHostKeyAlgorithm[] {
  const defaults = [
    'ssh-ed25519',
    'ecdsa-sha2-nistp256',
    'ecdsa-sha2-nistp384',
    'ecdsa-sha2-nistp521',
    'rsa-sha2-512',
    'rsa-sha2-256',
    'ssh-rsa',
  ];
  const first = preferred.filter((a) => defaults.includes(a));
  return [...first, ...defaults.filter((a) => !first.includes(a))] as ServerHostKeyAlgorithm[];
}

/** Raised in place of an SFTP reply that will never come because the channel is gone. */
class SessionLost extends Error {}

/**
 * One SFTP channel and the connection under it. When either goes away, ssh2 fails the
 * requests outstanding at that moment, but a request made afterwards (a write whose local read
 * was still pending, closing the remote handle in a `finally`) is queued on the dead channel and
 * its callback never runs. So every request also ends when the session is lost, and a transfer
 * cut by the network fails at once instead of hanging.
 */
class SftpSession {
  private lostWith: SessionLost | undefined;
  private readonly watchers = new Set<(error: SessionLost) => void>();

  constructor(
    readonly sftp: SFTPWrapper,
    readonly client: SshClient,
    where: string,
    /** `connectionLost`: the whole connection went, not only the SFTP channel. */
    onLost: (connectionLost: boolean) => void,
  ) {
    const lose = (reason: string, connectionLost = true): void => {
      if (this.lostWith) return;
      this.lostWith = new SessionLost(reason);
      client.off('error', onClientError);
      client.off('end', onClientEnd);
      client.off('close', onClientClose);
      onLost(connectionLost);
      const watchers = [...this.watchers];
      this.watchers.clear();
      for (const watcher of watchers) watcher(this.lostWith);
    };
    const onClientError = (error: Error): void => lose(`lost the connection to ${where} (${error.message})`);
    const onClientEnd = (): void => lose(`lost the connection to ${where} (the other end closed it)`);
    const onClientClose = (): void => lose(`lost the connection to ${where} (it was closed)`);
    client.on('error', onClientError);
    client.on('end', onClientEnd);
    client.on('close', onClientClose);
    // Stays attached after the loss: an 'error' without a listener would crash the process.
    sftp.on('error', (error: Error) => lose(`the SFTP channel to ${where} failed (${error.message})`, false));
    sftp.on('end', () => lose(`the SFTP channel to ${where} was closed`, false));
    sftp.on('close', () => lose(`the SFTP channel to ${where} was closed`, false));
  }

  /** Why the session can no longer be used, once it cannot. */
  get lost(): SessionLost | undefined {
    return this.lostWith;
  }

  /** Calls `watcher` when the session is lost (at once if it is); returns the way to stop watching. */
  whenLost(watcher: (error: SessionLost) => void): () => void {
    if (this.lostWith) {
      watcher(this.lostWith);
      return () => undefined;
    }
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  /** One request: settles with its reply, or rejects with SessionLost when the session goes first. */
  call<T>(start: (cb: (error: Error | undefined | null, value: T) => void) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const unwatch = this.whenLost(reject);
      if (this.lostWith) return;
      try {
        start((error, value) => {
          unwatch();
          if (error) reject(error);
          else resolve(value);
        });
      } catch (error) {
        // ssh2 throws at once on a channel it already knows to be closed.
        unwatch();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }
}

/**
 * Keeps up to UPLOAD_IN_FLIGHT writes outstanding so the channel never waits on a round trip.
 * `progress` gets the end of the prefix the server has acknowledged, with no gap before it.
 * Local reads finish in any order, but writes are sent in file order: the server then writes
 * (and acknowledges) in that order, so the confirmed prefix a retry resumes from follows what
 * was sent instead of waiting for a chunk whose read happened to finish last.
 */
async function writeParallel(
  session: SftpSession,
  handle: Buffer,
  local: FileHandle,
  offset: number,
  total: number,
  progress: (doneUpTo: number) => void,
): Promise<void> {
  if (offset === total) {
    progress(total);
    return;
  }
  const { sftp } = session;
  await new Promise<void>((resolve, reject) => {
    const free: Buffer[] = [];
    const read = new Map<number, { buffer: Buffer; length: number }>();
    const prefix = new ContiguousPrefix(offset);
    let nextRead = offset;
    let nextWrite = offset;
    let inFlight = 0;
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      unwatch();
      reject(error);
    };
    const acknowledged = (position: number, length: number): void => {
      const advanced = prefix.add(position, length);
      try {
        if (advanced) progress(prefix.end);
      } catch (thrown) {
        // Thrown inside ssh2's packet handling, it would break the connection instead.
        fail(thrown);
        return;
      }
      if (prefix.end === total) {
        settled = true;
        unwatch();
        resolve();
      } else pump();
    };
    const send = (): void => {
      // Nothing more goes to a channel that failed or is gone: its reply would never come.
      for (let chunk = read.get(nextWrite); chunk && !settled; chunk = read.get(nextWrite)) {
        const position = nextWrite;
        const { buffer, length } = chunk;
        read.delete(position);
        nextWrite += length;
        sftp.write(handle, buffer, 0, length, position, (error) => {
          inFlight--;
          free.push(buffer);
          if (settled) return;
          if (error) fail(error);
          else acknowledged(position, length);
        });
      }
    };
    const pump = (): void => {
      while (!settled && inFlight < UPLOAD_IN_FLIGHT && nextRead < total) {
        const position = nextRead;
        const length = Math.min(UPLOAD_CHUNK, total - position);
        nextRead += length;
        inFlight++;
        const buffer = free.pop() ?? Buffer.allocUnsafe(UPLOAD_CHUNK);
        local
          .read(buffer, 0, length, position)
          .then(({ bytesRead }) => {
            if (settled) return;
            if (bytesRead !== length)
              throw new ModelgateError(
                `the local file changed size during the upload (short read at byte ${position})`,
                'runtime',
              );
            read.set(position, { buffer, length });
            send();
          })
          .catch(fail);
      }
    };
    if (session.lost) {
      reject(session.lost);
      return;
    }
    const unwatch = session.whenLost(fail);
    pump();
  });
}

/**
 * Reads bytes [start, total) of the remote file into the same range of `local`, keeping up to
 * DOWNLOAD_IN_FLIGHT reads outstanding and writing each chunk at its place. `progress` gets the
 * end of the prefix written locally, with no gap before it.
 */
async function readParallel(
  session: SftpSession,
  handle: Buffer,
  local: FileHandle,
  start: number,
  total: number,
  progress: (doneUpTo: number) => void,
): Promise<void> {
  if (start >= total) {
    progress(total);
    return;
  }
  const { sftp } = session;
  await new Promise<void>((resolve, reject) => {
    const free: Buffer[] = [];
    // The rest of a range a server answered with fewer bytes than asked (it may, at any size).
    const remainders: { position: number; length: number }[] = [];
    const prefix = new ContiguousPrefix(start);
    let next = start;
    let inFlight = 0;
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      unwatch();
      reject(error);
    };
    const written = (position: number, length: number): void => {
      const advanced = prefix.add(position, length);
      if (advanced) progress(prefix.end);
      if (prefix.end === total) {
        settled = true;
        unwatch();
        resolve();
      } else pump();
    };
    const pump = (): void => {
      while (!settled && inFlight < DOWNLOAD_IN_FLIGHT) {
        let range = remainders.pop();
        if (!range) {
          if (next >= total) break;
          range = { position: next, length: Math.min(DOWNLOAD_CHUNK, total - next) };
          next += range.length;
        }
        const { position, length } = range;
        inFlight++;
        const buffer = free.pop() ?? Buffer.allocUnsafe(DOWNLOAD_CHUNK);
        sftp.read(handle, buffer, 0, length, position, (error, bytesRead) => {
          if (settled) return;
          if (error) return fail(error);
          if (bytesRead === 0)
            return fail(
              new Error(
                `the file ended at byte ${position}, though it had ${total} bytes when the download started (it was truncated or replaced meanwhile)`,
              ),
            );
          writeFully(local, buffer, bytesRead, position)
            .then(() => {
              inFlight--;
              free.push(buffer);
              if (settled) return;
              if (bytesRead < length)
                remainders.push({ position: position + bytesRead, length: length - bytesRead });
              written(position, bytesRead);
            })
            .catch(fail);
        });
      }
    };
    if (session.lost) {
      reject(session.lost);
      return;
    }
    const unwatch = session.whenLost(fail);
    pump();
  });
}

async function writeFully(file: FileHandle, buffer: Buffer, length: number, position: number): Promise<void> {
  for (let done = 0; done < length;) {
    const { bytesWritten } = await file.write(buffer, done, length - done, position + done);
    done += bytesWritten;
  }
}

function progressReporter(
  name: string,
  total: number,
  offset: number,
  log: (line: string) => void,
  onProgress: ((p: UploadProgress) => void) | undefined,
): (sent: number) => void {
  let nextTenth = Math.floor((offset / Math.max(total, 1)) * 10) + 1;
  if (offset > 0) log(`ssh: resuming upload of ${name} at ${formatMb(offset)} of ${formatMb(total)}`);
  return (sent) => {
    onProgress?.({ sent, total });
    const tenth = total === 0 ? 10 : Math.floor((sent / total) * 10);
    if (tenth >= nextTenth) {
      nextTenth = tenth + 1;
      log(`ssh: upload of ${name}: ${tenth * 10}% (${formatMb(sent)} of ${formatMb(total)})`);
    }
  };
}

function formatMb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** The command as shown in errors: quoted, one line, bounded. */
function showCommand(command: string): string {
  const oneLine = command.replace(/\s+/g, ' ').trim();
  return JSON.stringify(oneLine.length > 200 ? `${oneLine.slice(0, 197)}...` : oneLine);
}

/**
 * Why a request failed. A request cut off by a lost session fails with ssh2's bare "No
 * response from server" (it comes before the close event): the loss is named instead.
 */
function transferReason(error: unknown, session: SftpSession): string {
  if (error instanceof SessionLost) return error.message;
  // A status code is the server's own answer (permission denied, disk full), loss or not.
  if (typeof (error as { code?: unknown }).code === 'number') return sftpReason(error);
  return session.lost?.message ?? sftpReason(error);
}

function sftpReason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = errorText(error);
  if (code === SFTP_NO_SUCH_FILE) return `${message} (does the directory exist?)`;
  if (code === 3) return `${message} (permission denied for this user)`;
  return message;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The end of the gap-free prefix of a transfer whose chunks complete out of order: only
 * those bytes are safe to report as done, and to resume after.
 */
class ContiguousPrefix {
  private readonly pending = new Map<number, number>();
  constructor(public end: number) {}

  /** Records a finished chunk; true when the prefix grew. */
  add(position: number, length: number): boolean {
    this.pending.set(position, length);
    const start = this.end;
    for (let len = this.pending.get(this.end); len !== undefined; len = this.pending.get(this.end)) {
      this.pending.delete(this.end);
      this.end += len;
    }
    return this.end !== start;
  }
}
