import { createHash } from 'node:crypto';
import { z } from 'zod';
import { addDays, daysBetween, isoDate, parseIsoDate } from '../domain/calendar.js';
import type { KeyValueStore } from '../store/store.js';

const Day = z.string().refine((d) => parseIsoDate(d) !== undefined, 'a YYYY-MM-DD day');
const Page = z.number().int().min(0).max(999);
const Text = z.string().min(1).max(2000);
const Id = z.string().regex(/^[\w-]{1,32}$/);
/** A task's id (document#序号#子项), as the library keeps it. */
const TaskId = z.string().min(1).max(512);
/** A chat or user id (read back from a button's text). */
const ChatId = z.coerce.number().int();

/**
 * Everything a button can carry, one variant per kind: turning a page of an answer, of /mine or of
 * the tasks an answer reaches only through collectives (more), asking a question as chosen (a region,
 * a suggested name) and turning the pages of a long choice of regions, deciding or correcting an
 * upload, confirming a removal (by whom, where), granting a binding, closing (办结) a task from a
 * reminder — asking for a note, or without one — as of the reminder's day, and showing a whole
 * task (查看). A `question` is the
 * question asked, then each follow-up replying to its answer, one a line.
 */
export const ButtonData = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('page'), page: Page, today: Day, question: Text }),
  z.object({ kind: z.literal('choice'), today: Day, question: Text }),
  z.object({ kind: z.literal('regions'), page: Page, today: Day, question: Text }),
  z.object({ kind: z.literal('mine'), page: Page, today: Day, unit: Text }),
  z.object({ kind: z.literal('more'), page: Page, today: Day, question: Text }),
  z.object({ kind: z.literal('upload'), op: z.enum(['add', 'replace', 'no', 'region', 'year']), id: Id }),
  z.object({ kind: z.literal('remove'), op: z.enum(['del', 'no']), chat: ChatId, user: ChatId, doc: z.string().min(1).max(255) }),
  z.object({ kind: z.literal('grant'), op: z.enum(['yes', 'no']), id: Id }),
  z.object({ kind: z.literal('close'), op: z.enum(['ask', 'skip']), today: Day, id: TaskId }),
  z.object({ kind: z.literal('task'), id: TaskId }),
]);
export type ButtonData = z.infer<typeof ButtonData>;
export type ButtonKind = ButtonData['kind'];

/**
 * The one codec of callback data. A button is `<version><kind>:<field>:…` when that fits Telegram's
 * 64 bytes, else `<version>*:<key>` with the whole of it kept in the store under a content hash.
 * Either way it survives a restart and nothing points into memory. Data of another version (a
 * button sent before the format changed) or that fails the schema decodes as undefined: expired.
 */
export class ButtonCodec {
  constructor(private readonly store: KeyValueStore) {}

  encode(button: ButtonData): string {
    const b = ButtonData.parse(button);
    const inline = `${VERSION}${CODE[b.kind]}:${FIELDS[b.kind].map((f) => write(f, (b as Record<string, unknown>)[f])).join(':')}`;
    if (Buffer.byteLength(inline) <= MAX_BYTES) return inline;
    const key = createHash('sha1').update(inline).digest('base64url').slice(0, 16);
    this.store.write(NS, key, inline);
    return `${VERSION}*:${key}`;
  }

  /** The button's data; undefined for data this version did not make, or whose stored part is gone. */
  decode(data: string): ButtonData | undefined {
    const stored = new RegExp(`^${VERSION}\\*:([\\w-]+)$`).exec(data);
    const inline = stored ? this.store.read(NS, stored[1]) : data;
    if (typeof inline !== 'string') return undefined;
    const m = /^(\d)([a-z]):([\s\S]*)$/.exec(inline);
    const kind = m && m[1] === VERSION ? KIND_OF[m[2]] : undefined;
    if (!m || !kind) return undefined;
    const names = FIELDS[kind];
    const parts = m[3].split(':');
    if (parts.length < names.length) return undefined;
    // The last field is free text and may hold ':' itself.
    const values = [...parts.slice(0, names.length - 1), parts.slice(names.length - 1).join(':')];
    const raw: Record<string, unknown> = { kind };
    names.forEach((f, i) => (raw[f] = read(f, values[i])));
    const parsed = ButtonData.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  }
}

function write(field: string, value: unknown): string {
  if (field === 'page') return (value as number).toString(36);
  if (field === 'today') return daysBetween(EPOCH, isoDate(value as string)).toString(36);
  return String(value);
}

function read(field: string, text: string): unknown {
  if (field === 'page') return /^[0-9a-z]{1,3}$/.test(text) ? parseInt(text, 36) : undefined;
  if (field === 'today') return /^[0-9a-z]{1,4}$/.test(text) ? addDays(EPOCH, parseInt(text, 36)) : undefined;
  return text;
}

/** Bumped whenever the format changes: older buttons then read as expired. */
const VERSION = '2';
const MAX_BYTES = 64;
const NS = 'buttons';
const EPOCH = isoDate('2000-01-01');
const CODE: Record<ButtonKind, string> = { page: 'p', choice: 'r', regions: 'g', mine: 'm', more: 'c', upload: 'u', remove: 'x', grant: 'a', close: 'd', task: 'v' };
const KIND_OF: Record<string, ButtonKind | undefined> = Object.fromEntries(Object.entries(CODE).map(([k, c]) => [c, k as ButtonKind]));
/** Each kind's fields in order; the last one is the free text. */
const FIELDS: Record<ButtonKind, string[]> = {
  page: ['page', 'today', 'question'],
  choice: ['today', 'question'],
  regions: ['page', 'today', 'question'],
  mine: ['page', 'today', 'unit'],
  more: ['page', 'today', 'question'],
  upload: ['op', 'id'],
  remove: ['op', 'chat', 'user', 'doc'],
  grant: ['op', 'id'],
  close: ['op', 'today', 'id'],
  task: ['id'],
};
