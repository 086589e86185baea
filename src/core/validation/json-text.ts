/**
 * JSON files from a training job, parsed with errors a person can act on: the file, line and
 * column of the first syntax error (Node 20's JSON.parse reports neither, and its wording
 * changes between Node versions). One scanner serves every JSON file modelgate reads: the
 * bundle's metadata, golden.json, metrics.json and XGBoost models.
 *
 * Python's `json.dump` writes bare `NaN`, `Infinity` and `-Infinity` unless told not to (and
 * XGBoost before 3.1 writes `NaN` as the split value of categorical nodes); strict JSON
 * rejects them. They are accepted here and reported, so that a caller can decide whether a
 * non-finite value is a problem.
 */
import { ModelgateError } from '../errors.js';

export interface ParsedJson {
  value: unknown;
  /** Bare NaN / Infinity tokens that strict JSON rejects, with their lines. */
  nonStandard: { token: string; line: number }[];
}

export interface JsonProblem {
  line: number;
  column: number;
  message: string;
  /** The text ended where more was expected (or inside its last token): a truncated file. */
  truncated: boolean;
}

/** Parses `text`; throws a ModelgateError naming `file`, the line and the column of the first error. */
export function parseJsonText(text: string, file: string): ParsedJson {
  try {
    return { value: JSON.parse(text), nonStandard: [] };
  } catch {
    // Fall through to the slower scanner, which knows where the error is.
  }
  try {
    return new JsonScanner(text).parseDocument();
  } catch (error) {
    if (!(error instanceof JsonStop)) throw error;
    const { line, column } = lineColumnAt(text, error.at);
    throw new ModelgateError(`${file}:${line}:${column} not valid JSON: ${error.reason}`, 'check', {
      file,
      line,
      column,
    });
  }
}

/**
 * JSON.parse, retried with bare NaN -> null and Infinity -> 1e999 (outside strings) on
 * failure: for multi-megabyte model files, where the scanner would cost several times more.
 * Throws JSON.parse's SyntaxError; `locateJsonError` then says where.
 */
export function parseJsonLenient(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (!text.includes('NaN') && !text.includes('Infinity')) throw error;
    return JSON.parse(replaceNonStandardNumbers(text)) as unknown;
  }
}

/** Rewrites the non-standard number tokens outside strings: NaN -> null, Infinity -> 1e999 (parses as Infinity). */
function replaceNonStandardNumbers(text: string): string {
  const parts: string[] = [];
  let last = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Skip the string, escapes included.
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92) i += 2;
        else {
          i++;
          if (d === 34) break;
        }
      }
    } else if (c === 78 && text.startsWith('NaN', i)) {
      parts.push(text.slice(last, i), 'null');
      i += 3;
      last = i;
    } else if (c === 73 && text.startsWith('Infinity', i)) {
      parts.push(text.slice(last, i), '1e999');
      i += 8;
      last = i;
    } else i++;
  }
  if (last === 0) return text;
  parts.push(text.slice(last));
  return parts.join('');
}

const LITERALS = ['true', 'false', 'null', 'NaN', 'Infinity', '-Infinity'];

/** The first syntax error in `text` (standard JSON plus NaN/Infinity); for text JSON.parse refused. */
export function locateJsonError(text: string): JsonProblem {
  let stop: JsonStop;
  try {
    new JsonScanner(text).parseDocument();
    // Only reached for text JSON.parse refused for a reason the scanner accepts.
    return { line: 1, column: 1, message: 'the text is not valid JSON', truncated: false };
  } catch (error) {
    if (!(error instanceof JsonStop)) throw error;
    stop = error;
  }
  const { line, column } = lineColumnAt(text, stop.at);
  // A cut inside the last token (a number or a literal, then nothing) is truncation too.
  const rest = text.slice(stop.at).trimEnd();
  const midToken =
    /^[\w.+-]+$/.test(rest) &&
    (/[\w.]/.test(text[stop.at - 1] ?? '') || LITERALS.some((w) => w !== rest && w.startsWith(rest)));
  return { line, column, message: stop.reason, truncated: stop.at >= text.length || midToken };
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

/** Where and why the scanner stopped. */
class JsonStop {
  constructor(
    readonly at: number,
    readonly reason: string,
  ) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class JsonScanner {
  private pos = 0;
  private readonly nonStandard: { token: string; line: number }[] = [];
  /** Lines counted up to `counted`: tokens come in order, so each character is counted once. */
  private counted = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  parseDocument(): ParsedJson {
    this.skipSpace();
    if (this.pos >= this.text.length)
      this.fail(this.text.length === 0 ? 'the file is empty' : 'no value in the file');
    let value: unknown;
    try {
      value = this.parseValue();
    } catch (error) {
      // Nesting deep enough to exhaust the stack: report where the walk got to.
      if (error instanceof RangeError) this.fail('nesting too deep');
      throw error;
    }
    this.skipSpace();
    if (this.pos < this.text.length)
      this.fail(`unexpected ${this.describeHere()} after the end of the document`);
    return { value, nonStandard: this.nonStandard };
  }

  private fail(reason: string, at = this.pos): never {
    throw new JsonStop(at, reason);
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
    for (; this.counted < this.pos; this.counted++)
      if (this.text.charCodeAt(this.counted) === 10) this.line++;
    this.literal(word, value);
    this.nonStandard.push({ token: word, line: this.line });
    return value;
  }

  private parseNumber(): number {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
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
