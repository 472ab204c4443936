import assert from 'node:assert/strict';
import {
  defaultModuleName,
  deriveKeyword,
  derivePackageName,
  moduleNames,
  pascalCase,
  slugify,
} from '../../generators/lib/naming.js';

describe('naming', () => {
  it('slugifies folder names', () => {
    assert.equal(slugify('My Threat Fox!'), 'my-threat-fox');
    assert.equal(slugify('--x--'), 'x');
    assert.equal(slugify('é'), '');
    // A run of other characters is one dash.
    assert.equal(slugify('Threat  Fox__Intel'), 'threat-fox-intel');
  });

  it('defaults the module name from the folder', () => {
    assert.equal(defaultModuleName('threatfox'), 'iris-threatfox-module');
    assert.equal(defaultModuleName('iris-threatfox-module'), 'iris-threatfox-module');
    assert.equal(defaultModuleName('irismisp'), 'irismisp');
    assert.equal(defaultModuleName('Threat Fox'), 'iris-threat-fox-module');
    assert.equal(defaultModuleName(''), 'iris-module');
  });

  const keywords: Array<[string, string]> = [
    ['iris-threatfox-module', 'threatfox'],
    ['iris-threat-fox-module', 'threat_fox'],
    ['iris-toto', 'toto'],
    ['irismisp', 'misp'],
    ['iris_vt_module', 'vt'],
    ['IRIS-Foo-Module', 'foo'],
    ['my-module', 'my'],
    ['iris-module', ''],
    ['iris', ''],
    ['', ''],
    // Separators at either end, or several in a row, separate nothing.
    ['_iris_vt_module_', 'vt'],
    ['.iris--threat..fox-module.', 'threat_fox'],
  ];
  for (const [moduleName, keyword] of keywords) {
    it(`derives keyword ${JSON.stringify(keyword)} from ${moduleName}`, () => {
      assert.equal(deriveKeyword(moduleName), keyword);
    });
  }

  it('derives the import package from the distribution name', () => {
    assert.equal(derivePackageName('iris-threatfox-module'), 'iris_threatfox_module');
    assert.equal(derivePackageName('Iris.Foo-Bar'), 'iris_foo_bar');
    assert.equal(derivePackageName('irismisp'), 'irismisp');
    // Each run of "-" and "." is one "_"; "_" stays as it is.
    assert.equal(derivePackageName('iris--foo.-bar__baz'), 'iris_foo_bar__baz');
  });

  it('builds class names keeping the keyword case after the first letter', () => {
    assert.equal(pascalCase('threatfox'), 'Threatfox');
    assert.equal(pascalCase('TFX'), 'TFX');
    assert.equal(pascalCase('threat_fox'), 'ThreatFox');
    assert.equal(pascalCase('fooBar'), 'FooBar');
  });

  it('names every part of a module package', () => {
    const names = moduleNames('TFX', 'iris_threatfox_module');
    assert.deepEqual(names, {
      packageName: 'iris_threatfox_module',
      keyword: 'TFX',
      keywordPascal: 'TFX',
      keywordSnake: 'tfx',
      interfaceClass: 'IrisTFXInterface',
      configModule: 'IrisTFXConfig',
      handlerPackage: 'tfx_handler',
      handlerModule: 'tfx_handler',
      handlerClass: 'TFXHandler',
      humanName: 'IrisTFX',
      paramPrefix: 'tfx_',
      pipelineInternalName: 'tfx_pipeline',
    });
  });
});
