/**
 * The one place that loads onnxruntime-node. It is loaded lazily, by a dynamic import, so
 * that the actions which never open an ONNX model (package, deploy, gate, rollback) never
 * load its native binary, and a runner on an unsupported platform only fails the checks
 * that need it.
 *
 * In the built action (`dist/healthcheck/index.js`) onnxruntime-node is not bundled: its JS
 * is vendored beside the bundle as one CommonJS file with its native binaries
 * (`vendor/onnxruntime-node/dist/index.cjs`, `vendor/onnxruntime-node/bin/napi-v6/linux/{x64,arm64}/`).
 * In development and tests it is the ordinary npm dependency.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ModelgateError } from '../errors.js';

/** Element types onnxruntime reports for tensors. */
export type OrtElementType =
  | 'float32'
  | 'float64'
  | 'float16'
  | 'int8'
  | 'uint8'
  | 'int16'
  | 'uint16'
  | 'int32'
  | 'uint32'
  | 'int64'
  | 'uint64'
  | 'bool'
  | 'string'
  | 'int4'
  | 'uint4';

export type OrtTensorData =
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array
  | readonly string[];

export interface OrtTensor {
  readonly type: string;
  readonly dims: readonly number[];
  readonly data: OrtTensorData;
  dispose?(): void;
}

/** Output values: tensors, or (for maps and sequences) whatever the runtime returns. */
export type OrtValue = OrtTensor | unknown;

export type OrtValueMetadata =
  | { readonly name: string; readonly isTensor: false }
  | {
      readonly name: string;
      readonly isTensor: true;
      readonly type: string;
      readonly shape: ReadonlyArray<number | string>;
    };

export interface OrtSessionOptions {
  intraOpNumThreads?: number;
  interOpNumThreads?: number;
  executionMode?: 'sequential' | 'parallel';
  graphOptimizationLevel?: 'disabled' | 'basic' | 'extended' | 'layout' | 'all';
  logSeverityLevel?: 0 | 1 | 2 | 3 | 4;
  enableCpuMemArena?: boolean;
}

export interface OrtSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  readonly inputMetadata: readonly OrtValueMetadata[];
  readonly outputMetadata: readonly OrtValueMetadata[];
  run(feeds: Record<string, OrtTensor>, fetches?: readonly string[]): Promise<Record<string, OrtValue>>;
  release(): Promise<void>;
}

export interface OrtModule {
  readonly InferenceSession: {
    create(pathOrBuffer: string | Uint8Array, options?: OrtSessionOptions): Promise<OrtSession>;
  };
  readonly Tensor: new (type: OrtElementType, data: OrtTensorData, dims: readonly number[]) => OrtTensor;
  readonly env?: { logLevel?: string; versions?: Record<string, string | undefined> };
}

/** Platforms and architectures whose binaries are shipped with the built action. */
export const SHIPPED_BINARIES = ['linux/x64', 'linux/arm64'] as const;

let loading: Promise<OrtModule> | undefined;

/** Loads onnxruntime-node once per process; later calls share the same module. */
export function loadOrt(): Promise<OrtModule> {
  loading ??= load().catch((error: unknown) => {
    // Let a later call retry: the failure may be a transient file-system error.
    loading = undefined;
    throw error;
  });
  return loading;
}

async function load(): Promise<OrtModule> {
  // onnxruntime 1.2x+ keeps usage telemetry on Linux: a SQLite file under ~/.cache/Microsoft,
  // written with fsync at exit (a tenth of a small healthcheck's time), and uploads over HTTPS
  // when it can. A model release check on a trading team's runners and servers has no business
  // doing either. An explicit ORT_DISABLE_TELEMETRY in the environment is left as it is.
  process.env.ORT_DISABLE_TELEMETRY ??= '1';
  // Beside the healthcheck bundle; the package, root and CLI bundles borrow the same copy.
  const vendored = ['./vendor/', '../healthcheck/vendor/']
    .map((dir) => new URL(`${dir}onnxruntime-node/dist/index.cjs`, import.meta.url))
    .find((url) => url.protocol === 'file:' && existsSync(fileURLToPath(url)));
  let loaded: unknown;
  try {
    if (vendored) {
      const require = createRequire(import.meta.url);
      loaded = require(fileURLToPath(vendored));
    } else {
      // A runtime specifier the bundler leaves alone: bundles use the vendored copy above.
      const specifier = 'onnxruntime-node';
      loaded = await import(specifier);
    }
  } catch (error) {
    const where = `${process.platform}/${process.arch}`;
    const shipped = (SHIPPED_BINARIES as readonly string[]).includes(where);
    throw new ModelgateError(
      shipped
        ? `onnxruntime-node failed to load on ${where}: ${(error as Error).message}; reinstall it (npm ci) or use a runner image with glibc 2.28 or newer`
        : `onnxruntime-node cannot run on ${where}: only the linux x64 and linux arm64 binaries are shipped with the action; run the healthcheck on an ubuntu-latest (x64) or ubuntu-24.04-arm runner`,
      'runtime',
      {},
      { cause: error },
    );
  }
  return asOrtModule(loaded);
}

/** The CommonJS build may arrive as the module itself or under `default` (ESM interop). */
function asOrtModule(loaded: unknown): OrtModule {
  const candidates = [loaded, (loaded as { default?: unknown } | null)?.default];
  for (const candidate of candidates) {
    const m = candidate as Partial<OrtModule> | null | undefined;
    if (m && typeof m.InferenceSession?.create === 'function' && typeof m.Tensor === 'function')
      return m as OrtModule;
  }
  throw new ModelgateError(
    'onnxruntime-node loaded but has no InferenceSession or Tensor: the vendored copy is broken; rebuild the action (npm run build)',
  );
}
