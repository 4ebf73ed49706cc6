/**
 * The characters that make text from a source or a player act instead of read: C0/C1 controls (which
 * can drive a terminal: OSC 52 clipboard writes, retitling, erasing lines) and the bidirectional marks
 * and overrides that make a line read differently than it is. One definition for the terminal's
 * escaping, the log lines' and the check of names a player types; each builds its own RegExp from it.
 */
export const CONTROL_OR_BIDI = '\\p{Cc}\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069'

/** True when the text holds any of them. */
export function hasControlOrBidi(text: string): boolean {
  return new RegExp(`[${CONTROL_OR_BIDI}]`, 'u').test(text)
}
