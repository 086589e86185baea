/**
 * The release timestamp `YYYYMMDD_HHMMSS` (UTC): part of the release id and the tarball's
 * name, and the mtime of every entry in it, so that packaging is reproducible.
 */
import { InputError } from '../errors.js';

const PATTERN = /^(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})$/;

/** Parses and checks a timestamp; errors name the input and quote the value. */
export function parseReleaseTimestamp(value: string, input = 'timestamp'): Date {
  const m = PATTERN.exec(value);
  const hint = `expected YYYYMMDD_HHMMSS in UTC, e.g. 20260220_145749`;
  if (!m) throw new InputError(`input ${input}: "${value}" is not a release timestamp; ${hint}`, input);
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const real =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  if (!real || year < 1970)
    throw new InputError(`input ${input}: "${value}" is not a real date and time; ${hint}`, input);
  return date;
}

export function formatReleaseTimestamp(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return (
    `${p(date.getUTCFullYear(), 4)}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}_` +
    `${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}`
  );
}

/** `2026-02-20T14:57:49Z`: the manifest's `created`. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
