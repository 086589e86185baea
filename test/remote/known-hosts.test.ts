import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ModelgateError } from '../../src/core/errors.js';
import {
  entryMatchesHost,
  fingerprintSha256,
  hostKeyPinFromInput,
  keyTypeOf,
  knownHostsName,
  parseFingerprint,
  parseKnownHosts,
  preferredHostKeyAlgorithms,
  verifyHostKey,
} from '../../src/core/remote/known-hosts.js';
import { generateKey, hashKnownHosts, sshKeygenFingerprint, type KeyPair } from '../support/sshd.js';

let dir: string;
let ed25519: KeyPair;
let ed25519b: KeyPair;
let ecdsa: KeyPair;
let rsa: KeyPair;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'modelgate-known-hosts-'));
  [ed25519, ed25519b, ecdsa, rsa] = await Promise.all([
    generateKey(dir, 'ed25519'),
    generateKey(dir, 'ed25519b'),
    generateKey(dir, 'ecdsa', { type: 'ecdsa' }),
    generateKey(dir, 'rsa', { type: 'rsa' }),
  ]);
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `ssh-ed25519 AAAA...` without the comment. */
function pub(key: KeyPair): string {
  return key.publicKey.split(/\s+/).slice(0, 2).join(' ');
}

/** The key blob a server presents, decoded from the .pub line. */
function blob(key: KeyPair): Buffer {
  return Buffer.from(key.publicKey.split(/\s+/)[1] ?? '', 'base64');
}

function thrown(fn: () => unknown): ModelgateError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ModelgateError, `expected a ModelgateError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected an error');
}

test('fingerprints equal the ones ssh-keygen prints, for every key type', async () => {
  for (const key of [ed25519, ecdsa, rsa]) {
    assert.equal(fingerprintSha256(blob(key)), await sshKeygenFingerprint(`${key.privateKeyFile}.pub`));
  }
});

test('keyTypeOf reads the type inside the blob', () => {
  assert.equal(keyTypeOf(blob(ed25519)), 'ssh-ed25519');
  assert.equal(keyTypeOf(blob(ecdsa)), 'ecdsa-sha2-nistp256');
  assert.equal(keyTypeOf(blob(rsa)), 'ssh-rsa');
  assert.equal(keyTypeOf(Buffer.from('not a key')), undefined);
});

test('a plain host matches on port 22 only; [host]:port matches that port only', () => {
  const [plain, bracketed] = parseKnownHosts(
    `deploy.example.com ${pub(ed25519)}\n[10.0.0.5]:2222 ${pub(ed25519)}\n`,
  );
  assert.ok(plain && bracketed);
  assert.equal(entryMatchesHost(plain, 'deploy.example.com', 22), true);
  assert.equal(entryMatchesHost(plain, 'DEPLOY.example.com', 22), true, 'host names are case-insensitive');
  assert.equal(entryMatchesHost(plain, 'deploy.example.com', 2222), false);
  assert.equal(entryMatchesHost(plain, 'other.example.com', 22), false);
  assert.equal(entryMatchesHost(bracketed, '10.0.0.5', 2222), true);
  assert.equal(entryMatchesHost(bracketed, '10.0.0.5', 22), false);
  assert.equal(entryMatchesHost(bracketed, '10.0.0.5', 2223), false);
  assert.equal(knownHostsName('Host', 22), 'host');
  assert.equal(knownHostsName('::1', 2222), '[::1]:2222');
});

test('comma lists, wildcards and negated patterns', () => {
  const [entry] = parseKnownHosts(
    `web1.example.com,10.0.0.*,!10.0.0.9,[db?.example.com]:2200 ${pub(ecdsa)} comment words`,
  );
  assert.ok(entry);
  assert.equal(entryMatchesHost(entry, 'web1.example.com', 22), true);
  assert.equal(entryMatchesHost(entry, '10.0.0.7', 22), true);
  assert.equal(entryMatchesHost(entry, '10.0.0.9', 22), false, 'a matching negation rules the line out');
  assert.equal(entryMatchesHost(entry, 'db1.example.com', 2200), true);
  assert.equal(entryMatchesHost(entry, 'db12.example.com', 2200), false);
  assert.equal(entryMatchesHost(entry, 'web1xexample.com', 22), false, 'a dot is not a wildcard');
});

test('hashed entries made by ssh-keygen -H match their host and port only', async () => {
  const hashed = await hashKnownHosts(dir, [
    `deploy.example.com ${pub(ed25519)}`,
    `[127.0.0.1]:2222 ${pub(ed25519)}`,
  ]);
  assert.equal(hashed.length, 2);
  const entries = parseKnownHosts(hashed.join('\n'));
  const [onDefaultPort, onOtherPort] = entries;
  assert.ok(onDefaultPort && onOtherPort);
  assert.equal(onDefaultPort.hosts.kind, 'hashed');
  assert.equal(entryMatchesHost(onDefaultPort, 'deploy.example.com', 22), true);
  assert.equal(entryMatchesHost(onDefaultPort, 'deploy.example.com', 2222), false);
  assert.equal(entryMatchesHost(onDefaultPort, 'deploy.example.org', 22), false);
  assert.equal(entryMatchesHost(onOtherPort, '127.0.0.1', 2222), true);
  assert.equal(entryMatchesHost(onOtherPort, '127.0.0.1', 22), false);
  assert.deepEqual(verifyHostKey(entries, '127.0.0.1', 2222, blob(ed25519)), { kind: 'match', line: 2 });
});

test('verifyHostKey: match, changed, unknown, other key types, revoked, cert-authority', () => {
  const text = [
    '# pinned by ops',
    '',
    `[127.0.0.1]:2222 ${pub(ed25519)}`,
    `rsa-only.example.com ${pub(rsa)}`,
    `@revoked * ${pub(ed25519b)}`,
    `@cert-authority *.example.com ${pub(ecdsa)}`,
  ].join('\r\n');
  const entries = parseKnownHosts(text);
  assert.equal(entries.length, 4);
  assert.deepEqual(verifyHostKey(entries, '127.0.0.1', 2222, blob(ed25519)), { kind: 'match', line: 3 });

  const changed = verifyHostKey(entries, '127.0.0.1', 2222, blob(ed25519b));
  // ed25519b is also revoked everywhere, which wins over "changed".
  assert.deepEqual(changed, { kind: 'revoked', line: 5 });

  const entriesWithoutRevoked = parseKnownHosts(`[127.0.0.1]:2222 ${pub(ed25519)}`);
  const changedKey = verifyHostKey(entriesWithoutRevoked, '127.0.0.1', 2222, blob(ed25519b));
  assert.equal(changedKey.kind, 'changed');
  assert.ok(changedKey.kind === 'changed');
  assert.deepEqual(changedKey.known, [
    { line: 1, keyType: 'ssh-ed25519', fingerprint: fingerprintSha256(blob(ed25519)) },
  ]);

  const otherType = verifyHostKey(entries, 'rsa-only.example.com', 22, blob(ed25519));
  assert.equal(otherType.kind, 'unknown');
  assert.ok(otherType.kind === 'unknown');
  assert.deepEqual(
    otherType.otherTypes.map((k) => [k.line, k.keyType]),
    [[4, 'ssh-rsa']],
  );

  const nothing = verifyHostKey(entries, 'elsewhere.test', 22, blob(ed25519));
  assert.deepEqual(nothing, { kind: 'unknown', otherTypes: [], certAuthorityLines: [] });

  const caOnly = verifyHostKey(entries, 'web.example.com', 22, blob(ed25519));
  assert.deepEqual(caOnly, { kind: 'unknown', otherTypes: [], certAuthorityLines: [6] });
});

test('preferredHostKeyAlgorithms lists the pinned types for the host, rsa as its SHA-2 variants first', () => {
  const entries = parseKnownHosts(
    `[h]:2222 ${pub(rsa)}\n[h]:2222 ${pub(ecdsa)}\nother ${pub(ed25519)}\n@revoked [h]:2222 ${pub(ed25519)}`,
  );
  assert.deepEqual(preferredHostKeyAlgorithms(entries, 'h', 2222), [
    'rsa-sha2-512',
    'rsa-sha2-256',
    'ssh-rsa',
    'ecdsa-sha2-nistp256',
  ]);
  assert.deepEqual(preferredHostKeyAlgorithms(entries, 'nobody', 22), []);
});

test('malformed lines are errors that name the line', () => {
  const cases: [string, RegExp][] = [
    [`host-only`, /known-hosts line 1: expected "<hosts> <key-type> <base64-key>/],
    [`\n\n@bogus host ${pub(ed25519)}`, /known-hosts line 3: unknown marker "@bogus"/],
    [
      `host ssh-rsa ${pub(ed25519).split(' ')[1] ?? ''}`,
      /line 1: the line says "ssh-rsa" but its key is "ssh-ed25519"/,
    ],
    [`host ssh-ed25519 !!!notbase64`, /line 1: the key is not valid base64/],
    [`host ssh-ed25519 ${Buffer.from('garbage-garbage').toString('base64')}`, /not a valid SSH public key/],
    [`|1|abc|def ${pub(ed25519)}`, /line 1: the hashed host has a malformed salt or hash/],
    [`|2|abc|def ${pub(ed25519)}`, /line 1: a hashed host must look like \|1\|/],
    [`host,,other ${pub(ed25519)}`, /line 1: empty host name/],
  ];
  for (const [text, message] of cases) {
    const error = thrown(() => parseKnownHosts(text));
    assert.match(error.message, message);
    assert.equal(error.kind, 'input');
  }
});

test('comments, blank lines and CRLF are ignored; ssh-keyscan comment lines too', () => {
  const entries = parseKnownHosts(
    `# 127.0.0.1:2222 SSH-2.0-OpenSSH_9.2p1\r\n\r\n   \r\n[127.0.0.1]:2222 ${pub(ed25519)}\r\n`,
  );
  assert.equal(entries.length, 1);
  assert.equal(entries[0]?.line, 4);
  assert.ok(entries[0]?.key.equals(blob(ed25519)));
});

test('parseFingerprint accepts SHA256 with or without padding and rejects MD5 and junk', async () => {
  const fingerprint = await sshKeygenFingerprint(`${ed25519.privateKeyFile}.pub`);
  assert.equal(parseFingerprint(fingerprint), fingerprint);
  assert.equal(parseFingerprint(` ${fingerprint}= `), fingerprint);
  assert.match(
    thrown(() => parseFingerprint('16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48')).message,
    /MD5 fingerprints are not accepted/,
  );
  assert.match(
    thrown(() => parseFingerprint('SHA256:short')).message,
    /expected "SHA256:" followed by 43 base64 characters/,
  );
});

test('hostKeyPinFromInput tells a fingerprint from known_hosts lines', async () => {
  const fingerprint = await sshKeygenFingerprint(`${ed25519.privateKeyFile}.pub`);
  assert.deepEqual(hostKeyPinFromInput(`  ${fingerprint}\n`), { hostKeyFingerprint: fingerprint });
  const lines = `[127.0.0.1]:2222 ${pub(ed25519)}\n`;
  assert.deepEqual(hostKeyPinFromInput(lines), { knownHosts: lines });
  assert.equal(hostKeyPinFromInput('   \n'), undefined);
  assert.throws(() => hostKeyPinFromInput('SHA256:nope'), /not a SHA256 fingerprint/);
});
