/**
 * Writes schema/modelgate.schema.json from the zod config schema, so editors complete and
 * check modelgate.yml with the same rules the loader applies. `--check` fails when stale.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as z from '../src/core/validation/zod.js';
import { configSchema } from '../src/core/config/schema.js';
import { findActionsRoot } from '../src/core/inputs/table.js';

export function configJsonSchema(): string {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' });
  const doc = {
    ...schema,
    $id: 'https://github.com/modelgate/modelgate/schema/modelgate.schema.json',
    title: 'modelgate.yml',
    description: 'A model release, its gates, its deploy target and its rollback (modelgate).',
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const file = path.join(findActionsRoot(), 'schema', 'modelgate.schema.json');
  const text = configJsonSchema();
  if (process.argv.includes('--check')) {
    if (readFileSync(file, 'utf8') !== text) {
      console.error('schema/modelgate.schema.json is stale: run npm run schema');
      process.exit(1);
    }
  } else {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}
