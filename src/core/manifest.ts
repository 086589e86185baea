/**
 * `manifest.json`: written by package, read by healthcheck, deploy and the training gate.
 * Validated at the boundary like every other external file.
 */
import { readFile } from 'node:fs/promises';
import * as z from './validation/zod.js';
import { ConfigError, ModelgateError } from './errors.js';
import { ARTIFACT_KINDS } from './config/schema.js';
import { describeIssue, dottedPath, LocatedDocument } from './validation/describe.js';
import { parseJsonText } from './validation/json-text.js';
import { PARSE_ONCE } from './validation/once.js';

export const MANIFEST_SCHEMA = 'modelgate/manifest@1';
const sha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex sha256'));
const metricValue = z.union([z.number(), z.string(), z.boolean(), z.null()]);
const metricTable = z.record(z.string(), z.record(z.string(), metricValue));

export const manifestSchema = z.looseObject({
  schema: z.literal(MANIFEST_SCHEMA),
  id: z
    .string()
    .check(
      z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a release id of letters, digits, ".", "_" or "-"'),
    ),
  name: z.string().check(z.minLength(1)),
  created: z.string().check(z.minLength(1)),
  bundle: z.optional(
    z.object({
      file: z.string().check(z.minLength(1)),
      sha256: z.optional(sha256),
      size: z.optional(z.number().check(z.int(), z.nonnegative())),
    }),
  ),
  files: z.array(
    z.object({
      path: z.string().check(z.minLength(1)),
      kind: z.union([z.enum(ARTIFACT_KINDS), z.literal('other')]),
      size: z.number().check(z.int(), z.nonnegative()),
      sha256,
    }),
  ),
  metrics: z._default(
    z.looseObject({
      horizons: z._default(metricTable, {}),
      base: z._default(metricTable, {}),
      models: z._default(metricTable, {}),
    }),
    { horizons: {}, base: {}, models: {} },
  ),
  health: z.optional(
    z.object({
      passed: z.boolean(),
      checks: z.array(
        z.object({
          name: z.string(),
          status: z.string(),
          ms: z.optional(z.number()),
          message: z.optional(z.string()),
        }),
      ),
    }),
  ),
  source: z.optional(z.record(z.string(), z.string())),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestFile = Manifest['files'][number];
export type MetricTable = z.infer<typeof metricTable>;

/** Parses manifest text; errors name the file, line and field. */
export function parseManifest(text: string, file: string): Manifest {
  let parsed;
  try {
    parsed = parseJsonText(text, file);
  } catch (error) {
    const where = error instanceof ModelgateError ? error : undefined;
    throw new ModelgateError(`${(error as Error).message}; regenerate it with modelgate package`, 'input', {
      file,
      line: where?.line,
      column: where?.column,
    });
  }
  const bare = parsed.nonStandard[0];
  if (bare) {
    throw new ModelgateError(
      `${file}:${bare.line} ${bare.token} is not JSON; a manifest holds only finite numbers`,
      'input',
      {
        file,
        line: bare.line,
      },
    );
  }
  const value = parsed.value;
  const result = manifestSchema.safeParse(value, PARSE_ONCE);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const line = new LocatedDocument(text).lineOf(issue.path);
  throw new ConfigError(`${file}:${line} ${dottedPath(issue.path)}: ${describeIssue(issue, value)}`, {
    file,
    line,
  });
}

export async function loadManifest(file: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ModelgateError(
      `${file}: cannot read manifest: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      'input',
      { file },
    );
  }
  return parseManifest(text, file);
}
