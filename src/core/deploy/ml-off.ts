/**
 * The `ml-off` rollback edit (`rollback.ml_off`: a file, a pattern, its replacement), done
 * as a plain-text replacement instead of the seed's `sed`, which succeeds silently when it
 * matches nothing. Here: the pattern found means it is replaced (every occurrence); only the
 * replacement found means the edit was already made (idempotent, nothing written); neither
 * found is an error for the caller to report.
 */
export type MlOffEdit =
  { state: 'edited'; text: string; count: number } | { state: 'already' } | { state: 'missing' };

export function applyMlOff(text: string, pattern: string, replace: string): MlOffEdit {
  if (pattern === '') return { state: 'missing' };
  // When the replacement contains the pattern (`x = True` -> `x = True  # off`), occurrences
  // inside an existing replacement are the edit already made, not something to replace.
  const pieces = replace.includes(pattern) && replace !== '' ? text.split(replace) : [text];
  let count = 0;
  const edited = pieces
    .map((piece) => {
      const parts = piece.split(pattern);
      count += parts.length - 1;
      return parts.join(replace);
    })
    .join(replace);
  if (count > 0) return { state: 'edited', text: edited, count };
  if (replace !== '' && text.includes(replace)) return { state: 'already' };
  return { state: 'missing' };
}
