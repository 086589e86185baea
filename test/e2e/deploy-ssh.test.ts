/**
 * deploy, gate (shadow, pulling the trade logs over SFTP) and rollback bundles run like the
 * runner runs them, against a real OpenSSH sshd on 127.0.0.1 and the stand-in service.
 * The private key goes in as an input and must never be printed.
 */
import assert from 'node:assert/strict';
import { readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { stringify, parse } from 'yaml';
import { shellQuote } from '../../src/core/remote/quote.js';
import { makeServerDir, SERVICE_SCRIPT, serviceActive } from '../support/service.js';
import { repoRoot } from '../support/shared.js';
import { startSshd } from '../support/sshd.js';
import { runAction } from './harness.js';

test('deploy shadow, shadow gate over SFTP, and rollback release, over a real sshd from the bundles', async (t) => {
  const sshd = await startSshd(t);
  if (!sshd) return;
  const server = await makeServerDir(t, {
    models: { 'stacking_meta_1h.json': '{"release": "hand-installed"}\n', 'lstm_1h.pt': 'hand-installed\n' },
  });
  const config = parse(await readFile(path.join(repoRoot, 'samples', 'modelgate.yml'), 'utf8')) as Record<
    string,
    Record<string, unknown>
  >;
  const svc = `${shellQuote(process.execPath)} ${shellQuote(SERVICE_SCRIPT)}`;
  config.deploy = {
    ...config.deploy,
    host: sshd.host,
    port: sshd.port,
    user: sshd.username,
    path: server,
    restart: `${svc} restart ${shellQuote(server)} --trades --interval 10 --bar-seconds 60 --lifetime 120`,
    is_active: `${svc} status ${shellQuote(server)}`,
    log_file: 'logs/app.log',
    verify: { expect: ['stacking loaded'], fail: ['Traceback'], timeout: '30s', settle: '1s' },
  };
  delete config.deploy.logs;
  (config.gate as { shadow: Record<string, unknown> }).shadow.window = 0;
  const files = { 'modelgate.yml': stringify(config) };
  const ssh = { 'private-key': sshd.privateKey, 'known-hosts': sshd.knownHostsLine };

  const pkg = await runAction('package', {
    with: {
      bundle: path.join(repoRoot, 'samples', 'release'),
      timestamp: '20260220_145749',
      'output-dir': 'out',
      'upload-artifact': false,
    },
    files,
  });
  assert.equal(pkg.code, 0, pkg.stdout);

  const deployed = await runAction('deploy', {
    with: { tarball: pkg.outputs.tarball!, ...ssh },
    workspace: pkg.workspace,
  });
  assert.equal(deployed.code, 0, deployed.stdout + deployed.stderr);
  assert.equal(deployed.outputs.status, 'deployed');
  assert.equal(deployed.outputs['release-id'], 'macd_models_final_20260220_145749');
  assert.match(deployed.outputs['previous-release-id']!, /^pre-modelgate-/);
  assert.equal(await readlink(path.join(server, 'models')), 'releases/macd_models_final_20260220_145749');
  assert.ok(await serviceActive(server));
  // The key is masked for the runner and never printed.
  assert.ok(deployed.commands.some((c) => c.command === 'add-mask'));
  const keyBody = sshd.privateKey.split('\n')[1]!;
  assert.ok(!deployed.stdout.replace(/::add-mask::.*\n/g, '').includes(keyBody));

  await new Promise((r) => setTimeout(r, 1500));
  const gate = await runAction('gate', { with: { mode: 'shadow', ...ssh }, workspace: pkg.workspace });
  assert.equal(gate.outputs.verdict, 'pass', gate.stdout);
  assert.match(gate.stdout, /pulled .*trades_\d{8}\.jsonl/);

  const back = await runAction('rollback', { with: { level: 'release', ...ssh }, workspace: pkg.workspace });
  assert.equal(back.code, 0, back.stdout);
  assert.equal(back.outputs.status, 'rolled-back');
  assert.equal(
    await readlink(path.join(server, 'models')),
    `releases/${deployed.outputs['previous-release-id']}`,
  );
  const history = (await readFile(path.join(server, '.modelgate', 'history.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { action: string; result: string });
  assert.deepEqual(
    history.map((h) => h.action),
    ['deploy', 'rollback'],
  );
});

test('deploy refuses an unknown host key from the bundle, naming the fix', async (t) => {
  const sshd = await startSshd(t);
  if (!sshd) return;
  const config = parse(await readFile(path.join(repoRoot, 'samples', 'modelgate.yml'), 'utf8')) as Record<
    string,
    Record<string, unknown>
  >;
  config.deploy = {
    ...config.deploy,
    host: sshd.host,
    port: sshd.port,
    user: sshd.username,
    path: '/tmp/never-touched',
  };
  const other = `[${sshd.host}]:${sshd.port} ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl`;
  const run = await runAction('rollback', {
    with: { level: 'stacking', 'private-key': sshd.privateKey, 'known-hosts': other },
    files: { 'modelgate.yml': stringify(config) },
  });
  assert.notEqual(run.code, 0);
  const error = run.annotations.find((a) => a.command === 'error');
  assert.match(error?.data ?? '', /host key .* does not match known-hosts|is not in known-hosts/);
});
