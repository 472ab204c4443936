import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staleBuild } from '../support/fresh-build.js';

describe('the check that dist/ is built from the current generators/', () => {
  let root: string;
  const file = (path: string, seconds: number): void => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), '');
    utimesSync(join(root, path), seconds, seconds);
  };
  const check = (): string | undefined => staleBuild(join(root, 'generators'), join(root, 'dist', 'generators'), root);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'iris-fresh-build-'));
    file('generators/lib/naming.ts', 1_000);
    file('generators/app/templates/README.md.ejs', 1_000);
    file('dist/generators/lib/naming.js', 2_000);
    file('dist/generators/app/templates/README.md.ejs', 2_001);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('passes a build newer than every source', () => {
    assert.equal(check(), undefined);
  });

  it('stops on a source changed after the build, naming it', () => {
    file('generators/app/templates/README.md.ejs', 2_000.5);
    assert.match(check() ?? '', /older than generators\/app\/templates\/README\.md\.ejs, .*run `npm run build` first/);
  });

  it('stops on a TypeScript source that has no compiled file', () => {
    file('generators/lib/escape.ts', 1_000);
    assert.match(check() ?? '', /dist\/generators\/lib\/escape\.js is missing from the build/);
  });

  it('stops when there is no build', () => {
    rmSync(join(root, 'dist'), { recursive: true });
    assert.match(check() ?? '', /dist\/generators does not exist: run `npm run build` first/);
  });
});
