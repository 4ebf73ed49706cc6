import { AddCharacterForm } from '../components/add-character-form.tsx'
import { useVault } from '../state/store.ts'

const SOURCES = [
  { name: 'Raider.IO', adds: 'Mythic+ runs for the Dungeons row (needs no key).', without: 'Without it, dungeon runs come only from Blizzard, best run per dungeon.' },
  { name: 'Blizzard', adds: 'every raid kill, logged or not, the World row (delves, Prey, world activities) and Heroic dungeon runs.', without: 'Without it, the raid row comes only from logs and the World row stays unknown.' },
  { name: 'Warcraft Logs', adds: 'raid kills the moment they are logged, and your parses.', without: 'Without it, a kill shows once Blizzard has it (after a logout).' },
]

/** The first screen: what the app does, what each source adds and what stays unknown without it, and the form. */
export function Welcome() {
  const addCharacter = useVault((s) => s.addCharacter)
  const navigate = useVault((s) => s.navigate)
  return (
    <div className="welcome" data-testid="empty-characters">
      <p>No characters tracked yet. Add one: its Great Vault fills itself, with no addon and nothing to type in after this.</p>
      <section className="panel" aria-labelledby="add-heading">
        <h2 id="add-heading">Track a character</h2>
        <AddCharacterForm onAdd={addCharacter} />
        <p className="muted small">
          Several characters?{' '}
          <a href="#/import" onClick={(e) => { e.preventDefault(); navigate({ name: 'import' }) }}>
            Import them from your Battle.net account or a guild
          </a>{' '}
          instead of typing each one.
        </p>
      </section>
      <section className="panel" aria-labelledby="sources-intro-heading">
        <h2 id="sources-intro-heading">Where the vault comes from</h2>
        <ul className="source-intro">
          {SOURCES.map((s) => (
            <li key={s.name}>
              <strong>{s.name}</strong> adds {s.adds} <span className="muted">{s.without}</span>
            </li>
          ))}
        </ul>
        <p className="small" data-testid="works-without-keys">
          <strong>Works right away, with no keys:</strong> Raider.IO fills every character's Dungeons row with its Mythic+ runs this week, and gives its rating, class and guild. The raid and World rows stay unknown (never a false 0) until Blizzard is added.
        </p>
        <p className="muted small">
          Blizzard and Warcraft Logs each need a free API client of your own, made in a few minutes:{' '}
          <a href="#/settings" onClick={(e) => { e.preventDefault(); navigate({ name: 'settings' }) }}>
            follow the steps in Settings
          </a>
          .
        </p>
      </section>
    </div>
  )
}
