import type { CharacterOverview } from '../../shared/ipc-api.ts'
import type { Core } from '../composition.ts'
import { getCharacter, listCharacters } from '../store/characters-repo.ts'
import { characterOverview } from './vault-views.ts'

/**
 * Every tracked character's overview (the board's rows, the tray's lines), built again only where
 * something changed: a board of 120 characters costs one overview per character synced, not 120 per
 * refresh. An overview is out of date when
 * - its character's data changed in this process (`data:changed`: a sync, an import, marking a vault);
 * - another process wrote the database (the CLI's sync): SQLite's `data_version` moves, and then
 *   every overview is built again, since the CLI sends this one no events;
 * - the stored season facts changed (a new raid list prices every row anew), or its week ended;
 * - something every row depends on changed here (credentials, tracked quests): `invalidateAll()`.
 * The IPC routes and the tray share one cache per core.
 */
export interface OverviewCache {
  /** Every tracked character's overview, oldest tracked first. */
  all(): CharacterOverview[]
  /** One character's overview (undefined: not tracked). */
  get(characterId: number): CharacterOverview | undefined
  /** The overview as last built, even if out of date, without building it (the "before" of a change). */
  peek(characterId: number): CharacterOverview | undefined
  invalidateAll(): void
}

interface Entry {
  overview: CharacterOverview
  /** The season facts it was built with. */
  stamp: string
}

const caches = new WeakMap<Core, OverviewCache>()

/** The cache of this core (made on first use). */
export function overviewCacheOf(core: Core): OverviewCache {
  let cache = caches.get(core)
  if (!cache) {
    cache = createOverviewCache(core)
    caches.set(core, cache)
  }
  return cache
}

/** A cache of its own (tests count the overviews `build` makes). */
export function createOverviewCache(core: Core, build: typeof characterOverview = characterOverview): OverviewCache {
  const entries = new Map<number, Entry>()
  // The last overview of a character whose data changed, until it is built again (for peek).
  const stale = new Map<number, CharacterOverview>()
  const dataVersion = () => core.store.sqlite.pragma('data_version', { simple: true }) as number
  let seenVersion = dataVersion()
  core.events.on('data:changed', ({ characterId }) => {
    const entry = entries.get(characterId)
    if (entry) stale.set(characterId, entry.overview)
    entries.delete(characterId)
  })

  /** Drops everything when another process wrote the database since the last look. */
  function followOtherWriters(): void {
    const version = dataVersion()
    if (version !== seenVersion) entries.clear()
    seenVersion = version
  }

  function current(characterId: number): CharacterOverview | undefined {
    const stamp = core.season.factsStamp()
    const entry = entries.get(characterId)
    if (entry && entry.stamp === stamp && core.now() < entry.overview.week.end) return entry.overview
    const character = getCharacter(core.store.db, characterId)
    if (!character) {
      entries.delete(characterId)
      stale.delete(characterId)
      return undefined
    }
    const overview = build(core, character)
    entries.set(characterId, { overview, stamp })
    stale.delete(characterId)
    return overview
  }

  return {
    all() {
      followOtherWriters()
      const characters = listCharacters(core.store.db)
      const tracked = new Set(characters.map((c) => c.id))
      for (const id of entries.keys()) if (!tracked.has(id)) entries.delete(id)
      for (const id of stale.keys()) if (!tracked.has(id)) stale.delete(id)
      return characters.flatMap((c) => current(c.id) ?? [])
    },
    get(characterId) {
      followOtherWriters()
      return current(characterId)
    },
    peek: (characterId) => entries.get(characterId)?.overview ?? stale.get(characterId),
    invalidateAll: () => entries.clear(),
  }
}
