import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { markdownText, pythonLineLength, pythonString, pythonValue, pythonWrapped, tomlString } from '../../generators/lib/escape.js';
import { parse } from 'smol-toml';
import { python311 } from '../support/python.js';

const nasty = [
  'plain',
  'quotes " and \' and """ and \'\'\'',
  'back\\slash \\n \\x00 \\u1234',
  'line\nbreak\r\nand\ttab',
  '{{ jinja }} <% ejs %> ${template} %(name)s {0}',
  'non-ASCII: é ü ß 漢字 – emoji 🦊🔥',
  'right-to-left \u202e mark \u200f and zero width \u200b',
  'control \u0000\u0001\u007f',
  'lone surrogate \ud800 end',
  '<script>alert(1)</script> & [link](http://x) *bold* _it_ `code` # h | pipe',
];

describe('escaping', () => {
  it('Python literals evaluate to the exact text (checked by Python)', () => {
    const program = `import json,sys\nvalues=[${nasty.map(pythonString).join(',\n')}]\nsys.stdout.write(json.dumps(values))`;
    const output = execFileSync(python311(), ['-c', program], { encoding: 'utf8' });
    // JSON round trip: Python escapes lone surrogates the same way JS does.
    assert.deepEqual(JSON.parse(output), nasty);
  });

  it('Python literals hide no bidi or zero-width characters', () => {
    for (const text of nasty) assert.doesNotMatch(pythonString(text), /[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u);
  });

  it('wrapped Python literals keep the exact text and the line length (checked by Python)', () => {
    const texts = [...nasty, 'word '.repeat(60), `${'x'.repeat(150)} tail`, 'short'];
    const assignments = texts.map((text, index) => `v${index} = ${pythonWrapped(text, 22, 4)}`);
    for (const line of assignments.join('\n').split('\n')) {
      const singleWord = /^\s*"[^ ]*"$/.test(line);
      assert.ok(line.length <= pythonLineLength || singleWord, `line too long: ${line}`);
    }
    const program = `import json,sys\n${assignments.join('\n')}\nsys.stdout.write(json.dumps([${texts.map((_t, i) => `v${i}`).join(',')}]))`;
    assert.deepEqual(JSON.parse(execFileSync(python311(), ['-c', program], { encoding: 'utf8' })), texts);
  });

  it('Python values cover every parameter default type', () => {
    assert.equal(pythonValue(true), 'True');
    assert.equal(pythonValue(false), 'False');
    assert.equal(pythonValue(null), 'None');
    assert.equal(pythonValue(200), '200');
    // Quoted as ruff's formatter wants: double quotes unless the text holds more of them.
    assert.equal(pythonValue('a"b'), `'a"b'`);
    assert.equal(pythonValue(`a'b`), `"a'b"`);
    assert.equal(pythonValue(`a"b'c`), `"a\\"b'c"`);
    assert.equal(pythonValue(`a""b'c`), `'a""b\\'c'`);
  });

  it('TOML strings parse back to the exact text', () => {
    for (const text of nasty) {
      const document = parse(`key = ${tomlString(text)}\n`);
      assert.equal(document.key, text.replace('\ud800', '\ufffd'));
    }
  });

  it('Markdown text has no active syntax left', () => {
    const escaped = markdownText('<script>x</script> *a* [b](c) `d` | e');
    assert.doesNotMatch(escaped, /<script>/);
    assert.doesNotMatch(escaped, /(^|[^\\])[*[\]`|]/);
    assert.equal(markdownText('a\nb'), 'a b');
  });
});

describe('license text', () => {
  it('puts the holder in literally, even one that looks like a replacement pattern', async () => {
    const { licenseText } = await import('../../generators/lib/licenses.js');
    assert.match(licenseText('MIT', 2026, "$& $' $$"), /^Copyright \(c\) 2026 \$& \$' \$\$$/m);
    assert.match(licenseText('BSD-3-Clause', 2026, 'Jane'), /^Copyright \(c\) 2026 Jane\./m);
  });
});
