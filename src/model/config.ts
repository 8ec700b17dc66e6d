/** Reading and writing config values by dotted path ('esm.batchSize', 'rate.hourly.3'); pure, immutable. */
import { KINDS } from './kinds/index.ts';
import type { ConfigByKind, NodeKind } from './types.ts';

function splitPath(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

/** The value at a dotted path, or undefined when any step is missing. Numeric steps index arrays. */
export function getAt(config: unknown, path: string): unknown {
  let cur: unknown = config;
  for (const key of splitPath(path)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** A copy of `obj` with `path` set to `value`; untouched branches are shared. Missing steps become objects. */
export function setAt<T>(obj: T, path: string, value: unknown): T {
  const keys = splitPath(path);
  if (keys.length === 0) return value as T;
  const go = (cur: unknown, i: number): unknown => {
    const key = keys[i];
    const last = i === keys.length - 1;
    if (Array.isArray(cur)) {
      const idx = Number(key);
      const next = last ? value : go(cur[idx], i + 1);
      if (Object.is(cur[idx], next)) return cur;
      const copy = cur.slice();
      copy[idx] = next;
      return copy;
    }
    const base: Record<string, unknown> =
      cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>) : {};
    const next = last ? value : go(base[key], i + 1);
    if (Object.is(base[key], next) && cur === base) return cur;
    return { ...base, [key]: next };
  };
  return go(obj, 0) as T;
}

/**
 * Set one field of a node's config. Switching a tagged union's variant (`rate.type`, `size.type`,
 * `partitionKey.type`, `duration.type`) replaces the whole union value with that variant's defaults,
 * so the config never holds fields of two variants at once.
 */
export function setField<K extends NodeKind>(
  kind: K,
  config: ConfigByKind[K],
  path: string,
  value: unknown,
): ConfigByKind[K] {
  const def = KINDS[kind];
  if (path.endsWith('.type') && def.variants) {
    const unionPath = path.slice(0, -'.type'.length);
    const variants = def.variants[unionPath];
    if (variants && typeof value === 'string' && variants[value]) {
      if (getAt(config, path) === value) return config;
      return setAt(config, unionPath, variants[value]());
    }
  }
  if (Object.is(getAt(config, path), value)) return config;
  const next = setAt(config, path, value);
  return def.afterSet ? (def.afterSet(config, next, path) as ConfigByKind[K]) : next;
}
