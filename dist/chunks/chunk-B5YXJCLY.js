import { createRequire as __modelgateCreateRequire } from 'node:module'; const require = __modelgateCreateRequire(import.meta.url); const __modelgateFilename = import.meta.filename; const __modelgateDirname = import.meta.dirname;

// src/core/health/kinds.ts
import path from "node:path";
function sniff(head) {
  if (head.length === 0) return "empty";
  if (head[0] === 80 && head[1] === 75 && head[2] === 3 && head[3] === 4) return "zip";
  if (head[0] === 31 && head[1] === 139) return "gzip";
  if (head[0] === 128 && head[1] !== void 0 && head[1] >= 2 && head[1] <= 5)
    return head[2] === 138 ? "torch-legacy" : "pickle";
  const text = head.toString("latin1");
  if (/^tree\r?\n/.test(text)) return "lightgbm";
  if (/^\s*[{[]/.test(text)) return "json";
  if (head[0] === 8 && head.length > 2 && head[1] < 32) return "onnx";
  return isText(head) ? "text" : "binary";
}
function treeKindOf(head) {
  const detected = sniff(head);
  if (detected === "lightgbm") return "lightgbm";
  return detected === "json" && head.includes('"learner"') ? "xgboost" : void 0;
}
function isText(head) {
  for (const b of head) if (b < 9 || b > 13 && b < 32 || b === 127) return false;
  return true;
}
var DETECTED_NAME = {
  empty: "an empty file",
  zip: "a zip archive (a PyTorch .pt file?)",
  gzip: "gzip-compressed data",
  pickle: "a pickle",
  "torch-legacy": "a legacy-format PyTorch file",
  json: "JSON text",
  lightgbm: "a LightGBM text model",
  onnx: "an ONNX model",
  text: "plain text",
  binary: "binary data"
};
var EXPECTED = {
  onnx: { ok: ["onnx", "binary"], fix: "export it with torch.onnx.export (or skl2onnx) to a .onnx file" },
  torch: { ok: ["zip", "torch-legacy", "pickle"], fix: "save it with torch.save" },
  lightgbm: { ok: ["lightgbm"], fix: "save it as text with booster.save_model('model.txt')" },
  xgboost: { ok: ["json"], fix: "save it as JSON with model.save_model('model.json')" },
  // Protocol 0 and 1 pickles are text-like; the safety check reads them opcode by opcode.
  pickle: {
    ok: ["pickle", "torch-legacy", "text", "binary"],
    fix: "save it with pickle.dump or joblib.dump (uncompressed)"
  },
  json: { ok: ["json"], fix: "write it with json.dump" }
};
function kindMismatch(declared, detected) {
  const rule = EXPECTED[declared];
  if (rule.ok.includes(detected)) return void 0;
  return `declared kind ${declared} but the file is ${DETECTED_NAME[detected]}; ${detected === "empty" ? "the file is empty: copy it again from the training job" : `fix its kind in release.artifacts, or ${rule.fix}`}`;
}
function guessKind(rel, detected) {
  const ext = path.extname(rel).toLowerCase();
  if (ext === ".onnx") return "onnx";
  if (ext === ".pt" || ext === ".pth") return "torch";
  if (ext === ".pkl" || ext === ".pickle" || ext === ".joblib") return "pickle";
  if (detected === "lightgbm") return "lightgbm";
  if (ext === ".json" || detected === "json") return "json";
  if (detected === "pickle" || detected === "torch-legacy") return "pickle";
  if (detected === "zip" && ext === ".bin") return "torch";
  return "other";
}

export {
  sniff,
  treeKindOf,
  kindMismatch,
  guessKind
};
