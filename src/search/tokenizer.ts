import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let plainJieba: Jieba | undefined;

/**
 * The one tokenizer for indexing and for questions: jieba with a user dictionary of every unit
 * name and alias in the documents, so 县财政局 or 市发展改革委 stay one term. A tokenizer without user
 * words is jieba's own dictionary alone (the plans' lunr indexes), loaded once per thread.
 */
/** A loaded jieba with the user words it holds: shared by the engines a reload builds one after another. */
interface Segmenter {
  jieba: Jieba;
  loaded: Set<string>;
}

export class Tokenizer {
  private jieba?: Jieba;
  private segmenter?: Segmenter;
  private readonly userWords: string[];

  /**
   * The dictionary (about 250 ms to load) is read on first use, not at start-up. `extending`: the
   * tokenizer of the engine this one replaces (a reload), whose jieba takes the new words instead
   * of jieba being loaded again — a word of a plan since removed stays known to the segmenter until
   * restart; units themselves are matched by the corpus, not by it.
   */
  constructor(userWords: Iterable<string> = [], extending?: Tokenizer) {
    this.userWords = [...new Set(userWords)].filter((w) => w.length >= 2 && !/\s/.test(w));
    // Only the shared segmenter is kept, never the tokenizer before (nor its words).
    if (this.userWords.length && extending?.userWords.length) this.segmenter = extending.warm().segmenter;
  }

  /** Loads the dictionaries now (a server warms up before its first question). */
  warm(): this {
    if (this.jieba) return this;
    if (!this.userWords.length) {
      this.jieba = plainJieba ??= Jieba.withDict(dict);
      return this;
    }
    this.segmenter ??= { jieba: Jieba.withDict(dict), loaded: new Set() };
    const { jieba, loaded } = this.segmenter;
    const fresh = this.userWords.filter((w) => !loaded.has(w));
    if (fresh.length) jieba.loadDict(Buffer.from(fresh.map((w) => `${w} 200000 nt`).join('\n')));
    for (const w of fresh) loaded.add(w);
    this.jieba = jieba;
    return this;
  }

  /** The words of a text that can carry a topic: `tokenize` without the stop words. */
  terms(text: string): string[] {
    return this.tokenize(text).filter((w) => !STOP_WORDS.has(w));
  }

  /**
   * `terms` of each of several texts, cut in one call into jieba: it cuts at a line break as at any
   * space, so texts joined by line breaks cut as each alone. Texts holding a line break themselves
   * are cut one by one.
   */
  termsOfEach(texts: string[]): string[][] {
    const normalized = texts.map((t) => t.normalize('NFKC'));
    if (normalized.some((t) => /[\r\n]/.test(t))) return texts.map((t) => this.terms(t));
    const out: string[][] = texts.map(() => []);
    let at = 0;
    for (const cut of this.warm().jieba!.cut(normalized.join('\n'), false)) {
      if (cut === '\n') at++;
      else {
        const word = asWord(cut);
        if (word && !STOP_WORDS.has(word)) out[at].push(word);
      }
    }
    return out;
  }

  /** Words of a text, lower-cased, punctuation and spaces dropped. */
  tokenize(text: string): string[] {
    const words: string[] = [];
    for (const cut of this.warm().jieba!.cut(text.normalize('NFKC'), false)) {
      const word = asWord(cut);
      if (word) words.push(word);
    }
    return words;
  }
}

/** Cut pieces as words (lower-cased; '' for punctuation or space), remembered: a plan's pieces are mostly words seen before. */
const WORDS = new Map<string, string>();
const WORDS_KEPT = 100_000;

function asWord(cut: string): string {
  let word = WORDS.get(cut);
  if (word === undefined) {
    word = cut.trim().toLowerCase();
    if (/^[\s\p{P}\p{S}]+$/u.test(word)) word = '';
    if (WORDS.size >= WORDS_KEPT) WORDS.clear();
    WORDS.set(cut, word);
  }
  return word;
}

/**
 * The one stop list: fillers, and words nearly every task shares. Kept out of the lunr index (a
 * registered pipeline function) and out of the topic words of questions alike.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '要 什么 哪些 有 的 了 吗 呢 吧 啊 是 在 和 与 及 或 把 被 给 对 向 从 到 由 为 将 需要 需 应 应该 必须 能 可以 会 ' +
    '公开 信息 政务 工作 任务 进行 各 负责 发布 事项 内容 情况 相关 有关 方面 具体 要求 怎么 如何 怎样 什么样 ' +
    '哪 些 哪个 个 项 条 点 完成 做 做好 办 办理 落实 推进 加强 开展 谁 一共 共 总共 几 多少 目前 现在 ' +
    '请问 请 帮 我 我们 你 查 查询 看看 列出 告诉 一下 所有 全部 全 都 还 又 也 就 这 那 其 之 以 于 等 ' +
    '前 后 底 内 时候 时间 截止 到期 期限 时限 日期 的话 具体要求 政务公开 信息公开 工作任务 公开工作 ' +
    '单位 部门 政府 清单 方案 要点 分工 计划 规定 是否 有没有 哪些是 要做 要求是 ' +
    'what which plan plans is are the of to for by do does due tasks task list show me all in on at a an need needs publish must ' +
    'have has be what\'s whats please tell where when how with from this that there their its it will would should can could about ' +
    'finish finished complete completed ' +
    // Conversation around a question: greetings, thanks, asking for help, emphasis.
    '麻烦 看下 看一下 瞧瞧 到底 究竟 各位 大家 您好 你好 大家好 谢谢 感谢 多谢 辛苦 请教 想问 想知道 知道 问下 问问 帮忙 能否 可否 已经 作为 担任 身为 几天 多少天 这一项 一项 这项 该项 此项 ' +
    '涉及 包括 关于 属于 针对 承担 承办 应当 须 务必 分别 分别是 各项 每项 哪几项 哪几个 几件 件 名单 列表 明细 汇总 统计 一览 详细 详情 详细说说 说说 讲讲 介绍 一下子 还有 还要 还需 啥 活 活儿 事 事情 东西 哪里 归 管 干 搞 主要 一些 以及 都有 有啥 要干'
  ).split(/\s+/),
);
