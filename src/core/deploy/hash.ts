/**
 * sha256 on the target with whatever it has: `sha256sum` (GNU, BusyBox), `shasum -a 256`
 * (macOS, Perl), `openssl dgst -sha256`. With none of them the caller falls back to reading
 * the file back and hashing it here.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sha256File } from '../bundle/files.js';
import { ModelgateError } from '../errors.js';
import { sh } from '../remote/quote.js';
import type { Target } from './target.js';

/** Exit code the scripts use when no hash tool exists on the target. */
export const NO_HASH_TOOL = 90;

/** Defines `h`, which hashes stdin and prints `<hex> ...`. */
export const HASH_FUNCTION = [
  'h() {',
  '  if command -v sha256sum >/dev/null 2>&1; then sha256sum',
  '  elif command -v shasum >/dev/null 2>&1; then shasum -a 256',
  '  elif command -v openssl >/dev/null 2>&1; then openssl dgst -sha256 -r',
  `  else return ${NO_HASH_TOOL}; fi`,
  '}',
].join('\n');

export interface RemoteHash {
  sha256: string;
  /** How it was computed, for the log. */
  via: 'target' | 'read-back';
}

/** sha256 of a remote file, or of its first `bytes` bytes. */
export async function remoteSha256(target: Target, file: string, bytes?: number): Promise<RemoteHash> {
  const source = bytes === undefined ? sh`h < ${file}` : sh`head -c ${bytes} < ${file} | h`;
  const script = `${HASH_FUNCTION}\n${sh`[ -f ${file} ] || { echo "no such file: "${file} >&2; exit 3; }`}\ncommand -v sha256sum >/dev/null 2>&1 || command -v shasum >/dev/null 2>&1 || command -v openssl >/dev/null 2>&1 || exit ${NO_HASH_TOOL}\n${source}`;
  const result = await target.exec(script);
  const match = /^([0-9a-f]{64})\b/.exec(result.stdout.trim());
  if (result.code === 0 && match) return { sha256: match[1] as string, via: 'target' };
  if (result.code !== NO_HASH_TOOL)
    throw new ModelgateError(
      `${target.description}: hashing ${file} failed (exit ${result.code}): ${(result.stderr || result.stdout).trim().slice(0, 300)}`,
      'remote',
    );
  return { sha256: await readBackSha256(target, file, bytes), via: 'read-back' };
}

async function readBackSha256(target: Target, file: string, bytes?: number): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'modelgate-readback-'));
  try {
    const local = path.join(dir, 'file');
    await target.transport.download(file, local);
    return await sha256File(local, bytes);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
