/**
 * A pure function of one string that remembers its answers: the parser asks the same question of
 * one cell several times (classifying it, placing it, checking the parse) and of one unit name in
 * every task naming it. Only for answers no caller changes (a boolean). Past `max` strings it
 * forgets them all, so memory stays bounded (a key cut from a document may hold that document's
 * text: a few thousand keys are some recent plans, a plan asks about a few hundred cells).
 */
export function remembered<T extends boolean>(fn: (s: string) => T, max = 5_000): (s: string) => T {
  const seen = new Map<string, T>();
  return (s) => {
    const known = seen.get(s);
    if (known !== undefined) return known;
    if (seen.size >= max) seen.clear();
    const answer = fn(s);
    seen.set(s, answer);
    return answer;
  };
}
