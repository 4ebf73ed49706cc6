import { z } from 'zod'
import type { ChannelArgs, InvokeChannel } from './ipc-api.ts'

/**
 * Argument schemas of every invoke channel. Main parses each call with these before touching the
 * core, so a compromised or buggy renderer cannot send anything else. The API shape and channel names
 * are in ipc-api.ts (zod-free, for the sandboxed preload).
 */
const id = z.number().int().positive()
const credentialSource = z.enum(['blizzard', 'warcraftlogs'])
// API client ids and secrets are opaque tokens: no spaces, bounded length.
const credential = z.string().trim().min(1, 'required').max(200).regex(/^\S+$/, 'must not contain spaces')

export const INVOKE_CHANNELS = {
  'app:info': z.tuple([]),
  'app:open-logs': z.tuple([]),
  'characters:list': z.tuple([]),
  'characters:add': z.tuple([z.object({ region: z.string().max(8), realm: z.string().max(100), name: z.string().max(50) }).strict()]),
  'characters:remove': z.tuple([z.object({ id }).strict()]),
  'vault:get': z.tuple([z.object({ characterId: id }).strict()]),
  'vault:mark-opened': z.tuple([z.object({ characterId: id }).strict()]),
  'sync:run': z.tuple([z.object({ characterId: id.optional() }).strict()]),
  'settings:get': z.tuple([]),
  'settings:update': z.tuple([z.object({ notifications: z.boolean().optional(), closeToTray: z.boolean().optional(), startAtLogin: z.boolean().optional(), autoUpdate: z.boolean().optional() }).strict()]),
  'credentials:save': z.tuple([z.object({ source: credentialSource, clientId: credential, clientSecret: credential, withoutEncryption: z.literal(true).optional() }).strict()]),
  'credentials:clear': z.tuple([z.object({ source: credentialSource }).strict()]),
} as const satisfies { readonly [C in InvokeChannel]: z.ZodType<ChannelArgs[C]> }
