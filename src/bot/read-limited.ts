import type { Readable } from 'node:stream';

/**
 * A stream's bytes, or undefined once they pass `max` (the stream is then destroyed) or it fails:
 * what a download or a webhook body may hold, read without holding more.
 */
export function readLimited(stream: Readable, max: number): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        resolve(undefined);
        stream.destroy();
      } else chunks.push(c);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', () => resolve(undefined));
  });
}
