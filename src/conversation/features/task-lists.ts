import type { IndexedTask } from '../../search/corpus.js';

/** 蕉岭县2016年度、深圳市2016年度: the plans of some tasks. */
export function endedPlans(tasks: IndexedTask[]): string {
  return [...new Set(tasks.map((t) => `${t.doc.region}${t.doc.year ?? ''}年度`))].join('、');
}

/** Every task of an answer, in its order. */
export function tasksOf(result: { groups: Array<{ sections: Array<{ tasks: IndexedTask[] }> }> }): IndexedTask[] {
  return result.groups.flatMap((g) => g.sections.flatMap((s) => s.tasks));
}
