import type { CharacterOverview } from '../../../shared/ipc-api.ts'
import { AddCharacterForm } from '../components/add-character-form.tsx'
import { timeAgo } from '../components/format.ts'
import { VaultRow } from '../components/vault-slot.tsx'
import { useNow } from '../use-now.ts'
import { useVault } from '../state/store.ts'

/** Every tracked character with both rows at a glance, and the form to add one. */
export function Overview() {
  const characters = useVault((s) => s.characters)
  const addCharacter = useVault((s) => s.addCharacter)
  return (
    <div className="overview">
      <section className="panel" aria-labelledby="add-heading">
        <h2 id="add-heading">Track a character</h2>
        <AddCharacterForm onAdd={addCharacter} />
      </section>
      <section aria-labelledby="characters-heading">
        <h2 id="characters-heading" className="section-title">Characters</h2>
        {characters.state === 'loading' && <p className="muted">Loading your characters…</p>}
        {characters.state === 'failed' && <p className="muted">Your characters could not be loaded.</p>}
        {characters.state === 'ready' && characters.value.length === 0 && (
          <div className="empty" data-testid="empty-characters">
            <p>No characters tracked yet.</p>
            <p className="muted">Add one above: its vault fills itself from Blizzard, Warcraft Logs and Raider.IO.</p>
          </div>
        )}
        {characters.state === 'ready' && characters.value.length > 0 && (
          <ul className="character-grid">
            {characters.value.map((c) => (
              <li key={c.id}>
                <CharacterCard character={c} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}

function CharacterCard({ character }: { character: CharacterOverview }) {
  const navigate = useVault((s) => s.navigate)
  const now = useNow()
  const details = [character.specName, character.className].filter(Boolean).join(' ')
  return (
    <a className="character-card" href={`#/character/${character.id}`} data-testid="character" onClick={(e) => { e.preventDefault(); navigate({ name: 'character', id: character.id }) }}>
      <div className="character-card-head">
        <span className="character-name">{character.name}</span>
        <span className="muted">
          {character.realm} · {character.region.toUpperCase()}
        </span>
      </div>
      {(details || character.itemLevel) && (
        <div className="muted small">
          {details}
          {character.itemLevel ? ` · ilvl ${character.itemLevel}` : ''}
        </div>
      )}
      <VaultRow title="Raid" slots={character.raid} kind="raid" trust={character.trust.raid} compact />
      <VaultRow title="Dungeons" slots={character.dungeons} kind="dungeon" trust={character.trust.dungeons} compact />
      <VaultRow title="World" slots={character.world} kind="world" trust={character.trust.world} compact />
      <div className="character-card-foot small">
        <span className="muted">Synced {timeAgo(character.lastSyncedAt, now)}</span>
        {character.hasErrors && <span className="warning-text">Some sources failed</span>}
      </div>
    </a>
  )
}
