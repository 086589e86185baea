/**
 * Upload throughput of the ssh transport against OpenSSH `scp` of the same 256 MB file to the
 * same loopback sshd, in the same run (best of 3 each, alternating so both see the same
 * machine load). Target: at least 0.8 of scp's throughput.
 *
 *   node --import tsx bench/upload.ts        (or `npm run bench`)
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { connectSsh } from '../src/core/remote/ssh.js';
import { startSshd } from '../test/support/sshd.js';

const run = promisify(execFile);

const SIZE = 256 * 1024 * 1024;
const RUNS = 3;
export const TARGET_RATIO = 0.8;

export interface UploadBenchResult {
  bytes: number;
  scpMBps: number;
  transportMBps: number;
  ratio: number;
}

export async function measureUpload(bytes = SIZE, runs = RUNS): Promise<UploadBenchResult> {
  const sshd = await startSshd();
  const local = await mkdtemp(path.join(os.tmpdir(), 'modelgate-bench-upload-'));
  try {
    const file = path.join(local, 'release.tar.gz');
    await writeRandomFile(file, bytes);
    const target = path.join(sshd.dir, 'incoming.tar.gz.part');
    const transport = await connectSsh({
      host: sshd.host,
      port: sshd.port,
      username: sshd.username,
      privateKey: sshd.privateKey,
      knownHosts: sshd.knownHostsLine,
      commandTimeoutMs: 60_000,
    });
    try {
      const scpTimes: number[] = [];
      const ourTimes: number[] = [];
      for (let i = 0; i < runs; i++) {
        await rm(target, { force: true });
        scpTimes.push(
          await timed(() =>
            run('scp', [
              '-q',
              '-F',
              '/dev/null',
              '-P',
              String(sshd.port),
              '-i',
              sshd.privateKeyFile,
              '-o',
              `UserKnownHostsFile=${sshd.knownHostsFile}`,
              '-o',
              'StrictHostKeyChecking=yes',
              '-o',
              'BatchMode=yes',
              '-o',
              'IdentitiesOnly=yes',
              file,
              `${sshd.username}@${sshd.host}:${target}`,
            ]),
          ),
        );
        await rm(target, { force: true });
        ourTimes.push(await timed(() => transport.upload(file, target)));
      }
      // A fast upload is worthless unless it is exact (the target is on this machine).
      const [sent, received] = await Promise.all([sha256File(file), sha256File(target)]);
      if (sent !== received)
        throw new Error(`the uploaded file differs from the source (sha256 ${received} != ${sent})`);
      const scpMBps = bytes / 1e6 / Math.min(...scpTimes);
      const transportMBps = bytes / 1e6 / Math.min(...ourTimes);
      return { bytes, scpMBps, transportMBps, ratio: transportMBps / scpMBps };
    } finally {
      await transport.close();
    }
  } finally {
    await rm(local, { recursive: true, force: true });
    await sshd.stop();
  }
}

export async function benchUpload(): Promise<void> {
  const r = await measureUpload();
  const verdict = r.ratio >= TARGET_RATIO ? 'ok' : 'BELOW TARGET';
  console.log(`upload ${(r.bytes / 1024 / 1024).toFixed(0)} MiB to loopback sshd (best of ${RUNS})`);
  console.log(`  scp            ${r.scpMBps.toFixed(1)} MB/s`);
  console.log(`  ssh transport  ${r.transportMBps.toFixed(1)} MB/s`);
  console.log(`  ratio          ${r.ratio.toFixed(2)} of scp (target >= ${TARGET_RATIO}) ${verdict}`);
  if (r.ratio < TARGET_RATIO) process.exitCode = 1;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function writeRandomFile(file: string, size: number): Promise<void> {
  const handle = await open(file, 'w');
  try {
    const block = 4 * 1024 * 1024;
    for (let written = 0; written < size; written += block) {
      await handle.write(randomBytes(Math.min(block, size - written)));
    }
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await benchUpload();
}
