// `npm run bench`: median wall time of generating each module type through the
// `iris-module` bin, 10 runs each in a fresh folder, next to `node -e 0`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath } from '../support/paths.js';

const runs = Number(process.env.BENCH_RUNS ?? 10);

function timeOnce(args: string[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'iris-bench-'));
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: dir, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  rmSync(dir, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited with ${result.status}`);
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const cases: Array<[string, string[]]> = [
  ['node -e 0 (floor)', ['-e', '0']],
  ['processor (iris-module --yes)', [cliPath, 'iris-bench-module', '--yes', '--type', 'processor']],
  ['pipeline (iris-module --yes)', [cliPath, 'iris-bench-module', '--yes', '--type', 'pipeline']],
];

console.log(`Median wall time of ${runs} runs, each in a fresh folder (Node ${process.version}):`);
for (const [label, args] of cases) {
  const times = Array.from({ length: runs }, () => timeOnce(args));
  console.log(`  ${label.padEnd(32)} ${median(times).toFixed(0).padStart(6)} ms   (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`);
}
