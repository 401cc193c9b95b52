import type { DocumentMeta } from '../src/domain/document.js';
import type { Task } from '../src/domain/task.js';

/**
 * A synthetic corpus of `factor` copies of the seed plans, each copy a different region and year:
 * region names are swapped in titles, units and texts, years shifted, unit names varied in form
 * (县发展改革局 ↔ 县发改局), as the same plan reads in another county. Copy 0 is the seeds as they are.
 */
export function synthesize(docs: DocumentMeta[], tasks: Task[], factor: number): { docs: DocumentMeta[]; tasks: Task[] } {
  const outDocs: DocumentMeta[] = [];
  const outTasks: Task[] = [];
  const byDoc = new Map<string, Task[]>();
  for (const t of tasks) byDoc.set(t.doc, [...(byDoc.get(t.doc) ?? []), t]);
  for (let k = 0; k < factor; k++) {
    const shift = k === 0 ? 0 : (k % 5) - 2;
    for (const d of docs) {
      const short = d.regionAliases[d.regionAliases.length - 1] ?? d.region;
      const name = k === 0 ? short : regionName(k, d.doc);
      const swap = (s: string) => (k === 0 ? s : s.split(short).join(name));
      const year = d.year === null ? null : d.year + shift;
      const doc = k === 0 ? d.doc : `${String(k).padStart(4, '0')}_${d.doc}`;
      const region = swap(d.region);
      outDocs.push({ ...d, doc, region, regionAliases: d.regionAliases.map(swap), title: swap(d.title).replace(/\d{4}/, String(year ?? '')), year });
      for (const t of byDoc.get(d.doc) ?? []) {
        outTasks.push({
          ...t,
          doc,
          region,
          year,
          requirement: swap(t.requirement),
          lead: t.lead.map((u) => vary(u, k)),
          responsible: t.responsible.map((u) => vary(u, k)),
          deadline: t.deadline.kind === 'by' && year !== null && d.year !== null
            ? { ...t.deadline, date: `${Number(t.deadline.date.slice(0, 4)) + shift}${t.deadline.date.slice(4)}` }
            : t.deadline,
        });
      }
    }
  }
  return { docs: outDocs, tasks: outTasks };
}

const SYLLABLES = '安宁平和兴华永昌新丰清河东西南北太白云龙凤阳春秋江山海泉石林松柳桃李金银玉宝德仁义礼智信福寿康乐文武明光';

function regionName(k: number, doc: string): string {
  let n = k * 131 + doc.charCodeAt(0) * 7 + doc.charCodeAt(1);
  const a = SYLLABLES[n % SYLLABLES.length];
  n = Math.floor(n / SYLLABLES.length) + k;
  const b = SYLLABLES[(n * 17 + 3) % SYLLABLES.length];
  return `${a}${b}${k}`;
}

const VARIANTS: Array<[string, string]> = [
  ['发展改革局', '发改局'],
  ['人力资源和社会保障局', '人社局'],
  ['住房和城乡建设局', '住建局'],
  ['卫生和计划生育局', '卫计局'],
];

function vary(unit: string, k: number): string {
  if (k % 2 === 0) return unit;
  for (const [long, short] of VARIANTS) if (unit.includes(long)) return unit.replace(long, short);
  return unit;
}
