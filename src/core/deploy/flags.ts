/**
 * Idempotent editing of a `.env`-style flags file, replacing the seed's
 * `echo 'ML_ENABLE_STACKING=1' >> .env` (which appends a duplicate on every run). For each
 * flag: the first `KEY=...` line is replaced in place (an `export ` prefix is kept), later
 * `KEY=...` lines are removed, and a missing key is appended. Comments (including a
 * commented-out `# KEY=...`), blank lines and other keys are kept byte for byte, and a file
 * that already holds the values is returned unchanged, so running twice changes nothing.
 */
import { ModelgateError } from '../errors.js';

export interface FlagChange {
  key: string;
  /** The value before, or undefined when the key was missing. */
  from: string | undefined;
  to: string;
  /** Extra `KEY=` lines removed. */
  duplicatesRemoved: number;
}

export interface FlagEdit {
  text: string;
  changed: boolean;
  changes: FlagChange[];
}

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ASSIGNMENT = /^(\s*)(export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/;
const PLAIN_VALUE = /^[A-Za-z0-9_./:@%+,-]*$/;

/** Applies `flags` to the text of a flags file. Keys and values are validated first. */
export function applyFlags(text: string, flags: Readonly<Record<string, string>>): FlagEdit {
  for (const [key, value] of Object.entries(flags)) {
    if (!KEY.test(key))
      throw new ModelgateError(
        `flag name "${key}" is not an environment variable name (letters, digits, "_")`,
        'config',
      );
    if (/[\n\r\0]/.test(value))
      throw new ModelgateError(
        `flag ${key}: the value contains a newline or NUL byte, which a flags file cannot hold on one line`,
        'config',
      );
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text === '' ? [] : text.split(/\r?\n/);
  // A trailing newline leaves an empty last element: remember it and put it back.
  const endsWithNewline = lines.length > 0 && lines[lines.length - 1] === '';
  if (endsWithNewline) lines.pop();

  const seen = new Map<string, FlagChange>();
  const out: string[] = [];
  let changed = false;
  for (const line of lines) {
    const m = ASSIGNMENT.exec(line);
    const key = m?.[3];
    if (!m || key === undefined || !Object.hasOwn(flags, key)) {
      out.push(line);
      continue;
    }
    const wanted = flags[key] as string;
    const existing = seen.get(key);
    if (existing) {
      existing.duplicatesRemoved++;
      changed = true;
      continue;
    }
    const current = parseValue(m[4] ?? '');
    const change: FlagChange = { key, from: current, to: wanted, duplicatesRemoved: 0 };
    seen.set(key, change);
    if (current === wanted) out.push(line);
    else {
      out.push(`${m[1] ?? ''}${m[2] ?? ''}${key}=${formatValue(wanted)}`);
      changed = true;
    }
  }
  const missing = Object.keys(flags).filter((k) => !seen.has(k));
  for (const key of missing) {
    const to = flags[key] as string;
    out.push(`${key}=${formatValue(to)}`);
    seen.set(key, { key, from: undefined, to, duplicatesRemoved: 0 });
    changed = true;
  }
  if (!changed) return { text, changed: false, changes: [] };
  const changes = [...seen.values()].filter((c) => c.from !== c.to || c.duplicatesRemoved > 0);
  return { text: out.join(eol) + (out.length > 0 ? eol : ''), changed: true, changes };
}

/** The value a reader of the file sees (systemd EnvironmentFile, python-dotenv, sh `.`). */
export function parseValue(raw: string): string {
  const v = raw.trim();
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1);
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"'))
    return v.slice(1, -1).replace(/\\(["\\$`])/g, '$1');
  // An inline comment after an unquoted value (`KEY=1  # live`).
  const hash = v.search(/\s#/);
  return hash >= 0 ? v.slice(0, hash).trimEnd() : v;
}

/** Writes a value so every common reader gets it back literally. */
export function formatValue(value: string): string {
  if (PLAIN_VALUE.test(value)) return value;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** `KEY=value, KEY2=value` for messages. */
export function describeFlags(flags: Readonly<Record<string, string>>): string {
  const entries = Object.entries(flags);
  return entries.length === 0 ? '(none configured)' : entries.map(([k, v]) => `${k}=${v}`).join(', ');
}
