/**
 * Draws the app and tray icons (a gold vault door on a dark rounded square) as PNGs with no
 * dependencies, so they can be regenerated: node scripts/make-icons.ts
 */
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

function crc32(buffer: Buffer): number {
  let crc = ~0
  for (const byte of buffer) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return ~crc >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const rows: Buffer[] = []
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4)
    for (let x = 0; x < size; x++) row.set(pixel((x + 0.5) / size, (y + 0.5) / size), 1 + x * 4)
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))])
}

const GOLD: [number, number, number, number] = [229, 192, 123, 255]
const DARK: [number, number, number, number] = [23, 26, 33, 255]
const CLEAR: [number, number, number, number] = [0, 0, 0, 0]

/** x, y in 0..1. A rounded dark square, a gold ring (the door), spokes and a hub. */
function vault(x: number, y: number): [number, number, number, number] {
  const dx = x - 0.5
  const dy = y - 0.5
  const corner = Math.max(Math.abs(dx) - 0.32, 0) ** 2 + Math.max(Math.abs(dy) - 0.32, 0) ** 2
  if (corner > 0.16 ** 2) return CLEAR
  const r = Math.hypot(dx, dy)
  if (r > 0.33 && r < 0.41) return GOLD
  if (r < 0.09) return GOLD
  const angle = Math.atan2(dy, dx)
  const spoke = Math.abs(Math.sin(angle * 3)) < 0.12 && r < 0.33
  return spoke ? GOLD : DARK
}

/** macOS menu-bar template: black and transparent only (macOS tints it for light and dark bars). */
function template(x: number, y: number): [number, number, number, number] {
  return vault(x, y) === GOLD ? [0, 0, 0, 255] : CLEAR
}

/** A Windows .ico holding PNG images (Windows Vista and later read them), 256 px stored as size 0. */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(images.length, 4)
  let offset = 6 + 16 * images.length
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16)
    entry.writeUInt8(size >= 256 ? 0 : size, 0)
    entry.writeUInt8(size >= 256 ? 0 : size, 1)
    entry.writeUInt16LE(1, 4)
    entry.writeUInt16LE(32, 6)
    entry.writeUInt32LE(data.length, 8)
    entry.writeUInt32LE(offset, 12)
    offset += data.length
    return entry
  })
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)])
}

writeFileSync('build/icon.png', png(512, vault))
writeFileSync('build/tray.png', png(32, vault))
writeFileSync('build/trayTemplate.png', png(16, template))
writeFileSync('build/trayTemplate@2x.png', png(32, template))
writeFileSync('build/icon.ico', ico([16, 32, 48, 256].map((size) => ({ size, data: png(size, vault) }))))
console.log('wrote build/icon.png, build/tray.png, build/trayTemplate.png (+@2x) and build/icon.ico')
