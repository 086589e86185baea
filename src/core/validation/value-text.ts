/**
 * Paths and found values as every validation message writes them. Kept free of the YAML and
 * zod imports so the tree-model worker can use it without loading them.
 */
export type Path = readonly PropertyKey[];

export function dottedPath(path: Path): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
    .join('.')
    .replace(/\.\[/g, '[');
}

/** Renders a found value briefly: strings quoted, objects named by type. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}
