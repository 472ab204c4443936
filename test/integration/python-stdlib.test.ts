// The standard-library names a package name may not take (generators/lib/python-stdlib.ts),
// checked against the real standard library of every Python a generated module runs on:
// 3.9, IRIS's runtime, and 3.10 to 3.13. A package named like a standard module never
// imports in IRIS: its site-packages come after the standard library.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pythonStdlibModules } from '../../generators/lib/python-stdlib.js';
import { validatePackageName } from '../../generators/lib/validation.js';
import { repoRoot } from '../support/paths.js';
import { python } from '../support/python.js';

const script = join(repoRoot, 'test', 'property', 'check_projects.py');

interface StdlibReport {
  version: string;
  folders: string[];
  /** pkgutil over the standard library's folders, plus the built-in modules. */
  found: string[];
  /** sys.stdlib_module_names; null on 3.9, which does not have it. */
  declared: string[] | null;
}

function stdlibOf(version: string): StdlibReport {
  const result = spawnSync(python(version), ['-I', script, 'stdlib'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout.split('\n')[0]!) as StdlibReport;
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

describe('package names that would shadow the standard library', function () {
  this.timeout(60_000);

  for (const version of ['3.9', '3.10', '3.11', '3.12', '3.13']) {
    it(`are refused for every module of Python ${version}'s standard library`, () => {
      const report = stdlibOf(version);
      assert.ok(report.version.startsWith(`${version}.`), `pyenv's ${version} reports ${report.version}`);
      // Guards against an empty listing, which would make the checks below pass.
      for (const name of ['os', 'json', 'logging', 'sys', '_io']) assert.ok(report.found.includes(name), `${name} in ${report.folders.join(', ')}`);
      if (version === '3.9') {
        assert.equal(report.declared, null);
        // Gone in 3.10, so only a 3.9 interpreter shows them.
        for (const name of ['symbol', 'formatter', 'parser', '_bootlocale', '_peg_parser']) assert.ok(report.found.includes(name), name);
      } else {
        assert.ok(report.declared !== null && report.declared.includes('json'), `sys.stdlib_module_names on ${version}`);
      }
      const names = [...new Set([...report.found, ...(report.declared ?? [])])].filter((name) => identifier.test(name)).sort();
      assert.deepEqual(
        names.filter((name) => !pythonStdlibModules.has(name)),
        [],
        `modules of Python ${report.version}'s standard library missing from generators/lib/python-stdlib.ts`,
      );
      assert.deepEqual(
        names.filter((name) => validatePackageName(name) === true),
        [],
        `modules of Python ${report.version}'s standard library accepted as package names`,
      );
    });
  }
});
