import { ADMIN_ID, type BotMessage, ChatUser, type TelegramServer } from '../helpers/telegram.js';

/** Presses a button of one of the bot's messages in a user's chat. */
export function press(user: ChatUser, message: { messageId: number }, data: string): Promise<unknown> {
  const type = user.chatId < 0 ? 'group' : 'private';
  return user.client.sendCallback(user.client.makeCallbackQuery(data, { message: { message_id: message.messageId, chat: { id: user.chatId, type } as never } }));
}

/**
 * Binds a user to a unit the way an official is: `/unit`, then a bot admin presses 批准 on the
 * request the bot sent them. Resolves when the chat has been told; returns the request.
 */
export async function bindGranted(server: TelegramServer, user: ChatUser, unit: string): Promise<BotMessage> {
  const admin = new ChatUser(server, ADMIN_ID, ADMIN_ID, 'private');
  await user.client.sendCommand(user.client.makeCommand(`/unit ${unit}`));
  // 已登记, and in a group the request its admins may press.
  await user.next(user.chatId < 0 ? 2 : 1);
  const [request] = await admin.next(1);
  await press(admin, request, request.buttons.find((b) => b.text === '批准')!.callback_data);
  await user.next(1);
  return request;
}
