import { citation, formatTask, paginateLines, type TaskStatus } from '../../answer/format-text.js';
import type { IndexedTask } from '../../search/corpus.js';
import { statusLabel } from '../../domain/status-label.js';
import { historyText } from '../../tracking/history.js';
import { nextPeriod } from '../../tracking/period.js';
import { closureView } from '../../tracking/task-status.js';
import type { Command, Feature } from '../command.js';
import type { ConversationCore } from '../core.js';
import type { Reply } from '../types.js';
import { echo } from '../echo.js';
import { changeState, closeButton, closeNote } from './closing.js';
import { viewButton } from './morning.js';
import { endedPlans, tasksOf } from './task-lists.js';

export const BIND_FIRST = '请先用 /unit 绑定本单位，例如 /unit 蕉岭 县财政局';

/**
 * Task status (/done, /undo, /todo, /history), reminders (/remind) and what the morning message's
 * buttons do (✅ 办结 with its note, 查看).
 */
export const trackingFeature: Feature = {
  commands: [
    {
      command: 'todo',
      description: '本单位未办结的任务（逾期在前）',
      who: 'bound',
      refusal: BIND_FIRST,
      handle: async ({ msg, unit }, core) => [todo(core, unit!, msg.today)],
    },
    closeCommand('done', '办结一项任务：/done 引用 [说明]'),
    closeCommand('undo', '撤销办结：/undo 引用'),
    {
      command: 'history',
      description: '一项任务的办理记录：/history 引用',
      who: 'everyone',
      handle: async ({ msg, args }, core) => {
        const found = oneTask(core, 'history', args, msg.today);
        if (typeof found === 'string') return [{ text: found }];
        return [{ text: historyText(found.task, core.status.get(found.task.id), msg.today) }];
      },
    },
    {
      command: 'remind',
      description: '到期提醒：on / off / 3,1',
      who: 'chat-admin',
      refusal: '只有本群管理员可以设置到期提醒。',
      handle: async ({ msg, args }, core) => [remind(core, msg.chatId, msg.chatType, args.toLowerCase())],
    },
  ],
  buttons: { close: closeButton, task: viewButton },
  answer: closeNote,
};

/** Words a task reference spans at most (蕉岭 10.2; 遂宁市 安居区 三（三） 2). */
const MAX_REFERENCE_WORDS = 4;

/**
 * The task a command's text names, and the rest of the text (a note): the longest leading part of
 * the text naming one task (蕉岭 10.2). A reference is a few words (地区 序号, 单位 地区 序号): longer
 * leading parts are never tried. Undefined when no leading part names a task.
 */
function findTask(core: ConversationCore, args: string, today: string): { ref: string; rest: string; tasks: IndexedTask[] } | undefined {
  const words = args.split(/\s+/).filter(Boolean);
  for (let k = Math.min(words.length, MAX_REFERENCE_WORDS); k > 0; k--) {
    const ref = words.slice(0, k).join(' ');
    const result = core.ask(ref, today);
    const tasks = tasksOf(result);
    if (result.query.detail && tasks.length) return { ref, rest: words.slice(k).join(' '), tasks };
  }
  return undefined;
}

/** The one task a reference names, or what to say instead (no such task; several sub-items). */
function oneTask(core: ConversationCore, command: string, args: string, today: string): { task: IndexedTask; rest: string } | string {
  const found = findTask(core, args, today);
  if (!found) return `用法：/${command} 引用${command === 'done' ? ' [说明]' : ''}，引用照答案中的出处写，例如 /${command} 蕉岭 10.2${command === 'done' ? ' 已在政府网站公开' : ''}`;
  const { tasks } = found;
  if (tasks.length > 1) return `「${found.ref}」包含 ${tasks.length} 个子项，请写明子项，例如 ${citation(tasks[0].task, tasks[0].doc)}`;
  return { task: tasks[0], rest: found.rest };
}

/**
 * /done 蕉岭 10.2 [说明] and /undo: a unit whose binding was granted closes or reopens one of its own
 * tasks — a periodic task's current period only; who did it is recorded and said.
 */
function closeCommand(command: 'done' | 'undo', description: string): Command {
  return {
    command,
    description,
    who: 'granted',
    refusal: BIND_FIRST,
    handle: async ({ msg, args, unit }, core) => {
      const found = oneTask(core, command, args, msg.today);
      if (typeof found === 'string') return [{ text: found }];
      const closer = { userId: msg.userId, userName: msg.userName, unit: unit! };
      return [{ text: changeState(core, closer, found.task, command === 'done' ? 'done' : 'open', found.rest, msg.today) }];
    },
  };
}

/**
 * /todo: the bound unit's open tasks, overdue first — those of current plans, then those of plans
 * whose year ended (not archived), said to be so rather than left out; a periodic task whose period
 * is closed is listed last with its next period, while the plan's year has one.
 */
function todo(core: ConversationCore, unit: string, today: string): Reply {
  const { current, ended } = core.ownTasks(unit, today);
  const date = (t: IndexedTask) => (t.task.deadline.kind === 'by' ? t.task.deadline.date : '9999');
  const open = (ts: IndexedTask[]) => ts.filter((t) => !core.closure(t.id, today)).sort((a, b) => date(a).localeCompare(date(b)));
  const now = open(current);
  const past = open(ended);
  const recurring = current.flatMap((t) => {
    const period = core.periodOf(t.id, today);
    const next = period && nextPeriod(t.task, period);
    const closed = next && core.closure(t.id, today);
    return closed ? [{ t, closed, next }] : [];
  });
  if (!now.length && !past.length && !recurring.length) return { text: `「${unit}」没有未办结的任务。` };
  const overdue = [...now, ...past].filter((t) => statusLabel(t.task, false, today) === '已逾期').length;
  const plans = endedPlans(past);
  const thisPeriod = (t: IndexedTask): TaskStatus => {
    const period = core.periodOf(t.id, today);
    return period && period.end >= today ? { instance: { next: false, end: period.end } } : {};
  };
  const blocks = [
    `【${unit}】未办结 ${now.length + past.length} 项，其中已逾期 ${overdue} 项${past.length ? `（已结束的方案中 ${past.length} 项）` : ''}${recurring.length ? `；周期性任务本期已办结 ${recurring.length} 项` : ''}`,
    ...now.map((t) => formatTask(t, today, thisPeriod(t))),
    ...(past.length ? [`— 已结束的方案：${plans} —`, ...past.map((t) => formatTask(t, today))] : []),
    ...(recurring.length ? ['— 本期已办结，下一期 —', ...recurring.map(({ t, closed, next }) => formatTask(t, today, { closed: closureView(closed), instance: { next: true, end: next.end } }))] : []),
  ];
  const pages = paginateLines(blocks);
  return { text: pages[0] + (pages.length > 1 ? `\n……共 ${now.length + past.length} 项，完整列表请用 /export` : '') };
}

/** /remind on|off|3,1: reminders for this chat, and how many days ahead. */
function remind(core: ConversationCore, chatId: number, chatType: string, a: string): Reply {
  if (a === 'on' || a === '开') {
    core.settings.update(chatId, { remind: true });
    return { text: '已开启到期提醒：每天上午一条消息，提醒本对话绑定单位的任务（到期前 7 天、1 天、当天和阶段性时间节点；逾期后每周，8 周后每月，直到办结）。' };
  }
  if (a === 'off' || a === '关') {
    core.settings.update(chatId, { remind: false });
    return { text: '已关闭本对话的到期提醒。' };
  }
  const days = a.split(/[,，\s]+/).filter(Boolean).map(Number);
  if (days.length && days.every((d) => Number.isInteger(d) && d >= 0 && d <= 60)) {
    core.settings.update(chatId, { remind: true, remindDays: [...new Set([...days, 0])].sort((x, y) => y - x) });
    return { text: `已设置：到期前 ${days.join('、')} 天及当天提醒，逾期后每周、8 周后每月提醒，直到办结。` };
  }
  const s = core.settings.get(chatId);
  return { text: `到期提醒：${s.remind === false ? '已关闭' : s.remind ? '已开启' : chatType === 'private' ? '已开启（绑定单位后）' : '未开启'}。用法：/remind on｜off｜3,1（提前天数）` };
}
