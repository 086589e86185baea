import { warmHealthcheckFirst } from './core/health/worker-start.js';

// The healthcheck's worker thread starts first, and boots on the second core while this thread
// loads the CLI (core/health/worker-start.ts, head-start.ts).
if (process.argv[2] === 'healthcheck') await warmHealthcheckFirst();
const { main } = await import('./cli/run.js');
process.exitCode = await main(process.argv.slice(2));
