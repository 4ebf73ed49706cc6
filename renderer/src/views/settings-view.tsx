import { useState, type FormEvent } from 'react'
import type { AppInfo, CredentialSource, SettingsUpdate, SettingsView as Settings } from '../../../shared/ipc-api.ts'
import { usePageHeading } from '../use-page-heading.ts'
import { useVault } from '../state/store.ts'
import { GameFolderSettings } from './settings/game-folder-settings.tsx'
import { HOURS_BEFORE_RESET } from './settings/hours-before-reset.ts'
import { OfficerDigestSettings } from './settings/officer-digest-settings.tsx'
import { RaiderIoKeySettings } from './settings/raiderio-key-settings.tsx'
import { FormFailure } from '../components/form-failure.tsx'

interface CredentialSourceInfo {
  id: CredentialSource
  name: string
  url: string
  /** What it adds to the vault, in a sentence. */
  adds: string
  /** Step by step, from opening the site to pasting the keys (the last step, the form, follows). */
  steps: (redirectUri: string) => React.ReactNode[]
}

const SOURCES: CredentialSourceInfo[] = [
  {
    id: 'blizzard',
    name: 'Blizzard',
    url: 'https://develop.battle.net/access/clients',
    adds: 'every raid kill (logged or not), the World row (delves, Prey hunts, world activities), crests, weekly quests, Heroic dungeons, and importing your characters.',
    steps: (redirectUri) => [
      <>Open develop.battle.net and sign in with your Battle.net account; choose <strong>API Access</strong>, then <strong>Create Client</strong>.</>,
      <>Give it any name (for example "Vault Companion"). Under <strong>Redirect URLs</strong> paste <CopyText text={redirectUri} testId="settings-redirect-uri" /> (it is only used to import your characters).</>,
      <>Tick that you will not use it commercially and save. The client's page shows a <strong>Client ID</strong> and a <strong>Client Secret</strong>.</>,
      <>Paste both below and press <strong>Test and save</strong>: the app asks Blizzard whether they work before it keeps them.</>,
    ],
  },
  {
    id: 'warcraftlogs',
    name: 'Warcraft Logs',
    url: 'https://www.warcraftlogs.com/api/clients/',
    adds: 'raid kills as soon as they are logged (before Blizzard shows them) and your parses.',
    steps: () => [
      <>Open warcraftlogs.com, sign in, and choose <strong>Create Client</strong> under API Clients.</>,
      <>Any name and any redirect URL will do; save. Copy its <strong>Client ID</strong> and <strong>Client Secret</strong>.</>,
      <>Paste both below and press <strong>Test and save</strong>.</>,
    ],
  },
]

/** A text to paste elsewhere, with a button that copies it. */
function CopyText({ text, testId }: { text: string; testId: string }) {
  const [copied, setCopied] = useState(false)
  return (
    <>
      <code data-testid={testId}>{text}</code>{' '}
      <button
        type="button"
        className="ghost small-button"
        onClick={() =>
          void navigator.clipboard?.writeText(text).then(
            () => setCopied(true),
            () => undefined,
          )
        }
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </>
  )
}

/** When the "one step from a slot" reminder comes before each reset (off, or 2–48 hours). */
function ReminderHours({ value, disabled, onChange }: { value: number | null; disabled: boolean; onChange: (hours: number | null) => void }) {
  return (
    <label className="field-row">
      <span>Remind me before each reset who is one step from a vault slot</span>
      <select value={value === null ? 'off' : String(value)} disabled={disabled} onChange={(e) => onChange(e.target.value === 'off' ? null : Number(e.target.value))}>
        <option value="off">Off</option>
        {HOURS_BEFORE_RESET.map((h) => (
          <option key={h} value={h}>
            {h} hours before
          </option>
        ))}
      </select>
    </label>
  )
}

/** API credentials, behaviour (notifications, tray, start at login, updates) and the logs. Secrets go to main once and never come back. */
export function SettingsView() {
  const settings = useVault((s) => s.settings)
  const updateSettings = useVault((s) => s.updateSettings)
  const heading = usePageHeading('Settings')
  return (
    <div className="settings">
      <h1 ref={heading} tabIndex={-1}>Settings</h1>
      {settings.state === 'ready' ? <SettingsForms value={settings.value} updateSettings={updateSettings} /> : <p className="muted">{settings.state === 'loading' ? 'Loading settings…' : settings.error.message}</p>}
    </div>
  )
}

function SettingsForms({ value, updateSettings }: { value: Settings; updateSettings: (patch: SettingsUpdate) => Promise<void> }) {
  const info = useVault((s) => s.info)
  const openLogsFolder = useVault((s) => s.openLogsFolder)
  const logsFolder = info.state === 'ready' ? info.value.logsFolder : null
  return (
    <>
      {value.secureStorage !== 'encrypted' && (
        <div role="alert" className="warning-banner" data-testid="storage-warning">
          {value.secureStorage === 'plaintext'
            ? 'This system has no secure secret store (no keyring). Credentials are only saved if you tick "Save without encryption" for them; the VAULT_* environment variables are the safer choice.'
            : 'This system cannot store secrets. Set the VAULT_* environment variables instead.'}
        </div>
      )}
      {SOURCES.map((source) => (
        <CredentialsForm key={source.id} source={source} settings={value} />
      ))}
      <RaiderIoKeySettings value={value.raiderioKey} />
      <section className="panel" aria-labelledby="prefs-heading">
        <h2 id="prefs-heading">Behaviour</h2>
        <label className="toggle">
          <input type="checkbox" checked={value.notifications} onChange={(e) => void updateSettings({ notifications: e.target.checked })} />
          <span>Notify me when a character unlocks a new vault slot, when vaults wait after a reset, and before a reset</span>
        </label>
        <ReminderHours value={value.reminderHours} disabled={!value.notifications} onChange={(reminderHours) => void updateSettings({ reminderHours })} />
        <label className="toggle">
          <input type="checkbox" checked={value.closeToTray} onChange={(e) => void updateSettings({ closeToTray: e.target.checked })} />
          <span>Keep running in the tray when the window is closed (hourly sync continues)</span>
        </label>
        <label className="toggle">
          <input type="checkbox" checked={value.startAtLogin} onChange={(e) => void updateSettings({ startAtLogin: e.target.checked })} />
          <span>Start with my computer, in the tray (vaults stay up to date without opening the app)</span>
        </label>
        <label className="toggle">
          <input type="checkbox" checked={value.autoUpdate} onChange={(e) => void updateSettings({ autoUpdate: e.target.checked })} />
          <span>Keep Vault Companion up to date (checks daily, installs when you quit)</span>
        </label>
      </section>
      <TrackedQuests quests={value.trackedQuests} />
      <OfficerDigestSettings value={value.officerDigest} updateSettings={updateSettings} />
      <GameFolderSettings wowDir={value.wowDir} game={value.game} updateSettings={updateSettings} />
      <ImportPortSettings value={value} updateSettings={updateSettings} />
      {info.state === 'ready' && info.value.seasonTables && <SeasonTables {...info.value.seasonTables} />}
      {logsFolder && (
        <section className="panel" aria-labelledby="logs-heading">
          <h2 id="logs-heading">Logs</h2>
          <p className="muted small">
            Every sync, source error and unexpected error is written to <code data-testid="logs-folder">{logsFolder}</code>. Attach the newest file when you report a problem.
          </p>
          <button type="button" onClick={() => void openLogsFolder()}>
            Open logs folder
          </button>
        </section>
      )}
    </>
  )
}

function CredentialsForm({ source, settings }: { source: (typeof SOURCES)[number]; settings: Settings }) {
  const saveCredentials = useVault((s) => s.saveCredentials)
  const clearCredentials = useVault((s) => s.clearCredentials)
  const [clientId, setClientId] = useState('')
  const [clientSecret, setClientSecret] = useState('')
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [withoutEncryption, setWithoutEncryption] = useState(false)
  const state = settings.credentials[source.id]
  const plaintext = settings.secureStorage === 'plaintext'

  async function submit(event: FormEvent) {
    event.preventDefault()
    const result = await saveCredentials(source.id, clientId, clientSecret, plaintext && withoutEncryption)
    setMessage(result.ok ? { ok: true, text: 'They work, and are saved. The next sync uses them.' } : { ok: false, text: result.error.message })
    // The secret never stays in the page, saved or not.
    setClientSecret('')
    if (result.ok) setClientId('')
  }

  return (
    <section className="panel" aria-labelledby={`${source.id}-heading`}>
      <h2 id={`${source.id}-heading`}>{source.name}</h2>
      <p className="small">Adds {source.adds}</p>
      <p data-testid={`${source.id}-configured`} className={state.configured ? 'ok-text' : 'warning-text'}>
        {state.configured ? (state.from === 'environment' ? 'Set up (by the VAULT_ settings of your system)' : 'Set up') : 'Not set up yet'}
      </p>
      {!state.configured && (
        <ol className="setup-steps" data-testid={`${source.id}-steps`}>
          {source.steps(settings.importRedirectUri).map((step, i) => (
            <li key={i}>{step}</li>
          ))}
          <li>
            <a href={source.url} target="_blank" rel="noreferrer">
              Open {new URL(source.url).hostname}
            </a>
          </li>
        </ol>
      )}
      {state.from !== 'environment' && (
        <form className="credentials-form" onSubmit={submit} aria-label={`${source.name} credentials`}>
          <label>
            <span>Client ID</span>
            <input value={clientId} onChange={(e) => setClientId(e.target.value)} autoComplete="off" spellCheck={false} />
          </label>
          <label>
            <span>Client secret</span>
            <input type="password" value={clientSecret} onChange={(e) => setClientSecret(e.target.value)} autoComplete="off" />
          </label>
          {plaintext && (
            <label className="toggle">
              <input type="checkbox" checked={withoutEncryption} onChange={(e) => setWithoutEncryption(e.target.checked)} />
              <span>Save without encryption (this system has no keyring)</span>
            </label>
          )}
          <div className="form-buttons">
            <button type="submit" className="primary" disabled={!clientId.trim() || !clientSecret.trim() || (plaintext && !withoutEncryption)}>
              Test and save
            </button>
            {state.configured && (
              <button type="button" className="ghost" onClick={() => void clearCredentials(source.id)}>
                Remove saved credentials
              </button>
            )}
          </div>
          {message && <p className={message.ok ? 'ok-text' : 'form-failure'} role="status">{message.text}</p>}
        </form>
      )}
    </section>
  )
}

/**
 * The weekly quests every character's board shows as done / not done. The id is Blizzard's (Wowhead
 * shows it in the quest's address); main checks both fields again and says what to fix.
 */
function TrackedQuests({ quests }: { quests: Settings['trackedQuests'] }) {
  const trackQuest = useVault((s) => s.trackQuest)
  const untrackQuest = useVault((s) => s.untrackQuest)
  const [id, setId] = useState('')
  const [name, setName] = useState('')
  const [failure, setFailure] = useState<string | null>(null)
  async function submit(event: FormEvent) {
    event.preventDefault()
    const result = await trackQuest(Number(id), name)
    setFailure(result.ok ? null : result.error.message)
    if (result.ok) {
      setId('')
      setName('')
    }
  }
  return (
    <section className="panel" aria-labelledby="quests-heading" data-testid="tracked-quests">
      <h2 id="quests-heading">Weekly quests</h2>
      <p className="muted small">
        Quests every character is checked for each week, from Blizzard's completed quests (as of each character's last logout). Use weekly quests: a one-time quest stays done.
      </p>
      {quests.length === 0 ? (
        <p className="muted small">None tracked yet.</p>
      ) : (
        <ul className="quest-list">
          {quests.map((q) => (
            <li key={q.id}>
              {q.name} <span className="muted small">(quest {q.id})</span>{' '}
              <button type="button" className="ghost small-button" aria-label={`Stop tracking ${q.name}`} onClick={() => void untrackQuest(q.id)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="form-row" aria-label="Track a weekly quest" onSubmit={submit}>
        <div className="field">
          <label htmlFor="quest-id">Quest id</label>
          <input id="quest-id" inputMode="numeric" value={id} onChange={(e) => setId(e.target.value.replace(/\D/g, '').slice(0, 8))} />
        </div>
        <div className="field">
          <label htmlFor="quest-name">Name</label>
          <input id="quest-name" value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" disabled={!id || !name.trim()}>
          Track quest
        </button>
      </form>
      <FormFailure message={failure} />
    </section>
  )
}

/** The Battle.net sign-in's loopback port, with the exact redirect URL to register on the Blizzard client. */
function ImportPortSettings({ value, updateSettings }: { value: Settings; updateSettings: (patch: SettingsUpdate) => Promise<void> }) {
  const [port, setPort] = useState(String(value.importPort))
  const valid = /^\d+$/.test(port) && Number(port) >= 1024 && Number(port) <= 65535
  return (
    <details className="panel" aria-labelledby="import-port-heading">
      <summary id="import-port-heading">Battle.net sign-in port (change it only if signing in fails)</summary>
      <p className="muted small">
        Importing your characters sends your browser back to Vault Companion on this port. If another program uses it, pick another here and paste the new redirect URL on your Blizzard client.
      </p>
      <form
        className="form-row"
        aria-label="Sign-in port"
        onSubmit={(e) => {
          e.preventDefault()
          if (valid) void updateSettings({ importPort: Number(port) })
        }}
      >
        <div className="field">
          <label htmlFor="import-port">Port</label>
          <input id="import-port" inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value.replace(/\D/g, ''))} aria-invalid={!valid} />
        </div>
        <button type="submit" disabled={!valid || Number(port) === value.importPort}>
          Save port
        </button>
      </form>
    </details>
  )
}

/** Which season tables price the vault, and any dropped-in file that was refused (README "Season tables"). */
function SeasonTables({ tables, problems }: NonNullable<AppInfo['seasonTables']>) {
  return (
    <section className="panel" aria-labelledby="season-tables-heading" data-testid="season-tables">
      <h2 id="season-tables-heading">Season tables</h2>
      <p className="muted small">The item levels of each season's vault. A table dropped into the data folder's season-tables folder replaces the built-in one of its season while it is not older than it and not dated in the future.</p>
      <ul>
        {tables.map((t) => (
          <li key={t.id}>
            {t.name} — checked {t.updated} ({t.from === 'shipped' ? 'built in' : `${t.file} from the data folder: ${t.why}`})
          </li>
        ))}
      </ul>
      {problems.map((p) => (
        <p key={p} className="warning-text">{p}</p>
      ))}
    </section>
  )
}
