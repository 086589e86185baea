/**
 * The input table of each action, read from its action.yml: the one source of truth for
 * the action inputs, the CLI flags, `--help`, the root action and the README tables. The
 * CLI reads the same tables from `action-specs.ts`, generated from these files by
 * `scripts/action-specs.ts` (a YAML parser and a schema library are a fifth of a cold
 * start), and a test keeps the two equal.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import * as z from '../validation/zod.js';
import { ModelgateError } from '../errors.js';

import type { ActionName, ActionSpec } from './names.js';

export { ACTION_NAMES, type ActionName, type ActionSpec, type InputSpec } from './names.js';

const inputSchema = z.object({
  description: z.string().check(z.minLength(1)),
  required: z.optional(z.boolean()),
  default: z.optional(z.union([z.string(), z.number(), z.boolean()])),
});
const actionSchema = z.object({
  name: z.string().check(z.minLength(1)),
  description: z.string().check(z.minLength(1)),
  branding: z.object({ icon: z.string(), color: z.string() }),
  inputs: z.record(z.string(), inputSchema),
  outputs: z.record(z.string(), z.object({ description: z.string().check(z.minLength(1)) })),
  runs: z.object({ using: z.literal('node24'), main: z.string().check(z.minLength(1)) }),
});

/** An action's table as read from its action.yml, with the file it came from. */
export interface ActionSpecFile extends ActionSpec {
  file: string;
}

/** The repository (or installed package) root: the nearest folder above `from` holding actions/. */
export function findActionsRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(path.join(dir, 'actions', 'healthcheck', 'action.yml'))) return dir;
    const up = path.dirname(dir);
    if (up === dir)
      throw new ModelgateError(
        `cannot find actions/<name>/action.yml above ${from}; is the modelgate checkout complete?`,
      );
    dir = up;
  }
}

/** YAML-core stringification, as the runner does for `default:` values. */
function yamlString(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  return String(value);
}

export function loadActionSpec(name: ActionName, root = findActionsRoot()): ActionSpecFile {
  const file = path.join(root, 'actions', name, 'action.yml');
  const parsed = actionSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ModelgateError(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const a = parsed.data;
  return {
    name,
    title: a.name,
    description: a.description,
    inputs: Object.entries(a.inputs).map(([n, i]) => ({
      name: n,
      description: i.description,
      required: i.required === true,
      default: yamlString(i.default),
    })),
    outputs: Object.entries(a.outputs).map(([n, o]) => ({ name: n, description: o.description })),
    main: a.runs.main,
    file,
  };
}
