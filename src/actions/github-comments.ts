/**
 * Octokit (through @actions/github) behind the core's `IssueCommentsApi`, for the gate's
 * sticky pull-request comment. `baseUrl` defaults to GITHUB_API_URL, so GitHub Enterprise
 * Server works as the runner provides it, and tests point it at a local server.
 */
import { context, getOctokit } from '@actions/github';
import type { IssueCommentsApi } from '../core/gate/comment.js';

export interface IssueCommentsTarget {
  token: string;
  owner: string;
  repo: string;
  issueNumber: number;
  /** REST API root, e.g. `https://api.github.com`. Default: GITHUB_API_URL or api.github.com. */
  baseUrl?: string;
  /** Comments per listed page (GitHub allows up to 100). */
  perPage?: number;
}

export function createIssueCommentsApi(target: IssueCommentsTarget): IssueCommentsApi {
  const octokit = getOctokit(target.token, target.baseUrl ? { baseUrl: target.baseUrl } : {});
  const where = { owner: target.owner, repo: target.repo };
  const perPage = target.perPage ?? 100;
  return {
    async list(page) {
      const response = await octokit.rest.issues.listComments({
        ...where,
        issue_number: target.issueNumber,
        per_page: perPage,
        page,
      });
      return response.data.map((c) => ({ id: c.id, body: c.body ?? '' }));
    },
    async create(body) {
      const response = await octokit.rest.issues.createComment({
        ...where,
        issue_number: target.issueNumber,
        body,
      });
      return { id: response.data.id };
    },
    async update(id, body) {
      await octokit.rest.issues.updateComment({ ...where, comment_id: id, body });
    },
  };
}

/**
 * The pull request the workflow runs for, or undefined outside one (a push, a schedule):
 * the gate then writes only the job summary.
 */
export function pullRequestFromContext(): { owner: string; repo: string; issueNumber: number } | undefined {
  const number =
    context.payload.pull_request?.number ??
    (context.payload.issue?.pull_request ? context.payload.issue.number : undefined);
  if (typeof number !== 'number') return undefined;
  return { owner: context.repo.owner, repo: context.repo.repo, issueNumber: number };
}
