import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * The project's logger: pino JSON on stderr (stdout carries only a command's output), with the
 * bot token redacted wherever it appears: under the usual keys (pino redaction), and inside every
 * string of a log line, message, error message and stack included (see `redactToken`). `dest`
 * replaces stderr (tests read the lines).
 */
export function createLogger(level = 'info', token?: string, dest: DestinationStream = pino.destination(2)): Logger {
  const scrub = (v: unknown): unknown => scrubDeep(v, token);
  return pino(
    {
      level,
      redact: { paths: ['token', 'botToken', 'config.BOT_TOKEN', 'BOT_TOKEN', '*.token'], censor: '[redacted]' },
      serializers: { err: serializeError, error: serializeError },
      formatters: { log: (obj) => scrub(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map(scrub) as Parameters<typeof method>);
        },
      },
    },
    dest,
  );
}

/**
 * The text without the bot token: the given token, its secret half alone (the part after the
 * colon, which is what leaks when a message is cut short), and anything shaped like a token in a
 * Bot API URL (`/bot123456:ABC…/`) even when the token is not known here.
 */
export function redactToken(text: string, token?: string): string {
  let out = text;
  if (token) {
    out = out.split(token).join(REDACTED);
    const secret = token.slice(token.indexOf(':') + 1);
    if (secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  return out.replace(TOKEN_SHAPE, `$1${REDACTED}`);
}

/**
 * The same error with the token taken out of its message and stack (and, for a fetch error, its
 * URL fields), so a caller may log or rethrow it. Returns the error object itself, changed in place.
 */
export function redactError<E>(e: E, token?: string): E {
  if (e instanceof Error) {
    e.message = redactToken(e.message, token);
    if (e.stack) e.stack = redactToken(e.stack, token);
    for (const key of ['url', 'path'] as const) {
      const v = (e as unknown as Record<string, unknown>)[key];
      if (typeof v === 'string') (e as unknown as Record<string, unknown>)[key] = redactToken(v, token);
    }
  }
  return e;
}

/** An error as a log field: name, message and stack, or the value as text. */
function serializeError(e: unknown): unknown {
  if (e instanceof Error) return { type: e.name, message: e.message, stack: e.stack };
  return e;
}

function scrubDeep(v: unknown, token: string | undefined, depth = 0): unknown {
  if (typeof v === 'string') return redactToken(v, token);
  if (v instanceof Error) return scrubDeep(serializeError(v), token, depth);
  if (depth > 6 || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => scrubDeep(x, token, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = scrubDeep(x, token, depth + 1);
  return out;
}

const REDACTED = '[redacted]';
/** `bot<id>:<secret>` as it stands in a Bot API URL path (…/bot123:ABC/getMe, …/file/bot123:ABC/…). */
const TOKEN_SHAPE = /(\bbot)\d{3,}:[\w-]{8,}/g;
