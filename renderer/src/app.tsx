import { useEffect, useState } from 'react'
import type { AppInfo, CharacterSummary } from '../../shared/ipc-api.ts'
import { ERROR_HEADLINES } from '../../shared/errors.ts'
import type { AppError } from '../../shared/result.ts'
import { bridge } from './bridge.ts'

type Load<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: AppError }

/** App shell: database status and the tracked characters read from the local store. */
export function App() {
  const [info, setInfo] = useState<Load<AppInfo>>({ state: 'loading' })
  const [characters, setCharacters] = useState<Load<CharacterSummary[]>>({ state: 'loading' })

  useEffect(() => {
    const api = bridge()
    void api.getAppInfo().then((r) => setInfo(r.ok ? { state: 'ready', value: r.value } : { state: 'failed', error: r.error }))
    void api.listCharacters().then((r) => setCharacters(r.ok ? { state: 'ready', value: r.value } : { state: 'failed', error: r.error }))
  }, [])

  return (
    <div className="app">
      <header className="app-header">
        <h1>Vault Companion</h1>
        {info.state === 'ready' && <span className="version">v{info.value.version}</span>}
      </header>
      <main>
        {info.state === 'ready' && !info.value.database.ok && <ErrorBanner error={info.value.database.error} />}
        {info.state === 'failed' && <ErrorBanner error={info.error} />}
        <section aria-labelledby="characters-heading" className="panel">
          <h2 id="characters-heading">Characters</h2>
          <CharacterList characters={characters} />
        </section>
      </main>
    </div>
  )
}

function CharacterList({ characters }: { characters: Load<CharacterSummary[]> }) {
  if (characters.state === 'loading') return <p className="muted">Loading your characters…</p>
  if (characters.state === 'failed') return <p className="muted">Your characters could not be loaded.</p>
  if (characters.value.length === 0) {
    return (
      <p className="empty" data-testid="empty-characters">
        No characters tracked yet.
      </p>
    )
  }
  return (
    <ul className="character-list">
      {characters.value.map((c) => (
        <li key={c.id} data-testid="character">
          <span className="character-name">{c.name}</span>
          <span className="character-realm">
            {c.realm} · {c.region.toUpperCase()}
          </span>
        </li>
      ))}
    </ul>
  )
}

function ErrorBanner({ error }: { error: AppError }) {
  return (
    <div role="alert" className="error-banner">
      <strong>{ERROR_HEADLINES[error.code]}</strong>
      <p>{error.message}</p>
    </div>
  )
}
