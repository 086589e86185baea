import { warmHealthcheck } from './core/health/head-start.js';

// The healthcheck's worker boots on the second core while the CLI loads (core/health/head-start.ts).
if (process.argv[2] === 'healthcheck') warmHealthcheck();
const { main } = await import('./cli/run.js');
process.exitCode = await main(process.argv.slice(2));
