/**
 * zod for every schema here: its functional API (`zod/mini`), a fraction of the classic API's
 * size and load time on every action's start, set up as the classic API sets itself up:
 * - English messages: mini has no locale of its own and words every issue "Invalid input",
 *   and the messages of rules without one of ours reach the user (describe.ts, ssh inputs);
 * - the memoizer, which classic installs for cycle support: it steps aside on a schema's first
 *   parse unless the schema is recursive (none is today), as it does under classic.
 * Schemas `import * as z` from here, never from 'zod/mini', so that both are set before the
 * first schema is built (the memoizer is read then, not at parse). A namespace import with
 * static member access lets the bundler keep only the zod functions the schemas call.
 */
import { config, memoizer } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// `config()` is zod's global configuration; read through it rather than `core.globalConfig`,
// since touching the `core` namespace would bundle all of it.
const current = config();
if (!current.localeError) config(en());
if (!current.memoizer) config({ memoizer: memoizer() });

export * from 'zod/mini';
