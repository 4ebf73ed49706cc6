/**
 * The characters that make text from a source or a player act instead of read: C0/C1 controls (which
 * can drive a terminal: OSC 52 clipboard writes, retitling, erasing lines), the bidirectional marks
 * and overrides that make a line read differently than it is (U+061C, the Arabic letter mark, among
 * them), and the Unicode line and paragraph separators that break a line where none shows. One
 * definition for the terminal's escaping, the log lines', the CLI's JSON and the check of names a
 * player types.
 */
export const CONTROL_OR_BIDI = '\\p{Cc}\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069'

/** True when the text holds any of them. */
export function hasControlOrBidi(text: string): boolean {
  return new RegExp(`[${CONTROL_OR_BIDI}]`, 'u').test(text)
}

const EVERY_ONE = new RegExp(`[${CONTROL_OR_BIDI}]`, 'gu')

/**
 * Each of them written as a `\uXXXX` escape, visible but inert; `keep` lists characters left as they
 * are (the line breaks that are JSON's own). In JSON text this keeps the value exact: a parser reads
 * the escape back as the same character.
 */
export function escapeControlOrBidi(text: string, keep = ''): string {
  return text.replace(EVERY_ONE, (c) => (keep.includes(c) ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
}
