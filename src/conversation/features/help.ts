import { INVITE_TOKEN } from '../../store/invites.js';
import type { Command, Feature } from '../command.js';
import { redeemInvite } from './binding.js';

/** /start (with an invite's token: the binding it grants) and /help; /help lists the listed commands of the table it is given. */
export function helpFeature(table: () => Command[]): Feature {
  return {
    commands: [
      { command: 'help', description: '使用说明和示例问题', who: 'everyone', handle: async () => [{ text: helpText(listed(table())) }] },
      {
        command: 'start',
        description: '开始使用',
        who: 'everyone',
        listed: false,
        handle: async ({ msg, args }, core) => [INVITE_TOKEN.test(args) ? redeemInvite(core, msg, args) : { text: START_TEXT }],
      },
    ],
  };
}

/** The commands of a table that appear in the menus and in /help. */
export function listed(commands: Command[]): Command[] {
  return commands.filter((c) => c.listed !== false);
}

export function helpText(commands: Command[]): string {
  return [
    '可以这样问：',
    '• 县财政局12月前要公开什么',
    '• 开平市编办牵头哪些工作',
    '• 六安市市场监管局作为落实单位有哪些任务',
    '• 深圳有哪些每季度公开的任务',
    '• 安居区预决算公开由谁负责',
    '• 蕉岭 第20项　/　蕉岭第2项第7点',
    '• what is 县财政局 due by December',
    '',
    '命令：',
    ...commands.map((c) => `/${c.command} — ${c.description}`),
    '',
    '在群里：用命令、@我，或回复我的消息来提问。',
    '回复我的回答可以接着问：那配合的呢、年底前的呢、第3项详细说说；「我单位」指您绑定的单位；输入「下一页」翻页。',
    '管理员可以直接把工作方案文件（.docx/.xlsx/.doc/.pdf/.txt）发给我（群里请在说明中 @我），确认后加入索引。',
  ].join('\n');
}

const START_TEXT = [
  '您好！我是政务公开任务助手。',
  '我读取各地政务公开工作要点分工方案，回答「哪个单位、什么时候前、要公开什么」，并注明出处（文档和序号）。',
  '直接提问即可，例如：县财政局12月前要公开什么',
  '发送 /help 查看更多示例；发送 /unit 绑定本单位后，用 /mine 查看本单位的全部任务。',
].join('\n');
