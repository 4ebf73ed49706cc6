import { and, asc, eq, sql } from 'drizzle-orm'
import { characterNameKey } from '../../shared/domain/realm.ts'
import type { CharacterRef, Region } from '../../shared/domain/types.ts'
import type { Db } from './db.ts'
import { preparedOnce } from './prepared.ts'
import { characters } from './schema.ts'

/** A tracked character as stored. */
export interface TrackedCharacter extends CharacterRef {
  id: number
  className: string | null
  specName: string | null
  itemLevel: number | null
  /** The current season's Mythic+ rating, once a source gave it. */
  mythicRating: number | null
  lastLoginAt: number | null
  /** When Blizzard's profile last told lastLoginAt (null: never read). */
  loginReadAt: number | null
  /** The realm's display name, once a source has given it. */
  realmName: string | null
  /** When Raider.IO last crawled the character. */
  raiderioCrawledAt: number | null
  /** The character's guild and its realm slug as the last profile gave them; null: none, or not known yet. */
  guildName: string | null
  guildRealm: string | null
  createdAt: number
}

/** Profile facts a sync refreshes. */
export type CharacterProfile = Pick<TrackedCharacter, 'className' | 'specName' | 'itemLevel' | 'lastLoginAt'> & { realmName?: string | null; loginReadAt?: number }

function toTracked(row: typeof characters.$inferSelect): TrackedCharacter {
  return {
    id: row.id,
    region: row.region as Region,
    realm: row.realmSlug,
    name: row.name,
    className: row.className,
    specName: row.specName,
    itemLevel: row.itemLevel,
    mythicRating: row.mythicRating,
    lastLoginAt: row.lastLoginAt,
    loginReadAt: row.loginReadAt,
    realmName: row.realmName,
    raiderioCrawledAt: row.raiderioCrawledAt,
    guildName: row.guildName,
    guildRealm: row.guildRealm,
    createdAt: row.createdAt,
  }
}

/** Starts tracking a character; tracking one that is already tracked returns the stored one. */
export function addCharacter(db: Db, ref: CharacterRef, now: number): { character: TrackedCharacter; created: boolean } {
  const existing = findCharacter(db, ref)
  if (existing) return { character: existing, created: false }
  const row = db
    .insert(characters)
    .values({ region: ref.region, realmSlug: ref.realm, name: ref.name, nameKey: characterNameKey(ref.name), createdAt: now })
    .returning()
    .get()
  return { character: toTracked(row), created: true }
}

/** The tracked character with this region, realm slug and name (any letter case), if any. */
export function findCharacter(db: Db, ref: CharacterRef): TrackedCharacter | undefined {
  const row = db
    .select()
    .from(characters)
    .where(
      and(
        eq(characters.region, ref.region),
        eq(characters.realmSlug, ref.realm),
        eq(characters.nameKey, characterNameKey(ref.name)),
      ),
    )
    .get()
  return row ? toTracked(row) : undefined
}

/** The tracked character with this id, if any. */
export function getCharacter(db: Db, id: number): TrackedCharacter | undefined {
  const row = preparedOnce(db, 'getCharacter', () => db.select().from(characters).where(eq(characters.id, sql.placeholder('id'))).prepare()).get({ id })
  return row ? toTracked(row) : undefined
}

/** Every tracked character, oldest first. */
export function listCharacters(db: Db): TrackedCharacter[] {
  return db.select().from(characters).orderBy(asc(characters.createdAt), asc(characters.id)).all().map(toTracked)
}

/** Stops tracking a character and deletes its stored evidence and vaults; false when it was not tracked. */
export function removeCharacter(db: Db, id: number): boolean {
  return db.delete(characters).where(eq(characters.id, id)).run().changes > 0
}

/** Stores the latest profile facts of a character. */
export function updateCharacterProfile(db: Db, id: number, profile: CharacterProfile): void {
  // A source that does not know the realm's display name keeps the one another gave.
  const { realmName, ...rest } = profile
  db.update(characters).set(realmName ? { ...rest, realmName } : rest).where(eq(characters.id, id)).run()
}

/** Stores the character's current Mythic+ rating (a source that gave none leaves the stored one). */
export function updateMythicRating(db: Db, id: number, rating: number): void {
  db.update(characters).set({ mythicRating: rating }).where(eq(characters.id, id)).run()
}

/** The character's guild as the views show it (`realm`: the guild's realm slug, the character's when not given). */
export function guildOf(character: Pick<TrackedCharacter, 'realm'> & Partial<Pick<TrackedCharacter, 'guildName' | 'guildRealm'>>): { name: string; realm: string } | null {
  return character.guildName ? { name: character.guildName, realm: character.guildRealm ?? character.realm } : null
}

/**
 * Stores the guild a profile named, or that it named none (`null`: the character left its guild).
 * A source that did not say anything about the guild does not call this.
 */
export function updateGuild(db: Db, id: number, guild: { name: string; realm: string } | null): void {
  db.update(characters).set({ guildName: guild?.name ?? null, guildRealm: guild?.realm ?? null }).where(eq(characters.id, id)).run()
}

/** Records when Raider.IO last crawled the character. */
export function updateRaiderIoCrawl(db: Db, id: number, crawledAt: number | null): void {
  if (crawledAt !== null) db.update(characters).set({ raiderioCrawledAt: crawledAt }).where(eq(characters.id, id)).run()
}
