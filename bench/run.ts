/**
 * `npm run bench`: every benchmark, each measured against the tool a person would use by
 * hand in the same run (sha256sum and onnxruntime session creation, tar -czf and pigz, scp,
 * jq), printing ratios and whether each target holds. The healthcheck and package benches
 * need the seed-sized bundle: `/usr/bin/python3 samples/generate.py --scale seed`; it is made
 * here when Debian's PyTorch is installed. `npm run bench -- gate upload` runs a subset.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../test/support/shared.js';
import { benchGate } from './gate.js';
import { benchHealthcheck } from './healthcheck.js';
import { benchPackage } from './package.js';
import { benchTrees } from './trees.js';
import { benchUpload } from './upload.js';

const seed = path.join(repoRoot, 'samples', 'seed');

function ensureSeedBundle(): boolean {
  if (existsSync(path.join(seed, 'golden.json'))) return true;
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import torch, xgboost, sklearn, onnx'], { stdio: 'ignore' });
  } catch {
    console.log(
      `skipped: ${seed} is missing and Debian's python3-torch/xgboost/sklearn/onnx are not installed;`,
    );
    console.log('  make it with: /usr/bin/python3 samples/generate.py --scale seed');
    return false;
  }
  console.log('generating the seed-sized bundle (samples/generate.py --scale seed) ...');
  execFileSync(
    '/usr/bin/python3',
    [path.join(repoRoot, 'samples', 'generate.py'), '--scale', 'seed', '--out', seed],
    { stdio: 'inherit' },
  );
  return true;
}

const benches: Record<string, () => Promise<void>> = {
  healthcheck: async () => {
    if (ensureSeedBundle()) await benchHealthcheck(seed);
  },
  package: async () => {
    if (ensureSeedBundle()) await benchPackage(seed);
  },
  upload: benchUpload,
  gate: benchGate,
  trees: benchTrees,
};

const wanted = process.argv.slice(2).filter((a) => a in benches);
let failed = false;
for (const name of wanted.length ? wanted : Object.keys(benches)) {
  console.log(`\n=== ${name} ===`);
  process.exitCode = 0;
  await benches[name]!();
  if (process.exitCode) failed = true;
}
process.exitCode = failed ? 1 : 0;
