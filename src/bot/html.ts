import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Button } from '../conversation/types.js';

/** Escapes text for Telegram's HTML parse mode. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Renders a plain answer page as Telegram HTML: everything escaped (document and user strings
 * alike), summary lines 【…】 and section titles in bold, citations [蕉岭 10.2] in code style.
 */
export function renderHtml(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const esc = escapeHtml(line);
      if (/^【.+】/.test(line) || /^— .+ —$/.test(line)) return `<b>${esc}</b>`;
      return esc.replace(/• \[([^\]]+)\]/g, (_m, c: string) => `• <code>${c}</code>`);
    })
    .join('\n');
}

export function keyboard(buttons?: Button[][]): InlineKeyboardMarkup | undefined {
  if (!buttons?.length) return undefined;
  return { inline_keyboard: buttons.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))) };
}
