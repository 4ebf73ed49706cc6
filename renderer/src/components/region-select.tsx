import { REGIONS } from '../../../shared/domain/types.ts'

/**
 * A labelled region picker (US, EU, KR, TW, CN), as every form that names a character or guild needs;
 * `anyRegion` adds a first choice for "every region" (value '').
 */
export function RegionSelect({ id, value, onChange, disabled, autoFocus = false, anyRegion }: { id: string; value: string; onChange: (region: string) => void; disabled: boolean; autoFocus?: boolean; anyRegion?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>Region</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled} autoFocus={autoFocus}>
        {anyRegion !== undefined && <option value="">{anyRegion}</option>}
        {REGIONS.map((r) => (
          <option key={r} value={r}>
            {r.toUpperCase()}
          </option>
        ))}
      </select>
    </div>
  )
}
