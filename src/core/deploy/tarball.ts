/**
 * Checks made on the runner before the target is touched: the tarball is the one the
 * manifest describes (sha256 and size), and its entries pass the same safety rules as the
 * healthcheck (no absolute paths, no `..`, no links or devices; `listTarball` throws naming
 * the entry) and are exactly the manifest's files. The same bytes are proven to have
 * arrived by the sha256 on the target, so the server extracts only what was checked here.
 */
import { stat } from 'node:fs/promises';
import { listTarball } from '../bundle/tar.js';
import { sha256File } from '../bundle/files.js';
import { ModelgateError } from '../errors.js';
import type { Manifest } from '../manifest.js';
import { checkManifestPath } from './release-dir.js';

export interface CheckedTarball {
  size: number;
  sha256: string;
  /** Sum of the sizes of the files inside. */
  extractedBytes: number;
  files: number;
}

export async function checkTarball(file: string, manifest: Manifest): Promise<CheckedTarball> {
  let size: number;
  try {
    const st = await stat(file);
    if (!st.isFile()) throw new Error('not a regular file');
    size = st.size;
  } catch (error) {
    throw new ModelgateError(
      `${file}: cannot read the tarball (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); pass the .tar.gz written by modelgate package`,
      'input',
      {
        file,
      },
    );
  }
  // Both read the whole tarball, so they run side by side rather than one after the other.
  // A failed listing is held until the sha256 and size have been compared, so a tarball that
  // is not the manifest's is reported as such first, whatever else is wrong with it.
  const [hashed, listed] = await Promise.allSettled([sha256File(file), listTarball(file)]);
  if (hashed.status === 'rejected') throw hashed.reason;
  const sha256 = hashed.value;
  const expected = manifest.bundle?.sha256;
  if (expected && expected !== sha256)
    throw new ModelgateError(
      `${file}: sha256 ${sha256} does not match the manifest's bundle.sha256 ${expected} (release ${manifest.id}); the tarball is not the one the manifest describes. Nothing was uploaded`,
      'check',
      { file },
    );
  if (manifest.bundle?.size !== undefined && manifest.bundle.size !== size)
    throw new ModelgateError(
      `${file}: ${size} bytes, but the manifest's bundle.size is ${manifest.bundle.size}; the tarball is not the one the manifest describes`,
      'check',
      { file },
    );
  if (listed.status === 'rejected') throw listed.reason;

  const wanted = new Map(manifest.files.map((f) => [checkManifestPath(f.path), f]));
  const found = new Map<string, number>();
  // listTarball gives normalised paths and refuses every type but file and directory.
  for (const entry of listed.value) if (entry.type === 'file') found.set(entry.path, entry.size);
  const problems: string[] = [];
  for (const [name, f] of wanted) {
    const got = found.get(name);
    if (got === undefined) problems.push(`${name} is listed in the manifest but not in the tarball`);
    else if (got !== f.size) problems.push(`${name} is ${got} bytes, the manifest says ${f.size}`);
  }
  for (const name of found.keys())
    if (!wanted.has(name) && name !== 'manifest.json')
      problems.push(`${name} is in the tarball but not in the manifest`);
  if (problems.length > 0)
    throw new ModelgateError(
      `${file}: the tarball does not match the manifest of ${manifest.id}: ${problems.slice(0, 10).join('; ')}. Nothing was uploaded`,
      'check',
      { file },
    );
  const extractedBytes = [...found.values()].reduce((a, b) => a + b, 0);
  return { size, sha256, extractedBytes, files: found.size };
}
