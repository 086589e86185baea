/**
 * Release directories on the target: `releases/<id>/` extracted and verified beside the
 * live one, `<models_dir>` a relative symlink switched by renaming a new link over the old
 * one (rename is atomic: the service sees the old release or the new one, never a mix),
 * archives of what was live in `backup/`, and pruning that never removes the live or the
 * previous release.
 */
import { randomBytes } from 'node:crypto';
import { ModelgateError } from '../errors.js';
import type { Manifest } from '../manifest.js';
import { sh } from '../remote/quote.js';
import { HASH_FUNCTION, NO_HASH_TOOL } from './hash.js';
import { checkReleaseId, SEED_BACKUP, stamp, type Target } from './target.js';

export type ModelsState =
  /** `<models_dir>` is a link to `releases/<id>`. */
  | { kind: 'release'; id: string }
  /** A plain directory: a server set up by hand, before modelgate. */
  | { kind: 'directory' }
  | { kind: 'absent' }
  /** A link somewhere else, or a file: not something modelgate will replace silently. */
  | { kind: 'foreign'; detail: string };

export async function modelsState(target: Target): Promise<ModelsState> {
  const { layout } = target;
  const result = await target.run(
    `inspecting ${layout.models}`,
    sh`m=${layout.models}; if [ -L "$m" ]; then printf 'link\\n%s\\n' "$(readlink -- "$m")"; elif [ -d "$m" ]; then echo directory; elif [ -e "$m" ]; then echo other; else echo absent; fi`,
  );
  const [kind, link] = result.stdout.split('\n');
  if (kind === 'directory') return { kind: 'directory' };
  if (kind === 'absent') return { kind: 'absent' };
  if (kind === 'other')
    return { kind: 'foreign', detail: `${layout.models} is neither a directory nor a link` };
  const id = releaseIdOfLink(link ?? '', layout.root);
  if (id) return { kind: 'release', id };
  return {
    kind: 'foreign',
    detail: `${layout.models} is a link to ${link ?? '?'}, not to ${layout.releases}/<id>`,
  };
}

function releaseIdOfLink(link: string, root: string): string | undefined {
  const rel = link.startsWith(`${root}/`) ? link.slice(root.length + 1) : link.replace(/^(\.\/)+/, '');
  const m = /^releases\/([A-Za-z0-9][A-Za-z0-9._-]*)\/?$/.exec(rel);
  return m && !m[1]?.includes('..') ? m[1] : undefined;
}

export interface ReleaseDir {
  id: string;
  mtime: number;
}

/** Release directories, newest (most recently made live) first; `.tmp-` leftovers separately. */
export async function listReleases(target: Target): Promise<{ releases: ReleaseDir[]; leftovers: string[] }> {
  const { layout } = target;
  const result = await target.run(
    `listing ${layout.releases}`,
    sh`d=${layout.releases}; [ -d "$d" ] || exit 0; cd -- "$d" || exit 3
for x in *; do if [ -d "$x" ] && [ ! -L "$x" ]; then printf '%s %s\\n' "$(stat -c %Y -- "$x")" "$x"; fi; done`,
  );
  const releases: ReleaseDir[] = [];
  const leftovers: string[] = [];
  for (const line of result.stdout.split('\n')) {
    const m = /^(\d+) (.+)$/.exec(line);
    if (!m) continue;
    const name = m[2] as string;
    if (name.includes('.tmp-')) leftovers.push(name);
    else if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) releases.push({ id: name, mtime: Number(m[1]) });
  }
  releases.sort((a, b) => b.mtime - a.mtime || (a.id < b.id ? 1 : -1));
  return { releases, leftovers };
}

export interface VerifyOutcome {
  ok: boolean;
  problems: string[];
  /** `sha256` when every file was hashed on the target; `size` when it has no hash tool. */
  checkedBy: 'sha256' | 'size';
}

/**
 * Checks a directory on the target against the manifest: every listed file present, a
 * regular file, with the listed sha256 (or size, when the target has no hash tool); nothing
 * else there except the bundle's own `manifest.json`; no links or devices.
 */
export async function verifyReleaseDir(
  target: Target,
  dir: string,
  manifest: Manifest,
): Promise<VerifyOutcome> {
  const paths = manifest.files.map((f) => checkManifestPath(f.path));
  const script = (mode: 'hash' | 'size'): string =>
    `${HASH_FUNCTION}\n${sh`cd -- ${dir} || exit 3`}
while IFS= read -r p; do
  if [ -f "$p" ] && [ ! -L "$p" ]; then ${mode === 'hash' ? `x=$(h < "$p") || exit ${NO_HASH_TOOL}; printf 'file %s %s\\n' "\${x%% *}" "$p"` : `printf 'file %s %s\\n' "$(wc -c < "$p" | tr -d ' ')" "$p"`}
  else printf 'missing - %s\\n' "$p"; fi
done
find . ! -type d -print | sed 's/^/entry /'
find . ! -type d ! -type f -print | sed 's/^/special /'`;
  let mode: 'hash' | 'size' = 'hash';
  let result = await target.exec(script(mode), { stdin: paths.join('\n') + '\n' });
  if (result.code === NO_HASH_TOOL) {
    mode = 'size';
    result = await target.exec(script(mode), { stdin: paths.join('\n') + '\n' });
  }
  if (result.code !== 0)
    throw new ModelgateError(
      `${target.description}: checking ${dir} failed (exit ${result.code}): ${result.stderr.trim().slice(0, 300)}`,
      'remote',
    );
  const expected = new Map(manifest.files.map((f) => [f.path, f]));
  const problems: string[] = [];
  const present = new Set<string>();
  for (const line of result.stdout.split('\n')) {
    const space = line.indexOf(' ');
    const kind = line.slice(0, space);
    const rest = line.slice(space + 1);
    if (kind === 'file' || kind === 'missing') {
      const second = rest.indexOf(' ');
      const value = rest.slice(0, second);
      const name = rest.slice(second + 1);
      if (kind === 'missing') {
        problems.push(`${name}: missing (or not a regular file)`);
        continue;
      }
      const want = expected.get(name);
      if (!want) continue;
      const got = mode === 'hash' ? value : Number(value);
      const wanted = mode === 'hash' ? want.sha256 : want.size;
      if (got !== wanted)
        problems.push(
          `${name}: ${mode === 'hash' ? 'sha256' : 'size'} ${String(got)} differs from the manifest's ${String(wanted)}`,
        );
    } else if (kind === 'special')
      problems.push(`${rest.replace(/^\.\//, '')}: a link or special file, which a release must not contain`);
    else if (kind === 'entry') present.add(rest.replace(/^\.\//, ''));
  }
  for (const name of present)
    if (!expected.has(name) && name !== 'manifest.json') problems.push(`${name}: not listed in the manifest`);
  return { ok: problems.length === 0, problems, checkedBy: mode === 'hash' ? 'sha256' : 'size' };
}

/** Manifest paths become shell-read lines and file names on the target: keep them plain. */
export function checkManifestPath(p: string): string {
  if (
    /[\n\r\0\\]/.test(p) ||
    p.startsWith('/') ||
    p.split('/').some((s) => s === '..' || s === '' || s === '.')
  )
    throw new ModelgateError(
      `manifest file path ${JSON.stringify(p)} is not a plain relative path; regenerate the manifest with modelgate package`,
      'input',
    );
  return p;
}

/**
 * Extracts a verified tarball into `releases/<id>.tmp-<rand>`, checks it against the
 * manifest, and renames it to `releases/<id>`. A failed check removes the temporary
 * directory and throws; nothing live is touched.
 */
export async function extractRelease(
  target: Target,
  tarball: string,
  manifest: Manifest,
): Promise<{ checkedBy: 'sha256' | 'size' }> {
  const { layout } = target;
  const id = checkReleaseId(manifest.id);
  const tmp = `${layout.releases}/${id}.tmp-${randomBytes(4).toString('hex')}`;
  const final = `${layout.releases}/${id}`;
  await target.run(
    `extracting ${tarball} into ${tmp}`,
    sh`mkdir -p -- ${layout.releases} && rm -rf -- ${layout.releases}/*.tmp-* && mkdir -- ${tmp} && tar -xzf ${tarball} -C ${tmp} --no-same-owner --no-same-permissions`,
  );
  const outcome = await verifyReleaseDir(target, tmp, manifest);
  if (!outcome.ok) {
    await target.exec(sh`rm -rf -- ${tmp}`);
    throw new ModelgateError(
      `${target.description}: the extracted release ${id} does not match its manifest: ${outcome.problems.slice(0, 10).join('; ')}${outcome.problems.length > 10 ? `; and ${outcome.problems.length - 10} more` : ''}. Nothing live was changed`,
      'check',
    );
  }
  await target.run(
    `moving ${tmp} to ${final}`,
    sh`rm -rf -- ${final} && mv -T -- ${tmp} ${final} && touch -- ${final}`,
  );
  return { checkedBy: outcome.checkedBy };
}

/**
 * Points `<models_dir>` at `releases/<id>` (or removes the link when `id` is null, which
 * restores a server that had no models before the first deploy). The new link is made
 * beside the old one and renamed over it.
 */
export async function switchModels(target: Target, id: string | null): Promise<void> {
  const { layout } = target;
  if (id === null) {
    await target.run(
      `removing the link ${layout.models}`,
      sh`if [ -L ${layout.models} ]; then rm -f -- ${layout.models}; fi`,
    );
    return;
  }
  checkReleaseId(id);
  const next = `${layout.models}.modelgate-new`;
  await target.run(
    `switching ${layout.models} to releases/${id}`,
    sh`[ -d ${`${layout.releases}/${id}`} ] || { echo "release directory releases/"${id}" is missing" >&2; exit 3; }
rm -f -- ${next} && ln -s -- ${`releases/${id}`} ${next} && mv -Tf -- ${next} ${layout.models} && touch -- ${`${layout.releases}/${id}`}
[ "$(readlink -- ${layout.models})" = ${`releases/${id}`} ]`,
  );
}

/**
 * First deploy onto a hand-made server: the plain `<models_dir>` directory becomes
 * `releases/<id>` and a link takes its place, so the pre-modelgate models can be rolled back
 * to. The directory is absent only between the two renames.
 */
export async function adoptPlainDirectory(target: Target, id: string): Promise<void> {
  const { layout } = target;
  checkReleaseId(id);
  const next = `${layout.models}.modelgate-new`;
  await target.run(
    `moving ${layout.models} into releases/${id}`,
    sh`mkdir -p -- ${layout.releases} && [ ! -e ${`${layout.releases}/${id}`} ] && rm -f -- ${next} && ln -s -- ${`releases/${id}`} ${next} && mv -T -- ${layout.models} ${`${layout.releases}/${id}`} && mv -Tf -- ${next} ${layout.models}`,
  );
}

/**
 * Archives `releases/<id>` into `backup/<id>.tar.gz` (once: releases never change) and points
 * the seed's `backup/macd_models_backup.tar.gz` at it. A real file under the seed's name (a
 * manual backup) is kept under a dated name rather than replaced. The archive is written under
 * a temporary name and renamed only when tar succeeded: a cut one would never be rebuilt.
 */
export async function backupRelease(target: Target, id: string): Promise<string> {
  const { layout } = target;
  checkReleaseId(id);
  const archive = `${layout.backup}/${id}.tar.gz`;
  const seed = `${layout.backup}/${SEED_BACKUP}`;
  const keep = `${layout.backup}/${SEED_BACKUP.replace(/\.tar\.gz$/, '')}.pre-modelgate-${stamp()}.tar.gz`;
  const next = `${layout.backup}/.${SEED_BACKUP}.modelgate-new`;
  await target.run(
    `backing up releases/${id}`,
    sh`a=${archive}; mkdir -p -- ${layout.backup} || exit 1
if [ ! -s "$a" ]; then { tar -czf "$a.tmp" -C ${`${layout.releases}/${id}`} . && { sync -- "$a.tmp" 2>/dev/null; true; } && mv -f -- "$a.tmp" "$a"; } || { rm -f -- "$a.tmp"; exit 1; }; fi
if [ -e ${seed} ] && [ ! -L ${seed} ]; then mv -- ${seed} ${keep} || exit 1; fi
rm -f -- ${next} && ln -s -- ${`${id}.tar.gz`} ${next} && mv -Tf -- ${next} ${seed}`,
  );
  return archive;
}

/** Removes release directories and backups beyond `keep`, never touching `protect`. */
export async function prune(target: Target, keep: number, protect: ReadonlySet<string>): Promise<string[]> {
  const { layout } = target;
  const { releases, leftovers } = await listReleases(target);
  // Backups: our own `<id>.tar.gz` archives, newest `keep` kept; the seed name's target and
  // any manual backup (macd_models_backup.*) are never removed.
  const listing = await target.run(
    'listing backups',
    sh`d=${layout.backup}; [ -d "$d" ] || exit 0; cd -- "$d" || exit 3; printf 'seed %s\\n' "$(readlink -- ${SEED_BACKUP} 2>/dev/null)"
for x in *.tar.gz; do if [ -f "$x" ] && [ ! -L "$x" ]; then printf '%s %s\\n' "$(stat -c %Y -- "$x")" "$x"; fi; done`,
  );
  let seedTarget = '';
  const archives: { name: string; mtime: number }[] = [];
  const seedPrefix = SEED_BACKUP.replace(/\.tar\.gz$/, '');
  for (const line of listing.stdout.split('\n')) {
    if (line.startsWith('seed ')) seedTarget = line.slice(5);
    const m = /^(\d+) (.+\.tar\.gz)$/.exec(line);
    if (m && !m[2]?.startsWith(seedPrefix)) archives.push({ name: m[2] as string, mtime: Number(m[1]) });
  }
  // mtime has one-second resolution: archives made within the same second go by name, as
  // releases do (release ids end in their timestamp).
  archives.sort((a, b) => b.mtime - a.mtime || (a.name < b.name ? 1 : -1));
  const doomed = releases.filter((r, i) => i >= keep && !protect.has(r.id)).map((r) => r.id);
  const oldArchives = archives
    .filter((a, i) => i >= keep && a.name !== seedTarget && !protect.has(a.name.replace(/\.tar\.gz$/, '')))
    .map((a) => a.name);
  const paths = [
    ...[...doomed, ...leftovers].map((name) => `${layout.releases}/${name}`),
    ...oldArchives.map((name) => `${layout.backup}/${name}`),
  ];
  if (paths.length > 0) await target.run('removing old releases and backups', sh`rm -rf -- ${paths}`);
  return [...doomed, ...oldArchives.map((a) => `backup/${a}`)];
}
