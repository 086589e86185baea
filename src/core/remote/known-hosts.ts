/**
 * Host key pinning for the ssh transport: OpenSSH known_hosts lines (plain, `[host]:port`,
 * comma lists, wildcards, hashed `|1|salt|hash` entries, `@revoked`) and `SHA256:` fingerprints.
 * The comparison is on the raw key blob the server offers, never on a name or comment. Pure
 * functions, so every rule is unit-tested against keys and hashes made by the real ssh-keygen.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { InputError } from '../errors.js';

const INPUT = 'known-hosts';

export type HostPatterns =
  | { kind: 'hashed'; salt: Buffer; hash: Buffer }
  | { kind: 'patterns'; patterns: { pattern: string; negated: boolean }[] };

export interface KnownHostsEntry {
  /** 1-based line in the known-hosts input. */
  line: number;
  marker: 'revoked' | 'cert-authority' | undefined;
  hosts: HostPatterns;
  /** The key type as written on the line (`ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa`, ...). */
  keyType: string;
  /** The decoded key blob (SSH wire format), what a server offers during key exchange. */
  key: Buffer;
}

export type HostKeyVerdict =
  | { kind: 'match'; line: number }
  | { kind: 'revoked'; line: number }
  /** Keys of the offered type are pinned for this host, and none is the offered key. */
  | { kind: 'changed'; known: { line: number; keyType: string; fingerprint: string }[] }
  /** Nothing usable is pinned for this host. */
  | {
      kind: 'unknown';
      otherTypes: { line: number; keyType: string; fingerprint: string }[];
      certAuthorityLines: number[];
    };

/**
 * Parses known_hosts text. A malformed line is an error naming the line rather than a line
 * silently skipped (as ssh does): a pin that is quietly ignored is a pin that does not exist.
 */
export function parseKnownHosts(text: string): KnownHostsEntry[] {
  const entries: KnownHostsEntry[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? '').trim();
    if (raw === '' || raw.startsWith('#')) continue;
    entries.push(parseLine(raw, i + 1));
  }
  return entries;
}

function parseLine(raw: string, line: number): KnownHostsEntry {
  const fields = raw.split(/\s+/);
  let marker: KnownHostsEntry['marker'];
  if (fields[0]?.startsWith('@')) {
    const name = fields.shift();
    if (name === '@revoked') marker = 'revoked';
    else if (name === '@cert-authority') marker = 'cert-authority';
    else throw lineError(line, `unknown marker "${name ?? ''}" (known markers: @revoked, @cert-authority)`);
  }
  const [hostField, keyType, keyBase64] = fields;
  if (hostField === undefined || keyType === undefined || keyBase64 === undefined) {
    throw lineError(line, 'expected "<hosts> <key-type> <base64-key> [comment]", as printed by ssh-keyscan');
  }
  const key = decodeKey(keyBase64, line);
  const blobType = keyTypeOf(key);
  if (blobType !== keyType) {
    throw lineError(
      line,
      `the line says ${JSON.stringify(keyType)} but its key is ${blobType === undefined ? 'not a valid SSH public key' : JSON.stringify(blobType)}`,
    );
  }
  return { line, marker, hosts: parseHosts(hostField, line), keyType, key };
}

function parseHosts(field: string, line: number): HostPatterns {
  if (field.startsWith('|')) {
    const parts = field.split('|');
    // `|1|salt|hash`: split gives ['', '1', salt, hash].
    if (parts.length !== 4 || parts[1] !== '1')
      throw lineError(
        line,
        'a hashed host must look like |1|<base64 salt>|<base64 hash> (from ssh-keygen -H)',
      );
    const salt = strictBase64(parts[2] ?? '');
    const hash = strictBase64(parts[3] ?? '');
    if (!salt || salt.length !== 20 || !hash || hash.length !== 20)
      throw lineError(line, 'the hashed host has a malformed salt or hash (each must be 20 bytes of base64)');
    return { kind: 'hashed', salt, hash };
  }
  const patterns = field
    .split(',')
    .map((p) =>
      p.startsWith('!') ? { pattern: p.slice(1), negated: true } : { pattern: p, negated: false },
    );
  if (patterns.some((p) => p.pattern === '')) throw lineError(line, `empty host name in "${field}"`);
  return { kind: 'patterns', patterns: patterns.map((p) => ({ ...p, pattern: p.pattern.toLowerCase() })) };
}

function decodeKey(text: string, line: number): Buffer {
  const key = strictBase64(text);
  if (!key || key.length < 8) throw lineError(line, 'the key is not valid base64');
  return key;
}

function strictBase64(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  const buf = Buffer.from(text, 'base64');
  return buf.length > 0 ? buf : undefined;
}

function lineError(line: number, message: string): InputError {
  return new InputError(`known-hosts line ${line}: ${message}`, INPUT);
}

/** The key type encoded at the start of an SSH key blob, or undefined when it is not one. */
export function keyTypeOf(blob: Buffer): string | undefined {
  if (blob.length < 4) return undefined;
  const len = blob.readUInt32BE(0);
  if (len === 0 || len > 64 || 4 + len > blob.length) return undefined;
  const type = blob.subarray(4, 4 + len).toString('latin1');
  return /^[\x21-\x7e]+$/.test(type) ? type : undefined;
}

/** `SHA256:<base64 without padding>`, as `ssh-keygen -l` and `ssh` print it. */
export function fingerprintSha256(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** Validates and normalizes a `SHA256:` fingerprint (padding dropped). */
export function parseFingerprint(text: string): string {
  const trimmed = text.trim();
  const match = /^SHA256:([A-Za-z0-9+/]{43})=?$/.exec(trimmed);
  if (!match) {
    const hint = /^(MD5:)?([0-9a-f]{2}:){15}[0-9a-f]{2}$/i.test(trimmed)
      ? ' MD5 fingerprints are not accepted;'
      : '';
    throw new InputError(
      `host key fingerprint ${JSON.stringify(trimmed.slice(0, 80))} is not a SHA256 fingerprint:${hint} expected "SHA256:" followed by 43 base64 characters, as printed by "ssh-keygen -l -E sha256 -f <host key>.pub"`,
      INPUT,
    );
  }
  return `SHA256:${match[1] ?? ''}`;
}

/**
 * The `known-hosts` input holds either known_hosts lines or a single SHA256 fingerprint;
 * tells which.
 */
export function hostKeyPinFromInput(
  text: string,
): { knownHosts: string } | { hostKeyFingerprint: string } | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (/^SHA256:\S*$/.test(trimmed)) return { hostKeyFingerprint: parseFingerprint(trimmed) };
  return { knownHosts: text };
}

/** The name known_hosts uses for a host: `host` on port 22, `[host]:port` otherwise. */
export function knownHostsName(host: string, port: number): string {
  const name = host.toLowerCase();
  return port === 22 ? name : `[${name}]:${port}`;
}

/** Whether the entry's host field names `host:port`. */
export function entryMatchesHost(entry: KnownHostsEntry, host: string, port: number): boolean {
  const name = knownHostsName(host, port);
  if (entry.hosts.kind === 'hashed') {
    const digest = createHmac('sha1', entry.hosts.salt).update(name).digest();
    return timingSafeEqual(digest, entry.hosts.hash);
  }
  let matched = false;
  for (const { pattern, negated } of entry.hosts.patterns) {
    if (!globMatch(pattern, name)) continue;
    // As in OpenSSH, a negated pattern that matches rules the whole line out.
    if (negated) return false;
    matched = true;
  }
  return matched;
}

/** OpenSSH host pattern: `*` any run of characters, `?` exactly one. */
function globMatch(pattern: string, text: string): boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) return pattern === text;
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(text);
}

/** Decides whether the key a server offers for `host:port` is the pinned one. */
export function verifyHostKey(
  entries: readonly KnownHostsEntry[],
  host: string,
  port: number,
  offered: Buffer,
): HostKeyVerdict {
  const forHost = entries.filter((e) => entryMatchesHost(e, host, port));
  const revoked = forHost.find((e) => e.marker === 'revoked' && e.key.equals(offered));
  if (revoked) return { kind: 'revoked', line: revoked.line };
  const plain = forHost.filter((e) => e.marker === undefined);
  const match = plain.find((e) => e.key.equals(offered));
  if (match) return { kind: 'match', line: match.line };
  const offeredType = keyTypeOf(offered);
  const describe = (e: KnownHostsEntry): { line: number; keyType: string; fingerprint: string } => ({
    line: e.line,
    keyType: e.keyType,
    fingerprint: fingerprintSha256(e.key),
  });
  const sameType = plain.filter((e) => e.keyType === offeredType);
  if (sameType.length > 0) return { kind: 'changed', known: sameType.map(describe) };
  return {
    kind: 'unknown',
    otherTypes: plain.map(describe),
    certAuthorityLines: forHost.filter((e) => e.marker === 'cert-authority').map((e) => e.line),
  };
}

/**
 * Host key algorithms to offer first so the server presents a key type that is pinned (as
 * OpenSSH does); otherwise a server holding several host keys could present an unpinned
 * type and be refused although its pinned key is fine.
 */
export function preferredHostKeyAlgorithms(
  entries: readonly KnownHostsEntry[],
  host: string,
  port: number,
): string[] {
  const algorithms: string[] = [];
  for (const entry of entries) {
    if (entry.marker !== undefined || !entryMatchesHost(entry, host, port)) continue;
    const names = entry.keyType === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [entry.keyType];
    for (const name of names) if (!algorithms.includes(name)) algorithms.push(name);
  }
  return algorithms;
}
