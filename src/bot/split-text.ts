/**
 * Splits a text into messages of at most `max` as `measure` counts (the rendered HTML's length, so
 * the limit holds whatever Telegram counts after parsing), on line boundaries; a line longer than
 * that alone is cut, never inside a surrogate pair. Always at least one part.
 */
export function splitText(text: string, max: number, measure: (line: string) => number = (l) => l.length): string[] {
  const parts: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of text.split('\n').flatMap((l) => cutLine(l, max, measure))) {
    const cost = measure(line);
    if (current.length && size + 1 + cost > max) {
      parts.push(current.join('\n'));
      current = [];
    }
    size = current.length ? size + 1 + cost : cost;
    current.push(line);
  }
  parts.push(current.join('\n'));
  return parts;
}

function cutLine(line: string, max: number, measure: (line: string) => number): string[] {
  const out: string[] = [];
  let rest = line;
  while (measure(rest) > max) {
    let n = Math.min(rest.length, max);
    // Escaping may make a piece longer than its characters: shrink by what it is over.
    while (n > 1 && measure(rest.slice(0, n)) > max) n -= Math.max(1, measure(rest.slice(0, n)) - max);
    if (/[\ud800-\udbff]/.test(rest[n - 1])) n--;
    out.push(rest.slice(0, n));
    rest = rest.slice(n);
  }
  out.push(rest);
  return out;
}
