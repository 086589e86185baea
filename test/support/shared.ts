/**
 * Locates `../shared/` (reference files that are not copied into the repository). In a
 * user's clone it is absent and the tests that need it skip with a printed reason; with
 * CI=true its absence is a failure, so CI never counts a skipped test as a pass.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'node:test';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedDir = process.env.MODELGATE_SHARED ?? path.resolve(repoRoot, '..', 'shared');

/** The path of a reference file under `../shared/reference/`, or undefined after skipping `t`. */
export function reference(t: TestContext, ...parts: string[]): string | undefined {
  const file = path.join(sharedDir, 'reference', ...parts);
  if (existsSync(file)) return file;
  const reason = `reference file ${file} is absent (../shared/ is not part of a clone)`;
  if (process.env.CI === 'true') throw new Error(`${reason}; CI needs it`);
  console.log(`# skipped: ${reason}`);
  t.skip(reason);
  return undefined;
}
