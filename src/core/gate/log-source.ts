/**
 * Where the shadow gate's trade logs come from: local files and globs (the `logs` input), or
 * the target's `gate.shadow.logs` pulled over the transport into a local directory.
 *
 * The glob is small on purpose (no dependency): `*`, `?` and `[...]` within one path segment,
 * in any segment locally and in the file name only on a target. On a target the directory is
 * listed with `ls` and the names are matched here, so the pattern never reaches the shell
 * unquoted. Files come back sorted by path, which for `trades_YYYYMMDD.jsonl` is by day.
 */
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError, ModelgateError } from '../errors.js';
import { shellQuote } from '../remote/quote.js';
import type { Transport } from '../remote/transport.js';

const WILDCARD = /[*?[]/;

export function hasWildcard(pattern: string): boolean {
  return WILDCARD.test(pattern);
}

/** The regular expression for one path segment of a glob. */
export function segmentMatcher(segment: string): RegExp {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close === -1) {
        out += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      out += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else out += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

function matchesHidden(segment: string, name: string): boolean {
  // As in the shell: a leading dot is matched only by a pattern that starts with one.
  return !name.startsWith('.') || segment.startsWith('.');
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

/** Files matching `pattern` (relative to `cwd`), sorted by path; empty when none. */
export async function expandLogGlob(pattern: string, cwd: string = process.cwd()): Promise<string[]> {
  if (pattern.split('/').includes('**')) {
    throw new InputError(
      `logs pattern ${JSON.stringify(pattern)}: "**" is not supported; name the directory, e.g. data/live/trades_*.jsonl`,
      'logs',
    );
  }
  const absolute = path.resolve(cwd, pattern);
  const root = path.parse(absolute).root;
  const segments = absolute.slice(root.length).split(path.sep).filter(Boolean);
  // Walk segment by segment; literal segments are joined, wildcard ones listed and matched.
  let candidates = [root];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    const last = i === segments.length - 1;
    const next: string[] = [];
    for (const dir of candidates) {
      if (!hasWildcard(segment)) {
        next.push(path.join(dir, segment));
        continue;
      }
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        continue;
      }
      const re = segmentMatcher(segment);
      for (const name of names)
        if (re.test(name) && matchesHidden(segment, name)) next.push(path.join(dir, name));
    }
    const kept: string[] = [];
    for (const candidate of next)
      if (last ? await isFile(candidate) : await isDirectory(candidate)) kept.push(candidate);
    candidates = kept;
  }
  return candidates.sort();
}

/**
 * The `logs` input: one or more files or globs, one a line (or a list). A glob that matches
 * nothing or a file that does not exist is an input error: a gate over no data because of a
 * typo would otherwise read as "inconclusive" forever.
 */
export async function resolveLogFiles(
  spec: string | readonly string[],
  cwd: string = process.cwd(),
): Promise<string[]> {
  const patterns = (typeof spec === 'string' ? spec.split(/\r?\n/) : [...spec])
    .map((s) => s.trim())
    .filter(Boolean);
  if (patterns.length === 0)
    throw new InputError(
      'logs is empty: give a trade-log file or a glob such as data/live/trades_*.jsonl',
      'logs',
    );
  const files = new Set<string>();
  for (const pattern of patterns) {
    const found = hasWildcard(pattern) ? await expandLogGlob(pattern, cwd) : [path.resolve(cwd, pattern)];
    if (found.length === 0) {
      throw new InputError(
        `logs: ${JSON.stringify(pattern)} matches no file under ${cwd}; check the pattern or the working directory`,
        'logs',
      );
    }
    for (const file of found) {
      if (!hasWildcard(pattern) && !(await isFile(file))) {
        throw new InputError(`logs: ${file} does not exist or is not a file; check the logs input`, 'logs');
      }
      files.add(file);
    }
  }
  return [...files].sort();
}

/** The UTC day named in a log file name (`trades_20260220.jsonl`, `trades-2026-02-20.log`). */
export function dayInName(name: string): Date | undefined {
  const m = /(?<!\d)(20\d{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)/.exec(name);
  if (!m) return undefined;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/**
 * A daily file is skipped when its day ended well before `since`. The margin covers a service
 * whose "day" is local time (up to 14 h off UTC) and a file rotated a little after midnight;
 * the gate's window filter on each bar's timestamp does the exact cut.
 */
const DAY_MARGIN_MS = 2 * 86_400_000;

export interface PulledLogs {
  /** Local copies, sorted by name. */
  files: string[];
  /** The remote files copied, in the same order. */
  remote: string[];
  /** Remote files that matched but were skipped as older than `since`. */
  skipped: string[];
}

/**
 * Copies the target's trade logs matching `remoteGlob` (relative to `basePath`, or absolute)
 * into `localDir`. Only the file name may contain wildcards. A pattern that matches nothing
 * on the target is an error (wrong path, or a service that writes no logs); files that all
 * predate `since` are not, and leave the gate with no data to judge.
 */
export async function pullShadowLogs(
  transport: Transport,
  remoteGlob: string,
  basePath: string,
  localDir: string,
  since?: Date,
): Promise<PulledLogs> {
  const full = path.posix.isAbsolute(remoteGlob) ? remoteGlob : path.posix.join(basePath, remoteGlob);
  const dir = path.posix.dirname(full);
  const pattern = path.posix.basename(full);
  if (hasWildcard(dir)) {
    throw new ModelgateError(
      `gate.shadow.logs ${JSON.stringify(remoteGlob)}: only the file name may contain wildcards on a target; name the directory, e.g. data/live/trades_*.jsonl`,
      'config',
    );
  }
  // -p marks directories with a trailing slash, so they are never taken for log files.
  const listed = await transport.exec(`ls -1Ap -- ${shellQuote(dir)}`);
  if (listed.code !== 0) {
    throw new ModelgateError(
      `${transport.description}: cannot list ${dir} for gate.shadow.logs (${listed.stderr.trim() || `exit ${listed.code}`}); check deploy.path and gate.shadow.logs`,
      'remote',
    );
  }
  const re = segmentMatcher(pattern);
  const names = listed.stdout
    .split('\n')
    .filter((name) => name !== '' && !name.endsWith('/') && re.test(name) && matchesHidden(pattern, name))
    .sort();
  if (names.length === 0) {
    throw new ModelgateError(
      `${transport.description}: no file in ${dir} matches ${pattern} (gate.shadow.logs); check the pattern, and that the service writes trade logs there`,
      'remote',
    );
  }
  const skipped: string[] = [];
  const wanted: string[] = [];
  for (const name of names) {
    const day = dayInName(name);
    if (since && day && day.getTime() + DAY_MARGIN_MS <= since.getTime())
      skipped.push(path.posix.join(dir, name));
    else wanted.push(name);
  }
  await mkdir(localDir, { recursive: true });
  const files: string[] = [];
  const remote: string[] = [];
  for (const name of wanted) {
    const from = path.posix.join(dir, name);
    const to = path.join(localDir, name);
    await transport.download(from, to);
    files.push(to);
    remote.push(from);
  }
  return { files, remote, skipped };
}
