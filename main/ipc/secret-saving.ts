import { err, type Result } from '../../shared/result.ts'
import type { SecretStore } from '../ports.ts'

export interface SecretToSave {
  /** The secret, for the message: "the credentials", "the key". */
  what: string
  /** What can hold it otherwise (an environment variable), for the message. */
  instead?: string
  /** The form offers "Save without encryption" (`consent`: the player ticked it). */
  consent?: { given: boolean }
}

/**
 * Whether this system can keep a secret the player is about to save, or why not: with no secret store
 * at all nothing is saved; without a keyring (Linux basic_text, where "encrypted" means a fixed key)
 * only with the player's explicit say-so, where the form asks for it.
 */
export function refusedSecret(secrets: SecretStore, secret: SecretToSave): Result<never> | undefined {
  const otherwise = secret.instead === undefined ? '' : ` Set ${secret.instead} instead.`
  const availability = secrets.availability()
  if (availability === 'unavailable') return err('INTERNAL', `This system offers no way to store secrets: ${secret.what} cannot be saved.${otherwise}`)
  if (availability === 'plaintext' && secret.consent?.given !== true) {
    const anyway = secret.consent ? ' Tick "Save without encryption" to save anyway.' : ''
    return err('INVALID_INPUT', `This system has no keyring: saved here, ${secret.what} would not really be encrypted, so nothing was saved.${anyway}${otherwise}`)
  }
  return undefined
}
