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
    // 六 安 市 财 政 局: characters typed one by one with spaces between are one word.
    .replace(SPACED_RUN, (run: string) => run.replace(/ /g, ''))
    .trim()
    .replace(/[\s?？!！。.，,、;；:：~～…]+$/u, '')
    .trim();
}

/** Three or more single Chinese characters, each apart from the next by one space. */
const SPACED_RUN = /(?<![\u4e00-\u9fff])[\u4e00-\u9fff](?: [\u4e00-\u9fff](?![\u4e00-\u9fff])){2,}/g;
