/**
 * `config`: the bundle holds every artifact `release.artifacts` lists, each of the declared
 * kind; files the config does not list are a warning (they ship, but nothing checks them
 * against an intention). A missing or empty bundle stops the healthcheck with one line.
 */
import { listBundle } from '../bundle/files.js';
import { errorMessage } from '../errors.js';
import type { Problem } from '../report/types.js';
import { fileProblem, mapLimit, plural, readHead, type CheckOutcome, type HealthContext } from './context.js';
import { guessKind, kindMismatch, sniff } from './kinds.js';

export async function checkConfig(ctx: HealthContext): Promise<CheckOutcome> {
  let listing;
  try {
    listing = await listBundle(ctx.root);
  } catch (error) {
    ctx.fatal = { check: 'config', reason: 'there is no bundle to check' };
    const message = errorMessage(error);
    return { status: 'fail', message, problems: [{ severity: 'error', message }] };
  }
  const files = listing.files.filter((f) => f.path !== ctx.manifestInBundle);
  ctx.files = files;
  ctx.special = listing.special;
  ctx.byPath = new Map(files.map((f) => [f.path, f]));
  if (files.length === 0) {
    ctx.fatal = { check: 'config', reason: 'the bundle is empty' };
    const message = `${ctx.bundle}: the bundle is empty (no model files); point the bundle input at the directory or .tar.gz the training job wrote`;
    return {
      status: 'fail',
      message,
      problems: [{ severity: 'error', message, file: ctx.tarball ?? ctx.bundle }],
    };
  }

  // The early worker read them already when the healthcheck had a head start (head-start.ts).
  const heads = await mapLimit(
    files,
    8,
    async (f) => ctx.survey?.head(f.path, f.size) ?? readHead(f.absolute),
  );
  files.forEach((f, i) => ctx.heads.set(f.path, heads[i]!));

  const problems: Problem[] = [];
  const rows: {
    path: string;
    kind: string;
    size?: number;
    status: 'ok' | 'missing' | 'wrong kind' | 'unlisted';
    message?: string;
  }[] = [];
  const declared = new Map(ctx.config.release.artifacts.map((a) => [a.path, a.kind]));
  for (const artifact of ctx.config.release.artifacts) {
    const file = ctx.byPath.get(artifact.path);
    if (!file) {
      const message = `${artifact.path}: listed in release.artifacts (${ctx.configFile}) with kind ${artifact.kind} but missing from the bundle; add it to the bundle or remove it from the config`;
      problems.push({ severity: 'error', message, file: ctx.configFile });
      rows.push({ path: artifact.path, kind: artifact.kind, status: 'missing', message });
      continue;
    }
    const mismatch = kindMismatch(artifact.kind, sniff(ctx.heads.get(file.path)!));
    if (mismatch) {
      const message = `${artifact.path}: ${mismatch}`;
      problems.push(fileProblem(ctx, 'error', file.path, message));
      rows.push({ path: artifact.path, kind: artifact.kind, size: file.size, status: 'wrong kind', message });
    } else rows.push({ path: artifact.path, kind: artifact.kind, size: file.size, status: 'ok' });
  }

  const unlisted: string[] = [];
  for (const file of files) {
    const kind = declared.get(file.path) ?? guessKind(file.path, sniff(ctx.heads.get(file.path)!));
    ctx.kinds.set(file.path, kind);
    // golden.json is expected by release.golden even when the artifact list leaves it out.
    if (declared.has(file.path) || file.path === ctx.config.release.golden) continue;
    unlisted.push(file.path);
    const message = `${file.path}: in the bundle but not in release.artifacts (${ctx.configFile}); add it with its kind (checked as ${kind}) or leave it out of the bundle`;
    problems.push(fileProblem(ctx, 'warning', file.path, message));
    rows.push({ path: file.path, kind, size: file.size, status: 'unlisted', message });
  }

  const listed = ctx.config.release.artifacts.length;
  const missing = rows.filter((r) => r.status === 'missing').length;
  const wrongKind = rows.filter((r) => r.status === 'wrong kind').length;
  const details = { artifacts: rows, files: files.length, unlisted };
  if (missing || wrongKind) {
    const firstError = problems.find((p) => p.severity === 'error')!;
    const counts = [missing ? `${missing} missing` : '', wrongKind ? `${wrongKind} of the wrong kind` : '']
      .filter(Boolean)
      .join(', ');
    const more = missing + wrongKind > 1 ? ` (${counts} of ${listed} artifacts)` : '';
    const folder = commonFolder(
      files.map((f) => f.path),
      rows.filter((r) => r.status === 'missing').map((r) => r.path),
    );
    const hint = folder
      ? `; the bundle's files are all under ${folder}/ (a tarball of the folder rather than of its contents?): pack it with tar -czf <name>.tar.gz -C ${folder} . or point the bundle input at ${folder}`
      : '';
    return { status: 'fail', message: `${firstError.message}${more}${hint}`, details, problems };
  }
  const present = `${listed} of ${listed} artifacts present with their declared kinds`;
  if (unlisted.length)
    return {
      status: 'warn',
      message: `${present}; ${plural(unlisted.length, 'file')} not in release.artifacts: ${unlisted.join(', ')}`,
      details,
      problems,
    };
  return { status: 'pass', message: present, details };
}

/** The one folder every file is under, when the missing artifacts are found inside it. */
function commonFolder(paths: readonly string[], missing: readonly string[]): string | undefined {
  const first = paths[0]?.split('/')[0];
  if (!first || !paths.every((p) => p.startsWith(`${first}/`))) return undefined;
  const inside = new Set(paths.map((p) => p.slice(first.length + 1)));
  return missing.some((m) => inside.has(m)) ? first : undefined;
}
