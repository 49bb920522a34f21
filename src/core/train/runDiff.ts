/**
 * Which settings differ between runs: configs are flattened to "path → value" and only the
 * paths whose values are not all equal are kept, in a stable order.
 */

export type Flat = Record<string, string>;

/** {a: {b: 1}, c: [3, 4]} → {"a.b": "1", "c": "3, 4"}. */
export function flatten(value: unknown, prefix = ''): Flat {
  if (value === null || value === undefined) return prefix ? { [prefix]: '—' } : {};
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return { [prefix]: value.join(', ') };
    return value.reduce<Flat>((out, v, i) => ({ ...out, ...flatten(v, `${prefix}[${i}]`) }), {});
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).reduce<Flat>(
      (out, [k, v]) => ({ ...out, ...flatten(v, prefix ? `${prefix}.${k}` : k) }),
      {},
    );
  }
  return { [prefix]: String(value) };
}

export interface DiffRow {
  path: string;
  /** One value per run, "—" where the run has no such setting. */
  values: string[];
}

export function diffConfigs(configs: readonly unknown[]): DiffRow[] {
  const flats = configs.map((c) => flatten(c));
  const paths: string[] = [];
  for (const f of flats) for (const p of Object.keys(f)) if (!paths.includes(p)) paths.push(p);
  return paths
    .map((path) => ({ path, values: flats.map((f) => f[path] ?? '—') }))
    .filter((row) => row.values.some((v) => v !== row.values[0]));
}
