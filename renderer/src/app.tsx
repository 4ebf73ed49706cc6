import { useEffect } from 'react'
import { ErrorBanner } from './components/error-banner.tsx'
import { SyncControl } from './components/sync-control.tsx'
import { subscribeToMain, useVault } from './state/store.ts'
import { CharacterView } from './views/character-view.tsx'
import { BoardView } from './views/board/board-view.tsx'
import { ImportView } from './views/import-view.tsx'
import { SettingsView } from './views/settings-view.tsx'

/** The window: header with navigation and Sync all, a notice banner, and the current screen. */
export function App() {
  const route = useVault((s) => s.route)
  const info = useVault((s) => s.info)
  const notice = useVault((s) => s.notice)
  const navigate = useVault((s) => s.navigate)
  const dismissNotice = useVault((s) => s.dismissNotice)
  const update = useVault((s) => s.update)

  useEffect(() => {
    const unsubscribe = subscribeToMain()
    // The stored vaults show at once; syncs update them through data:changed.
    void useVault.getState().loadAll()
    return unsubscribe
  }, [])

  const database = info.state === 'ready' && !info.value.database.ok ? info.value.database.error : null
  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href="#/" onClick={(e) => { e.preventDefault(); navigate({ name: 'overview' }) }}>
          Vault Companion
        </a>
        <nav className="app-nav" aria-label="Main">
          <a href="#/" aria-current={route.name === 'overview' ? 'page' : undefined} onClick={(e) => { e.preventDefault(); navigate({ name: 'overview' }) }}>
            Characters
          </a>
          <a href="#/import" aria-current={route.name === 'import' ? 'page' : undefined} onClick={(e) => { e.preventDefault(); navigate({ name: 'import' }) }}>
            Import
          </a>
          <a href="#/settings" aria-current={route.name === 'settings' ? 'page' : undefined} onClick={(e) => { e.preventDefault(); navigate({ name: 'settings' }) }}>
            Settings
          </a>
        </nav>
        <div className="header-actions">
          {info.state === 'ready' && <span className="muted small">v{info.value.version}</span>}
          <SyncControl disabled={database !== null} />
        </div>
      </header>
      <main className={route.name === 'overview' ? 'wide' : undefined}>
        {database && <ErrorBanner error={database} />}
        {info.state === 'failed' && <ErrorBanner error={info.error} />}
        {notice && <ErrorBanner error={notice} onDismiss={dismissNotice} />}
        {update.state === 'ready' && (
          <p role="status" className="info-banner" data-testid="update-ready">
            Version {update.version} is ready: it installs when you quit Vault Companion.
          </p>
        )}
        {route.name === 'overview' && <BoardView />}
        {route.name === 'character' && <CharacterView id={route.id} />}
        {route.name === 'settings' && <SettingsView />}
        {route.name === 'import' && <ImportView />}
      </main>
    </div>
  )
}
