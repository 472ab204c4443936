// Escaping of user text for each language the templates write.
// Templates print user text only through these functions.

/** Invisible characters that reorder or hide text (bidi controls, zero-width marks). */
const hiddenCharacters = /[\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

function unicodeEscape(codeUnit: number): string {
  return `\\u${codeUnit.toString(16).padStart(4, '0')}`;
}

/** True for a UTF-16 code unit that is half of a surrogate pair. */
function isSurrogate(codeUnit: number): boolean {
  return codeUnit >= 0xd800 && codeUnit <= 0xdfff;
}

/**
 * A double-quoted Python string literal holding `text` exactly: backslashes,
 * quotes, control characters, hidden characters and lone surrogates are escaped;
 * other non-ASCII characters stay as they are (generated files are UTF-8).
 */
export function pythonString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '\\') out += '\\\\';
    else if (char === '"') out += '\\"';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (char.length === 1 && (isSurrogate(code) || hiddenCharacters.test(char)))
      out += unicodeEscape(code);
    else out += char;
  }
  return `${out}"`;
}

/** A TOML basic string (double-quoted) holding `text` exactly. */
export function tomlString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '\\') out += '\\\\';
    else if (char === '"') out += '\\"';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += unicodeEscape(code);
    // TOML cannot hold a lone surrogate, even escaped: it becomes U+FFFD.
    else if (char.length === 1 && isSurrogate(code)) out += '\\ufffd';
    else if (hiddenCharacters.test(char)) out += unicodeEscape(code);
    else out += char;
  }
  return `${out}"`;
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
    .replace(/[\\`*_{}[\]#|~!]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
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
