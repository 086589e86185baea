/** What every command does the same way: paths, config, reports, and opening the target. */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { durationSeconds, type DeployConfig } from '../core/config/schema.js';
import { loadConfig, type LoadedConfig } from '../core/config/load.js';
import { ConfigError, InputError } from '../core/errors.js';
import { booleanInput, choiceInput, integerInput, optionalInput } from '../core/inputs/source.js';
import type { Transport } from '../core/remote/transport.js';
import type { CommandContext } from './types.js';

export function resolveIn(ctx: CommandContext, p: string): string {
  return path.resolve(ctx.workspace, p);
}

export async function loadConfigInput(ctx: CommandContext): Promise<LoadedConfig> {
  const file = ctx.inputs.get('config') || 'modelgate.yml';
  return loadConfig(file, ctx.workspace);
}

/**
 * Writes JSON through a temporary file and a rename, so readers never see half a file. A path
 * that cannot be written is an input error naming `input` (the report input) and the reason.
 */
export async function writeJsonFile(file: string, value: unknown, input = 'report'): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(tmp, `${JSON.stringify(value, null, 2)}\n`);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined);
    const { code, message } = error as NodeJS.ErrnoException;
    const why =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? `a file stands where a folder of the path should be`
        : code === 'EISDIR'
          ? 'it is a folder'
          : (code ?? message);
    throw new InputError(
      `input ${input}: cannot write the report to ${file} (${why}); set ${input} to a writable file path`,
      input,
    );
  }
}

export function reportPathInput(ctx: CommandContext, fallbackName: string): string {
  const given = optionalInput(ctx.inputs, 'report');
  return given ? resolveIn(ctx, given) : path.join(ctx.tempDir, fallbackName);
}

export interface Target {
  transport: Transport;
  deploy: DeployConfig;
}

/** The deploy section with the action inputs laid over it (inputs win). */
export function deploySettings(ctx: CommandContext, loaded: LoadedConfig): DeployConfig {
  const base = loaded.config.deploy;
  const pathInput = optionalInput(ctx.inputs, 'path');
  if (!base) {
    throw new ConfigError(
      `${loaded.file}: has no deploy section; add one with at least path, restart and is_active (see samples/modelgate.yml)`,
      { file: loaded.file, line: 1 },
    );
  }
  const target = choiceInput(ctx.inputs, 'target', ['ssh', 'local'] as const) ?? base.target;
  const port = integerInput(ctx.inputs, 'port', 1, 65535) ?? base.port;
  const host = optionalInput(ctx.inputs, 'host') ?? base.host;
  const user = optionalInput(ctx.inputs, 'username') ?? base.user;
  const dir = pathInput ?? base.path;
  if (!dir.startsWith('/')) {
    throw new InputError(
      `deploy path ${JSON.stringify(dir)} must be absolute on the target (from ${pathInput ? 'the path input' : `${loaded.file} deploy.path`})`,
      'path',
    );
  }
  return {
    ...base,
    target,
    port,
    host,
    user,
    path: target === 'local' ? path.resolve(ctx.workspace, dir) : dir,
  };
}

/** Opens the local or SSH transport the settings name; secrets are masked first. */
export async function openTarget(ctx: CommandContext, loaded: LoadedConfig): Promise<Target> {
  const deploy = deploySettings(ctx, loaded);
  const commandTimeoutMs = durationSeconds(deploy.command_timeout) * 1000;
  if (deploy.target === 'local') {
    const { createLocalTransport } = await import('../core/remote/local.js');
    return { transport: createLocalTransport({ commandTimeoutMs }), deploy };
  }
  const privateKey = ctx.inputs.get('private-key');
  const passphrase = ctx.inputs.get('passphrase');
  ctx.secret(privateKey);
  ctx.secret(passphrase);
  if (!deploy.host)
    throw new InputError(
      'Input required and not supplied: host (target ssh; or set deploy.host in the config)',
      'host',
    );
  if (!privateKey)
    throw new InputError(
      'Input required and not supplied: private-key (target ssh; pass it from secrets)',
      'private-key',
    );
  const knownHosts = ctx.inputs.get('known-hosts');
  const insecure = booleanInput(ctx.inputs, 'insecure-skip-host-key-check', false);
  if (!knownHosts && !insecure) {
    throw new InputError(
      `Input required and not supplied: known-hosts (the host key of ${deploy.host}:${deploy.port}; get it with "ssh-keyscan -p ${deploy.port} ${deploy.host}"), or set insecure-skip-host-key-check: true`,
      'known-hosts',
    );
  }
  const { connectSsh } = await import('../core/remote/ssh.js');
  const fingerprint = /^SHA256:/.test(knownHosts.trim()) ? knownHosts.trim() : undefined;
  const transport = await connectSsh({
    host: deploy.host,
    port: deploy.port,
    username: deploy.user,
    privateKey,
    ...(passphrase ? { passphrase } : {}),
    ...(fingerprint ? { hostKeyFingerprint: fingerprint } : knownHosts ? { knownHosts } : {}),
    insecureSkipHostKeyCheck: insecure,
    commandTimeoutMs,
    log: (line) => ctx.log.info(line),
    warn: (line) => ctx.log.warning(line),
  });
  return { transport, deploy };
}

/** Who runs this and which run (with its re-run attempt): recorded in the lock and the history. */
export function runIdentity(ctx: CommandContext): { actor?: string; runId?: string } {
  const { GITHUB_ACTOR: actor, GITHUB_RUN_ID: id, GITHUB_RUN_ATTEMPT: attempt } = ctx.env;
  return {
    ...(actor ? { actor } : {}),
    ...(id ? { runId: attempt && attempt !== '1' ? `${id}-${attempt}` : id } : {}),
  };
}
