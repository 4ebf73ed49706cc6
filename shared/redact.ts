/** `https://user:secret@host/…` → `https://***@host/…`: credentials inside URLs never reach a message. */
export function redactCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, '$1***@')
}
