// `npm run bench`: how long the `iris-module` bin takes to generate a module of
// each type with `--yes`, next to `cookiecutter --no-input` on the cookiecutter
// template it replaces (dfir-iris/iris-skeleton-module, kept in
// ../shared/anchors/, never copied here), with `node -e 0` as the floor and the
// real `yo iris-module` for reference.
//
// The commands run in alternating rounds (each round in a rotated order), after
// one warm-up round, each run in a fresh folder. Wall time is measured here;
// CPU time and peak memory (the largest resident set of the command and the
// processes it waited for) come from GNU time (/usr/bin/time), where installed.
// The ratios are the median of iris-module's wall time over cookiecutter's, and
// the median of the ratios of runs made in the same round.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cliPath, repoRoot } from '../support/paths.js';

const rounds = Number(process.env.BENCH_RUNS ?? 10);
const gnuTime = '/usr/bin/time';
const template = resolve(repoRoot, '..', 'shared', 'anchors', 'iris-skeleton-module');
const yo = join(repoRoot, 'node_modules', '.bin', 'yo');
const moduleName = 'iris-bench-module';
const types = ['processor', 'pipeline'] as const;
type ModuleType = (typeof types)[number];

interface Command {
  label: string;
  /** The command, for a run in the fresh folder `dir`. */
  argv: (dir: string) => string[];
  env?: NodeJS.ProcessEnv;
  /** What the command's first line of the table is compared with. */
  type?: ModuleType;
  tool?: 'iris-module' | 'cookiecutter';
}

interface Run {
  wallMs: number;
  cpuMs?: number;
  peakMiB?: number;
}

// Every run gets a folder under `work`. `yo` run as root switches to uid 1000
// (package root-check): its folders, and its HOME, are writable by anyone.
const work = mkdtempSync(join(tmpdir(), 'iris-bench-'));
chmodSync(work, 0o755);
process.once('exit', () => rmSync(work, { recursive: true, force: true }));
let runCount = 0;
function freshFolder(): string {
  const dir = join(work, `run-${++runCount}`);
  mkdirSync(dir);
  chmodSync(dir, 0o777);
  return dir;
}

function cookiecutterMissing(): string | undefined {
  if (!existsSync(join(template, 'cookiecutter.json'))) return `the template is not in ${template}`;
  const probe = spawnSync('cookiecutter', ['--version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) return 'cookiecutter is not installed (Debian: apt-get install cookiecutter)';
  return undefined;
}

function yoMissing(): string | undefined {
  return existsSync(yo) ? undefined : `${yo} is missing (npm install)`;
}

const commands: Command[] = [{ label: 'node -e 0 (the floor)', argv: () => [process.execPath, '-e', '0'] }];
const skipped = cookiecutterMissing();
for (const type of types) {
  commands.push({
    label: `iris-module --yes, ${type}`,
    argv: () => [process.execPath, cliPath, moduleName, '--yes', '--type', type],
    type,
    tool: 'iris-module',
  });
  if (!skipped) {
    commands.push({
      label: `cookiecutter --no-input, ${type}`,
      argv: (dir) => ['cookiecutter', '--no-input', '-f', template, '-o', dir, `module_name=${moduleName}`, 'keyword=BENCH', `support=${type}`],
      type,
      tool: 'cookiecutter',
    });
  }
}
const noYo = yoMissing();
if (!noYo) {
  // yo finds generator-iris-module in the node_modules folder above the runs' folders.
  mkdirSync(join(work, 'node_modules'));
  symlinkSync(repoRoot, join(work, 'node_modules', 'generator-iris-module'));
  const home = freshFolder();
  commands.push({
    label: 'yo iris-module --yes, processor',
    argv: () => [process.execPath, yo, 'iris-module', moduleName, '--yes', '--type', 'processor'],
    env: { HOME: home, NO_UPDATE_NOTIFIER: '1' },
  });
}

function runOnce(command: Command): Run {
  const dir = freshFolder();
  const argv = command.argv(dir);
  const timed = existsSync(gnuTime);
  const measures = join(work, `time-${runCount}`);
  const [file, ...args] = timed ? [gnuTime, '-f', '%U %S %M', '-o', measures, ...argv] : argv;
  const start = process.hrtime.bigint();
  const result = spawnSync(file!, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...command.env } });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${argv.join(' ')} exited with ${result.status}: ${String(result.stderr).slice(-2000)}`);
  rmSync(dir, { recursive: true, force: true });
  if (!timed) return { wallMs };
  const [user, system, peakKiB] = readFileSync(measures, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { wallMs, cpuMs: (user! + system!) * 1000, peakMiB: peakKiB! / 1024 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const cpuModel = cpus()[0]?.model.trim() ?? 'unknown CPU';
console.log(
  `Node ${process.version}, ${availableParallelism()} CPUs (${cpuModel}), load average ${loadavg()[0]!.toFixed(1)}: ` +
    `${rounds} alternating rounds after a warm-up, each run in a fresh folder.`,
);
if (skipped) console.log(`The comparison with cookiecutter is skipped: ${skipped}.`);
if (noYo) console.log(`yo iris-module is skipped: ${noYo}.`);
if (!existsSync(gnuTime)) console.log(`CPU time and peak memory are not measured: ${gnuTime} (GNU time) is missing.`);

const runs = new Map<Command, Run[]>(commands.map((command) => [command, []]));
for (let round = 0; round <= rounds; round++) {
  for (let i = 0; i < commands.length; i++) {
    const command = commands[(round + i) % commands.length]!;
    const run = runOnce(command);
    if (round > 0) runs.get(command)!.push(run);
  }
}

const ms = (value: number): string => `${value.toFixed(0)} ms`;
const rows = commands.map((command) => {
  const done = runs.get(command)!;
  const walls = done.map((run) => run.wallMs);
  const cpu = done.every((run) => run.cpuMs !== undefined) ? ms(median(done.map((run) => run.cpuMs!))) : 'n/a';
  const peak = done.every((run) => run.peakMiB !== undefined) ? `${Math.max(...done.map((run) => run.peakMiB!)).toFixed(1)} MiB` : 'n/a';
  return [command.label, ms(median(walls)), `${ms(Math.min(...walls))} to ${ms(Math.max(...walls))}`, cpu, peak];
});
const header = ['command', 'median wall', 'wall range', 'median CPU', 'peak memory (max)'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
for (const row of [header, ...rows]) console.log(`  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('   ')}`);

if (!skipped) {
  console.log('iris-module --yes / cookiecutter --no-input, wall time (goal: at most 1.0x, and 80 MiB):');
  for (const type of types) {
    const ours = runs.get(commands.find((command) => command.type === type && command.tool === 'iris-module')!)!;
    const theirs = runs.get(commands.find((command) => command.type === type && command.tool === 'cookiecutter')!)!;
    const ratio = median(ours.map((run) => run.wallMs)) / median(theirs.map((run) => run.wallMs));
    const paired = median(ours.map((run, index) => run.wallMs / theirs[index]!.wallMs));
    console.log(`  ${type.padEnd(9)} ${ratio.toFixed(2)}x (median of the ${rounds} rounds' ratios: ${paired.toFixed(2)}x)`);
  }
}
