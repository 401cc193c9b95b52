import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A plan of 测试县 2016 for following a year through (in a fresh seeds folder): a task due on
 * 2016-12-31 (测试 1), a quarterly one (测试 2), one due 2016-09-30 with a milestone on 2016-03-31 (测试 3), and one of
 * another unit, 县审计局 (测试 4).
 */
export function yearPlanFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-year-'));
  writeFileSync(
    join(dir, 'nianzhong.txt'),
    [
      '测试县2016年政务公开工作要点分工方案',
      '',
      '序号|工作任务|具体要求|牵头单位|完成时限',
      '1|推进决算公开|公开县本级部门决算。|县财政局|2016年12月31日前',
      '2|推进财政数据公开|按季度公开全县财政收支情况。|县财政局|每季度',
      '3|推进规划公开|公开规划编制进展和结果。|县财政局|2016年3月31日前；2016年9月30日前',
      '4|推进审计公开|公开年度审计工作报告。|县审计局|2016年8月31日前',
    ].join('\n'),
  );
  return dir;
}

/** The ids of its tasks. */
export const YEAR_END = 'nianzhong.txt#1#';
export const QUARTERLY = 'nianzhong.txt#2#';
export const MILESTONED = 'nianzhong.txt#3#';
