/**
 * `safety`: every pickle in the bundle (`.pkl` files, `data.pkl` inside torch archives, zip
 * or legacy) is walked opcode by opcode, never executed, and every global it would import is
 * checked against the allow-list; links and devices in a bundle directory are refused, and a
 * tarball that tried to escape its extraction folder was refused before anything ran.
 */
import { isFileSafe, safetyProblems, scanFileForPickles, type FileSafety } from '../safety/scan.js';
import type { Problem } from '../report/types.js';
import {
  annotationPath,
  fileProblem,
  mapLimit,
  plural,
  type CheckOutcome,
  type HealthContext,
} from './context.js';
import { sniff } from './kinds.js';

/** Kinds whose content is parsed by a strict reader of its own; the rest may hide a pickle. */
const PARSED_KINDS = new Set(['onnx', 'lightgbm', 'xgboost', 'json']);

/**
 * Files to walk: declared pickles and torch archives, files of no known kind, and any file
 * whose first bytes are a pickle's or a zip's whatever its declared kind (a pickle saved
 * under a .json name is still unpickled by whoever trusts the name less than the bytes).
 */
export function pickleCandidates(ctx: HealthContext): string[] {
  return ctx.files
    .filter((f) => {
      const kind = ctx.kinds.get(f.path) ?? 'other';
      if (!PARSED_KINDS.has(kind)) return true;
      const detected = sniff(ctx.heads.get(f.path) ?? Buffer.alloc(0));
      return detected === 'pickle' || detected === 'torch-legacy' || detected === 'zip';
    })
    .map((f) => f.path);
}

export async function scanBundle(ctx: HealthContext): Promise<FileSafety[]> {
  const candidates = pickleCandidates(ctx);
  const results = await mapLimit(candidates, 4, (rel) =>
    scanFileForPickles(ctx.byPath.get(rel)!.absolute, rel),
  );
  for (const r of results) remember(ctx, r);
  return results;
}

/** The globals a bundle file's pickles import: from `safety`'s walk, or walked now when it did not run. */
export async function pickleGlobalsOf(
  ctx: HealthContext,
  rel: string,
): Promise<{ module: string; name: string }[]> {
  return (
    ctx.pickleGlobals.get(rel) ?? remember(ctx, await scanFileForPickles(ctx.byPath.get(rel)!.absolute, rel))
  );
}

function remember(ctx: HealthContext, r: FileSafety): { module: string; name: string }[] {
  const globals = r.pickles.flatMap((p) => p.globals.map((g) => ({ module: g.module, name: g.name })));
  ctx.pickleGlobals.set(r.file, globals);
  return globals;
}

export async function checkSafety(ctx: HealthContext): Promise<CheckOutcome> {
  if (ctx.refused) {
    const message = ctx.refused;
    return {
      status: 'fail',
      message,
      details: { refused: message },
      problems: [{ severity: 'error', message, file: annotationPath(ctx) }],
    };
  }
  const problems: Problem[] = [];
  for (const s of ctx.special) {
    problems.push(
      fileProblem(
        ctx,
        'error',
        s.path,
        `${s.path}: is a ${s.type}; a bundle holds regular files only (a link can point the service at any file on the server): replace it with the file itself`,
      ),
    );
  }
  const results = await scanBundle(ctx);
  const rows = results.map((r) => {
    const declared = ctx.kinds.get(r.file);
    const notPickle = r.format === 'not-pickle' && (declared === 'pickle' || declared === 'torch');
    const messages = safetyProblems(r);
    if (notPickle)
      messages.push(
        `${r.file}: declared ${declared} but no pickle could be read from it; save it with ${declared === 'torch' ? 'torch.save' : 'pickle.dump'}`,
      );
    for (const m of messages) problems.push(fileProblem(ctx, 'error', r.file, m));
    return {
      file: r.file,
      format: r.format,
      pickles: r.pickles.length,
      globals: [...new Set(r.pickles.flatMap((p) => p.globals.map((g) => `${g.module}.${g.name}`)))],
      unsafe: r.unsafe.map((u) => `${u.member ? `${u.member}: ` : ''}${u.module}.${u.name}`),
      status: isFileSafe(r) && !notPickle ? 'pass' : 'fail',
      ...(messages.length ? { message: messages.join('; ') } : {}),
    };
  });
  const pickles = results.reduce((n, r) => n + r.pickles.length, 0);
  const details = { files: rows };
  if (problems.length) {
    const first = problems[0]!.message;
    return {
      status: 'fail',
      message: problems.length > 1 ? `${first} (and ${plural(problems.length - 1, 'more problem')})` : first,
      details,
      problems,
    };
  }
  return {
    status: 'pass',
    message: `${plural(pickles, 'pickle')} in ${plural(results.length, 'file')} walked opcode by opcode, never executed: every global they import is on the allow-list`,
    details,
  };
}
