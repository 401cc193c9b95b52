import { z } from 'zod';
import { Every } from './task.js';

/** A date relative to each plan's own year ('plan') or absolute. `day: 'end'` is the month's last day. */
export const DateRef = z.object({
  year: z.union([z.number().int(), z.literal('plan')]),
  month: z.number().int().min(1).max(12),
  day: z.union([z.number().int().min(1).max(31), z.literal('end')]),
});
export type DateRef = z.infer<typeof DateRef>;

/** A time window: tasks dated on or before `to`, and on or after `from` when given. */
export const TimeWindow = z.object({ from: DateRef.optional(), to: DateRef, label: z.string() });
export type TimeWindow = z.infer<typeof TimeWindow>;

export const KindFilter = z.object({
  kind: z.enum(['ongoing', 'periodic', 'conditional', 'relative', 'by', 'none']),
  every: Every.optional(),
  label: z.string(),
});
export type KindFilter = z.infer<typeof KindFilter>;

export const UnitRef = z.object({
  /** As found in the question (市环保局, 发改局, 财政). */
  text: z.string(),
  level: z.enum(['省', '市', '县', '区', '镇', '']),
  /** Alias key; absent for a unit no document names. */
  key: z.string().optional(),
  /** A function word (财政) standing for every unit whose name holds it. */
  partial: z.boolean(),
  known: z.boolean(),
});
export type UnitRef = z.infer<typeof UnitRef>;

/** What a question asks, independent of any index. */
export const Query = z.object({
  text: z.string(),
  /** The day the question was asked (YYYY-MM-DD): relative words and task statuses depend on it. */
  today: z.string(),
  intent: z.enum(['list', 'count', 'who', 'detail']),
  /** Documents the region words (or the body named) select (all when empty). */
  docs: z.array(z.string()),
  /** Plans of regions inside the region named (开平 inside 江门): listed after its own, marked. */
  innerDocs: z.array(z.string()).default([]),
  /** For a unit in a region with plans only inside it (成都市财政局, 成都 holding 武侯区's): those plans, named in the answer, never searched. */
  insideOnly: z.array(z.string()).optional(),
  regionWords: z.array(z.string()),
  /** A place no plan covers: one the gazetteer knows (广州市) or one printed before a unit (澄源县财政局 → 澄源县). */
  unknownRegion: z.string().optional(),
  /** Library regions a mistyped place word is closest to (焦岭 → 蕉岭县), and the word as typed. */
  regionSuggestions: z.array(z.string()).optional(),
  mistyped: z.string().optional(),
  /** A body whose own plan the library holds, as typed (厦门市财政局, 江门土储中心), and its issuer. */
  body: z.object({ text: z.string(), issuer: z.string() }).optional(),
  year: z.number().int().optional(),
  unit: UnitRef.optional(),
  role: z.enum(['lead', 'responsible']).optional(),
  window: TimeWindow.optional(),
  kind: KindFilter.optional(),
  /** A tracked status asked about: 逾期的 (overdue), 还有几项没完成 (open), 办结了多少 (done). */
  status: z.enum(['overdue', 'open', 'done']).optional(),
  topic: z.array(z.string()),
  /** Topic words no task of the library holds: said so, never searched around. */
  unplaced: z.array(z.string()).default([]),
  /** A numbered task: 序号, point, and the heading it is read inside where numbering restarts ((二), 一). */
  detail: z.object({ seq: z.string(), item: z.string().optional(), heading: z.string().optional() }).optional(),
  /** Clear messages for what could not be read (13月, 2月30日). */
  problems: z.array(z.string()),
});
export type Query = z.infer<typeof Query>;
