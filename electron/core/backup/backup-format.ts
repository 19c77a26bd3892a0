import { createHash } from 'node:crypto'
import { z } from 'zod'
import { BackupRefusal } from './backup-refusal'

/**
 * The backup file's clear header (see docs/backup.md):
 *
 *   magic (16 bytes) | format version (u16 BE) | header length (u32 BE) | header JSON
 *
 * followed by the encrypted chunks. The header is not secret; every chunk authenticates its
 * SHA-256, so changing a byte of it makes the whole file fail.
 */
export const BACKUP_MAGIC = Buffer.from('kyc-desk-backup\n', 'ascii')
export const BACKUP_FORMAT_VERSION = 1
const PREFIX_BYTES = BACKUP_MAGIC.length + 2 + 4
const MAX_HEADER_BYTES = 16 * 1024

/** scrypt's cost: 2^17 x 8 x 128 bytes = 128 MiB and about half a second per try. */
export const defaultKdf = { N: 2 ** 17, r: 8, p: 1 } as const
/**
 * What a restore accepts, checked before any scrypt work: a crafted header cannot make it allocate
 * gigabytes or run for minutes before the passphrase is even tried (at most 256 MiB of work area).
 */
const kdfLimits = { minN: 2 ** 15, maxN: 2 ** 18, r: 8, maxP: 2, maxWorkBytes: 256 * 1024 * 1024 } as const

/** scrypt's parameters as a backup may use them; createBackup holds itself to the same rule. */
const kdfShape = {
  N: z.number().int().min(kdfLimits.minN).max(kdfLimits.maxN).refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
  r: z.literal(kdfLimits.r),
  p: z.number().int().min(1).max(kdfLimits.maxP),
}
const withinCost = (k: { N: number; r: number; p: number }) => 128 * k.N * k.r * k.p <= kdfLimits.maxWorkBytes
export const kdfParamsSchema = z.object(kdfShape).refine(withinCost, 'scrypt cost too high')

/** Latest instant a JS Date can hold: a later `createdAt` would make toISOString throw. */
const maxDateMs = 8.64e15

const base64Of = (bytes: number) => z.base64().refine((s) => Buffer.from(s, 'base64').length === bytes, `must be ${bytes} bytes`)

export const backupHeaderSchema = z
  .object({
    app: z.literal('kyc-desk'),
    /** Shown before the passphrase is checked: no room for terminal escape sequences. */
    appVersion: z.string().regex(/^[\w.+-]{1,64}$/),
    /** The database's migration number (electron/core/db/migrate.ts `user_version`). */
    schemaVersion: z.number().int().nonnegative(),
    createdAt: z.number().int().nonnegative().max(maxDateMs),
    kdf: z
      .object({ name: z.literal('scrypt'), ...kdfShape, salt: base64Of(16) })
      .strict()
      .refine(withinCost, 'scrypt cost too high'),
    cipher: z.literal('aes-256-gcm'),
    chunkSize: z.number().int().min(1024).max(4 * 1024 * 1024),
    /** The first 7 bytes of every chunk's nonce; the chunk index and final flag make the rest. */
    noncePrefix: base64Of(7),
    /** An HMAC under the passphrase's key: a wrong passphrase is told apart from a damaged file. */
    verifier: base64Of(32),
  })
  .strict()
export type BackupHeader = z.infer<typeof backupHeaderSchema>

export function encodeHeader(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  const prefix = Buffer.alloc(PREFIX_BYTES)
  BACKUP_MAGIC.copy(prefix)
  prefix.writeUInt16BE(BACKUP_FORMAT_VERSION, BACKUP_MAGIC.length)
  prefix.writeUInt32BE(json.length, BACKUP_MAGIC.length + 2)
  return Buffer.concat([prefix, json])
}

/** What every chunk authenticates: the header's exact bytes, through their hash. */
export function headerDigest(rawHeader: Buffer): Buffer {
  return createHash('sha256').update(rawHeader).digest()
}

export interface ParsedHeader {
  readonly header: BackupHeader
  /** The bytes as read (magic included), hashed into every chunk's associated data. */
  readonly raw: Buffer
}

/**
 * Parses the header at the start of `read` (a reader of the file's first bytes). A file that is
 * not a backup, one of a newer format, or one cut inside the header is refused here.
 */
export async function readHeader(read: (length: number, position: number) => Promise<Buffer>): Promise<ParsedHeader> {
  const prefix = await read(PREFIX_BYTES, 0)
  const magicPart = prefix.subarray(0, Math.min(prefix.length, BACKUP_MAGIC.length))
  if (!BACKUP_MAGIC.subarray(0, magicPart.length).equals(magicPart) || magicPart.length === 0) throw new BackupRefusal('notABackup')
  if (prefix.length < PREFIX_BYTES) throw new BackupRefusal('truncated', { chunk: 0 })
  const version = prefix.readUInt16BE(BACKUP_MAGIC.length)
  if (version > BACKUP_FORMAT_VERSION) throw new BackupRefusal('newerFormat', { found: version, supported: BACKUP_FORMAT_VERSION })
  if (version !== BACKUP_FORMAT_VERSION) throw new BackupRefusal('notABackup')
  const length = prefix.readUInt32BE(BACKUP_MAGIC.length + 2)
  if (length > MAX_HEADER_BYTES) throw new BackupRefusal('corrupted', { chunk: 0 })
  const json = await read(length, PREFIX_BYTES)
  if (json.length < length) throw new BackupRefusal('truncated', { chunk: 0 })
  let value: unknown
  try {
    value = JSON.parse(json.toString('utf8'))
  } catch {
    throw new BackupRefusal('corrupted', { chunk: 0 })
  }
  const parsed = backupHeaderSchema.safeParse(value)
  if (!parsed.success) throw new BackupRefusal('corrupted', { chunk: 0 })
  return { header: parsed.data, raw: Buffer.concat([prefix, json]) }
}
