import { officerDigestDepsOf, postOfficerDigestNow, resetFailedOfficerPosts } from '../desktop/officer-digest.ts'
import { parseWebhookUrl } from '../digest/discord-webhook.ts'
import { silentLogger } from '../logging.ts'
import type { RouteKit, Routes } from './route-kit.ts'
import { refusedSecret } from './secret-saving.ts'
import type { SettingsViewOf } from './settings-routes.ts'

/**
 * The officer digest's webhook: saved encrypted with the API secrets after main checked it is one of
 * Discord's webhook addresses, cleared, or used now. The window gets the settings back, in which the
 * address appears only as a hint without its token.
 */
export function officerDigestRoutes({ handle, context }: RouteKit, settingsView: SettingsViewOf): Routes<'officer-digest:save' | 'officer-digest:clear' | 'officer-digest:post-now'> {
  const { secrets, env } = context
  return {
    'officer-digest:save': handle('officer-digest:save', ([input], core) => {
      const url = parseWebhookUrl(input.url, env)
      if (!url.ok) return url
      // A webhook lets anyone post in the channel: without a keyring it is not saved (no "anyway" here).
      const refused = refusedSecret(secrets, { what: 'the webhook address' })
      if (refused) return refused
      secrets.save({ ...secrets.load(), discordWebhook: url.value.href })
      resetFailedOfficerPosts(core.store.db, core.now())
      return settingsView(core)
    }),

    'officer-digest:clear': handle('officer-digest:clear', (_args, core) => {
      const next = { ...secrets.load() }
      delete next.discordWebhook
      secrets.save(next)
      return settingsView(core)
    }),

    'officer-digest:post-now': handle('officer-digest:post-now', async (_args, core) => {
      const posted = await postOfficerDigestNow(officerDigestDepsOf(core, secrets, env, context.log ?? silentLogger))
      return posted.ok ? settingsView(core) : posted
    }),
  }
}
