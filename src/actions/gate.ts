import { createIssueCommentsApi, pullRequestFromContext } from './github-comments.js';
import { runAction } from './runtime.js';

await runAction('gate', async () => (await import('../commands/gate.js')).gateCommand, {
  pullRequestComments: (token) => {
    const pr = pullRequestFromContext();
    return pr
      ? createIssueCommentsApi({
          token,
          ...pr,
          ...(process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {}),
        })
      : undefined;
  },
});
