// What the ingest reads, apart from the readers themselves: a caller that only checks a file name or
// size (the chat's upload) does not load every parser to do so.

/** Binary containers may be larger than text files (embedded fonts, images). */
export const MAX_BINARY_BYTES = 40 * 1024 * 1024;

/** File names the ingest reads. */
export const SUPPORTED = /\.(txt|text|csv|tsv|md|docx|xlsx|xls|doc|wps|pdf|html?)$/i;
