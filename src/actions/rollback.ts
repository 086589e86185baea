import { runAction } from './runtime.js';

await runAction('rollback', async () => (await import('../commands/rollback.js')).rollbackCommand);
