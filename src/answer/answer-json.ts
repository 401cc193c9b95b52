import type { SearchResult } from '../search/retrieve.js';
import { citation, formatAnswer } from './format-text.js';

/**
 * The machine-readable answer: every result (not a page), each task as its full record with its
 * id and citation, grouped per document. Hints sit under `suggestions`, apart from `groups`.
 */
export function answerJson(result: SearchResult) {
  const q = result.query;
  return {
    query: {
      text: q.text,
      intent: q.intent,
      docs: q.docs,
      unknownRegion: q.unknownRegion,
      year: q.year,
      unit: q.unit,
      role: q.role,
      window: q.window,
      kind: q.kind,
      status: q.status,
      topic: q.topic,
      unplaced: q.unplaced,
      body: q.body,
      innerDocs: q.innerDocs,
      regionSuggestions: q.regionSuggestions,
      detail: q.detail,
    },
    groups: result.groups.map((g) => ({
      doc: g.doc.doc,
      ...(g.inner ? { inner: true } : {}),
      region: g.doc.region,
      year: g.doc.year,
      title: g.doc.title,
      sections: g.sections.map((s) => ({
        kind: s.kind,
        tasks: s.tasks.map((t) => ({ id: t.id, citation: citation(t.task, t.doc), ...t.task })),
      })),
    })),
    total: result.total,
    ...(result.reason ? { reason: result.reason, message: formatAnswer(result).pages[0] } : {}),
    ...(result.suggestions
      ? {
          suggestions: {
            units: result.suggestions.units,
            regions: result.suggestions.regions,
            plans: result.suggestions.plans?.map((d) => ({ doc: d.doc, region: d.region, year: d.year })),
            next: result.suggestions.next?.map((t) => ({ id: t.id, citation: citation(t.task, t.doc), ...t.task })),
          },
        }
      : {}),
  };
}
