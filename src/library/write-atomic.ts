import { closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs';

/** Write, fsync, rename: a crash leaves the old file or the new one, never a torn one. */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
