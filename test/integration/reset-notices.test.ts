import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readAppSettings, updateAppSettings } from '../../main/app-settings.ts'
import { dueResetNotices, showDueResetNotices, showOnlyWaitingVaults, type ResetNotice } from '../../main/desktop/reset-notices.ts'
import { openStore } from '../../main/store/db.ts'
import type { CharacterOverview } from '../../shared/ipc-api.ts'
import { overviewOf, WEEK_1091 } from '../support/overview.ts'
import { useTempDir } from '../support/temp-dir.ts'

const HOUR = 3_600_000
const ON = { notifications: true, reminderHours: 12 }
const waitingLastWeek = (id: number, name: string, waiting: 'waiting' | 'maybe-opened' = 'waiting', synced = WEEK_1091.start + HOUR) =>
  overviewOf(id, name, {}, { lastWeek: { unlockedSlots: 3, opened: false, waiting }, lastSyncedAt: synced })
// Three heroic bosses: raid slot 2 is one boss away.
const oneBossAway = (id: number, name: string) => overviewOf(id, name, { bosses: ['heroic', 'heroic', 'heroic'], keys: Array(8).fill(10), tiers: Array(8).fill(8) })

describe('notifications around the reset', () => {
  it('after the reset: vaults waiting, once the region was read since the reset (or two hours on)', () => {
    const unread = waitingLastWeek(1, 'Thrall', 'waiting', WEEK_1091.start - HOUR)
    const read = waitingLastWeek(2, 'Jaina', 'maybe-opened')
    // Ten minutes after the reset, Thrall not read since: too early to count.
    expect(dueResetNotices([unread, read], ON, new Set(), WEEK_1091.start + 10 * 60_000)).toEqual([])
    // Everyone read since the reset: say it.
    const [notice] = dueResetNotices([{ ...unread, lastSyncedAt: WEEK_1091.start + 20 * 60_000 }, read], ON, new Set(), WEEK_1091.start + 30 * 60_000)
    expect(notice).toEqual({ key: 'waiting:us:1091', kind: 'waiting', region: 'us', title: '2 vaults waiting (US)', body: 'Thrall, Jaina. From the last logins: some may have been opened already.' })
    // Two hours on, whoever could not be read: say what is known.
    expect(dueResetNotices([unread, read], ON, new Set(), WEEK_1091.start + 2 * HOUR).map((n) => n.key)).toEqual(['waiting:us:1091'])
  })

  it('before the reset, at the chosen hours: who is one step from a slot; not earlier, not after', () => {
    const characters = [oneBossAway(1, 'Thrall'), overviewOf(2, 'Idle', { bosses: [], keys: [], tiers: [] })]
    expect(dueResetNotices(characters, ON, new Set(), WEEK_1091.end - 13 * HOUR)).toEqual([])
    const [reminder] = dueResetNotices(characters, ON, new Set(), WEEK_1091.end - 11 * HOUR)
    expect(reminder).toMatchObject({ key: 'reminder:us:1091', kind: 'reminder', title: 'Reset in 11 h 0 min (US): 2 characters one step from a slot' })
    expect(reminder?.body).toContain('Thrall: 1 more boss (any difficulty) unlocks slot 2')
    expect(dueResetNotices(characters, { ...ON, reminderHours: 48 }, new Set(), WEEK_1091.end - 47 * HOUR)).toHaveLength(1)
    expect(dueResetNotices(characters, { ...ON, reminderHours: null }, new Set(), WEEK_1091.end - HOUR)).toEqual([])
  })

  it('nothing while notifications are off, nothing when there is nothing to say, never twice', () => {
    const characters = [waitingLastWeek(1, 'Thrall'), oneBossAway(2, 'Jaina')]
    const at = WEEK_1091.end - HOUR
    expect(dueResetNotices(characters, { ...ON, notifications: false }, new Set(), at)).toEqual([])
    expect(dueResetNotices([overviewOf(3, 'Done', { bosses: Array(6).fill('mythic'), keys: Array(8).fill(10), tiers: Array(8).fill(8) })], ON, new Set(), at)).toEqual([])
    expect(dueResetNotices(characters, ON, new Set(), at).map((n) => n.key)).toEqual(['waiting:us:1091', 'reminder:us:1091'])
    expect(dueResetNotices(characters, ON, new Set(['waiting:us:1091', 'reminder:us:1091']), at)).toEqual([])
  })

  it('each region on its own week', () => {
    const euWeek = { period: 1091, start: Date.parse('2026-11-25T04:00:00Z'), end: Date.parse('2026-12-02T04:00:00Z') }
    const eu: CharacterOverview = { ...waitingLastWeek(2, 'Sylvanas'), region: 'eu', week: euWeek, lastSyncedAt: euWeek.start + HOUR }
    const us = waitingLastWeek(1, 'Thrall')
    // Each region's vaults are told under its own reset, in one notification per region.
    expect(dueResetNotices([us, eu], ON, new Set(), euWeek.start + 3 * HOUR).map((n) => n.key)).toEqual(['waiting:us:1091', 'waiting:eu:1091'])
  })

  const tempDir = useTempDir()
  it('once per week and region across restarts: what was shown is stored before it is shown; the setting is read from the store', () => {
    const path = join(tempDir(), 'vault.db')
    const characters = [waitingLastWeek(1, 'Thrall')]
    const at = WEEK_1091.start + 3 * HOUR
    const shown: ResetNotice[] = []
    let store = openStore(path)
    updateAppSettings(store.db, { notifications: false }, at)
    expect(showDueResetNotices(store.db, characters, at, (n) => shown.push(n))).toEqual([])
    updateAppSettings(store.db, { notifications: true }, at)
    expect(showDueResetNotices(store.db, characters, at, (n) => shown.push(n)).map((n) => n.key)).toEqual(['waiting:us:1091'])
    expect(showDueResetNotices(store.db, characters, at + 60_000, (n) => shown.push(n))).toEqual([])
    store.close()
    store = openStore(path)
    try {
      expect(showDueResetNotices(store.db, characters, at + HOUR, (n) => shown.push(n))).toEqual([])
      expect(shown).toHaveLength(1)
      // The next week is a new one.
      const next = { ...characters[0]!, week: { period: 1092, start: WEEK_1091.end, end: WEEK_1091.end + 7 * 24 * HOUR }, lastSyncedAt: WEEK_1091.end + HOUR }
      expect(showDueResetNotices(store.db, [next], WEEK_1091.end + 3 * HOUR, (n) => shown.push(n)).map((n) => n.key)).toEqual(['waiting:us:1092'])
    } finally {
      store.close()
    }
  })

  it('a click on "vaults waiting" leaves the board filtered to them, stored with the rest of its preferences', () => {
    const store = openStore(join(tempDir(), 'vault.db'))
    try {
      updateAppSettings(store.db, { board: { ...readAppSettings(store.db).board, sort: 'itemLevel', guild: 'Endless Climb' } }, WEEK_1091.start)
      showOnlyWaitingVaults(store.db, WEEK_1091.start + HOUR)
      expect(readAppSettings(store.db).board).toMatchObject({ waitingOnly: true, sort: 'itemLevel', guild: 'Endless Climb' })
    } finally {
      store.close()
    }
  })
})
