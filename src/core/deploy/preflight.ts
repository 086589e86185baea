/**
 * Checks made before anything is uploaded: the service directory exists and is writable,
 * its file system has room for the tarball and its extraction twice over, the tools deploy
 * runs are there, and the configured is-active command can be run. Read-only, so dry-run
 * uses it as is.
 */
import path from 'node:path';
import { formatSize } from '../bundle/files.js';
import { ModelgateError } from '../errors.js';
import type { DeployConfig } from '../config/schema.js';
import { sh } from '../remote/quote.js';
import { inRoot, type Target } from './target.js';

export interface PreflightFacts {
  freeBytes: number;
  requiredBytes: number;
  serviceActive: boolean;
  isActiveOutput: string;
}

const TOOLS = ['tar', 'gzip', 'df', 'mv', 'ln', 'readlink', 'stat', 'mkdir', 'rm', 'base64', 'head', 'find'];

export async function preflight(
  target: Target,
  config: DeployConfig,
  need: { tarballBytes: number; extractedBytes: number },
): Promise<PreflightFacts> {
  const { layout } = target;
  const probe = await target.run(
    `checking ${layout.root}`,
    sh`r=${layout.root}
if [ ! -d "$r" ]; then echo exists=0; exit 0; fi
echo exists=1
if [ -w "$r" ]; then echo writable=1; else echo writable=0; fi
for t in ${TOOLS}; do command -v "$t" >/dev/null 2>&1 || echo "missing=$t"; done
if [ -d ${path.posix.dirname(layout.flagsFile)} ]; then echo flagsdir=1; else echo flagsdir=0; fi
f=${layout.flagsFile}; u=$(id -u)
if [ -e "$f" ] && [ "$u" != 0 ]; then o=$(stat -c %u -- "$f"); [ "$o" = "$u" ] || echo "flagsowner=$o $u"; fi
df -Pk -- "$r" | tail -n 1 | sed 's/^/df=/'`,
  );
  const facts = keyValues(probe.stdout);
  if (facts.get('exists')?.[0] !== '1')
    throw new ModelgateError(
      `${target.description}: ${layout.root} does not exist; create the service directory (deploy.path) or fix the path`,
      'remote',
    );
  if (facts.get('writable')?.[0] !== '1')
    throw new ModelgateError(
      `${target.description}: ${layout.root} is not writable by the deploy user; fix its owner or mode, or deploy as its owner`,
      'remote',
    );
  const missing = facts.get('missing') ?? [];
  if (missing.length > 0)
    throw new ModelgateError(
      `${target.description}: ${missing.join(', ')} not found on the target; install them (coreutils, tar, gzip, findutils)`,
      'remote',
    );
  if (facts.get('flagsdir')?.[0] !== '1')
    throw new ModelgateError(
      `${target.description}: the folder of the flags file ${layout.flagsFile} does not exist; fix deploy.flags.file (relative to deploy.path) or create the folder`,
      'remote',
    );
  // The flags file is replaced by a rename, which hands it to whoever writes it; only root can
  // give it back, and a service running as its owner may then fail to read it.
  const owner = facts.get('flagsowner')?.[0];
  if (owner !== undefined) {
    const [fileUid, deployUid] = owner.split(' ');
    throw new ModelgateError(
      `${target.description}: the flags file ${layout.flagsFile} belongs to uid ${fileUid}, not to the deploy user (uid ${deployUid}); rewriting it would change its owner. Deploy as its owner or as root (deploy.user / username), or give the file to the deploy user`,
      'remote',
    );
  }
  const freeBytes = availableBytes(facts.get('df')?.[0] ?? '');
  if (freeBytes === undefined)
    throw new ModelgateError(
      `${target.description}: could not read the free space of ${layout.root} from df -Pk`,
      'remote',
    );
  const requiredBytes = 2 * (need.tarballBytes + need.extractedBytes);
  if (freeBytes < requiredBytes)
    throw new ModelgateError(
      `${target.description}: not enough free space at ${layout.root}: ${formatSize(freeBytes)} free, ${formatSize(requiredBytes)} needed ` +
        `(the tarball and its extraction, twice over); free some space (old files in backup/ or releases/) and retry. Nothing was uploaded`,
      'remote',
    );
  const active = await target.exec(inRoot(layout, config.is_active));
  if (active.code === 126 || active.code === 127 || active.code === 124)
    throw new ModelgateError(
      `${target.description}: the is-active command (deploy.is_active: ${config.is_active}) could not run (exit ${active.code}): ${(active.stderr || active.stdout).trim().slice(0, 300)}; fix the command`,
      'remote',
    );
  return {
    freeBytes,
    requiredBytes,
    serviceActive: active.code === 0,
    isActiveOutput: (active.stdout.trim() || active.stderr.trim()).split('\n')[0] ?? '',
  };
}

function keyValues(text: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq);
    map.set(key, [...(map.get(key) ?? []), line.slice(eq + 1)]);
  }
  return map;
}

/** The "Available" column of `df -Pk`; found next to the "Capacity" column, as names may hold spaces. */
export function availableBytes(dfLine: string): number | undefined {
  const fields = dfLine.trim().split(/\s+/);
  const capacity = fields.findIndex((f, i) => i >= 4 && /^\d+%$/.test(f));
  const available = capacity > 0 ? Number(fields[capacity - 1]) : NaN;
  return Number.isFinite(available) ? available * 1024 : undefined;
}
