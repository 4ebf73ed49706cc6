import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { catchProcessErrors } from '../../../main/desktop/process-errors.ts'
import { createLineLogger } from '../../../main/logging.ts'

function setUp() {
  const proc = new EventEmitter()
  const lines: string[] = []
  const actions = { log: createLineLogger((line) => lines.push(line)), showFatal: vi.fn(), exit: vi.fn(), logsFolder: '/home/p/.config/Vault Companion/logs' }
  catchProcessErrors(proc, actions)
  return { proc, lines, actions }
}

describe('main-process errors', () => {
  it('logs an uncaught exception with its stack, tells the player where the details are, and exits', () => {
    const { proc, lines, actions } = setUp()
    proc.emit('uncaughtException', new Error('boom in main'))
    expect(lines.join('')).toMatch(/error uncaught exception error="Error: boom in main\\n\s+at /)
    expect(actions.showFatal).toHaveBeenCalledOnce()
    const [title, message] = actions.showFatal.mock.calls[0] as [string, string]
    expect(title).toBe('Vault Companion has to close')
    expect(message).toContain('/home/p/.config/Vault Companion/logs')
    expect(message).not.toContain('boom in main')
    expect(actions.exit).toHaveBeenCalledWith(1)
  })

  it('shows the dialog once even if more errors follow while exiting', () => {
    const { proc, lines, actions } = setUp()
    proc.emit('uncaughtException', new Error('first'))
    proc.emit('uncaughtException', new Error('second'))
    expect(actions.showFatal).toHaveBeenCalledOnce()
    expect(lines).toHaveLength(2)
  })

  it('logs an unhandled rejection without closing the app', () => {
    const { proc, lines, actions } = setUp()
    proc.emit('unhandledRejection', 'a plain reason')
    expect(lines.join('')).toContain('unhandled promise rejection error="a plain reason"')
    expect(actions.showFatal).not.toHaveBeenCalled()
    expect(actions.exit).not.toHaveBeenCalled()
  })
})
