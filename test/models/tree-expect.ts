/**
 * Comparing evaluator outputs with what the real frameworks produced, and reading the plain
 * text tables the reference folders hold. Shared by the tree-model tests.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

/** Golden tolerance of the task: 1e-6 absolute, or relative for values with |v| > 1. */
export const TOLERANCE = 1e-6;

export function close(got: number, want: number, tolerance = TOLERANCE): boolean {
  return Math.abs(got - want) <= tolerance * Math.max(1, Math.abs(want));
}

/** Asserts every value of every row; reports the first offending row and the largest error. */
export function assertRowsClose(
  label: string,
  got: number[][],
  want: number[][],
  tolerance = TOLERANCE,
): number {
  assert.equal(got.length, want.length, `${label}: ${got.length} rows predicted, ${want.length} expected`);
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    const g = got[i] as number[];
    const w = want[i] as number[];
    assert.equal(g.length, w.length, `${label} row ${i}: ${g.length} outputs, expected ${w.length}`);
    for (let j = 0; j < w.length; j++) {
      const error = Math.abs((g[j] as number) - (w[j] as number)) / Math.max(1, Math.abs(w[j] as number));
      worst = Math.max(worst, error);
      assert.ok(
        close(g[j] as number, w[j] as number, tolerance),
        `${label} row ${i} output ${j}: got ${g[j]}, expected ${w[j]}`,
      );
    }
  }
  return worst;
}

/** A whitespace-separated numeric table (the .tsv and prediction files of dmitryikh/leaves). */
export async function readTable(file: string): Promise<number[][]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) =>
      line.split(/\s+/).map((token) => {
        const value = Number(token);
        assert.ok(!Number.isNaN(value), `${file}: ${JSON.stringify(token)} is not a number`);
        return value;
      }),
    );
}

/** libsvm rows (`label index:value ...`); an absent index is a missing value. */
export async function readLibsvm(file: string, features: number): Promise<(number | null)[][]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const row = new Array<number | null>(features).fill(null);
      for (const pair of line.split(/\s+/).slice(1)) {
        const [index, value] = pair.split(':');
        row[Number(index)] = Number(value);
      }
      return row;
    });
}
