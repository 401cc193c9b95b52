/** Commands as registered with Telegram (setMyCommands), described in Chinese. */
export const COMMANDS = [
  { command: 'ask', description: '提问：谁在什么时候前要公开什么' },
  { command: 'due', description: '某单位到期任务：/due 单位 [时间]' },
  { command: 'unit', description: '绑定本单位：/unit 地区 单位' },
  { command: 'mine', description: '本单位的全部任务（按期限）' },
  { command: 'todo', description: '本单位未办结的任务（逾期在前）' },
  { command: 'done', description: '办结一项任务：/done 引用 [说明]' },
  { command: 'undo', description: '撤销办结：/undo 引用' },
  { command: 'report', description: '办理情况统计和图表' },
  { command: 'export', description: '导出任务台账（Excel）' },
  { command: 'remind', description: '到期提醒：on / off / 3,1' },
  { command: 'region', description: '设置本群默认地区（群管理员）' },
  { command: 'docs', description: '已收录的工作方案' },
  { command: 'help', description: '使用说明和示例问题' },
  { command: 'reload', description: '重新加载文档（管理员）' },
  { command: 'remove', description: '移除一份文档（管理员）' },
  { command: 'archive', description: '归档一份过期方案（管理员）' },
  { command: 'stats', description: '运行统计（管理员）' },
] as const;

export const START_TEXT = [
  '您好！我是政务公开任务助手。',
  '我读取各地政务公开工作要点分工方案，回答「哪个单位、什么时候前、要公开什么」，并注明出处（文档和序号）。',
  '直接提问即可，例如：县财政局12月前要公开什么',
  '发送 /help 查看更多示例；发送 /unit 绑定本单位后，用 /mine 查看本单位的全部任务。',
].join('\n');

export const HELP_TEXT = [
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
  ...COMMANDS.map((c) => `/${c.command} — ${c.description}`),
  '',
  '在群里：用命令、@我，或回复我的消息来提问。',
  '管理员可以直接把工作方案文件（.docx/.xlsx/.doc/.pdf/.txt）发给我（群里请在说明中 @我），确认后加入索引。',
].join('\n');
