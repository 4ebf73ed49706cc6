import { describe, expect, it } from 'vitest'
import { deepLinkInArgv, parseDeepLink } from '../../../main/desktop/deep-link.ts'

describe('deep links', () => {
  it('opens a character by region, realm and name, realm display names and accents included', () => {
    expect(parseDeepLink('vault-companion://character/us/area-52/Thrall')).toEqual({ ok: true, ref: { region: 'us', realm: 'area-52', name: 'Thrall' } })
    expect(parseDeepLink("vault-companion://character/EU/Mal'Ganis/L%C3%BAcio")).toMatchObject({ ok: true, ref: { region: 'eu', realm: 'malganis', name: 'Lúcio' } })
  })

  it.each([
    ['another scheme', 'https://character/us/area-52/Thrall', /not a Vault Companion link/],
    ['another kind of link', 'vault-companion://settings/us/area-52/Thrall', /should look like/],
    ['a missing name', 'vault-companion://character/us/area-52', /should look like/],
    ['an unknown region', 'vault-companion://character/xx/area-52/Thrall', /region/i],
    ['bad percent-encoding', 'vault-companion://character/us/area-52/%E0%A4%A', /damaged/],
    ['not a URL', 'vault-companion:', /should look like|not a Vault Companion link/],
  ])('refuses %s with a message for the player', (_label, link, message) => {
    const parsed = parseDeepLink(link)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.message).toMatch(message)
  })

  it('finds the link among the arguments a second instance was started with', () => {
    expect(deepLinkInArgv(['/opt/vault', '--no-sandbox', 'vault-companion://character/us/area-52/Thrall'])).toBe('vault-companion://character/us/area-52/Thrall')
    expect(deepLinkInArgv(['/opt/vault', '--hidden'])).toBeUndefined()
  })
})
