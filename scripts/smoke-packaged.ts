/**
 * Packaged smoke test (CI, every OS): electron-builder's `--dir` target with the real Electron, the
 * unpacked app launched on an empty data folder with no source reachable, and success once its log
 * says "started" (main/electron/app.ts logs it when the window and the core are up). Needs internet
 * for the Electron download, so it runs in the GitHub workflow, not on the offline machines.
 */
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import path, { join } from 'node:path'
import { appLogsFolder, startedSince, unpackedAppBinary } from './packaged-app.ts'

const root = join(import.meta.dirname, '..')
const release = join(root, 'release')
const TIMEOUT_MS = 90_000
let timer: NodeJS.Timeout | undefined = undefined
let app: ReturnType<typeof spawn> | undefined = undefined

const logFile = join(appLogsFolder(process.platform, process.env, homedir(), path), 'main.log')
const before = existsSync(logFile) ? readFileSync(logFile, 'utf8').length : 0

// Unsigned here: macOS gets an ad-hoc signature so the fused binary launches on Apple Silicon.
const signing = process.platform === 'darwin' ? ['-c.mac.identity=-'] : []
const built = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-builder', 'cli.js'), '--dir', ...signing, '--publish', 'never'], { cwd: root, stdio: 'inherit', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } })
if (built.status !== 0) fail(`electron-builder --dir failed (exit ${built.status}).`)

const binary = unpackedAppBinary(process.platform, process.arch, release, path)
if (!existsSync(binary)) fail(`No packaged app at ${binary}.`)

const dataDir = mkdtempSync(join(tmpdir(), 'vault-smoke-'))
app = spawn(binary, [], { stdio: 'inherit', env: { ...process.env, VAULT_DATA_DIR: dataDir, VAULT_RAIDERIO_URL: 'http://127.0.0.1:9', VAULT_WCL_URL: 'http://127.0.0.1:9' } })
let exited: number | null = null
app.on('exit', (code) => (exited = code ?? -1))

const deadline = Date.now() + TIMEOUT_MS
timer = setInterval(() => {
  const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''
  if (startedSince(log, before)) {
    console.log(`The packaged app started (${binary}).`)
    finish(0)
  } else if (exited !== null) {
    fail(`The packaged app exited (code ${exited}) before logging "started".`)
  } else if (Date.now() > deadline) {
    fail(`The packaged app did not log "started" within ${TIMEOUT_MS / 1000} s.`)
  }
}, 500)

function finish(code: number): never {
  clearInterval(timer)
  app?.kill()
  process.exit(code)
}

function fail(message: string): never {
  console.error(message)
  // Keep the log for the workflow's failure artifact.
  if (existsSync(logFile)) {
    mkdirSync(join(release, 'smoke-logs'), { recursive: true })
    copyFileSync(logFile, join(release, 'smoke-logs', 'main.log'))
  }
  finish(1)
}
