import { useState } from 'react'
import type { GameView, SettingsUpdate } from '../../../../shared/ipc-api.ts'
import { GameSavesList } from './game-saves-list.tsx'
import './game-folder-settings.css'

const FROM_WORDS: Record<NonNullable<GameView['from']>, string> = { option: 'the folder set here', environment: 'VAULT_WOW_DIR', 'usual place': 'its usual place' }

/**
 * The World of Warcraft folder: found in its usual place, or named here (Linux prefixes, other drives).
 * Read only: the app never writes into it. Says what was found there, and what the addons' files gave.
 */
export function GameFolderSettings({ wowDir, game, updateSettings }: { wowDir: string | null; game: GameView; updateSettings: (patch: SettingsUpdate) => Promise<void> }) {
  const [folder, setFolder] = useState(wowDir ?? '')
  return (
    <section className="panel game-folder" aria-labelledby="game-folder-heading" data-testid="game-folder">
      <h2 id="game-folder-heading">World of Warcraft on this PC</h2>
      <p className="muted small" data-testid="game-folder-found">
        {game.folder === null
          ? game.message
          : `Found ${game.folder} (${FROM_WORDS[game.from ?? 'usual place']}): ${game.characters === 1 ? 'one character' : `${game.characters ?? 0} characters`} played here${game.region ? `, region ${game.region.toUpperCase()}` : ''}. Import lists them under "From this PC".`}
      </p>
      <form
        className="form-row"
        aria-label="World of Warcraft folder"
        onSubmit={(e) => {
          e.preventDefault()
          void updateSettings({ wowDir: folder.trim() === '' ? null : folder.trim() })
        }}
      >
        <div className="field grow">
          <label htmlFor="wow-dir">Folder (the one with _retail_ in it; empty: the usual places)</label>
          <input id="wow-dir" value={folder} maxLength={500} spellCheck={false} onChange={(e) => setFolder(e.target.value)} />
        </div>
        <button type="submit" disabled={(folder.trim() || null) === wowDir}>
          Apply
        </button>
      </form>
      <GameSavesList saves={game.saves} />
    </section>
  )
}
