import { citation, describeDeadline } from '../answer/format-text.js';
import { periodLabel } from './period.js';
import type { Reminder } from './reminders.js';

/** One chat's reminders of a morning, as one message: its text and the tasks its buttons close (办结) or show (查看). */
export interface MorningMessage {
  chatId: number;
  text: string;
  /** The tasks listed, once each, in the order shown; `today` is the day whose period a 办结 closes. */
  tasks: Array<{ taskId: string; citation: string }>;
  today: string;
  /** Every reminder the message stands for: marked sent once it is delivered. */
  keys: string[];
}

/**
 * The morning's reminders, one message per chat (pure): grouped as 已逾期, 今天到期, 明天到期, N 天后
 * 到期 and 阶段性时间节点 (milestones), each task with its citation, the deadline and what is left;
 * at most MAX_LISTED tasks, the rest counted and left to /todo.
 */
export function morningMessages(today: string, reminders: Reminder[]): MorningMessage[] {
  const byChat = new Map<number, Reminder[]>();
  for (const r of reminders) byChat.set(r.chatId, [...(byChat.get(r.chatId) ?? []), r]);
  return [...byChat].map(([chatId, rs]) => compose(chatId, today, rs));
}

function compose(chatId: number, today: string, reminders: Reminder[]): MorningMessage {
  const ids = [...new Set(reminders.map((r) => r.task.id))];
  const listed = new Set(ids.slice(0, MAX_LISTED));
  const shown = reminders.filter((r) => listed.has(r.task.id));
  const groups = new Map<string, Reminder[]>();
  for (const r of [...shown].sort((a, b) => rank(a) - rank(b) || a.date.localeCompare(b.date))) {
    const title = groupTitle(r);
    groups.set(title, [...(groups.get(title) ?? []), r]);
  }
  const units = [...new Set(reminders.map((r) => r.unit))].join('、');
  const lines = [
    `⏰ 到期提醒（${today}）：${units} ${ids.length} 项`,
    ...[...groups].flatMap(([title, rs]) => [`【${title}】`, ...rs.map(itemText)]),
    ...(ids.length > listed.size ? [`……另有 ${ids.length - listed.size} 项，发送 /todo 查看全部`] : []),
    '办结后请点下方「✅ 办结」，也可以发送 /done 引用 [说明]。',
  ];
  const tasks = ids.filter((id) => listed.has(id)).map((id) => {
    const t = reminders.find((r) => r.task.id === id)!.task;
    return { taskId: id, citation: citation(t.task, t.doc) };
  });
  return { chatId, text: lines.join('\n'), tasks, today, keys: reminders.map((r) => r.key) };
}

/** Overdue first (longest overdue first), then by days left, milestones last. */
function rank(r: Reminder): number {
  return r.kind === 'milestone' ? 100_000 + r.daysLeft : r.daysLeft;
}

function groupTitle(r: Reminder): string {
  if (r.kind === 'milestone') return '阶段性时间节点';
  if (r.daysLeft < 0) return '已逾期';
  return r.daysLeft === 0 ? '今天到期' : r.daysLeft === 1 ? '明天到期' : `${r.daysLeft} 天后到期`;
}

function itemText(r: Reminder): string {
  const t = r.task;
  const req = t.task.requirement.length > MAX_REQUIREMENT ? `${t.task.requirement.slice(0, MAX_REQUIREMENT)}…` : t.task.requirement;
  return `• [${citation(t.task, t.doc)}] ${req}\n  ${whenText(r)}`;
}

function whenText(r: Reminder): string {
  const deadline = describeDeadline(r.task.task.deadline);
  if (r.kind === 'milestone') return `节点：${r.date}（${left(r.daysLeft)}），最终时限 ${deadline}`;
  if (r.kind === 'period') return `时限：${deadline}，本期（${periodLabel(r.period!.key)}）至 ${r.date}`;
  return `时限：${deadline}${r.daysLeft < 0 ? `，已逾期 ${-r.daysLeft} 天` : ''}`;
}

function left(days: number): string {
  return days === 0 ? '今天' : `还有 ${days} 天`;
}

/** Tasks listed (with buttons) in one morning message: two buttons each, well under Telegram's 100. */
const MAX_LISTED = 30;
const MAX_REQUIREMENT = 100;
