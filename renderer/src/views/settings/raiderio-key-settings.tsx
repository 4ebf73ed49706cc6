import type { SettingsView } from '../../../../shared/ipc-api.ts'
import { SecretField } from '../../components/secret-field.tsx'
import { useVault } from '../../state/store.ts'

/**
 * Raider.IO's optional access key: Raider.IO works without one; with one, the app may ask it three
 * times as often (600 a minute instead of 200), which a large roster notices. Saved encrypted; the
 * window never gets it back. One set in the environment wins and cannot be removed here.
 */
export function RaiderIoKeySettings({ value }: { value: SettingsView['raiderioKey'] }) {
  const saveKey = useVault((s) => s.saveRaiderIoKey)
  const clearKey = useVault((s) => s.clearRaiderIoKey)
  return (
    <section className="panel" aria-labelledby="raiderio-key-heading" data-testid="raiderio-key">
      <h2 id="raiderio-key-heading">Raider.IO access key (optional)</h2>
      <p className="muted small">Raider.IO needs no key. With one from your Raider.IO account, a large roster syncs faster (600 Raider.IO requests a minute instead of 200).</p>
      {value.from === 'environment' ? (
        <p className="ok-text">Set (by the VAULT_ settings of your system)</p>
      ) : (
        <SecretField id="raiderio-key-input" label="Access key" formLabel="Raider.IO access key" maxLength={200} saved={value.configured ? <span className="ok-text">Saved</span> : null} savedTestId="raiderio-key-saved" onSave={saveKey} onRemove={() => void clearKey()} />
      )}
    </section>
  )
}
