/**
 * One pull-request comment per gate, updated in place: the comment is found by a hidden
 * marker in its body, so a gate that runs on every push edits its comment instead of adding
 * one per run. The core sees GitHub only through `IssueCommentsApi`; `src/actions/` adapts
 * Octokit to it.
 */

export interface IssueCommentsApi {
  /** One page of the issue's comments, oldest first; page numbers start at 1; empty past the end. */
  list(page: number): Promise<{ id: number; body: string }[]>;
  create(body: string): Promise<{ id: number }>;
  update(id: number, body: string): Promise<void>;
}

/** Ten thousand comments at GitHub's page size of 100: far beyond any real pull request. */
const MAX_PAGES = 100;

/**
 * Updates the first comment whose body contains `marker`, or creates one. The marker is
 * prepended when `body` lacks it, so the comment is found again next time. Two runs racing
 * on the same pull request can still both create (GitHub has no conditional create); the
 * next run then updates the older one.
 */
export async function upsertStickyComment(
  api: IssueCommentsApi,
  body: string,
  marker: string,
): Promise<{ action: 'created' | 'updated'; id: number }> {
  if (marker.trim() === '') throw new Error('upsertStickyComment: the marker must not be empty');
  const text = body.includes(marker) ? body : `${marker}\n${body}`;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const comments = await api.list(page);
    if (comments.length === 0) break;
    const found = comments.find((c) => typeof c.body === 'string' && c.body.includes(marker));
    if (found) {
      await api.update(found.id, text);
      return { action: 'updated', id: found.id };
    }
  }
  const created = await api.create(text);
  return { action: 'created', id: created.id };
}
