import { variants } from '../domain/topic-words.js';
import type { IndexedTask } from './corpus.js';

/** Ranks tasks for topic words (the lunr index): orders a list, or finds every task holding any word. */
export interface TopicRanker {
  rank(words: string[], docs: Set<string>): IndexedTask[];
  order(tasks: IndexedTask[], words: string[]): IndexedTask[];
}

/**
 * Positions of the tasks holding every topic word, or a synonym of it (PPP = 政府和社会资本合作,
 * 预决算 = 预算 or 决算 …), in their category or requirement. The first word is searched for through
 * the group's texts (`holding`), the others only in the tasks holding it: give the rarest first.
 */
export function topicPositions(group: Pick<CoverGroup, 'tasks' | 'holding'>, words: string[]): number[] {
  if (!words.length) return [];
  const [first, ...rest] = words;
  const forms = variants(first);
  const at = forms.length === 1 ? group.holding(first) : [...new Set(forms.flatMap((v) => group.holding(v)))].sort((a, b) => a - b);
  if (!rest.length || !at.length) return at;
  const tasks = group.tasks();
  return at.filter((i) => rest.every((w) => holdsAny(tasks[i], variants(w))));
}

/** True when a task's category or requirement holds one of a word's forms. */
function holdsAny(t: IndexedTask, forms: readonly string[]): boolean {
  return forms.some((v) => t.text.includes(v));
}

/** Tasks a nearest cover may take, with which of the words they may hold at all (a plan, by the character index); read only when they can reach the cover. */
export interface CoverGroup {
  mayHold: boolean[];
  tasks: () => IndexedTask[];
  /** Positions in `tasks()` of the tasks whose text holds a form, ascending. */
  holding: (form: string) => number[];
}

/** A group over a list of tasks, each searched for a form in turn (a plan's own texts are searched at once: Corpus.tasksHolding). */
export function listGroup(mayHold: boolean[], tasks: () => IndexedTask[]): CoverGroup {
  return { mayHold, tasks, holding: (form) => tasks().flatMap((t, i) => (t.text.includes(form) ? [i] : [])) };
}

/**
 * Where no task holds every topic word: the tasks that hold nearly as much of the question as the
 * best one does, each word weighing by its rarity in the library (a word most tasks share weighs
 * little). 人大代表建议和政协委员提案办理结果 finds the row that says 人大代表、政协委员 … 提案办理结果
 * without 建议; a row holding one common word of several is left out. Groups are read best bound
 * first, and a group whose words cannot weigh what the cover needs is never read. In the groups' order,
 * each task with its group and position.
 */
export function nearestCover(groups: CoverGroup[], words: string[], library: { textCount: number; textsHolding(word: string): number }): CoverHit[] {
  const forms = words.map((w) => variants(w));
  const weight = words.map((w) => Math.log((library.textCount + 1) / (1 + library.textsHolding(w))));
  const total = weight.reduce((a, b) => a + b, 0);
  const bounded = groups
    .map((g, at) => ({ g, at, max: g.mayHold.reduce((n, h, i) => n + (h ? weight[i] : 0), 0) }))
    // A task is kept at 3/4 of the best, and the best covers at least half the question's weight.
    .filter((x) => x.max > 0 && x.max >= total * 0.5 * COVER)
    .sort((a, b) => b.max - a.max || a.at - b.at);
  const scored: Array<{ t: IndexedTask; c: number; at: number; i: number }> = [];
  // Per task of the group read: its cover, and the last word counted (a task holding two forms of a
  // word counts it once; -1: none yet) — one buffer for every group, reset where it was written.
  let cover = new Float64Array(256);
  let counted = new Int8Array(256).fill(-1);
  const heaviest = words.map((_, w) => w).sort((a, b) => weight[b] - weight[a]);
  let best = 0;
  for (const { g, at, max } of bounded) {
    const cut = () => Math.max(total * 0.5, best) * COVER;
    if (max < cut()) break;
    // Each task's cover: the weights of the words it holds, heaviest first, from where the group's
    // texts hold each word — until the words left cannot lift a task not yet found to the cut: those
    // then count for the tasks found only (a plan remembers where its texts hold a form).
    const tasks = g.tasks();
    if (tasks.length > cover.length) {
      cover = new Float64Array(tasks.length);
      counted = new Int8Array(tasks.length).fill(-1);
    }
    const found: number[] = [];
    const add = (i: number, w: number) => {
      if (counted[i] === w) return;
      if (counted[i] === -1) found.push(i);
      counted[i] = w;
      cover[i] += weight[w];
    };
    let rest = max;
    for (const w of heaviest) {
      if (!g.mayHold[w]) continue;
      const open = rest >= cut();
      for (const v of forms[w]) for (const i of g.holding(v)) if (open || counted[i] !== -1) add(i, w);
      rest -= weight[w];
    }
    // A task under the cut now stays under it (the cut only rises): never kept.
    for (const i of found.sort((a, b) => a - b)) {
      const c = cover[i];
      cover[i] = 0;
      counted[i] = -1;
      if (c < cut()) continue;
      scored.push({ t: tasks[i], c, at, i });
      best = Math.max(best, c);
    }
  }
  // Nothing covers half the question's weight: no task is about it.
  if (best <= 0 || best < total * 0.5) return [];
  return scored
    .filter((x) => x.c >= best * COVER)
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map((x) => ({ task: x.t, group: x.at, position: x.i }));
}

/** A task of a nearest cover, with its group and its position in the group's tasks. */
export interface CoverHit {
  task: IndexedTask;
  group: number;
  position: number;
}

/** Share of the best cover a task must reach. */
const COVER = 0.75;
