import * as z from 'zod/mini'

/**
 * The season's raids as Raider.IO describes them (api-contracts.md §2.4). Apart from the other wire
 * shapes because the offline CLI reads the cached copy: it then builds only these schemas at start-up,
 * with zod's tree-shakable `zod/mini` API (zod's full API is a fifth of the CLI's start-up cost).
 */

/** Raider.IO's expansion id of Midnight (`zone_expansion_id` 11 in 2026 runs). */
export const CURRENT_EXPANSION_ID = 11

const regionDates = z.record(z.string(), z.nullable(z.string()))

/** `/api/v1/raiding/static-data?expansion_id=N` (§2.4). */
export const raidingStaticDataWire = z.object({
  raids: z.array(
    z.object({
      id: z.number(),
      slug: z.string(),
      name: z.string(),
      starts: z._default(regionDates, {}),
      // Expected null (or absent) for the live tier [I].
      ends: z._default(z.nullable(regionDates), {}),
      encounters: z.array(z.object({ id: z.number(), slug: z.string(), name: z.string() })),
    }),
  ),
})
export type RaidingStaticDataWire = z.infer<typeof raidingStaticDataWire>

