/**
 * The Actions front end: reads INPUT_* through @actions/core, runs one command, writes its
 * outputs and job summary, turns its annotations into workflow commands, and reports a
 * failure exactly once (an annotation with file and line where there is one).
 */
import * as core from '@actions/core';
import os from 'node:os';
import path from 'node:path';
import { ModelgateError, errorMessage } from '../core/errors.js';
import { beginEarly } from '../commands/early.js';
import { failureOutputs } from '../commands/failure-outputs.js';
import type { Annotation, Command, CommandContext, GitHubServices } from '../commands/types.js';
import type { ActionName } from '../core/inputs/names.js';

function annotate(a: Annotation): void {
  const props: core.AnnotationProperties = {};
  if (a.file) props.file = a.file;
  if (a.line) props.startLine = a.line;
  if (a.title) props.title = a.title;
  if (a.severity === 'error') core.error(a.message, props);
  else if (a.severity === 'warning') core.warning(a.message, props);
  else core.notice(a.message, props);
}

export function actionContext(github?: Partial<GitHubServices>): CommandContext {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  return {
    inputs: { get: (name) => core.getInput(name) },
    workspace,
    tempDir: process.env.RUNNER_TEMP || os.tmpdir(),
    env: process.env,
    inActions: process.env.GITHUB_ACTIONS === 'true',
    log: {
      info: (line) => core.info(line),
      debug: (line) => core.debug(line),
      warning: (message) => core.warning(message),
      notice: (message) => core.notice(message),
      group: (title, fn) => core.group(title, fn),
    },
    secret: (value) => {
      if (value) core.setSecret(value);
    },
    github: {
      uploadArtifact: async () => {
        throw new ModelgateError('this action cannot upload artifacts');
      },
      pullRequestComments: () => undefined,
      runUrl: () => runUrl(),
      ...github,
    },
  };
}

/** Relative to the workspace, so annotations attach to files in the repository. */
function relativeToWorkspace(file: string | undefined, workspace: string): string | undefined {
  if (!file) return undefined;
  const abs = path.resolve(workspace, file);
  const rel = path.relative(workspace, abs);
  return rel.startsWith('..') ? file : rel.split(path.sep).join('/');
}

/** The run's page, where the job summary is shown. */
export function runUrl(): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = process.env;
  return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined;
}

/**
 * Runs one command as this action's main; `github` adds the services only this action needs.
 * `load` imports the command (dynamically, so that its modules load after the command's
 * early work has started, see commands/early.ts, and the bundle holds only this command).
 */
export async function runAction(
  name: ActionName,
  load: () => Promise<Command>,
  github?: Partial<GitHubServices>,
): Promise<void> {
  const ctx = actionContext(github);
  try {
    beginEarly(name, ctx.inputs, ctx.workspace);
    const command = await load();
    const result = await command(ctx);
    for (const [name, value] of Object.entries(result.outputs)) core.setOutput(name, value);
    if (result.summary) {
      // The runner refuses summaries over 1 MiB; keep well inside it.
      const summary =
        result.summary.length > 900_000
          ? `${result.summary.slice(0, 900_000)}\n\n_(summary cut at 900 kB; see the JSON report)_\n`
          : result.summary;
      await core.summary.addRaw(summary, true).write();
    }
    for (const a of result.annotations) annotate({ ...a, file: relativeToWorkspace(a.file, ctx.workspace) });
    if (result.failure) {
      const annotated = result.annotations.some((a) => a.severity === 'error');
      // Errors already annotated: fail without repeating them as another error.
      if (annotated) {
        core.info(`✗ ${result.failure}`);
        process.exitCode = 1;
      } else core.setFailed(result.failure);
    }
  } catch (error) {
    for (const [output, value] of Object.entries(failureOutputs(name))) core.setOutput(output, value);
    if (error instanceof ModelgateError) {
      annotate({
        severity: 'error',
        message: error.message,
        file: relativeToWorkspace(error.file, ctx.workspace),
        line: error.line,
      });
      process.exitCode = 1;
    } else {
      core.setFailed(
        `${errorMessage(error)}${error instanceof Error && error.stack ? `\n${error.stack}` : ''}`,
      );
    }
  }
}
