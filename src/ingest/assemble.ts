import type { Deadline } from '../domain/task.js';
import { splitPoints } from './cell-kind.js';
import { normalizeDeadline } from './deadline.js';
import { outlineNumber } from './outline-number.js';
import type { RoleRow, UnitRole } from './role-rows.js';
import { parseUnits, type UnitRoles } from './units.js';

export interface DraftTask {
  seq: string;
  item: string;
  task: string;
  requirement: string;
  lead: string[];
  responsible: string[];
  deadline_raw: string;
  deadline: Deadline;
  line: number;
}

export interface AssembleOptions {
  year: number | null;
  /** The table has a deadline column: its (merged) value governs over words in the text. */
  hasDeadlineColumn: boolean;
  unitColumns: UnitRole[];
}

/**
 * Turns role rows into leaf tasks: merged cells take the value of the row above, except where the
 * first rows of a group have no cell and one is printed at the group's end (a vertically centred
 * cell), which all rows of the group take. Categories form a stack reset when a higher level changes.
 */
export function assemble(rows: RoleRow[], opts: AssembleOptions): DraftTask[] {
  const drafts: Array<DraftTask & { steps: string[]; units: Partial<Record<UnitRole, string>>; deadlineCell?: string; group: number }> = [];
  const stack: string[] = [];
  const outline: string[] = [];
  let maxDepth = 0;
  let group = 0;
  let lastNumber = '';
  let lastHadItems = false;
  // A table that prints a 序号 anywhere numbers its rows there: a number in a requirement is a point.
  const printedSeq = rows.some((r) => r.seq && !r.seqShared);

  for (const row of centredLabels(rows)) {
    const newGroup = row.seq !== undefined && !row.seqShared;
    if (newGroup) group++;
    const headingLevel = updateCategories(row, stack, outline, maxDepth);
    maxDepth = Math.max(maxDepth, stack.length);
    if (row.requirement === undefined) continue;
    if (headingLevel >= 0 && row.categories.some(Boolean)) group++;

    const points = splitPoints(row.requirement);
    const seqHere = row.seq ?? '';
    const headings = outline.filter(Boolean);
    for (const [i, p] of points.entries()) {
      // The running number: the 序号, or one printed at the start of the requirement.
      let number = '';
      let item = p.number;
      if (seqHere) number = seqHere;
      else if (p.number && lastNumber && !lastHadItems && Number(p.number) === Number(lastNumber) + 1) {
        // "3.…" in the requirement of a row without 序号, after rows without sub-items: the running
        // number was printed inside the requirement cell.
        number = p.number;
        item = '';
      } else if (p.number && points.length === 1 && (headings.length ? !printedSeq : !lastNumber)) {
        // Without a 序号 column, a numbered requirement is the running number itself (under
        // headings it may start again at 1).
        number = p.number;
        item = '';
      } else if (p.number && lastNumber && !(headings.length && headingLevel >= 0)) number = lastNumber;
      const steps = [...headings, number].filter(Boolean);
      drafts.push({
        seq: '',
        steps,
        item,
        task: stack.filter(Boolean).join(' / '),
        requirement: p.text.replace(/\s+/g, ' ').trim(),
        lead: [],
        responsible: [],
        deadline_raw: '',
        deadline: { kind: 'none' },
        line: row.line,
        units: i === 0 ? { ...row.units } : {},
        deadlineCell: i === 0 ? row.deadline : undefined,
        group,
      });
      if (number) {
        lastHadItems = number === lastNumber ? lastHadItems || Boolean(item) : Boolean(item);
        lastNumber = number;
      }
    }
  }

  nameSeqs(drafts);
  fillMerged(drafts, opts.unitColumns);
  // A merged unit cell is copied to every row of its group: each cell is read once per column.
  const unitCells = new Map<string, UnitRoles>();
  const unitsOf = (cell: string, col: UnitRole) => {
    const key = `${col}:${cell}`;
    let parsed = unitCells.get(key);
    if (!parsed) unitCells.set(key, (parsed = parseUnits(cell, col === 'units' ? 'mixed' : col)));
    return parsed;
  };
  for (const d of drafts) {
    const roles = { lead: [] as string[], responsible: [] as string[] };
    for (const col of opts.unitColumns) {
      const cell = d.units[col];
      if (!cell) continue;
      const parsed = unitsOf(cell, col);
      for (const r of ['lead', 'responsible'] as const) for (const u of parsed[r]) if (!roles[r].includes(u)) roles[r].push(u);
    }
    d.lead = roles.lead;
    d.responsible = roles.responsible;
    const n = opts.hasDeadlineColumn && d.deadlineCell
      ? normalizeDeadline(d.deadlineCell, opts.year, 'column')
      : opts.hasDeadlineColumn
        ? { deadline: { kind: 'none' } as Deadline, raw: '' }
        : normalizeDeadline(d.requirement, opts.year, 'text');
    d.deadline = n.deadline;
    d.deadline_raw = n.raw;
  }
  return drafts.map(({ steps: _s, units: _u, deadlineCell: _d, group: _g, ...t }) => t);
}

/**
 * Group labels (序号 and 工作任务 of a merged cell) printed at their group's vertical middle, as a
 * PDF flattened into text prints them: the table's first rows come before its first printed 序号,
 * and each label is glued to the first row that starts below its middle. A group of n rows so has
 * ⌈n/2⌉ rows before its label's row and ⌊n/2⌋ − 1 after it, about two fewer than before: of the
 * rows between two labels, that many stay with the earlier label, the rest are the next one's.
 * Each label moves to its group's first row, and the group's other rows share its 序号, as the rows
 * of a top-aligned merged cell do.
 */
function centredLabels(rows: RoleRow[]): RoleRow[] {
  const labels = rows.flatMap((r, i) => (r.seq !== undefined && !r.seqShared ? [i] : []));
  const first = rows.findIndex((r) => r.requirement !== undefined);
  if (!labels.length || first < 0 || labels[0] <= first || rows[first].categories.some(Boolean)) return rows;
  const data = (from: number, to: number) => rows.slice(from, to).flatMap((r, i) => (r.requirement !== undefined ? [from + i] : []));
  const out = rows.map((r) => ({ ...r }));
  let before = data(first, labels[0]);
  labels.forEach((at, k) => {
    const next = k + 1 < labels.length ? labels[k + 1] : rows.length;
    const between = data(at + 1, next);
    const stay = k + 1 < labels.length ? Math.min(between.length, Math.max(0, before.length - 2)) : between.length;
    const group = [...before, at, ...between.slice(0, stay)];
    group.forEach((i, n) => {
      out[i] = { ...out[i], seq: rows[at].seq, seqShared: n > 0, categories: n > 0 ? [] : rows[at].categories };
    });
    before = between.slice(stay);
  });
  return out;
}

/**
 * A task's seq from its path of outline labels and running number: the printed running number
 * alone, unless the numbering restarts under a heading (a number not above the one before it under
 * another heading), then the whole path (（一）/1, 一/1). A path without a running number (an
 * unnumbered item under headings) is the path; a table with no numbering at all numbers its rows.
 */
function nameSeqs(drafts: Array<{ seq: string; steps: string[]; line: number }>): void {
  const numbered = drafts.filter((d) => /^\d+$/.test(d.steps[d.steps.length - 1] ?? ''));
  const parent = (d: { steps: string[] }) => d.steps.slice(0, -1).join('/');
  const last = (d: { steps: string[] }) => Number(d.steps[d.steps.length - 1]);
  const restarts = numbered.some((d, k) => k > 0 && parent(d) !== parent(numbered[k - 1]) && last(d) <= last(numbered[k - 1]));
  for (const d of drafts) d.seq = restarts || !numbered.includes(d) ? d.steps.join('/') : d.steps[d.steps.length - 1];
  // A table with neither numbers nor numbered headings: its rows are cited by their order.
  if (drafts.every((d) => !d.steps.length)) {
    let row = 0;
    drafts.forEach((d, k) => {
      if (k === 0 || d.line !== drafts[k - 1].line) row++;
      d.seq = String(row);
    });
  }
}

/** Merged cells: copy down, or up within a group whose cell is printed at its end. */
function fillMerged(
  drafts: Array<{ units: Partial<Record<UnitRole, string>>; deadlineCell?: string; group: number }>,
  columns: UnitRole[],
): void {
  const fields: Array<{ get: (d: (typeof drafts)[number]) => string | undefined; set: (d: (typeof drafts)[number], v: string | undefined) => void }> = [
    ...columns.map((c) => ({ get: (d: (typeof drafts)[number]) => d.units[c], set: (d: (typeof drafts)[number], v: string | undefined) => { d.units[c] = v; } })),
    { get: (d) => d.deadlineCell, set: (d, v) => { d.deadlineCell = v; } },
  ];
  for (const f of fields) {
    // Where the table's very first row has no cell of its own, merged cells are printed at the
    // end of their block (vertically centred): every run of empty cells takes the cell below.
    const bottomPrinted = drafts.length > 1 && f.get(drafts[0]) === undefined && drafts.some((d) => f.get(d) !== undefined);
    let prev: string | undefined;
    for (let i = 0; i < drafts.length; i++) {
      const own = f.get(drafts[i]);
      if (own !== undefined) {
        prev = own;
        continue;
      }
      let j = i;
      while (j < drafts.length && f.get(drafts[j]) === undefined) j++;
      const below = j < drafts.length ? f.get(drafts[j]) : undefined;
      const startsGroup = i === 0 || drafts[i - 1].group !== drafts[i].group;
      // Within one 序号 group, rows without a cell followed by the group's last row with one.
      const centredInGroup = startsGroup && j < drafts.length && drafts[j].group === drafts[i].group && j === lastIndexOfGroup(drafts, i);
      if ((bottomPrinted || centredInGroup) && below !== undefined) {
        for (let k = i; k < j; k++) f.set(drafts[k], below);
        i = j;
        prev = below;
        continue;
      }
      f.set(drafts[i], prev);
    }
  }
}

function lastIndexOfGroup(drafts: Array<{ group: number }>, i: number): number {
  let j = i;
  while (j + 1 < drafts.length && drafts[j + 1].group === drafts[i].group) j++;
  return j;
}

/**
 * Updates the category stack from a row; returns the outline level of a numbered heading in the
 * row's category (一、 / （一） / 1.), or -1.
 */
function updateCategories(row: RoleRow, stack: string[], outline: string[], maxDepth: number): number {
  const given = row.categories;
  if (!given.some(Boolean)) return -1;
  // Outline-numbered categories (一、 / （一） / 1.) place themselves.
  const texts = given.filter((c): c is string => Boolean(c)).flatMap(splitLevels);
  const numbered = texts.map(outlineNumber);
  if (numbered.every(Boolean)) {
    let level = -1;
    for (const n of numbered) {
      level = n!.level;
      outline.length = Math.min(outline.length, level);
      while (outline.length < level) outline.push('');
      outline[level] = n!.label;
      stack.length = Math.min(stack.length, level);
      while (stack.length < level) stack.push('');
      stack[level] = n!.text;
    }
    return level;
  }
  if (row.floatingCategories) {
    const at = stack.findIndex((s) => same(s, texts[0]));
    if (at >= 0) stack.length = at;
    else if (stack.length && texts.length < maxDepth) stack.length = 1;
    else stack.length = 0;
    stack.push(...texts);
    return -1;
  }
  if (!given[0]) {
    // The outer level is merged: keep it, replace what is below.
    stack.length = Math.min(stack.length, 1);
    stack.push(...texts);
    return -1;
  }
  if (texts.length === 1 && stack.length >= 1) {
    const at = stack.findIndex((s) => same(s, texts[0]));
    if (at >= 0) {
      stack.length = at + 1;
      return -1;
    }
    if (/[。.]$/.test(texts[0]) && stack.length >= 2) {
      stack.length = 1;
      stack.push(texts[0]);
      return -1;
    }
  }
  stack.length = 0;
  stack.push(...texts);
  return -1;
}

/** A category cell may hold two levels separated by a space: 着力加强… 围绕建设法治政府…。 */
function splitLevels(cell: string): string[] {
  return cell.split(/(?<=[\u4e00-\u9fff。）”])\s+(?=[\u4e00-\u9fff“（])/).filter(Boolean);
}

function same(a: string, b: string): boolean {
  const n = (s: string) => s.replace(/[\s。.，,]/g, '');
  return n(a) === n(b);
}
