import { runAction } from './runtime.js';

await runAction('healthcheck', async () => (await import('../commands/healthcheck.js')).healthcheckCommand);
