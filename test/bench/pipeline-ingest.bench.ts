// `npm run bench:pipeline`: what a generated pipeline module's `pipeline_update` run
// costs next to `openssl dgst -sha256` over the same files, for 1 GiB in a handful of
// files and for 10,000 small files. Prints the median wall time of BENCH_RUNS runs
// (default 5) of each and their ratio, the requirement being at most 1.15, and the
// ratio of median CPU times, which other loads on the machine disturb less. Exits 1
// when the requirement is not met.
//
// Generates a default pipeline module, writes the files (every one different, so
// duplicate skipping cannot shorten a run) and lets pipeline_ingest_driver.py time both
// sides in one Python process; see that file for what the run includes. Needs the
// compiled generators (`npm run build`), pyenv's Python 3.11 and openssl on PATH.
import { spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateModule, tempFolder } from '../support/generate.js';
import { irisInterfacePath } from '../support/paths.js';
import { python311 } from '../support/python.js';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const limit = 1.15;
const driver = join(dirname(fileURLToPath(import.meta.url)), 'pipeline_ingest_driver.py');
const MiB = 1024 * 1024;

interface DataSet {
  label: string;
  /** Writes the files into `dir`. */
  write: (dir: string) => void;
}

/** Seconds per run, as pipeline_ingest_driver.py prints them. */
interface Timings {
  files: number;
  bytes: number;
  python: string;
  openssl: number[];
  pipeline: number[];
  openssl_cpu: number[];
  pipeline_cpu: number[];
}

/** Writes `size` random bytes to `path`, in blocks of at most 1 MiB. */
function writeRandomFile(path: string, size: number, block: Buffer): void {
  const descriptor = openSync(path, 'w');
  try {
    for (let left = size; left > 0; left -= block.length) {
      const chunk = left >= block.length ? block : block.subarray(0, left);
      randomFillSync(chunk);
      writeSync(descriptor, chunk);
    }
  } finally {
    closeSync(descriptor);
  }
}

const dataSets: DataSet[] = [
  {
    label: '1 GiB in 8 files',
    write: (dir) => {
      const block = Buffer.alloc(MiB);
      for (let index = 0; index < 8; index += 1) writeRandomFile(join(dir, `image-${index}.bin`), 128 * MiB, block);
    },
  },
  {
    label: '10,000 small files',
    write: (dir) => {
      const block = Buffer.alloc(64 * 1024);
      for (let index = 0; index < 10_000; index += 1) {
        // 1 KiB to 32 KiB, spread evenly: about 160 MiB in all.
        const size = 1024 + ((index * 7919) % 32) * 1024;
        writeRandomFile(join(dir, `evidence-${String(index).padStart(5, '0')}.bin`), size, block);
      }
    },
  },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function cpuModel(): string {
  try {
    return /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? 'unknown CPU';
  } catch {
    return 'unknown CPU';
  }
}

function opensslVersion(): string {
  const result = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error('openssl is not on PATH: the benchmark compares with `openssl dgst -sha256`.');
  return result.stdout.trim();
}

function measure(project: string, packageName: string, dataDir: string): Timings {
  const result = spawnSync(
    python311(),
    [driver, '--project', project, '--package', packageName, '--stand-in', irisInterfacePath(), '--data', dataDir, '--runs', String(runs)],
    { encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' }, maxBuffer: 16 * MiB },
  );
  if (result.status !== 0) throw new Error(`pipeline_ingest_driver.py failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  return JSON.parse(result.stdout) as Timings;
}

async function main(): Promise<void> {
  const openssl = opensslVersion();
  const root = tempFolder('iris-pipeline-bench-');
  try {
    const { dir: project } = await generateModule({ type: 'pipeline', moduleName: 'iris-ingest-bench-module' }, root);
    const rows: string[] = [];
    let python = '';
    let worst = 0;
    for (const dataSet of dataSets) {
      const dataDir = join(root, 'uploads', dataSet.label.replace(/\W+/g, '-'));
      mkdirSync(dataDir, { recursive: true });
      dataSet.write(dataDir);
      const timings = measure(project, 'iris_ingest_bench_module', dataDir);
      rmSync(dataDir, { recursive: true, force: true });
      python = timings.python;
      const wall = median(timings.pipeline) / median(timings.openssl);
      const cpu = median(timings.pipeline_cpu) / median(timings.openssl_cpu);
      worst = Math.max(worst, wall);
      rows.push(
        [
          dataSet.label.padEnd(20),
          String(timings.files).padStart(6),
          `${(timings.bytes / MiB).toFixed(0)} MiB`.padStart(9),
          `${median(timings.openssl).toFixed(3)} s`.padStart(9),
          `${median(timings.pipeline).toFixed(3)} s`.padStart(9),
          `${wall.toFixed(2)}x`.padStart(6),
          `${cpu.toFixed(2)}x`.padStart(9),
        ].join('  '),
      );
    }
    console.log(`A default generated pipeline module's pipeline_update run next to openssl dgst -sha256 over the same files:`);
    console.log(`median of ${runs} runs each, alternating, warm page cache.`);
    console.log(`Machine: ${availableParallelism()} CPUs (nproc), ${cpuModel()}, Python ${python}, ${openssl}`);
    console.log(
      ['data set'.padEnd(20), 'files'.padStart(6), 'size'.padStart(9), 'openssl'.padStart(9), 'pipeline'.padStart(9), 'ratio'.padStart(6), 'CPU ratio'].join('  '),
    );
    for (const row of rows) console.log(row);
    console.log(`Requirement: at most ${limit}x openssl (wall time). ${worst <= limit ? 'Met' : 'NOT met'}: worst ${worst.toFixed(2)}x.`);
    // A requirement not met fails the command, so that scripts and CI see it.
    if (!(worst <= limit)) process.exitCode = 1;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
