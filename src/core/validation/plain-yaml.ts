/**
 * A quick reader for the plain YAML a config file is: the `yaml` library's first parse in a
 * fresh process costs 20-30 ms of cold code (most of it compiling the library), js-yaml's about 5,
 * and a healthcheck reads its config on the main thread before any check can start.
 *
 * The `yaml` library stays the reference: it gives syntax errors and the line of any field.
 * This reader answers only for text in a narrow subset, checked line by line before js-yaml
 * reads it, where the two libraries read the same: block mappings and sequences whose keys are
 * plain names; single-line values (plain, quoted with the common escapes, or a flow collection
 * of such values on one line); literal and folded block scalars without indicators; comments
 * that start a line or follow a blank. Scalars resolve by YAML 1.2's core schema with the `yaml`
 * library's own patterns and number parsing (below). Anything else (anchors, tags, multi-line
 * plain or quoted scalars, document markers, tabs, carriage returns, a byte order mark, ...)
 * makes it decline, and the caller parses with `yaml`. An allow-list rather than a list of what
 * to decline: a review found sixteen kinds of text where two parsers of the full language
 * differ, and a subset leaves them all out at once. test/config/plain-yaml.test.ts compares the
 * two readers on edge cases, the review's cases, every YAML file here and random edits.
 */
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';

function yamlInt(source: string): number | undefined {
  if (/^0o[0-7]+$/.test(source)) return parseInt(source.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(source)) return parseInt(source, 10);
  if (/^0x[0-9a-fA-F]+$/.test(source)) return parseInt(source.substring(2), 16);
  return undefined;
}

function yamlFloat(source: string): number | undefined {
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source))
    return source.slice(-3).toLowerCase() === 'nan'
      ? NaN
      : source.startsWith('-')
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source)) return parseFloat(source);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source)) return parseFloat(source);
  return undefined;
}

/** YAML 1.2's core schema as the `yaml` library resolves plain scalars. */
const CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type('tag:yaml.org,2002:null', {
      kind: 'scalar',
      resolve: (data: string | null) => data === null || /^(?:~|[Nn]ull|NULL)?$/.test(data),
      construct: () => null,
    }),
    new Type('tag:yaml.org,2002:bool', {
      kind: 'scalar',
      resolve: (data: string | null) => data !== null && /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(data),
      construct: (data: string) => data[0] === 't' || data[0] === 'T',
    }),
    new Type('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (data: string | null) => data !== null && yamlInt(data) !== undefined,
      construct: (data: string) => yamlInt(data),
    }),
    new Type('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (data: string | null) => data !== null && yamlFloat(data) !== undefined,
      construct: (data: string) => yamlFloat(data),
    }),
  ],
});

/**
 * Characters outside the subset anywhere in the text: control characters but the line feed
 * (tabs and carriage returns included), NEL, the Unicode line and paragraph separators, a byte
 * order mark, and spaces other than U+0020.
 */
const FOREIGN =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0009\u000b-\u001f\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** A key: a plain name, and not one the two libraries spell differently as a key (null). */
const KEY = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;
const NULL_KEY = /^(?:null|Null|NULL)$/;

/** What may not start a plain scalar (indicators), or follow `-` for it to be one. */
const INDICATOR = /[-?:,[\]{}#&*!|>'"%@`]/;

/** A double-quoted scalar's escapes that both libraries read alike. */
const DOUBLE_QUOTED = /^"(?:[^"\\]|\\["\\/bfnrt0]|\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4})*"/;
const SINGLE_QUOTED = /^'(?:[^']|'')*'/;

/** A block scalar's header: literal or folded, clipped or stripped; no indicator digits or keep. */
const BLOCK_HEADER = /^[|>]-?$/;

/** Where a plain scalar in block context ends: before ` #` or the end; undefined if not one. */
function blockPlainEnd(s: string, i: number): number | undefined {
  if (!plainStart(s, i)) return undefined;
  const comment = s.indexOf(' #', i);
  const end = comment < 0 ? s.length : comment;
  const text = s.slice(i, end).trimEnd();
  // `a: b: c` is an error, `a:` ending the value a key; both are left to yaml.
  if (text.includes(': ') || text.endsWith(':')) return undefined;
  return i + text.length;
}

function plainStart(s: string, i: number): boolean {
  const c = s[i];
  if (c === undefined || c === ' ') return false;
  if (!INDICATOR.test(c)) return true;
  // `-0.5`, `-u`: a dash followed by anything but a space starts a plain scalar.
  return c === '-' && s[i + 1] !== undefined && s[i + 1] !== ' ';
}

function skipSpaces(s: string, i: number): number {
  while (s[i] === ' ') i++;
  return i;
}

/**
 * A flow collection on one line, from `s[i]` (`[` or `{`): items are quoted scalars, nested
 * collections or plain scalars without `:` or `#`; a map's keys are plain names followed by
 * `: ` and a value. Returns the index after the closing bracket, or undefined.
 */
function flowEnd(s: string, i: number, depth = 0): number | undefined {
  if (depth > 16) return undefined;
  const open = s[i];
  const close = open === '[' ? ']' : '}';
  i = skipSpaces(s, i + 1);
  if (s[i] === close) return i + 1;
  for (;;) {
    if (open === '{') {
      const colon = s.indexOf(':', i);
      if (colon < 0) return undefined;
      const key = s.slice(i, colon);
      if (!KEY.test(key) || NULL_KEY.test(key) || s[colon + 1] !== ' ') return undefined;
      i = skipSpaces(s, colon + 1);
    }
    const end = flowValueEnd(s, i, depth);
    if (end === undefined) return undefined;
    i = skipSpaces(s, end);
    if (s[i] === close) return i + 1;
    if (s[i] !== ',') return undefined;
    i = skipSpaces(s, i + 1);
    // No empty entries, no trailing comma.
    if (s[i] === ',' || s[i] === close) return undefined;
  }
}

/** Where a quoted scalar starting at `s[i]` ends (after its closing quote); undefined if it does not. */
function quotedEnd(s: string, i: number): number | undefined {
  const m = (s[i] === '"' ? DOUBLE_QUOTED : SINGLE_QUOTED).exec(s.slice(i));
  return m ? i + m[0].length : undefined;
}

function flowValueEnd(s: string, i: number, depth: number): number | undefined {
  const c = s[i];
  if (c === '"' || c === "'") return quotedEnd(s, i);
  if (c === '[' || c === '{') return flowEnd(s, i, depth + 1);
  if (!plainStart(s, i)) return undefined;
  let j = i;
  while (j < s.length && !/[,\]}]/.test(s[j]!)) {
    if (s[j] === ':' || s[j] === '#' || s[j] === '[' || s[j] === '{') return undefined;
    j++;
  }
  return j;
}

/** Whether `s` from `i` is one value on one line, then spaces and perhaps a ` #` comment. */
function valueThenComment(s: string, i: number): boolean {
  const c = s[i];
  let end: number | undefined;
  if (c === '"' || c === "'") end = quotedEnd(s, i);
  else if (c === '[' || c === '{') end = flowEnd(s, i);
  else end = blockPlainEnd(s, i);
  if (end === undefined) return false;
  const rest = s.slice(end);
  return /^(?: +#(?: .*)?| *)$/.test(rest);
}

/** Whether the whole text is in the subset described at the top of this file. */
function inSubset(text: string): boolean {
  if (FOREIGN.test(text)) return false;
  /** A block scalar being read: the column of its key, and of its first content line once seen. */
  let block: { parent: number; content?: number } | undefined;
  /** The column a following line may not go past: set after a line that ends with a value. */
  let limit = Infinity;
  for (const line of text.split('\n')) {
    if (block) {
      if (line === '') continue;
      const indent = line.length - line.trimStart().length;
      if (indent === line.length) return false;
      if (indent > block.parent) {
        if (block.content === undefined) {
          if (line[indent] === '#') return false;
          block.content = indent;
        } else if (indent < block.content) return false;
        continue;
      }
      block = undefined;
      limit = Infinity;
    }
    if (/^ *$/.test(line) || /^ *#(?: .*)?$/.test(line)) continue;
    // yaml refuses implicit keys over 1024 characters; no config line needs to be that long.
    if (line.length > 1024) return false;
    const m = /^( *)((?:- +)*)(.*)$/.exec(line)!;
    const column = m[1]!.length + m[2]!.length;
    const rest = m[3]!;
    // A line deeper than the entry before it continues a multi-line scalar (or is an error).
    if (m[1]!.length > limit) return false;
    if (rest === '') return false;
    const colon = rest.indexOf(':');
    const key = colon < 0 ? '' : rest.slice(0, colon);
    if (KEY.test(key) && (rest.length === colon + 1 || rest[colon + 1] === ' ')) {
      if (NULL_KEY.test(key)) return false;
      const at = skipSpaces(rest, colon + 1);
      if (at === colon + 1 || /^#(?: .*)?$/.test(rest.slice(at))) {
        // `key:` (perhaps with a comment) opens a nested block, or is null; its lines may go deeper.
        limit = Infinity;
        continue;
      }
      if (BLOCK_HEADER.test(rest.slice(at))) {
        block = { parent: column };
        continue;
      }
      if (!valueThenComment(rest, at)) return false;
      limit = column;
      continue;
    }
    // A sequence entry's value, or nothing else: a bare line is a scalar spanning lines.
    if (m[2] === '' || !valueThenComment(rest, 0)) return false;
    limit = m[1]!.length + m[2]!.lastIndexOf('-');
  }
  return true;
}

/** The value of `text` as `yaml` would give it, or undefined when this reader declines. */
export function readPlainYaml(text: string): { value: unknown } | undefined {
  if (!inSubset(text)) return undefined;
  try {
    return { value: load(text, { schema: CORE }) };
  } catch {
    // Whatever js-yaml rejects, `yaml` reports with its own message and line.
    return undefined;
  }
}
