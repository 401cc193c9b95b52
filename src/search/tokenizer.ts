import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * The one tokenizer for indexing and for questions: jieba with a user dictionary of every unit
 * name and alias in the documents, so 县财政局 or 市发展改革委 stay one term.
 */
export class Tokenizer {
  private readonly jieba: Jieba;

  constructor(userWords: Iterable<string> = []) {
    this.jieba = Jieba.withDict(dict);
    const lines = [...new Set(userWords)].filter((w) => w.length >= 2 && !/\s/.test(w)).map((w) => `${w} 200000 nt`);
    if (lines.length) this.jieba.loadDict(Buffer.from(lines.join('\n')));
  }

  /** Words of a text, lower-cased, punctuation and spaces dropped. */
  tokenize(text: string): string[] {
    return this.jieba
      .cut(text.normalize('NFKC'), false)
      .map((w) => w.trim().toLowerCase())
      .filter((w) => w && !/^[\s\p{P}\p{S}]+$/u.test(w));
  }
}
