import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where tsconfig.bench.json compiles src/ and bench/library/ to. */
const OUT = 'dist-bench';

let compiled = false;

/**
 * A library stage's script as the bot runs in production: compiled by tsc with `npm run build`'s
 * options (tsconfig.bench.json extends tsconfig.build.json, adding bench/library beside src) and run
 * by plain `node` — not through tsx, whose loader costs a round trip per module (about 1 s of a cold
 * start) and whose index fingerprint (of the .ts sources) is not the compiled code's, so every stage
 * must run the same build. Compiled once per bench run; `bench/library/cold.ts` → `dist-bench/bench/library/cold.js`.
 */
export function compiledScript(script: string): string {
  if (!compiled) {
    const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
    try {
      execFileSync(process.execPath, [tsc, '-p', 'tsconfig.bench.json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      const { stdout, stderr } = e as { stdout?: string; stderr?: string };
      throw new Error(`tsc -p tsconfig.bench.json failed:\n${stdout ?? ''}${stderr ?? ''}`);
    }
    compiled = true;
  }
  return join(OUT, script.replace(/\.ts$/, '.js'));
}
