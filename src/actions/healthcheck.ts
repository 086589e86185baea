import { healthcheckCommand } from '../commands/healthcheck.js';
import { runAction } from './runtime.js';

await runAction(healthcheckCommand);
