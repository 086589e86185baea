import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ModelgateError } from '../../src/core/errors.js';
import {
  lineColumnAt,
  locateJsonError,
  parseJsonLenient,
  parseJsonText,
} from '../../src/core/validation/json-text.js';

const BAD: [string, string, string][] = [
  [
    'a missing comma',
    '{\n  "a": 1\n  "b": 2\n}',
    'meta.json:3:3 not valid JSON: expected "," or "}" after the value of "a", got "\\""',
  ],
  ['a trailing comma', '{\n  "a": [1, 2,]\n}', 'meta.json:2:14 not valid JSON: trailing comma before "]"'],
  [
    'single quotes',
    "{\n  'a': 1\n}",
    'meta.json:2:3 not valid JSON: expected a property name in double quotes, got "\'"',
  ],
  [
    'a cut-off file',
    '{\n  "a": [1, 2',
    'meta.json:2:13 not valid JSON: expected "," or "]" after an array item, got end of file',
  ],
  [
    'an unclosed string',
    '{\n  "a": "text\n}',
    'meta.json:2:13 not valid JSON: unescaped control character (a line break?) inside a string',
  ],
  ['two documents', '{}\n{}', 'meta.json:2:1 not valid JSON: unexpected "{" after the end of the document'],
  ['an empty file', '', 'meta.json:1:1 not valid JSON: the file is empty'],
  ['a bare word', '{"a": yes}', 'meta.json:1:7 not valid JSON: unexpected "y": expected a value'],
];

for (const [what, text, message] of BAD) {
  test(`JSON with ${what} is refused with the line and column: ${message}`, () => {
    assert.throws(
      () => parseJsonText(text, 'meta.json'),
      (error: unknown) => {
        assert.ok(error instanceof ModelgateError);
        assert.equal(error.message, message);
        assert.equal(error.file, 'meta.json');
        assert.equal(error.line, Number(message.split(':')[1]));
        return true;
      },
    );
  });
}

test("Python's bare NaN and Infinity parse, and are reported with their lines", () => {
  const parsed = parseJsonText(
    '{\n  "auc": NaN,\n  "gap": -Infinity,\n  "ok": [Infinity, 1]\n}',
    'metrics.json',
  );
  const value = parsed.value as { auc: number; gap: number; ok: number[] };
  assert.ok(Number.isNaN(value.auc));
  assert.equal(value.gap, -Infinity);
  assert.deepEqual(value.ok, [Infinity, 1]);
  assert.deepEqual(parsed.nonStandard, [
    { token: 'NaN', line: 2 },
    { token: '-Infinity', line: 3 },
    { token: 'Infinity', line: 4 },
  ]);
});

test('valid JSON parses as JSON.parse does, without non-standard tokens', () => {
  const text = '{"a": [1, -2.5e3, "x\\n", true, null, {"b": {}}], "__proto__": 1}';
  const parsed = parseJsonText(text, 'x.json');
  assert.deepEqual(parsed.value, JSON.parse(text));
  assert.deepEqual(parsed.nonStandard, []);
});

test('line and column of an offset', () => {
  assert.deepEqual(lineColumnAt('ab\ncd\nef', 0), { line: 1, column: 1 });
  assert.deepEqual(lineColumnAt('ab\ncd\nef', 4), { line: 2, column: 2 });
  assert.deepEqual(lineColumnAt('ab\ncd\nef', 6), { line: 3, column: 1 });
});

test('nesting deep enough to exhaust the stack is refused with its place, not a RangeError', () => {
  assert.throws(
    () => parseJsonText('['.repeat(200_000), 'deep.json'),
    (error: unknown) => {
      assert.ok(error instanceof ModelgateError, String(error));
      assert.match(error.message, /^deep\.json:1:\d+ not valid JSON: nesting too deep$/);
      return true;
    },
  );
});

test('a number of any length parses beside a bare NaN, as JSON.parse reads it', () => {
  const digits = '1'.repeat(500);
  const parsed = parseJsonText(`{"a": [NaN, ${digits}]}`, 'x.json');
  assert.deepEqual(parsed.value, { a: [Number.NaN, Number(digits)] });
});

test('the place of a syntax error, and whether the text was cut short', () => {
  assert.deepEqual(locateJsonError('{\n  "a": [1, 2'), {
    line: 2,
    column: 13,
    message: 'expected "," or "]" after an array item, got end of file',
    truncated: true,
  });
  assert.equal(locateJsonError('{"a": Na').truncated, true);
  assert.deepEqual(locateJsonError('{"a": 1,,}'), {
    line: 1,
    column: 9,
    message: 'expected a property name in double quotes, got ","',
    truncated: false,
  });
});

test('the lenient parse reads NaN as null and Infinity as Infinity, outside strings only', () => {
  assert.deepEqual(parseJsonLenient('{"NaN": [NaN, -Infinity, "Infinity"]}'), {
    NaN: [null, -Infinity, 'Infinity'],
  });
  assert.throws(() => parseJsonLenient('{"a": nan}'), SyntaxError);
});
