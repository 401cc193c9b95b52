import type { DocumentMeta } from '../../domain/document.js';
import type { CallbackIncoming, CallbackOutcome } from '../types.js';
import type { Command, Feature } from '../command.js';
import { echo } from '../echo.js';
import type { ConversationCore } from '../core.js';

/** The plans: what is indexed (/docs), reloading, removing and archiving them, uploads, and /stats. */
export const plansFeature: Feature = {
  commands: [
    {
      command: 'docs',
      description: '已收录的工作方案',
      who: 'everyone',
      handle: async (_req, core) => {
        const docs = core.deps.library.current.corpus.docs;
        if (!docs.length) return [{ text: '还没有收录任何文档。' }];
        return [{ text: ['已收录的文档：', ...docs.map((d) => `• ${d.region} ${d.year ?? '年度未知'} · ${d.taskCount} 项 · ${d.title}（${d.format} 文件 ${d.doc}）`)].join('\n') }];
      },
    },
    {
      command: 'reload',
      description: '重新加载文档（管理员）',
      who: 'bot-admin',
      refusal: '只有管理员可以重新加载索引。',
      handle: async (_req, core) => [{ text: await reloadText(core) }],
    },
    {
      command: 'remove',
      description: '移除一份文档（管理员）',
      who: 'bot-admin',
      refusal: '只有管理员可以移除文档。',
      handle: async ({ msg, args }, core) => {
        if (!args) return [{ text: '用法：/remove 文档名或地区，例如 /remove 开平' }];
        const docs = core.deps.library.current.corpus.docs.filter((d) => d.doc === args || d.doc.includes(args) || d.regionAliases.some((a) => args.includes(a)));
        if (docs.length !== 1) {
          return [{ text: docs.length ? `「${echo(args)}」对应多份文档：${docs.map((d) => d.doc).join('、')}，请写出文件名。` : `没有找到文档「${echo(args)}」。发送 /docs 查看已收录的文档。` }];
        }
        const d = docs[0];
        // Only who asked, where they asked, confirms.
        const button = (text: string, op: 'del' | 'no') => ({ text, data: core.buttons.encode({ kind: 'remove', op, chat: msg.chatId, user: msg.userId, doc: d.doc }) });
        return [{ text: `确认从索引中移除 ${d.region} ${d.year ?? ''}（${d.doc}，${d.taskCount} 项任务）吗？文件将从文档目录删除。`, buttons: [[button('确认移除', 'del'), button('取消', 'no')]] }];
      },
    },
    {
      command: 'archive',
      description: '归档一份过期方案（管理员）',
      who: 'bot-admin',
      refusal: '只有管理员可以归档文档。',
      handle: async ({ args }, core) => {
        const docs = core.deps.library.current.corpus.docs.filter((d) => args && (d.doc === args || d.doc.includes(args) || d.regionAliases.some((r) => args.includes(r))));
        if (docs.length !== 1) return [{ text: docs.length ? `请写出文件名：${docs.map((d) => d.doc).join('、')}` : '用法：/archive 文档名或地区' }];
        core.deps.plans.archive(docs[0].doc);
        return [{ text: `已归档 ${docs[0].region} ${docs[0].year ?? ''}（${docs[0].doc}）：不再提醒，也不计入 /todo 和逾期统计。` }];
      },
    },
    uploadsSwitch('allow_uploads', true),
    uploadsSwitch('deny_uploads', false),
    {
      command: 'stats',
      description: '运行统计（管理员）',
      who: 'bot-admin',
      refusal: '只有管理员可以查看统计。',
      handle: async (_req, core) => {
        const c = core.deps.library.current.corpus;
        const hours = ((Date.now() - core.startedAt) / 3600000).toFixed(1);
        return [{ text: `文档 ${c.docs.length} 份，任务 ${c.taskCount} 项；已回答 ${core.answered} 次；绑定单位 ${core.bindings.all().length} 个；运行 ${hours} 小时。` }];
      },
    },
  ],

  /** A plan file sent to the bot: admins only; parsed and summarized, added on 加入索引. */
  document: async (msg, file, download, core) => {
    if (!(await mayManage({ ...msg, isGroup: msg.chatType !== 'private' }, core))) {
      core.deps.log.warn({ msg: 'upload.refused', chat_id: msg.chatId, user_id: msg.userId });
      return { text: '只有管理员可以上传工作方案。' };
    }
    if (!core.deps.uploads) return { text: '本机器人没有开启上传功能。' };
    return core.deps.uploads.receive({ ...file, chatId: msg.chatId, userId: msg.userId }, download, core.deps.library.current.corpus);
  },

  buttons: {
    upload: async (b, cb, core) => {
      const refused = await managerOnly(cb, core);
      if (refused) return refused;
      const uploads = core.deps.uploads;
      if (!uploads) return { notice: '上传功能未开启。' };
      if (b.op === 'region' || b.op === 'year') return uploads.askCorrection(b.id, b.op, { chatId: cb.chatId, userId: cb.userId, messageId: cb.messageId });
      const d = uploads.decide(b.op, b.id, cb);
      if ('refused' in d) return { notice: d.refused };
      // Added before a restart that came before the reload: reload now, so what is said is what is indexed.
      const reload = d.reload || (d.added !== undefined && !isIndexed(core, d.added));
      if (!reload) return { edit: { text: `${d.text}${d.added ? '已在索引中。' : ''}`, buttons: d.buttons }, notice: b.op === 'no' ? '已取消' : undefined };
      return { edit: { text: `${d.text}\n${await reloadText(core)}` }, notice: '已加入' };
    },
    remove: async (b, cb, core) => {
      const refused = await managerOnly(cb, core);
      if (refused) return refused;
      if (b.user !== cb.userId || b.chat !== cb.chatId) return { notice: '只有发起移除的人可以确认。' };
      const plans = core.deps.plans;
      if (!isIndexed(core, b.doc)) return { edit: { text: '这个操作已处理或已过期。' } };
      if (b.op !== 'del') return { edit: { text: `已取消，${b.doc} 仍在索引中。` }, notice: '已取消' };
      const { catalogProblem } = plans.remove(b.doc);
      if (catalogProblem) core.deps.log.warn({ msg: 'catalog.write_failed', doc: b.doc, error: catalogProblem });
      return { edit: { text: `已移除 ${b.doc}。\n${await reloadText(core)}` }, notice: '已移除' };
    },
  },
};

/** Reloads the index and says what changed: per-document counts, tasks added and removed, bad files. */
async function reloadText(core: ConversationCore): Promise<string> {
  const r = await core.reload();
  core.deps.log.info({ msg: 'reload.done', ok: r.ok, docs: r.docs.length, added: r.added, removed: r.removed, ms: r.ms });
  const problems = r.warnings.map((w) => `• ${w.doc}：${w.message}`);
  if (!r.ok) return ['重新加载失败，继续使用原来的索引。', ...problems].join('\n');
  const total = r.docs.reduce((n, d) => n + d.tasks, 0);
  return [
    `重新加载完成：${r.docs.length} 份文档，${total} 项任务（新增 ${r.added} 项，删除 ${r.removed} 项，用时 ${r.ms} ms）。`,
    ...r.docs.map((d) => `• ${d.region} ${d.year ?? ''}：${d.tasks} 项（${d.doc}）`),
    ...(problems.length ? ['未能读取：', ...problems] : []),
  ].join('\n');
}

/**
 * Bot admins manage plans; with GROUP_ADMINS_MAY_UPLOAD, so do the admins of a group a bot admin
 * opened to uploads (/allow_uploads), in that group (replacing a plan still takes a bot admin).
 */
async function mayManage(at: { isBotAdmin: boolean; isGroup: boolean; chatId: number; isChatAdmin?: () => Promise<boolean> }, core: ConversationCore): Promise<boolean> {
  if (at.isBotAdmin) return true;
  return Boolean(core.deps.groupAdminsMayUpload && at.isGroup && core.settings.get(at.chatId).uploads === true && (await at.isChatAdmin?.()));
}

async function managerOnly(cb: CallbackIncoming, core: ConversationCore): Promise<CallbackOutcome | undefined> {
  if (await mayManage({ ...cb, isGroup: cb.chatId < 0 }, core)) return undefined;
  return { notice: '只有管理员可以操作。' };
}

/** /allow_uploads and /deny_uploads: a bot admin opens a group to its admins' uploads, or closes it. */
function uploadsSwitch(command: 'allow_uploads' | 'deny_uploads', uploads: boolean): Command {
  return {
    command,
    description: uploads ? '允许本群管理员上传工作方案（管理员）' : '不再允许本群管理员上传（管理员）',
    who: 'bot-admin',
    refusal: '只有机器人管理员可以设置本群的上传权限。',
    handle: async ({ msg }, core) => {
      if (msg.chatType === 'private') return [{ text: `请在要设置的群里发送 /${command}。` }];
      core.settings.update(msg.chatId, { uploads });
      if (!uploads) return [{ text: '本群管理员不能再上传工作方案（机器人管理员仍可以）。' }];
      const note = core.deps.groupAdminsMayUpload ? '' : '（还需要在配置中设置 GROUP_ADMINS_MAY_UPLOAD=true）';
      return [{ text: `已允许本群管理员上传工作方案${note}。替换已收录的方案仍需机器人管理员确认。` }];
    },
  };
}

function isIndexed(core: ConversationCore, doc: string): boolean {
  return core.deps.library.current.corpus.docs.some((d: DocumentMeta) => d.doc === doc);
}
