/**
 * A user's words as a reply repeats them: at most `max` characters (an ellipsis where cut), so an
 * echoed argument never makes a reply long.
 */
export function echo(text: string, max = MAX_ECHO): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

const MAX_ECHO = 100;
