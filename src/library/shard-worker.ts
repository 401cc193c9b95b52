import { parentPort } from 'node:worker_threads';
import { buildShard, type ShardJob } from './build-shard.js';

/** A worker of the shard pool: builds the shard of each job it is sent, one at a time. */
parentPort?.on('message', (job: ShardJob) => {
  buildShard(job).then(
    (built) => parentPort?.postMessage({ ok: true, built }),
    (e: Error) => parentPort?.postMessage({ ok: false, error: e.message }),
  );
});
