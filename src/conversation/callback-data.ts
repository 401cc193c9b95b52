import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { KeyValueStore } from '../store/store.js';

/**
 * What a button carries: the action, the page, the day the question was asked and the question
 * itself — inline when it fits Telegram's 64 bytes, else a short key to the question saved in the
 * store. Either way it survives a restart; nothing points into memory.
 */
export const ButtonAction = z.object({
  action: z.enum(['page', 'region']),
  page: z.number().int().min(0).max(999),
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  question: z.string().min(1).max(2000),
});
export type ButtonAction = z.infer<typeof ButtonAction>;

const MAX_BYTES = 64;
const NS = 'questions';

export function encodeButton(a: ButtonAction, store: KeyValueStore): string {
  const head = `${a.action === 'page' ? 'p' : 'r'}${a.page.toString(36)}:${dayCode(a.today)}:`;
  const inline = `${head}t${a.question}`;
  if (Buffer.byteLength(inline) <= MAX_BYTES) return inline;
  const key = createHash('sha1').update(a.question).digest('base64url').slice(0, 12);
  store.write(NS, key, a.question);
  return `${head}s${key}`;
}

/** Reads a button's data; undefined for data this bot did not make (or a forgotten question). */
export function decodeButton(data: string, store: KeyValueStore): ButtonAction | undefined {
  const m = /^([pr])([0-9a-z]{1,3}):([0-9a-z]{1,4}):([ts])([\s\S]+)$/.exec(data);
  if (!m) return undefined;
  const question = m[4] === 't' ? m[5] : store.read(NS, m[5]);
  const parsed = ButtonAction.safeParse({
    action: m[1] === 'p' ? 'page' : 'region',
    page: parseInt(m[2], 36),
    today: fromDayCode(m[3]),
    question,
  });
  return parsed.success ? parsed.data : undefined;
}

const EPOCH = Date.UTC(2000, 0, 1);

function dayCode(iso: string): string {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - EPOCH) / 86400000).toString(36);
}

function fromDayCode(code: string): string {
  return new Date(EPOCH + parseInt(code, 36) * 86400000).toISOString().slice(0, 10);
}
