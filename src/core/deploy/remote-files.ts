/**
 * Small files on the target (the flags file, the ML config, the pending record): read byte
 * for byte, written whole to a temporary file beside the original, fsynced and renamed over
 * it, so a reader (the service starting up) sees the old file or the new one, never half.
 */
import { ModelgateError } from '../errors.js';
import { sh } from '../remote/quote.js';
import { type Target } from './target.js';

export interface RemoteText {
  /** The path actually read: a symlinked file is followed, and written through, to its target. */
  path: string;
  exists: boolean;
  content: Buffer;
}

const MAX_EDITABLE = 4 * 1024 * 1024;

/** Reads a small file (base64 over the command channel keeps the bytes exact). */
export async function readRemoteFile(target: Target, file: string): Promise<RemoteText> {
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
  const newline = result.stdout.indexOf('\n');
  const head = result.stdout.slice(0, newline < 0 ? undefined : newline);
  const match = /^(present|absent) (.+)$/.exec(head);
  if (!match)
    throw new ModelgateError(
      `${target.description}: unexpected output while reading ${file}: ${head.slice(0, 200)}`,
      'remote',
    );
  const exists = match[1] === 'present';
  return {
    path: match[2] ?? file,
    exists,
    content: exists
      ? Buffer.from(result.stdout.slice(newline + 1).replace(/\s+/g, ''), 'base64')
      : Buffer.alloc(0),
  };
}

/**
 * Replaces `file` with `content`: written to `<file>.modelgate-tmp`, given the original's mode
 * and owner, fsynced, renamed over the original, and the directory fsynced.
 */
export async function writeRemoteFile(target: Target, file: string, content: Buffer | string): Promise<void> {
  const tmp = `${file}.modelgate-tmp`;
  const dir = file.slice(0, file.lastIndexOf('/')) || '/';
  const script = sh`f=${file}; t=${tmp}
cat > "$t" || { rm -f -- "$t"; exit 1; }
if [ -e "$f" ]; then chmod --reference="$f" -- "$t" 2>/dev/null; chown --reference="$f" -- "$t" 2>/dev/null; fi
sync -- "$t" 2>/dev/null || sync
mv -f -- "$t" "$f" || { rm -f -- "$t"; exit 1; }
sync -- ${dir} 2>/dev/null || true`;
  await target.run(`writing ${file}`, script, {
    stdin: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
  });
}

/** Removes a file; absent is fine. */
export async function removeRemoteFile(target: Target, file: string): Promise<void> {
  await target.run(`removing ${file}`, sh`rm -f -- ${file}`);
}
