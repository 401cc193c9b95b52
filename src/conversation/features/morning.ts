import { formatDetail } from '../../answer/format-text.js';
import type { MorningMessage } from '../../tracking/morning-message.js';
import { closureView } from '../../tracking/task-status.js';
import type { ButtonHandler } from '../command.js';
import type { ConversationCore } from '../core.js';
import type { Reply } from '../types.js';

/** A chat's morning reminders as one message: under it, for each task listed, ✅ 办结 and 查看. */
export function morningReply(core: ConversationCore, m: MorningMessage): Reply {
  return {
    text: m.text,
    buttons: m.tasks.map((t) => [
      { text: `✅ 办结 ${t.citation}`, data: core.buttons.encode({ kind: 'close', op: 'ask', today: m.today, id: t.taskId }) },
      { text: '查看', data: core.buttons.encode({ kind: 'task', id: t.taskId }) },
    ]),
  };
}

/** 查看: the whole task (requirement, 工作任务, the deadline as printed, units) with its status, as a message of its own. */
export const viewButton: ButtonHandler<'task'> = async (b, cb, core) => {
  const task = core.taskById(b.id);
  if (!task) return { notice: '这项任务已不在索引中。' };
  return { replies: [{ text: formatDetail(task, cb.today, { closed: closureView(core.closure(task.id, cb.today)) }) }] };
};
