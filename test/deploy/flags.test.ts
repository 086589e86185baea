/**
 * The flags-file editor that replaces `echo 'ML_ENABLE_STACKING=1' >> .env`, and the ml-off
 * edit that replaces `sed`: idempotent, minimal, and loud when there is nothing to edit.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFlags, formatValue, parseValue } from '../../src/core/deploy/flags.js';
import { applyMlOff } from '../../src/core/deploy/ml-off.js';
import { availableBytes } from '../../src/core/deploy/preflight.js';

test('an existing key is replaced in place; comments, blank lines and other keys are kept', () => {
  const text =
    '# macd-analysis\nAPI_KEY=abc\n\n# ML_ENABLE_STACKING=1 (old note)\nML_ENABLE_STACKING=0\nLOG_LEVEL=info\n';
  const edit = applyFlags(text, { ML_ENABLE_STACKING: '1' });
  assert.equal(
    edit.text,
    '# macd-analysis\nAPI_KEY=abc\n\n# ML_ENABLE_STACKING=1 (old note)\nML_ENABLE_STACKING=1\nLOG_LEVEL=info\n',
  );
  assert.deepEqual(edit.changes, [{ key: 'ML_ENABLE_STACKING', from: '0', to: '1', duplicatesRemoved: 0 }]);
});

test('duplicates left by `echo >>` are collapsed to the first line', () => {
  const text = 'ML_ENABLE_STACKING=0\nA=1\nML_ENABLE_STACKING=1\nML_ENABLE_STACKING=1\n';
  const edit = applyFlags(text, { ML_ENABLE_STACKING: '1' });
  assert.equal(edit.text, 'ML_ENABLE_STACKING=1\nA=1\n');
  assert.equal(edit.changes[0]?.duplicatesRemoved, 2);
});

test('a missing key is appended, also to a file without a final newline or an empty file', () => {
  assert.equal(applyFlags('A=1', { B: '2' }).text, 'A=1\nB=2\n');
  assert.equal(applyFlags('', { B: '2' }).text, 'B=2\n');
  assert.equal(applyFlags('A=1\n', { B: '2', C: '3' }).text, 'A=1\nB=2\nC=3\n');
});

test('applying the same flags twice changes nothing the second time', () => {
  const once = applyFlags('# x\nexport ML_ENABLE_STACKING="0"  \nA=1\n', {
    ML_ENABLE_STACKING: '1',
    NEW: 'v',
  });
  assert.equal(once.text, '# x\nexport ML_ENABLE_STACKING=1\nA=1\nNEW=v\n');
  const twice = applyFlags(once.text, { ML_ENABLE_STACKING: '1', NEW: 'v' });
  assert.equal(twice.changed, false);
  assert.equal(twice.text, once.text);
});

test('a line that already holds the value, quoted or with a comment, is left byte for byte', () => {
  for (const line of [
    'ML_ENABLE_STACKING="1"',
    "ML_ENABLE_STACKING='1'",
    'ML_ENABLE_STACKING=1  # live since Feb',
    '  ML_ENABLE_STACKING = 1',
  ]) {
    const edit = applyFlags(`${line}\n`, { ML_ENABLE_STACKING: '1' });
    assert.equal(edit.changed, false, line);
    assert.equal(edit.text, `${line}\n`);
  }
});

test('CRLF files keep CRLF', () => {
  assert.equal(applyFlags('A=1\r\nB=2\r\n', { B: '3' }).text, 'A=1\r\nB=3\r\n');
});

test('values are written so readers get them back literally; newlines are refused', () => {
  for (const value of ['0', 'a b', '$(touch /tmp/pwned)', "it's", 'x"y\\z`$', '']) {
    const line = applyFlags('', { K: value }).text.trimEnd();
    assert.equal(parseValue(line.slice(2)), value, line);
  }
  assert.equal(formatValue('plain-1.0'), 'plain-1.0');
  assert.throws(() => applyFlags('', { K: 'a\nB=evil' }), /newline/);
  assert.throws(() => applyFlags('', { 'BAD KEY': '1' }), /not an environment variable name/);
});

test('ml-off: the pattern is replaced, a second run finds the edit made, and a miss is reported', () => {
  const text = 'symbol = "BTCUSDT"\nuse_ml_enhancement = True\n';
  const edit = applyMlOff(text, 'use_ml_enhancement = True', 'use_ml_enhancement = False');
  assert.deepEqual(edit, {
    state: 'edited',
    text: 'symbol = "BTCUSDT"\nuse_ml_enhancement = False\n',
    count: 1,
  });
  assert.deepEqual(
    applyMlOff('use_ml_enhancement = False\n', 'use_ml_enhancement = True', 'use_ml_enhancement = False'),
    { state: 'already' },
  );
  assert.deepEqual(applyMlOff('use_ml = True\n', 'use_ml_enhancement = True', 'use_ml_enhancement = False'), {
    state: 'missing',
  });
  // Plain text, not a regular expression.
  assert.deepEqual(applyMlOff('a.b = 1\n', 'a.b', 'x'), { state: 'edited', text: 'x = 1\n', count: 1 });
  assert.deepEqual(applyMlOff('axb = 1\n', 'a.b', 'q'), { state: 'missing' });
});

test('ml-off: a replacement that contains the pattern is still idempotent', () => {
  const first = applyMlOff('ml = True\n', 'ml = True', 'ml = True and False');
  assert.equal(first.state, 'edited');
  const text = first.state === 'edited' ? first.text : '';
  assert.equal(text, 'ml = True and False\n');
  assert.deepEqual(applyMlOff(text, 'ml = True', 'ml = True and False'), { state: 'already' });
});

test('free space is read from the df -Pk line, also when the device name has spaces', () => {
  assert.equal(availableBytes('/dev/vda   263174212 24650836 225068956  10% /'), 225068956 * 1024);
  assert.equal(availableBytes('my disk 1000 10 990 1% /mnt/my disk'), 990 * 1024);
  assert.equal(availableBytes('garbage'), undefined);
});
