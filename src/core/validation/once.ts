/**
 * Parse options for a document validated once per run (the config, a manifest, golden.json,
 * a stacking meta file): without them zod compiles a fast path for each object schema on its
 * first parse (a `new Function`), which costs more than the one parse it speeds up. Schemas
 * parsed per line (trade logs) keep the fast path.
 */
export const PARSE_ONCE = { jitless: true } as const;
