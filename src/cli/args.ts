/** Minimal argv reader for the CLI scripts: flags with values and positionals. */
export function parseArgs(argv: string[], valued: string[]): { flags: Record<string, string | true>; positionals: string[] } {
  const flags: Record<string, string | true> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') continue;
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      if (v !== undefined) flags[k] = v;
      else if (valued.includes(k) && i + 1 < argv.length) flags[k] = argv[++i];
      else flags[k] = true;
    } else positionals.push(a);
  }
  return { flags, positionals };
}
