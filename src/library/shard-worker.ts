import { parentPort } from 'node:worker_threads';
import { readDocument } from '../ingest/read-document.js';
import { buildShard } from './build-shard.js';
import type { WorkerRequest } from './shard-pool.js';

/** A worker of the shard pool: answers each request it is sent (a shard to build, an upload to read), one at a time. */
parentPort?.on('message', (request: WorkerRequest) => {
  const work = request.kind === 'shard' ? buildShard(request.job) : readDocument(request.bytes, request.name, request.hint);
  (work as Promise<unknown>).then(
    (value) => parentPort?.postMessage({ ok: true, value }),
    (e: Error) => parentPort?.postMessage({ ok: false, error: e.message }),
  );
});
