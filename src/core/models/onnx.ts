/**
 * Opening and running ONNX models with onnxruntime-node: what the service will do with them.
 * Reports names, element types and dims (symbolic dims by name), runs the model with inputs of
 * the declared shapes, detects NaN/Inf and non-tensor outputs, and measures warm latency.
 */
import { ModelgateError } from '../errors.js';
import {
  loadOrt,
  type OrtElementType,
  type OrtModule,
  type OrtSession,
  type OrtTensor,
  type OrtTensorData,
  type OrtValue,
} from './onnx-runtime.js';

export interface OnnxValueInfo {
  name: string;
  /** False for maps and sequences (a skl2onnx ZipMap output). */
  tensor: boolean;
  /** Element type (`float32`), or `map/sequence` for a non-tensor value. */
  type: string;
  /** Numbers for fixed dims, names for symbolic ones (`batch`). Empty when unknown. */
  dims: (number | string)[];
}

export interface OnnxModel {
  /** How messages name the file (its path in the bundle). */
  name: string;
  session: OrtSession;
  ort: OrtModule;
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  /** Time onnxruntime took to create the session. */
  openMs: number;
}

/** The fix for a ZipMap output, which onnxruntime-node cannot return and the service cannot use. */
export const ZIPMAP_FIX =
  "re-export with skl2onnx options {'zipmap': False} so the probabilities are a plain tensor";

export interface OpenOptions {
  /** Threads for one operator; 1 leaves the other cores to the rest of the healthcheck. */
  intraOpNumThreads?: number;
}

/** Creates an inference session; a file onnxruntime rejects becomes a ModelgateError naming it. */
export async function openOnnxModel(
  file: string,
  name: string,
  options: OpenOptions = {},
): Promise<OnnxModel> {
  const ort = await loadOrt();
  const started = performance.now();
  let session: OrtSession;
  try {
    session = await ort.InferenceSession.create(file, {
      intraOpNumThreads: options.intraOpNumThreads ?? 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
      logSeverityLevel: 3,
    });
  } catch (error) {
    const why = firstLine(error);
    throw new ModelgateError(
      `${name}: onnxruntime cannot load the model: ${why}; ${
        /protobuf parsing failed/i.test(why)
          ? 'the file is truncated or not an ONNX model: copy it again, or re-export it (torch.onnx.export)'
          : 're-export it with an opset and operators onnxruntime 1.30 supports'
      }`,
      'check',
      { file: name },
      { cause: error },
    );
  }
  const openMs = performance.now() - started;
  return {
    name,
    session,
    ort,
    openMs,
    inputs: session.inputMetadata.map(describeValue),
    outputs: session.outputMetadata.map(describeValue),
  };
}

function describeValue(meta: OrtSession['inputMetadata'][number]): OnnxValueInfo {
  if (!meta.isTensor) return { name: meta.name, tensor: false, type: 'map/sequence', dims: [] };
  return { name: meta.name, tensor: true, type: meta.type, dims: [...meta.shape] };
}

/** onnxruntime's message without its own prefix, which names a temporary path rather than the bundle file. */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = (text.split('\n')[0] ?? text).trim();
  return line.replace(/^Load model from .* failed:\s*/, '').replace(/\.$/, '');
}

/** `[batch, 48, 16]` */
export function formatDims(dims: readonly (number | string)[]): string {
  return `[${dims.join(', ')}]`;
}

/** Outputs the service cannot read as tensors, with the export fix. */
export function nonTensorOutputs(model: OnnxModel): string[] {
  return model.outputs.filter((o) => !o.tensor).map((o) => o.name);
}

export interface NumericTensor {
  dims: number[];
  data: ArrayLike<number>;
}

const FLOAT_TYPES = new Set(['float32', 'float64']);

/** Builds a typed tensor of `type` from plain numbers. */
function makeTensor(
  ort: OrtModule,
  type: string,
  values: ArrayLike<number>,
  dims: readonly number[],
  what: string,
): OrtTensor {
  let data: OrtTensorData;
  switch (type) {
    case 'float32':
      data = Float32Array.from(values);
      break;
    case 'float64':
      data = Float64Array.from(values);
      break;
    case 'int32':
      data = Int32Array.from(values);
      break;
    case 'int64':
      data = BigInt64Array.from(Array.from(values, (v) => BigInt(Math.trunc(v))));
      break;
    case 'int8':
      data = Int8Array.from(values);
      break;
    case 'uint8':
    case 'bool':
      data = Uint8Array.from(values);
      break;
    case 'int16':
      data = Int16Array.from(values);
      break;
    case 'uint16':
      data = Uint16Array.from(values);
      break;
    case 'uint32':
      data = Uint32Array.from(values);
      break;
    default:
      throw new ModelgateError(
        `${what}: input type ${type} is not supported by the healthcheck; use float32, float64 or integer inputs`,
        'check',
      );
  }
  return new ort.Tensor(type as OrtElementType, data, dims);
}

/**
 * Concrete dims for an input: fixed dims as declared, symbolic ones from `given` (golden
 * dims) or 1 (one bar, what the service feeds per prediction).
 */
export function concreteDims(declared: readonly (number | string)[], given?: readonly number[]): number[] {
  if (given) return [...given];
  return declared.map((d) => (typeof d === 'number' && d > 0 ? d : 1));
}

/**
 * Smoke inputs of the declared shapes. Values are small and deterministic, not zeros, so a
 * model that divides by a feature or normalises a row does not hide a NaN behind a zero row.
 */
export function smokeFeeds(model: OnnxModel): Record<string, OrtTensor> {
  const feeds: Record<string, OrtTensor> = {};
  for (const input of model.inputs) {
    if (!input.tensor)
      throw new ModelgateError(
        `${model.name}: input ${input.name} is not a tensor; the service feeds tensors: re-export with tensor inputs`,
        'check',
        {
          file: model.name,
        },
      );
    const dims = concreteDims(input.dims);
    const size = dims.reduce((a, b) => a * b, 1);
    const values = new Float64Array(size);
    if (FLOAT_TYPES.has(input.type)) for (let i = 0; i < size; i++) values[i] = 0.5 * Math.sin(i + 1);
    feeds[input.name] = makeTensor(model.ort, input.type, values, dims, `${model.name} input ${input.name}`);
  }
  return feeds;
}

/**
 * Feeds from golden inputs, checked against the model's declared inputs so that a renamed
 * input or a changed shape is reported as such rather than as an onnxruntime error.
 */
export function feedsFrom(
  model: OnnxModel,
  inputs: Record<string, NumericTensor>,
  source: string,
): Record<string, OrtTensor> {
  const declared = new Map(model.inputs.map((i) => [i.name, i]));
  const given = Object.keys(inputs);
  const unknown = given.filter((n) => !declared.has(n));
  const missing = [...declared.keys()].filter((n) => !(n in inputs));
  if (unknown.length || missing.length) {
    const quoted = (names: string[]): string => names.map((n) => `"${n}"`).join(', ') || '(none)';
    throw new ModelgateError(
      `${source}: gives inputs ${quoted(given)} but the model takes ${quoted([...declared.keys()])}; regenerate golden.json from this export`,
      'check',
    );
  }
  const feeds: Record<string, OrtTensor> = {};
  for (const [name, tensor] of Object.entries(inputs)) {
    const info = declared.get(name)!;
    // Symbolic dims (`batch`, or -1/0 when unnamed) take any size; fixed ones must match.
    const differs =
      (info.dims.length > 0 && info.dims.length !== tensor.dims.length) ||
      info.dims.some((d, i) => typeof d === 'number' && d > 0 && d !== tensor.dims[i]);
    if (differs)
      throw new ModelgateError(
        `${source}: input ${name} has dims ${formatDims(tensor.dims)} but the model declares ${formatDims(info.dims)}; regenerate golden.json from this export`,
        'check',
      );
    feeds[name] = makeTensor(model.ort, info.type, tensor.data, tensor.dims, `${source} input ${name}`);
  }
  return feeds;
}

export interface RunOutput {
  name: string;
  type: string;
  dims: number[];
  /** Values as doubles; int64 outputs are converted (exactly up to 2^53). */
  data: Float64Array;
}

function isTensor(value: OrtValue): value is OrtTensor {
  const v = value as Partial<OrtTensor> | null;
  return (
    v !== null &&
    typeof v === 'object' &&
    Array.isArray(v.dims) &&
    v.data !== undefined &&
    typeof v.type === 'string'
  );
}

/** Runs the model once; outputs converted to doubles. Non-tensor or string outputs throw. */
export async function runOnnx(model: OnnxModel, feeds: Record<string, OrtTensor>): Promise<RunOutput[]> {
  const nonTensor = nonTensorOutputs(model);
  if (nonTensor.length)
    throw new ModelgateError(
      `${model.name}: output ${nonTensor.join(', ')} is a map or sequence (a ZipMap?), not a tensor; ${ZIPMAP_FIX}`,
      'check',
      {
        file: model.name,
      },
    );
  let results: Record<string, OrtValue>;
  try {
    results = await model.session.run(feeds);
  } catch (error) {
    throw new ModelgateError(
      `${model.name}: inference failed: ${firstLine(error)}`,
      'check',
      { file: model.name },
      { cause: error },
    );
  }
  const outputs: RunOutput[] = [];
  for (const name of model.session.outputNames) {
    const value = results[name];
    if (!isTensor(value))
      throw new ModelgateError(`${model.name}: output ${name} is not a tensor; ${ZIPMAP_FIX}`, 'check', {
        file: model.name,
      });
    if (value.type === 'string')
      throw new ModelgateError(
        `${model.name}: output ${name} is a string tensor; the service reads numeric outputs`,
        'check',
        { file: model.name },
      );
    const data = value.data as Exclude<OrtTensorData, readonly string[]>;
    const doubles = new Float64Array(data.length);
    for (let i = 0; i < data.length; i++) doubles[i] = Number(data[i]!);
    outputs.push({ name, type: value.type, dims: [...value.dims], data: doubles });
    value.dispose?.();
  }
  return outputs;
}

/** Outputs holding NaN or infinite values: name, count and the first index. */
export function nonFiniteOutputs(
  outputs: readonly RunOutput[],
): { name: string; count: number; first: number; value: number }[] {
  const found: { name: string; count: number; first: number; value: number }[] = [];
  for (const out of outputs) {
    let count = 0;
    let first = -1;
    for (let i = 0; i < out.data.length; i++) {
      if (!Number.isFinite(out.data[i]!)) {
        if (first < 0) first = i;
        count++;
      }
    }
    if (count) found.push({ name: out.name, count, first, value: out.data[first]! });
  }
  return found;
}

export interface Latency {
  p50Ms: number;
  minMs: number;
  runs: number;
}

/**
 * Warm latency: `warmup` runs discarded, then up to `runs` timed runs, stopping once
 * `budgetMs` is spent (after at least 5 timed runs): a p50 needs a handful of runs, not a
 * benchmark, and the healthcheck runs on every pull request.
 */
export async function measureLatency(
  model: OnnxModel,
  feeds: Record<string, OrtTensor>,
  options: { warmup?: number; runs?: number; budgetMs?: number } = {},
): Promise<Latency> {
  const warmup = options.warmup ?? 2;
  const runs = options.runs ?? 20;
  const budget = options.budgetMs ?? 25;
  for (let i = 0; i < warmup; i++) await model.session.run(feeds);
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await model.session.run(feeds);
    times.push(performance.now() - t0);
    if (times.length >= 5 && performance.now() - started > budget) break;
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const p50 = times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return { p50Ms: p50, minMs: times[0]!, runs: times.length };
}
