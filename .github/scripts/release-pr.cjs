// @ts-check
/* global module, require */
/**
 * Opens or updates the pull request that releases a model (retrain-gate.yml).
 *
 * The branch is named after the release id (release/<id>) and always holds exactly one commit
 * on top of the base branch: models/manifest.json replaced by the package action's manifest
 * (with bundle.sha256 and source.run_id, which model-pr.yml and deploy.yml use to find and
 * verify the tarball). Running it again for the same release moves the branch to a fresh
 * commit and updates the pull request instead of opening a second one. Commits go through the
 * Git database API, so no git credentials are left on the runner.
 *
 *   await require('./.github/scripts/release-pr.cjs')({ github, context, core })
 *
 * env: MANIFEST_FILE (required), NOTES_FILE, GATE_SUMMARY, TARGET_PATH (default
 * models/manifest.json), BASE_BRANCH (default: the repository's default branch).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS: actions/github-script require()s this file
const fs = require('node:fs');

const RELEASE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
// GitHub refuses bodies over 65536 characters.
const BODY_LIMIT = 60000;

/** @param {string} name @param {string} [fallback] */
function env(name, fallback = '') {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
}

/** @param {string} file */
function readManifest(file) {
  const text = fs.readFileSync(file, 'utf8');
  const manifest = JSON.parse(text);
  const id = manifest?.id;
  if (typeof id !== 'string' || !RELEASE_ID.test(id) || id.includes('..')) {
    throw new Error(`${file}: id ${JSON.stringify(id)} is not a release id`);
  }
  // Without these the pull-request check cannot find or verify the tarball.
  if (!/^[0-9]+$/.test(String(manifest.source?.run_id ?? ''))) {
    throw new Error(
      `${file}: source.run_id is missing; use the manifest the package action wrote inside GitHub Actions`,
    );
  }
  if (!/^[0-9a-f]{64}$/.test(String(manifest.bundle?.sha256 ?? ''))) {
    throw new Error(`${file}: bundle.sha256 is missing; use <id>.manifest.json from beside the tarball`);
  }
  return { id, text: text.endsWith('\n') ? text : `${text}\n` };
}

/** @param {string} notes @param {string} gate @param {string} runUrl */
function pullRequestBody(notes, gate, runUrl) {
  const footer = ['', '---', gate ? `Training gate: ${gate}` : '', `Packaged by ${runUrl}`]
    .filter((l) => l !== '')
    .join('\n');
  const room = BODY_LIMIT - footer.length - 100;
  const shown =
    notes.length > room
      ? `${notes.slice(0, room)}\n\n… (release notes truncated; the full text is in the run's summary)`
      : notes;
  return `${shown}\n${footer}\n`;
}

/** @param {{ github: any, context: any, core: any }} args */
module.exports = async function releasePullRequest({ github, context, core }) {
  const manifestFile = env('MANIFEST_FILE');
  if (!manifestFile) throw new Error('MANIFEST_FILE is not set: pass it in the github-script step env:');
  const { id, text } = readManifest(manifestFile);
  const notesFile = env('NOTES_FILE');
  const notes = notesFile && fs.existsSync(notesFile) ? fs.readFileSync(notesFile, 'utf8') : `Release ${id}`;
  const targetPath = env('TARGET_PATH', 'models/manifest.json');
  const repo = context.repo;
  const base = env('BASE_BRANCH') || (await github.rest.repos.get(repo)).data.default_branch;
  const branch = `release/${id}`;
  const runUrl = `${context.serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${context.runId}`;

  const { data: baseRef } = await github.rest.git.getRef({ ...repo, ref: `heads/${base}` });
  const baseSha = baseRef.object.sha;
  const { data: baseCommit } = await github.rest.git.getCommit({ ...repo, commit_sha: baseSha });
  const { data: blob } = await github.rest.git.createBlob({ ...repo, content: text, encoding: 'utf-8' });
  const { data: tree } = await github.rest.git.createTree({
    ...repo,
    base_tree: baseCommit.tree.sha,
    tree: [{ path: targetPath, mode: '100644', type: 'blob', sha: blob.sha }],
  });
  const { data: commit } = await github.rest.git.createCommit({
    ...repo,
    message: `Release ${id}\n\nmodels/manifest.json from ${runUrl}`,
    tree: tree.sha,
    parents: [baseSha],
  });
  try {
    await github.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha: commit.sha, force: true });
    core.info(`Moved ${branch} to ${commit.sha}`);
  } catch (error) {
    if (/** @type {any} */ (error)?.status !== 422 && /** @type {any} */ (error)?.status !== 404) throw error;
    await github.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: commit.sha });
    core.info(`Created ${branch} at ${commit.sha}`);
  }

  const title = `Release ${id}`;
  const body = pullRequestBody(notes, env('GATE_SUMMARY'), runUrl);
  const { data: open } = await github.rest.pulls.list({
    ...repo,
    state: 'open',
    head: `${repo.owner}:${branch}`,
    base,
    per_page: 1,
  });
  let pull;
  if (open.length > 0) {
    ({ data: pull } = await github.rest.pulls.update({ ...repo, pull_number: open[0].number, title, body }));
    core.info(`Updated pull request #${pull.number}`);
  } else {
    ({ data: pull } = await github.rest.pulls.create({ ...repo, title, head: branch, base, body }));
    core.info(`Opened pull request #${pull.number}`);
  }
  core.setOutput('number', String(pull.number));
  core.setOutput('url', pull.html_url);
  core.setOutput('branch', branch);
  await core.summary
    ?.addRaw(`Release pull request: [#${pull.number}](${pull.html_url}) (${branch})\n`)
    .write();
  return pull.number;
};
