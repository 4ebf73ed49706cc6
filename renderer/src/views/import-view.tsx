import { useState, type FormEvent } from 'react'
import type { ImportCandidate, ImportList } from '../../../shared/ipc-api.ts'
import type { Result } from '../../../shared/result.ts'
import { bridge } from '../bridge.ts'
import { countOf } from '../../../shared/domain/labels.ts'
import { classCss } from '../components/format.ts'
import { Mark } from '../components/marks.tsx'
import { RegionSelect } from '../components/region-select.tsx'
import { useVault } from '../state/store.ts'
import { usePageHeading } from '../use-page-heading.ts'
import { ThisPcImport } from './import/this-pc-import.tsx'

const key = (c: ImportCandidate) => `${c.region}/${c.realm}/${c.name}`

/**
 * Characters without typing: sign in with Battle.net to list your own, list a guild's members, or
 * list the characters played on this PC; then tick who to track. Nothing is tracked until "Track" is pressed.
 */
export function ImportView() {
  const heading = usePageHeading('Import characters')
  const settings = useVault((s) => s.settings)
  const [list, setList] = useState<ImportList | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState<'account' | 'guild' | 'pc' | null>(null)

  async function find(kind: 'account' | 'guild' | 'pc', request: () => Promise<Result<ImportList>>) {
    setBusy(kind)
    setFailure(null)
    setList(null)
    const result = await request()
    setBusy(null)
    if (result.ok) setList(result.value)
    else setFailure(result.error.message)
  }

  const blizzardConfigured = settings.state === 'ready' && settings.value.credentials.blizzard.configured
  return (
    <div className="import-view">
      <h1 ref={heading} tabIndex={-1}>
        Import characters
      </h1>
      <div className="import-sources">
        <AccountImport busy={busy} blizzardConfigured={blizzardConfigured} redirectUri={settings.state === 'ready' ? settings.value.importRedirectUri : null} onFind={(region) => find('account', () => bridge().importAccount({ region }))} />
        <GuildImport busy={busy} blizzardConfigured={blizzardConfigured} onFind={(request) => find('guild', () => bridge().importGuild(request))} />
        <ThisPcImport game={settings.state === 'ready' ? settings.value.game : null} busy={busy} onFind={(region) => find('pc', () => bridge().importThisPc(region === undefined ? {} : { region }))} />
      </div>
      {failure && (
        <p role="alert" className="form-failure" data-testid="import-failure">
          {failure}
        </p>
      )}
      {list && <PickList key={list.title} list={list} />}
    </div>
  )
}

function AccountImport({ busy, blizzardConfigured, redirectUri, onFind }: { busy: string | null; blizzardConfigured: boolean; redirectUri: string | null; onFind: (region: string) => void }) {
  const [region, setRegion] = useState('us')
  const navigate = useVault((s) => s.navigate)
  return (
    <section className="panel" aria-labelledby="account-import-heading">
      <h2 id="account-import-heading">From my Battle.net account</h2>
      <p className="muted small">
        Your browser opens Blizzard's sign-in page; after you allow access, every character of every World of Warcraft account on that login is listed here. The sign-in is used once and not kept.
      </p>
      {!blizzardConfigured ? (
        <p className="warning-text">
          This uses your own Blizzard API client.{' '}
          <a href="#/settings" onClick={(e) => { e.preventDefault(); navigate({ name: 'settings' }) }}>
            Add its credentials in Settings
          </a>{' '}
          first.
        </p>
      ) : (
        <>
          {redirectUri && (
            <p className="muted small" data-testid="redirect-uri">
              Your client at{' '}
              <a href="https://develop.battle.net/access/clients" target="_blank" rel="noreferrer">
                develop.battle.net
              </a>{' '}
              must list <code>{redirectUri}</code> as a redirect URL (the port can be changed in Settings).
            </p>
          )}
          <div className="form-row">
            <RegionSelect id="account-region" value={region} onChange={setRegion} disabled={busy !== null} />
            <button type="button" className="primary" onClick={() => onFind(region)} disabled={busy !== null}>
              Sign in with Battle.net
            </button>
            {busy === 'account' && (
              <>
                <span role="status" className="muted">
                  Waiting for you to sign in in your browser…
                </span>
                <button type="button" className="ghost" onClick={() => void bridge().cancelImport()}>
                  Cancel
                </button>
              </>
            )}
          </div>
        </>
      )}
    </section>
  )
}

function GuildImport({ busy, blizzardConfigured, onFind }: { busy: string | null; blizzardConfigured: boolean; onFind: (request: { region: string; realm: string; guild: string; maxRank?: number; minLevel?: number }) => void }) {
  const [region, setRegion] = useState('us')
  const [realm, setRealm] = useState('')
  const [guild, setGuild] = useState('')
  const [maxRank, setMaxRank] = useState('')
  const [minLevel, setMinLevel] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onFind({ region, realm, guild, ...(maxRank === '' ? {} : { maxRank: Number(maxRank) }), ...(minLevel === '' ? {} : { minLevel: Number(minLevel) }) })
  }
  return (
    <section className="panel" aria-labelledby="guild-import-heading">
      <h2 id="guild-import-heading">From a guild</h2>
      <p className="muted small">{blizzardConfigured ? "Members from Blizzard's guild roster." : "Members from Raider.IO's guild list (add Blizzard credentials for the full roster with levels)."}</p>
      <form className="import-guild-form" onSubmit={submit} aria-label="Find guild members">
        <RegionSelect id="guild-region" value={region} onChange={setRegion} disabled={busy !== null} />
        <div className="field">
          <label htmlFor="guild-realm">Realm</label>
          <input id="guild-realm" value={realm} onChange={(e) => setRealm(e.target.value)} placeholder="Area 52" disabled={busy !== null} />
        </div>
        <div className="field">
          <label htmlFor="guild-name">Guild</label>
          <input id="guild-name" value={guild} onChange={(e) => setGuild(e.target.value)} placeholder="Endless Climb" disabled={busy !== null} />
        </div>
        <div className="field">
          <label htmlFor="guild-rank">Ranks</label>
          <select id="guild-rank" value={maxRank} onChange={(e) => setMaxRank(e.target.value)} disabled={busy !== null}>
            <option value="">all</option>
            {[0, 1, 2, 3, 4, 5, 6, 7, 8].map((rank) => (
              <option key={rank} value={rank}>
                {rank === 0 ? 'guild master only' : `0 to ${rank}`}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="guild-level">Minimum level</label>
          <input id="guild-level" inputMode="numeric" value={minLevel} onChange={(e) => setMinLevel(e.target.value.replace(/\D/g, ''))} placeholder="any" disabled={busy !== null} />
        </div>
        <button type="submit" className="primary" disabled={busy !== null || !realm.trim() || !guild.trim()}>
          {busy === 'guild' ? 'Finding…' : 'Find members'}
        </button>
      </form>
    </section>
  )
}

function PickList({ list }: { list: ImportList }) {
  const open = list.candidates.filter((c) => !c.tracked)
  const [picked, setPicked] = useState<Set<string>>(() => new Set())
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const navigate = useVault((s) => s.navigate)
  const toggle = (c: ImportCandidate) =>
    setPicked((current) => {
      const next = new Set(current)
      if (next.has(key(c))) next.delete(key(c))
      else next.add(key(c))
      return next
    })
  const allPicked = open.length > 0 && open.every((c) => picked.has(key(c)))

  async function track() {
    setBusy(true)
    const picks = open.filter((c) => picked.has(key(c))).map(({ region, realm, realmName, name, className }) => ({ region, realm, realmName, name, className }))
    const result = await bridge().trackImported({ picks })
    setBusy(false)
    if (!result.ok) return setFailure(result.error.message)
    await useVault.getState().loadAll()
    // Navigating clears the last announcement, so this one comes after.
    navigate({ name: 'overview' })
    useVault.setState({ announcement: `${countOf(result.value.added, 'character')} added. Filling ${result.value.added === 1 ? 'its vault' : 'their vaults'}…` })
  }

  return (
    <section className="panel" aria-labelledby="pick-heading">
      <h2 id="pick-heading">{list.title}</h2>
      {list.notes.map((note) => (
        <p key={note} className="muted small">
          {note}
        </p>
      ))}
      {list.candidates.length === 0 ? (
        <p>No characters to import.</p>
      ) : (
        <table className="import-table">
          <thead>
            <tr>
              <th scope="col">
                <input type="checkbox" aria-label="Select all" checked={allPicked} disabled={open.length === 0} onChange={() => setPicked(allPicked ? new Set() : new Set(open.map(key)))} />
              </th>
              <th scope="col">Character</th>
              <th scope="col">Realm</th>
              <th scope="col">Class</th>
              <th scope="col">Level</th>
              {list.candidates.some((c) => c.rank !== null) && <th scope="col">Rank</th>}
            </tr>
          </thead>
          <tbody>
            {list.candidates.map((c) => (
              <tr key={key(c)} className={c.tracked ? 'muted' : undefined}>
                <td>{c.tracked ? <span className="small">tracked</span> : <input type="checkbox" aria-label={`Track ${c.name} (${c.realmName ?? c.realm})`} checked={picked.has(key(c))} onChange={() => toggle(c)} />}</td>
                <td className={classCss(c.className)}>{c.name}</td>
                <td>{c.realmName ?? c.realm}</td>
                <td>{c.className ?? <Mark kind="unknown" detail="the source did not say" />}</td>
                <td>{c.level ?? <Mark kind="unknown" detail="the source did not say" />}</td>
                {list.candidates.some((x) => x.rank !== null) && <td>{c.rank ?? <Mark kind="unknown" detail="the source did not say" />}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form-buttons">
        <button type="button" className="primary" onClick={() => void track()} disabled={busy || picked.size === 0}>
          {picked.size === 0 ? 'Tick characters to track' : `Track ${picked.size} character${picked.size === 1 ? '' : 's'}`}
        </button>
      </div>
      {failure && (
        <p role="alert" className="form-failure">
          {failure}
        </p>
      )}
    </section>
  )
}
