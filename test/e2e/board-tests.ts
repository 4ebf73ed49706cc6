import { expect, test } from '@playwright/test'
import { shot } from './shots.ts'

/**
 * The board in real Chromium over the real core: the reset countdown, the Next column, hide finished
 * (kept across a reload), the header and the character column that stay in view, the legend of the
 * marks, and an outage line that names the source without moving the rows. Imported by app.spec.ts,
 * whose serial run and reset before each test they share (one bridge server for both).
 */

test('the board says when each region resets, what each character does next, and hides the finished ones (still hidden after a reload)', async ({ page, request }) => {
  await request.post('/test/seed-roster?count=24')
  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.goto('/')
  const rows = page.getByTestId('character')
  await expect(rows).toHaveCount(24)
  // US, EU, KR and TW are all present: each reset is named.
  await expect(page.getByTestId('reset-countdown')).toHaveText(/^Reset in \d+ (d|h|min).*\(US\).*\(EU\).*\(KR\).*\(TW\)/)
  await expect(page.getByTestId('summary')).toHaveText(/^\d+ of 24 at 9\/9 · \d+ needs? raid bosses/)

  // The Next column, beside the rows: Guldan has nothing this week.
  await expect(page.getByRole('columnheader', { name: 'Next' })).toBeVisible()
  const guldan = rows.filter({ has: page.getByRole('link', { name: 'Guldan', exact: true }) })
  await expect(guldan.getByTestId('next')).toHaveText('1 dungeon → dungeon slot 1 · 2 bosses → raid slot 1')

  // At 1920×1080 at least twenty characters are on screen at once: one line each.
  const visible = await rows.evaluateAll((elements) => elements.filter((e) => e.getBoundingClientRect().bottom <= window.innerHeight).length)
  expect(visible).toBeGreaterThanOrEqual(20)
  const heights = await rows.evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().height))
  expect(Math.max(...heights)).toBeLessThanOrEqual(36)

  await page.getByRole('checkbox', { name: 'Hide finished' }).check()
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('lowestSlot')
  // Nobody has nine slots this week in this roster: all stay.
  await expect(rows).toHaveCount(24)
  await page.reload()
  await expect(page.getByRole('checkbox', { name: 'Hide finished' })).toBeChecked()
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('lowestSlot')
})

test('hide finished hides a character with all nine slots', async ({ page, request }) => {
  await request.post('/test/seed-roster')
  await request.post('/test/finish?name=Illidan')
  await page.goto('/')
  const rows = page.getByTestId('character')
  await expect(rows).toHaveCount(12)
  await expect(page.getByTestId('summary')).toHaveText(/^1 of 12 at 9\/9/)
  await page.getByRole('checkbox', { name: 'Hide finished' }).check()
  await expect(rows).toHaveCount(11)
  await expect(page.getByRole('link', { name: 'Illidan', exact: true })).toHaveCount(0)
})

test('with 120 characters the header row and the character column stay in view while the table scrolls', async ({ page, request }, testInfo) => {
  // 120 characters synced through the real core against the fakes, at the sources' own request limits.
  test.setTimeout(180_000)
  await request.post('/test/seed-roster?count=120', { timeout: 170_000 })
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('/')
  // The table counts all 120 for screen readers; only the lines in view (and a few around them) are built.
  await expect(page.getByRole('table', { name: 'Tracked characters' })).toHaveAttribute('aria-rowcount', '121')
  expect(await page.getByTestId('character').count()).toBeLessThan(60)
  await page.setViewportSize({ width: 1920, height: 1080 })
  await shot(page, testInfo, 'board-120')
  await page.setViewportSize({ width: 1280, height: 800 })
  const box = page.getByTestId('board-scroll')
  const header = page.getByRole('columnheader', { name: 'Raid' })
  const headerTop = (await header.boundingBox())!.y
  await box.evaluate((element) => element.scrollBy(0, 2000))
  await box.evaluate((element) => element.scrollBy(400, 0))
  // The header row has not moved, and the names are still where they were, while the cells scrolled away under them.
  expect((await header.boundingBox())!.y).toBeCloseTo(headerTop, 0)
  // The 66th character (aria-rowindex counts the header as 1) is now in view, its name at the box's left edge.
  const name = page.locator('tr[aria-rowindex="67"]').getByRole('rowheader')
  const boxLeft = (await box.boundingBox())!.x
  expect((await name.boundingBox())!.x).toBeLessThanOrEqual(boxLeft + 2)
  await expect(name).toBeInViewport()
})

test('the marks are explained once, and each has a name screen readers read', async ({ page, request }) => {
  await request.post('/test/seed-roster')
  await page.goto('/')
  const legend = page.getByTestId('legend')
  await expect(legend).toContainText('? unknown')
  await expect(legend).toContainText('+ at least')
  await expect(legend).toContainText('~ vault maybe opened')
  await expect(legend).toContainText('* unconfirmed value')
  // Anduin's raid row: nobody could check it — the "?" is an image named for what it means.
  const anduin = page.getByTestId('character').filter({ has: page.getByRole('link', { name: 'Anduin', exact: true }) })
  await expect(anduin.getByTestId('raid-row').getByRole('img', { name: /^Unknown: / })).toHaveText('?')
})

test('Raider.IO down: one line names it, says what the rows show meanwhile, keeps the raw answer behind Details, and moves no row', async ({ page, request }, testInfo) => {
  await request.post('/test/seed-roster')
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('/')
  const rows = page.getByTestId('character')
  await expect(rows).toHaveCount(12)
  const firstRowTop = (await rows.first().boundingBox())!.y
  await request.post('/test/outage?source=raiderio')
  const line = page.getByTestId('outage-raiderio')
  await expect(line).toContainText("Raider.IO is not answering since")
  await expect(line).toContainText("dungeon rows show Blizzard's best runs only")
  await expect(line.getByText(/HTTP 503/)).toBeHidden()
  await shot(page, testInfo, 'board-outage')
  await line.getByText('Details').click()
  await expect(line.getByText(/HTTP 503/).first()).toBeVisible()
  expect((await rows.first().boundingBox())!.y).toBeCloseTo(firstRowTop, 0)
  // Blizzard's line is its own: only Anduin's Blizzard fails in this roster.
  await expect(page.getByTestId('outage-blizzard')).toContainText('(1 character)')
})
