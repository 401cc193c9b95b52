import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const r = loadConfig({});
    expect(r.ok && r.config).toMatchObject({
      TELEGRAM_API_ROOT: 'https://api.telegram.org',
      ADMIN_IDS: [],
      SEEDS_DIR: 'seeds',
      INDEX_DIR: 'index-data',
      DATA_DIR: 'data',
      LOG_LEVEL: 'info',
      TZ: 'Asia/Shanghai',
    });
  });

  it('reads admin ids, a proxy and webhook settings', () => {
    const r = loadConfig({ ADMIN_IDS: '123, 456', HTTPS_PROXY: 'socks5://127.0.0.1:1080', WEBHOOK_URL: 'https://bot.example.org/tg', WEBHOOK_PORT: '8443', WEBHOOK_SECRET: SECRET });
    expect(r.ok && [r.config.ADMIN_IDS, r.config.HTTPS_PROXY, r.config.WEBHOOK_PORT, r.config.WEBHOOK_HOST]).toEqual([[123, 456], 'socks5://127.0.0.1:1080', 8443, '127.0.0.1']);
  });

  it('refuses a webhook without WEBHOOK_SECRET, or on a URL that is not https', () => {
    const none = loadConfig({ WEBHOOK_URL: 'https://bot.example.org/tg' });
    expect(none.ok ? '' : none.message).toContain('WEBHOOK_SECRET: required with WEBHOOK_URL');
    const plain = loadConfig({ WEBHOOK_URL: 'http://bot.example.org/tg', WEBHOOK_SECRET: SECRET });
    expect(plain.ok ? '' : plain.message).toContain('WEBHOOK_URL:');
  });

  it('lists every bad variable in one message', () => {
    const r = loadConfig({ ADMIN_IDS: 'alice', TELEGRAM_API_ROOT: 'not a url', TZ: 'Mars/Base', LOG_LEVEL: 'loud', HTTPS_PROXY: 'ftp://x' });
    expect(r.ok).toBe(false);
    const message = r.ok ? '' : r.message;
    for (const v of ['ADMIN_IDS', 'TELEGRAM_API_ROOT', 'TZ', 'LOG_LEVEL', 'HTTPS_PROXY']) expect(message).toContain(`${v}:`);
  });
});

const SECRET = 'a-secret-of-sixteen-chars-or-more';
