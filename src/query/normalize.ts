import * as OpenCC from 'opencc-js';

let toSimplified: ((s: string) => string) | undefined;

/**
 * Normalizes a question before anything reads it: traditional → simplified characters (OpenCC),
 * full-width digits and letters → ASCII (NFKC), emoji and symbols removed, spaces collapsed,
 * trailing punctuation dropped. 縣財政局１２月前要公開什麼？？😀 → 县财政局12月前要公开什么.
 */
export function normalizeQuestion(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(text.normalize('NFKC'))
    .replace(/\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}\u200d\ufe0f]/gu, '')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s?？!！。.，,、;；:：~～…]+$/u, '')
    .trim();
}
