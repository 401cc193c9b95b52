/**
 * Splits a text into messages of at most `max` UTF-16 units (what Telegram counts of a text after
 * parsing its HTML: the plain text), on line boundaries; a line longer than that alone is cut,
 * never inside a surrogate pair. Always at least one part.
 */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of text.split('\n').flatMap((l) => cutLine(l, max))) {
    if (current.length && size + 1 + line.length > max) {
      parts.push(current.join('\n'));
      current = [];
    }
    size = current.length ? size + 1 + line.length : line.length;
    current.push(line);
  }
  parts.push(current.join('\n'));
  return parts;
}

function cutLine(line: string, max: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > max) {
    const n = /[\ud800-\udbff]/.test(rest[max - 1]) ? max - 1 : max;
    out.push(rest.slice(0, n));
    rest = rest.slice(n);
  }
  out.push(rest);
  return out;
}
