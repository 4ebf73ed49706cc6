import { useState, type FormEvent } from 'react'
import { characterName, realmSlug } from '../../../shared/domain/realm.ts'
import type { CharacterOverview, NewCharacter } from '../../../shared/ipc-api.ts'
import type { Result } from '../../../shared/result.ts'
import { RegionSelect } from './region-select.tsx'

/**
 * Region, realm and name, checked as the player types (the same rules main applies), then checked
 * against the APIs by main: "character not found" is shown next to the form.
 */
export function AddCharacterForm({ onAdd, autoFocus = false }: { onAdd: (input: NewCharacter) => Promise<Result<CharacterOverview>>; autoFocus?: boolean }) {
  const [region, setRegion] = useState<string>('us')
  const [realm, setRealm] = useState('')
  const [name, setName] = useState('')
  const [touched, setTouched] = useState({ realm: false, name: false })
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  const realmCheck = realmSlug(realm)
  const nameCheck = characterName(name)
  const realmError = touched.realm && !realmCheck.ok ? realmCheck.error.message : null
  const nameError = touched.name && !nameCheck.ok ? nameCheck.error.message : null

  async function submit(event: FormEvent) {
    event.preventDefault()
    setTouched({ realm: true, name: true })
    if (!realmCheck.ok || !nameCheck.ok) return
    setBusy(true)
    setFailure(null)
    const result = await onAdd({ region, realm, name })
    setBusy(false)
    if (result.ok) {
      // The overview announces it: this form may close (or give way to the list) at once.
      setRealm('')
      setName('')
      setTouched({ realm: false, name: false })
    } else {
      setFailure(result.error.message)
    }
  }

  return (
    <form className="add-form" onSubmit={submit} noValidate aria-label="Add a character">
      <RegionSelect id="add-region" value={region} onChange={setRegion} disabled={busy} autoFocus={autoFocus} />
      <div className="field">
        <label htmlFor="add-realm">Realm</label>
        <input id="add-realm" value={realm} onChange={(e) => setRealm(e.target.value)} onBlur={() => setTouched((t) => ({ ...t, realm: true }))} placeholder="Area 52" aria-invalid={realmError !== null} aria-describedby="realm-error" disabled={busy} />
        <small id="realm-error" className="field-error">{realmError}</small>
      </div>
      <div className="field">
        <label htmlFor="add-name">Character</label>
        <input id="add-name" value={name} onChange={(e) => setName(e.target.value)} onBlur={() => setTouched((t) => ({ ...t, name: true }))} placeholder="Thrall" aria-invalid={nameError !== null} aria-describedby="name-error" disabled={busy} />
        <small id="name-error" className="field-error">{nameError}</small>
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Checking…' : 'Add character'}
      </button>
      <p className="form-message" role="status" aria-live="polite">
        {failure && <span className="form-failure">{failure}</span>}
      </p>
    </form>
  )
}
