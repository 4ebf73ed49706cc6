import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { UpdateStatus } from '../../../shared/ipc-api.ts'
import { join, win32 } from 'node:path'
import { createUpdateController, hasUpdateFeed, NO_FEED, UPDATE_CHECK_INTERVAL_MS } from '../../../main/desktop/updates.ts'
import { silentLogger } from '../../../main/logging.ts'
import { FakeClock, settle } from '../../fakes/fake-clock.ts'

/** A fake update feed: answers each check the way electron-updater's autoUpdater emits events. */
class FakeUpdater extends EventEmitter {
  autoDownload = false
  autoInstallOnAppQuit = true
  checks = 0
  next: 'none' | { version: string } | Error = 'none'
  async checkForUpdates(): Promise<unknown> {
    this.checks += 1
    const next = this.next
    await Promise.resolve()
    if (next instanceof Error) {
      this.emit('error', next)
      throw next
    }
    if (next === 'none') this.emit('update-not-available')
    else {
      this.emit('update-available', next)
      this.emit('update-downloaded', next)
    }
    return null
  }
}

function setUp(enabled = true) {
  const updater = new FakeUpdater()
  const clock = new FakeClock(Date.parse('2026-11-26T12:00:00Z'))
  const statuses: UpdateStatus[] = []
  const controller = createUpdateController({ updater, enabled, clock, log: silentLogger, onStatus: (s) => statuses.push(s) })
  return { updater, clock, statuses, controller }
}


describe('updates', () => {
  it('checks at start, downloads in the background and says when the update is ready to install on quit', async () => {
    const { updater, statuses, controller } = setUp()
    updater.next = { version: '0.2.0' }
    controller.start()
    await settle()
    expect(updater.checks).toBe(1)
    expect(updater.autoDownload).toBe(true)
    expect(updater.autoInstallOnAppQuit).toBe(true)
    expect(statuses.map((s) => s.state)).toEqual(['checking', 'downloading', 'ready'])
    expect(controller.status()).toEqual({ state: 'ready', version: '0.2.0', message: null })
  })

  it('checks again daily, and not again once an update waits for the quit', async () => {
    const { updater, clock, controller } = setUp()
    controller.start()
    await settle()
    expect(controller.status().state).toBe('idle')
    updater.next = { version: '0.2.0' }
    await clock.advance(UPDATE_CHECK_INTERVAL_MS)
    expect(updater.checks).toBe(2)
    expect(controller.status().state).toBe('ready')
    await clock.advance(UPDATE_CHECK_INTERVAL_MS)
    expect(updater.checks).toBe(2)
    controller.stop()
  })

  it('turned off: never checks, and a downloaded update is not installed on quit', async () => {
    const { updater, clock, controller } = setUp(false)
    controller.start()
    await clock.advance(UPDATE_CHECK_INTERVAL_MS * 3)
    expect(updater.checks).toBe(0)
    expect(updater.autoInstallOnAppQuit).toBe(false)
    expect(controller.status().state).toBe('off')
    controller.setEnabled(true)
    await settle()
    expect(updater.checks).toBe(1)
    expect(updater.autoInstallOnAppQuit).toBe(true)
  })

  it('a failing feed is an error status with a plain message, not a crash', async () => {
    const { updater, controller } = setUp()
    updater.next = new Error('net::ERR_INTERNET_DISCONNECTED')
    controller.start()
    await settle()
    expect(controller.status()).toEqual({ state: 'error', version: null, message: 'Could not check for updates; the app tries again tomorrow.' })
  })
})

describe('a build without an update feed', () => {
  it('stays off for good: no check, no daily error, and the setting cannot turn it on', async () => {
    const updater = new FakeUpdater()
    const clock = new FakeClock(Date.parse('2026-11-26T12:00:00Z'))
    const statuses: UpdateStatus[] = []
    const controller = createUpdateController({ updater, enabled: true, feed: false, clock, log: silentLogger, onStatus: (s) => statuses.push(s) })
    controller.start()
    controller.setEnabled(true)
    await clock.advance(3 * UPDATE_CHECK_INTERVAL_MS)
    expect(updater.checks).toBe(0)
    expect(updater.autoInstallOnAppQuit).toBe(false)
    expect(controller.status()).toEqual(NO_FEED)
    expect(statuses).toEqual([])
  })

  it('the feed is the app-update.yml electron-builder writes into the resources', () => {
    const files = new Set([join('/Applications/Vault Companion.app/Contents/Resources', 'app-update.yml')])
    expect(hasUpdateFeed('/Applications/Vault Companion.app/Contents/Resources', (p) => files.has(p), join)).toBe(true)
    expect(hasUpdateFeed('C:\\Program Files\\Vault Companion\\resources', (p) => p === 'C:\\Program Files\\Vault Companion\\resources\\app-update.yml', win32.join)).toBe(true)
    expect(hasUpdateFeed('/opt/Vault Companion/resources', () => false, join)).toBe(false)
  })
})
