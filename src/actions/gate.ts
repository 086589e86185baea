import { gateCommand } from '../commands/gate.js';
import { pullRequestComments } from './github-comments.js';
import { runAction } from './runtime.js';

await runAction(gateCommand, { pullRequestComments });
