/**
 * Loads `modelgate.yml`: YAML syntax errors, schema errors and cross-field errors all become
 * one ConfigError naming the file, line and field, e.g.
 * `modelgate.yml:14 gate.training.horizons.1h.n_oof.min: expected a number, got "ten thousand"`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { describeIssue, dottedPath, fieldsAt, LocatedDocument, type Path } from '../validation/describe.js';
import { configSchema, type Config } from './schema.js';
import { PARSE_ONCE } from '../validation/once.js';

export interface LoadedConfig {
  config: Config;
  /** The path as the user gave it, used in messages and annotations. */
  file: string;
  /** Absolute path. */
  absolute: string;
  /** Line of a field in the file, for later errors about a value that came from it. */
  lineOf(path: Path): number;
}

export async function loadConfig(file: string, cwd = process.cwd()): Promise<LoadedConfig> {
  const absolute = path.resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new ConfigError(
        `${file}: config file not found (looked in ${absolute}); create it (see samples/modelgate.yml) or set the config input`,
        { file },
      );
    if (code === 'EISDIR')
      throw new ConfigError(`${file}: is a directory, expected the modelgate.yml file`, { file });
    throw new ConfigError(`${file}: cannot read config file: ${(error as Error).message}`, { file });
  }
  return parseConfig(text, file, absolute);
}

export function parseConfig(text: string, file: string, absolute = file): LoadedConfig {
  const doc = new LocatedDocument(text);
  const syntax = doc.syntaxErrors[0];
  if (syntax)
    throw new ConfigError(`${file}:${syntax.line} YAML syntax error: ${syntax.message}`, {
      file,
      line: syntax.line,
    });
  if (
    doc.value === null ||
    doc.value === undefined ||
    typeof doc.value !== 'object' ||
    Array.isArray(doc.value)
  ) {
    throw new ConfigError(
      `${file}:1 (top level): expected a mapping with release, gate, deploy and rollback sections`,
      {
        file,
        line: 1,
      },
    );
  }
  const parsed = configSchema.safeParse(doc.value, PARSE_ONCE);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error.issues);
    const where =
      issue.code === 'unrecognized_keys' && issue.keys[0] ? [...issue.path, issue.keys[0]] : issue.path;
    const line = doc.lineOf(where);
    throw new ConfigError(
      `${file}:${line} ${dottedPath(where)}: ${describeIssue(issue, doc.value, fieldsAt(configSchema, issue.path))}`,
      {
        file,
        line,
      },
    );
  }
  const config = parsed.data;
  crossCheck(config, file, (p) => doc.lineOf(p));
  return { config, file, absolute, lineOf: (p) => doc.lineOf(p) };
}

/** Report the issue nearest the top of the file first, so fixing errors goes top-down. */
function firstIssue<T extends { path: PropertyKey[]; code: string }>(issues: T[]): T {
  // A misspelt field also makes its correct name "missing": the spelling is the real cause.
  return issues.find((i) => i.code === 'unrecognized_keys') ?? (issues[0] as T);
}

function crossCheck(config: Config, file: string, lineOf: (p: Path) => number): void {
  const fail = (p: Path, message: string): never => {
    const line = lineOf(p);
    throw new ConfigError(`${file}:${line} ${dottedPath(p)}: ${message}`, { file, line });
  };
  const artifacts = config.release.artifacts;
  const seen = new Map<string, number>();
  artifacts.forEach((a, i) => {
    if (seen.has(a.path))
      fail(
        ['release', 'artifacts', i, 'path'],
        `"${a.path}" is listed twice (also at release.artifacts[${seen.get(a.path)}])`,
      );
    seen.set(a.path, i);
  });
  const stacking = config.release.stacking;
  if (stacking) {
    const listed = (p: string) => seen.has(p);
    if (!listed(stacking.meta))
      fail(
        ['release', 'stacking', 'meta'],
        `"${stacking.meta}" is not in release.artifacts; add it there with kind json`,
      );
    if (!listed(stacking.learner))
      fail(
        ['release', 'stacking', 'learner'],
        `"${stacking.learner}" is not in release.artifacts; add it there with kind pickle`,
      );
    stacking.base.forEach((b, i) => {
      if (!listed(b))
        fail(
          ['release', 'stacking', 'base', i],
          `"${b}" is not in release.artifacts; add it there or remove it from the base list`,
        );
    });
  }
  for (const [name, rules] of Object.entries(config.gate.training.horizons)) {
    for (const [metric, rule] of Object.entries(rules)) {
      if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max)
        fail(
          ['gate', 'training', 'horizons', name, metric],
          `min (${rule.min}) is greater than max (${rule.max})`,
        );
    }
  }
  for (const [name, rule] of Object.entries(config.gate.shadow?.rules ?? {})) {
    if (rule.range && rule.range[0] > rule.range[1])
      fail(
        ['gate', 'shadow', 'rules', name, 'range'],
        `range [${rule.range[0]}, ${rule.range[1]}] has its low end above its high end`,
      );
  }
}
