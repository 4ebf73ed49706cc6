import { z } from 'zod'

/**
 * Numbers and names read from a source, bounded to what fits the game, so a hostile or broken answer is refused
 * at the edge (as the source's error) instead of turning into a frozen window or a failed save. The
 * bounds are generous: nothing real comes near them.
 */

/** 2100-01-01 in epoch ms: later "times" are not times. */
const LATEST_MS = Date.UTC(2100, 0, 1)

/** An epoch-ms instant. */
export const instant = () => z.number().int().nonnegative().max(LATEST_MS)
/** A duration in ms (a Mythic+ run, a fight): at most a day. */
export const durationMs = () => z.number().nonnegative().max(24 * 60 * 60 * 1000)
/** A fight time relative to its report's start: a report spans at most a few days. */
export const reportOffsetMs = () => z.number().nonnegative().max(30 * 24 * 60 * 60 * 1000)
/** An id from a source (Blizzard's, Raider.IO's, Warcraft Logs'). */
export const sourceId = () => z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)
/** A keystone level. */
export const keyLevel = () => z.number().int().nonnegative().max(100)
/** An item level (Midnight's are around 300). */
export const itemLevel = () => z.number().nonnegative().max(2000)
/** A character level. */
export const characterLevel = () => z.number().int().nonnegative().max(200)
/** A Mythic+ score or rating. */
export const rating = () => z.number().nonnegative().max(100_000)
/** Lifetime boss kills of one boss on one difficulty, or bosses of a raid. */
export const killCount = () => z.number().int().nonnegative().max(1_000_000)
/** A guild rank (0 = guild master; the game has ten). */
export const guildRank = () => z.number().int().nonnegative().max(20)
/**
 * An achievement statistic's quantity. Statistics include gold looted and damage done, which run
 * into billions, so only a safe integer is required here; the counters the vault reads are held to
 * game-sized limits where they are used (activity-evidence.ts).
 */
export const statisticQuantity = () => z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)

/**
 * A name the game gives (a character, realm, class, spec, guild, dungeon, boss, raid, report code): the
 * game's are a few dozen characters at most, so a longer one is the source's error, not a name to store
 * on every character and send to the window on every refresh.
 */
export const gameName = () => z.string().max(100)
/** A longer text a source writes that the app reads (a statistic's name, a date, an address, a summary). */
export const sourceText = () => z.string().max(500)
