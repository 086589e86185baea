/**
 * JSON files from a training job, parsed with errors a person can act on: the file, line
 * and column of the first syntax error (Node 20's JSON.parse reports neither).
 *
 * Python's `json.dump` writes bare `NaN`, `Infinity` and `-Infinity` unless told not to,
 * and the service (Python) reads them back; strict JSON rejects them. They are accepted
 * here and reported, so that a caller can decide whether a non-finite value is a problem.
 */
import { ModelgateError } from '../errors.js';

export interface ParsedJson {
  value: unknown;
  /** Bare NaN / Infinity tokens that strict JSON rejects, with their lines. */
  nonStandard: { token: string; line: number }[];
}

/** Parses `text`; throws a ModelgateError naming `file`, the line and the column of the first error. */
export function parseJsonText(text: string, file: string): ParsedJson {
  try {
    return { value: JSON.parse(text), nonStandard: [] };
  } catch {
    // Fall through to the slower parser, which knows where the error is.
  }
  return new JsonScanner(text, file).parseDocument();
}

/** 1-based line and column of a character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

class JsonScanner {
  private pos = 0;
  private readonly nonStandard: { token: string; line: number }[] = [];

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  parseDocument(): ParsedJson {
    this.skipSpace();
    if (this.pos >= this.text.length)
      this.fail(this.text.length === 0 ? 'the file is empty' : 'no value in the file');
    const value = this.parseValue();
    this.skipSpace();
    if (this.pos < this.text.length)
      this.fail(`unexpected ${this.describeHere()} after the end of the document`);
    return { value, nonStandard: this.nonStandard };
  }

  private fail(reason: string, at = this.pos): never {
    const { line, column } = lineColumnAt(this.text, at);
    throw new ModelgateError(`${this.file}:${line}:${column} not valid JSON: ${reason}`, 'check', {
      file: this.file,
      line,
      column,
    });
  }

  private describeHere(): string {
    if (this.pos >= this.text.length) return 'end of file';
    return JSON.stringify(this.text.slice(this.pos, this.pos + 1));
  }

  private skipSpace(): void {
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else break;
    }
  }

  private parseValue(): unknown {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '{') return this.parseObject();
    if (c === '[') return this.parseArray();
    if (c === '"') return this.parseString();
    if (c === 't') return this.literal('true', true);
    if (c === 'f') return this.literal('false', false);
    if (c === 'n') return this.literal('null', null);
    if (c === 'N') return this.nonStandardLiteral('NaN', Number.NaN);
    if (c === 'I') return this.nonStandardLiteral('Infinity', Number.POSITIVE_INFINITY);
    if (c === '-' && this.text.startsWith('-Infinity', this.pos))
      return this.nonStandardLiteral('-Infinity', Number.NEGATIVE_INFINITY);
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.parseNumber();
    if (c === undefined) this.fail('unexpected end of file: a value is missing');
    this.fail(`unexpected ${this.describeHere()}: expected a value`);
  }

  private literal<T>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos))
      this.fail(`unexpected ${this.describeHere()}: expected a value`);
    this.pos += word.length;
    return value;
  }

  private nonStandardLiteral(word: string, value: number): number {
    const start = this.pos;
    this.literal(word, value);
    this.nonStandard.push({ token: word, line: lineColumnAt(this.text, start).line });
    return value;
  }

  private parseNumber(): number {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!match)
      this.fail(`malformed number starting ${JSON.stringify(this.text.slice(this.pos, this.pos + 12))}`);
    this.pos += match[0].length;
    return Number(match[0]);
  }

  private parseString(): string {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 34) {
        this.pos++;
        try {
          return JSON.parse(this.text.slice(start, this.pos)) as string;
        } catch {
          this.fail('invalid escape sequence or control character in a string', start);
        }
      }
      if (c === 92) this.pos += 2;
      else if (c < 32) this.fail('unescaped control character (a line break?) inside a string');
      else this.pos++;
    }
    this.fail('string not closed before the end of the file', start);
  }

  private parseArray(): unknown[] {
    const out: unknown[] = [];
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.parseValue());
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        this.skipSpace();
        if (this.text[this.pos] === ']') this.fail('trailing comma before "]"');
        continue;
      }
      if (c === ']') {
        this.pos++;
        return out;
      }
      this.fail(`expected "," or "]" after an array item, got ${this.describeHere()}`);
    }
  }

  private parseObject(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"')
        this.fail(`expected a property name in double quotes, got ${this.describeHere()}`);
      const key = this.parseString();
      this.skipSpace();
      if (this.text[this.pos] !== ':')
        this.fail(`expected ":" after the property name ${JSON.stringify(key)}, got ${this.describeHere()}`);
      this.pos++;
      Object.defineProperty(out, key, {
        value: this.parseValue(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        this.skipSpace();
        if (this.text[this.pos] === '}') this.fail('trailing comma before "}"');
        continue;
      }
      if (c === '}') {
        this.pos++;
        return out;
      }
      this.fail(`expected "," or "}" after the value of ${JSON.stringify(key)}, got ${this.describeHere()}`);
    }
  }
}
