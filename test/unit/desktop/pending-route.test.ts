import { describe, expect, it } from 'vitest'
import { createPendingRoute } from '../../../main/desktop/pending-route.ts'

describe('pending route', () => {
  it('is taken once (a reload does not open it again), and a later link replaces an earlier one', () => {
    const route = createPendingRoute()
    expect(route.take()).toBeNull()
    route.set(3)
    route.set(7)
    expect(route.take()).toBe(7)
    expect(route.take()).toBeNull()
  })
})
