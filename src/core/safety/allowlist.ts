/**
 * The globals a pickle may import and still pass the `safety` check.
 *
 * A global is whatever the unpickler imports and can then call with arguments taken from
 * the file (REDUCE, NEWOBJ, BUILD's `__setstate__`). So the list holds only callables that,
 * whatever arguments they get, build data: tensors from storages, arrays from bytes,
 * estimators from their attributes. Every argument they receive is itself either plain
 * data or another allowed global, so composing them cannot reach anything else.
 *
 * What it covers:
 * - PyTorch state dicts (`torch.save(model.state_dict())`, zip or legacy): the tensor and
 *   parameter rebuild functions, storage classes (only ever named inside persistent ids),
 *   `collections.OrderedDict`, and the value types a state dict can carry (`torch.Size`,
 *   `torch.device`, dtypes).
 * - numpy arrays and scalars: `_reconstruct`, `ndarray`, `dtype`, `scalar`, and
 *   `_frombuffer` (protocol 5), under both `numpy.core` (numpy 1) and `numpy._core` (numpy 2).
 * - scikit-learn estimators: classes (CamelCase names) in the estimator packages below.
 *   Their unpickling is `cls.__new__` plus `__setstate__`, which only stores attributes.
 *   Functions are never allowed, and neither are packages that hold helpers which read
 *   files, fetch URLs or run code (`sklearn.utils` with `_testing`, `sklearn.datasets`,
 *   `sklearn.externals`, `sklearn.metrics` scorers wrapping callables, test modules).
 * - Protocol 0-2 plumbing: `_codecs.encode` (how protocol 2 spells bytes; a codec lookup
 *   can only import modules inside the `encodings` package), `copyreg._reconstructor` with
 *   `builtins.object` (how protocol 0-1 rebuild plain objects), and the data constructors
 *   `set`, `frozenset`, `bytearray`, `complex`, `slice`, `range`.
 *
 * Everything else fails: `os`/`posix`/`nt`, `subprocess`, `builtins.eval`/`exec`/
 * `getattr`/`__import__`/`compile`/`open`/`globals`, `runpy`, `socket`, `pydoc`,
 * `operator.methodcaller`/`attrgetter`, `pickle.loads`, `torch.load`,
 * `torch.storage._load_from_bytes` (a nested unrestricted load), `numpy.load`,
 * `numpy.random` ... and any module a model's own code defines (whole-module pickles).
 */

/** Python 2 module names the Python 3 unpickler maps on load (`fix_imports`). */
const PY2_MODULES: Record<string, string> = {
  __builtin__: 'builtins',
  copy_reg: 'copyreg',
};

const TORCH_STORAGES = [
  'FloatStorage',
  'DoubleStorage',
  'HalfStorage',
  'BFloat16Storage',
  'LongStorage',
  'IntStorage',
  'ShortStorage',
  'CharStorage',
  'ByteStorage',
  'BoolStorage',
  'ComplexFloatStorage',
  'ComplexDoubleStorage',
  'QInt8Storage',
  'QUInt8Storage',
  'QInt32Storage',
  'QUInt4x2Storage',
  'QUInt2x4Storage',
  'UntypedStorage',
];

const TORCH_DTYPES = [
  'float16',
  'float32',
  'float64',
  'bfloat16',
  'half',
  'float',
  'double',
  'int8',
  'int16',
  'int32',
  'int64',
  'uint8',
  'short',
  'int',
  'long',
  'bool',
  'complex64',
  'complex128',
  'cfloat',
  'cdouble',
];

const NUMPY_MULTIARRAY = ['_reconstruct', 'scalar'];

/** Exact (module, name) pairs, with Python 3 module names. */
export const ALLOWED_GLOBALS: Readonly<Record<string, readonly string[]>> = {
  // torch state dicts
  'torch._utils': [
    '_rebuild_tensor',
    '_rebuild_tensor_v2',
    '_rebuild_parameter',
    '_rebuild_parameter_with_state',
    '_rebuild_qtensor',
    '_rebuild_device_tensor_from_numpy',
  ],
  'torch._tensor': ['_rebuild_from_type_v2'],
  torch: [...TORCH_STORAGES, ...TORCH_DTYPES, 'Size', 'device', 'Tensor'],
  'torch.storage': ['UntypedStorage'],
  'torch.nn.parameter': ['Parameter'],
  collections: ['OrderedDict'],
  // numpy arrays and scalars
  numpy: ['ndarray', 'dtype'],
  'numpy.core.multiarray': NUMPY_MULTIARRAY,
  'numpy._core.multiarray': NUMPY_MULTIARRAY,
  'numpy.core.numeric': ['_frombuffer'],
  'numpy._core.numeric': ['_frombuffer'],
  // protocol 0-2 plumbing and plain data constructors
  _codecs: ['encode'],
  copyreg: ['_reconstructor'],
  builtins: ['set', 'frozenset', 'bytearray', 'complex', 'slice', 'range', 'object'],
};

/** scikit-learn packages whose classes are estimators or their parts (trees, losses, kernels). */
export const SKLEARN_ESTIMATOR_PACKAGES: readonly string[] = [
  '_loss',
  'calibration',
  'cluster',
  'compose',
  'covariance',
  'cross_decomposition',
  'decomposition',
  'discriminant_analysis',
  'dummy',
  'ensemble',
  'feature_extraction',
  'feature_selection',
  'gaussian_process',
  'impute',
  'isotonic',
  'kernel_approximation',
  'kernel_ridge',
  'linear_model',
  'mixture',
  'multiclass',
  'multioutput',
  'naive_bayes',
  'neighbors',
  'neural_network',
  'pipeline',
  'preprocessing',
  'random_projection',
  'semi_supervised',
  'svm',
  'tree',
];

const CLASS_NAME = /^[A-Z][A-Za-z0-9_]*$/;
const MODULE_SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Test helpers live next to estimators; importing them runs test code. */
const TEST_SEGMENTS = new Set(['tests', 'test', '_testing', 'testing', 'conftest']);

function isSklearnEstimatorClass(module: string, name: string): boolean {
  const parts = module.split('.');
  if (parts[0] !== 'sklearn' || parts.length < 2) return false;
  if (!SKLEARN_ESTIMATOR_PACKAGES.includes(parts[1] as string)) return false;
  if (!parts.every((p) => MODULE_SEGMENT.test(p) && !TEST_SEGMENTS.has(p))) return false;
  return CLASS_NAME.test(name);
}

/** Whether a pickle may import `module.name` (see the list above for what and why). */
export function isAllowedGlobal(module: string, name: string): boolean {
  const mod = PY2_MODULES[module] ?? module;
  const exact = Object.hasOwn(ALLOWED_GLOBALS, mod) ? ALLOWED_GLOBALS[mod] : undefined;
  if (exact?.includes(name)) return true;
  return isSklearnEstimatorClass(mod, name);
}
