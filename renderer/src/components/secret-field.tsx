import { useState, type FormEvent, type ReactNode } from 'react'
import type { Result } from '../../../shared/result.ts'
import { FormFailure } from './form-failure.tsx'

/**
 * A secret the player saves once (an access key, a webhook address): a password field and Save, or,
 * once saved, what it is (never the secret: main does not send it back) and Remove. A refusal from
 * main is said under the field.
 */
export function SecretField({ id, label, formLabel, maxLength, saved, savedTestId, onSave, onRemove }: {
  id: string
  label: string
  /** The form's accessible name. */
  formLabel: string
  maxLength: number
  /** What is saved, in words; null while nothing is. */
  saved: ReactNode | null
  savedTestId?: string
  onSave: (value: string) => Promise<Result<unknown>>
  onRemove: () => void
}) {
  const [value, setValue] = useState('')
  const [failure, setFailure] = useState<string | null>(null)
  async function save(event: FormEvent) {
    event.preventDefault()
    const result = await onSave(value)
    setFailure(result.ok ? null : result.error.message)
    if (result.ok) setValue('')
  }
  return (
    <>
      {saved !== null ? (
        <p data-testid={savedTestId}>
          {saved}{' '}
          <button type="button" className="ghost small-button" onClick={onRemove}>
            Remove
          </button>
        </p>
      ) : (
        <form className="form-row" aria-label={formLabel} onSubmit={save}>
          <div className="field grow">
            <label htmlFor={id}>{label}</label>
            <input id={id} type="password" autoComplete="off" value={value} maxLength={maxLength} onChange={(e) => setValue(e.target.value)} />
          </div>
          <button type="submit" disabled={!value.trim()}>
            Save
          </button>
        </form>
      )}
      <FormFailure message={failure} />
    </>
  )
}
