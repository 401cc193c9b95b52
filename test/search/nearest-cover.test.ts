import { describe, expect, it } from 'vitest';
import type { IndexedTask } from '../../src/search/corpus.js';
import { listGroup, nearestCover, type CoverGroup } from '../../src/search/topic.js';

const task = (id: string, text: string) => ({ id, text }) as unknown as IndexedTask;
/** Word rarity as a library of 1,000 texts would give it: 指南 in 10, 修订 and 更新 in 300 each. */
const library = { textCount: 1000, textsHolding: (w: string) => ({ 指南: 10, 修订: 300, 更新: 300 })[w] ?? 0 };

describe('nearestCover over plans read only when their words can reach the cover', () => {
  it('keeps the tasks near the best cover, in the groups’ order, and never reads a group lacking the heavy word', () => {
    let lightRead = false;
    const groups: CoverGroup[] = [
      listGroup([true, true, false], () => [task('a1', '政府信息公开指南修订'), task('a2', '其他工作')]),
      listGroup([false, true, true], () => {
        lightRead = true;
        return [task('b1', '修订并更新制度')];
      }),
      listGroup([true, false, true], () => [task('c1', '指南及时更新'), task('c2', '指南')]),
    ];
    const kept = nearestCover(groups, ['指南', '修订', '更新'], library);
    // 指南+修订 and 指南+更新 weigh alike (the best, 5.71); 指南 alone (4.51) is over 3/4 of it; 修订+更新
    // (2.40) is under the 3/8 of the whole question (6.91) any kept task needs: that group is never read.
    expect(kept.map((h) => [h.task.id, h.group, h.position])).toEqual([
      ['a1', 0, 0],
      ['c1', 2, 0],
      ['c2', 2, 1],
    ]);
    expect(lightRead).toBe(false);
  });

  it('finds nothing when no task covers half the question', () => {
    const groups: CoverGroup[] = [listGroup([false, true, true], () => [task('b1', '修订制度')])];
    expect(nearestCover(groups, ['指南', '修订', '更新'], library)).toEqual([]);
  });
});
