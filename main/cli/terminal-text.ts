import { CONTROL_OR_BIDI } from '../../shared/inert-text.ts'

/**
 * Text from the sources (dungeon, guild, realm and class names, error messages) reaches the player's
 * terminal through the CLI. Control characters in it could write to the clipboard (OSC 52), retitle
 * the window or erase lines; bidirectional overrides could make a line read differently than it is.
 * Every character of those kinds is shown as U+FFFD instead. Line breaks and tabs stay; JSON output is
 * left exact (JSON.stringify already escapes the C0 controls).
 */
const UNSAFE = new RegExp(`(?![\\n\\t])[${CONTROL_OR_BIDI}]`, 'gu')

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, '\ufffd')
}
