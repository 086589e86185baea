/**
 * `<path>/.modelgate/history.jsonl`: one JSON object a line for every deploy, promote and
 * rollback, with its outcome. It is appended under the lock, so lines never interleave, and
 * it is how rollback finds "the previous release". Lines that do not parse (a hand edit) are
 * skipped with a warning, never fatal.
 */
import * as z from '../validation/zod.js';
import { sh } from '../remote/quote.js';
import type { Target } from './target.js';

export const historyEntrySchema = z.object({
  id: z.nullable(z.string()),
  previous: z.nullable(z.string()),
  action: z.enum(['deploy', 'promote', 'rollback']),
  phase: z.optional(z.string()),
  level: z.optional(z.string()),
  time: z.string(),
  actor: z.string(),
  run_id: z.string(),
  /** deployed | promoted | rolled-back | unchanged | failed | interrupted */
  result: z.string(),
  reason: z.optional(z.string()),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** Appends one entry; with `finished`, also removes the pending record in the same command. */
export async function appendHistory(
  target: Target,
  entry: HistoryEntry,
  options: { finished?: boolean } = {},
): Promise<void> {
  const { layout } = target;
  const line = `${JSON.stringify(entry)}\n`;
  // A line cut by a crash mid-append is closed first, so this entry is not glued onto it.
  const command = sh`mkdir -p -- ${layout.state} && h=${layout.history} && { if [ -s "$h" ] && [ -n "$(tail -c 1 -- "$h")" ]; then printf '\n' >> "$h"; fi; } && cat >> "$h"`;
  await target.run(
    `appending to ${layout.history}`,
    options.finished ? `${command}${sh` && rm -f -- ${layout.pending}`}` : command,
    { stdin: line },
  );
}

/** Reads the newest `limit` entries, oldest first. */
export async function readHistory(
  target: Target,
  warn: (line: string) => void = () => {},
  limit = 5000,
): Promise<HistoryEntry[]> {
  const { layout } = target;
  const result = await target.run(
    `reading ${layout.history}`,
    sh`if [ -f ${layout.history} ]; then tail -n ${limit} -- ${layout.history}; fi`,
  );
  const entries: HistoryEntry[] = [];
  result.stdout.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      warn(`${layout.history}: line ${i + 1} of the last ${limit} is not JSON; ignored`);
      return;
    }
    const parsed = historyEntrySchema.safeParse(value);
    if (parsed.success) entries.push(parsed.data);
    else warn(`${layout.history}: line ${i + 1} of the last ${limit} is not a history entry; ignored`);
  });
  return entries;
}

/**
 * The release that was live before `id` was last deployed: what "roll back to the previous
 * release" means. Taken from the newest successful (or interrupted) deploy of `id`, or when
 * `id` is undefined, of the newest deploy of any release.
 */
export function previousOf(entries: readonly HistoryEntry[], id?: string): string | null | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i] as HistoryEntry;
    if (e.action !== 'deploy' || e.result !== 'deployed') continue;
    if (id === undefined || e.id === id) return e.previous;
  }
  return undefined;
}
