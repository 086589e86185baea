#!/usr/bin/env node
/**
 * The release a workflow acts on, read from a reviewed manifest and checked before use.
 *
 *   node .github/scripts/release.mjs resolve --manifest models/manifest.json
 *        [--release <id>] [--out <file>] [--baseline <file>]
 *   node .github/scripts/release.mjs verify --manifest <file> --dir <dir>
 *
 * resolve: the release models/manifest.json names or, with --release, the version of that file in
 *   this branch's history that released <id>: only what a reviewed pull request merged can be
 *   deployed. Writes id, run-id, sha256, size, file, manifest (the path of the resolved copy),
 *   commit and baseline to $GITHUB_OUTPUT. The manifest's values reach `name:` and `run-id:` of
 *   download-artifact, so each is checked against a strict pattern first.
 * verify: <dir>/<bundle.file> must have the manifest's size and sha256 (the artifact is only
 *   trusted after this); writes tarball=<absolute path>.
 *
 * Node built-ins only: it runs on a bare checkout, before any npm install.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const RELEASE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
const RUN_ID = /^[1-9][0-9]{0,19}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const HISTORY_LIMIT = 1000;

export class ReleaseError extends Error {}

function fail(message) {
  throw new ReleaseError(message);
}

function checkId(id, where) {
  if (typeof id !== 'string' || !RELEASE_ID.test(id) || id.includes('..')) {
    fail(`${where}: release id ${JSON.stringify(id)} is not of letters, digits, ".", "_" or "-"`);
  }
  return id;
}

/** The fields a workflow needs from a manifest, each checked; `file` names the manifest in messages. */
export function releaseFacts(manifest, file, repository = process.env.GITHUB_REPOSITORY) {
  if (manifest === null || typeof manifest !== 'object')
    fail(`${file}: expected a JSON object (a modelgate manifest)`);
  const id = checkId(manifest.id, `${file}: id`);
  const bundle = manifest.bundle ?? {};
  const source = manifest.source ?? {};
  const runId = source.run_id;
  if (typeof runId !== 'string' || !RUN_ID.test(runId)) {
    fail(
      `${file}: source.run_id is ${JSON.stringify(runId)}; expected the id of the workflow run that packaged ` +
        'the release (the package action writes it inside GitHub Actions; run retrain-gate.yml to make one)',
    );
  }
  if (typeof bundle.sha256 !== 'string' || !SHA256.test(bundle.sha256)) {
    fail(
      `${file}: bundle.sha256 is missing or not a lowercase hex sha256; commit the <id>.manifest.json package wrote beside the tarball`,
    );
  }
  if (!Number.isSafeInteger(bundle.size) || bundle.size < 0)
    fail(`${file}: bundle.size is missing or not a byte count`);
  const tarball = bundle.file ?? `${id}.tar.gz`;
  if (
    typeof tarball !== 'string' ||
    tarball !== path.basename(tarball) ||
    !/\.(tar\.gz|tgz)$/.test(tarball) ||
    tarball.startsWith('.')
  ) {
    fail(`${file}: bundle.file ${JSON.stringify(tarball)} must be a plain .tar.gz file name`);
  }
  if (repository && source.repository && source.repository !== repository) {
    fail(
      `${file}: source.repository is ${source.repository}, not this repository (${repository}); ` +
        'artifacts are only downloaded from this repository, so package the release here',
    );
  }
  return { id, runId, sha256: bundle.sha256, size: bundle.size, file: tarball };
}

function readJson(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`${file}: cannot read it (${error.code ?? error.message})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    fail(`${file}: not valid JSON (${error.message})`);
  }
}

function git(args, cwd) {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The manifest text that released `id`, from the history of `manifestPath` on HEAD, newest first. */
export function findInHistory(manifestPath, id, cwd = process.cwd()) {
  const log = git(['log', `-n${HISTORY_LIMIT}`, '--format=%H', 'HEAD', '--', manifestPath], cwd)
    .split('\n')
    .filter(Boolean);
  for (const commit of log) {
    let text;
    try {
      text = git(['show', `${commit}:${manifestPath}`], cwd);
    } catch {
      continue; // the commit that deleted the file
    }
    let value;
    try {
      value = JSON.parse(text);
    } catch {
      continue;
    }
    if (value && value.id === id) return { commit, text, manifest: value };
  }
  const shallow = git(['rev-parse', '--is-shallow-repository'], cwd).trim() === 'true';
  fail(
    `release ${id} was never in ${manifestPath} on this branch` +
      (shallow
        ? ' (this is a shallow clone: check out with fetch-depth: 0 to search the whole history)'
        : '') +
      '; only releases merged through a pull request can be deployed',
  );
}

function headCommit(cwd) {
  try {
    return git(['rev-parse', 'HEAD'], cwd).trim();
  } catch {
    return '';
  }
}

export function resolve({
  manifest: manifestPath,
  release = '',
  out = '',
  baseline = '',
  cwd = process.cwd(),
}) {
  if (!manifestPath) fail('resolve needs --manifest <file>');
  const wanted = release.trim();
  if (wanted) checkId(wanted, 'the release input');
  const file = path.resolve(cwd, manifestPath);
  let manifest = existsSync(file) ? readJson(file) : undefined;
  let text = manifest ? readFileSync(file, 'utf8') : '';
  let commit = manifest ? headCommit(cwd) : '';
  if (!manifest && !wanted)
    fail(`${manifestPath}: no such file; merge a release pull request first, or name a release`);
  if (wanted && manifest?.id !== wanted) {
    const found = findInHistory(manifestPath, wanted, cwd);
    ({ manifest, text, commit } = found);
  }
  const facts = releaseFacts(manifest, manifestPath);
  let resolved = file;
  if (out) {
    resolved = path.resolve(cwd, out);
    writeFileSync(resolved, text);
  }
  const outputs = { ...facts, manifest: resolved, commit };
  if (baseline) {
    const base = path.resolve(cwd, baseline);
    if (existsSync(base)) {
      readJson(base); // a baseline that is not JSON is reported here, not deep inside the gate
      outputs.baseline = base;
    } else {
      outputs.baseline = '';
    }
  }
  return outputs;
}

async function sha256Of(file) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest('hex');
}

export async function verify({ manifest: manifestPath, dir, cwd = process.cwd() }) {
  if (!manifestPath || !dir) fail('verify needs --manifest <file> and --dir <directory>');
  const facts = releaseFacts(readJson(path.resolve(cwd, manifestPath)), manifestPath);
  const tarball = path.resolve(cwd, dir, facts.file);
  let size;
  try {
    size = statSync(tarball).size;
  } catch {
    fail(
      `${tarball}: not found; the artifact ${facts.id} of run ${facts.runId} does not hold ${facts.file} (expired, or a different release)`,
    );
  }
  if (size !== facts.size)
    fail(
      `${tarball}: ${size} bytes, but ${manifestPath} says ${facts.size}; the download is not the reviewed release`,
    );
  const actual = await sha256Of(tarball);
  if (actual !== facts.sha256) {
    fail(
      `${tarball}: sha256 ${actual}, but ${manifestPath} says ${facts.sha256}; the download is not the reviewed release`,
    );
  }
  return { id: facts.id, tarball, sha256: actual, size };
}

function parseArgs(argv) {
  const [command, ...rest] = argv;
  const options = {};
  for (let i = 0; i < rest.length; i += 2) {
    const key = rest[i];
    if (!key?.startsWith('--') || rest[i + 1] === undefined)
      fail(`unexpected argument ${JSON.stringify(key)}; see the usage at the top of release.mjs`);
    options[key.slice(2)] = rest[i + 1];
  }
  return { command, options };
}

function writeOutputs(outputs) {
  const lines = Object.entries(outputs).map(([key, value]) => {
    const text = String(value ?? '');
    if (/[\r\n]/.test(text)) fail(`output ${key} would span lines`);
    return `${key === 'runId' ? 'run-id' : key}=${text}`;
  });
  console.log(lines.join('\n'));
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `${lines.join('\n')}\n`);
}

export async function main(argv) {
  const { command, options } = parseArgs(argv);
  if (command === 'resolve') writeOutputs(resolve(options));
  else if (command === 'verify') writeOutputs(await verify(options));
  else fail(`unknown command ${JSON.stringify(command)}: expected resolve or verify`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error) => {
    const message = error instanceof ReleaseError ? error.message : error.stack;
    console.error(
      process.env.GITHUB_ACTIONS === 'true' ? `::error title=release::${message}` : `release.mjs: ${message}`,
    );
    process.exitCode = 1;
  });
}
