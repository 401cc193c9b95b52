import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs';

/** Write, fsync, rename: a crash leaves the old file or the new one, never a torn one. */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  // Unique per write: two processes (or two containers, both pid 1) sharing a folder never share a temporary file.
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const fd = openSync(tmp, 'w');
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
