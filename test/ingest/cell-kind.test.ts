import { describe, expect, it } from 'vitest';
import { looksLikeDeadline } from '../../src/ingest/cell-kind.js';

describe('looksLikeDeadline', () => {
  it('reads a time limit with a bracketed note as a time limit', () => {
    expect(looksLikeDeadline('2021年6月底前（视情况调整）')).toBe(true);
    expect(looksLikeDeadline('按月')).toBe(true);
  });

  it('reads a sentence with a time only in brackets as text, whatever word it starts with', () => {
    expect(looksLikeDeadline('按时发布政府信息公开年度报告(3 月底前)。')).toBe(false);
  });
});
