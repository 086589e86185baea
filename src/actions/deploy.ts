import { deployCommand } from '../commands/deploy.js';
import { runAction } from './runtime.js';

await runAction(deployCommand);
