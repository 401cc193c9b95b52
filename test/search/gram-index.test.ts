import { describe, expect, it } from 'vitest';
import { GramIndex, GramHeader, gramsOfTexts } from '../../src/search/gram-index.js';

const plans = [
  { key: 'a', texts: ['公开财政预算决算信息', '政策解读材料同步发布'] },
  { key: 'b', texts: ['公开政府债务信息', '预算执行情况'] },
  { key: 'c', texts: ['校外培训机构信息公开'] },
];
const keysOf = (g: GramIndex, word: string) => g.candidates(word).map((i) => g.plans[i]);
/** The index of plans given by their texts, as a sync builds it. */
const build = (ps: typeof plans) => GramIndex.empty.with(new Map(), ps.map((p) => ({ key: p.key, grams: gramsOfTexts(p.texts) })));

describe('GramIndex: which plans hold a word, without reading them', () => {
  it('finds every plan holding a word, and none lacking one of its characters or pairs', () => {
    const g = build(plans);
    expect(keysOf(g, '预算')).toEqual(['a', 'b']);
    expect(keysOf(g, '政策解读')).toEqual(['a']);
    expect(keysOf(g, '培训机构')).toEqual(['c']);
    expect(keysOf(g, '债')).toEqual(['b']);
    expect(keysOf(g, '审计')).toEqual([]);
    // 公开 and 信息 are both in b, 开信 nowhere: the pairs rule it out.
    expect(keysOf(g, '公开信息')).toEqual([]);
  });

  it('counts the texts holding a word: exact for a pair, the rarest pair for a longer word', () => {
    const g = build(plans);
    expect(g.textsHolding('预算')).toBe(2);
    expect(g.textsHolding('公开')).toBe(3);
    expect(g.textsHolding('政策解读')).toBe(1);
    expect(g.textsHolding('审计')).toBe(0);
  });

  it('updates by removing and appending plans, as if built from the plans kept', () => {
    const g = build(plans);
    const changed = { key: 'b2', grams: gramsOfTexts(['公开审计结果']) };
    const next = g.with(new Map([['b', gramsOfTexts(plans[1].texts)]]), [changed]);
    expect(keysOf(next, '预算')).toEqual(['a']);
    expect(keysOf(next, '审计')).toEqual(['b2']);
    expect(next.textsHolding('预算')).toBe(1);
    expect(next.textsHolding('公开')).toBe(3);
    // The index it came from is unchanged (a reload's engine shares it until the swap).
    expect(keysOf(g, '预算')).toEqual(['a', 'b']);
  });

  it('drops removed positions once they are over a quarter of all', () => {
    const g = build(plans).with(new Map([['a', undefined], ['b', undefined]]), []);
    expect(g.plans).toEqual(['c']);
    expect(keysOf(g, '培训')).toEqual(['c']);
  });

  it('round-trips through its header schema and positions, and names what does not fit', () => {
    const g = build(plans);
    const { header, body } = g.serialize();
    const back = GramIndex.load(GramHeader.parse(JSON.parse(JSON.stringify(header))), new Uint8Array(body));
    expect(back).toBeInstanceOf(GramIndex);
    for (const w of ['预算', '政策解读', '培训机构', '审计']) expect(keysOf(back as GramIndex, w)).toEqual(keysOf(g, w));
    expect(GramIndex.load(header, body.subarray(1))).toEqual({ error: expect.stringMatching(/positions end at \d+, the file holds/) });
  });
});
