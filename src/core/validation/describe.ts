/**
 * Turns schema issues into sentences a person can act on: the file, the line, the dotted
 * field path, what was expected and what was found. One schema library (zod) validates every
 * external input; this is the single place its issues become words.
 */
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document as YamlDocument,
  type Node as YamlNode,
} from 'yaml';
import { readPlainYaml } from './plain-yaml.js';
import type { core as zcore } from './zod.js';

import { describeValue, type Path } from './value-text.js';
import { closest } from './closest.js';

export { describeValue, dottedPath, type Path } from './value-text.js';

export function valueAt(root: unknown, path: Path): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key as string];
  }
  return cur;
}

/** How a message names the type zod expected: `a number`, `a whole number`, `true or false`. */
export function expectedName(expected: string): string {
  switch (expected) {
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'string':
      return 'a string';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'a mapping';
    case 'array':
      return 'a list';
    default:
      return expected;
  }
}

/** The human part of one issue, without location: `expected a number, got "ten thousand"`. */
export function describeIssue(issue: zcore.$ZodIssue, root: unknown, allowed?: readonly string[]): string {
  const found = valueAt(root, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (found === undefined) return `is required: expected ${expectedName(issue.expected)}`;
      return `expected ${expectedName(issue.expected)}, got ${describeValue(found)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(found)}`;
    case 'unrecognized_keys': {
      const names = issue.keys.map((k) => `"${k}"`).join(', ');
      const known = allowed ?? [];
      const guess = issue.keys.length === 1 ? closest(issue.keys[0]!, known) : undefined;
      if (guess) return `unknown field ${names}: did you mean "${guess}"?`;
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${names}${known.length ? `; expected one of ${known.join(', ')}` : ''}`;
    }
    case 'too_small':
      if (issue.origin === 'array')
        return `expected at least ${String(issue.minimum)} item(s), got ${describeValue(found)}`;
      if (issue.origin === 'string') return `must not be empty`;
      return `expected ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}, got ${describeValue(found)}`;
    case 'too_big':
      if (issue.origin === 'array')
        return `expected at most ${String(issue.maximum)} item(s), got ${describeValue(found)}`;
      return `expected ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}, got ${describeValue(found)}`;
    case 'invalid_format':
      return `${issue.message}, got ${describeValue(found)}`;
    case 'invalid_key': {
      const key = issue.path[issue.path.length - 1];
      const inner = issue.issues[0]?.message;
      return `${inner && !inner.startsWith('Invalid') ? inner : 'invalid name'}, got ${JSON.stringify(String(key))}`;
    }
    case 'invalid_union':
      return `${issue.message === 'Invalid input' ? 'does not match any allowed form' : issue.message}, got ${describeValue(found)}`;
    default:
      return `${issue.message}${found !== undefined ? `, got ${describeValue(found)}` : ''}`;
  }
}

/** Unwraps optional/default/nullable wrappers and walks object shapes to list the fields at `path`. */
export function fieldsAt(schema: unknown, path: Path): string[] {
  let cur: unknown = schema;
  const unwrap = () => {
    for (let i = 0; i < 10; i++) {
      const def = (cur as { _zod?: { def?: { innerType?: unknown; type?: string } } })?._zod?.def;
      if (
        def?.innerType &&
        (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'catch')
      )
        cur = def.innerType;
      else break;
    }
  };
  unwrap();
  for (const key of path) {
    const def = (
      cur as {
        _zod?: {
          def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; valueType?: unknown };
        };
      }
    )?._zod?.def;
    if (def?.type === 'object' && def.shape) cur = def.shape[String(key)];
    else if (def?.type === 'array') cur = def.element;
    else if (def?.type === 'record') cur = def.valueType;
    else return [];
    unwrap();
  }
  const def = (cur as { _zod?: { def?: { type?: string; shape?: Record<string, unknown> } } })?._zod?.def;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/**
 * A parsed YAML or JSON document that can tell the line of any path in it. Text in the quick
 * reader's subset (validation/plain-yaml.ts) is read by js-yaml; the `yaml` library parses
 * anything else, and any text whose lines are asked for.
 */
export class LocatedDocument {
  private read: { value: unknown; quick: boolean } | undefined;
  private parsed: { doc: YamlDocument; lines: LineCounter } | undefined;

  constructor(readonly text: string) {}

  /** The document's value; undefined when it has syntax errors. */
  get value(): unknown {
    return this.reading.value;
  }

  private get reading(): { value: unknown; quick: boolean } {
    if (!this.read) {
      const plain = readPlainYaml(this.text);
      if (plain) {
        // An empty document is null in `yaml`, undefined in js-yaml.
        this.read = { value: plain.value ?? null, quick: true };
      } else {
        const { doc } = this.yaml;
        this.read = {
          value: doc.errors.length === 0 ? doc.toJS({ maxAliasCount: 100 }) : undefined,
          quick: false,
        };
      }
    }
    return this.read;
  }

  private get yaml(): { doc: YamlDocument; lines: LineCounter } {
    if (!this.parsed) {
      const lines = new LineCounter();
      const doc = parseDocument(this.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
      this.parsed = { doc, lines };
    }
    return this.parsed;
  }

  get syntaxErrors(): { line: number; message: string }[] {
    // The quick reader answers only for text that `yaml` parses without errors.
    if (this.reading.quick) return [];
    const { doc, lines } = this.yaml;
    return doc.errors.map((e) => ({
      line: lines.linePos(e.pos[0]).line,
      message: e.message.split('\n')[0] ?? e.message,
    }));
  }

  /** Line of the deepest node on `path` that exists (1-based), or 1. */
  lineOf(path: Path): number {
    const { doc, lines } = this.yaml;
    let node: unknown = doc.contents;
    let offset: number | undefined = rangeStart(node);
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(key),
        );
        if (!pair) break;
        offset = rangeStart(pair.key) ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key];
        if (item === undefined) break;
        offset = rangeStart(item) ?? offset;
        node = item;
      } else break;
    }
    return offset === undefined ? 1 : lines.linePos(offset).line;
  }
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as YamlNode | null | undefined)?.range;
  return range ? range[0] : undefined;
}
