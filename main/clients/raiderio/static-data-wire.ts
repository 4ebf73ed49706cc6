import * as z from 'zod/mini'

/**
 * The season's raids as Raider.IO describes them (api-contracts.md §2.4). Apart from the other wire
 * shapes because the offline CLI reads the cached copy: it then builds only these schemas at start-up,
 * with zod's tree-shakable `zod/mini` API (zod's full API is a fifth of the CLI's start-up cost).
 */

/**
 * Raider.IO's expansion id of Midnight (`zone_expansion_id` 11 in 2026 runs): the newest expansion
 * when this version was made. The app asks for it and the next one, and moves on by itself once the
 * next one has a season started (season-context.ts), so a new expansion needs no new version.
 */
export const BASE_EXPANSION_ID = 11

// Names and slugs are bounded like the other wires' (bounds.ts, which this zod/mini file cannot share).
const name = () => z.string().check(z.maxLength(100))

const regionDates = z.record(z.string().check(z.maxLength(8)), z.nullable(z.string().check(z.maxLength(40))))

/** `/api/v1/raiding/static-data?expansion_id=N` (§2.4). */
export const raidingStaticDataWire = z.object({
  raids: z.array(
    z.object({
      id: z.number(),
      slug: name(),
      name: name(),
      starts: z._default(regionDates, {}),
      // Expected null (or absent) for the live tier [I].
      ends: z._default(z.nullable(regionDates), {}),
      encounters: z.array(z.object({ id: z.number(), slug: name(), name: name() })).check(z.maxLength(50)),
    }),
  ).check(z.maxLength(100)),
})
export type RaidingStaticDataWire = z.infer<typeof raidingStaticDataWire>


/** `/api/v1/mythic-plus/static-data?expansion_id=N` (§2.5): the expansion's seasons with their dates per region. */
export const mythicPlusStaticDataWire = z.object({
  seasons: z
    .array(
      z.object({
        slug: z.string().check(z.minLength(1), z.maxLength(64)),
        name: z.string().check(z.minLength(1), z.maxLength(200)),
        blizzard_season_id: z.optional(z.nullable(z.number().check(z.int(), z.gte(0), z.lte(100_000)))),
        starts: z._default(z.nullable(regionDates), {}),
        ends: z._default(z.nullable(regionDates), {}),
      }),
    )
    .check(z.maxLength(500)),
})
export type MythicPlusStaticDataWire = z.infer<typeof mythicPlusStaticDataWire>
