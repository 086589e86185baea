/**
 * Structural check of a PyTorch checkpoint, without PyTorch and without unpickling: the
 * storages the pickle references (its persistent ids) must be in the archive with at least
 * the bytes the tensors need, or `torch.load` fails on the server instead of in CI.
 *
 * Zip format (torch >= 1.6): one top folder holding `data.pkl`, `data/<key>` storages,
 * `version`, and from torch 2.1 `byteorder` and `.data/serialization_id`. Legacy format: five
 * pickles (magic number, protocol 1001, sys info, the object, the storage keys) followed by
 * each storage as an int64 element count and its raw bytes, in key order.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import { ModelgateError } from '../errors.js';
import { hasZipMagic, ZipReader } from '../bundle/zip.js';
import { scanPickle, scanPickleFd, type PickleGlobal, type PickleScan } from '../safety/pickle.js';

export interface TorchStorageRef {
  key: string;
  /** The storage class named in the persistent id, e.g. `torch.FloatStorage`. */
  storageType: string;
  location: string;
  /** Elements the pickle expects (the largest when a key is referenced several times). */
  numel: number;
  /** `numel` times the element size, when the storage type is known. */
  bytes?: number;
}

export interface TorchArchiveInfo {
  file: string;
  format: 'zip' | 'legacy';
  /** Zip: the top folder (`archive`, or the file's base name). */
  prefix?: string;
  /** Zip: every member name. Legacy: empty. */
  entries: string[];
  /** Storages the pickle references, once per key. */
  storages: TorchStorageRef[];
  /** Storage keys the file holds (zip: `data/<key>` members; legacy: the keys pickle). */
  present: string[];
  /** Referenced keys the file does not hold; always empty when this returns (it throws instead). */
  missing: string[];
  /** Tensors rebuilt by the pickle (calls of torch's `_rebuild_tensor*` functions). */
  tensors: number;
  byteorder?: string;
  version?: string;
  globals: PickleGlobal[];
}

const ELEMENT_SIZES: Record<string, number> = {
  DoubleStorage: 8,
  FloatStorage: 4,
  HalfStorage: 2,
  BFloat16Storage: 2,
  LongStorage: 8,
  IntStorage: 4,
  ShortStorage: 2,
  CharStorage: 1,
  ByteStorage: 1,
  BoolStorage: 1,
  ComplexDoubleStorage: 16,
  ComplexFloatStorage: 8,
  QInt8Storage: 1,
  QUInt8Storage: 1,
  QInt32Storage: 4,
  QUInt4x2Storage: 1,
  QUInt2x4Storage: 1,
  UntypedStorage: 1,
};

const LEGACY_MAGIC = 0x1950a86a20f9469cfc6cn;
const LEGACY_PROTOCOL = 1001;
const MAX_DATA_PKL = 256 * 1024 * 1024;
const REBUILDS_TENSOR =
  /^torch\._utils\._rebuild_(tensor|tensor_v2|tensor_v3|qtensor|device_tensor_from_numpy)$/;

function elementSizeOf(storageType: string): number | undefined {
  const [, module, name] = /^(torch|torch\.storage)\.(\w+)$/.exec(storageType) ?? [];
  return module && name && Object.hasOwn(ELEMENT_SIZES, name) ? ELEMENT_SIZES[name] : undefined;
}

function fail(file: string, message: string): ModelgateError {
  return new ModelgateError(`${file}: ${message}`, 'check', { file });
}

function countTensors(scan: PickleScan): number {
  let n = 0;
  for (const [fn, calls] of Object.entries(scan.calls)) if (REBUILDS_TENSOR.test(fn)) n += calls;
  return n;
}

function isGlobalRef(v: unknown): v is { module: string; name: string } {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { module?: unknown }).module === 'string' &&
    typeof (v as { name?: unknown }).name === 'string'
  );
}

/** The storages named by `('storage', type, key, location, numel, ...)` persistent ids. */
function referencedStorages(file: string, pickleName: string, scan: PickleScan): TorchStorageRef[] {
  const byKey = new Map<string, TorchStorageRef>();
  for (const pid of scan.persistentIds) {
    const [kind, type, key, location, numel] = pid;
    if (
      kind !== 'storage' ||
      !isGlobalRef(type) ||
      typeof key !== 'string' ||
      typeof location !== 'string' ||
      typeof numel !== 'number'
    ) {
      throw fail(
        file,
        `${pickleName} holds a persistent id torch cannot load (${JSON.stringify(pid, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)).slice(0, 120)}); re-save the checkpoint with torch.save`,
      );
    }
    const storageType = `${type.module}.${type.name}`;
    const elementSize = elementSizeOf(storageType);
    const previous = byKey.get(key);
    const ref: TorchStorageRef = { key, storageType, location, numel: Math.max(numel, previous?.numel ?? 0) };
    if (elementSize !== undefined) ref.bytes = ref.numel * elementSize;
    byKey.set(key, ref);
  }
  return [...byKey.values()];
}

function missingMessage(
  pickleName: string,
  keys: string[],
  label: (k: string) => string,
  container: string,
): string {
  const names = keys.map(label);
  const list =
    names.length === 1
      ? `storage ${names[0]}`
      : `storages ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${pickleName} references ${list}, which ${container} does not contain; the checkpoint is incomplete, save it again with torch.save`;
}

async function inspectZip(file: string, displayName: string): Promise<TorchArchiveInfo> {
  const zip = await ZipReader.open(file, displayName);
  try {
    const entries = zip.entries.map((e) => e.name);
    const files = entries.filter((n) => !n.endsWith('/'));
    const tops = new Set(files.map((n) => (n.includes('/') ? n.split('/')[0] : '')));
    const prefix = tops.size === 1 ? [...tops][0] : undefined;
    if (!prefix)
      throw fail(
        displayName,
        'is a zip but not a PyTorch archive: its entries are not under one top folder with a data.pkl',
      );
    const member = (rel: string): string => `${prefix}/${rel}`;
    const dataPkl = zip.find(member('data.pkl'));
    if (!dataPkl)
      throw fail(displayName, `is a zip but not a PyTorch archive: ${member('data.pkl')} is missing`);
    const versionEntry = zip.find(member('version')) ?? zip.find(member('.data/version'));
    if (!versionEntry)
      throw fail(displayName, `has no ${member('version')} record; torch.load refuses archives without it`);
    const version = (await zip.read(versionEntry, 64)).toString('utf8').trim();
    const byteorderEntry = zip.find(member('byteorder'));
    let byteorder: string | undefined;
    if (byteorderEntry) {
      byteorder = (await zip.read(byteorderEntry, 16)).toString('utf8').trim();
      if (byteorder !== 'little' && byteorder !== 'big')
        throw fail(displayName, `has byteorder "${byteorder}"; expected "little" or "big"`);
    }
    const scan = scanPickle(await zip.read(dataPkl, MAX_DATA_PKL));
    if (scan.error) throw fail(displayName, `data.pkl cannot be read: ${scan.error}`);
    const storages = referencedStorages(displayName, 'data.pkl', scan);
    const present = files
      .filter((n) => n.startsWith(member('data/')))
      .map((n) => n.slice(member('data/').length));
    const presentSet = new Set(present);
    const missing = storages.filter((s) => !presentSet.has(s.key)).map((s) => s.key);
    if (missing.length)
      throw fail(
        displayName,
        missingMessage('data.pkl', missing, (k) => `data/${k}`, 'the archive'),
      );
    for (const s of storages) {
      const entry = zip.find(member(`data/${s.key}`));
      if (entry && s.bytes !== undefined && entry.size < s.bytes) {
        throw fail(
          displayName,
          `storage data/${s.key} holds ${entry.size} bytes but data.pkl needs ${s.bytes} (${s.numel} × ${s.storageType}); the archive is truncated or was edited`,
        );
      }
    }
    const info: TorchArchiveInfo = {
      file: displayName,
      format: 'zip',
      prefix,
      entries,
      storages,
      present,
      missing: [],
      tensors: countTensors(scan),
      version,
      globals: scan.globals,
    };
    if (byteorder !== undefined) info.byteorder = byteorder;
    return info;
  } finally {
    await zip.close();
  }
}

async function inspectLegacy(file: string, displayName: string): Promise<TorchArchiveInfo> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const scan = scanPickleFd(handle.fd, 0, size, { maxPickles: 5 });
    const [magic, protocol, sysInfo, , keys] = scan.values;
    if (magic !== LEGACY_MAGIC)
      throw fail(displayName, 'is not a PyTorch checkpoint (no zip header and no legacy magic number)');
    if (scan.error) throw fail(displayName, `the legacy checkpoint's pickles cannot be read: ${scan.error}`);
    if (scan.pickles < 5)
      throw fail(
        displayName,
        `the legacy checkpoint has ${scan.pickles} of its 5 pickles; the file is truncated`,
      );
    if (protocol !== LEGACY_PROTOCOL)
      throw fail(displayName, `uses legacy protocol ${String(protocol)}; torch reads ${LEGACY_PROTOCOL}`);
    if (!Array.isArray(keys) || !keys.every((k): k is string => typeof k === 'string')) {
      throw fail(displayName, 'the legacy checkpoint does not end its pickles with a list of storage keys');
    }
    const storages = referencedStorages(displayName, 'the pickled object', scan);
    const keySet = new Set(keys);
    const missing = storages.filter((s) => !keySet.has(s.key)).map((s) => s.key);
    if (missing.length)
      throw fail(
        displayName,
        missingMessage('the pickled object', missing, (k) => k, 'the file'),
      );
    // Raw storages follow in key order: int64 element count, then the bytes.
    const byKey = new Map(storages.map((s) => [s.key, s]));
    let offset = scan.end;
    const countBuf = Buffer.alloc(8);
    for (const key of keys) {
      const ref = byKey.get(key);
      const elementSize = ref ? elementSizeOf(ref.storageType) : undefined;
      const { bytesRead } = await handle.read(countBuf, 0, 8, offset);
      if (bytesRead < 8)
        throw fail(
          displayName,
          `storage ${key} is missing: the file ends at byte ${offset}; the checkpoint is truncated`,
        );
      const numel = Number(countBuf.readBigInt64LE(0));
      // A storage nothing references, or of an unknown type: the rest cannot be located.
      if (elementSize === undefined) break;
      if (numel < 0 || (ref && numel < ref.numel))
        throw fail(
          displayName,
          `storage ${key} holds ${numel} elements but the pickled object needs ${ref?.numel}`,
        );
      offset += 8 + numel * elementSize;
      if (offset > size)
        throw fail(
          displayName,
          `storage ${key} runs past the end of the file (byte ${offset} of ${size}); the checkpoint is truncated`,
        );
    }
    const info: TorchArchiveInfo = {
      file: displayName,
      format: 'legacy',
      entries: [],
      storages,
      present: keys,
      missing: [],
      tensors: countTensors(scan),
      version: String(LEGACY_PROTOCOL),
      globals: scan.globals,
    };
    if (sysInfo && typeof sysInfo === 'object' && 'little_endian' in sysInfo)
      info.byteorder = (sysInfo as { little_endian: unknown }).little_endian ? 'little' : 'big';
    return info;
  } finally {
    await handle.close();
  }
}

/** Reads a `.pt` checkpoint's structure; throws ModelgateError('check') when torch could not load it. */
export async function inspectTorchArchive(
  file: string,
  displayName = path.basename(file),
): Promise<TorchArchiveInfo> {
  const handle = await open(file, 'r').catch((e: unknown) => {
    throw fail(displayName, `cannot be read (${(e as Error).message})`);
  });
  let head: Buffer;
  try {
    head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    head = head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (hasZipMagic(head)) return inspectZip(file, displayName);
  if (head[0] === 0x80) return inspectLegacy(file, displayName);
  throw fail(displayName, 'is not a PyTorch checkpoint (neither a zip archive nor the legacy pickle format)');
}
