/**
 * A quick reader for the plain YAML a config file is: the `yaml` library's first parse in a
 * fresh process costs 20-30 ms of cold code (most of it compiling the library), js-yaml's about 5,
 * and a healthcheck reads its config on the main thread before any check can start.
 *
 * The `yaml` library stays the reference: it gives syntax errors and the line of any field.
 * This reader only answers when it is sure to give the value `yaml` would: the same YAML 1.2
 * core schema (its very patterns and number parsing below), and none of the constructs where
 * the two libraries could differ (anchors and aliases, tags, directives, explicit and null
 * keys, merge keys, `__proto__`); otherwise, or on any error, it declines and the caller
 * parses with `yaml` as before. A test compares the two on every config in the tests and on
 * edge cases.
 */
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';

/** What this reader declines, found by a scan of the text (over-matching only costs speed). */
const DECLINE = [
  // An anchor (&a), alias (*a) or tag (!t, !!t) starts a node: after a line start, space or flow indicator.
  /(?:^|[\s[\]{},])[&*!]/m,
  // Directives (%YAML, %TAG) and explicit keys (`? key`).
  /^\s*(?:%|\?(?:\s|$))/m,
  // A key spelt as null (`~:`, `null:`, `: v`), which `yaml` turns into "" and js-yaml into "null".
  /(?:^|[\s[{,-])(?:~|null|Null|NULL)?:(?:\s|$)/m,
  // Keys that are not plain names in one of the two libraries.
  /<<|__proto__/,
];

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
 * Whether every quoted scalar and flow collection (`"..."`, `[...]`, `{...}`) ends on the line
 * it starts on, and no flow collection is a key. js-yaml is lenient where `yaml` is strict
 * about the indentation of a quoted scalar's or flow collection's further lines, and the two
 * spell a collection used as a key differently. The scan over-matches (a quote it takes for the
 * start of a scalar makes it decline at worst), and never mistakes a line that continues for one
 * that ends.
 */
function flowEndsOnEachLine(text: string): boolean {
  for (const line of text.split('\n')) {
    const open: string[] = [];
    // Whether a flow map's entry starts here (after `{` or `,`): a collection there is a key.
    let entryStart = false;
    // Whether a node may start here: at the line's start, after `- `, `: `, and inside flow after `[`, `{`, `,`, `:`.
    let nodeStart = true;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      const next = line[i + 1];
      const spaceNext = next === undefined || next === ' ' || next === '\t' || next === '\r';
      if (c === ' ' || c === '\t' || c === '\r') continue;
      if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
      const atEntry = entryStart;
      entryStart = false;
      if (nodeStart && (c === '"' || c === "'")) {
        let j = i + 1;
        for (; ; j++) {
          if (j >= line.length) return false;
          if (c === '"' && line[j] === '\\') j++;
          else if (line[j] === c) {
            if (c === "'" && line[j + 1] === "'") j++;
            else break;
          }
        }
        i = j;
        nodeStart = false;
      } else if ((c === '[' || c === '{') && (nodeStart || open.length > 0)) {
        if (atEntry && open.at(-1) === '{') return false;
        open.push(c);
        nodeStart = true;
        entryStart = c === '{';
      } else if ((c === ']' || c === '}') && open.length > 0) {
        open.pop();
        nodeStart = false;
        if (/^\s*:/.test(line.slice(i + 1))) return false;
      } else if (c === ',' && open.length > 0) {
        nodeStart = true;
        entryStart = open.at(-1) === '{';
      } else if (c === ':' && (open.length > 0 || spaceNext)) nodeStart = true;
      else if (c === '-' && nodeStart && spaceNext) nodeStart = true;
      else nodeStart = false;
    }
    if (open.length > 0) return false;
  }
  return true;
}

/** The value of `text` as `yaml` would give it, or undefined when this reader declines. */
export function readPlainYaml(text: string): { value: unknown } | undefined {
  if (DECLINE.some((pattern) => pattern.test(text)) || !flowEndsOnEachLine(text)) return undefined;
  try {
    return { value: load(text, { schema: CORE }) };
  } catch {
    // Whatever js-yaml rejects, `yaml` reports with its own message and line.
    return undefined;
  }
}
