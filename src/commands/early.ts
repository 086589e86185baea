/**
 * Work a command begins as soon as its inputs are known, before its own modules and its
 * config are loaded: both front ends call this first. Only the healthcheck has any (its
 * worker surveys the bundle meanwhile, see core/health/head-start.ts).
 */
import path from 'node:path';
import { startHealthcheckEarly } from '../core/health/head-start.js';
import type { ActionName } from '../core/inputs/names.js';
import type { InputSource } from '../core/inputs/source.js';

export function beginEarly(name: ActionName, inputs: InputSource, workspace: string): void {
  if (name !== 'healthcheck') return;
  const bundle = inputs.get('bundle');
  if (bundle) startHealthcheckEarly(path.resolve(workspace, bundle));
}
