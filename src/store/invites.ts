import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { KeyValueStore } from './store.js';

/** What an invite grants: a binding to this unit, made by this admin, until `expires`. */
export const Invite = z.object({ unit: z.string().min(1), region: z.string().optional(), by: z.string(), expires: z.string() });
export type Invite = z.infer<typeof Invite>;

export type Redeemed = { ok: true; invite: Invite } | { ok: false; reason: 'unknown' | 'expired' };

/**
 * Invite links (/invite 地区 单位 → t.me/<bot>?start=<token>): single-use tokens that grant a
 * binding, kept in the store until used or found expired.
 */
export class Invites {
  constructor(private readonly store: KeyValueStore) {}

  /** A new token for the invite, valid for `days` from `now`. */
  create(invite: Omit<Invite, 'expires'>, now: Date, days = VALID_DAYS): { token: string; expires: Date } {
    const token = randomBytes(12).toString('base64url');
    const expires = new Date(now.getTime() + days * 86_400_000);
    this.store.write(NS, token, { ...invite, expires: expires.toISOString() } satisfies Invite);
    return { token, expires };
  }

  /** Uses a token up: its invite, unless it is unknown (never made, or used) or expired. */
  redeem(token: string, now: Date): Redeemed {
    const parsed = Invite.safeParse(this.store.read(NS, token));
    if (!parsed.success) return { ok: false, reason: 'unknown' };
    this.store.delete(NS, token);
    return Date.parse(parsed.data.expires) < now.getTime() ? { ok: false, reason: 'expired' } : { ok: true, invite: parsed.data };
  }
}

/** A token as /start carries it (Telegram allows [A-Za-z0-9_-], up to 64). */
export const INVITE_TOKEN = /^[\w-]{16}$/;
const VALID_DAYS = 7;
const NS = 'invites';
