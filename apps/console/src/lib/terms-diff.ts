/**
 * A side-by-side comparison of two versions of a policy's terms: both are flattened into
 * `path = value` lines (arrays by index, objects by key, in the order the first version lists them)
 * and matched by path.
 */
export type Change = 'same' | 'changed' | 'added' | 'removed';

export interface DiffRow {
  path: string;
  left?: string;
  right?: string;
  change: Change;
}

export function flatten(value: unknown, path = ''): Array<[string, string]> {
  if (Array.isArray(value)) {
    if (value.length === 0) return [[path, '[]']];
    return value.flatMap((item, i) => flatten(item, `${path}[${i}]`));
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return [[path, '{}']];
    return entries.flatMap(([key, item]) => flatten(item, path ? `${path}.${key}` : key));
  }
  return [[path, JSON.stringify(value)]];
}

export function diffTerms(left: unknown, right: unknown): DiffRow[] {
  const a = new Map(flatten(left));
  const b = new Map(flatten(right));
  const paths = [...a.keys(), ...[...b.keys()].filter((p) => !a.has(p))];
  return paths.map((path) => {
    const l = a.get(path);
    const r = b.get(path);
    const change: Change = l === undefined ? 'added' : r === undefined ? 'removed' : l === r ? 'same' : 'changed';
    return { path, ...(l !== undefined ? { left: l } : {}), ...(r !== undefined ? { right: r } : {}), change };
  });
}
