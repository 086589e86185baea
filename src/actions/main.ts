/**
 * The root action: `command` picks one of the five, whose own bundle then runs with the same
 * INPUT_* environment. Loading the chosen bundle at run time keeps this one tiny.
 */
import * as core from '@actions/core';
import { ACTION_NAMES } from '../core/inputs/table.js';

const command = core.getInput('command');
if (!(ACTION_NAMES as readonly string[]).includes(command)) {
  core.setFailed(`Input command: expected one of ${ACTION_NAMES.join(', ')}, got ${JSON.stringify(command)}`);
} else {
  // In the root action `command` names the action, so healthcheck's own `command` input
  // (an extra check) arrives as `healthcheck-command`.
  process.env['INPUT_COMMAND'] = process.env['INPUT_HEALTHCHECK-COMMAND'] ?? '';
  const entry = new URL(`../${command}/index.js`, import.meta.url).href;
  await import(/* webpackIgnore: true */ entry);
}
