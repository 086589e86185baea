import { warmHealthcheckFirst } from '../core/health/worker-start.js';

// The tree worker boots on the second core while the action loads (core/health/worker-start.ts).
await warmHealthcheckFirst();
const { runAction } = await import('./runtime.js');
await runAction('healthcheck', async () => (await import('../commands/healthcheck.js')).healthcheckCommand);
