/** Percentile of a list of numbers (nearest rank). */
export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

export function mb(bytes: number): number {
  return round(bytes / 1048576, 1);
}
