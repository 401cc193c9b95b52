import { describe, expect, it } from 'vitest';
import { chineseNumeral, numeralValue } from '../../src/domain/numerals.js';

describe('Chinese numerals', () => {
  it('reads what plans and questions print', () => {
    expect(['1', '12', '一', '十', '十二', '二十', '二十三', '（三）', '(3)'].map(numeralValue)).toEqual([1, 12, 1, 10, 12, 20, 23, 3, 3]);
    expect(['3.2', '二三', '十十', '', 'x'].map(numeralValue)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('writes 1–99 back the same way', () => {
    for (let n = 1; n < 100; n++) expect(numeralValue(chineseNumeral(n))).toBe(n);
    expect(chineseNumeral(120)).toBe('120');
  });
});
