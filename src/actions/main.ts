/**
 * The root action: `command` picks one of the five, whose own bundle then runs with the same
 * INPUT_* environment. Loading the chosen bundle at run time keeps this one tiny.
 */
import * as core from '@actions/core';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ACTION_NAMES } from '../core/inputs/names.js';

const command = core.getInput('command');
if (!(ACTION_NAMES as readonly string[]).includes(command)) {
  core.setFailed(`Input command: expected one of ${ACTION_NAMES.join(', ')}, got ${JSON.stringify(command)}`);
} else {
  // In the root action `command` names the action, so healthcheck's own `command` input
  // (an extra check) arrives as `healthcheck-command`.
  process.env['INPUT_COMMAND'] = process.env['INPUT_HEALTHCHECK-COMMAND'] ?? '';
  // The runner starts `node <action>/dist/main/index.js`; the sibling bundles sit beside it.
  // (A path from argv: import.meta.url here may be a shared chunk's, in dist/chunks/.)
  const entry = path.join(path.dirname(path.resolve(process.argv[1] ?? '.')), '..', command, 'index.js');
  try {
    await import(pathToFileURL(entry).href);
  } catch (error) {
    core.setFailed(
      `cannot load the ${command} action from ${entry}: ${(error as Error).message}; is dist/ complete?`,
    );
  }
}
