import type { Query } from '../domain/query.js';

/**
 * A reply to an answer (那配合的呢, 年底前的呢, 第3项详细说说) read with that answer's query as its
 * context. Where the reply names no place, body, plan year or unit, the previous answer's stand (a
 * reply naming a place takes all of its place fields: regions, plans, body, suggestions); the
 * role, time window, kind, status, task number and topic words the reply gives replace the previous
 * ones, and those it does not give stay. Words of conversation (详细, 说说, 讲讲) are not topic
 * words. Problems, unplaced words and the day are the reply's. Pure: neither query is changed.
 */
export function followUp(previous: Query, reply: Query): Query {
  const topic = reply.topic.filter((w) => !FILLER.test(w));
  const place = namesPlace(reply) ? reply : previous;
  return {
    ...previous,
    text: `${previous.text}\n${reply.text}`,
    today: reply.today,
    intent: reply.intent === 'list' ? previous.intent : reply.intent,
    docs: place.docs,
    innerDocs: place.innerDocs,
    regionWords: place.regionWords,
    unknownRegion: place.unknownRegion,
    regionSuggestions: place.regionSuggestions,
    body: place.body,
    year: reply.year ?? previous.year,
    unit: reply.unit ?? previous.unit,
    role: reply.role ?? previous.role,
    window: reply.window ?? previous.window,
    kind: reply.kind ?? previous.kind,
    status: reply.status ?? previous.status,
    detail: reply.detail ?? previous.detail,
    topic: topic.length ? topic : previous.topic,
    unplaced: reply.unplaced.filter((w) => !FILLER.test(w)),
    problems: reply.problems,
  };
}

function namesPlace(q: Query): boolean {
  return q.regionWords.length > 0 || q.docs.length > 0 || q.innerDocs.length > 0 || q.body !== undefined || q.unknownRegion !== undefined || (q.regionSuggestions?.length ?? 0) > 0;
}

/** Words that ask for more about the previous answer rather than name anything: 详细说说, 具体讲讲, 详情. */
const FILLER = /^(?:详细|具体|详情|细节|说说|讲讲|说一下|讲一下|展开|介绍|解释|一下|再)+$/;
