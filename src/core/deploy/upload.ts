/**
 * Upload to `.modelgate/incoming/<id>.tar.gz.part` (never read by the service). A partial
 * file left by a cut connection is resumed when its bytes are a prefix of the tarball (both
 * sides hash the same number of bytes); otherwise the upload starts over. The whole file is
 * then hashed on the target and must equal the manifest's sha256 before it is used.
 */
import { formatSize, sha256File } from '../bundle/files.js';
import { ModelgateError } from '../errors.js';
import { sh } from '../remote/quote.js';
import type { UploadProgress } from '../remote/transport.js';
import { remoteSha256 } from './hash.js';
import type { Target } from './target.js';

export interface UploadRequest {
  localFile: string;
  remotePart: string;
  size: number;
  sha256: string;
  log: (line: string) => void;
  /** Called with every progress report (the tests use it to cut the connection). */
  onProgress?: (p: UploadProgress) => void;
  /** Fail when no byte has been sent for this long (a link that drops packets silently). */
  stallMs: number;
}

export interface UploadOutcome {
  resumedFrom: number;
  sent: number;
  verifiedBy: 'target' | 'read-back';
}

export async function uploadTarball(target: Target, request: UploadRequest): Promise<UploadOutcome> {
  const { layout } = target;
  await target.run(`creating ${layout.incoming}`, sh`mkdir -p -- ${layout.incoming}`);
  let offset = 0;
  const existing = await target.transport.size(request.remotePart);
  if (existing !== undefined && existing > 0 && existing <= request.size) {
    const [theirs, ours] = await Promise.all([
      remoteSha256(target, request.remotePart, existing),
      sha256File(request.localFile, existing),
    ]);
    if (theirs.sha256 === ours) {
      offset = existing;
      request.log(
        `resuming the upload at ${formatSize(existing)} of ${formatSize(request.size)} (the partial file matches the tarball so far)`,
      );
    } else
      request.log(`a partial upload of ${formatSize(existing)} does not match this tarball; starting over`);
  } else if (existing !== undefined && existing > request.size)
    request.log(`a partial upload larger than the tarball was found; starting over`);

  if (offset < request.size) {
    const started = Date.now();
    let nextReport = offset + request.size / 10;
    let lastProgress = Date.now();
    let sentSoFar = offset;
    const upload = target.transport.upload(request.localFile, request.remotePart, {
      offset,
      onProgress: (p) => {
        lastProgress = Date.now();
        sentSoFar = p.sent;
        if (p.sent >= nextReport || p.sent === p.total) {
          const seconds = Math.max((Date.now() - started) / 1000, 0.001);
          request.log(
            `upload ${Math.floor((100 * p.sent) / p.total)}% (${formatSize(p.sent)} of ${formatSize(p.total)}, ${formatSize(Math.round((p.sent - offset) / seconds))}/s)`,
          );
          while (nextReport <= p.sent) nextReport += request.size / 10;
        }
        request.onProgress?.(p);
      },
    });
    // A connection that dies without a reset (or a transport that never reports the loss)
    // would otherwise hang the deploy; the partial file stays for the retry to resume.
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      const check = (): void => {
        const idle = Date.now() - lastProgress;
        if (idle >= request.stallMs)
          reject(
            new ModelgateError(
              `${target.description}: the upload stalled: nothing sent for ${Math.round(idle / 1000)} s at ${formatSize(sentSoFar)} of ${formatSize(request.size)}; retry the deploy to resume it`,
              'remote',
            ),
          );
        else timer = setTimeout(check, Math.min(1000, request.stallMs - idle));
      };
      timer = setTimeout(check, Math.min(1000, request.stallMs));
    });
    try {
      await Promise.race([upload, stalled]);
    } finally {
      clearTimeout(timer);
      upload.catch(() => undefined);
    }
  }
  const size = await target.transport.size(request.remotePart);
  const hash = await remoteSha256(target, request.remotePart);
  if (size !== request.size || hash.sha256 !== request.sha256) {
    // A corrupt partial file would only be resumed and fail again: remove it.
    await target.exec(sh`rm -f -- ${request.remotePart}`);
    throw new ModelgateError(
      `${target.description}: the uploaded tarball does not match the manifest: sha256 ${hash.sha256} (${size ?? 0} bytes) on the target, ` +
        `${request.sha256} (${request.size} bytes) expected. The upload was removed and nothing live was changed; retry the deploy`,
      'check',
    );
  }
  return { resumedFrom: offset, sent: request.size - offset, verifiedBy: hash.via };
}
