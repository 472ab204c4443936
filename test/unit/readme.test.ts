import assert from 'node:assert/strict';
import type { ProjectAnswers } from '../../generators/lib/answers.js';
import { buildContext } from '../../generators/lib/context.js';
import { readmeModulesEnd, readmeModulesStart, readmeSectionsEnd, readmeSectionsStart } from '../../generators/lib/markers.js';
import { addPackageToReadme, readmeSection } from '../../generators/lib/readme.js';

const project: ProjectAnswers = {
  moduleName: 'iris-threatfox-module',
  description: 'ThreatFox lookups',
  author: '',
  email: '',
  githubUser: '',
  license: 'MIT',
  moduleVersion: '1.0.0',
};
const pipeline = buildContext(project, { type: 'pipeline', keyword: 'evtx', packageName: 'iris_evtx_module', description: 'EVTX import' }, { pipelineArgs: 'tag:optional' });
const processor = buildContext(
  project,
  { type: 'processor', keyword: 'vt', packageName: 'iris_vt_module', description: 'VT lookups' },
  { hooks: 'ioc:create,asset:manual', manualMenuName: 'Scan the asset' },
);

const readme = [
  '# iris-threatfox-module',
  '',
  readmeModulesStart,
  '- `iris_evtx_module`: pipeline module (IrisEvtxInterface)',
  readmeModulesEnd,
  readmeSectionsStart,
  '',
  readmeSection(pipeline).trimEnd(),
  '',
  'A note the user wrote.',
  '',
  readmeSectionsEnd,
  '',
  '## Build',
  '',
].join('\n');

describe('README edits', () => {
  it("renders a processor's section with each hook and its parameter", () => {
    const section = readmeSection(processor);
    assert.match(section, /^### `iris_vt_module`\n/);
    assert.match(section, /^\| `on_postload_ioc_create` \| `vt_on_postload_ioc_create_enabled` \|/m);
    assert.match(section, /^\| `on_manual_trigger_asset` \| `vt_on_manual_trigger_asset_enabled` \|.*menu entry "Scan the asset"/m);
    assert.match(section, /^Tests, in `tests\/test_iris_vt_module\/`: `test_vt\.py` is yours; the generator.s are `test_contract\.py`/m);
    assert.ok(section.endsWith('.\n\n') && !section.endsWith('\n\n\n'), 'ends with one blank line');
  });

  it('adds the line to the module list and the section after the others, keeping the rest', () => {
    const update = addPackageToReadme(readme, processor)!;
    const line = '- `iris_vt_module`: processor module (IrisVtInterface)\n';
    assert.equal(
      update.text,
      readme.replace(`${readmeModulesEnd}\n`, `${line}${readmeModulesEnd}\n`).replace(`${readmeSectionsEnd}\n`, `${readmeSection(processor)}${readmeSectionsEnd}\n`),
    );
    assert.deepEqual({ ...update, text: undefined }, { text: undefined, listed: true, sectioned: true, hasSections: true });
  });

  it('is idempotent, and says nothing was added', () => {
    const once = addPackageToReadme(readme, processor)!.text;
    assert.deepEqual(addPackageToReadme(once, processor), { text: once, listed: false, sectioned: false, hasSections: true });
  });

  it('adds only what is missing: the section of a listed package, the line of a package with a section', () => {
    const line = '- `iris_vt_module`: processor module (IrisVtInterface)\n';
    const both = addPackageToReadme(readme, processor)!.text;
    const withoutSection = both.replace(readmeSection(processor), '');
    const withoutLine = both.replace(line, '');
    assert.deepEqual(addPackageToReadme(withoutSection, processor), { text: both, listed: false, sectioned: true, hasSections: true });
    assert.deepEqual(addPackageToReadme(withoutLine, processor), { text: both, listed: true, sectioned: false, hasSections: true });
  });

  it('writes what it adds in the line endings of the README', () => {
    const crlf = readme.replace(/\n/g, '\r\n');
    const update = addPackageToReadme(crlf, processor)!;
    assert.ok(update.listed && update.sectioned);
    assert.equal(update.text, addPackageToReadme(readme, processor)!.text.replace(/\n/g, '\r\n'));
    assert.doesNotMatch(update.text, /[^\r]\n/);
  });

  it('adds only the line when the sections region is gone, and says so', () => {
    const withoutSections = readme.replace(`${readmeSectionsEnd}\n`, '');
    const update = addPackageToReadme(withoutSections, processor)!;
    assert.ok(update.text.includes('- `iris_vt_module`'));
    assert.ok(!update.text.includes('### `iris_vt_module`'));
    assert.deepEqual({ ...update, text: undefined }, { text: undefined, listed: true, sectioned: false, hasSections: false });
  });

  it('gives up, rather than guess, when the module list is gone or its markers are out of order', () => {
    assert.equal(addPackageToReadme(readme.replace(readmeModulesStart, ''), processor), undefined);
    assert.equal(addPackageToReadme(readme.replace(readmeModulesStart, 'x').replace(readmeModulesEnd, readmeModulesStart).replace(/^x$/m, readmeModulesEnd), processor), undefined);
    assert.equal(addPackageToReadme('# A README\n', processor), undefined);
  });
});
