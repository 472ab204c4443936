import assert from 'node:assert/strict';
import { addPackageToManifest } from '../../generators/lib/manifest.js';

const manifest = `[project]
name = "x"

[tool.setuptools.packages.find]
# comment kept
include = ["iris_a*"]

[tool.ruff.lint.isort]
known-first-party = ["iris_a"]
`;

describe('manifest edits', () => {
  it('adds a package to the wheel and to ruff first-party, keeping the rest', () => {
    const updated = addPackageToManifest(manifest, 'iris_b')!;
    assert.equal(
      updated,
      manifest.replace('include = ["iris_a*"]', 'include = ["iris_a*", "iris_b*"]').replace('known-first-party = ["iris_a"]', 'known-first-party = ["iris_a", "iris_b"]'),
    );
  });

  it('is idempotent', () => {
    const once = addPackageToManifest(manifest, 'iris_b')!;
    assert.equal(addPackageToManifest(once, 'iris_b'), once);
  });

  it('gives up, rather than guess, when the generated list is gone', () => {
    assert.equal(addPackageToManifest('[project]\nname = "x"\n', 'iris_b'), undefined);
    assert.equal(addPackageToManifest('[tool.setuptools.packages.find]\ninclude = [\n  "a",\n]\n', 'iris_b'), undefined);
  });

  it('works without the ruff list', () => {
    assert.equal(
      addPackageToManifest('[tool.setuptools.packages.find]\ninclude = []\n', 'iris_b'),
      '[tool.setuptools.packages.find]\ninclude = ["iris_b*"]\n',
    );
  });
});
