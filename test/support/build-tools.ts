// setuptools >= 77 for offline wheel builds. Generated modules declare their
// license as an SPDX expression (PEP 639), which older setuptools refuses, and
// PyPI is out of reach here; Debian 13 packages setuptools 78 with its
// dependencies, so they are fetched from Debian's archive into .cache/ once.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from './paths.js';

const debianPackages = [
  'python3-setuptools',
  'python3-packaging',
  'python3-jaraco.text',
  'python3-jaraco.functools',
  'python3-jaraco.context',
  'python3-more-itertools',
  'python3-autocommand',
  'python3-inflect',
  'python3-typeguard',
  'python3-typing-extensions',
  'python3-zipp',
];

const root = join(cacheDir, 'setuptools-trixie');
/** Folder to put on PYTHONPATH for `pip wheel --no-build-isolation`. */
export const buildToolsPath = join(root, 'usr', 'lib', 'python3', 'dist-packages');

export function ensureBuildTools(): string {
  if (existsSync(join(buildToolsPath, 'setuptools', '__init__.py'))) return buildToolsPath;
  const apt = join(root, 'apt');
  mkdirSync(join(apt, 'lists', 'partial'), { recursive: true });
  mkdirSync(join(apt, 'cache', 'archives', 'partial'), { recursive: true });
  writeFileSync(join(apt, 'sources.list'), 'deb [trusted=yes] http://deb.debian.org/debian trixie main\n');
  const options = [
    '-o', `Dir::Etc::sourcelist=${join(apt, 'sources.list')}`,
    '-o', 'Dir::Etc::sourceparts=/dev/null',
    '-o', `Dir::State::Lists=${join(apt, 'lists')}`,
    '-o', `Dir::Cache=${join(apt, 'cache')}`,
    '-o', 'APT::Sandbox::User=root',
    '-qq',
  ];
  execFileSync('apt-get', [...options, 'update'], { stdio: 'inherit' });
  const debs = join(root, 'debs');
  mkdirSync(debs, { recursive: true });
  execFileSync('apt-get', [...options, 'download', ...debianPackages], { cwd: debs, stdio: 'inherit' });
  for (const deb of readdirSync(debs).filter((file) => file.endsWith('.deb'))) {
    execFileSync('dpkg-deb', ['-x', join(debs, deb), root]);
  }
  if (!existsSync(join(buildToolsPath, 'setuptools', '__init__.py'))) {
    throw new Error(`setuptools was not unpacked into ${buildToolsPath}`);
  }
  return buildToolsPath;
}

if (process.argv[1]?.endsWith('build-tools.ts')) {
  console.log(ensureBuildTools());
}
