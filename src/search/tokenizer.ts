import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * The one tokenizer for indexing and for questions: jieba with a user dictionary of every unit
 * name and alias in the documents, so 县财政局 or 市发展改革委 stay one term.
 */
export class Tokenizer {
  private jieba?: Jieba;
  private readonly userWords: string[];

  /** The dictionary (about 200 ms to load) is read on first use, not at start-up. */
  constructor(userWords: Iterable<string> = []) {
    this.userWords = [...new Set(userWords)].filter((w) => w.length >= 2 && !/\s/.test(w));
  }

  /** Loads the dictionaries now (a server warms up before its first question). */
  warm(): this {
    if (!this.jieba) {
      this.jieba = Jieba.withDict(dict);
      if (this.userWords.length) this.jieba.loadDict(Buffer.from(this.userWords.map((w) => `${w} 200000 nt`).join('\n')));
    }
    return this;
  }

  /** Words of a text, lower-cased, punctuation and spaces dropped. */
  tokenize(text: string): string[] {
    return this.warm()
      .jieba!.cut(text.normalize('NFKC'), false)
      .map((w) => w.trim().toLowerCase())
      .filter((w) => w && !/^[\s\p{P}\p{S}]+$/u.test(w));
  }
}
