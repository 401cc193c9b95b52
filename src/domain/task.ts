import { z } from 'zod';

/** How often a periodic duty recurs. */
export const Every = z.enum(['month', 'quarter', 'halfyear', 'year', 'week', 'day']);
export type Every = z.infer<typeof Every>;

/**
 * A normalized deadline. `by` carries the governing (last) date; earlier dates of the same
 * expression are kept as `milestones`. `relative` and `conditional` keep the words they came from.
 */
export const Deadline = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('by'),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    milestones: z.array(z.string()).optional(),
  }),
  z.object({ kind: z.literal('ongoing') }),
  z.object({ kind: z.literal('periodic'), every: Every }),
  z.object({ kind: z.literal('relative'), text: z.string() }),
  z.object({ kind: z.literal('conditional'), text: z.string() }),
  z.object({ kind: z.literal('none') }),
]);
export type Deadline = z.infer<typeof Deadline>;
export type DeadlineKind = Deadline['kind'];

/** One leaf task of a plan document (a numbered sub-item of a 序号 is its own task). */
export const Task = z.object({
  doc: z.string().min(1),
  seq: z.string(),
  item: z.string(),
  task: z.string(),
  requirement: z.string().min(1),
  lead: z.array(z.string()),
  responsible: z.array(z.string()),
  deadline_raw: z.string(),
  deadline: Deadline,
  region: z.string(),
  year: z.number().int().nullable(),
  line: z.number().int().positive(),
});
export type Task = z.infer<typeof Task>;
