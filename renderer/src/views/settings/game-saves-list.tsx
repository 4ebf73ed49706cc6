import { utcTime } from '../../../../shared/domain/labels.ts'
import type { GameSavesView } from '../../../../shared/ipc-api.ts'
import './game-saves-list.css'

const ROW_WORDS = { raid: 'raid', dungeons: 'dungeon', world: 'World' } as const

/**
 * The addons' saved files as the last read found them: what each gives, which were refused and why,
 * and where the game's item level differs from the season table's (the game's is shown on the board).
 */
export function GameSavesList({ saves }: { saves: GameSavesView | null }) {
  if (!saves) return <p className="game-saves muted small">The addons&apos; saved files have not been read yet: they are read at each sync.</p>
  if (saves.files.length === 0) return <p className="game-saves muted small">No AlterEgo, SavedInstances or WoWthing Collector saved files here: with one of them installed, the game&apos;s own vault shows after your next logout.</p>
  return (
    <div className="game-saves" data-testid="game-saves">
      <h3>The game&apos;s own vault, from addons (read {utcTime(saves.readAt)})</h3>
      <ul className="small">
        {saves.files.map((f) => (
          <li key={f.path}>
            {f.problem ? (
              <>
                <strong>{f.addon}</strong> (account {f.account}) not used: it {f.problem}.
              </>
            ) : (
              <>
                <strong>{f.addon}</strong> (account {f.account}): {f.characters} {f.characters === 1 ? 'character' : 'characters'}, {f.matched} tracked here. It gives {f.says}.
              </>
            )}
          </li>
        ))}
        {saves.unmatched.map((u) => (
          <li key={`${u.addon}:${u.name}`}>
            {u.addon}: {u.name} not matched ({u.why}).
          </li>
        ))}
      </ul>
      {saves.disagreements.length > 0 && (
        <>
          <h3>Where the game and the season table differ</h3>
          <ul className="small" data-testid="game-disagreements">
            {saves.disagreements.map((d) => (
              <li key={`${d.character.region}/${d.character.realm}/${d.character.name}/${d.row}/${d.slot}`}>
                {d.character.name} ({d.character.realmName ?? d.character.realm}), {ROW_WORDS[d.row]} slot {d.slot} at {d.at}: the game says {d.game}, the table {d.table ?? 'nothing'} ({d.addon}). The game&apos;s is shown.
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
