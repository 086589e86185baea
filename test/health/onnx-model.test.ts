import assert from 'node:assert/strict';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { ModelgateError } from '../../src/core/errors.js';
import {
  concreteDims,
  feedsFrom,
  measureLatency,
  nonFiniteOutputs,
  openOnnxModel,
  runOnnx,
  smokeFeeds,
  ZIPMAP_FIX,
} from '../../src/core/models/onnx.js';
import { repoRoot } from '../support/shared.js';
import { assertFails, check, copySample, healthcheck, sampleDir } from './support.js';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'health');

test('an ONNX model reports names, element types and dims, symbolic dims by name', async () => {
  const model = await openOnnxModel(path.join(sampleDir, 'lstm_1h.onnx'), 'lstm_1h.onnx');
  try {
    assert.equal(model.inputs.length, 1);
    assert.deepEqual(
      { ...model.inputs[0], dims: model.inputs[0]!.dims.slice(1) },
      { name: 'x', tensor: true, type: 'float32', dims: [48, 16] },
    );
    assert.equal(typeof model.inputs[0]!.dims[0], 'string');
    assert.deepEqual(
      concreteDims(model.inputs[0]!.dims),
      [1, 48, 16],
      'symbolic dims become 1 for a smoke run',
    );
    const outputs = await runOnnx(model, smokeFeeds(model));
    assert.equal(outputs[0]!.name, 'probs');
    assert.equal(outputs[0]!.dims[0], 1);
    assert.deepEqual(nonFiniteOutputs(outputs), []);
    const latency = await measureLatency(model, smokeFeeds(model), { warmup: 1, runs: 6 });
    assert.equal(latency.runs, 6);
    assert.ok(latency.p50Ms > 0 && latency.minMs <= latency.p50Ms);
  } finally {
    await model.session.release();
  }
});

test('golden inputs that do not match the model are named as such, not as an onnxruntime error', async () => {
  const model = await openOnnxModel(path.join(sampleDir, 'lstm_1h.onnx'), 'lstm_1h.onnx');
  try {
    assert.throws(
      () =>
        feedsFrom(
          model,
          { input: { dims: [1, 48, 16], data: new Array(768).fill(0) } },
          'golden.json models.lstm_1h.onnx',
        ),
      {
        message:
          'golden.json models.lstm_1h.onnx: gives inputs "input" but the model takes "x"; regenerate golden.json from this export',
      },
    );
    assert.throws(
      () =>
        feedsFrom(
          model,
          { x: { dims: [1, 24, 16], data: new Array(384).fill(0) } },
          'golden.json models.lstm_1h.onnx',
        ),
      /input x has dims \[1, 24, 16\] but the model declares \[batch, 48, 16\]/,
    );
  } finally {
    await model.session.release();
  }
});

test('a file that is not ONNX is refused naming the file', async () => {
  await assert.rejects(
    openOnnxModel(path.join(sampleDir, 'metrics.json'), 'metrics.json'),
    (error: unknown) => {
      assert.ok(error instanceof ModelgateError);
      assert.match(error.message, /^metrics\.json: onnxruntime cannot load the model: /);
      assert.equal(error.file, 'metrics.json');
      assert.doesNotMatch(
        error.message,
        /samples\/release/,
        'the message names the bundle file, not the path on disk',
      );
      return true;
    },
  );
});

test('a ZipMap output (skl2onnx default) fails load with the export fix', async (t) => {
  const dir = await copySample(t);
  await copyFile(path.join(fixtures, 'zipmap.onnx'), path.join(dir, 'classifier.onnx'));
  const report = await healthcheck(dir);
  const load = assertFails(report, 'load', 'classifier.onnx', 'output_probability', ZIPMAP_FIX);
  assert.ok(load.problems?.some((p) => p.file?.endsWith('classifier.onnx')));
  const config = check(report, 'config');
  assert.equal(config.status, 'warn', 'a file the config does not list is a warning');
  assert.match(config.message, /classifier\.onnx/);
  const onnx = (
    load.details as { onnx: { file: string; outputs: { tensor: boolean; type: string }[] }[] }
  ).onnx.find((o) => o.file === 'classifier.onnx');
  assert.deepEqual(onnx?.outputs, [
    { name: 'output_probability', tensor: false, type: 'map/sequence', dims: [] },
  ]);
});

test('outputs that are NaN or infinite fail load naming the file and the output', async (t) => {
  const dir = await copySample(t);
  await copyFile(path.join(fixtures, 'nonfinite.onnx'), path.join(dir, 'broken.onnx'));
  const report = await healthcheck(dir);
  const load = assertFails(report, 'load', 'broken.onnx', 'output y', 'non-finite');
  assert.match(load.message, /holds 3 non-finite values \(first (Infinity|NaN) at index 0\)/);
  // Golden lists the model without an entry, and leaves the failure to load rather than repeating it.
  const golden = check(report, 'golden');
  assert.equal(golden.status, 'pass', golden.message);
  const row = (
    golden.details as { models: { model: string; golden: string; status: string; message: string }[] }
  ).models.find((m) => m.model === 'broken.onnx');
  assert.deepEqual([row?.golden, row?.status], ['none', 'skip']);
  assert.match(row!.message, /does not load \(see load\)/);
});
