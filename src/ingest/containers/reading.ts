import type { StructuredDocument } from '../table.js';

/** A container's reading: its document, or why it cannot be read, in words a person can act on. */
export type ContainerReading = { ok: true; document: StructuredDocument } | { ok: false; reason: string };
