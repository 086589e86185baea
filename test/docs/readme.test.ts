/** The README's input/output tables are action.yml's, and its commands exist. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { updateReadme } from '../../scripts/readme-tables.js';
import { repoRoot } from '../support/shared.js';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

test('the README input and output tables match action.yml', () => {
  assert.equal(readme, updateReadme(readme), 'run: node --import tsx scripts/readme-tables.ts');
});

test('the README names the two commands and they are npm scripts', () => {
  const scripts = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).scripts as Record<
    string,
    string
  >;
  assert.match(readme, /npm ci && npm run demo/);
  assert.match(readme, /\nnpm test /);
  assert.ok(scripts.demo && scripts.test);
});
