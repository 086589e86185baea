/**
 * One trade-log line (design.md, "The trade log") into the few facts the shadow gate counts.
 *
 * The service writes one JSON object a line, one line a bar. Field paths are configurable
 * (`gate.shadow.fields`), so the zod schema that validates a line is built from the paths in
 * use: it checks only those fields and lets every other field through (a service adding
 * fields must not break the gate). A line that is not a JSON object is `corrupt`; a JSON
 * object without a usable timestamp, or with a gate field of the wrong type, is `invalid`.
 * Neither is fatal: the caller counts them and reports the reasons.
 *
 * What counts:
 * - `bull_prob`: a finite number is an ML-covered bar; absent or null is a bar without ML.
 * - `stacking_active`, `lstm_ok`, `tft_ok`: `true` counts, anything else (false, null, absent) does not.
 * - `errors`: a list. A plain string entry is a severe error (the service logs exception
 *   text that way); an object is severe unless its `level` or `severity` says it is less
 *   than an error (debug, info, notice, warn, warning); any other entry is severe.
 * - `ts`: an ISO-8601 time, or a unix time in seconds (or milliseconds above 1e12).
 */
import * as z from '../validation/zod.js';
import { ConfigError } from '../errors.js';
import { describeIssue, dottedPath } from '../validation/describe.js';

export const FIELD_NAMES = ['ts', 'bull_prob', 'stacking_active', 'lstm_ok', 'tft_ok', 'errors'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];
export type FieldPaths = Record<FieldName, string>;

export const DEFAULT_FIELDS: Readonly<FieldPaths> = {
  ts: 'ts',
  bull_prob: 'ml.bull_prob',
  stacking_active: 'ml.stacking.active',
  lstm_ok: 'ml.lstm.ok',
  tft_ok: 'ml.tft.ok',
  errors: 'ml.errors',
};

export interface TradeRecord {
  /** Milliseconds since the epoch. */
  ts: number;
  bullProb: number | undefined;
  stackingActive: boolean;
  lstmOk: boolean;
  tftOk: boolean;
  errors: number;
  severeErrors: number;
}

export type ParsedLine =
  { ok: true; record: TradeRecord } | { ok: false; kind: 'corrupt' | 'invalid'; reason: string };

const PATH_PATTERN = /^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/;

/**
 * Merges `gate.shadow.fields` over the defaults. A misspelt field name or a malformed path
 * would silently measure nothing, so both are configuration errors.
 */
export function resolveFieldPaths(
  overrides: Record<string, string> = {},
  configFile = 'modelgate.yml',
): FieldPaths {
  const fields: FieldPaths = { ...DEFAULT_FIELDS };
  for (const [name, value] of Object.entries(overrides)) {
    if (!(FIELD_NAMES as readonly string[]).includes(name)) {
      throw new ConfigError(
        `${configFile}: gate.shadow.fields.${name} is not a trade-log field: use one of ${FIELD_NAMES.join(', ')}`,
        { file: configFile },
      );
    }
    if (!PATH_PATTERN.test(value)) {
      throw new ConfigError(
        `${configFile}: gate.shadow.fields.${name} is ${JSON.stringify(value)}: expected a dotted path such as "ml.bull_prob"`,
        { file: configFile },
      );
    }
    fields[name as FieldName] = value;
  }
  return fields;
}

const tsSchema = z.union([z.string(), z.number()], { error: 'expected an ISO-8601 time or unix seconds' });
const bullProbSchema = z.nullish(z.number());
const flagSchema = z.nullish(z.boolean());
const errorsSchema = z.nullish(z.array(z.unknown()));

const FIELD_SCHEMAS: Record<FieldName, z.ZodMiniType> = {
  ts: tsSchema,
  bull_prob: bullProbSchema,
  stacking_active: flagSchema,
  lstm_ok: flagSchema,
  tft_ok: flagSchema,
  errors: errorsSchema,
};

type Tree = Map<string, Tree | z.ZodMiniType>;

/**
 * The zod schema of a record for these field paths: nested loose objects down to each field.
 * Parents of optional fields are optional (a bar without `ml` is a bar without ML); only the
 * timestamp is required.
 */
export function tradeRecordSchema(fields: FieldPaths, configFile = 'modelgate.yml'): z.ZodMiniType {
  const root: Tree = new Map();
  for (const name of FIELD_NAMES) {
    const keys = fields[name].split('.');
    let node = root;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) {
        if (node.has(key))
          throw new ConfigError(
            `${configFile}: gate.shadow.fields: two fields share the path ${fields[name]}; give each its own`,
            { file: configFile },
          );
        node.set(key, FIELD_SCHEMAS[name]);
        return;
      }
      let child = node.get(key);
      if (child === undefined) {
        child = new Map();
        node.set(key, child);
      }
      if (!(child instanceof Map))
        throw new ConfigError(
          `${configFile}: gate.shadow.fields: ${fields[name]} runs through another field; give each its own path`,
          { file: configFile },
        );
      node = child;
    });
  }
  const tsKeys = fields.ts.split('.');
  const build = (tree: Tree, depth: number, onTsPath: boolean): z.ZodMiniType => {
    const shape: Record<string, z.ZodMiniType> = {};
    for (const [key, child] of tree) {
      const required = onTsPath && tsKeys[depth] === key;
      shape[key] = child instanceof Map ? build(child, depth + 1, required) : child;
      if (!required && child instanceof Map) shape[key] = z.nullish(shape[key] as z.ZodMiniType);
    }
    return z.looseObject(shape);
  };
  return build(root, 0, true);
}

function getter(path: string): (value: unknown) => unknown {
  const keys = path.split('.');
  return (value) => {
    let cur = value;
    for (const key of keys) {
      if (cur === null || typeof cur !== 'object') return undefined;
      cur = (cur as Record<string, unknown>)[key];
    }
    return cur;
  };
}

const LESS_THAN_ERROR = new Set(['debug', 'info', 'notice', 'warn', 'warning']);

/** Whether one `errors` entry is severe (see the module comment). */
export function isSevereError(entry: unknown): boolean {
  if (typeof entry === 'string') return true;
  if (entry !== null && typeof entry === 'object' && !Array.isArray(entry)) {
    const e = entry as Record<string, unknown>;
    const level =
      typeof e.level === 'string' ? e.level : typeof e.severity === 'string' ? e.severity : undefined;
    return level === undefined || !LESS_THAN_ERROR.has(level.toLowerCase());
  }
  return true;
}

/** Milliseconds since the epoch, or undefined when the value is no time. */
export function timestampMs(value: string | number): number | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined;
    return value > 1e12 ? value : value * 1000;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** A parser for lines of one log format: JSON, then the schema, then the facts. */
export function createLineParser(
  fields: FieldPaths,
  configFile = 'modelgate.yml',
): (line: string) => ParsedLine {
  const schema = tradeRecordSchema(fields, configFile);
  const get = {
    ts: getter(fields.ts),
    bull_prob: getter(fields.bull_prob),
    stacking_active: getter(fields.stacking_active),
    lstm_ok: getter(fields.lstm_ok),
    tft_ok: getter(fields.tft_ok),
    errors: getter(fields.errors),
  };
  return (line) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      return { ok: false, kind: 'corrupt', reason: `not JSON (${(error as Error).message})` };
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { ok: false, kind: 'corrupt', reason: `not a JSON object` };
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      if (get.ts(value) === undefined)
        return { ok: false, kind: 'invalid', reason: `${fields.ts} is missing: every bar needs a timestamp` };
      const issue = parsed.error.issues[0];
      const reason = issue
        ? `${dottedPath(issue.path)}: ${describeIssue(issue, value)}`
        : 'does not match the trade-log schema';
      return { ok: false, kind: 'invalid', reason };
    }
    const rawTs = get.ts(value) as string | number;
    const ts = timestampMs(rawTs);
    if (ts === undefined) {
      return {
        ok: false,
        kind: 'invalid',
        reason: `${fields.ts} is ${JSON.stringify(rawTs)}: expected an ISO-8601 time or unix seconds`,
      };
    }
    const p = get.bull_prob(value) as number | null | undefined;
    if (typeof p === 'number' && !Number.isFinite(p)) {
      return { ok: false, kind: 'invalid', reason: `${fields.bull_prob} is not a finite number` };
    }
    const errors = (get.errors(value) as unknown[] | null | undefined) ?? [];
    let severe = 0;
    for (const entry of errors) if (isSevereError(entry)) severe++;
    return {
      ok: true,
      record: {
        ts,
        bullProb: typeof p === 'number' ? p : undefined,
        stackingActive: get.stacking_active(value) === true,
        lstmOk: get.lstm_ok(value) === true,
        tftOk: get.tft_ok(value) === true,
        errors: errors.length,
        severeErrors: severe,
      },
    };
  };
}
