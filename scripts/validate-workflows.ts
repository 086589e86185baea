/**
 * Validates GitHub Actions workflows and action metadata before GitHub sees them.
 *
 * Two layers:
 * - schema: @actions/workflow-parser (GitHub's own language-service parser) for every workflow
 *   (`parseWorkflow`, then `convertWorkflowTemplate`, which adds cron, `needs` and duplicate-id
 *   checks) and every action.yml (`parseAction`, `convertActionTemplate`);
 * - policy: what these templates promise (docs/workflows.md, "Security"): least-privilege
 *   `permissions`, third-party actions pinned to a version, inputs passed to this repository's
 *   actions declared in their action.yml (and required ones present), outputs read from a step
 *   declared by its action, no `${{ }}` interpolation into `run:` or github-script code,
 *   secrets only from `secrets.*`, host keys always verified, and deploys serialized by
 *   `concurrency` behind an `environment`.
 *
 * CLI: node --import tsx scripts/validate-workflows.ts [--root <dir>] [--entry-points] [files...]
 *   With no files: .github/workflows/*.y{a,}ml, action.yml and actions/* /action.yml under root.
 *   --entry-points also checks that each node action's runs.main exists (needs a built dist/).
 *   Exits 1 when there is a problem, printing one line per problem (annotations inside Actions).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { ErrorPolicy } from '@actions/workflow-parser/model/convert';
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index';

export type Rule =
  | 'yaml'
  | 'schema'
  | 'action-schema'
  | 'action-entry'
  | 'action-missing'
  | 'action-input'
  | 'action-required'
  | 'step-output'
  | 'needs'
  | 'pinned'
  | 'permissions'
  | 'unused-write'
  | 'concurrency'
  | 'environment'
  | 'untrusted-in-script'
  | 'secret-source'
  | 'host-key'
  | 'trigger';

export interface Problem {
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  rule: Rule;
  message: string;
}

export interface ActionSpec {
  /** How workflows refer to it: `./actions/deploy`, or `./` for the root action. */
  ref: string;
  file: string;
  inputs: Map<string, { required: boolean; default: string }>;
  outputs: Set<string>;
}

export interface ValidateOptions {
  /** The repository root: local actions (`uses: ./...`) resolve against it. */
  root: string;
  /** `owner/repo` that `uses: owner/repo/actions/<name>@v1` refers to this repository as. */
  selfRepository?: string;
  /** Also check that every node action's runs.main (pre, post) file exists. */
  checkEntryPoints?: boolean;
  /** Paths in messages are relative to this directory (default: root). */
  displayBase?: string;
}

export const DEFAULT_SELF_REPOSITORY = 'quant/modelgate';

// Inputs of the third-party actions these workflows use (every major in use), so a misspelt
// `with:` key fails here instead of being ignored with a warning on GitHub.
const KNOWN_ACTION_INPUTS: Record<string, readonly string[]> = {
  'actions/checkout': [
    'repository',
    'ref',
    'token',
    'ssh-key',
    'ssh-known-hosts',
    'ssh-strict',
    'ssh-user',
    'persist-credentials',
    'path',
    'clean',
    'filter',
    'sparse-checkout',
    'sparse-checkout-cone-mode',
    'fetch-depth',
    'fetch-tags',
    'show-progress',
    'lfs',
    'submodules',
    'set-safe-directory',
    'github-server-url',
  ],
  'actions/setup-node': [
    'node-version',
    'node-version-file',
    'architecture',
    'check-latest',
    'registry-url',
    'scope',
    'token',
    'cache',
    'cache-dependency-path',
    'always-auth',
    'mirror',
    'mirror-token',
    'package-manager-cache',
  ],
  'actions/upload-artifact': [
    'name',
    'path',
    'if-no-files-found',
    'retention-days',
    'compression-level',
    'overwrite',
    'include-hidden-files',
  ],
  'actions/download-artifact': [
    'name',
    'pattern',
    'path',
    'merge-multiple',
    'github-token',
    'repository',
    'run-id',
    'artifact-ids',
  ],
  'actions/github-script': [
    'script',
    'github-token',
    'debug',
    'user-agent',
    'previews',
    'result-encoding',
    'retries',
    'retry-exempt-status-codes',
    'base-url',
  ],
};

// Inputs and env variables that carry credentials: their value must come from `secrets.*`.
const SECRET_INPUTS = new Set([
  'private-key',
  'passphrase',
  'github-token',
  'token',
  'password',
  'ssh-key',
  'api-key',
  'mirror-token',
]);
const SECRET_ENV = /(^|_)(TOKEN|SECRET|PASSWORD|PASSPHRASE|PRIVATE_KEY|SSH_KEY|API_KEY)(_|$)/i;

// Values a script may interpolate: fixed by GitHub for the run, never chosen by a pusher.
const SAFE_IN_SCRIPT = [
  /^runner(\.|$)/,
  /^strategy(\.|$)/,
  /^job\.status$/,
  /^github\.(workspace|run_id|run_number|run_attempt|repository|repository_id|repository_owner|repository_owner_id|server_url|api_url|graphql_url|sha|job|action_path|workflow|ref_type|event_name|retention_days)$/,
];
const UNTRUSTED = /^(github\.event(\.|$)|github\.head_ref$|inputs\.)/;

const CONTEXT_REF =
  /\b(github|inputs|steps|needs|matrix|env|vars|secrets|runner|strategy|job)((?:\.[A-Za-z_][\w-]*|\.\*|\[[^\]]*\])*)/g;
const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;
const VERSION_REF = /^v\d+(\.\d+){0,2}$/;
const COMMIT_REF = /^[0-9a-f]{40}$/;

type Json = unknown;
type YamlPath = (string | number)[];

function asRecord(value: Json): Record<string, Json> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, Json>)
    : undefined;
}

function asString(value: Json): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function expressions(text: string): string[] {
  return [...text.matchAll(EXPRESSION)].map((m) => m[1] ?? '');
}

/** Context references (`github.head_ref`, `steps.pkg.outputs.tarball`) inside `${{ }}` in `text`. */
export function contextReferences(text: string): string[] {
  const refs: string[] = [];
  for (const body of expressions(text)) {
    // Quoted literals are not references.
    const code = body.replace(/'(?:[^']|'')*'/g, "''");
    for (const m of code.matchAll(CONTEXT_REF)) refs.push(`${m[1]}${m[2] ?? ''}`);
  }
  return refs;
}

function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(
        Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)),
      );
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** A parsed YAML file with positions, so each problem names its line. */
class Located {
  readonly doc: Document;
  readonly value: Json;
  private readonly lines = new LineCounter();

  constructor(
    readonly file: string,
    text: string,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: false });
    this.value = this.doc.toJS({ maxAliasCount: 100 }) as Json;
  }

  /** The line and column of the node at `at` (or of its nearest ancestor that exists). */
  position(at: YamlPath): { line?: number; column?: number } {
    for (let n = at.length; n >= 0; n--) {
      const node = this.doc.getIn(at.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) {
        const { line, col } = this.lines.linePos(node.range[0]);
        return { line, column: col };
      }
    }
    return {};
  }

  /** The YAML key node's position, for problems about a key rather than its value. */
  keyPosition(at: YamlPath): { line?: number; column?: number } {
    const parent = this.doc.getIn(at.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find(
        (p) => (p.key as { value?: unknown } | null)?.value === at[at.length - 1],
      );
      const range = (pair?.key as { range?: [number, number, number] } | null)?.range;
      if (range) {
        const { line, col } = this.lines.linePos(range[0]);
        return { line, column: col };
      }
    }
    return this.position(at);
  }
}

function parserProblems(
  errors: readonly { rawMessage: string; range?: { start: { line: number; column: number } } | undefined }[],
  file: string,
  rule: Rule,
): Problem[] {
  return errors.map((e) => ({
    file,
    line: e.range?.start.line,
    column: e.range?.start.column,
    rule,
    message: e.rawMessage,
  }));
}

function display(file: string, options: ValidateOptions): string {
  const relative = path.relative(options.displayBase ?? options.root, file);
  return relative && !relative.startsWith('..') ? relative.split(path.sep).join('/') : file;
}

/** Parses an action.yml with GitHub's action schema; `spec` is set when it is valid. */
export function parseActionFile(
  file: string,
  options: ValidateOptions,
  text: string = readFileSync(file, 'utf8'),
): { spec?: ActionSpec; problems: Problem[] } {
  const shown = display(file, options);
  const parsed = parseAction({ name: shown, content: text }, new NoOperationTraceWriter());
  let problems = parserProblems(parsed.context.errors.getErrors(), shown, 'action-schema');
  if (problems.length > 0 || !parsed.value) return { problems };
  const template = convertActionTemplate(parsed.context, parsed.value, {
    errorPolicy: ErrorPolicy.TryConversion,
  });
  problems = parserProblems(parsed.context.errors.getErrors(), shown, 'action-schema');
  if (problems.length > 0) return { problems };
  const dir = path.dirname(file);
  const relativeDir = path.relative(options.root, dir).split(path.sep).join('/');
  const spec: ActionSpec = {
    ref: relativeDir === '' ? './' : `./${relativeDir}`,
    file,
    inputs: new Map(
      (template.inputs ?? []).map((i) => [
        i.id,
        { required: i.required === true, default: i.default?.toString() ?? '' },
      ]),
    ),
    outputs: new Set((template.outputs ?? []).map((o) => o.id)),
  };
  if (options.checkEntryPoints && template.runs.using.startsWith('node')) {
    const runs = template.runs as { main: string; pre?: string; post?: string };
    for (const [key, entry] of [
      ['main', runs.main],
      ['pre', runs.pre],
      ['post', runs.post],
    ] as const) {
      if (entry && !existsSync(path.resolve(dir, entry))) {
        problems.push({
          file: shown,
          rule: 'action-entry',
          message: `runs.${key} ${entry} does not exist (resolved against ${display(dir, options) || '.'}); run npm run build`,
        });
      }
    }
  }
  return { spec, problems };
}

/** Finds and parses the action a `uses:` names when it is this repository's; undefined for others. */
class LocalActions {
  private readonly cache = new Map<string, { spec?: ActionSpec; problems: Problem[] } | null>();

  constructor(private readonly options: ValidateOptions) {}

  /** `./actions/deploy` for `./actions/deploy` and `quant/modelgate/actions/deploy@v1`; undefined otherwise. */
  localRef(uses: string): string | undefined {
    if (uses.startsWith('./')) return uses.replace(/\/+$/, '') || '.';
    const self = this.options.selfRepository ?? DEFAULT_SELF_REPOSITORY;
    const [target] = uses.split('@');
    if (target === self) return '.';
    if (target?.startsWith(`${self}/`)) return `./${target.slice(self.length + 1)}`;
    return undefined;
  }

  /** null: the reference is local but has no action.yml. */
  load(ref: string): { spec?: ActionSpec; problems: Problem[] } | null {
    if (!this.cache.has(ref)) {
      const dir = path.resolve(this.options.root, ref);
      const file = ['action.yml', 'action.yaml'].map((f) => path.join(dir, f)).find((f) => existsSync(f));
      this.cache.set(ref, file ? parseActionFile(file, this.options) : null);
    }
    return this.cache.get(ref)!;
  }
}

interface StepInfo {
  id?: string;
  run?: string;
  name: string;
  uses?: string;
  spec?: ActionSpec;
  with: Record<string, Json>;
  at: YamlPath;
}

/** Problems of the workflow at `file` against GitHub's schema and the policy above. */
export async function validateWorkflow(
  file: string,
  options: ValidateOptions,
  text: string = readFileSync(file, 'utf8'),
): Promise<Problem[]> {
  return validateWorkflowWith(file, options, new LocalActions(options), text);
}

async function validateWorkflowWith(
  file: string,
  options: ValidateOptions,
  actions: LocalActions,
  text: string,
): Promise<Problem[]> {
  const shown = display(file, options);
  const parsed = parseWorkflow({ name: shown, content: text }, new NoOperationTraceWriter());
  if (parsed.value) {
    await convertWorkflowTemplate(parsed.context, parsed.value, undefined, {
      errorPolicy: ErrorPolicy.TryConversion,
    });
  }
  const problems = parserProblems(parsed.context.errors.getErrors(), shown, 'schema');
  const located = new Located(shown, text);
  for (const error of located.doc.errors) {
    problems.push({
      file: shown,
      line: error.linePos?.[0]?.line,
      column: error.linePos?.[0]?.col,
      rule: 'yaml',
      message: error.message,
    });
  }
  if (located.doc.errors.length === 0) problems.push(...checkPolicy(located, actions));
  return dedupe(problems).sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}:${p.line}:${p.column}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function checkPolicy(wf: Located, actions: LocalActions): Problem[] {
  const problems: Problem[] = [];
  const report = (rule: Rule, at: YamlPath, message: string, key = false): void => {
    problems.push({ file: wf.file, ...(key ? wf.keyPosition(at) : wf.position(at)), rule, message });
  };
  const root = asRecord(wf.value);
  if (!root) return problems;

  const on = root.on;
  const triggers =
    typeof on === 'string' ? [on] : Array.isArray(on) ? on.map(String) : Object.keys(asRecord(on) ?? {});
  if (triggers.includes('pull_request_target')) {
    report(
      'trigger',
      ['on', 'pull_request_target'],
      'pull_request_target runs with a write token and secrets next to code from the pull request; use pull_request',
      true,
    );
  }

  const topPermissions = root.permissions;
  checkPermissionValue(topPermissions, ['permissions'], report);
  if (asRecord(topPermissions) && Object.values(asRecord(topPermissions)!).includes('write')) {
    report(
      'permissions',
      ['permissions'],
      'the workflow-level permissions grant write to every job; grant write scopes in the job that needs them',
    );
  }

  const jobs = asRecord(root.jobs) ?? {};
  for (const [jobId, jobValue] of Object.entries(jobs)) {
    const job = asRecord(jobValue);
    if (!job) continue;
    const jobAt: YamlPath = ['jobs', jobId];
    const steps = collectSteps(job, jobAt, actions, report);

    // permissions: present (here or at the top), never the shorthands, write only where a step uses the token.
    const jobPermissions = job.permissions;
    checkPermissionValue(jobPermissions, [...jobAt, 'permissions'], report);
    const effective = jobPermissions ?? topPermissions;
    if (effective === undefined) {
      report(
        'permissions',
        jobAt,
        `job ${jobId} has no permissions (neither here nor at the workflow level), so its token gets the repository's default scopes; declare the few it needs`,
        true,
      );
    }
    const writes = Object.entries(asRecord(effective) ?? {})
      .filter(([, level]) => level === 'write')
      .map(([scope]) => scope);
    if (writes.length > 0 && typeof job.uses !== 'string' && !steps.some((s) => usesToken(s, job))) {
      report(
        'unused-write',
        [...jobAt, 'permissions'],
        `job ${jobId} grants ${writes.map((s) => `${s}: write`).join(', ')} but no step uses the token; drop them`,
      );
    }

    // Reusable workflows are pinned like actions.
    if (typeof job.uses === 'string') checkPinned(job.uses, [...jobAt, 'uses'], report);

    const changesServer = steps.some((s) => isServerChange(s, 'deploy') || isServerChange(s, 'rollback'));
    if (changesServer) {
      const concurrency = job.concurrency ?? root.concurrency;
      if (concurrency === undefined) {
        report(
          'concurrency',
          jobAt,
          `job ${jobId} changes the server (deploy or rollback) but no concurrency group serializes it; add concurrency: { group: deploy-production, cancel-in-progress: false }`,
          true,
        );
      } else if (asRecord(concurrency)?.['cancel-in-progress'] === true) {
        const at =
          job.concurrency !== undefined
            ? [...jobAt, 'concurrency', 'cancel-in-progress']
            : ['concurrency', 'cancel-in-progress'];
        report(
          'concurrency',
          at,
          `job ${jobId} changes the server; cancel-in-progress: true would stop a deploy half-way; set it to false`,
        );
      }
    }
    if (steps.some((s) => isServerChange(s, 'deploy')) && job.environment === undefined) {
      report(
        'environment',
        jobAt,
        `job ${jobId} deploys but references no environment; use environment: production so its reviewers approve and its secrets apply`,
        true,
      );
    }

    checkExpressions(job, jobAt, jobId, jobs, steps, report);
    for (const [name, value] of Object.entries(asRecord(job.env) ?? {}))
      checkSecretSource(`env ${name} of job ${jobId}`, name, value, [...jobAt, 'env', name], report, true);
  }
  for (const [name, value] of Object.entries(asRecord(root.env) ?? {}))
    checkSecretSource(`workflow env ${name}`, name, value, ['env', name], report, true);
  return problems;
}

type Report = (rule: Rule, at: YamlPath, message: string, key?: boolean) => void;

function checkPermissionValue(value: Json, at: YamlPath, report: Report): void {
  if (value === 'write-all' || value === 'read-all') {
    report(
      'permissions',
      at,
      `permissions: ${value} grants every scope; list only the scopes the job needs (e.g. contents: read)`,
    );
  }
}

function stepName(step: Record<string, Json>, index: number): string {
  return asString(step.name) ?? asString(step.id) ?? asString(step.uses) ?? `step ${index + 1}`;
}

function collectSteps(
  job: Record<string, Json>,
  jobAt: YamlPath,
  actions: LocalActions,
  report: Report,
): StepInfo[] {
  const steps: StepInfo[] = [];
  const list = Array.isArray(job.steps) ? job.steps : [];
  list.forEach((raw, index) => {
    const step = asRecord(raw);
    if (!step) return;
    const at: YamlPath = [...jobAt, 'steps', index];
    const name = stepName(step, index);
    const withs = asRecord(step.with) ?? {};
    const info: StepInfo = { name, with: withs, at, ...(typeof step.id === 'string' ? { id: step.id } : {}) };
    const uses = asString(step.uses);
    if (uses) {
      info.uses = uses;
      checkPinned(uses, [...at, 'uses'], report);
      const ref = actions.localRef(uses);
      if (ref !== undefined) {
        const loaded = actions.load(ref);
        if (loaded === null)
          report(
            'action-missing',
            [...at, 'uses'],
            `step "${name}" uses ${uses}, but ${ref}/action.yml does not exist`,
          );
        else if (loaded.problems.length > 0 && !loaded.spec)
          report(
            'action-missing',
            [...at, 'uses'],
            `step "${name}" uses ${uses}, whose action.yml is invalid: ${loaded.problems[0]!.message}`,
          );
        if (loaded?.spec) {
          info.spec = loaded.spec;
          checkInputs(name, loaded.spec, withs, at, report);
        }
      } else {
        const known = KNOWN_ACTION_INPUTS[uses.split('@')[0] ?? ''];
        if (known) {
          for (const key of Object.keys(withs)) {
            if (!known.includes(key)) {
              const hint = closest(key, known);
              report(
                'action-input',
                [...at, 'with', key],
                `step "${name}" passes input "${key}", which ${uses} does not have${hint ? `; did you mean "${hint}"?` : ''}`,
                true,
              );
            }
          }
        }
      }
    }
    for (const [key, value] of Object.entries(withs)) {
      if (SECRET_INPUTS.has(key))
        checkSecretSource(`input ${key} of step "${name}"`, key, value, [...at, 'with', key], report, false);
      if (key === 'insecure-skip-host-key-check' && asString(value)?.trim() !== 'false' && value !== false) {
        report(
          'host-key',
          [...at, 'with', key],
          `step "${name}" turns off host key verification, which lets a man-in-the-middle take the deploy; pass known-hosts instead`,
        );
      }
    }
    for (const [key, value] of Object.entries(asRecord(step.env) ?? {}))
      checkSecretSource(`env ${key} of step "${name}"`, key, value, [...at, 'env', key], report, true);

    const run = asString(step.run);
    if (run !== undefined) {
      info.run = run;
      checkScript(`run: of step "${name}"`, run, [...at, 'run'], report);
    }
    if (uses?.startsWith('actions/github-script@') && typeof withs.script === 'string') {
      checkScript(`script: of step "${name}"`, withs.script, [...at, 'with', 'script'], report);
    }
    steps.push(info);
  });
  return steps;
}

function checkInputs(
  name: string,
  spec: ActionSpec,
  withs: Record<string, Json>,
  at: YamlPath,
  report: Report,
): void {
  for (const key of Object.keys(withs)) {
    if (!spec.inputs.has(key)) {
      const hint = closest(key, spec.inputs.keys());
      report(
        'action-input',
        [...at, 'with', key],
        `step "${name}" passes input "${key}", which ${spec.ref} does not declare${hint ? `; did you mean "${hint}"?` : ''} (declared: ${[...spec.inputs.keys()].join(', ')})`,
        true,
      );
    }
  }
  for (const [input, { required }] of spec.inputs) {
    if (required && (withs[input] === undefined || withs[input] === null || withs[input] === '')) {
      report(
        'action-required',
        at,
        `step "${name}" does not pass input "${input}", which ${spec.ref} requires`,
      );
    }
  }
}

function checkPinned(uses: string, at: YamlPath, report: Report): void {
  if (uses.startsWith('./')) return;
  if (uses.startsWith('docker://')) {
    const image = uses.slice('docker://'.length);
    const tag = /:([\w][\w.-]*)$/.exec(image.slice(image.lastIndexOf('/') + 1))?.[1];
    if (!/@sha256:[0-9a-f]{64}$/.test(image) && (!tag || tag === 'latest')) {
      report('pinned', at, `${uses} is not pinned; use a version tag or an @sha256 digest`);
    }
    return;
  }
  const [, ref] = uses.split('@');
  if (!ref) {
    report('pinned', at, `${uses} has no version; pin it, e.g. ${uses}@v1 or a full commit sha`);
  } else if (!VERSION_REF.test(ref) && !COMMIT_REF.test(ref)) {
    report(
      'pinned',
      at,
      `${uses} is pinned to "${ref}", which moves; pin a version tag (v1, v1.2.3) or a full commit sha`,
    );
  }
}

/** Whether `step` runs this repository's deploy or rollback action (directly or through the root action). */
function isServerChange(step: StepInfo, action: 'deploy' | 'rollback'): boolean {
  if (!step.spec) return false;
  if (step.spec.ref === `./actions/${action}`) return true;
  return step.spec.ref === './' && asString(step.with.command) === action;
}

function usesToken(step: StepInfo, job: Record<string, Json>): boolean {
  if (step.uses?.startsWith('actions/github-script@')) return true;
  const texts = [...Object.values(step.with), ...Object.values(asRecord(job.env) ?? {})].map(
    (v) => asString(v) ?? '',
  );
  if (texts.some((t) => /github\.token|secrets\.GITHUB_TOKEN/.test(t))) return true;
  // An input that defaults to the job token, e.g. the gate's github-token (used only to comment).
  for (const [input, { default: fallback }] of step.spec?.inputs ?? []) {
    if (!/github\.token/.test(fallback) || step.with[input] !== undefined) continue;
    if (!step.spec!.inputs.has('comment')) return true;
    const comment = asString(step.with.comment);
    if (comment !== undefined && comment.trim() !== 'false') return true;
  }
  return /\bgh\s|\bgit\s+push\b/.test(step.run ?? '');
}

function checkScript(what: string, script: string, at: YamlPath, report: Report): void {
  const seen = new Set<string>();
  for (const ref of contextReferences(script)) {
    if (seen.has(ref) || SAFE_IN_SCRIPT.some((pattern) => pattern.test(ref))) continue;
    seen.add(ref);
    const why = UNTRUSTED.test(ref)
      ? 'an untrusted value (a branch name, title or input an outsider can choose) becomes code'
      : 'whatever it holds becomes code';
    report(
      'untrusted-in-script',
      at,
      `${what} interpolates \${{ ${ref} }}: ${why}; pass it through env: and read "$VAR" (process.env.VAR in github-script)`,
    );
  }
}

function checkSecretSource(
  what: string,
  key: string,
  value: Json,
  at: YamlPath,
  report: Report,
  isEnv: boolean,
): void {
  if (isEnv && !SECRET_ENV.test(key)) return;
  const text = asString(value);
  if (text === undefined || text.trim() === '') return;
  const outside = text.replace(EXPRESSION, '').trim();
  const refs = contextReferences(text);
  const fromSecrets = (ref: string): boolean =>
    /^secrets\.[A-Za-z_][\w]*$/.test(ref) || ref === 'github.token';
  if (outside !== '' || refs.length === 0) {
    report(
      'secret-source',
      at,
      `${what} is a literal value; credentials come from secrets: \${{ secrets.NAME }}`,
    );
  } else if (!refs.every(fromSecrets)) {
    report(
      'secret-source',
      at,
      `${what} comes from ${refs.filter((r) => !fromSecrets(r)).join(', ')}; credentials come only from secrets.* (or github.token)`,
    );
  }
}

function checkExpressions(
  job: Record<string, Json>,
  jobAt: YamlPath,
  jobId: string,
  jobs: Record<string, Json>,
  steps: StepInfo[],
  report: Report,
): void {
  const byId = new Map(steps.filter((s) => s.id).map((s) => [s.id!, s]));
  const needsValue = job.needs;
  const needs = new Set(
    typeof needsValue === 'string' ? [needsValue] : Array.isArray(needsValue) ? needsValue.map(String) : [],
  );
  const visit = (value: Json, at: YamlPath): void => {
    if (typeof value === 'string') {
      for (const ref of new Set(contextReferences(value))) checkReference(ref, at);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, [...at, i]));
    } else if (asRecord(value)) {
      for (const [k, v] of Object.entries(value as Record<string, Json>)) visit(v, [...at, k]);
    }
  };
  const checkReference = (ref: string, at: YamlPath): void => {
    const step = /^steps\.([\w-]+)\.outputs\.([\w-]+)/.exec(ref);
    if (step) {
      const [, id, output] = step as unknown as [string, string, string];
      const target = byId.get(id);
      if (!target) report('step-output', at, `\${{ ${ref} }}: job ${jobId} has no step with id "${id}"`);
      else if (target.spec && !target.spec.outputs.has(output)) {
        const hint = closest(output, target.spec.outputs);
        report(
          'step-output',
          at,
          `\${{ ${ref} }}: ${target.spec.ref} has no output "${output}"${hint ? `; did you mean "${hint}"?` : ''} (outputs: ${[...target.spec.outputs].join(', ')})`,
        );
      }
      return;
    }
    const need = /^needs\.([\w-]+)(?:\.outputs\.([\w-]+))?/.exec(ref);
    if (need) {
      const [, other, output] = need;
      if (!needs.has(other!))
        report('needs', at, `\${{ ${ref} }}: job ${jobId} does not list ${other} in needs:`);
      else if (
        output &&
        !Object.prototype.hasOwnProperty.call(asRecord(asRecord(jobs[other!])?.outputs) ?? {}, output)
      ) {
        report('needs', at, `\${{ ${ref} }}: job ${other} declares no output "${output}"`);
      }
    }
  };
  visit(job, jobAt);
}

/** Every workflow and action file under `root` that the CLI checks by default. */
export function defaultFiles(root: string): string[] {
  const files: string[] = [];
  const workflows = path.join(root, '.github', 'workflows');
  if (existsSync(workflows)) {
    for (const f of readdirSync(workflows).sort())
      if (/\.ya?ml$/.test(f)) files.push(path.join(workflows, f));
  }
  for (const f of ['action.yml', 'action.yaml'])
    if (existsSync(path.join(root, f))) files.push(path.join(root, f));
  const actionsDir = path.join(root, 'actions');
  if (existsSync(actionsDir)) {
    for (const name of readdirSync(actionsDir).sort()) {
      for (const f of ['action.yml', 'action.yaml']) {
        const file = path.join(actionsDir, name, f);
        if (existsSync(file)) files.push(file);
      }
    }
  }
  return files;
}

export function isActionFile(file: string): boolean {
  return /^action\.ya?ml$/.test(path.basename(file));
}

/** Validates each file: action metadata for action.y(a)ml, a workflow otherwise. */
export async function validateFiles(files: readonly string[], options: ValidateOptions): Promise<Problem[]> {
  const actions = new LocalActions(options);
  const problems: Problem[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      problems.push({
        file: display(file, options),
        rule: 'yaml',
        message: `cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      });
      continue;
    }
    if (isActionFile(file)) problems.push(...parseActionFile(file, options, text).problems);
    else problems.push(...(await validateWorkflowWith(file, options, actions, text)));
  }
  return problems;
}

export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.line, problem.column].filter((p) => p !== undefined).join(':');
  return `${where}: ${problem.message} [${problem.rule}]`;
}

function annotation(problem: Problem): string {
  const props = [
    `file=${problem.file}`,
    problem.line ? `line=${problem.line}` : '',
    problem.column ? `col=${problem.column}` : '',
    `title=${problem.rule}`,
  ]
    .filter(Boolean)
    .join(',');
  const message = problem.message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return `::error ${props}::${message}`;
}

export async function main(argv: readonly string[]): Promise<number> {
  const files: string[] = [];
  let root = process.cwd();
  let checkEntryPoints = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--root') root = path.resolve(argv[++i] ?? '.');
    else if (arg === '--entry-points') checkEntryPoints = true;
    else if (arg.startsWith('--')) {
      console.error(
        `validate-workflows: unknown option ${arg}; usage: validate-workflows.ts [--root <dir>] [--entry-points] [files...]`,
      );
      return 2;
    } else files.push(path.resolve(arg));
  }
  const options: ValidateOptions = { root, checkEntryPoints, displayBase: process.cwd() };
  const targets = files.length > 0 ? files : defaultFiles(root);
  if (targets.length === 0) {
    console.error(`validate-workflows: no workflows or action.yml files under ${root}`);
    return 1;
  }
  const problems = await validateFiles(targets, options);
  const inActions = process.env.GITHUB_ACTIONS === 'true';
  for (const problem of problems) console.log(inActions ? annotation(problem) : formatProblem(problem));
  const workflows = targets.filter((f) => !isActionFile(f)).length;
  const summary = `${workflows} workflow(s) and ${targets.length - workflows} action file(s)`;
  if (problems.length > 0) {
    console.error(`validate-workflows: ${problems.length} problem(s) in ${summary}`);
    return 1;
  }
  console.log(`validate-workflows: ${summary}: no problems`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`validate-workflows: ${(error as Error).stack ?? String(error)}`);
      process.exitCode = 1;
    },
  );
}
