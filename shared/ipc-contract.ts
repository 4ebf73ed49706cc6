import { z } from 'zod'
import type { InvokeChannel } from './ipc-api.ts'

/**
 * Argument schemas of every invoke channel. Main parses each call with these before touching the
 * core. The API shape and channel names are in ipc-api.ts (zod-free, for the sandboxed preload).
 */
export const INVOKE_CHANNELS = {
  'app:info': z.tuple([]),
  'characters:list': z.tuple([]),
} as const satisfies { readonly [C in InvokeChannel]: z.ZodType<unknown[]> }
