import { useRef, useState } from 'react'

/** A destructive action that asks once more before it runs; Escape or Cancel goes back, focus returns to the trigger. */
export function ConfirmButton({ label, confirmLabel, onConfirm }: { label: string; confirmLabel: string; onConfirm: () => void }) {
  const [asking, setAsking] = useState(false)
  const trigger = useRef<HTMLButtonElement>(null)
  const cancel = () => {
    setAsking(false)
    // After the confirmation closes, the button that opened it takes the focus back.
    queueMicrotask(() => trigger.current?.focus())
  }
  if (!asking) {
    return (
      <button ref={trigger} type="button" className="danger-outline" onClick={() => setAsking(true)}>
        {label}
      </button>
    )
  }
  return (
    <span className="confirm" role="group" aria-label="Confirm" onKeyDown={(e) => e.key === 'Escape' && cancel()}>
      <button type="button" className="danger" onClick={onConfirm}>
        {confirmLabel}
      </button>
      <button type="button" className="ghost" onClick={cancel} autoFocus>
        Cancel
      </button>
    </span>
  )
}
