import { useState, type FormEvent } from 'react'
import type { SettingsView } from '../../../../shared/ipc-api.ts'
import { useVault } from '../../state/store.ts'

/**
 * Raider.IO's optional access key: Raider.IO works without one; with one, the app may ask it three
 * times as often (600 a minute instead of 200), which a large roster notices. Saved encrypted; the
 * window never gets it back.
 */
export function RaiderIoKeySettings({ value }: { value: SettingsView['raiderioKey'] }) {
  const saveKey = useVault((s) => s.saveRaiderIoKey)
  const clearKey = useVault((s) => s.clearRaiderIoKey)
  const [key, setKey] = useState('')
  const [failure, setFailure] = useState<string | null>(null)
  async function save(event: FormEvent) {
    event.preventDefault()
    const result = await saveKey(key)
    setFailure(result.ok ? null : result.error.message)
    if (result.ok) setKey('')
  }
  return (
    <section className="panel" aria-labelledby="raiderio-key-heading" data-testid="raiderio-key">
      <h2 id="raiderio-key-heading">Raider.IO access key (optional)</h2>
      <p className="muted small">Raider.IO needs no key. With one from your Raider.IO account, a large roster syncs faster (600 Raider.IO requests a minute instead of 200).</p>
      {value.from === 'environment' ? (
        <p className="ok-text">Set (by the VAULT_ settings of your system)</p>
      ) : value.configured ? (
        <p className="ok-text" data-testid="raiderio-key-saved">
          Saved{' '}
          <button type="button" className="ghost small-button" onClick={() => void clearKey()}>
            Remove
          </button>
        </p>
      ) : (
        <form className="form-row" aria-label="Raider.IO access key" onSubmit={save}>
          <div className="field">
            <label htmlFor="raiderio-key-input">Access key</label>
            <input id="raiderio-key-input" type="password" autoComplete="off" value={key} maxLength={200} onChange={(e) => setKey(e.target.value)} />
          </div>
          <button type="submit" disabled={!key.trim()}>
            Save
          </button>
        </form>
      )}
      {failure && (
        <p className="form-failure" role="status">
          {failure}
        </p>
      )}
    </section>
  )
}
