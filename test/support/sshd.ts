/**
 * A real OpenSSH server on 127.0.0.1 for the ssh transport tests and the upload benchmark.
 * Everything it needs (host key, client keys, authorized_keys, config, pid file) lives in a
 * fresh temp directory, and it runs as the current user, so it works for root (this machine,
 * CI) and for a developer's own account alike. The server never outlives the test process:
 * `startSshd(t)` stops it after the test, an exit hook kills it, and a watchdog shell kills
 * it when this process dies without running exit hooks (SIGKILL, a crash).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const SSHD = '/usr/sbin/sshd';
const SFTP_SERVER = '/usr/lib/openssh/sftp-server';

export interface Sshd {
  host: string;
  port: number;
  username: string;
  /** OpenSSH private key (ed25519, unencrypted) listed in authorized_keys. */
  privateKey: string;
  privateKeyFile: string;
  /** A second authorized ed25519 key, encrypted with `passphrase`. */
  encryptedKey: string;
  encryptedKeyFile: string;
  passphrase: string;
  /** `[127.0.0.1]:<port> ssh-ed25519 AAAA...`, the server's host key as known_hosts expects it. */
  knownHostsLine: string;
  /** The same entry after `ssh-keygen -H` (`|1|salt|hash ssh-ed25519 AAAA...`). */
  hashedKnownHostsLine: string;
  /** A known_hosts file holding `knownHostsLine`, for OpenSSH clients (scp, ssh). */
  knownHostsFile: string;
  /** `SHA256:...` of the host key, as printed by `ssh-keygen -l -E sha256`. */
  fingerprint: string;
  /** The fixture's temp directory; removed by `stop()`. */
  dir: string;
  /** What sshd wrote to stderr so far (it runs with -e), for diagnosing a failed test. */
  log(): string;
  /** Stops sshd (SIGTERM, then SIGKILL) and removes the temp directory. Idempotent. */
  stop(): Promise<void>;
  /** Kills sshd at once (SIGKILL), as a crash would; `stop()` still cleans up. */
  kill(): void;
  /** Kills sshd's per-connection processes, as a network failure would cut every connection. */
  dropConnections(): Promise<void>;
}

export interface KeyPair {
  privateKeyFile: string;
  privateKey: string;
  publicKey: string;
}

/** Generates a key with the real ssh-keygen. */
export async function generateKey(
  dir: string,
  name: string,
  options: { type?: 'ed25519' | 'ecdsa' | 'rsa'; passphrase?: string; comment?: string } = {},
): Promise<KeyPair> {
  const file = path.join(dir, name);
  const type = options.type ?? 'ed25519';
  const args = [
    '-q',
    '-t',
    type,
    '-N',
    options.passphrase ?? '',
    '-C',
    options.comment ?? `modelgate-test-${name}`,
    '-f',
    file,
  ];
  if (type === 'rsa') args.push('-b', '3072');
  await run('ssh-keygen', args);
  return {
    privateKeyFile: file,
    privateKey: await readFile(file, 'utf8'),
    publicKey: (await readFile(`${file}.pub`, 'utf8')).trim(),
  };
}

/** `SHA256:...` of a public key file, from ssh-keygen itself (the reference for our own code). */
export async function sshKeygenFingerprint(publicKeyFile: string): Promise<string> {
  const { stdout } = await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', publicKeyFile]);
  const match = /SHA256:[A-Za-z0-9+/]+/.exec(stdout);
  if (!match) throw new Error(`ssh-keygen -l printed no SHA256 fingerprint for ${publicKeyFile}: ${stdout}`);
  return match[0];
}

/** Hashes known_hosts lines with the real `ssh-keygen -H`. */
export async function hashKnownHosts(dir: string, lines: string[]): Promise<string[]> {
  const file = path.join(dir, `known_hosts_to_hash_${randomBytes(4).toString('hex')}`);
  await writeFile(file, lines.join('\n') + '\n');
  await run('ssh-keygen', ['-H', '-f', file]);
  const hashed = (await readFile(file, 'utf8')).split('\n').filter((l) => l.startsWith('|1|'));
  await rm(file, { force: true });
  await rm(`${file}.old`, { force: true });
  return hashed;
}

/**
 * Starts sshd. With a test context: stops it after the test, and when sshd is not installed
 * skips the test with a printed reason (fails under CI=true, where `.ci/run` installs
 * openssh-server) and returns undefined. Without one (the benchmark): throws when sshd is
 * missing, and the caller must call `stop()`.
 */
export async function startSshd(): Promise<Sshd>;
export async function startSshd(t: TestContext): Promise<Sshd | undefined>;
export async function startSshd(t?: TestContext): Promise<Sshd | undefined> {
  if (!existsSync(SSHD)) {
    const reason = `${SSHD} is absent (install openssh-server to run the ssh tests)`;
    if (!t || process.env.CI === 'true') throw new Error(`${reason}; it is required here`);
    console.log(`# skipped: ${reason}`);
    t.skip(reason);
    return undefined;
  }
  const sshd = await launch();
  t?.after(() => sshd.stop());
  return sshd;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

async function launch(): Promise<Sshd> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'modelgate-sshd-'));
  try {
    return await launchIn(dir);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function launchIn(dir: string): Promise<Sshd> {
  await chmod(dir, 0o700);
  const username = os.userInfo().username;
  const isRoot = process.getuid?.() === 0;
  // Privilege separation needs this directory when sshd starts as root.
  if (isRoot) await mkdir('/run/sshd', { recursive: true, mode: 0o755 });

  const [hostKey, client, encrypted] = await Promise.all([
    generateKey(dir, 'ssh_host_ed25519_key', { comment: 'modelgate-test-host' }),
    generateKey(dir, 'client_ed25519'),
    (async () => {
      const passphrase = randomBytes(12).toString('base64url');
      return { passphrase, key: await generateKey(dir, 'client_ed25519_encrypted', { passphrase }) };
    })(),
  ]);
  const authorizedKeys = path.join(dir, 'authorized_keys');
  await writeFile(authorizedKeys, `${client.publicKey}\n${encrypted.key.publicKey}\n`, { mode: 0o600 });
  const fingerprint = await sshKeygenFingerprint(`${hostKey.privateKeyFile}.pub`);
  const hostPublic = hostKey.publicKey.split(/\s+/).slice(0, 2).join(' ');

  let lastError: Error | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const configFile = path.join(dir, 'sshd_config');
    await writeFile(
      configFile,
      sshdConfig({ dir, port, hostKeyFile: hostKey.privateKeyFile, authorizedKeys, isRoot }),
    );
    const started = await startProcess(configFile, port).catch((error: unknown) => {
      lastError = error instanceof Error ? error : new Error(String(error));
      return undefined;
    });
    if (!started) {
      // Another process may have taken the port between probing and binding: try another.
      if (/Address already in use|Cannot bind/i.test(lastError?.message ?? '')) continue;
      throw lastError;
    }
    const knownHostsLine = `[127.0.0.1]:${port} ${hostPublic}`;
    const knownHostsFile = path.join(dir, 'known_hosts');
    await writeFile(knownHostsFile, `${knownHostsLine}\n`);
    const [hashedKnownHostsLine] = await hashKnownHosts(dir, [knownHostsLine]);
    if (!hashedKnownHostsLine) throw new Error('ssh-keygen -H produced no hashed line');
    const { child, stderr } = started;
    let stopped: Promise<void> | undefined;
    const sshd: Sshd = {
      host: '127.0.0.1',
      port,
      username,
      privateKey: client.privateKey,
      privateKeyFile: client.privateKeyFile,
      encryptedKey: encrypted.key.privateKey,
      encryptedKeyFile: encrypted.key.privateKeyFile,
      passphrase: encrypted.passphrase,
      knownHostsLine,
      hashedKnownHostsLine,
      knownHostsFile,
      fingerprint,
      dir,
      log: () => stderr.join(''),
      stop: () => {
        stopped ??= (async () => {
          await terminate(child);
          await rm(dir, { recursive: true, force: true });
        })();
        return stopped;
      },
      kill: () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      },
      dropConnections: async () => {
        if (child.pid === undefined) return;
        const { stdout } = await run('ps', ['-o', 'pid=', '--ppid', String(child.pid)]).catch(() => ({
          stdout: '',
        }));
        for (const pid of stdout.split(/\s+/).filter(Boolean).map(Number)) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // Already gone.
          }
        }
      },
    };
    return sshd;
  }
  throw lastError ?? new Error('sshd could not bind a port');
}

function sshdConfig(o: {
  dir: string;
  port: number;
  hostKeyFile: string;
  authorizedKeys: string;
  isRoot: boolean;
}): string {
  const sftp = existsSync(SFTP_SERVER) ? SFTP_SERVER : 'internal-sftp';
  return [
    `ListenAddress 127.0.0.1:${o.port}`,
    `HostKey ${o.hostKeyFile}`,
    `PidFile ${path.join(o.dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${o.authorizedKeys}`,
    'AuthenticationMethods publickey',
    'PubkeyAuthentication yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'HostbasedAuthentication no',
    'UsePAM no',
    // The temp directory and keys belong to the test user; no home-directory checks.
    'StrictModes no',
    `PermitRootLogin ${o.isRoot ? 'prohibit-password' : 'no'}`,
    'PrintMotd no',
    'PrintLastLog no',
    'UseDNS no',
    'X11Forwarding no',
    'AllowTcpForwarding no',
    'PermitTTY no',
    // Tests open several connections at once; the defaults would drop some under load.
    'MaxStartups 100:30:200',
    'MaxSessions 32',
    'LogLevel VERBOSE',
    `Subsystem sftp ${sftp}`,
    '',
  ].join('\n');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function startProcess(
  configFile: string,
  port: number,
): Promise<{ child: ChildProcess; stderr: string[] }> {
  const child = spawn(SSHD, ['-D', '-e', '-f', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  live.add(child);
  installExitHook();
  const stderr: string[] = [];
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => stderr.push(chunk));
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      live.delete(child);
      resolve();
    });
    child.once('error', (error) => {
      stderr.push(String(error));
      exited = true;
      live.delete(child);
      resolve();
    });
  });
  if (child.pid !== undefined) startWatchdog(child, path.dirname(configFile), exitedPromise);

  const deadline = Date.now() + 15_000;
  while (!exited) {
    if (await speaksSsh(port)) return { child, stderr };
    if (Date.now() > deadline) {
      await terminate(child);
      throw new Error(
        `sshd did not accept connections on 127.0.0.1:${port} within 15 s:\n${stderr.join('')}`,
      );
    }
    await Promise.race([exitedPromise, new Promise((r) => setTimeout(r, 25))]);
  }
  throw new Error(`sshd exited at start (code ${String(child.exitCode)}):\n${stderr.join('')}`);
}

/**
 * A shell that kills sshd and removes its directory when its stdin reaches end-of-file, which
 * happens when this process dies by any means, since only this process holds the pipe's
 * write end.
 */
function startWatchdog(sshd: ChildProcess, dir: string, sshdExited: Promise<void>): void {
  const script = 'read -r _; kill -KILL "$1" 2>/dev/null; rm -rf -- "$2"';
  const watchdog = spawn('/bin/sh', ['-c', script, 'sshd-watchdog', String(sshd.pid), dir], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  watchdog.unref();
  watchdog.on('error', () => {});
  live.add(watchdog);
  watchdog.once('exit', () => live.delete(watchdog));
  // Once sshd is gone its pid may be reused: the watchdog must not fire any more.
  void sshdExited.then(() => {
    watchdog.kill('SIGKILL');
    watchdog.stdin?.destroy();
  });
  (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
}

/** True when something on the port answers with an SSH identification string. */
async function speaksSsh(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let data = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('error', () => done(false));
    socket.on('data', (chunk: Buffer) => {
      data += chunk.toString('latin1');
      if (data.includes('\n')) done(data.startsWith('SSH-2.0-'));
    });
    socket.once('end', () => done(false));
  });
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
