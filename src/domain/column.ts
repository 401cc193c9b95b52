import { z } from 'zod';

/**
 * A column of a persisted record: an array whose every value `ok` accepts, checked in one loop —
 * zod's parse of each value (about 1.5 µs a value while start-up's code is cold) over the index's
 * columns (the manifest's ~120,000 values, the character index's ~130,000) was most of reading them
 * at start-up. An issue names the first row that is not `what`.
 */
export function column<T>(what: string, ok: (v: unknown) => v is T) {
  return z
    .custom<T[]>((v) => Array.isArray(v), { message: 'expected an array' })
    .check((ctx) => {
      const i = ctx.value.findIndex((v) => !ok(v));
      if (i >= 0) ctx.issues.push({ code: 'custom', message: `expected ${what}`, input: ctx.value[i], path: [i] });
    });
}

export const isString = (v: unknown): v is string => typeof v === 'string';
/** An integer ≥ 0: a count, a size, a position. */
export const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
