import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

/**
 * Database tables. Times are epoch milliseconds (UTC). Evidence is kept per source and per week, so a
 * source that later says less (a deleted log) cannot erase what another source proved.
 */

/** Characters the player tracks. `nameKey` is the lower-cased name that identifies the character. */
export const characters = sqliteTable(
  'characters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    region: text('region').notNull(),
    realmSlug: text('realm_slug').notNull(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    className: text('class_name'),
    specName: text('spec_name'),
    itemLevel: integer('item_level'),
    /** The current season's Mythic+ rating (Blizzard's, else Raider.IO's score), as of the last sync that read one. */
    mythicRating: real('mythic_rating'),
    lastLoginAt: integer('last_login_at'),
    /** When Blizzard's profile (and with it lastLoginAt) was last read: a login older than the reset says "not logged in since" only when read after it. */
    loginReadAt: integer('login_read_at'),
    /** The realm's display name as the APIs give it ("Aggra (Português)"); the slug stays the identity. */
    realmName: text('realm_name'),
    /** When Raider.IO last crawled the character: its runs are as fresh as that. */
    raiderioCrawledAt: integer('raiderio_crawled_at'),
    /** The guild as the last profile that named one (or said there is none) gave it: null = none or not known yet. */
    guildName: text('guild_name'),
    /** The guild's realm slug (a guild can be on another realm of a connected group). */
    guildRealm: text('guild_realm'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('characters_identity').on(t.region, t.realmSlug, t.nameKey),
    check('characters_region', sql`${t.region} in ('us', 'eu', 'kr', 'tw', 'cn')`),
  ],
)

/** One source's proof that a boss died on a difficulty in a week. */
export const raidKillObservations = sqliteTable(
  'raid_kill_observations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    characterId: integer('character_id')
      .notNull()
      .references(() => characters.id, { onDelete: 'cascade' }),
    weekStart: integer('week_start').notNull(),
    bossKey: text('boss_key').notNull(),
    bossName: text('boss_name').notNull(),
    difficulty: text('difficulty').notNull(),
    source: text('source').notNull(),
    killedAt: integer('killed_at'),
    observedAt: integer('observed_at').notNull(),
  },
  (t) => [
    uniqueIndex('raid_kill_identity').on(t.characterId, t.weekStart, t.bossKey, t.difficulty, t.source),
    // listRaidKills finds evidence by its own time: the kill, or when a count-proved kill was seen.
    index('raid_kill_time').on(t.characterId, sql`coalesce(${t.killedAt}, ${t.observedAt})`),
    check('raid_kill_difficulty', sql`${t.difficulty} in ('lfr', 'normal', 'heroic', 'mythic')`),
    check('raid_kill_source', sql`${t.source} in ('blizzard', 'warcraftlogs', 'snapshot')`),
  ],
)

/** One source's report of a completed dungeon run. `level`: 0 Heroic, 1 Mythic 0, 2+ keystone. */
export const keystoneRunObservations = sqliteTable(
  'keystone_run_observations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    characterId: integer('character_id')
      .notNull()
      .references(() => characters.id, { onDelete: 'cascade' }),
    weekStart: integer('week_start').notNull(),
    dungeon: text('dungeon').notNull(),
    level: integer('level').notNull(),
    completedAt: integer('completed_at').notNull(),
    timed: integer('timed', { mode: 'boolean' }),
    source: text('source').notNull(),
    observedAt: integer('observed_at').notNull(),
  },
  (t) => [
    uniqueIndex('keystone_run_identity').on(t.characterId, t.source, t.dungeon, t.level, t.completedAt),
    index('keystone_run_week').on(t.characterId, t.weekStart),
    index('keystone_run_time').on(t.characterId, t.completedAt),
    check('keystone_run_level', sql`${t.level} >= 0`),
    check('keystone_run_source', sql`${t.source} in ('blizzard', 'warcraftlogs', 'raiderio')`),
  ],
)

/** A capture of Blizzard's lifetime kill counters, the baseline for count-based kill evidence. */
export const encounterSnapshots = sqliteTable(
  'encounter_snapshots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    characterId: integer('character_id')
      .notNull()
      .references(() => characters.id, { onDelete: 'cascade' }),
    capturedAt: integer('captured_at').notNull(),
    weekStart: integer('week_start').notNull(),
  },
  (t) => [index('encounter_snapshot_week').on(t.characterId, t.weekStart, t.capturedAt), index('encounter_snapshot_time').on(t.characterId, t.capturedAt)],
)

/** One boss/difficulty counter inside a snapshot. */
export const encounterSnapshotEntries = sqliteTable(
  'encounter_snapshot_entries',
  {
    snapshotId: integer('snapshot_id')
      .notNull()
      .references(() => encounterSnapshots.id, { onDelete: 'cascade' }),
    bossKey: text('boss_key').notNull(),
    bossName: text('boss_name').notNull(),
    difficulty: text('difficulty').notNull(),
    completedCount: integer('completed_count').notNull(),
    lastKillAt: integer('last_kill_at'),
  },
  (t) => [
    primaryKey({ columns: [t.snapshotId, t.bossKey, t.difficulty] }),
    check('snapshot_entry_difficulty', sql`${t.difficulty} in ('lfr', 'normal', 'heroic', 'mythic')`),
    check('snapshot_entry_count', sql`${t.completedCount} >= 0`),
  ],
)

/** Last attempt, success and error of each source for each character. */
export const sourceSyncStatus = sqliteTable(
  'source_sync_status',
  {
    characterId: integer('character_id')
      .notNull()
      .references(() => characters.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    lastAttemptAt: integer('last_attempt_at'),
    lastSuccessAt: integer('last_success_at'),
    lastErrorCode: text('last_error_code'),
    lastErrorMessage: text('last_error_message'),
    /** First failed attempt since the last success (null while the source works). */
    failingSince: integer('failing_since'),
  },
  (t) => [
    primaryKey({ columns: [t.characterId, t.source] }),
    check('sync_status_source', sql`${t.source} in ('blizzard', 'warcraftlogs', 'raiderio')`),
  ],
)

/**
 * This week's first capture of the statistics and quests the World row is read from (only the ids the
 * season tracks), the baseline that weekly counts are measured against (game-rules.md §7). `clean` says
 * nothing had changed yet this week when it was taken, so counting from it misses nothing.
 */
export const activitySnapshots = sqliteTable(
  'activity_snapshots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    characterId: integer('character_id')
      .notNull()
      .references(() => characters.id, { onDelete: 'cascade' }),
    weekStart: integer('week_start').notNull(),
    capturedAt: integer('captured_at').notNull(),
    /** JSON `{ [statisticId]: quantity }` of the tracked statistics at capture time. */
    statisticsJson: text('statistics_json'),
    /** JSON array of the tracked quest ids seen missing from the completed list at any read this week. */
    absentQuestsJson: text('absent_quests_json'),
    /** Delve counters unchanged since the reset at the first read (null: not read yet). */
    cleanStatistics: integer('clean_statistics', { mode: 'boolean' }),
    /** Heroic (and pre-season Mythic) dungeon counters unchanged since the reset at the first read. */
    cleanDungeons: integer('clean_dungeons', { mode: 'boolean' }),
    cleanQuests: integer('clean_quests', { mode: 'boolean' }),
  },
  (t) => [index('activity_snapshot_time').on(t.characterId, t.capturedAt)],
)

/**
 * Activities proved in a week: delves by tier, Prey hunts, world activities (the World row) and Heroic
 * and Mythic 0 dungeon runs (the dungeon row), each with its count and what proved it.
 */
export const activityObservations = sqliteTable(
  'activity_observations',
  {
    characterId: integer('character_id')
      .notNull()
      .references(() => characters.id, { onDelete: 'cascade' }),
    weekStart: integer('week_start').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    tier: integer('tier').notNull(),
    source: text('source').notNull(),
    count: integer('count').notNull(),
    /** When the evidence was first seen (inside its week); how the week finds it. */
    firstSeenAt: integer('first_seen_at').notNull(),
    /** The statistic's last-updated time, when known: the best guess of when it happened. */
    happenedAt: integer('happened_at'),
  },
  (t) => [
    primaryKey({ columns: [t.characterId, t.weekStart, t.kind, t.name, t.source] }),
    index('activity_observation_time').on(t.characterId, t.firstSeenAt),
    check('activity_kind', sql`${t.kind} in ('delve', 'prey', 'world', 'heroic', 'mythic0')`),
    check('activity_source', sql`${t.source} in ('blizzard', 'snapshot')`),
    check('activity_count', sql`${t.count} > 0`),
  ],
)

/**
 * The season's crest counters (Blizzard achievement statistics) per week: the first read inside the
 * week (the base of the week's gain) and the latest one. `first_updated_at` is the statistic's own
 * last-updated time at the first read: before the reset, the first quantity is the week's start and
 * the gain is exact; otherwise it is a lower bound.
 */
export const crestReadings = sqliteTable(
  'crest_readings',
  {
    characterId: integer('character_id')
      .notNull()
      .references(() => characters.id, { onDelete: 'cascade' }),
    weekStart: integer('week_start').notNull(),
    statisticId: integer('statistic_id').notNull(),
    /** The statistic's name as Blizzard sent it, if it did. */
    name: text('name'),
    firstQuantity: integer('first_quantity').notNull(),
    firstAt: integer('first_at').notNull(),
    firstUpdatedAt: integer('first_updated_at'),
    latestQuantity: integer('latest_quantity').notNull(),
    latestAt: integer('latest_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.characterId, t.weekStart, t.statisticId] }), check('crest_quantities', sql`${t.firstQuantity} >= 0 and ${t.latestQuantity} >= 0`)],
)

/**
 * The player's tracked weekly quests as each character's completed-quests list showed them in a week:
 * whether the quest was in the list at the latest read, whether it was missing at any read this week,
 * when it first appeared after having been missing (a completion seen happening), and the last login
 * the list belongs to.
 */
export const questChecks = sqliteTable(
  'quest_checks',
  {
    characterId: integer('character_id')
      .notNull()
      .references(() => characters.id, { onDelete: 'cascade' }),
    weekStart: integer('week_start').notNull(),
    questId: integer('quest_id').notNull(),
    present: integer('present', { mode: 'boolean' }).notNull(),
    seenMissing: integer('seen_missing', { mode: 'boolean' }).notNull(),
    appearedAt: integer('appeared_at'),
    checkedAt: integer('checked_at').notNull(),
    /** The character's last login as known at that read: a list from a login after the reset is this week's. */
    loginAt: integer('login_at'),
  },
  (t) => [primaryKey({ columns: [t.characterId, t.weekStart, t.questId] })],
)

/**
 * Every successful read of one evidence feed (e.g. Blizzard's raid encounters), kept for a few weeks:
 * a vault row is only as trustworthy as the reads that happened during its week (row-status.ts).
 */
export const feedSuccesses = sqliteTable(
  'feed_successes',
  {
    characterId: integer('character_id')
      .notNull()
      .references(() => characters.id, { onDelete: 'cascade' }),
    feed: text('feed').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.characterId, t.feed, t.at] })],
)

/** Weeks whose vault the player marked as opened (a week's rewards are picked once in the game). */
export const vaultsOpened = sqliteTable(
  'vaults_opened',
  {
    characterId: integer('character_id')
      .notNull()
      .references(() => characters.id, { onDelete: 'cascade' }),
    weekStart: integer('week_start').notNull(),
    openedAt: integer('opened_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.characterId, t.weekStart] })],
)

/** App settings as JSON values by key. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  valueJson: text('value_json').notNull(),
  updatedAt: integer('updated_at').notNull(),
})

/** Last-Modified and the parsed value of a conditional GET, so a 304 reuses the value (clients/response-cache.ts). */
export const responseCache = sqliteTable('response_cache', {
  key: text('key').primaryKey(),
  lastModified: text('last_modified').notNull(),
  valueJson: text('value_json').notNull(),
  storedAt: integer('stored_at').notNull(),
})

/** Best Warcraft Logs parse percent per boss and difficulty (not weekly: the current raid zone). */
export const bossParses = sqliteTable(
  'boss_parses',
  {
    characterId: integer('character_id')
      .notNull()
      .references(() => characters.id, { onDelete: 'cascade' }),
    bossKey: text('boss_key').notNull(),
    difficulty: text('difficulty').notNull(),
    percent: real('percent').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.characterId, t.bossKey, t.difficulty] }),
    check('boss_parse_difficulty', sql`${t.difficulty} in ('lfr', 'normal', 'heroic', 'mythic')`),
  ],
)

/**
 * The last complete read of a character's Blizzard details (encounters, keystone profile, statistics,
 * quests) and the login it belonged to. Profile data changes only at logout (game-rules §7, point 3), so while
 * the profile summary names the same login, those answers cannot have changed (sync/blizzard-reuse.ts).
 */
export const blizzardReads = sqliteTable('blizzard_reads', {
  characterId: integer('character_id')
    .primaryKey()
    .references(() => characters.id, { onDelete: 'cascade' }),
  /** The profile summary's last_login_timestamp at that read. */
  loginAt: integer('login_at').notNull(),
  /** The first complete read that saw this login: the armory may still be catching up shortly after. */
  loginSeenAt: integer('login_seen_at').notNull(),
  readAt: integer('read_at').notNull(),
  /** What that read asked for (the season table, statistics, quests, tracked quest ids): reused only for the same. */
  scope: text('scope').notNull(),
  /** The last sync that reused it instead of reading again (null: the last one read). */
  reusedAt: integer('reused_at'),
})

/**
 * The game's own vault as an addon saved it on the player's PC (main/game/game-saves.ts): one row per
 * character, addon and week (the week the save was made in), the latest save of that week. Only what
 * the file said is kept; the file is never written.
 */
export const gameSaves = sqliteTable(
  'game_saves',
  {
    characterId: integer('character_id')
      .notNull()
      .references(() => characters.id, { onDelete: 'cascade' }),
    addon: text('addon').notNull(),
    weekStart: integer('week_start').notNull(),
    /** When the addon last refreshed the character (epoch ms). */
    savedAt: integer('saved_at').notNull(),
    /** GameSlot[] as JSON (shared/domain/game-save.ts). */
    slots: text('slots').notNull(),
    /** 1 / 0: whether rewards waited at the save; null: the addon keeps no such flag. */
    rewardsWaiting: integer('rewards_waiting', { mode: 'boolean' }),
    readAt: integer('read_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.characterId, t.addon, t.weekStart] })],
)
