import { citation, formatTask, paginateLines } from '../../answer/format-text.js';
import type { IndexedTask } from '../../search/corpus.js';
import { statusLabel } from '../../domain/status-label.js';
import type { Command, Feature } from '../command.js';
import type { ConversationCore } from '../core.js';
import type { Reply } from '../types.js';
import { echo } from '../echo.js';
import { periodOf } from '../../tracking/period.js';
import { actorName } from '../../tracking/task-status.js';
import { endedPlans, tasksOf } from './task-lists.js';

export const BIND_FIRST = '请先用 /unit 绑定本单位，例如 /unit 蕉岭 县财政局';

/** Task status (/done, /undo, /todo) and reminders (/remind). */
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
      command: 'remind',
      description: '到期提醒：on / off / 3,1',
      who: 'chat-admin',
      refusal: '只有本群管理员可以设置到期提醒。',
      handle: async ({ msg, args }, core) => [remind(core, msg.chatId, msg.chatType, args.toLowerCase())],
    },
  ],
};

/** Words a task reference spans at most (蕉岭 10.2; 遂宁市 安居区 三（三） 2). */
const MAX_REFERENCE_WORDS = 4;

/** /done 蕉岭 10.2 [说明] and /undo: a unit whose binding was granted closes or reopens one of its own tasks; who did it is recorded and said. */
function closeCommand(command: 'done' | 'undo', description: string): Command {
  const state = command === 'done' ? 'done' : 'open';
  return {
    command,
    description,
    who: 'granted',
    refusal: BIND_FIRST,
    handle: async ({ msg, args, unit }, core) => {
      // The reference is the longest leading part of the text that names one task (蕉岭 10.2); the rest is the note.
      // A reference is a few words (地区 序号, 单位 地区 序号): longer leading parts are never tried.
      const words = args.split(/\s+/).filter(Boolean);
      let found: { ref: string; note: string; tasks: IndexedTask[] } | undefined;
      for (let k = Math.min(words.length, MAX_REFERENCE_WORDS); k > 0 && !found; k--) {
        const ref = words.slice(0, k).join(' ');
        const result = core.ask(ref, msg.today);
        const tasks = tasksOf(result);
        if (result.query.detail && tasks.length) found = { ref, note: words.slice(k).join(' '), tasks };
      }
      if (!found) return [{ text: `用法：/${command} 引用 [说明]，引用照答案中的出处写，例如 /done 蕉岭 10.2 已在政府网站公开` }];
      const tasks = found.tasks;
      if (tasks.length > 1) return [{ text: `「${found.ref}」包含 ${tasks.length} 个子项，请写明子项，例如 ${citation(tasks[0].task, tasks[0].doc)}` }];
      const task = tasks[0];
      if (!core.deps.library.current.ownTasks(unit!, msg.today).some((t) => t.id === task.id)) {
        return [{ text: `[${citation(task.task, task.doc)}] 不是「${unit}」牵头或负责的任务，不能由本单位${state === 'done' ? '办结' : '重新打开'}。` }];
      }
      const user = { id: msg.userId, name: msg.userName };
      core.status.set(task.id, state, { by: unit!, user, note: found.note, day: msg.today, period: periodOf(task.task, msg.today) });
      return [{ text: `${state === 'done' ? '已办结' : '已重新打开'}：${formatTask(task, msg.today, state === 'done')}\n${state === 'done' ? '办结人' : '操作人'}：${actorName(user)}` }];
    },
  };
}

/**
 * /todo: the bound unit's open tasks, overdue first — those of current plans, then those of plans
 * whose year ended (not archived), said to be so rather than left out.
 */
function todo(core: ConversationCore, unit: string, today: string): Reply {
  const { current, ended } = core.ownTasks(unit, today);
  const done = core.doneOn(today);
  const date = (t: IndexedTask) => (t.task.deadline.kind === 'by' ? t.task.deadline.date : '9999');
  const open = (ts: IndexedTask[]) => ts.filter((t) => !done(t.id)).sort((a, b) => date(a).localeCompare(date(b)));
  const now = open(current);
  const past = open(ended);
  if (!now.length && !past.length) return { text: `「${unit}」没有未办结的任务。` };
  const overdue = [...now, ...past].filter((t) => statusLabel(t.task, false, today) === '已逾期').length;
  const plans = endedPlans(past);
  const blocks = [
    `【${unit}】未办结 ${now.length + past.length} 项，其中已逾期 ${overdue} 项${past.length ? `（已结束的方案中 ${past.length} 项）` : ''}`,
    ...now.map((t) => formatTask(t, today, false)),
    ...(past.length ? [`— 已结束的方案：${plans} —`, ...past.map((t) => formatTask(t, today, false))] : []),
  ];
  const pages = paginateLines(blocks);
  return { text: pages[0] + (pages.length > 1 ? `\n……共 ${now.length + past.length} 项，完整列表请用 /export` : '') };
}

/** /remind on|off|3,1: reminders for this chat, and how many days ahead. */
function remind(core: ConversationCore, chatId: number, chatType: string, a: string): Reply {
  if (a === 'on' || a === '开') {
    core.settings.update(chatId, { remind: true });
    return { text: '已开启到期提醒：每天上午提醒本对话绑定单位的任务（到期前 7 天、1 天、当天，逾期后每周）。' };
  }
  if (a === 'off' || a === '关') {
    core.settings.update(chatId, { remind: false });
    return { text: '已关闭本对话的到期提醒。' };
  }
  const days = a.split(/[,，\s]+/).filter(Boolean).map(Number);
  if (days.length && days.every((d) => Number.isInteger(d) && d >= 0 && d <= 60)) {
    core.settings.update(chatId, { remind: true, remindDays: [...new Set([...days, 0])].sort((x, y) => y - x) });
    return { text: `已设置：到期前 ${days.join('、')} 天及当天提醒，逾期后每周提醒。` };
  }
  const s = core.settings.get(chatId);
  return { text: `到期提醒：${s.remind === false ? '已关闭' : s.remind ? '已开启' : chatType === 'private' ? '已开启（绑定单位后）' : '未开启'}。用法：/remind on｜off｜3,1（提前天数）` };
}
