import { runAction } from './runtime.js';

await runAction('deploy', async () => (await import('../commands/deploy.js')).deployCommand);
