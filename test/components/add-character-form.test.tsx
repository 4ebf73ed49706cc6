import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AddCharacterForm } from '../../renderer/src/components/add-character-form.tsx'
import type { CharacterOverview } from '../../shared/ipc-api.ts'
import { err, ok } from '../../shared/result.ts'

afterEach(cleanup)

const realm = () => screen.getByRole('textbox', { name: 'Realm' })
const name = () => screen.getByRole('textbox', { name: 'Character' })
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Add character' }))

describe('AddCharacterForm', () => {
  it('shows inline errors from the shared rules and does not call main while input is invalid', () => {
    const onAdd = vi.fn()
    render(<AddCharacterForm onAdd={onAdd} />)
    fireEvent.change(name(), { target: { value: 'Thr4ll' } })
    fireEvent.blur(name())
    expect(screen.getByText('Character names contain only letters; "4" is not allowed.')).toBeTruthy()
    expect(name().getAttribute('aria-invalid')).toBe('true')
    submit()
    expect(screen.getByText('Enter a realm name.')).toBeTruthy()
    expect(onAdd).not.toHaveBeenCalled()
  })

  it('sends region, realm and name as typed, then clears the form (the overview announces the character)', async () => {
    const onAdd = vi.fn(async () => ok({ name: 'Thrall' } as CharacterOverview))
    render(<AddCharacterForm onAdd={onAdd} />)
    fireEvent.change(screen.getByRole('combobox', { name: 'Region' }), { target: { value: 'eu' } })
    fireEvent.change(realm(), { target: { value: "Mal'Ganis" } })
    fireEvent.change(name(), { target: { value: 'thrall' } })
    submit()
    await waitFor(() => expect((realm() as HTMLInputElement).value).toBe(''))
    expect(onAdd).toHaveBeenCalledWith({ region: 'eu', realm: "Mal'Ganis", name: 'thrall' })
    expect(screen.getByRole('status').textContent).toBe('')
  })

  it('shows main\'s refusal (e.g. character not found) and keeps what was typed', async () => {
    render(<AddCharacterForm onAdd={async () => err('UNKNOWN_CHARACTER', 'Raider.IO does not know Nobody on illidan (US).')} />)
    fireEvent.change(realm(), { target: { value: 'Illidan' } })
    fireEvent.change(name(), { target: { value: 'Nobody' } })
    submit()
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('does not know Nobody'))
    expect((name() as HTMLInputElement).value).toBe('Nobody')
  })
})
