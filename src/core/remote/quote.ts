/**
 * Quoting for commands run on a target through `Transport.exec`. Every value that comes from
 * a config file, a manifest or an input reaches the shell only through `shellQuote` (or the
 * `sh` template, which quotes every interpolated value), so no value can inject shell: a
 * path such as `/opt/x; rm -rf /` or a flag value `$(touch /tmp/pwned)` stays one literal
 * word. The quoting is POSIX single quotes, understood alike by sh, dash, bash, ksh and zsh.
 */
import { ModelgateError } from '../errors.js';

/** One shell word holding exactly `arg`. NUL cannot be passed to a command and is refused. */
export function shellQuote(arg: string): string {
  if (arg.includes('\0'))
    throw new ModelgateError(
      `refusing to pass a value containing a NUL byte to a remote command: ${JSON.stringify(arg)}`,
      'input',
    );
  if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  // Inside single quotes nothing is special; a single quote itself is closed, escaped, reopened.
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** A fragment the caller vouches for (a command from the config, or one built with `sh`). */
export class RawShell {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** Marks trusted shell text so `sh` inserts it as is instead of quoting it. */
export function raw(text: string): RawShell {
  return new RawShell(text);
}

export type ShellValue = string | number | RawShell | readonly (string | number)[];

/**
 * Tagged template for remote commands: `sh\`mkdir -p ${dir} && cd ${dir}\`` quotes every
 * value (arrays become several quoted words, numbers must be finite, `raw(...)` is inserted
 * as is). The literal parts are written by us and are the only unquoted shell text.
 */
export function sh(strings: TemplateStringsArray, ...values: ShellValue[]): string {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += quoteValue(value) + (strings[i + 1] ?? '');
  });
  return out;
}

function quoteValue(value: ShellValue): string {
  if (value instanceof RawShell) return value.text;
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new ModelgateError(`refusing to pass ${value} to a remote command`, 'runtime');
    return String(value);
  }
  if (typeof value === 'string') return shellQuote(value);
  return value.map((v) => (typeof v === 'number' ? quoteValue(v) : shellQuote(v))).join(' ');
}

/**
 * Checks a path that will be used on the target. Newlines are refused too: they are legal in
 * file names but break every line-oriented tool (sha256sum checklists, `ls`, logs), and no
 * real service directory has one.
 */
export function checkRemotePath(value: string, what: string): string {
  if (/[\n\r\0]/.test(value))
    throw new ModelgateError(
      `${what} ${JSON.stringify(value)} contains a newline or NUL byte; use a path without them`,
      'input',
    );
  return value;
}
