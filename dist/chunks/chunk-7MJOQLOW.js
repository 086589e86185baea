import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  ModelgateError
} from "./chunk-UAYJCUJE.js";

// src/core/validation/json-text.ts
function parseJsonText(text, file) {
  try {
    return { value: JSON.parse(text), nonStandard: [] };
  } catch {
  }
  try {
    return new JsonScanner(text).parseDocument();
  } catch (error) {
    if (!(error instanceof JsonStop)) throw error;
    const { line, column } = lineColumnAt(text, error.at);
    throw new ModelgateError(`${file}:${line}:${column} not valid JSON: ${error.reason}`, "check", {
      file,
      line,
      column
    });
  }
}
function parseJsonLenient(text) {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!text.includes("NaN") && !text.includes("Infinity")) throw error;
    return JSON.parse(replaceNonStandardNumbers(text));
  }
}
function replaceNonStandardNumbers(text) {
  const parts = [];
  let last = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92) i += 2;
        else {
          i++;
          if (d === 34) break;
        }
      }
    } else if (c === 78 && text.startsWith("NaN", i)) {
      parts.push(text.slice(last, i), "null");
      i += 3;
      last = i;
    } else if (c === 73 && text.startsWith("Infinity", i)) {
      parts.push(text.slice(last, i), "1e999");
      i += 8;
      last = i;
    } else i++;
  }
  if (last === 0) return text;
  parts.push(text.slice(last));
  return parts.join("");
}
var LITERALS = ["true", "false", "null", "NaN", "Infinity", "-Infinity"];
function locateJsonError(text) {
  let stop;
  try {
    new JsonScanner(text).parseDocument();
    return { line: 1, column: 1, message: "the text is not valid JSON", truncated: false };
  } catch (error) {
    if (!(error instanceof JsonStop)) throw error;
    stop = error;
  }
  const { line, column } = lineColumnAt(text, stop.at);
  const rest = text.slice(stop.at).trimEnd();
  const midToken = /^[\w.+-]+$/.test(rest) && (/[\w.]/.test(text[stop.at - 1] ?? "") || LITERALS.some((w) => w !== rest && w.startsWith(rest)));
  return { line, column, message: stop.reason, truncated: stop.at >= text.length || midToken };
}
function lineColumnAt(text, offset) {
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
var JsonStop = class {
  constructor(at, reason) {
    this.at = at;
    this.reason = reason;
  }
  at;
  reason;
};
var NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
var JsonScanner = class {
  constructor(text) {
    this.text = text;
  }
  text;
  pos = 0;
  nonStandard = [];
  /** Lines counted up to `counted`: tokens come in order, so each character is counted once. */
  counted = 0;
  line = 1;
  parseDocument() {
    this.skipSpace();
    if (this.pos >= this.text.length)
      this.fail(this.text.length === 0 ? "the file is empty" : "no value in the file");
    let value;
    try {
      value = this.parseValue();
    } catch (error) {
      if (error instanceof RangeError) this.fail("nesting too deep");
      throw error;
    }
    this.skipSpace();
    if (this.pos < this.text.length)
      this.fail(`unexpected ${this.describeHere()} after the end of the document`);
    return { value, nonStandard: this.nonStandard };
  }
  fail(reason, at = this.pos) {
    throw new JsonStop(at, reason);
  }
  describeHere() {
    if (this.pos >= this.text.length) return "end of file";
    return JSON.stringify(this.text.slice(this.pos, this.pos + 1));
  }
  skipSpace() {
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else break;
    }
  }
  parseValue() {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === "{") return this.parseObject();
    if (c === "[") return this.parseArray();
    if (c === '"') return this.parseString();
    if (c === "t") return this.literal("true", true);
    if (c === "f") return this.literal("false", false);
    if (c === "n") return this.literal("null", null);
    if (c === "N") return this.nonStandardLiteral("NaN", Number.NaN);
    if (c === "I") return this.nonStandardLiteral("Infinity", Number.POSITIVE_INFINITY);
    if (c === "-" && this.text.startsWith("-Infinity", this.pos))
      return this.nonStandardLiteral("-Infinity", Number.NEGATIVE_INFINITY);
    if (c === "-" || c !== void 0 && c >= "0" && c <= "9") return this.parseNumber();
    if (c === void 0) this.fail("unexpected end of file: a value is missing");
    this.fail(`unexpected ${this.describeHere()}: expected a value`);
  }
  literal(word, value) {
    if (!this.text.startsWith(word, this.pos))
      this.fail(`unexpected ${this.describeHere()}: expected a value`);
    this.pos += word.length;
    return value;
  }
  nonStandardLiteral(word, value) {
    for (; this.counted < this.pos; this.counted++)
      if (this.text.charCodeAt(this.counted) === 10) this.line++;
    this.literal(word, value);
    this.nonStandard.push({ token: word, line: this.line });
    return value;
  }
  parseNumber() {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match)
      this.fail(`malformed number starting ${JSON.stringify(this.text.slice(this.pos, this.pos + 12))}`);
    this.pos += match[0].length;
    return Number(match[0]);
  }
  parseString() {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 34) {
        this.pos++;
        try {
          return JSON.parse(this.text.slice(start, this.pos));
        } catch {
          this.fail("invalid escape sequence or control character in a string", start);
        }
      }
      if (c === 92) this.pos += 2;
      else if (c < 32) this.fail("unescaped control character (a line break?) inside a string");
      else this.pos++;
    }
    this.fail("string not closed before the end of the file", start);
  }
  parseArray() {
    const out = [];
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return out;
    }
    for (; ; ) {
      out.push(this.parseValue());
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ",") {
        this.pos++;
        this.skipSpace();
        if (this.text[this.pos] === "]") this.fail('trailing comma before "]"');
        continue;
      }
      if (c === "]") {
        this.pos++;
        return out;
      }
      this.fail(`expected "," or "]" after an array item, got ${this.describeHere()}`);
    }
  }
  parseObject() {
    const out = {};
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return out;
    }
    for (; ; ) {
      this.skipSpace();
      if (this.text[this.pos] !== '"')
        this.fail(`expected a property name in double quotes, got ${this.describeHere()}`);
      const key = this.parseString();
      this.skipSpace();
      if (this.text[this.pos] !== ":")
        this.fail(`expected ":" after the property name ${JSON.stringify(key)}, got ${this.describeHere()}`);
      this.pos++;
      Object.defineProperty(out, key, {
        value: this.parseValue(),
        enumerable: true,
        writable: true,
        configurable: true
      });
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ",") {
        this.pos++;
        this.skipSpace();
        if (this.text[this.pos] === "}") this.fail('trailing comma before "}"');
        continue;
      }
      if (c === "}") {
        this.pos++;
        return out;
      }
      this.fail(`expected "," or "}" after the value of ${JSON.stringify(key)}, got ${this.describeHere()}`);
    }
  }
};

export {
  parseJsonText,
  parseJsonLenient,
  locateJsonError
};
