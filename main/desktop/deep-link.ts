import { characterRefFromParts } from '../../shared/domain/realm.ts'
import type { CharacterRef } from '../../shared/domain/types.ts'

/** `vault-companion://character/<region>/<realm>/<name>` opens that character (registered in electron-builder.yml). */
export const DEEP_LINK_SCHEME = 'vault-companion'

/**
 * The character a deep link names, or an error for the player. Realm and name are percent-decoded and
 * validated like typed input; anything but `character/...` is refused.
 */
export function parseDeepLink(link: string): { ok: true; ref: CharacterRef } | { ok: false; message: string } {
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return { ok: false, message: 'That link is not a Vault Companion link.' }
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return { ok: false, message: 'That link is not a Vault Companion link.' }
  // `vault-companion://character/us/area-52/Thrall`: "character" is the host, the rest the path.
  const parts = [url.host, ...url.pathname.split('/').filter(Boolean)]
  if (parts[0] !== 'character' || parts.length !== 4) return { ok: false, message: 'The link should look like vault-companion://character/<region>/<realm>/<name>.' }
  let decoded: string[]
  try {
    decoded = parts.slice(1).map((p) => decodeURIComponent(p))
  } catch {
    return { ok: false, message: 'The link is damaged (bad percent-encoding).' }
  }
  const [region = '', realm = '', name = ''] = decoded
  const ref = characterRefFromParts(region, realm, name)
  return ref.ok ? { ok: true, ref: ref.value } : { ok: false, message: ref.error.message }
}

/** The deep link among a process's arguments (Windows and Linux pass it on the command line). */
export function deepLinkInArgv(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`))
}
