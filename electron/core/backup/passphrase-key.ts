import { createHmac, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { minBackupPassphraseLength } from '../../../shared/domain/backup'
import { BackupRefusal } from './backup-refusal'
import type { BackupHeader } from './backup-format'

export interface KdfParams {
  readonly N: number
  readonly r: number
  readonly p: number
}

/** The backup's own key, from the passphrase alone: nothing of this PC (its keychain) is needed to restore. */
export interface PassphraseKey {
  readonly encryptionKey: Buffer
  readonly verifier: Buffer
}

function scryptAsync(password: Buffer, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))))
}

/** Refused before any work: the passphrase is the backup's only protection. */
export function checkNewPassphrase(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < minBackupPassphraseLength) {
    throw new BackupRefusal('passphraseTooShort', { min: minBackupPassphraseLength })
  }
}

/**
 * scrypt over the NFC form of the passphrase (the same words typed on another system's keyboard
 * give the same key), 64 bytes: the first half encrypts, the second only makes the verifier.
 */
export async function derivePassphraseKey(passphrase: string, salt: Buffer, kdf: KdfParams): Promise<PassphraseKey> {
  // scrypt needs 128 x N x r bytes; Node refuses above 32 MiB unless maxmem says more.
  const maxmem = 128 * kdf.N * kdf.r + 16 * 1024 * 1024
  const derived = await scryptAsync(Buffer.from(passphrase.normalize('NFC'), 'utf8'), salt, 64, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem })
  const encryptionKey = Buffer.from(derived.subarray(0, 32))
  const verifier = createHmac('sha256', derived.subarray(32)).update('kyc-desk/backup/passphrase-check').digest()
  derived.fill(0)
  return { encryptionKey, verifier }
}

/** Opens a backup's key, refusing a wrong passphrase before anything is decrypted or written. */
export async function keyForHeader(passphrase: string, header: BackupHeader): Promise<Buffer> {
  const key = await derivePassphraseKey(passphrase, Buffer.from(header.kdf.salt, 'base64'), header.kdf)
  if (!timingSafeEqual(key.verifier, Buffer.from(header.verifier, 'base64'))) {
    key.encryptionKey.fill(0)
    throw new BackupRefusal('wrongPassphrase')
  }
  return key.encryptionKey
}
