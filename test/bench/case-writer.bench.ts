// `npm run bench:writer`: a generated pipeline's example importer writing every line
// of a file as an IOC, through the case writer and the harness's IRIS case store, for
// 10,000 and 100,000 lines. The requirement: no per-row slowdown, the time per line at
// 100,000 lines at most 1.5 times that at 10,000. Exits non-zero when it is not met.
// Needs the compiled generators (`npm run build`) and pyenv's Python 3.11.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateModule } from '../support/generate.js';
import { irisInterfacePath } from '../support/paths.js';
import { python311 } from '../support/python.js';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const limit = 1.5;
const lineCounts = [10_000, 100_000];
const driver = join(dirname(fileURLToPath(import.meta.url)), 'case_writer_driver.py');

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const { dir } = await generateModule({ type: 'pipeline', moduleName: 'iris-writer-bench-module' });
const result = spawnSync(
  python311(),
  [driver, '--project', dir, '--package', 'iris_writer_bench_module', '--stand-in', irisInterfacePath(), '--runs', String(runs), '--lines', ...lineCounts.map(String)],
  { encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' }, maxBuffer: 64 * 1024 * 1024 },
);
if (result.status !== 0) {
  console.error(`case_writer_driver.py failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  process.exit(2);
}
const report = JSON.parse(result.stdout) as { python: string; seconds: Record<string, number[]> };
console.log(`Case writer: median of ${runs} runs, Python ${report.python}, the harness's in-memory IRIS case store`);
const perLine = lineCounts.map((count) => {
  const seconds = median(report.seconds[String(count)]!);
  const micro = (seconds / count) * 1e6;
  console.log(`  ${String(count).padStart(7)} lines   ${seconds.toFixed(2).padStart(6)} s   ${micro.toFixed(1).padStart(6)} µs per line`);
  return micro;
});
const ratio = perLine[1]! / perLine[0]!;
const met = ratio <= limit;
console.log(`  per-line time at ${lineCounts[1]} lines / at ${lineCounts[0]} lines: ${ratio.toFixed(2)} (at most ${limit}): ${met ? 'met' : 'NOT met'}`);
process.exitCode = met ? 0 : 1;
