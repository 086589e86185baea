/**
 * Helpers for the healthcheck tests: a private copy of the sample release to plant a defect
 * in, the sample config, a manifest written the way `package` writes it, and an ONNX editor
 * that changes a weight tensor in place (the same export with other weights).
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig, type LoadedConfig } from '../../src/core/config/load.js';
import {
  runHealthcheck,
  type HealthcheckOptions,
  type HealthReport,
} from '../../src/core/health/healthcheck.js';
import type { CheckResult } from '../../src/core/report/types.js';
import { repoRoot } from '../support/shared.js';

export const sampleDir = path.join(repoRoot, 'samples', 'release');
export const sampleConfigFile = path.join(repoRoot, 'samples', 'modelgate.yml');

export function sampleConfig(): Promise<LoadedConfig> {
  return loadConfig(sampleConfigFile);
}

/** A fresh temporary directory, removed after the test. */
export async function tempDir(t: TestContext, prefix = 'modelgate-health-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A private copy of samples/release to plant a defect in. */
export async function copySample(t: TestContext): Promise<string> {
  const dir = path.join(await tempDir(t), 'release');
  await cp(sampleDir, dir, { recursive: true });
  return dir;
}

export async function healthcheck(
  bundle: string,
  extra: Partial<HealthcheckOptions> = {},
): Promise<HealthReport> {
  const loaded = await sampleConfig();
  return runHealthcheck({ bundle, config: loaded.config, configFile: 'samples/modelgate.yml', ...extra });
}

export function check(report: HealthReport, name: string): CheckResult {
  const found = report.checks.find((c) => c.name === name);
  assert.ok(found, `no ${name} check in the report`);
  return found;
}

/** Asserts that `name` failed with a message naming every string in `mentions`. */
export function assertFails(report: HealthReport, name: string, ...mentions: string[]): CheckResult {
  const c = check(report, name);
  assert.equal(c.status, 'fail', `${name} should fail, got ${c.status}: ${c.message}`);
  assert.equal(report.passed, false);
  for (const m of mentions)
    assert.ok(c.message.includes(m), `${name} message should name ${m}: ${c.message}`);
  return c;
}

/** manifest.json for a bundle directory, as `package` writes it (the manifest does not list itself). */
export async function writeManifest(dir: string): Promise<string> {
  const loaded = await sampleConfig();
  const kinds = new Map(loaded.config.release.artifacts.map((a) => [a.path, a.kind]));
  const names = (await readdir(dir)).filter((n) => n !== 'manifest.json').sort();
  const files = [];
  for (const name of names) {
    const data = await readFile(path.join(dir, name));
    files.push({
      path: name,
      kind: kinds.get(name) ?? 'other',
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
    });
  }
  const manifest = {
    schema: 'modelgate/manifest@1',
    id: 'macd_models_final_20260220_145749',
    name: 'macd_models_final',
    created: '2026-02-20T14:57:49Z',
    files,
  };
  const file = path.join(dir, 'manifest.json');
  await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return file;
}

// --- a minimal protobuf walk over an ONNX ModelProto -------------------------------------

function readVarint(buf: Buffer, pos: number): [number, number] {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[pos++]!;
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, pos];
    shift += 7;
  }
}

interface Field {
  field: number;
  wire: number;
  /** Value for varints; start of the payload for length-delimited fields. */
  value: number;
  start: number;
  end: number;
}

function* fields(buf: Buffer, start: number, end: number): Generator<Field> {
  let pos = start;
  while (pos < end) {
    const [key, afterKey] = readVarint(buf, pos);
    const field = Math.floor(key / 8);
    const wire = key & 7;
    if (wire === 0) {
      const [value, next] = readVarint(buf, afterKey);
      yield { field, wire, value, start: afterKey, end: next };
      pos = next;
    } else if (wire === 2) {
      const [length, payload] = readVarint(buf, afterKey);
      yield { field, wire, value: length, start: payload, end: payload + length };
      pos = payload + length;
    } else if (wire === 1) {
      yield { field, wire, value: 0, start: afterKey, end: afterKey + 8 };
      pos = afterKey + 8;
    } else if (wire === 5) {
      yield { field, wire, value: 0, start: afterKey, end: afterKey + 4 };
      pos = afterKey + 4;
    } else throw new Error(`unsupported wire type ${wire} at ${pos}`);
  }
}

/**
 * The ONNX file with its largest float32 initializer (ModelProto.graph.initializer with
 * data_type FLOAT and raw_data) scaled and shifted: the same architecture exported from
 * other weights, byte for byte the same size.
 */
export function reweightOnnx(model: Buffer): { data: Buffer; tensor: string; values: number } {
  const out = Buffer.from(model);
  const graph = [...fields(out, 0, out.length)].find((f) => f.field === 7 && f.wire === 2);
  assert.ok(graph, 'no graph in the ONNX model');
  let best: { name: string; start: number; end: number } | undefined;
  for (const init of fields(out, graph.start, graph.end)) {
    if (init.field !== 5 || init.wire !== 2) continue;
    let dataType = 0;
    let raw: Field | undefined;
    let name = '';
    for (const f of fields(out, init.start, init.end)) {
      if (f.field === 2 && f.wire === 0) dataType = f.value;
      if (f.field === 9 && f.wire === 2) raw = f;
      if (f.field === 8 && f.wire === 2) name = out.toString('utf8', f.start, f.end);
    }
    if (dataType === 1 && raw && (!best || raw.end - raw.start > best.end - best.start))
      best = { name, start: raw.start, end: raw.end };
  }
  assert.ok(best, 'no float32 initializer with raw_data in the ONNX model');
  for (let p = best.start; p + 4 <= best.end; p += 4) out.writeFloatLE(out.readFloatLE(p) * 1.5 + 0.05, p);
  return { data: out, tensor: best.name, values: (best.end - best.start) / 4 };
}
