import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, readlink, rename, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { promisify } from 'node:util';
import { ModelgateError } from '../../src/core/errors.js';
import { connectSsh, redact, secretsOf, type SshOptions } from '../../src/core/remote/ssh.js';
import type { Transport, UploadProgress } from '../../src/core/remote/transport.js';
import { relay, type Relay } from '../support/relay.js';
import { generateKey, startSshd, type Sshd } from '../support/sshd.js';

const run = promisify(execFile);

interface Session {
  sshd: Sshd;
  lines: string[];
  warnings: string[];
  /** Options for the fixture's server with a collecting log; `overrides` win. */
  options(overrides?: Partial<SshOptions>): SshOptions;
  /** Connects and closes the transport after the test. */
  connect(overrides?: Partial<SshOptions>): Promise<Transport>;
}

async function session(t: TestContext): Promise<Session | undefined> {
  const sshd = await startSshd(t);
  if (!sshd) return undefined;
  const lines: string[] = [];
  const warnings: string[] = [];
  const options = (overrides: Partial<SshOptions> = {}): SshOptions => ({
    host: sshd.host,
    port: sshd.port,
    username: sshd.username,
    privateKey: sshd.privateKey,
    knownHosts: sshd.knownHostsLine,
    commandTimeoutMs: 20_000,
    retries: 2,
    retryDelayMs: 20,
    log: (line) => lines.push(line),
    warn: (line) => warnings.push(line),
    ...overrides,
  });
  return {
    sshd,
    lines,
    warnings,
    options,
    connect: async (overrides) => {
      const transport = await connectSsh(options(overrides));
      t.after(() => transport.close());
      return transport;
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<ModelgateError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ModelgateError, `expected a ModelgateError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a rejection');
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A port on 127.0.0.1 where nothing listens (bound, then released). */
async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

test('exec returns stdout, stderr and the exit code, and feeds stdin', async (t) => {
  const s = await session(t);
  if (!s) return;
  const transport = await s.connect();
  assert.equal(transport.description, `ssh ${s.sshd.username}@127.0.0.1:${s.sshd.port}`);

  assert.deepEqual(await transport.exec(`printf 'out'; printf 'err' >&2; exit 3`), {
    code: 3,
    stdout: 'out',
    stderr: 'err',
  });
  assert.deepEqual(await transport.exec('cat', { stdin: 'from stdin\n' }), {
    code: 0,
    stdout: 'from stdin\n',
    stderr: '',
  });

  const binary = randomBytes(300_000);
  const counted = await transport.exec('sha256sum', { stdin: binary });
  assert.equal(counted.stdout.split(' ')[0], sha256(binary));

  // A command killed by a signal reports 128 + the signal number, as a shell does.
  assert.equal((await transport.exec('kill -TERM $$')).code, 143);
  assert.ok(
    s.lines.some((l) =>
      /host key of 127\.0\.0\.1:\d+ \(ssh-ed25519 SHA256:.+\) matches known-hosts line 1/.test(l),
    ),
  );
});

test('a command that outlives its timeout is killed, fails with a message naming it, and the connection stays usable', async (t) => {
  const s = await session(t);
  if (!s) return;
  const transport = await s.connect();
  const marker = `30.${process.pid}`;
  const error = await rejection(transport.exec(`sleep ${marker}`, { timeoutMs: 500 }));
  assert.equal(error.kind, 'remote');
  assert.match(
    error.message,
    new RegExp(`command "sleep ${marker.replace('.', '\\.')}" did not finish within 500 ms and was killed`),
  );
  assert.match(error.message, /^ssh .+@127\.0\.0\.1:\d+: /);

  assert.deepEqual(await transport.exec('echo still here'), { code: 0, stdout: 'still here\n', stderr: '' });
  // The remote sleep was killed, not left running: wait for it to be gone (no timing assumption
  // beyond "eventually").
  for (let i = 0; ; i++) {
    // `slee[p]` matches the sleep but not this command's own wrapper processes.
    const { code } = await transport.exec(`pgrep -f 'slee[p] ${marker}'`);
    if (code === 1) break;
    assert.ok(i < 200, `sleep ${marker} is still running on the server`);
    await new Promise((r) => setTimeout(r, 50));
  }
});

test('the default command timeout comes from commandTimeoutMs', async (t) => {
  const s = await session(t);
  if (!s) return;
  const transport = await s.connect({ commandTimeoutMs: 300 });
  const error = await rejection(transport.exec('sleep 20'));
  assert.match(error.message, /"sleep 20" did not finish within 300 ms/);
});

test('upload and download are byte-identical; size() reports the size or undefined', async (t) => {
  const s = await session(t);
  if (!s) return;
  const transport = await s.connect();
  // Not a multiple of the upload chunk, so the last write is a short one.
  const data = randomBytes(3 * 1024 * 1024 + 12_345);
  const local = path.join(s.sshd.dir, 'local.bin');
  await writeFile(local, data);
  const remote = path.join(s.sshd.dir, 'remote', 'release.tar.gz.part');
  await transport.exec(`mkdir -p '${path.dirname(remote)}'`);

  const progress: UploadProgress[] = [];
  await transport.upload(local, remote, { onProgress: (p) => progress.push(p) });
  assert.equal(sha256(await readFile(remote)), sha256(data));
  assert.equal(await transport.size(remote), data.length);
  assert.equal(await transport.size(path.join(s.sshd.dir, 'remote', 'absent')), undefined);
  assert.deepEqual(progress.at(-1), { sent: data.length, total: data.length });
  assert.ok(
    progress.every((p, i) => i === 0 || p.sent > (progress[i - 1]?.sent ?? 0)),
    'progress only moves forward',
  );
  assert.ok(
    s.lines.some((l) => /upload of local\.bin: 100% \(3\.2 MB of 3\.2 MB\)/.test(l)),
    s.lines.join('\n'),
  );

  const back = path.join(s.sshd.dir, 'downloaded.bin');
  await transport.download(remote, back);
  assert.equal(sha256(await readFile(back)), sha256(data));

  // An upload without offset replaces a longer file entirely.
  const small = path.join(s.sshd.dir, 'small.bin');
  await writeFile(small, 'tiny');
  await transport.upload(small, remote);
  assert.equal(await readFile(remote, 'utf8'), 'tiny');

  const missingDir = await rejection(
    transport.upload(local, path.join(s.sshd.dir, 'no', 'such', 'dir', 'x.part')),
  );
  assert.match(missingDir.message, /could not open .*x\.part for writing: .*does the directory exist\?/);
  const missingFile = await rejection(
    transport.download(path.join(s.sshd.dir, 'nope'), path.join(s.sshd.dir, 'nope.local')),
  );
  assert.match(missingFile.message, /could not download .*nope/);
});

test('an upload resumed from an offset appends the rest and yields the identical file', async (t) => {
  const s = await session(t);
  if (!s) return;
  const transport = await s.connect();
  const data = randomBytes(2 * 1024 * 1024 + 777);
  const half = 1_000_003;
  const full = path.join(s.sshd.dir, 'full.bin');
  const firstHalf = path.join(s.sshd.dir, 'first-half.bin');
  await writeFile(full, data);
  await writeFile(firstHalf, data.subarray(0, half));
  const remote = path.join(s.sshd.dir, 'resumed.part');

  await transport.upload(firstHalf, remote);
  assert.equal(await transport.size(remote), half);
  const progress: UploadProgress[] = [];
  await transport.upload(full, remote, { offset: half, onProgress: (p) => progress.push(p) });
  assert.equal(sha256(await readFile(remote)), sha256(data));
  assert.ok((progress[0]?.sent ?? 0) > half);
  assert.deepEqual(progress.at(-1), { sent: data.length, total: data.length });
  assert.ok(s.lines.some((l) => l.includes('resuming upload of full.bin at 1.0 MB of 2.1 MB')));

  // A partial file longer than the source (stale bytes after the end) is cut to size.
  await writeFile(remote, Buffer.concat([data.subarray(0, half), randomBytes(data.length)]));
  await transport.upload(full, remote, { offset: half });
  assert.equal(sha256(await readFile(remote)), sha256(data));

  // Resuming past the end of the partial file is refused rather than leaving a hole.
  await writeFile(remote, data.subarray(0, 10));
  const error = await rejection(transport.upload(full, remote, { offset: half }));
  assert.match(
    error.message,
    /cannot resume the upload to .*resumed\.part at byte 1000003: the partial file has only 10 bytes/,
  );
});

/** Connects through a `relay` (test/support/relay.ts); known-hosts names the relay's port. */
async function connectVia(s: Session, relayPort: number): Promise<Transport> {
  return s.connect({
    port: relayPort,
    knownHosts: s.sshd.knownHostsLine.replace(`]:${s.sshd.port} `, `]:${relayPort} `),
  });
}

/**
 * Fails instead of waiting forever: the bug this guards against is a transfer that never
 * settles after its connection is cut. The bound is far above the few milliseconds a cut
 * takes to be noticed, so it only trips on a hang.
 */
async function settles<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} neither resolved nor rejected within 15 s`)), 15_000);
  });
  try {
    return await Promise.race([promise, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** Descriptors of this process open on `file`; undefined where /proc is absent. */
async function openDescriptors(file: string): Promise<number | undefined> {
  const fds = await readdir('/proc/self/fd').catch(() => undefined);
  if (!fds) return undefined;
  let count = 0;
  for (const fd of fds) {
    if ((await readlink(path.join('/proc/self/fd', fd)).catch(() => '')) === file) count++;
  }
  return count;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('an upload whose connection is cut fails at once with the confirmed bytes; a retry from them completes', async (t) => {
  const s = await session(t);
  if (!s) return;
  const data = randomBytes(6 * 1024 * 1024 + 4321);
  const link = await relay(t, s.sshd.port, Math.floor((data.length * 2) / 3));
  const transport = await connectVia(s, link.port);
  const local = path.join(s.sshd.dir, 'cut.bin');
  await writeFile(local, data);
  const remote = path.join(s.sshd.dir, 'cut.part');

  let cutAt: number | undefined;
  const progress: UploadProgress[] = [];
  const upload = transport.upload(local, remote, {
    onProgress: (p) => {
      progress.push(p);
      if (cutAt === undefined && p.sent > data.length / 3) {
        cutAt = p.sent;
        link.cut();
      }
    },
  });
  const error = await rejection(settles(upload, 'the upload cut at a third'));
  assert.ok(cutAt !== undefined, 'the connection was cut during the upload');
  assert.equal(error.kind, 'remote');
  const match = new RegExp(
    `^ssh \\S+@127\\.0\\.0\\.1:${link.port}: upload to ${escapeRegExp(remote)} stopped after (\\d+) of ${data.length} bytes were confirmed written \\(.+\\): lost the connection to 127\\.0\\.0\\.1:${link.port} \\(.+\\); the partial file holds them, so a retry can resume at byte (\\d+)$`,
  ).exec(error.message);
  assert.ok(match, error.message);
  const confirmed = Number(match[1]);
  assert.equal(Number(match[2]), confirmed);
  assert.equal(confirmed, progress.at(-1)?.sent, 'the message reports the last confirmed progress');
  assert.ok(confirmed >= cutAt && confirmed < data.length, `${confirmed} of ${data.length} confirmed`);
  // Confirmed means on the server's disk: the partial file starts with exactly those bytes.
  const partial = await readFile(remote);
  assert.ok(partial.length >= confirmed, `the partial file has ${partial.length} bytes`);
  assert.ok(partial.subarray(0, confirmed).equals(data.subarray(0, confirmed)));
  assert.equal((await openDescriptors(local)) ?? 0, 0, 'the local file is closed');

  // The same transport reconnects (through the relay, which still listens) and resumes.
  await settles(transport.upload(local, remote, { offset: confirmed }), 'the resumed upload');
  assert.equal(sha256(await readFile(remote)), sha256(data));
  assert.ok(s.lines.some((l) => l.includes('closed; the next operation reconnects')));
  assert.ok(s.lines.some((l) => l.includes('resuming upload of cut.bin at')));
  assert.equal((await openDescriptors(local)) ?? 0, 0);
});

/** Starts a download of `data` through `link` and calls `cut` once a third of it is written here. */
async function downloadCutAtAThird(
  s: Session,
  link: Relay,
  cut: () => unknown,
): Promise<{ remote: string; local: string; data: Buffer; download: Promise<void> }> {
  const transport = await connectVia(s, link.port);
  const data = randomBytes(6 * 1024 * 1024 + 999);
  const remote = path.join(s.sshd.dir, 'served.bin');
  await writeFile(remote, data);
  const local = path.join(s.sshd.dir, 'fetched.bin');
  let settled = false;
  const download = transport.download(remote, local).finally(() => {
    settled = true;
  });
  download.catch(() => undefined);
  // No progress callback on download: watch the local file grow.
  for (;;) {
    assert.ok(!settled, 'the download ended before a third of it had arrived');
    const size = await stat(local).then(
      (st) => st.size,
      () => 0,
    );
    if (size > data.length / 3) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  await cut();
  return { remote, local, data, download };
}

test('a download whose connection is cut resumes on a new connection where it stopped', async (t) => {
  const s = await session(t);
  if (!s) return;
  const size = 6 * 1024 * 1024 + 999;
  const link = await relay(t, s.sshd.port, Math.floor((size * 2) / 3));
  const { remote, local, data, download } = await downloadCutAtAThird(s, link, () => link.cut());
  await settles(download, 'the download cut at a third');
  assert.equal(sha256(await readFile(local)), sha256(data));
  const resumed = s.lines.map((l) => /reconnecting to resume at byte (\d+)$/.exec(l)).find(Boolean);
  assert.ok(resumed, `no resume was logged:\n${s.lines.join('\n')}`);
  assert.ok(Number(resumed[1]) > 0 && Number(resumed[1]) < data.length, resumed[0]);
  assert.ok(s.lines.some((l) => l.includes(`while downloading ${remote}`)));
  assert.equal((await openDescriptors(local)) ?? 0, 0, 'the local file is closed');
});

test('a download whose file was replaced before the reconnect is taken again from the start', async (t) => {
  const s = await session(t);
  if (!s) return;
  const size = 6 * 1024 * 1024 + 999;
  const link = await relay(t, s.sshd.port, Math.floor((size * 2) / 3));
  const replacement = randomBytes(size + 4096);
  const { remote, local, download } = await downloadCutAtAThird(s, link, async () => {
    // A new file under the same name, as log rotation leaves it: the first connection keeps
    // reading the old one until the cut.
    const fresh = `${path.join(s.sshd.dir, 'served.bin')}.new`;
    await writeFile(fresh, replacement);
    await rename(fresh, path.join(s.sshd.dir, 'served.bin'));
    link.cut();
  });
  await settles(download, 'the download cut at a third');
  assert.equal(sha256(await readFile(local)), sha256(replacement));
  assert.ok(
    s.lines.some(
      (l) => l.includes(`${remote} is not the file whose first`) && l.endsWith('again from the start'),
    ),
    s.lines.join('\n'),
  );
});

test('a download that cannot reconnect fails with the bytes received and leaves no partial file', async (t) => {
  const s = await session(t);
  if (!s) return;
  // The budget holds the first connection back below the end, so the download cannot finish
  // before the cable is pulled, however fast the loopback is.
  const link = await relay(t, s.sshd.port, Math.floor(((6 * 1024 * 1024 + 999) * 2) / 3));
  const { remote, local, data, download } = await downloadCutAtAThird(s, link, () => link.unplug());
  const error = await rejection(settles(download, 'the download cut at a third'));
  assert.equal(error.kind, 'remote');
  const match = new RegExp(
    `^ssh \\S+@127\\.0\\.0\\.1:${link.port}: could not download ${escapeRegExp(remote)}: stopped after (\\d+) of ${data.length} bytes had arrived \\(.+\\): reconnecting failed: .+; the partial ${escapeRegExp(local)} was removed$`,
  ).exec(error.message);
  assert.ok(match, error.message);
  assert.ok(Number(match[1]) > 0 && Number(match[1]) < data.length);
  await assert.rejects(stat(local), { code: 'ENOENT' });
  assert.equal((await openDescriptors(local)) ?? 0, 0, 'the local file is closed');
});

test('a host key absent from known-hosts is refused before any credential is sent', async (t) => {
  const s = await session(t);
  if (!s) return;
  const other = await generateKey(s.sshd.dir, 'unrelated_host_key');
  const knownHosts = `deploy.example.com ${other.publicKey}\n`;
  const error = await rejection(connectSsh(s.options({ knownHosts })));
  assert.equal(error.kind, 'input');
  assert.equal(
    error.message,
    `host key for 127.0.0.1:${s.sshd.port} is not in known-hosts (the server offers ssh-ed25519 ${s.sshd.fingerprint}); add the output of "ssh-keyscan -p ${s.sshd.port} 127.0.0.1", checked out of band, to the known-hosts input, or set insecure-skip-host-key-check: true (not recommended)`,
  );
  assert.ok(!s.lines.some((l) => /retrying/.test(l)), 'a host key problem is not retried');
  assert.doesNotMatch(s.sshd.log(), /publickey/, 'the client never offered its key');
});

test('a changed host key is refused as a possible man-in-the-middle', async (t) => {
  const s = await session(t);
  if (!s) return;
  const other = await generateKey(s.sshd.dir, 'previous_host_key');
  const otherBlob = other.publicKey.split(' ').slice(0, 2).join(' ');
  const error = await rejection(
    connectSsh(s.options({ knownHosts: `[127.0.0.1]:${s.sshd.port} ${otherBlob}` })),
  );
  assert.equal(error.kind, 'remote');
  assert.match(
    error.message,
    new RegExp(
      `^host key for 127\\.0\\.0\\.1:${s.sshd.port} does not match known-hosts: the server offers ssh-ed25519 ${s.sshd.fingerprint.replace(/[+/]/g, '\\$&')}, known-hosts has ssh-ed25519 SHA256:\\S+ \\(line 1\\); possible man-in-the-middle`,
    ),
  );
  assert.ok(!s.lines.some((l) => /retrying/.test(l)));
  assert.doesNotMatch(s.sshd.log(), /publickey/);
});

test('a revoked host key is refused even when another line pins it', async (t) => {
  const s = await session(t);
  if (!s) return;
  const hostKey = s.sshd.knownHostsLine.split(' ').slice(1).join(' ');
  const error = await rejection(
    connectSsh(s.options({ knownHosts: `${s.sshd.knownHostsLine}\n@revoked * ${hostKey}\n` })),
  );
  assert.match(error.message, /is marked @revoked on known-hosts line 2/);
});

test('hashed known_hosts entries, ssh-keyscan output and a SHA256 fingerprint are accepted', async (t) => {
  const s = await session(t);
  if (!s) return;
  const hashed = await s.connect({ knownHosts: `# from ssh-keygen -H\n${s.sshd.hashedKnownHostsLine}\n` });
  assert.equal((await hashed.exec('echo hashed')).stdout, 'hashed\n');

  const { stdout: scanned } = await run('ssh-keyscan', ['-p', String(s.sshd.port), '127.0.0.1']);
  const keyscan = await s.connect({ knownHosts: scanned });
  assert.equal((await keyscan.exec('echo keyscan')).stdout, 'keyscan\n');

  const pinned = await s.connect({ knownHosts: undefined, hostKeyFingerprint: s.sshd.fingerprint });
  assert.equal((await pinned.exec('echo pinned')).stdout, 'pinned\n');
  assert.ok(s.lines.some((l) => l.includes('matches the pinned fingerprint')));

  const wrong = await rejection(
    connectSsh(s.options({ knownHosts: undefined, hostKeyFingerprint: `SHA256:${'A'.repeat(43)}` })),
  );
  assert.match(
    wrong.message,
    /does not match the pinned fingerprint: the server offers ssh-ed25519 SHA256:\S+, the known-hosts input pins SHA256:A{43}; possible man-in-the-middle/,
  );
});

test('without any pin the connection is refused; insecure-skip-host-key-check connects and warns', async (t) => {
  const s = await session(t);
  if (!s) return;
  const refused = await rejection(connectSsh(s.options({ knownHosts: undefined })));
  assert.match(
    refused.message,
    /cannot be verified: no known-hosts input was given \(the server offers ssh-ed25519 SHA256:.+\); add the output of "ssh-keyscan -p \d+ 127\.0\.0\.1"/,
  );

  const transport = await s.connect({ knownHosts: undefined, insecureSkipHostKeyCheck: true });
  assert.equal((await transport.exec('echo insecure')).stdout, 'insecure\n');
  assert.equal(s.warnings.length, 1);
  assert.match(
    s.warnings[0] ?? '',
    /^WARNING: insecure-skip-host-key-check is true: the host key of 127\.0\.0\.1:\d+ \(ssh-ed25519 SHA256:.+\) was NOT verified/,
  );
  assert.ok(s.warnings[0]?.includes(s.sshd.fingerprint));
});

test('a key the server does not accept fails at once with the user, host and what to check', async (t) => {
  const s = await session(t);
  if (!s) return;
  const stranger = await generateKey(s.sshd.dir, 'stranger');
  const error = await rejection(connectSsh(s.options({ privateKey: stranger.privateKey })));
  assert.equal(error.kind, 'remote');
  assert.match(
    error.message,
    new RegExp(`^ssh: 127\\.0\\.0\\.1:${s.sshd.port} refused the key for user "${s.sshd.username}"`),
  );
  assert.match(error.message, /authorized_keys/);
  assert.match(error.message, /client key ssh-ed25519 SHA256:/);
  assert.ok(!s.lines.some((l) => /retrying/.test(l)), 'an authentication failure is not retried');
});

test('an encrypted key works with its passphrase and fails clearly without it or with a wrong one', async (t) => {
  const s = await session(t);
  if (!s) return;
  const transport = await s.connect({ privateKey: s.sshd.encryptedKey, passphrase: s.sshd.passphrase });
  assert.equal((await transport.exec('echo decrypted')).stdout, 'decrypted\n');

  const missing = await rejection(connectSsh(s.options({ privateKey: s.sshd.encryptedKey })));
  assert.equal(missing.kind, 'input');
  assert.match(
    missing.message,
    /the private-key input is encrypted and no passphrase was given: set the "passphrase" input/,
  );

  const wrong = await rejection(
    connectSsh(s.options({ privateKey: s.sshd.encryptedKey, passphrase: 'not-the-passphrase' })),
  );
  assert.match(
    wrong.message,
    /could not be decrypted with the given passphrase: check the "passphrase" input/,
  );

  const publicOnly = await rejection(
    connectSsh(s.options({ privateKey: `${s.sshd.knownHostsLine.split(' ').slice(1).join(' ')}\n` })),
  );
  assert.match(publicOnly.message, /private-key input/);
});

test('a refused connection is retried with backoff, then fails naming host:port', async (t) => {
  const s = await session(t);
  if (!s) return;
  const port = await closedPort();
  const error = await rejection(connectSsh(s.options({ port, retries: 2 })));
  assert.equal(error.kind, 'remote');
  assert.equal(
    error.message,
    `ssh: connection to 127.0.0.1:${port} was refused: is sshd running there and listening on port ${port}? (gave up after 3 attempts)`,
  );
  const retries = s.lines.filter((l) => l.includes('retrying'));
  assert.deepEqual(
    retries.map((l) => /attempt (\d) of 3/.exec(l)?.[1]),
    ['2', '3'],
  );
  assert.match(retries[0] ?? '', /retrying in 0\.0 s/);
});

test('a lost connection is reported by the command it cut, and the next command reconnects', async (t) => {
  const s = await session(t);
  if (!s) return;
  const transport = await s.connect();
  assert.equal((await transport.exec('echo connected')).stdout, 'connected\n');
  const sleep = `sleep 20.${process.pid}`;
  const cut = transport.exec(sleep);
  // The command has started once its process exists on the server (this machine).
  let pid = '';
  for (let i = 0; pid === ''; i++) {
    pid = await run('pgrep', ['-f', `^${sleep}$`]).then(
      ({ stdout }) => stdout.trim(),
      () => '',
    );
    assert.ok(i < 400, 'the remote sleep never started');
    if (pid === '') await new Promise((r) => setTimeout(r, 25));
  }
  await s.sshd.dropConnections();
  const error = await rejection(cut);
  assert.match(
    error.message,
    new RegExp(
      `"${sleep.replace('.', '\\.')}" ended without an exit status \\(the connection was lost\\?\\)`,
    ),
  );
  assert.equal((await transport.exec('echo reconnected')).stdout, 'reconnected\n');
  assert.ok(s.lines.some((l) => l.includes('closed; the next operation reconnects')));
  // A cut connection does not stop the command (its own timeout would); end it now.
  process.kill(Number(pid), 'SIGKILL');
});

test('invalid options are input errors that never echo a secret value', async (t) => {
  const s = await session(t);
  if (!s) return;
  const cases: [Partial<SshOptions>, RegExp][] = [
    [{ port: 70000 }, /ssh input "port" must be between 1 and 65535/],
    [{ port: 22.5 }, /ssh input "port" must be a whole number$/],
    [{ host: 'user@host' }, /ssh input "host" must be a host name or IP address/],
    [{ privateKey: '   ' }, /ssh input "private-key" must not be empty/],
    [
      { privateKey: undefined as unknown as string },
      /ssh input "private-key" is required: expected a string/,
    ],
    [{ commandTimeoutMs: 'soon' as unknown as number }, /ssh input "commandTimeoutMs" must be a number/],
    [{ knownHosts: 'garbage-line' }, /known-hosts line 1: expected/],
    [{ knownHosts: undefined, hostKeyFingerprint: 'SHA256:xyz' }, /is not a SHA256 fingerprint/],
  ];
  for (const [overrides, message] of cases) {
    const error = await rejection(connectSsh(s.options(overrides)));
    assert.equal(error.kind, 'input');
    assert.match(error.message, message);
  }
  const notAKey = await rejection(
    connectSsh(s.options({ privateKey: 'just some secret text that is not a key' })),
  );
  assert.match(notAKey.message, /the private-key input is not a private key that can be read/);
  assert.ok(!notAKey.message.includes('just some secret text'));
});

test('the private key and passphrase never appear in a log line, warning or error', async (t) => {
  const s = await session(t);
  if (!s) return;
  const secrets = [
    ...secretsOf({ privateKey: s.sshd.encryptedKey, passphrase: s.sshd.passphrase }),
    ...secretsOf({ privateKey: s.sshd.privateKey }),
  ];
  assert.ok(secrets.includes(s.sshd.passphrase));
  assert.ok(secrets.length > 4, 'the key body lines are secrets too');
  const messages: string[] = [];
  const collect = async (promise: Promise<unknown>): Promise<void> => {
    try {
      await promise;
    } catch (error) {
      messages.push(error instanceof Error ? `${error.message}\n${String(error.stack)}` : String(error));
    }
  };

  const transport = await s.connect({
    privateKey: s.sshd.encryptedKey,
    passphrase: s.sshd.passphrase,
    insecureSkipHostKeyCheck: true,
    knownHosts: undefined,
  });
  messages.push(transport.description);
  const file = path.join(s.sshd.dir, 'payload.bin');
  await writeFile(file, randomBytes(600_000));
  await transport.upload(file, path.join(s.sshd.dir, 'payload.part'));
  await collect(transport.exec('sleep 10', { timeoutMs: 200 }));
  await collect(transport.upload(file, path.join(s.sshd.dir, 'missing', 'x')));
  await collect(connectSsh(s.options({ privateKey: s.sshd.encryptedKey })));
  await collect(
    connectSsh(s.options({ privateKey: s.sshd.encryptedKey, passphrase: `${s.sshd.passphrase}x` })),
  );
  await collect(
    connectSsh(
      s.options({
        privateKey: s.sshd.encryptedKey,
        passphrase: s.sshd.passphrase,
        port: await closedPort(),
        retries: 1,
      }),
    ),
  );
  await collect(
    connectSsh(
      s.options({ privateKey: s.sshd.encryptedKey, passphrase: s.sshd.passphrase, knownHosts: 'broken' }),
    ),
  );
  await collect(connectSsh(s.options({ privateKey: `${s.sshd.privateKey.slice(0, 200)}` })));
  // A command whose output is the key: the output goes to the caller, never to the log.
  const printed = await transport.exec(`cat '${s.sshd.encryptedKeyFile}'`);
  assert.equal(printed.stdout, s.sshd.encryptedKey);
  await collect(transport.exec(`cat '${s.sshd.encryptedKeyFile}'; sleep 10`, { timeoutMs: 200 }));

  const everything = [...s.lines, ...s.warnings, ...messages];
  assert.ok(everything.length > 10, 'the scenario produced output to inspect');
  for (const secret of secrets) {
    for (const text of everything)
      assert.ok(!text.includes(secret), `a secret leaked into: ${text.slice(0, 120)}`);
  }
});

test('redact masks every occurrence, longest secret first', () => {
  const key =
    '-----BEGIN OPENSSH PRIVATE KEY-----\nAAAAbbbbCCCCddddEEEE\nFFFFggggHHHHiiiiJJJJ\n-----END OPENSSH PRIVATE KEY-----\n';
  const secrets = secretsOf({ privateKey: key, passphrase: 'hunter2-hunter2' });
  assert.deepEqual(secrets, [key.trim(), 'AAAAbbbbCCCCddddEEEE', 'FFFFggggHHHHiiiiJJJJ', 'hunter2-hunter2']);
  assert.equal(
    redact(`x ${key.trim()} y AAAAbbbbCCCCddddEEEE z hunter2-hunter2 hunter2-hunter2`, secrets),
    'x *** y *** z *** ***',
  );
  assert.deepEqual(secretsOf({ privateKey: key, passphrase: '' }).length, 3);
});
