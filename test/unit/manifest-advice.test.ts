import assert from 'node:assert/strict';
import { manifestAdvice } from '../../generators/lib/manifest.js';

const packages = ['iris_x_module', 'iris_x_module.x_handler'];
const project = '[project]\nname = "mytool"\nversion = "1.0.0"\n';

describe('manifest advice for a repository this generator did not make', () => {
  it('names every package to add to an explicit setuptools list', () => {
    const advice = manifestAdvice(`${project}\n[tool.setuptools]\npackages = ["mytool"]\n`, false, packages);
    assert.equal(advice, 'In pyproject.toml, add "iris_x_module", "iris_x_module.x_handler" to packages in [tool.setuptools].');
  });

  it('gives a pattern for a find include list', () => {
    const advice = manifestAdvice(`${project}\n[tool.setuptools.packages.find]\ninclude = ["mytool*"]\n`, false, packages);
    assert.equal(advice, 'In pyproject.toml, add "iris_x_module*" to include in [tool.setuptools.packages.find].');
  });

  it('says a find section without include already picks the package up', () => {
    const advice = manifestAdvice(`${project}\n[tool.setuptools.packages.find]\nwhere = ["."]\n`, false, packages);
    assert.match(advice, /picks iris_x_module up, unless its where or exclude/);
  });

  it('warns that automatic discovery stops at a second top-level package', () => {
    const advice = manifestAdvice(project, false, packages);
    assert.match(advice, /Multiple top-level packages discovered/);
    assert.match(advice, /include = \["<your package>\*", "iris_x_module\*"\]/);
  });

  it('speaks the language of Poetry, Hatch and setup.py', () => {
    assert.match(manifestAdvice(`${project}\n[tool.poetry]\nname = "mytool"\n`, false, packages), /\{ include = "iris_x_module" \} to packages in \[tool\.poetry\]/);
    assert.match(manifestAdvice(`${project}\n[tool.hatch.build.targets.wheel]\npackages = ["mytool"]\n`, false, packages), /\[tool\.hatch\.build\.targets\.wheel\]/);
    assert.match(manifestAdvice(undefined, true, packages), /In setup\.py, add "iris_x_module", "iris_x_module\.x_handler"/);
    assert.match(manifestAdvice(project, true, packages), /In setup\.py/);
  });

  it('says when there is no manifest at all', () => {
    assert.match(manifestAdvice(undefined, false, packages), /No pyproject\.toml or setup\.py here/);
  });

  it('does not mistake a packages key of another table for setuptools\' list', () => {
    const advice = manifestAdvice(`${project}\n[tool.setuptools]\nzip-safe = false\n\n[tool.other]\npackages = ["x"]\n`, false, packages);
    assert.match(advice, /Multiple top-level packages discovered/);
  });
});
