import { get as httpGet, type Agent } from 'node:http';
import { get as httpsGet } from 'node:https';
import { readLimited } from './read-limited.js';

/** Downloads a file (Telegram's file URL) through the configured proxy agent, up to `maxBytes`. */
export function download(url: URL, agent: Agent | undefined, maxBytes: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const get = url.protocol === 'https:' ? httpsGet : httpGet;
    const req = get(url, { agent, timeout: 60_000 }, (res) => {
      if ((res.statusCode ?? 500) >= 400) {
        res.resume();
        reject(new Error(`HTTP ${res.statusCode}`));
        return;
      }
      void readLimited(res, maxBytes).then((body) => {
        if (body) resolve(new Uint8Array(body));
        else req.destroy(new Error(`file larger than ${maxBytes} bytes, or the download failed`));
      });
    });
    req.on('timeout', () => req.destroy(new Error('download timed out')));
    req.on('error', reject);
  });
}
