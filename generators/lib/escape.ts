// Escaping of user text for each language the templates write.
// Templates print user text only through these functions.

/**
 * Characters escaped although a literal could hold them: those that reorder or
 * hide text (bidi controls, zero-width marks), C1 controls, and the Unicode line
 * and paragraph separators, which editors and ruff take for line breaks or spaces.
 */
const hiddenCharacters = /[\u0080-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/u;

function unicodeEscape(codeUnit: number): string {
  return `\\u${codeUnit.toString(16).padStart(4, '0')}`;
}

/** True for a UTF-16 code unit that is half of a surrogate pair. */
function isSurrogate(codeUnit: number): boolean {
  return codeUnit >= 0xd800 && codeUnit <= 0xdfff;
}

const shortEscapes: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A literal of `text` in a language with C-like escapes (Python, TOML), between
 * `quote`s: backslashes, the quote, line breaks, control characters, hidden
 * characters and lone surrogates are escaped; other non-ASCII characters stay
 * as they are (generated files are UTF-8).
 */
function quoted(
  text: string,
  quote: '"' | "'",
  escapes: { control: (code: number) => string; loneSurrogate: (code: number) => string },
): string {
  let out = quote;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === quote) out += `\\${quote}`;
    else if (shortEscapes[char] !== undefined) out += shortEscapes[char];
    else if (code < 0x20 || code === 0x7f) out += escapes.control(code);
    // A pair is one character here, its code above U+FFFF: only a lone surrogate is in the range.
    else if (isSurrogate(code)) out += escapes.loneSurrogate(code);
    else if (hiddenCharacters.test(char)) out += unicodeEscape(code);
    else out += char;
  }
  return `${out}${quote}`;
}

/** Whether `text` holds more double quotes than single ones (each count is the pieces a split makes, less one). */
const moreDoubleQuotes = (text: string): boolean => text.split('"').length > text.split("'").length;

/** A Python string literal holding `text` exactly, between `quote`s. */
export function pythonLiteral(text: string, quote: '"' | "'"): string {
  return quoted(text, quote, {
    control: (code) => `\\x${code.toString(16).padStart(2, '0')}`,
    loneSurrogate: unicodeEscape,
  });
}

/**
 * A Python string literal holding `text` exactly, quoted as ruff's formatter
 * wants it: in double quotes, unless the text holds more double quotes than
 * single ones (then fewer quotes need escaping in single quotes).
 */
export function pythonString(text: string): string {
  return pythonLiteral(text, moreDoubleQuotes(text) ? "'" : '"');
}

/** Longest line a generated Python file may have (ruff `line-length` in the generated pyproject.toml). */
export const pythonLineLength = 100;

/**
 * Columns `text` takes for the line length: one per ASCII character and, as an
 * upper bound (wide CJK characters and emoji take two), two per other character.
 */
function columns(text: string): number {
  let width = 0;
  for (const char of text) width += char.codePointAt(0)! < 0x80 ? 1 : 2;
  return width;
}

/**
 * A Python expression for `value` that fits the line length: one literal when
 * it fits after `column`, otherwise literals split at whitespace (so the value
 * is unchanged), implicitly concatenated inside parentheses, one per line at
 * `indent + 4` spaces. A single word longer than a line stays whole, alone on
 * its line with no whitespace: ruff does not count such a line as too long.
 */
export function pythonWrapped(value: string, column: number, indent: number, literalOf: (text: string) => string = pythonString): string {
  const literal = literalOf(value);
  // The literal is usually followed by a comma or a closing bracket.
  if (column + columns(literal) + 1 <= pythonLineLength) return literal;
  const room = pythonLineLength - indent - 4;
  const fits = (text: string): boolean => columns(literalOf(text)) <= room;
  const chunks: string[] = [];
  let current = '';
  // Words and whitespace runs, whitespace as ruff sees it (Unicode White_Space).
  for (const token of value.match(/[\s\u0085]+|[^\s\u0085]+/gu) ?? []) {
    if (fits(current + token)) {
      current += token;
      continue;
    }
    if (current !== '') chunks.push(current);
    current = '';
    if (fits(token)) current = token;
    else if (/^[^\s\u0085]/u.test(token)) chunks.push(token);
    else {
      // A whitespace run longer than a line: split it.
      for (const char of token) {
        if (current !== '' && !fits(current + char)) {
          chunks.push(current);
          current = '';
        }
        current += char;
      }
    }
  }
  if (current !== '') chunks.push(current);
  // Empty text has nothing to split: parentheses around no literal would make a tuple.
  if (chunks.length === 0) return literal;
  const pad = ' '.repeat(indent + 4);
  return `(\n${chunks.map((chunk) => pad + literalOf(chunk)).join('\n')}\n${' '.repeat(indent)})`;
}

/**
 * Prose for a docstring or a comment, reflowed: words separated by single spaces, in
 * lines of at most `width` columns (a longer word alone on its line). Generated prose
 * holds names of up to 40 characters, so it cannot be wrapped by hand in a template.
 */
export function prose(text: string, width = 88): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.match(/\S+/gu) ?? []) {
    if (line === '') line = word;
    else if (columns(`${line} ${word}`) <= width) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  return [...lines, line].join('\n');
}

/** A TOML basic string holding `text` exactly; TOML cannot hold a lone surrogate, which becomes U+FFFD. */
export function tomlString(text: string): string {
  return quoted(text, '"', { control: unicodeEscape, loneSurrogate: () => '\\ufffd' });
}

/**
 * Markdown inline text that renders as `text` literally: HTML is escaped as
 * entities, the characters that start emphasis, code, links, tables or HTML
 * are backslash-escaped, and so is a leading list or heading marker.
 * Line breaks become spaces (the text sits inside one paragraph or table cell).
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    // Leading spaces show as nothing, but four of them would make a code block.
    .replace(/^ +/, '')
    .replace(/[\\`*_{}[\]#|~!]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // Unicode line and paragraph separators, as character references: JavaScript
    // renderers (marked) end a line there, which splits a table row in two.
    .replace(/[\u2028\u2029]/g, (char) => `&#x${char.charCodeAt(0).toString(16)};`)
    // No autolinks: inside one, renderers show backslash escapes and entities as typed.
    .replace(/:(?=\/\/)/g, '&#58;')
    .replace(/(www)\./gi, '$1&#46;')
    .replace(/^(\s*)([-+=]|\d+[.)])/, (_match, space: string, marker: string) => `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`);
}

/** Text for a plain-text file (AUTHORS, LICENSE): one line, no control characters. */
export function plainLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

/** A Python literal for a configuration default. */
export function pythonValue(value: boolean | number | string | null): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'None';
  return pythonString(value);
}
