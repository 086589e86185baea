/**
 * Turning a backup archive on the target back into a release directory, for a rollback when
 * no release directory is left (pruned, removed by hand, or a server whose only backup is the
 * seed's `backup/macd_models_backup.tar.gz`). The archive is read back and checked here with
 * the same rules as a release tarball before the target extracts it. Archives written by
 * modelgate hold the files at the top; one made by hand from the service directory
 * (`tar -czf backup/... models`) holds a single `models/` folder, which is unwrapped. A restored
 * release that carries its manifest.json (every one modelgate wrote) must match it file by
 * file before it is put in place: an archive damaged since it was written is refused, not
 * put live.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { listTarball } from '../bundle/tar.js';
import { ModelgateError } from '../errors.js';
import { parseManifest } from '../manifest.js';
import { sh } from '../remote/quote.js';
import { verifyReleaseDir } from './release-dir.js';
import { readRemoteFile } from './remote-files.js';
import { checkReleaseId, type Target } from './target.js';

export async function restoreArchive(
  target: Target,
  archive: string,
  id: string,
): Promise<{ files: number }> {
  const { layout } = target;
  checkReleaseId(id);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'modelgate-restore-'));
  let files: number;
  try {
    const local = path.join(scratch, 'archive.tar.gz');
    await target.transport.download(archive, local);
    // Throws naming the entry when an entry is absolute, has "..", is a link or a device.
    const entries = await listTarball(local);
    files = entries.filter((e) => e.type === 'file').length;
    if (files === 0)
      throw new ModelgateError(
        `${target.description}: ${archive} holds no files; it cannot be restored`,
        'check',
      );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const tmp = `${layout.releases}/${id}.tmp-${randomBytes(4).toString('hex')}`;
  const final = `${layout.releases}/${id}`;
  const extracted = await target.run(
    `extracting ${archive}`,
    sh`t=${tmp}; m=${layout.modelsName}
mkdir -p -- ${layout.releases} && mkdir -- "$t" || exit 1
tar -xzf ${archive} -C "$t" --no-same-owner --no-same-permissions || { rm -rf -- "$t"; exit 1; }
if [ "$(ls -A -- "$t" | wc -l)" -eq 1 ] && [ -d "$t/$m" ] && [ ! -L "$t/$m" ]; then printf '%s\n' "$t/$m"; else printf '%s\n' "$t"; fi`,
  );
  const source = extracted.stdout.trim().split('\n').at(-1) ?? tmp;
  try {
    const manifestFile = await readRemoteFile(target, `${source}/manifest.json`);
    if (manifestFile.exists) {
      const where = `${archive} (manifest.json)`;
      const outcome = await verifyReleaseDir(
        target,
        source,
        parseManifest(manifestFile.content.toString('utf8'), where),
      );
      if (!outcome.ok)
        throw new ModelgateError(
          `${target.description}: ${archive} does not match its own manifest.json (${outcome.problems.slice(0, 3).join('; ')}); it was damaged after it was written and is not restored`,
          'check',
        );
    }
    await target.run(
      `restoring ${archive} into ${final}`,
      sh`s=${source}; f=${final}
rm -rf -- "$f" && mv -T -- "$s" "$f" && touch -- "$f" || exit 1`,
    );
  } finally {
    await target.exec(sh`rm -rf -- ${tmp}`);
  }
  return { files };
}
