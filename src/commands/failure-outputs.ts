/**
 * The outputs a step still sets when its command stops on an error (a refused input, a lost
 * connection, a release that is not live): deploy and rollback say `status: failed`, so that a
 * workflow branching on the status sees the failure instead of an empty value.
 */
import { ACTION_SPECS } from '../core/inputs/action-specs.js';
import type { ActionName } from '../core/inputs/names.js';

export function failureOutputs(name: ActionName): Record<string, string> {
  return ACTION_SPECS[name].outputs.some((o) => o.name === 'status') ? { status: 'failed' } : {};
}
