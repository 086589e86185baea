/**
 * Runs a committed bundle exactly as the GitHub Actions runner does (see
 * ../shared/reference/runner-protocol.md §7): from a copy of action.yml, actions/ and dist/
 * with no node_modules anywhere above it; INPUT_* variables with hyphens kept and defaults
 * from action.yml; fresh GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE / GITHUB_PATH /
 * GITHUB_STEP_SUMMARY files; the workspace as working directory; stdin closed. It parses the
 * file commands (`name=value` and heredoc forms) and the workflow commands on both streams.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../support/shared.js';

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
  stream: 'stdout' | 'stderr';
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  env: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  commands: WorkflowCommand[];
  /** `error`, `warning` and `notice` commands. */
  annotations: WorkflowCommand[];
  workspace: string;
  runnerTemp: string;
}

export interface RunOptions {
  /** `with:` values; booleans and numbers are stringified as YAML core does. */
  with?: Record<string, string | number | boolean>;
  /** Extra environment (`env:` of the step). */
  env?: Record<string, string>;
  /** Files to create in the workspace before the run (relative path -> content). */
  files?: Record<string, string | Buffer>;
  /** Use this workspace instead of a fresh one. */
  workspace?: string;
  timeoutMs?: number;
}

let actionCopy: string | undefined;

/** A copy of action.yml, actions/ and dist/ in a fresh temp folder, made once per process. */
export function actionCopyRoot(): string {
  if (actionCopy) return actionCopy;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'modelgate-action-'));
  cpSync(path.join(repoRoot, 'action.yml'), path.join(dir, 'action.yml'));
  cpSync(path.join(repoRoot, 'actions'), path.join(dir, 'actions'), { recursive: true });
  cpSync(path.join(repoRoot, 'dist'), path.join(dir, 'dist'), { recursive: true });
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'node_modules')))
      throw new Error(`${d}/node_modules exists: the copy would not prove the bundles are self-contained`);
    if (path.dirname(d) === d) break;
  }
  actionCopy = dir;
  return dir;
}

interface ActionYml {
  inputs?: Record<string, { default?: string | number | boolean }>;
  runs: { main: string };
}

/** Evaluates the few expression defaults our action.yml files use. */
function evaluateDefault(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{\{\s*github\.token\s*\}\}/g, env.GITHUB_TOKEN ?? '');
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
function unescapeProperty(s: string): string {
  return s
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');
}

export function parseWorkflowCommands(text: string, stream: 'stdout' | 'stderr'): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trimStart();
    if (!line.startsWith('::')) continue;
    const end = line.indexOf('::', 2);
    if (end === -1) continue;
    const head = line.slice(2, end);
    const space = head.indexOf(' ');
    const command = space === -1 ? head : head.slice(0, space);
    const properties: Record<string, string> = {};
    if (space !== -1) {
      for (const prop of head.slice(space + 1).split(',')) {
        const eq = prop.indexOf('=');
        if (eq > 0) properties[prop.slice(0, eq).toLowerCase()] = unescapeProperty(prop.slice(eq + 1));
      }
    }
    out.push({ command, properties, data: unescapeData(line.slice(end + 2)), stream });
  }
  return out;
}

/** The runner's EnvFileKeyValuePairs: `NAME=VALUE` and `NAME<<DELIM` heredocs; errors fail the step. */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const eq = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (eq !== -1 && (heredoc === -1 || eq < heredoc)) {
      result[line.slice(0, eq)] = line.slice(eq + 1);
    } else if (heredoc !== -1) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      if (!name || !delimiter)
        throw new Error(`Invalid format '${line}'. Name must not be empty and delimiter must not be empty`);
      const value: string[] = [];
      let found = false;
      for (i++; i < lines.length; i++) {
        if (lines[i] === delimiter) {
          found = true;
          break;
        }
        if (i === lines.length - 1) throw new Error('EOF marker missing new line.');
        value.push(lines[i]!);
      }
      if (!found) throw new Error(`Matching delimiter not found '${delimiter}'`);
      result[name] = value.join('\n');
    } else throw new Error(`Invalid format '${line}'`);
  }
  return result;
}

/** Runs `actions/<name>` (or the root action with name `root`) like the runner. */
export async function runAction(name: string, options: RunOptions = {}): Promise<RunResult> {
  const copy = actionCopyRoot();
  const actionDir = name === 'root' ? copy : path.join(copy, 'actions', name);
  const meta = parse(readFileSync(path.join(actionDir, 'action.yml'), 'utf8')) as ActionYml;
  const root = mkdtempSync(path.join(os.tmpdir(), 'modelgate-run-'));
  const workspace = options.workspace ?? path.join(root, 'workspace');
  const temp = path.join(root, 'temp');
  const commandsDir = path.join(temp, '_runner_file_commands');
  mkdirSync(workspace, { recursive: true });
  mkdirSync(commandsDir, { recursive: true });
  mkdirSync(path.join(temp, '_github_workflow'), { recursive: true });
  const eventPath = path.join(temp, '_github_workflow', 'event.json');
  writeFileSync(eventPath, '{}');
  for (const [rel, content] of Object.entries(options.files ?? {})) {
    const file = path.join(workspace, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  const fileCommand = (prefix: string) => {
    const file = path.join(commandsDir, `${prefix}${randomUUID()}`);
    writeFileSync(file, '');
    return file;
  };
  const files = {
    GITHUB_OUTPUT: fileCommand('set_output_'),
    GITHUB_ENV: fileCommand('set_env_'),
    GITHUB_STATE: fileCommand('save_state_'),
    GITHUB_PATH: fileCommand('add_path_'),
    GITHUB_STEP_SUMMARY: fileCommand('step_summary_'),
  };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? root,
    LANG: 'C.UTF-8',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_REPOSITORY: 'quant/macd-models',
    GITHUB_REPOSITORY_OWNER: 'quant',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_RUN_ID: '1001',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'e2e',
    GITHUB_ACTION: 'modelgate',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'e2e',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    GITHUB_RETENTION_DAYS: '1',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: process.arch === 'arm64' ? 'ARM64' : 'X64',
    RUNNER_NAME: 'modelgate-e2e',
    RUNNER_ENVIRONMENT: 'self-hosted',
    RUNNER_TEMP: temp,
    RUNNER_TOOL_CACHE: path.join(root, 'toolcache'),
    ...files,
    ...options.env,
  };
  const given = options.with ?? {};
  for (const [input, spec] of Object.entries(meta.inputs ?? {})) {
    const key = `INPUT_${input.replace(/ /g, '_').toUpperCase()}`;
    const value =
      input in given
        ? String(given[input])
        : evaluateDefault(spec.default === undefined ? '' : String(spec.default), env);
    env[key] = value;
  }
  for (const [input, value] of Object.entries(given)) {
    if (!(input in (meta.inputs ?? {})))
      env[`INPUT_${input.replace(/ /g, '_').toUpperCase()}`] = String(value);
  }
  const main = path.join(actionDir, meta.runs.main);
  if (!statSync(main).isFile()) throw new Error(`${main} is missing: run npm run build`);
  const child = spawn(process.execPath, [main], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timeout = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 180_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timeout);
  const commands = [...parseWorkflowCommands(stdout, 'stdout'), ...parseWorkflowCommands(stderr, 'stderr')];
  const summary = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8');
  if (Buffer.byteLength(summary) > 1024 * 1024)
    throw new Error(
      `step summary is ${Buffer.byteLength(summary)} bytes: the runner refuses more than 1 MiB`,
    );
  return {
    code,
    stdout,
    stderr,
    outputs: parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    env: parseFileCommands(readFileSync(files.GITHUB_ENV, 'utf8')),
    state: parseFileCommands(readFileSync(files.GITHUB_STATE, 'utf8')),
    summary,
    commands,
    annotations: commands.filter(
      (c) => c.command === 'error' || c.command === 'warning' || c.command === 'notice',
    ),
    workspace,
    runnerTemp: temp,
  };
}
