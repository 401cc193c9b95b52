import type { Feature } from '../command.js';
import { view } from './ask.js';

/** Binding a chat (in groups: a user) to a unit (/unit), its tasks (/mine), and a group's default region (/region). */
export const bindingFeature: Feature = {
  commands: [
    {
      command: 'unit',
      description: '绑定本单位：/unit 地区 单位',
      who: 'everyone',
      handle: async ({ msg, args }, core) => {
        if (!args) return [{ text: '用法：/unit 单位，例如 /unit 蕉岭 县财政局' }];
        const { result } = core.askInRegion(args, msg.today, msg.chatId);
        const unit = result.query.unit;
        if (!unit || result.reason === 'unknown-unit') {
          const names = result.suggestions?.units ?? [];
          return [{ text: `没有找到单位「${args}」。${names.length ? `您是不是要找：${names.join('、')}？` : '请写出单位全称，例如 /unit 蕉岭 县财政局'}` }];
        }
        const regions = [...new Set(result.groups.map((g) => g.doc.region))];
        if (regions.length > 1 && result.query.regionWords.length === 0) {
          return [{ text: `「${unit.text}」出现在多个地区（${regions.join('、')}）的方案中，请加上地区，例如 /unit ${regions[0]} ${unit.text}` }];
        }
        const region = result.query.regionWords[0];
        core.bindings.set(core.owner(msg), { unit: unit.text, region, at: new Date().toISOString() });
        const who = msg.chatType === 'private' ? '本对话' : '您在本群';
        return [{ text: `已绑定：${who} → ${region ?? ''}${region ? ' ' : ''}${unit.text}。发送 /mine 查看本单位的全部任务。` }];
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
        if (!hit) return [{ text: `没有「${args}」的方案。已收录的地区：${known}` }];
        core.settings.update(msg.chatId, { region: hit.form });
        return [{ text: `已设置本群默认地区：${hit.form}。没有写明地区的问题将按${hit.form}的方案回答。` }];
      },
    },
  ],
  buttons: {
    mine: async (b, _cb, core) => ({ edit: view(core, b), notice: `第 ${b.page + 1} 页` }),
  },
};
