import pino, { type Logger } from 'pino';

/**
 * The project's logger: pino JSON on stderr (stdout carries only a command's output), with the
 * bot token redacted wherever it appears.
 */
export function createLogger(level = 'info', token?: string): Logger {
  return pino(
    {
      level,
      redact: { paths: ['token', 'botToken', 'config.BOT_TOKEN', 'BOT_TOKEN', '*.token'], censor: '[redacted]' },
      ...(token
        ? {
            hooks: {
              logMethod(args, method) {
                const scrub = (v: unknown) => (typeof v === 'string' ? v.split(token).join('[redacted]') : v);
                method.apply(this, args.map(scrub) as Parameters<typeof method>);
              },
            },
          }
        : {}),
    },
    pino.destination(2),
  );
}
