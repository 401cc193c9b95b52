import { describe, expect, it } from 'vitest';
import { commandMenus } from '../../src/bot/create-bot.js';
import { COMMANDS } from '../../src/conversation/conversation.js';
import { testApp } from '../helpers/app.js';

const listed = COMMANDS.filter((c) => c.listed !== false);

describe('the command table', () => {
  it('gives every command one name, a description, a handler and, unless for everyone, a refusal', () => {
    expect(new Set(COMMANDS.map((c) => c.command)).size).toBe(COMMANDS.length);
    for (const c of COMMANDS) {
      expect(c.command, c.command).toMatch(/^[a-z_]{1,32}$/);
      expect(c.description.length, c.command).toBeGreaterThan(2);
      expect(typeof c.handle, c.command).toBe('function');
      if (c.who !== 'everyone') expect(c.refusal, c.command).toBeTruthy();
    }
  });

  it('is the menu: admin commands only in the admins’ own chats (BotCommandScopeChat)', () => {
    const [everyone, ...admins] = commandMenus(COMMANDS, [1001, 1002]);
    expect(everyone.scope).toEqual({ type: 'default' });
    expect(everyone.commands).toEqual(listed.filter((c) => c.who !== 'bot-admin').map((c) => ({ command: c.command, description: c.description })));
    expect(everyone.commands.map((c) => c.command)).not.toContain('reload');
    expect(admins.map((m) => m.scope)).toEqual([{ type: 'chat', chat_id: 1001 }, { type: 'chat', chat_id: 1002 }]);
    for (const m of admins) expect(m.commands).toEqual(listed.map((c) => ({ command: c.command, description: c.description })));
  });

  it('is what /help lists, exactly, and what an unknown command suggests', async () => {
    const { conversation } = await testApp('test/fixtures/real/docs');
    const say = async (text: string) => (await conversation.handle({ chatId: 5, chatType: 'private', userId: 5, text, isBotAdmin: false, isChatAdmin: async () => true, today: '2021-03-01' }))[0].text;
    const help = await say('/help');
    const lines = help.split('\n').filter((l) => /^\/[a-z_]+ — /.test(l));
    expect(lines).toEqual(listed.map((c) => `/${c.command} — ${c.description}`));
    expect(await say('/nope')).toBe(`不认识的命令 /nope。${listed.map((c) => `/${c.command}`).join(' ')}`);
  });

  it('answers every command it lists, and refuses with the command’s own words', async () => {
    const { conversation } = await testApp('test/fixtures/real/docs');
    for (const c of COMMANDS) {
      const [reply] = await conversation.handle({ chatId: 6, chatType: 'group', userId: 6, text: `/${c.command}`, isBotAdmin: false, isChatAdmin: async () => false, today: '2021-03-01' });
      if (c.who === 'everyone') expect(reply.text, c.command).toBeTruthy();
      else expect(reply.text, c.command).toBe(c.refusal);
    }
  });
});
