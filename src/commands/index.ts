/** Lazy command table: each front end loads only the command it runs. */
import type { CommandTable } from './types.js';

export const commands: CommandTable = {
  healthcheck: async () => (await import('./healthcheck.js')).healthcheckCommand,
  package: async () => (await import('./package.js')).packageCommand,
  deploy: async () => (await import('./deploy.js')).deployCommand,
  gate: async () => (await import('./gate.js')).gateCommand,
  rollback: async () => (await import('./rollback.js')).rollbackCommand,
};
