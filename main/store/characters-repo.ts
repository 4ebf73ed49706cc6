import { and, asc, eq, sql } from 'drizzle-orm'
import { characterNameKey } from '../../shared/domain/realm.ts'
import type { CharacterRef, Region } from '../../shared/domain/types.ts'
import type { Db } from './db.ts'
import { placeholder, preparedOnce } from './prepared.ts'
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
  // Every sync stores one: built once per connection (prepared.ts). A source that does not know the
  // realm's display name keeps the one another gave, and one that did not read the login keeps its time.
  const query = preparedOnce(db, 'updateCharacterProfile', () =>
    db
      .update(characters)
      .set({
        className: placeholder('className'),
        specName: placeholder('specName'),
        itemLevel: placeholder('itemLevel'),
        lastLoginAt: placeholder('lastLoginAt'),
        realmName: sql`coalesce(${sql.placeholder('realmName')}, ${characters.realmName})`,
        loginReadAt: sql`coalesce(${sql.placeholder('loginReadAt')}, ${characters.loginReadAt})`,
      })
      .where(eq(characters.id, sql.placeholder('id')))
      .prepare(),
  )
  query.run({ id, className: profile.className, specName: profile.specName, itemLevel: profile.itemLevel, lastLoginAt: profile.lastLoginAt, realmName: profile.realmName || null, loginReadAt: profile.loginReadAt ?? null })
}

/** Stores the character's current Mythic+ rating (a source that gave none leaves the stored one). */
export function updateMythicRating(db: Db, id: number, rating: number): void {
  preparedOnce(db, 'updateMythicRating', () => db.update(characters).set({ mythicRating: placeholder('rating') }).where(eq(characters.id, sql.placeholder('id'))).prepare()).run({ id, rating })
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
  preparedOnce(db, 'updateGuild', () =>
    db.update(characters).set({ guildName: placeholder('name'), guildRealm: placeholder('realm') }).where(eq(characters.id, sql.placeholder('id'))).prepare(),
  ).run({ id, name: guild?.name ?? null, realm: guild?.realm ?? null })
}

/** Records when Raider.IO last crawled the character. */
export function updateRaiderIoCrawl(db: Db, id: number, crawledAt: number | null): void {
  if (crawledAt === null) return
  preparedOnce(db, 'updateRaiderIoCrawl', () =>
    db.update(characters).set({ raiderioCrawledAt: placeholder('crawledAt') }).where(eq(characters.id, sql.placeholder('id'))).prepare(),
  ).run({ id, crawledAt })
}
