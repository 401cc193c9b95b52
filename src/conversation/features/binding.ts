import { randomBytes } from 'node:crypto';
import { boundWords } from '../../store/chat-bindings.js';
import { actorName } from '../../tracking/task-status.js';
import type { Feature } from '../command.js';
import type { ConversationCore } from '../core.js';
import { echo } from '../echo.js';
import type { Incoming, Reply } from '../types.js';
import { view } from './ask.js';

/**
 * Binding a chat (in groups: a user) to a unit (/unit), granting it (an admin's 批准, or an invite
 * link from /invite), its tasks (/mine), and a group's default region (/region). A bot admin's own
 * /unit is granted at once; anyone else's waits for 批准, sent to the bot admins and, for a group
 * binding, to the group (where its admins may press it).
 */
export const bindingFeature: Feature = {
  commands: [
    {
      command: 'unit',
      description: '绑定本单位：/unit 地区 单位',
      who: 'everyone',
      handle: async ({ msg, args }, core) => {
        if (!args) return [{ text: '用法：/unit 单位，例如 /unit 蕉岭 县财政局' }];
        const found = findUnit(core, msg, args);
        return 'text' in found ? [found] : bind(core, msg, found);
      },
    },
    {
      command: 'invite',
      description: '生成绑定单位的邀请链接：/invite 地区 单位（管理员）',
      who: 'bot-admin',
      refusal: '只有管理员可以生成邀请链接。',
      handle: async ({ msg, args }, core) => {
        if (!args) return [{ text: '用法：/invite 地区 单位，例如 /invite 蕉岭 县财政局。对方打开链接即绑定该单位（7 天内有效，只能使用一次）。' }];
        const found = findUnit(core, msg, args);
        if ('text' in found) return [found];
        const { token, expires } = core.invites.create({ ...found, by: actorName({ id: msg.userId, name: msg.userName }) }, new Date());
        const link = msg.botUsername ? `https://t.me/${msg.botUsername}?start=${token}` : `/start ${token}`;
        return [{ text: `绑定 ${boundWords(found)} 的邀请链接（${expires.toISOString().slice(0, 10)} 前有效，只能使用一次，请只发给该单位的人）：\n${link}` }];
      },
    },
    {
      command: 'mine',
      description: '本单位的全部任务（按期限）',
      who: 'bound',
      refusal: '还没有绑定单位。先发送 /unit 单位，例如 /unit 蕉岭 县财政局',
      handle: async ({ msg, unit }, core) => [view(core, { kind: 'mine', page: 0, today: msg.today, unit: unit! })],
    },
    {
      command: 'region',
      description: '设置本群默认地区（群管理员）',
      who: 'chat-admin',
      refusal: '只有本群管理员可以设置默认地区。',
      handle: async ({ msg, args }, core) => {
        const forms = core.deps.library.current.vocab.regionForms;
        const known = [...new Set(forms.map((f) => f.form))].join('、');
        if (!args) {
          const now = core.settings.get(msg.chatId).region;
          return [{ text: `${now ? `当前默认地区：${now}。` : '尚未设置默认地区。'}用法：/region 地区，可选：${known}` }];
        }
        const hit = forms.find((f) => args.includes(f.form));
        if (!hit) return [{ text: `没有「${echo(args)}」的方案。已收录的地区：${known}` }];
        core.settings.update(msg.chatId, { region: hit.form });
        return [{ text: `已设置本群默认地区：${hit.form}。没有写明地区的问题将按${hit.form}的方案回答。` }];
      },
    },
  ],
  buttons: {
    mine: async (b, _cb, core) => ({ edit: view(core, b), notice: `第 ${b.page + 1} 页` }),
    grant: async (b, cb, core) => {
      const found = core.bindings.byRequest(b.id);
      if (!found) return { edit: { text: '这个申请已处理或已过期。' } };
      const { owner, binding } = found;
      // A group's admins decide their own group's bindings, where the request was posted.
      const inItsGroup = owner.userId !== undefined && cb.chatId === owner.chatId;
      if (!cb.isBotAdmin && !(inItsGroup && (await cb.isChatAdmin?.()))) return { notice: '只有管理员可以批准。' };
      const by = actorName({ id: cb.userId, name: cb.userName });
      const tell = (text: string) => (inItsGroup ? [] : [{ text, to: owner.chatId }]);
      const name = `${boundWords(binding)}${owner.userId === undefined ? '' : `（id ${owner.userId}）`}`;
      if (b.op === 'no') {
        core.bindings.delete(owner);
        return { edit: { text: `已拒绝绑定 ${name}（${by}）。` }, replies: tell(`绑定 ${name} 的申请未获批准。`), notice: '已拒绝' };
      }
      const at = new Date().toISOString();
      core.bindings.set(owner, { unit: binding.unit, region: binding.region, at: binding.at, granted: { by, at } });
      return { edit: { text: `已批准绑定 ${name}（${by}）。` }, replies: tell(`绑定 ${name} 的申请已获批准：现在可以 /done 办结、/undo 撤销本单位的任务，并接收到期提醒。`), notice: '已批准' };
    },
  },
};

/** /start <token>: an invite link opened; the binding it carries, granted. */
export function redeemInvite(core: ConversationCore, msg: Incoming, token: string): Reply {
  const r = core.invites.redeem(token, new Date());
  if (!r.ok) return { text: r.reason === 'expired' ? '这个邀请链接已过期，请向管理员重新索取。' : '这个邀请链接无效或已被使用。' };
  const { unit, region, by } = r.invite;
  const at = new Date().toISOString();
  core.bindings.set(core.owner(msg), { unit, region, at, granted: { by: `邀请链接（${by}）`, at } });
  return { text: `已绑定：${whose(msg)} → ${boundWords(r.invite)}（经管理员邀请）。发送 /mine 查看本单位的全部任务。` };
}

/** The unit (and its region) `/unit` and `/invite` name, or the reply saying why there is none. */
function findUnit(core: ConversationCore, msg: Incoming, args: string): { unit: string; region?: string } | Reply {
  const { result } = core.askInRegion(args, msg.today, msg.chatId);
  const unit = result.query.unit;
  if (!unit || result.reason === 'unknown-unit') {
    const names = result.suggestions?.units ?? [];
    return { text: `没有找到单位「${echo(args)}」。${names.length ? `您是不是要找：${names.join('、')}？` : '请写出单位全称，例如 /unit 蕉岭 县财政局'}` };
  }
  const regions = [...new Set(result.groups.map((g) => g.doc.region))];
  if (regions.length > 1 && result.query.regionWords.length === 0) {
    return { text: `「${unit.text}」出现在多个地区（${regions.join('、')}）的方案中，请加上地区，例如 /unit ${regions[0]} ${unit.text}` };
  }
  return { unit: unit.text, region: result.query.regionWords[0] };
}

/**
 * Binds the sender: granted at once for a bot admin (or the same unit already granted), else pending,
 * with a request to approve it for the bot admins and, in a group, for the group's admins.
 */
function bind(core: ConversationCore, msg: Incoming, found: { unit: string; region?: string }): Reply[] {
  const owner = core.owner(msg);
  const prev = core.bindings.get(owner);
  const at = new Date().toISOString();
  const name = boundWords(found);
  const kept = prev?.granted && boundWords(prev) === name ? prev.granted : undefined;
  if (kept || msg.isBotAdmin) {
    core.bindings.set(owner, { ...found, at, granted: kept ?? { by: actorName({ id: msg.userId, name: msg.userName }), at } });
    return [{ text: `已绑定：${whose(msg)} → ${name}。发送 /mine 查看本单位的全部任务。` }];
  }
  const request = randomBytes(6).toString('base64url');
  core.bindings.set(owner, { ...found, at, request });
  const isGroup = owner.userId !== undefined;
  const ask: Reply = {
    text: `绑定申请：${actorName({ id: msg.userId, name: msg.userName })}${isGroup ? `在群（${msg.chatId}）中` : '在私聊中'}申请绑定 ${name}。批准后可以办结、撤销该单位的任务，并接收到期提醒。`,
    buttons: [[{ text: '批准', data: core.buttons.encode({ kind: 'grant', op: 'yes', id: request }) }, { text: '拒绝', data: core.buttons.encode({ kind: 'grant', op: 'no', id: request }) }]],
  };
  return [
    { text: `已登记：${whose(msg)} → ${name}（待管理员批准）。现在可以用 /mine 查看本单位的任务；批准后才能办结、撤销和设置提醒。` },
    ...(isGroup ? [ask] : []),
    { ...ask, to: 'bot-admins' },
  ];
}

function whose(msg: Incoming): string {
  return msg.chatType === 'private' ? '本对话' : '您在本群';
}
