import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import {
  compareValues,
  DEFAULT_TOLERANCE,
  loadGolden,
  parseGolden,
  withinTolerance,
} from '../../src/core/golden.js';
import { ModelgateError } from '../../src/core/errors.js';
import { sampleDir } from './support.js';

const HEAD = '{\n  "schema": "modelgate/golden@1",\n';

/** Each bad golden.json and the exact message a person gets: file, line, field, what is wrong. */
const BAD: [string, string, string][] = [
  [
    'a wrong schema',
    '{\n  "schema": "modelgate/golden@2",\n  "models": {}\n}',
    'golden.json:2 schema: expected one of "modelgate/golden@1", got "modelgate/golden@2"',
  ],
  ['no schema', '{ "models": {} }', 'golden.json:1 schema: is required: expected "modelgate/golden@1"'],
  [
    'a misspelt field',
    `${HEAD}  "tolerence": { "atol": 1e-5, "rtol": 1e-4 },\n  "models": {}\n}`,
    'golden.json:3 tolerence: unknown field "tolerence": did you mean "tolerance"?',
  ],
  [
    'a negative tolerance',
    `${HEAD}  "tolerance": { "atol": -1, "rtol": 1e-4 },\n  "models": {}\n}`,
    'golden.json:3 tolerance.atol: expected at least 0, got -1',
  ],
  [
    'a tensor whose data does not fill its dims',
    `${HEAD}  "models": {\n    "lstm_1h.onnx": {\n      "inputs": { "x": { "dims": [2, 3], "data": [1, 2, 3, 4, 5] } },\n      "outputs": {}\n    }\n  }\n}`,
    'golden.json:5 models.lstm_1h.onnx.inputs.x.data: expected 6 values for dims [2, 3], got 5',
  ],
  [
    'rows of different widths',
    `${HEAD}  "models": {\n    "m.txt": {\n      "rows": [[1, 2], [3]],\n      "outputs": [[0.1], [0.2]]\n    }\n  }\n}`,
    'golden.json:5 models.m.txt.rows[1]: expected 2 features like rows[0], got 1',
  ],
  [
    'a string feature',
    `${HEAD}  "models": {\n    "m.txt": {\n      "rows": [[1, "2"]],\n      "outputs": [[0.1]]\n    }\n  }\n}`,
    'golden.json:5 models.m.txt.rows[0][1]: expected a number, got "2"',
  ],
  [
    'a NaN feature instead of null',
    `${HEAD}  "models": {\n    "m.txt": {\n      "rows": [[1, NaN]],\n      "outputs": [[0.1]]\n    }\n  }\n}`,
    'golden.json:5 models.m.txt.rows[0][1]: expected a number, got NaN',
  ],
  [
    'more outputs than rows',
    `${HEAD}  "models": {\n    "m.txt": {\n      "rows": [[1, 2]],\n      "outputs": [[0.1], [0.2]]\n    }\n  }\n}`,
    'golden.json:6 models.m.txt.outputs: expected one output per row (1), got 2',
  ],
  [
    'an entry of neither form',
    `${HEAD}  "models": {\n    "m.txt": { "values": [1] }\n  }\n}`,
    'golden.json:4 models.m.txt: expected "inputs" and "outputs" (ONNX) or "rows" and "outputs" (LightGBM, XGBoost)',
  ],
  [
    'a stacking entry with too many outputs',
    `${HEAD}  "models": {},\n  "stacking": { "base_outputs": [[0.1, 0.2]], "outputs": [0.5, 0.6] }\n}`,
    'golden.json:4 stacking.outputs: expected one probability per base_outputs row (1), got 2',
  ],
  [
    'a probability above 1',
    `${HEAD}  "models": {},\n  "inference": { "bull_prob": 1.5, "regime": "up", "direction": "bullish" }\n}`,
    'golden.json:4 inference.bull_prob: expected at most 1, got 1.5',
  ],
  [
    'a trailing comma',
    `${HEAD}  "models": {\n    "a": { "rows": [[1,]], "outputs": [[1]] }\n  }\n}`,
    'golden.json:4:24 not valid JSON: trailing comma before "]"',
  ],
  ['an empty file', '', 'golden.json:1:1 not valid JSON: the file is empty'],
  ['a list', '[]', 'golden.json:1 (top level): expected a mapping, got a list of 0'],
];

for (const [what, text, message] of BAD) {
  test(`golden.json with ${what} is refused: ${message}`, () => {
    assert.throws(
      () => parseGolden(text, 'golden.json'),
      (error: unknown) => {
        assert.ok(error instanceof ModelgateError);
        assert.equal(error.message, message);
        assert.equal(error.file, 'golden.json');
        assert.equal(error.line, Number(/^golden\.json:(\d+)/.exec(message)![1]));
        return true;
      },
    );
  });
}

test('the sample golden.json parses: ONNX entries by name, tree entries by rows, stacking and inference', async () => {
  const golden = await loadGolden(path.join(sampleDir, 'golden.json'), 'golden.json');
  assert.deepEqual(golden.tolerance, DEFAULT_TOLERANCE);
  const lstm = golden.models['lstm_1h.onnx'];
  assert.equal(lstm?.kind, 'onnx');
  assert.deepEqual(Object.keys(lstm.inputs), ['x']);
  assert.equal(
    lstm.inputs.x!.data.length,
    lstm.inputs.x!.dims.reduce((a, b) => a * b, 1),
  );
  const xgb = golden.models['stacking_xgb_1h.json'];
  assert.equal(xgb?.kind, 'tree');
  assert.ok(
    xgb.rows.some((r) => r.includes(null)),
    'missing values are null',
  );
  assert.equal(golden.stacking!.base_outputs[0]!.length, 5);
  assert.ok(golden.inference);
});

test('an unreadable golden.json names the file', async () => {
  await assert.rejects(loadGolden('/nonexistent/golden.json', 'golden.json'), {
    name: 'ModelgateError',
    message: 'golden.json: cannot read golden vectors: ENOENT',
  });
});

test('tolerance follows numpy.allclose: |a - b| <= atol + rtol * |b|', () => {
  const tol = { atol: 1e-5, rtol: 1e-4 };
  assert.equal(withinTolerance(1.0001, 1, tol), true);
  assert.equal(withinTolerance(1.00012, 1, tol), false);
  assert.equal(withinTolerance(Number.NaN, 1, tol), false);
  const cmp = compareValues([0.5, 0.250001, Number.NaN], [0.5, 0.25, 0.1], tol);
  assert.equal(cmp.count, 3);
  assert.equal(cmp.mismatches, 1);
  assert.equal(cmp.maxAbsDiff, Infinity, 'a NaN output is infinitely far from its golden value');
  assert.equal(cmp.worst?.index, 2);
  const close = compareValues([0.5, 0.2500001], [0.5, 0.25], tol);
  assert.equal(close.mismatches, 0);
  assert.ok(close.maxAbsDiff > 0 && close.maxAbsDiff < 1e-6);
});
