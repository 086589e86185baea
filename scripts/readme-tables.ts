/**
 * Keeps the README's input and output tables equal to action.yml: rewrites every block
 * between `<!-- table:<action> -->` and `<!-- /table:<action> -->`. `--check` fails when a
 * table is stale (CI runs it through test/docs).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ACTION_NAMES, findActionsRoot, loadActionSpec, type ActionName } from '../src/core/inputs/table.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function actionTable(name: ActionName, root = findActionsRoot()): string {
  const spec = loadActionSpec(name, root);
  const inputs = spec.inputs.map(
    (i) =>
      `| \`${i.name}\` | ${i.required ? 'yes' : 'no'} | ${i.default ? `\`${cell(i.default)}\`` : ''} | ${cell(i.description)} |`,
  );
  const outputs = spec.outputs.map((o) => `| \`${o.name}\` | ${cell(o.description)} |`);
  return [
    '| input | required | default | description |',
    '|---|---|---|---|',
    ...inputs,
    '',
    '| output | description |',
    '|---|---|',
    ...outputs,
  ].join('\n');
}

export function updateReadme(text: string, root = findActionsRoot()): string {
  let out = text;
  for (const name of ACTION_NAMES) {
    const start = `<!-- table:${name} -->`;
    const end = `<!-- /table:${name} -->`;
    const a = out.indexOf(start);
    const b = out.indexOf(end);
    if (a === -1 || b === -1 || b < a) throw new Error(`README.md lacks the ${start} ... ${end} markers`);
    out = `${out.slice(0, a + start.length)}\n${actionTable(name, root)}\n${out.slice(b)}`;
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const root = findActionsRoot();
  const file = path.join(root, 'README.md');
  const text = readFileSync(file, 'utf8');
  const updated = updateReadme(text, root);
  if (process.argv.includes('--check')) {
    if (updated !== text) {
      console.error('README.md tables are stale: run `node --import tsx scripts/readme-tables.ts`');
      process.exit(1);
    }
  } else writeFileSync(file, updated);
}
