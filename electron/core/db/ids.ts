import { randomBytes } from 'node:crypto'

let lastMs = -1
let counter = 0

/**
 * UUIDv7 (RFC 9562): 48-bit millisecond time, then a 12-bit counter in `rand_a` (method 1), so
 * ids made in the same millisecond still sort in creation order, then 62 random bits. The
 * lower-case text form sorts like the time, which keeps the primary key index append-mostly.
 */
export function newSortableId(now: number = Date.now()): string {
  const random = randomBytes(16)
  if (now > lastMs) {
    lastMs = now
    // Start the counter low (11 random bits) so it has room to count within the millisecond.
    counter = random.readUInt16BE(6) & 0x07ff
  } else {
    counter += 1
    if (counter > 0x0fff) {
      // Counter exhausted (or the clock went back): borrow the next millisecond.
      lastMs += 1
      counter = 0
    }
  }
  const bytes = Buffer.alloc(16)
  bytes.writeUIntBE(lastMs, 0, 6)
  bytes[6] = 0x70 | (counter >> 8)
  bytes[7] = counter & 0xff
  random.copy(bytes, 8, 8, 16)
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export const sortableIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
