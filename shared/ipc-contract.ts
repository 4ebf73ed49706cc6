import { z } from 'zod'
import { BOARD_SORTS } from './domain/board-preferences.ts'
import { REGIONS } from './domain/types.ts'
import type { ChannelArgs, InvokeChannel } from './ipc-api.ts'

/**
 * Argument schemas of every invoke channel. Main parses each call with these before touching the
 * core, so a compromised or buggy renderer cannot send anything else. The API shape and channel names
 * are in ipc-api.ts (zod-free, for the sandboxed preload).
 */
const id = z.number().int().positive()
const region = z.string().max(8)
const credentialSource = z.enum(['blizzard', 'warcraftlogs'])
// API client ids and secrets are opaque tokens: no spaces, bounded length.
const credential = z.string().trim().min(1, 'required').max(200).regex(/^\S+$/, 'must not contain spaces')

/** How the player left the board (shared/domain/board.ts); the filters are names from the characters, bounded. */
export const boardPreferencesSchema = z
  .object({
    sort: z.enum(BOARD_SORTS),
    reversed: z.boolean(),
    hideFinished: z.boolean(),
    // Optional: preferences stored before it existed still parse (and read as false).
    waitingOnly: z.boolean().optional().default(false),
    density: z.enum(['compact', 'comfortable']),
    region: z.enum(REGIONS).nullable(),
    realm: z.string().max(100).nullable(),
    guild: z.string().max(100).nullable(),
  })
  .strict()

/** When and for whom the officer digest is posted (the webhook address itself is a secret, saved apart). */
export const officerDigestPreferencesSchema = z
  .object({
    hoursBeforeReset: z.number().int().min(2).max(48),
    region: z.enum(REGIONS).nullable(),
    guild: z.string().trim().max(100).nullable(),
  })
  .strict()

export const INVOKE_CHANNELS = {
  'app:info': z.tuple([]),
  'app:open-logs': z.tuple([]),
  'app:pending-route': z.tuple([]),
  'characters:list': z.tuple([]),
  'characters:get': z.tuple([z.object({ characterId: id }).strict()]),
  'characters:add': z.tuple([z.object({ region: z.string().max(8), realm: z.string().max(100), name: z.string().max(50) }).strict()]),
  'characters:remove': z.tuple([z.object({ id }).strict()]),
  'vault:get': z.tuple([z.object({ characterId: id }).strict()]),
  'vault:mark-opened': z.tuple([z.object({ characterId: id }).strict()]),
  'sync:run': z.tuple([z.object({ characterId: id.optional() }).strict()]),
  'sync:cancel': z.tuple([]),
  'settings:get': z.tuple([]),
  'settings:update': z.tuple([
    z
      .object({
        notifications: z.boolean().optional(),
        closeToTray: z.boolean().optional(),
        startAtLogin: z.boolean().optional(),
        autoUpdate: z.boolean().optional(),
        reminderHours: z.number().int().min(2).max(48).nullable().optional(),
        importPort: z.number().int().min(1024).max(65535).optional(),
        board: boardPreferencesSchema.optional(),
        officerDigest: officerDigestPreferencesSchema.optional(),
        wowDir: z.string().trim().max(500).nullable().optional(),
      })
      .strict(),
  ]),
  'credentials:save': z.tuple([z.object({ source: credentialSource, clientId: credential, clientSecret: credential, withoutEncryption: z.literal(true).optional() }).strict()]),
  'credentials:clear': z.tuple([z.object({ source: credentialSource }).strict()]),
  // Checked again in main (the shape of a key); this only bounds it.
  'raiderio-key:save': z.tuple([z.object({ key: z.string().max(300) }).strict()]),
  'raiderio-key:clear': z.tuple([]),
  // The address is checked again in main (Discord's webhook addresses only); this only bounds it.
  'officer-digest:save': z.tuple([z.object({ url: z.string().max(500) }).strict()]),
  'officer-digest:clear': z.tuple([]),
  'officer-digest:post-now': z.tuple([]),
  // Checked again in main by checkTrackedQuest (the same rule as the CLI's); these only bound the sizes.
  'quests:track': z.tuple([z.object({ id: z.number().int().min(1).max(10_000_000), name: z.string().max(200) }).strict()]),
  'quests:untrack': z.tuple([z.object({ id }).strict()]),
  'import:account': z.tuple([z.object({ region }).strict()]),
  'import:this-pc': z.tuple([z.object({ region: region.optional() }).strict()]),
  'import:cancel': z.tuple([]),
  'import:guild': z.tuple([z.object({ region, realm: z.string().max(100), guild: z.string().max(50), maxRank: z.number().int().min(0).max(9).optional(), minLevel: z.number().int().min(1).max(100).optional() }).strict()]),
  'import:track': z.tuple([
    z.object({
      picks: z
        .array(z.object({ region: z.enum(REGIONS), realm: z.string().min(1).max(100), realmName: z.string().max(100).nullable(), name: z.string().min(1).max(50), className: z.string().max(30).nullable() }).strict())
        .min(1)
        .max(1000),
    }).strict(),
  ]),
} as const satisfies { readonly [C in InvokeChannel]: z.ZodType<ChannelArgs[C]> }
