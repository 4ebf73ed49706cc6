import { digestLines, weekDigest } from '../../shared/domain/digest.ts'
import { parseRegion } from '../../shared/domain/realm.ts'
import { characterOverview } from '../desktop/vault-views.ts'
import { discordMessages, parseWebhookUrl, postToWebhook } from '../digest/discord-webhook.ts'
import { listCharacters } from '../store/characters-repo.ts'
import { EXIT, print, usage, withLocalCore, type CliIo, type CliOptions } from './cli-kit.ts'

/**
 * `digest`: what to tell before and after a reset, from the store (nothing is fetched): each region's
 * reset, last week's vaults waiting, who is one step from a slot, who nobody could check, who is
 * finished (shared/domain/digest.ts). `--webhook URL` also posts it to a Discord channel.
 */
export function digest(args: string[], options: CliOptions, io: CliIo): Promise<number> | number {
  if (args.length > 0) return usage(io, `"digest" takes no arguments, got: ${args.join(' ')}`)
  const region = options.region === undefined ? undefined : parseRegion(options.region)
  if (region && !region.ok) return usage(io, region.error.message)
  const webhook = options.webhook === undefined ? undefined : parseWebhookUrl(options.webhook, io.env)
  if (webhook && !webhook.ok) return usage(io, webhook.error.message)
  return withLocalCore(options, io, 'read', async (core) => {
    const now = io.now()
    const characters = listCharacters(core.store.db).filter((c) => region === undefined || c.region === region.value)
    const result = weekDigest(characters.map((c) => characterOverview(core, c)))
    const lines = digestLines(result, now)
    if (webhook) {
      if (characters.length === 0) {
        io.stderr('Nothing was posted: no tracked character matches.\n')
        return EXIT.failed
      }
      const posted = await postToWebhook(webhook.value, discordMessages('Great Vault digest', lines))
      if (!posted.ok) {
        io.stderr(`The digest was not posted to Discord: ${posted.error.message}\n`)
        return EXIT.failed
      }
      if (!options.json) io.stderr(`Posted to Discord (${posted.value.posted === 1 ? 'one message' : `${posted.value.posted} messages`}).\n`)
    }
    print(io, options, result, `${lines.join('\n')}\n`)
    return EXIT.ok
  })
}
