/**
 * JSON as model files spell it. XGBoost before 3.1 writes bare `NaN` (the split value of
 * categorical nodes) and may write `Infinity`, which JSON.parse rejects; and when a file is
 * truncated or damaged, JSON.parse's message neither names a line nor reads the same across
 * Node versions. This module parses leniently and, on failure, locates the fault itself.
 */

/** JSON.parse, retried with bare NaN -> null and Infinity -> 1e999 (outside strings) on failure. */
export function parseJsonLenient(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (!text.includes('NaN') && !text.includes('Infinity')) throw error;
    return JSON.parse(replaceNonStandardNumbers(text)) as unknown;
  }
}

/** Rewrites the non-standard number tokens outside strings: NaN -> null, Infinity -> 1e999 (parses as Infinity). */
export function replaceNonStandardNumbers(text: string): string {
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

export interface JsonProblem {
  line: number;
  column: number;
  message: string;
  /** The text ended where more was expected. */
  truncated: boolean;
}

class Stop {
  constructor(
    readonly at: number,
    readonly message: string,
  ) {}
}

const LITERALS = ['true', 'false', 'null', 'NaN', 'Infinity', '-Infinity'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Finds the first syntax error in `text` (standard JSON plus NaN/Infinity), for a message with
 * a line and column. Only called after JSON.parse failed, so speed does not matter here.
 */
export function locateJsonError(text: string): JsonProblem {
  const n = text.length;
  let i = 0;
  const found = (): string => (i >= n ? 'the end of the file' : `'${text.slice(i, i + 1)}'`);
  const stop = (expected: string): never => {
    throw new Stop(i, `expected ${expected}, found ${found()}`);
  };
  const space = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const word = (w: string): void => {
    if (text.startsWith(w, i)) i += w.length;
    else stop('a value');
  };
  const string = (): void => {
    i++;
    for (;;) {
      if (i >= n) stop('a closing quote');
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 0x20) stop('a closing quote (strings cannot hold line breaks or control characters)');
      if (c === 92) {
        i++;
        if (i >= n) stop('an escape sequence');
        const e = text[i] as string;
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) stop('four hex digits after \\u');
          i += 5;
        } else if ('"\\/bfnrt'.includes(e)) i++;
        else stop('a valid escape sequence');
      } else i++;
    }
  };
  const value = (): void => {
    space();
    if (i >= n) stop('a value');
    const c = text[i] as string;
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') stop('a double-quoted property name');
        string();
        space();
        if (text[i] !== ':') stop("':' after a property name");
        i++;
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else stop("',' or '}' after a property value");
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else stop("',' or ']' after an array element");
      }
    }
    if (c === '"') return string();
    if (c === 't') return word('true');
    if (c === 'f') return word('false');
    if (c === 'n') return word('null');
    if (c === 'N') return word('NaN');
    if (c === 'I') return word('Infinity');
    if (c === '-' && text.startsWith('-Infinity', i)) return word('-Infinity');
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (!match) return stop('a value');
    i += match[0].length;
  };

  let stopAt = -1;
  let message = 'the text is not valid JSON';
  try {
    value();
    space();
    if (i < n) stop('the end of the file after the top-level value');
  } catch (error) {
    if (error instanceof Stop) {
      stopAt = error.at;
      message = error.message;
    } else {
      // Nesting deep enough to exhaust the stack: report where the walk got to.
      stopAt = i;
      message = 'nesting too deep';
    }
  }
  const at = stopAt < 0 ? 0 : stopAt;
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < at && k < n; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      lineStart = k + 1;
    }
  }
  // A cut inside the last token (a number or a literal, then nothing) is truncation too.
  const rest = stopAt >= 0 ? text.slice(stopAt).trimEnd() : '';
  const midToken =
    /^[\w.+-]+$/.test(rest) &&
    (/[\w.]/.test(text[stopAt - 1] ?? '') || LITERALS.some((w) => w !== rest && w.startsWith(rest)));
  const truncated = stopAt >= n || midToken;
  return { line, column: at - lineStart + 1, message, truncated };
}
