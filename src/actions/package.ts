import { artifactUpload } from './artifact-upload.js';
import { runAction } from './runtime.js';

await runAction(
  'package',
  async () => (await import('../commands/package.js')).packageCommand,
  artifactUpload,
);
