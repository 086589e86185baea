import { packageCommand } from '../commands/package.js';
import { artifactUpload } from './artifact-upload.js';
import { runAction } from './runtime.js';

await runAction(packageCommand, artifactUpload);
