import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs';

/**
 * Write, fsync, rename: a crash leaves the old file or the new one, never a torn one. `durable:
 * false` skips the fsync, for a file whose damage is caught where it is read (a shard: the manifest,
 * written durably after it, holds its size, and its schema is checked): the rename still keeps a
 * half-written file from view, and a build of thousands of plans does not wait on the disk for each.
 */
export function writeAtomic(path: string, data: string | Uint8Array, durable = true): void {
  // Unique per write: two processes (or two containers, both pid 1) sharing a folder never share a temporary file.
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const fd = openSync(tmp, 'w');
  try {
    writeFileSync(fd, data);
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
