import { useRef, useState, type KeyboardEvent } from 'react'
import { useVault } from '../state/store.ts'
import { AddCharacterForm } from './add-character-form.tsx'

/** "Add a character" opens a compact bar with the form; Escape closes it and gives focus back. */
export function AddCharacterBar() {
  const addCharacter = useVault((s) => s.addCharacter)
  const navigate = useVault((s) => s.navigate)
  const [open, setOpen] = useState(false)
  const trigger = useRef<HTMLButtonElement>(null)
  const close = () => {
    setOpen(false)
    trigger.current?.focus()
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close()
  }
  return (
    <div className="add-bar">
      <button ref={trigger} type="button" className="primary" aria-expanded={open} aria-controls="add-character-panel" onClick={() => (open ? close() : setOpen(true))}>
        {open ? 'Close' : 'Add a character'}
      </button>{' '}
      <button type="button" onClick={() => navigate({ name: 'import' })}>
        Import characters
      </button>
      {open && (
        <section id="add-character-panel" className="panel add-panel" aria-label="Track a character" onKeyDown={onKeyDown}>
          <AddCharacterForm onAdd={addCharacter} autoFocus />
        </section>
      )}
    </div>
  )
}
