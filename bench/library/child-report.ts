import { mb } from '../stats.js';

/**
 * Ends a bench child process: prints its figures and its peak resident memory (the whole life of
 * the process) as one JSON line on stdout, the line the parent reads, and exits.
 */
export function report(figures: Record<string, unknown>): never {
  process.stdout.write(JSON.stringify({ ...figures, rss_peak_mb: mb(process.resourceUsage().maxRSS * 1024) }) + '\n');
  process.exit(0);
}
