import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { markdownText, plainLine, prose, pythonLineLength, pythonString, pythonValue, pythonWrapped, tomlString } from '../../generators/lib/escape.js';
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
    assert.equal(pythonValue(Number.POSITIVE_INFINITY), 'None');
    assert.equal(pythonValue(Number.NaN), 'None');
  });

  it('Python literals: which characters are escaped, exactly', () => {
    assert.equal(pythonString(' ~'), '" ~"');
    assert.equal(pythonString('\u001f\u007f'), '"\\x1f\\x7f"');
    // Lone surrogates at both ends of the range are escaped; the character after them is not.
    assert.equal(pythonString('\ud800-\udfff-\ue000'), '"\\ud800-\\udfff-\ue000"');
    assert.equal(pythonString('🦊'), '"🦊"');
    assert.equal(tomlString('\u001f\udfff'), '"\\u001f\\ufffd"');
  });

  describe('wrapped Python literals, exactly', () => {
    const lines = (...parts: string[]): string => parts.join('\n');
    const pad = (count: number): string => ' '.repeat(count);

    it('keeps a literal on its line while the line stays within 100 columns, the comma after it counted', () => {
      // 20 + 79 (77 characters and two quotes) + 1 = 100.
      assert.equal(pythonWrapped('x'.repeat(77), 20, 0), `"${'x'.repeat(77)}"`);
      assert.equal(pythonWrapped('x'.repeat(78), 20, 0), lines('(', `${pad(4)}"${'x'.repeat(78)}"`, ')'));
      // Non-ASCII characters count two columns each: 20 + 2 + 76 + 1 = 99, then 101.
      assert.equal(pythonWrapped('é'.repeat(38), 20, 0), `"${'é'.repeat(38)}"`);
      assert.equal(pythonWrapped('é'.repeat(39), 20, 0), lines('(', `${pad(4)}"${'é'.repeat(39)}"`, ')'));
    });

    it('splits at whitespace, filling each line up to 100 columns', () => {
      // Indented 80: each literal gets 100 - 84 = 16 columns, so 14 characters.
      assert.equal(
        pythonWrapped('aaaa bbbb cccc dddd', 90, 80),
        lines('(', `${pad(84)}"aaaa bbbb cccc"`, `${pad(84)}" dddd"`, `${pad(80)})`),
      );
    });

    it('keeps a word longer than a line whole, alone on its line', () => {
      assert.equal(pythonWrapped('x'.repeat(20), 90, 80), lines('(', `${pad(84)}"${'x'.repeat(20)}"`, `${pad(80)})`));
      assert.equal(
        pythonWrapped(`ab ${'x'.repeat(20)} cd`, 90, 80),
        lines('(', `${pad(84)}"ab "`, `${pad(84)}"${'x'.repeat(20)}"`, `${pad(84)}" cd"`, `${pad(80)})`),
      );
    });

    it('starts a new line with the word that does not fit, and goes on filling it', () => {
      assert.equal(
        pythonWrapped('aaaaaaaaaa bbbbbbbb cc', 90, 80),
        lines('(', `${pad(84)}"aaaaaaaaaa "`, `${pad(84)}"bbbbbbbb cc"`, `${pad(80)})`),
      );
    });

    it('keeps empty text one literal, even past the end of the line', () => {
      assert.equal(pythonWrapped('', 98, 0), '""');
    });

    it('splits whitespace longer than a line', () => {
      assert.equal(
        pythonWrapped(`a${' '.repeat(30)}b`, 90, 80),
        lines('(', `${pad(84)}"a"`, `${pad(84)}"${pad(14)}"`, `${pad(84)}"${pad(14)}"`, `${pad(84)}"  b"`, `${pad(80)})`),
      );
      // Deeply indented, a literal has 4 columns: an escaped U+0085 (8 columns) goes alone on its line.
      assert.equal(
        pythonWrapped('a\u0085\u0085b', 99, 92),
        lines('(', `${pad(96)}"a"`, `${pad(96)}"\\u0085"`, `${pad(96)}"\\u0085"`, `${pad(96)}"b"`, `${pad(92)})`),
      );
    });
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

  const markdown: Array<[string, string]> = [
    ['a\r\nb\rc\nd', 'a b c d'],
    ['  two leading spaces', 'two leading spaces'],
    ['*a* _b_ `c` [d] {e} #f |g| ~h~ !i \\j', '\\*a\\* \\_b\\_ \\`c\\` \\[d\\] \\{e\\} \\#f \\|g\\| \\~h\\~ \\!i \\\\j'],
    ['a & b <c>', 'a &amp; b &lt;c&gt;'],
    ['line\u2028and\u2029paragraph', 'line&#x2028;and&#x2029;paragraph'],
    ['see http://example.org', 'see http&#58;//example.org'],
    ['a: b', 'a: b'],
    ['www.example.org and WWW.x', 'www&#46;example.org and WWW&#46;x'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['= heading', '\\= heading'],
    ['1. item', '1\\. item'],
    ['12) item', '12\\) item'],
    ['\t- item', '\t\\- item'],
    ['a - b = c 1. d', 'a - b = c 1. d'],
  ];
  for (const [text, expected] of markdown) {
    it(`Markdown text of ${JSON.stringify(text)}`, () => assert.equal(markdownText(text), expected));
  }

  it('plain lines: each run of control characters is one space', () => {
    assert.equal(plainLine('a\r\nb\tc\u0000\u007fd'), 'a b c d');
    assert.equal(plainLine('Zoë O\'Brien'), 'Zoë O\'Brien');
  });

  it('prose: words reflowed in lines of at most the width, a longer word alone on its line', () => {
    assert.equal(prose('aaa bbb  ccc\n ddd', 7), 'aaa bbb\nccc ddd');
    assert.equal(prose('aaa bbb ccc', 8), 'aaa bbb\nccc');
    assert.equal(prose(`a ${'x'.repeat(12)} b`, 8), `a\n${'x'.repeat(12)}\nb`);
    assert.equal(prose('  '), '');
    assert.equal(prose('  aaa bbb \n'), 'aaa bbb');
    assert.equal(prose(`${'x'.repeat(12)} a`, 8), `${'x'.repeat(12)}\na`);
    // The default width is 88 columns.
    assert.equal(prose(`${'x'.repeat(80)} ${'y'.repeat(7)} z`), `${'x'.repeat(80)} ${'y'.repeat(7)}\nz`);
  });
});

describe('license text', () => {
  it('puts the holder in literally, even one that looks like a replacement pattern', async () => {
    const { licenseText } = await import('../../generators/lib/licenses.js');
    assert.match(licenseText('MIT', 2026, "$& $' $$"), /^Copyright \(c\) 2026 \$& \$' \$\$$/m);
    assert.match(licenseText('BSD-3-Clause', 2026, 'Jane'), /^Copyright \(c\) 2026 Jane\./m);
  });
});
