import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addCharacter } from '../../main/store/characters-repo.ts'
import { openLocalCore } from '../../main/local-core.ts'
import { freePort } from '../support/free-port.ts'
import { useTempDir } from '../support/temp-dir.ts'

/**
 * `node test/e2e/bridge-server.ts <port> --data-dir <folder>` serves the real window over a player's
 * data folder (README "The desktop app"): the characters there, nothing seeded, no test routes, and the
 * folder left as it was when it stops.
 */
const tempDir = useTempDir()

describe('the bridge server over a data folder', () => {
  it('lists the characters of that folder, seeds nothing, offers no test route, and keeps the folder', async () => {
    const dataDir = tempDir()
    const local = openLocalCore({ dataDir, env: {} })
    addCharacter(local.store.db, { region: 'eu', realm: 'silvermoon', name: 'Jaina' }, Date.now())
    local.close()
    const port = await freePort()
    // The sources as the CLI reads them: here a Raider.IO nobody answers, and no Blizzard or Warcraft Logs.
    const server = spawn(process.execPath, [join(import.meta.dirname, '..', 'e2e', 'bridge-server.ts'), String(port), '--data-dir', dataDir], {
      env: { PATH: process.env.PATH ?? '', VAULT_RAIDERIO_URL: 'http://127.0.0.1:9' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      await new Promise<void>((resolve, reject) => {
        server.stdout.on('data', (chunk: Buffer) => (chunk.toString().includes(`over ${dataDir}`) ? resolve() : undefined))
        server.on('exit', (code) => reject(new Error(`the bridge server stopped (${code})`)))
      })
      const base = `http://127.0.0.1:${port}`
      const list = (await (await fetch(`${base}/rpc/characters:list`, { method: 'POST', body: '[]' })).json()) as { ok: boolean; value: { name: string; region: string }[] }
      expect(list.ok).toBe(true)
      expect(list.value.map((c) => `${c.region}/${c.name}`)).toEqual(['eu/Jaina'])
      expect((await fetch(`${base}/test/seed-roster`, { method: 'POST' })).status).toBe(404)
      expect((await fetch(`${base}/test/reset`, { method: 'POST' })).status).toBe(404)
    } finally {
      server.kill('SIGTERM')
      await new Promise((resolve) => server.once('exit', resolve))
    }
    const after = openLocalCore({ dataDir, env: {} })
    try {
      expect(after.store.sqlite.prepare('select count(*) as n from characters').get()).toEqual({ n: 1 })
    } finally {
      after.close()
    }
  }, 30_000)
})
