import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createIpcHandlers } from '../../../main/ipc-handlers.ts'
import { addCharacter } from '../../../main/store/characters-repo.ts'
import { openStore, type Store } from '../../../main/store/db.ts'
import { StoreError } from '../../../main/store/store-error.ts'
import { useTempDir } from '../../support/temp-dir.ts'

const tempDir = useTempDir()
let store: Store | undefined
afterEach(() => store?.close())

describe('IPC handlers', () => {
  it('return the stored characters and the database status as values', async () => {
    store = openStore(join(tempDir(), 'vault.db'))
    addCharacter(store.db, { region: 'eu', realm: 'chogall', name: 'Moghiro' }, 1)
    const handlers = createIpcHandlers({ appVersion: '1.2.3', store })
    expect(await handlers['characters:list']([])).toEqual({ ok: true, value: [{ id: 1, region: 'eu', realm: 'chogall', name: 'Moghiro' }] })
    expect(await handlers['app:info']([])).toEqual({ ok: true, value: { version: '1.2.3', database: { ok: true, path: store.path } } })
  })

  it('validate arguments against the contract before doing anything', async () => {
    store = openStore(join(tempDir(), 'vault.db'))
    const handlers = createIpcHandlers({ appVersion: '1.2.3', store })
    const result = await handlers['characters:list'](['; drop table characters'])
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('turn an unusable database into an error value with its code, not a throw', async () => {
    const broken = new StoreError('DB_FROM_NEWER_VERSION', 'written by a newer version')
    const handlers = createIpcHandlers({ appVersion: '1.2.3', store: broken })
    expect(await handlers['characters:list']([])).toEqual({ ok: false, error: { code: 'DB_FROM_NEWER_VERSION', message: 'written by a newer version' } })
    expect(await handlers['app:info']([])).toEqual({ ok: true, value: { version: '1.2.3', database: { ok: false, error: { code: 'DB_FROM_NEWER_VERSION', message: 'written by a newer version' } } } })
  })

  it('turn an unexpected failure into INTERNAL instead of rejecting', async () => {
    store = openStore(join(tempDir(), 'vault.db'))
    const closed = store
    closed.close()
    store = undefined
    const result = await createIpcHandlers({ appVersion: '1', store: closed })['characters:list']([])
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })
})
