/**
 * Errors a person can act on. Every error modelgate throws on purpose carries the file and
 * line it is about (when there is one) so the action entry can turn it into an annotation,
 * and the CLI into one line on stderr. Anything else that escapes is a bug and is reported
 * with its stack.
 */
export type ErrorKind = 'config' | 'input' | 'check' | 'remote' | 'runtime';

export interface ErrorLocation {
  file?: string;
  line?: number;
  column?: number;
}

export class ModelgateError extends Error {
  readonly kind: ErrorKind;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(
    message: string,
    kind: ErrorKind = 'runtime',
    where: ErrorLocation = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ModelgateError';
    this.kind = kind;
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
  }

  /** `file:line message`, the one-line form used by the CLI and in reports. */
  get located(): string {
    if (!this.file) return this.message;
    const at = this.line ? `${this.file}:${this.line}` : this.file;
    if (this.message.startsWith(at)) return this.message;
    // A message that names the file already ("file: ...") gets the line beside the name, not the name twice.
    if (this.message.startsWith(`${this.file}: `)) return `${at}${this.message.slice(this.file.length + 1)}`;
    return `${at} ${this.message}`;
  }
}

/** A bad config file: the CLI exits 2, the action annotates the file and line. */
export class ConfigError extends ModelgateError {
  constructor(message: string, where: ErrorLocation = {}) {
    super(message, 'config', where);
    this.name = 'ConfigError';
  }
}

/** A bad or missing input (action input or CLI flag). */
export class InputError extends ModelgateError {
  readonly input: string | undefined;
  constructor(message: string, input?: string, where: ErrorLocation = {}) {
    super(message, 'input', where);
    this.name = 'InputError';
    this.input = input;
  }
}

/** Exit code for a usage problem (bad config or input) as opposed to a failed check (1). */
export function exitCodeFor(error: unknown): number {
  return error instanceof ModelgateError && (error.kind === 'config' || error.kind === 'input') ? 2 : 1;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ModelgateError) return error.located;
  if (error instanceof Error) return error.message;
  return String(error);
}
