/**
 * What a file is, from its first bytes: enough to tell a declared kind that cannot be right
 * (a PyTorch archive listed as ONNX, a pickle saved where XGBoost JSON belongs) before any
 * parser sees it, and to pick a checker for files the config does not list.
 */
import path from 'node:path';
import type { ArtifactKind } from '../config/schema.js';
import type { FileKind } from './context.js';

export type Detected =
  'empty' | 'zip' | 'gzip' | 'pickle' | 'torch-legacy' | 'json' | 'lightgbm' | 'onnx' | 'text' | 'binary';

export function sniff(head: Buffer): Detected {
  if (head.length === 0) return 'empty';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  // PROTO opcode then a protocol number; the legacy torch format opens with protocol 2 and a LONG1 magic number.
  if (head[0] === 0x80 && head[1] !== undefined && head[1] >= 2 && head[1] <= 5)
    return head[2] === 0x8a ? 'torch-legacy' : 'pickle';
  const text = head.toString('latin1');
  if (/^tree\r?\n/.test(text)) return 'lightgbm';
  if (/^\s*[{[]/.test(text)) return 'json';
  // ModelProto opens with ir_version (field 1, varint) in every exporter's output.
  if (head[0] === 0x08 && head.length > 2 && head[1]! < 0x20) return 'onnx';
  return isText(head) ? 'text' : 'binary';
}

/**
 * The tree kind a file's first bytes suggest, for parsing before the config says: LightGBM's
 * text opens with `tree`, XGBoost's JSON with its `learner` object.
 */
export function treeKindOf(head: Buffer): 'lightgbm' | 'xgboost' | undefined {
  const detected = sniff(head);
  if (detected === 'lightgbm') return 'lightgbm';
  return detected === 'json' && head.includes('"learner"') ? 'xgboost' : undefined;
}

function isText(head: Buffer): boolean {
  for (const b of head) if (b < 9 || (b > 13 && b < 32) || b === 127) return false;
  return true;
}

const DETECTED_NAME: Record<Detected, string> = {
  empty: 'an empty file',
  zip: 'a zip archive (a PyTorch .pt file?)',
  gzip: 'gzip-compressed data',
  pickle: 'a pickle',
  'torch-legacy': 'a legacy-format PyTorch file',
  json: 'JSON text',
  lightgbm: 'a LightGBM text model',
  onnx: 'an ONNX model',
  text: 'plain text',
  binary: 'binary data',
};

const EXPECTED: Record<ArtifactKind, { ok: readonly Detected[]; fix: string }> = {
  onnx: { ok: ['onnx', 'binary'], fix: 'export it with torch.onnx.export (or skl2onnx) to a .onnx file' },
  torch: { ok: ['zip', 'torch-legacy', 'pickle'], fix: 'save it with torch.save' },
  lightgbm: { ok: ['lightgbm'], fix: "save it as text with booster.save_model('model.txt')" },
  xgboost: { ok: ['json'], fix: "save it as JSON with model.save_model('model.json')" },
  // Protocol 0 and 1 pickles are text-like; the safety check reads them opcode by opcode.
  pickle: {
    ok: ['pickle', 'torch-legacy', 'text', 'binary'],
    fix: 'save it with pickle.dump or joblib.dump (uncompressed)',
  },
  json: { ok: ['json'], fix: 'write it with json.dump' },
};

/** Why a file of `detected` content cannot be of the declared kind, or undefined when it can. */
export function kindMismatch(declared: ArtifactKind, detected: Detected): string | undefined {
  const rule = EXPECTED[declared];
  if (rule.ok.includes(detected)) return undefined;
  return `declared kind ${declared} but the file is ${DETECTED_NAME[detected]}; ${detected === 'empty' ? 'the file is empty: copy it again from the training job' : `fix its kind in release.artifacts, or ${rule.fix}`}`;
}

/** Kind of a file the config does not list, from its extension and content. */
export function guessKind(rel: string, detected: Detected): FileKind {
  const ext = path.extname(rel).toLowerCase();
  if (ext === '.onnx') return 'onnx';
  if (ext === '.pt' || ext === '.pth') return 'torch';
  if (ext === '.pkl' || ext === '.pickle' || ext === '.joblib') return 'pickle';
  if (detected === 'lightgbm') return 'lightgbm';
  if (ext === '.json' || detected === 'json') return 'json';
  if (detected === 'pickle' || detected === 'torch-legacy') return 'pickle';
  if (detected === 'zip' && ext === '.bin') return 'torch';
  return 'other';
}
