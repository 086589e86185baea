/**
 * The contract between a front end (the Actions runtime or the CLI) and a command. Commands
 * never import @actions/*: what they need from GitHub arrives as `github` services, and what
 * they produce (outputs, summary, annotations, a failure) is returned for the front end to
 * report once.
 */
import type { IssueCommentsApi } from '../core/gate/comment.js';
import type { InputSource } from '../core/inputs/source.js';
import type { ActionName } from '../core/inputs/names.js';

export interface Annotation {
  severity: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
  title?: string;
}

export interface Logger {
  info(line: string): void;
  debug(line: string): void;
  /** A warning the user should see now (also an annotation in Actions). */
  warning(message: string): void;
  notice(message: string): void;
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

export interface GitHubServices {
  /** Uploads files as one workflow artifact; resolves to its id. */
  uploadArtifact(name: string, files: string[], rootDirectory: string): Promise<number | undefined>;
  /** Comments of the pull request this run belongs to, or undefined when it is not a pull request. */
  pullRequestComments(token: string): IssueCommentsApi | undefined;
  /** Link to this run's job summary, for pointers from comments. */
  runUrl(): string | undefined;
}

export interface CommandContext {
  inputs: InputSource;
  /** Relative paths in inputs resolve against it (GITHUB_WORKSPACE or the CLI's cwd). */
  workspace: string;
  /** Scratch space (RUNNER_TEMP or the OS temp dir). */
  tempDir: string;
  env: NodeJS.ProcessEnv;
  /** True inside GitHub Actions. */
  inActions: boolean;
  log: Logger;
  /** Registers a value that must never appear in logs. */
  secret(value: string): void;
  github?: GitHubServices;
}

export interface CommandResult {
  outputs: Record<string, string>;
  /** Markdown for the job summary (Actions) or a file the CLI names. */
  summary?: string;
  annotations: Annotation[];
  /** Set when the step must fail; outputs and summary are still written first. */
  failure?: string;
  /** CLI exit code when not 0/1 (e.g. 3 for an inconclusive gate). */
  exitCode?: number;
}

export type Command = (ctx: CommandContext) => Promise<CommandResult>;
export type CommandTable = Record<ActionName, () => Promise<Command>>;
