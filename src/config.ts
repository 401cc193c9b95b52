import { z } from 'zod';

const numericIds = z
  .string()
  .trim()
  .refine((s) => s === '' || s.split(',').every((p) => /^\s*-?\d+\s*$/.test(p)), 'must be comma-separated numeric Telegram user ids')
  .transform((s) => (s ? s.split(',').map((p) => Number(p.trim())) : []));

const proxyUrl = z
  .string()
  .trim()
  .refine((s) => /^(https?|socks5h?|socks4a?):\/\/[^\s]+$/i.test(s), 'must be an http(s):// or socks5:// URL')
  .optional();

const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * Every setting, from environment variables (documented in the README). `BOT_TOKEN` absent means
 * the terminal chat; `WEBHOOK_URL` present means webhook mode instead of long polling, and then
 * `WEBHOOK_SECRET` is required (a webhook without it would take updates from anyone).
 */
/** How plans are parsed (the bot and `build-index` alike): worker threads and each one's heap. */
export const IndexSettings = z.object({
  INDEX_WORKERS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(64).optional()),
  PARSE_MEMORY_MB: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(16).max(65536).default(1024)),
  INDEX_CACHE_MB: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(16).max(262144).default(768)),
});

export const ConfigSchema = z
  .object({
    BOT_TOKEN: z.preprocess(emptyAsUndefined, z.string().regex(/^\d+:[\w-]{20,}$|^[\w:-]{8,}$/, 'must look like 123456:ABC… (from BotFather)').optional()),
    TELEGRAM_API_ROOT: z.preprocess(emptyAsUndefined, z.string().url('must be a URL').default('https://api.telegram.org')),
    HTTPS_PROXY: z.preprocess(emptyAsUndefined, proxyUrl),
    ALL_PROXY: z.preprocess(emptyAsUndefined, proxyUrl),
    ADMIN_IDS: z.preprocess((v) => v ?? '', numericIds),
    SEEDS_DIR: z.preprocess(emptyAsUndefined, z.string().default('seeds')),
    INDEX_DIR: z.preprocess(emptyAsUndefined, z.string().default('index-data')),
    DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('data')),
    ...IndexSettings.shape,
    LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
    TZ: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .refine((tz) => {
          try {
            new Intl.DateTimeFormat('en', { timeZone: tz });
            return true;
          } catch {
            return false;
          }
        }, 'must be an IANA time zone such as Asia/Shanghai')
        .default('Asia/Shanghai'),
    ),
    GROUP_ADMINS_MAY_UPLOAD: z.preprocess(emptyAsUndefined, z.enum(['true', 'false', '1', '0']).default('false').transform((v) => v === 'true' || v === '1')),
    WEBHOOK_URL: z.preprocess(emptyAsUndefined, z.string().regex(/^https:\/\/[^\s/]+(\/\S*)?$/i, 'must be the public https:// URL Telegram calls').optional()),
    WEBHOOK_HOST: z.preprocess(emptyAsUndefined, z.string().default('127.0.0.1')),
    WEBHOOK_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(8443)),
    WEBHOOK_SECRET: z.preprocess(emptyAsUndefined, z.string().regex(/^[\w-]{16,256}$/, '16 to 256 letters, digits, _ and -').optional()),
  })
  .superRefine((c, ctx) => {
    if (c.WEBHOOK_URL && !c.WEBHOOK_SECRET) ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'required with WEBHOOK_URL (for example: openssl rand -hex 32)' });
  });
export type Config = z.infer<typeof ConfigSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Reads the configuration; a bad value gives one message listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) return { ok: true, config: parsed.data };
  const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`);
  return { ok: false, message: `配置错误 (invalid configuration):\n${lines.join('\n')}` };
}
