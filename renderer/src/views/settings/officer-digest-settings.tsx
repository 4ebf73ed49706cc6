import { useState } from 'react'
import { REGIONS, type Region } from '../../../../shared/domain/types.ts'
import type { OfficerDigestView, SettingsUpdate } from '../../../../shared/ipc-api.ts'
import { when } from '../../components/format.ts'
import { RegionSelect } from '../../components/region-select.tsx'
import { SecretField } from '../../components/secret-field.tsx'
import { HOURS_BEFORE_RESET } from './hours-before-reset.ts'
import { useVault } from '../../state/store.ts'
import './officer-digest-settings.css'
import { FormFailure } from '../../components/form-failure.tsx'

const isRegion = (value: string): value is Region => (REGIONS as readonly string[]).includes(value)

/**
 * The officer digest to Discord: the channel's webhook (saved encrypted; shown back only as a hint),
 * whose characters (a guild, a region), when before each reset, "Post now", and how the last post went.
 */
export function OfficerDigestSettings({ value, updateSettings }: { value: OfficerDigestView; updateSettings: (patch: SettingsUpdate) => Promise<void> }) {
  const saveWebhook = useVault((s) => s.saveOfficerWebhook)
  const clearWebhook = useVault((s) => s.clearOfficerWebhook)
  const postNow = useVault((s) => s.postOfficerDigestNow)
  const [guild, setGuild] = useState(value.guild ?? '')
  const [failure, setFailure] = useState<string | null>(null)
  const [posting, setPosting] = useState(false)
  const preferences = { hoursBeforeReset: value.hoursBeforeReset, region: value.region, guild: value.guild }

  async function post() {
    setPosting(true)
    const result = await postNow()
    setPosting(false)
    setFailure(result.ok ? null : result.error.message)
  }

  return (
    <section className="panel officer-digest" aria-labelledby="officer-digest-heading" data-testid="officer-digest">
      <h2 id="officer-digest-heading">Officer digest to Discord</h2>
      <p className="muted small">
        Before each reset, posts who still needs what (vaults waiting, one step from a slot, not checked, done) to a Discord channel, once per region and week. In Discord: channel settings → Integrations → Webhooks → New Webhook → Copy Webhook URL.
      </p>
      <SecretField
        id="officer-webhook-url"
        label="Webhook URL"
        formLabel="Discord webhook"
        maxLength={500}
        saved={value.configured ? <>Posting to <strong>{value.channelHint}</strong></> : null}
        savedTestId="officer-webhook"
        onSave={saveWebhook}
        onRemove={() => void clearWebhook()}
      />
      <div className="form-row">
        <div className="field">
          <label htmlFor="officer-when">When</label>
          <select id="officer-when" value={value.hoursBeforeReset} onChange={(e) => void updateSettings({ officerDigest: { ...preferences, hoursBeforeReset: Number(e.target.value) } })}>
            {HOURS_BEFORE_RESET.map((h) => (
              <option key={h} value={h}>
                {h} hours before each reset
              </option>
            ))}
          </select>
        </div>
        <RegionSelect id="officer-region" value={value.region ?? ''} anyRegion="All regions" disabled={false} onChange={(region) => void updateSettings({ officerDigest: { ...preferences, region: isRegion(region) ? region : null } })} />
        <form
          className="field"
          aria-label="Guild"
          onSubmit={(e) => {
            e.preventDefault()
            void updateSettings({ officerDigest: { ...preferences, guild: guild.trim() === '' ? null : guild.trim() } })
          }}
        >
          <label htmlFor="officer-guild">Guild (empty: every character)</label>
          <span className="inline">
            <input id="officer-guild" value={guild} maxLength={100} onChange={(e) => setGuild(e.target.value)} />
            <button type="submit" className="ghost small-button" disabled={(guild.trim() || null) === value.guild}>
              Apply
            </button>
          </span>
        </form>
      </div>
      <p>
        <button type="button" disabled={!value.configured || posting} onClick={() => void post()}>
          {posting ? 'Posting…' : 'Post now'}
        </button>
      </p>
      {value.lastPost && (
        <p className={`small ${value.lastPost.ok ? 'muted' : 'form-failure'}`} data-testid="officer-last-post">
          Last post, {when(value.lastPost.at)}: {value.lastPost.message}
        </p>
      )}
      <FormFailure message={failure} />
    </section>
  )
}
