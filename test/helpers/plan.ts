import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A small plan of 测试县 2016 with dated, periodic and undated tasks, in a fresh seeds folder. */
export function planFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-plan-'));
  writeFileSync(
    join(dir, 'ceshi.txt'),
    [
      '测试县2016年政务公开工作要点分工方案',
      '',
      '序号|工作任务|具体要求|牵头单位|完成时限',
      '1|推进预算公开|公开县本级部门预算和“三公”经费预算。|县财政局|2016年6月30日前',
      '2|推进财政信息公开|按月公开全县一般公共预算收支情况。|县财政局|每月',
      '3|推进审计公开|公开年度审计工作报告。|县审计局|2016年8月31日前',
      '4|加强政策解读|做好政策解读工作。|县财政局|全年工作',
    ].join('\n'),
  );
  return dir;
}
