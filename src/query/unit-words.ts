import type { UnitRef } from '../domain/query.js';
import { abbreviates, aliasKey, functionOf, looksLikeOrganisation, type UnitLevel } from '../domain/unit-name.js';
import { longestForm } from './region-words.js';
import type { BodyForm, UnitForm, Vocabulary } from './vocabulary.js';

/** A body named in a question (厦门市财政局, 天津应急局, 江门土储中心): its own plans. */
export interface BodyRef {
  text: string;
  issuer: string;
  docs: string[];
}

/**
 * Finds a body whose own plan the library holds: a name ending in its kind of body (局, 厅, 中心 …)
 * whose function is the body's or a short form of it, with the level the question gives (省民政厅)
 * and inside the regions it names. Without a region or level a body is taken only where no plan
 * names a unit of that name, so 财政局 alone stays the unit every plan names.
 */
function readBody(rest: string, vocab: Vocabulary, docs: Set<string>): { body: BodyRef; rest: string } | undefined {
  if (!vocab.bodyDocs.size || (docs.size && ![...docs].some((d) => vocab.bodyDocs.has(d)))) return undefined;
  let best: { start: number; end: number; bodies: BodyForm[] } | undefined;
  forEachSpan(rest, (start, end, level, core, parts) => {
    if (best && end - start <= best.end - best.start) return;
    const bodies = (vocab.bodiesByHead.get(parts.func[0] + parts.kind) ?? []).filter(
      (b) => (docs.size === 0 || docs.has(b.doc)) && (!level || level === b.level) && abbreviates(parts.func, b.func),
    );
    if (!bodies.length) return;
    if (docs.size === 0 && !level && (vocab.unitsByForm.has(core) || fuzzyUnits(core, vocab).length)) return;
    best = { start, end, bodies };
  });
  if (!best) return undefined;
  const { start, end, bodies } = best;
  return {
    body: { text: rest.slice(start, end), issuer: bodies[0].issuer, docs: bodies.map((b) => b.doc) },
    rest: `${rest.slice(0, start)} ${rest.slice(end)}`,
  };
}

/**
 * Who a question (or a binding) is about, after its region words: the body whose own plan it names
 * (its plans become the scope), then the unit — read inside that body's plan, where a 处/科 it does not
 * print is still a unit, never the whole plan. A region with plans only inside it (上海) has no body
 * of its own level.
 */
export function readSubject(
  text: string,
  vocab: Vocabulary,
  regions: { docs: Set<string>; regionWords: string[] },
): { rest: string; docs: Set<string>; body?: BodyRef; unit?: UnitRef; placeBefore?: string } {
  let rest = text;
  let docs = regions.docs;
  const bodyRead = regions.regionWords.length && docs.size === 0 ? undefined : readBody(rest, vocab, docs);
  if (bodyRead) {
    rest = bodyRead.rest;
    docs = new Set(bodyRead.body.docs);
  }
  let unitRead: { unit: UnitRef; rest: string; placeBefore?: string; inScope?: boolean } | undefined = readUnit(rest, vocab, docs) ?? (bodyRead ? internalUnit(rest) : undefined);
  if (unitRead?.inScope === false && docs.size) {
    // A form only other plans print (商务) inside a word the region's plans use whole (科工商务).
    const shorter = unitRead.unit.text;
    const whole = vocab.tokenize(rest).find((w) => w.includes(shorter) && w.length > shorter.length);
    const partial = whole ? partialUnit(whole, vocab, docs) : undefined;
    if (partial) unitRead = { unit: partial, rest: rest.replace(whole!, ' ') };
  }
  return { rest: unitRead?.rest ?? rest, docs, body: bodyRead?.body, unit: unitRead?.unit, placeBefore: unitRead?.placeBefore };
}

/** An internal unit of the body named (财务处, 政工科) that its plan does not print: a unit all the same. */
function internalUnit(rest: string): { unit: UnitRef; rest: string } | undefined {
  const m = /([\u4e00-\u9fff]{2,8}?(?:处|科|股|室|中心))/.exec(rest);
  if (!m || /[哪么要的是有按在为和与或每各]/.test(m[1])) return undefined;
  return { unit: { text: m[1], level: '', key: m[1], partial: false, known: false }, rest: rest.replace(m[1], ' ') };
}

/**
 * Reads the unit of a question: the longest form a document prints (preferring the documents the
 * region selects), else a short form of a printed name (住建局, 土储中心, 数管局), else an
 * organisation no document names — a unit all the same, never a topic word.
 */
function readUnit(rest: string, vocab: Vocabulary, docs: Set<string>): { unit: UnitRef; rest: string; placeBefore?: string; inScope?: boolean } | undefined {
  // 市直各单位, 县直有关部门: the departments of a level as a class, matched as the plans print it.
  const cls = DEPARTMENT_CLASS.exec(rest);
  if (cls) return { unit: { text: cls[0], level: cls[1] as UnitLevel, key: cls[0], partial: false, known: false }, rest: rest.replace(cls[0], ' ') };
  const inScope = (f: { docs: Set<string> }) => docs.size === 0 || meets(f.docs, docs);
  let best: { start: number; end: number; key: string; level: UnitLevel; inScope: boolean } | undefined;
  for (const { form, index } of longestForm(rest, vocab.unitsByForm) ?? []) {
    const forms = vocab.unitsByForm.get(form)!;
    const f = forms.find(inScope) ?? forms[0];
    if (!best || (inScope(f) && !best.inScope)) best = { start: index, end: index + form.length, key: f.key, level: f.level, inScope: inScope(f) };
  }
  if (!best?.inScope) {
    forEachSpan(rest, (start, end, level, core) => {
      if (best?.inScope && end - start <= best.end - best.start) return;
      const hit = fuzzyUnits(core, vocab).find(inScope);
      if (hit) best = { start, end, key: hit.key, level, inScope: true };
    });
  }
  if (best) {
    let level = best.level;
    let start = best.start;
    if (!level && /[省市县区]/.test(rest[start - 1] ?? '')) {
      level = rest[start - 1] as UnitLevel;
      start -= 1;
    }
    // 澄源县财政局: a place name glued before the unit's level, that no document's region matches.
    const place = level ? /(?:^|[\s,，。:：])([\u4e00-\u9fff]{2,4})$/.exec(rest.slice(0, start)) : null;
    const placeBefore = place && !NOT_PLACES.test(place[1]) ? `${place[1]}${level}` : undefined;
    return {
      unit: { text: rest.slice(start, best.end), level, key: best.key, partial: false, known: true },
      rest: rest.slice(0, start) + ' ' + rest.slice(best.end),
      placeBefore,
      inScope: best.inScope,
    };
  }
  const m = ORG_SPAN.exec(rest);
  if (m && looksLikeOrganisation(m[1]) && !/[哪么要的是有按在为和与或每]/.test(m[1].replace(/监察和审计/, ''))) {
    const span = m[1];
    const level = (/^[省市县区]/.test(span) ? span[0] : '') as UnitLevel;
    return {
      unit: { text: span, level, key: aliasKey(level ? span.slice(1) : span), partial: false, known: false },
      rest: rest.replace(span, ' '),
    };
  }
  return undefined;
}

/** A function word that names units (财政, 审计, 住建) standing alone: every unit whose function holds it. */
export function partialUnit(word: string, vocab: Vocabulary, docs: Set<string>): UnitRef | undefined {
  if (word.length < 2) return undefined;
  const inScope = (f: UnitForm) => docs.size === 0 || meets(f.docs, docs);
  const names = (f: UnitForm) => f.form.includes(word) || abbreviates(word, functionOf(f.form)?.func ?? '');
  return vocab.unitForms.some((f) => inScope(f) && names(f)) ? { text: word, level: '', partial: true, known: true } : undefined;
}

/** True when two sets share a member (walking the smaller one). */
function meets(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) return true;
  return false;
}

/** Printed unit forms that a typed name without level (住建局, 卫健委, 土储中心) is a short form of. */
function fuzzyUnits(core: string, vocab: Vocabulary): UnitForm[] {
  const parts = functionOf(core);
  if (!parts?.func) return [];
  return (vocab.unitsByHead.get(parts.func[0] + parts.kind) ?? []).filter((f) => abbreviates(parts.func, functionOf(f.form)!.func));
}

/**
 * Calls `visit` for every span of Chinese characters that reads as an organisation name (its
 * function and kind), longest spans considered up to 14 characters: linear in the text.
 */
function forEachSpan(text: string, visit: (start: number, end: number, level: UnitLevel | '', core: string, parts: { func: string; kind: string }) => void): void {
  const limit = Math.min(text.length, MAX_SCAN);
  for (let end = 2; end <= limit; end++) {
    if (!KIND_END.test(text.slice(Math.max(0, end - 2), end))) continue;
    for (let start = Math.max(0, end - 14); start <= end - 2; start++) {
      const span = text.slice(start, end);
      if (!/^[\u4e00-\u9fff()（）]+$/.test(span) || /[哪么要的是有按在为与或每]/.test(span)) continue;
      // 市监局 may be a 市 bureau 监… or the bureau of 市场监管: both readings are offered.
      const level = (/^[省市县区](?=[\u4e00-\u9fff]{2})/.test(span) ? span[0] : '') as UnitLevel;
      for (const [lv, core] of level ? ([[level, span.slice(1)], ['', span]] as const) : ([['', span]] as const)) {
        const parts = functionOf(core);
        if (parts?.func) visit(start, end, lv, core, parts);
      }
    }
  }
}

/** Questions are read up to this many characters for names (a 4096-character message stays linear). */
const MAX_SCAN = 200;
const KIND_END = /(?:[局委厅办处科室站所院队馆]|中心|委员会|办公室)$/;

const DEPARTMENT_CLASS = /([省市县区])直(?:属)?(?:各|其他|其它|有关|相关)?(?:单位|部门)/;
const ORG_SPAN = /((?:[省市县区])?[\u4e00-\u9fff]{1,10}?(?:局|委员会|委|办公室|办|中心|海关|税务|厅|署|院|支行|分行))(?![\u4e00-\u9fff]{0,1}(?:局|委|办))/;

/** Words that may stand before a unit without being a place. */
const NOT_PLACES = /^(请问|请|查询|查查|查看|看看|问问|我们|你们|关于|请教|麻烦|帮我|告诉我|哪些|什么|现在|目前|今年|本年|全市|全县|全区|我)$/;
