import { KycError } from '../errors/kyc-error'
import type { KeyProviderDescription } from './key-provider'

/**
 * Live customers' data is never kept under a key that is protected only by a fixed password
 * (Linux without a keyring: safeStorage's `basic_text`). Training mode may go on, with the banner.
 */
const insecureKeyForLiveMessage =
  '这台电脑没有可用的系统密钥环，客户数据的密钥无法得到保护，因此不能连接正式平台。请 IT 安装并解锁系统密钥环，或用 "kyc-desk init" 建立密钥文件并设置 KYC_DESK_KEY_FILE。' +
  ' / This PC has no usable system keyring, so the key protecting customer data cannot be secured and the live platform cannot be used. IT: install and unlock a keyring, or create a key file with "kyc-desk init" and set KYC_DESK_KEY_FILE.'

/** Throws when `platformBaseUrl` names a live platform and the data key is not really protected. */
export function assertKeyFitForLive(protection: KeyProviderDescription, platformBaseUrl: string): void {
  if (!protection.secure && platformBaseUrl.trim() !== '') throw new KycError('CONFLICT', insecureKeyForLiveMessage, undefined, { key: 'vault.insecureKeyForLive' })
}
