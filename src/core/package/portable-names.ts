/**
 * Names a bundle may carry. A release is extracted on Linux servers, listed by GNU tar and
 * Python's tarfile, uploaded as an Actions artifact and sometimes unpacked on a laptop: only
 * names in the POSIX portable character set survive all of them unchanged.
 */
import { ModelgateError } from '../errors.js';

const SEGMENT = /^[A-Za-z0-9._-]+$/;

/** Why `path` is not portable, or undefined when it is. */
export function nonPortableReason(path: string): string | undefined {
  for (const segment of path.split('/')) {
    if (segment === '.' || segment === '..') return `"${segment}" is not allowed as a name`;
    if (!SEGMENT.test(segment)) {
      const bad = [...segment].find((c) => !/[A-Za-z0-9._-]/.test(c)) ?? '';
      return `"${segment}" contains ${describeChar(bad)}; use only letters, digits, ".", "_" and "-"`;
    }
    if (segment.startsWith('-')) return `"${segment}" starts with "-", which tools read as an option`;
  }
  return undefined;
}

function describeChar(c: string): string {
  if (c === ' ') return 'a space';
  if (c === '\t') return 'a tab';
  const code = c.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f)
    return `a control character (U+${code.toString(16).padStart(4, '0').toUpperCase()})`;
  return `"${c}"`;
}

/**
 * Throws on the first path that is not portable, or that differs from another only in case
 * (one would overwrite the other on macOS and Windows file systems). Paths are relative to
 * `root`, which is named in the message.
 */
export function checkPortableNames(paths: readonly string[], root: string): void {
  const seen = new Map<string, string>();
  for (const path of paths) {
    const reason = nonPortableReason(path);
    if (reason)
      throw new ModelgateError(
        `${root}/${path}: name is not portable: ${reason}; rename the file in the bundle`,
        'input',
        {
          file: `${root}/${path}`,
        },
      );
    const parts = path.split('/');
    // A file and every directory above it: "Models/a" and "models/b" clash on the directory.
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      const key = prefix.toLowerCase();
      const other = seen.get(key);
      if (other !== undefined && other !== prefix)
        throw new ModelgateError(
          `${root}/${path}: "${prefix}" and "${other}" differ only in case, and one overwrites the other on case-insensitive file systems; rename one of them`,
          'input',
          { file: `${root}/${path}` },
        );
      seen.set(key, prefix);
    }
  }
}
