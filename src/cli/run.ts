/**
 * `modelgate <command> --<input> <value>`: the same commands as the actions, with the inputs
 * of each action.yml as flags. Logs go to stderr, the outputs as one JSON object to stdout.
 * Exit codes: 0 passed, 1 a check failed, 2 a bad config or input, 3 inconclusive.
 */
import os from 'node:os';
import { beginEarly } from '../commands/early.js';
import { failureOutputs } from '../commands/failure-outputs.js';
import { commands } from '../commands/index.js';
import type { CommandContext } from '../commands/types.js';
import { errorMessage, exitCodeFor, InputError } from '../core/errors.js';
import { mapSource } from '../core/inputs/source.js';
import { closest } from '../core/validation/closest.js';
import { ACTION_SPECS } from '../core/inputs/action-specs.js';
import { ACTION_NAMES, isActionName, type ActionSpec } from '../core/inputs/names.js';

const USAGE_EXIT = 2;

function wrap(text: string, width: number, indent: string): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + w.length + 1 > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join(`\n${indent}`);
}

export function generalHelp(): string {
  const rows = ACTION_NAMES.map((n) => `  ${n.padEnd(12)} ${ACTION_SPECS[n].description}`);
  return [
    'usage: modelgate <command> [--<input> <value> ...]',
    '',
    'commands:',
    ...rows,
    '',
    "Run `modelgate <command> --help` for its inputs (the same as the action's inputs).",
    'Outputs are printed as JSON on stdout; logs go to stderr.',
    'Exit codes: 0 passed, 1 a check failed, 2 bad config or input, 3 inconclusive (gate).',
  ].join('\n');
}

export function commandHelp(spec: ActionSpec): string {
  const width = Math.max(...spec.inputs.map((i) => i.name.length)) + 4;
  const lines = spec.inputs.map((i) => {
    const flag = `  --${i.name}`.padEnd(width + 2);
    const extra = i.required
      ? ' (required)'
      : i.default && !i.default.includes('${{')
        ? ` (default: ${i.default})`
        : '';
    return `${flag} ${wrap(i.description + extra, 72, ' '.repeat(width + 3))}`;
  });
  const outputs = spec.outputs.map(
    (o) => `  ${o.name.padEnd(width)} ${wrap(o.description, 72, ' '.repeat(width + 3))}`,
  );
  return [
    `usage: modelgate ${spec.name} [--<input> <value> ...]`,
    '',
    spec.description,
    '',
    'inputs:',
    ...lines,
    '',
    'outputs (JSON on stdout):',
    ...outputs,
  ].join('\n');
}

/** Parses `--name value`, `--name=value` and a bare boolean `--dry-run`. */
export function parseFlags(spec: ActionSpec, argv: string[]): Record<string, string> {
  const known = new Map(spec.inputs.map((i) => [i.name, i]));
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--'))
      throw new InputError(
        `unexpected argument ${JSON.stringify(arg)}: inputs are given as --<input> <value>`,
      );
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const input = known.get(name);
    if (!input) {
      const near = closest(name, [...known.keys()]);
      throw new InputError(
        `unknown input --${name} for ${spec.name}${near ? ` (did you mean --${near}?)` : ''}; valid inputs: ${spec.inputs.map((x) => `--${x.name}`).join(', ')}`,
        name,
      );
    }
    if (values[name] !== undefined) throw new InputError(`--${name} is given twice; give it once`, name);
    let value: string;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      const isBoolean = input.default === 'true' || input.default === 'false';
      if (isBoolean && (next === undefined || next.startsWith('--'))) value = 'true';
      else if (next === undefined) throw new InputError(`--${name} needs a value`, name);
      else {
        value = next;
        i++;
      }
    }
    values[name] = value;
  }
  for (const input of spec.inputs) {
    if (values[input.name] === undefined) {
      // Expression defaults (`${{ github.token }}`) only exist inside Actions.
      values[input.name] = input.default.includes('${{') ? '' : input.default;
    }
  }
  if (values['github-token'] === '' && process.env.GITHUB_TOKEN)
    values['github-token'] = process.env.GITHUB_TOKEN;
  return values;
}

/**
 * Secret inputs not given as flags are read from MODELGATE_PRIVATE_KEY, MODELGATE_PASSPHRASE
 * and MODELGATE_GITHUB_TOKEN: a flag's value is visible to every user of the machine in `ps`.
 */
const SECRET_INPUTS = ['private-key', 'passphrase', 'github-token'];

function secretEnvName(input: string): string {
  return `MODELGATE_${input.toUpperCase().replace(/-/g, '_')}`;
}

function secretsFromEnvironment(spec: ActionSpec, values: Record<string, string>): Record<string, string> {
  const out = { ...values };
  for (const input of SECRET_INPUTS) {
    const fromEnv = process.env[secretEnvName(input)];
    if (!out[input] && fromEnv && spec.inputs.some((i) => i.name === input)) out[input] = fromEnv;
  }
  return out;
}

function cliContext(values: Record<string, string>): CommandContext {
  const secrets: string[] = [];
  const mask = (line: string) =>
    secrets.reduce((s, secret) => (secret ? s.split(secret).join('***') : s), line);
  const err = (line: string) => process.stderr.write(`${mask(line)}\n`);
  return {
    inputs: mapSource(values),
    workspace: process.cwd(),
    tempDir: os.tmpdir(),
    env: process.env,
    inActions: false,
    log: {
      info: err,
      debug: (line) => {
        if (process.env.MODELGATE_DEBUG === '1') err(`debug: ${line}`);
      },
      warning: (m) => err(`warning: ${m}`),
      notice: (m) => err(`notice: ${m}`),
      group: async (title, fn) => {
        err(`▸ ${title}`);
        return fn();
      },
    },
    secret: (v) => {
      if (v) secrets.push(v);
    },
  };
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? process.stdout : process.stderr).write(`${generalHelp()}\n`);
    return name ? 0 : USAGE_EXIT;
  }
  if (!isActionName(name)) {
    process.stderr.write(
      `modelgate: unknown command ${JSON.stringify(name)}; expected one of ${ACTION_NAMES.join(', ')}\n`,
    );
    return USAGE_EXIT;
  }
  const spec = ACTION_SPECS[name];
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${commandHelp(spec)}\n`);
    return 0;
  }
  try {
    const values = secretsFromEnvironment(spec, parseFlags(spec, rest));
    const ctx = cliContext(values);
    beginEarly(name, ctx.inputs, ctx.workspace);
    const command = await commands[name]();
    const result = await command(ctx);
    if (result.summary) process.stderr.write(`\n${result.summary}\n`);
    for (const a of result.annotations) {
      const at = a.file ? `${a.file}${a.line ? `:${a.line}` : ''}: ` : '';
      process.stderr.write(`${a.severity}: ${at}${a.message}\n`);
    }
    process.stdout.write(`${JSON.stringify(result.outputs, null, 2)}\n`);
    if (result.failure) {
      process.stderr.write(`modelgate ${name}: ${result.failure}\n`);
      return result.exitCode ?? 1;
    }
    return result.exitCode ?? 0;
  } catch (error) {
    const outputs = failureOutputs(name);
    if (Object.keys(outputs).length > 0) process.stdout.write(`${JSON.stringify(outputs, null, 2)}\n`);
    process.stderr.write(`modelgate ${name}: ${errorMessage(error)}\n`);
    if (
      exitCodeFor(error) !== USAGE_EXIT &&
      !(error instanceof Error && error.name === 'ModelgateError') &&
      process.env.MODELGATE_DEBUG === '1'
    ) {
      process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    }
    return exitCodeFor(error);
  }
}
