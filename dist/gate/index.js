import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;
import {
  context,
  getOctokit
} from "../chunks/chunk-IYINPDFH.js";
import {
  runAction
} from "../chunks/chunk-5OJAAM4C.js";
import "../chunks/chunk-364ZFVRL.js";
import "../chunks/chunk-PKWGZ4YD.js";
import "../chunks/chunk-EOU7NOBG.js";
import "../chunks/chunk-4J2XETWS.js";
import "../chunks/chunk-UAYJCUJE.js";
import "../chunks/chunk-3GRPW3HZ.js";

// src/actions/github-comments.ts
function createIssueCommentsApi(target) {
  const octokit = getOctokit(target.token, target.baseUrl ? { baseUrl: target.baseUrl } : {});
  const where = { owner: target.owner, repo: target.repo };
  const perPage = target.perPage ?? 100;
  return {
    async list(page) {
      const response = await octokit.rest.issues.listComments({
        ...where,
        issue_number: target.issueNumber,
        per_page: perPage,
        page
      });
      return response.data.map((c) => ({ id: c.id, body: c.body ?? "" }));
    },
    async create(body) {
      const response = await octokit.rest.issues.createComment({
        ...where,
        issue_number: target.issueNumber,
        body
      });
      return { id: response.data.id };
    },
    async update(id, body) {
      await octokit.rest.issues.updateComment({ ...where, comment_id: id, body });
    }
  };
}
function pullRequestFromContext() {
  const number = context.payload.pull_request?.number ?? (context.payload.issue?.pull_request ? context.payload.issue.number : void 0);
  if (typeof number !== "number") return void 0;
  return { owner: context.repo.owner, repo: context.repo.repo, issueNumber: number };
}

// src/actions/gate.ts
await runAction("gate", async () => (await import("../chunks/gate-EREJ7MNB.js")).gateCommand, {
  pullRequestComments: (token) => {
    const pr = pullRequestFromContext();
    return pr ? createIssueCommentsApi({
      token,
      ...pr,
      ...process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {}
    }) : void 0;
  }
});
