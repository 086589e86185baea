import { rollbackCommand } from '../commands/rollback.js';
import { runAction } from './runtime.js';

await runAction(rollbackCommand);
