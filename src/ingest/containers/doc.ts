/** An old Word file's body text, or why it cannot be read. */
export type DocText = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Reads an old binary Word file (.doc, and .wps saved in the Word format) with word-extractor:
 * body text in which table cells are separated by tabs and rows by line breaks, which the table
 * reader takes as delimited rows; where rows cannot be told apart, its text layouts take over.
 */
export async function readDoc(bytes: Uint8Array): Promise<DocText> {
  try {
    const { default: WordExtractor } = await import('word-extractor');
    const doc = await new WordExtractor().extract(Buffer.from(bytes));
    return { ok: true, text: doc.getBody() };
  } catch (e) {
    return { ok: false, reason: `无法读取 .doc 文件（${String((e as Error).message).slice(0, 80)}）` };
  }
}
