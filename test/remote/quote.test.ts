/**
 * Shell quoting for remote commands, checked against a real /bin/sh: whatever the value,
 * the shell receives it as exactly one argument and runs nothing from it.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { checkRemotePath, raw, sh, shellQuote } from '../../src/core/remote/quote.js';

const run = promisify(execFile);

test('every hostile value reaches the command as one literal argument', async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'modelgate-quote-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const canary = path.join(dir, 'pwned');
  const values = [
    '',
    'plain',
    'with space',
    `; touch ${canary}`,
    `$(touch ${canary})`,
    `\`touch ${canary}\``,
    "it's",
    `'; touch ${canary}; '`,
    '"double" \\back\\slash',
    '$HOME ${HOME} $((1+1))',
    '* ? [a] ~ # & | < > ( ) { }',
    '-n',
    'tab\there',
    'ünïcødé ✓',
  ];
  for (const value of values) {
    const { stdout } = await run('/bin/sh', [
      '-c',
      `printf '%s|' ${shellQuote(value)} ; printf '%s' $#`,
      'sh',
    ]);
    assert.equal(stdout, `${value}|0`, JSON.stringify(value));
  }
  // The tagged template quotes every value, arrays as several words.
  const { stdout } = await run('/bin/sh', ['-c', sh`printf '<%s>' ${values} ${42} ${raw('"raw"')}`]);
  assert.equal(stdout, values.map((v) => `<${v}>`).join('') + '<42><raw>');
  assert.equal(existsSync(canary), false);
});

test('plain words are left readable; NUL and newlines in paths are refused', () => {
  assert.equal(
    shellQuote('/opt/macd-analysis/releases/macd_models_final_20260220_145749'),
    '/opt/macd-analysis/releases/macd_models_final_20260220_145749',
  );
  assert.equal(shellQuote("a'b"), `'a'\\''b'`);
  assert.throws(() => shellQuote('a\0b'), /NUL/);
  assert.throws(() => sh`echo ${Number.NaN}`, /refusing/);
  assert.throws(
    () => checkRemotePath('/opt/x\n; rm -rf /', 'deploy.path'),
    /deploy\.path .* contains a newline/,
  );
  assert.equal(checkRemotePath('/opt/x y', 'deploy.path'), '/opt/x y');
});
