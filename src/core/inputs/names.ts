/**
 * The actions and the shape of their input tables, without the YAML reader: the front ends
 * load this (and the generated `action-specs.ts`) before anything heavy, so that reading
 * `--bundle` costs nothing and the healthcheck can start its worker early.
 */
export const ACTION_NAMES = ['healthcheck', 'package', 'deploy', 'gate', 'rollback'] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

export interface InputSpec {
  name: string;
  description: string;
  required: boolean;
  default: string;
}

export interface ActionSpec {
  name: ActionName;
  title: string;
  description: string;
  inputs: InputSpec[];
  outputs: { name: string; description: string }[];
  /** `runs.main`, relative to the action.yml. */
  main: string;
}

export function isActionName(name: string): name is ActionName {
  return (ACTION_NAMES as readonly string[]).includes(name);
}
