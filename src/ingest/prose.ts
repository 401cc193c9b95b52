import type { DraftTask } from './assemble.js';

/** Reads a prose plan (outline items closed by unit parentheses). */
export function readProse(_text: string, _year: number | null): DraftTask[] {
  return [];
}
