import { describe, expect, it } from 'vitest';
import { remembered } from '../../src/ingest/remember.js';
import { splitOutsideBrackets } from '../../src/ingest/units.js';

describe('remembered', () => {
  it("gives the function's answers, asking it once per string until it forgets past its bound", () => {
    const asked: string[] = [];
    const long = remembered((s: string) => (asked.push(s), s.length > 2), 2);
    expect([long('abc'), long('ab'), long('abc'), long('ab')]).toEqual([true, false, true, false]);
    expect(asked).toEqual(['abc', 'ab']);
    expect(long('abcd')).toBe(true); // a third string: the two known ones are forgotten
    expect(long('abc')).toBe(true);
    expect(asked).toEqual(['abc', 'ab', 'abcd', 'abc']);
  });
});

describe('splitOutsideBrackets', () => {
  it('splits on the given characters only outside brackets, trimming and dropping empty pieces', () => {
    expect(splitOutsideBrackets(' 市委办（市政府办、市委网信办），市司法局；;区政府 ', '，,；;')).toEqual(['市委办（市政府办、市委网信办）', '市司法局', '区政府']);
    expect(splitOutsideBrackets('《条例（修订）、细则》、市场监管局、', '、')).toEqual(['《条例（修订）、细则》', '市场监管局']);
    expect(splitOutsideBrackets('a）、b', '、')).toEqual(['a）', 'b']);
  });
});
