import { startTreeWorker } from '../core/health/worker-start.js';

// The tree worker boots on the second core while the action loads (core/health/worker-start.ts).
const worker = startTreeWorker();
(await import('../core/health/head-start.js')).warmHealthcheck(worker);
const { runAction } = await import('./runtime.js');
await runAction('healthcheck', async () => (await import('../commands/healthcheck.js')).healthcheckCommand);
