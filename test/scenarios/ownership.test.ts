// The two rooms of a generated module: the generator's files carry their header and
// are recorded by hash in .yo-rc.json; the author's files are small and carry no
// header; the runtime is the same text in every module.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { authorTemplates, contentHash, managedRegionKey, managedRegionOf, ownedHeader, projectTemplates, templateOwner } from '../../generators/lib/ownership.js';
import { templateDirs } from '../../generators/lib/layout.js';
import { moduleNames } from '../../generators/lib/naming.js';
import { templateFiles } from '../../generators/lib/template-files.js';
import { generateModule } from '../support/generate.js';

/** Every file under a folder, by path relative to it. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? files(full).map((file) => `${entry}/${file}`) : [entry];
  });
}

/** Who owns each generated file, by the templates that write it. */
function owners(keyword: string, packageName: string, type: 'processor' | 'pipeline'): Map<string, string> {
  const names = moduleNames(keyword, packageName);
  const map = new Map<string, string>();
  for (const key of ['base', type, 'runtime', 'runtimeTests', 'harness'] as const) {
    for (const file of templateFiles(templateDirs[key], names)) map.set(file.target, templateOwner(file.template));
  }
  return map;
}

const header = `# ${ownedHeader}\n`;

for (const [type, handlerLimit] of [['processor', 80], ['pipeline', 50]] as const) {
  describe(`the two rooms of a default ${type}`, () => {
    let dir: string;
    let stored: Record<string, unknown>;

    before(async () => {
      ({ dir } = await generateModule({ type, moduleName: 'iris-urlscan-module' }));
      stored = JSON.parse(readFileSync(join(dir, '.yo-rc.json'), 'utf8'))['generator-iris-module'];
    });

    it('starts every generator-owned file with its header, and records its hash', () => {
      const hashes = stored.files as Record<string, string>;
      const owned = [...owners('urlscan', 'iris_urlscan_module', type)].filter(([target, owner]) => owner === 'generator' && files(dir).includes(target));
      assert.ok(owned.length > 20, `${owned.length} generator-owned files`);
      for (const [target] of owned) {
        const text = readFileSync(join(dir, target), 'utf8');
        assert.ok(text.startsWith(header), `${target} starts with the header`);
        assert.equal(hashes[target], contentHash(text), `${target}'s hash in .yo-rc.json`);
      }
    });

    it("leaves the author's files without the header, and records them too", () => {
      const hashes = stored.files as Record<string, string>;
      const authors = [...owners('urlscan', 'iris_urlscan_module', type)].filter(([, owner]) => owner === 'author').map(([target]) => target);
      assert.deepEqual(authors.sort(), [
        'iris_urlscan_module/IrisUrlscanConfig.py',
        'iris_urlscan_module/urlscan_handler/urlscan_handler.py',
        'tests/test_iris_urlscan_module/test_urlscan.py',
      ]);
      for (const target of authors) {
        const text = readFileSync(join(dir, target), 'utf8');
        assert.ok(!text.includes(ownedHeader), `${target} has no header`);
        assert.equal(hashes[target], contentHash(text));
      }
    });

    it(`keeps the handler within ${handlerLimit} lines, docstrings included`, () => {
      const lines = readFileSync(join(dir, 'iris_urlscan_module/urlscan_handler/urlscan_handler.py'), 'utf8').split('\n').length - 1;
      assert.ok(lines <= handlerLimit, `${lines} lines`);
    });

    it("records the hash of pyproject.toml's managed region", () => {
      const text = readFileSync(join(dir, 'pyproject.toml'), 'utf8');
      const region = managedRegionOf(text);
      assert.ok(region, 'pyproject.toml has the managed region');
      assert.match(region.text, /\[build-system\][\s\S]*\[tool\.setuptools\.packages\.find\][\s\S]*\[tool\.ruff\]/);
      assert.equal((stored.files as Record<string, string>)[managedRegionKey], contentHash(region.text));
      assert.doesNotMatch(text.slice(0, region.begin), /^\[tool\./m);
    });
  });
}

describe('the runtime', () => {
  it('is the same text in every module, whatever its type, names and hooks', async () => {
    const { dir: first } = await generateModule({ type: 'processor', moduleName: 'iris-urlscan-module' });
    const { dir: second } = await generateModule({
      type: 'pipeline',
      moduleName: 'quux-intel',
      options: { keyword: 'Quux_Intel', packageName: 'quux_intel_dim', fileTypes: '.evtx' },
    });
    const runtime = (dir: string, pkg: string): Map<string, string> =>
      new Map(files(join(dir, pkg, '_runtime')).map((file) => [file, readFileSync(join(dir, pkg, '_runtime', file), 'utf8')]));
    const one = runtime(first, 'iris_urlscan_module');
    const other = runtime(second, 'quux_intel_dim');
    assert.ok(one.size >= 10, [...one.keys()].join(', '));
    assert.deepEqual(other, one);
  });
});

describe('the ownership table', () => {
  it('names templates that exist, and every other template is the generator\'s', () => {
    const all = Object.values(templateDirs)
      .filter((dir) => dir !== templateDirs.readme)
      .flatMap((dir) => files(dir).map((file) => relative(dir, join(dir, file)).split(sep).join('/').replace(/\.ejs$/, '')));
    for (const template of [...authorTemplates, ...projectTemplates]) assert.ok(all.includes(template), `${template} is a template`);
    const owned = all.filter((template) => templateOwner(template) === 'generator');
    assert.ok(owned.includes('__packageName__/__interfaceClass__.py'));
    assert.ok(owned.includes('Makefile'));
    assert.ok(!owned.includes('README.md'));
  });
});
