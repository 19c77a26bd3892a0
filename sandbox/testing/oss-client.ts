import OSS from 'ali-oss'
import type { TestStsAttachment } from './platform-call'

// Test support: an ali-oss 6.23 client configured the way the app configures it for the sandbox.

export interface SandboxAddress {
  oss: string
  bucket: string
  region: string
}

/** ali-oss options its type declarations leave out. */
export interface UntypedOssOptions {
  /** Path-style requests: `/<bucket>/<key>`. */
  sldEnable?: boolean
  /** Milliseconds added to the client's clock when it dates a request. */
  amendTimeSkewed?: number
}

export function ossClient(sandbox: SandboxAddress, sts: TestStsAttachment, extra: Partial<OSS.Options> & UntypedOssOptions = {}): OSS {
  return new OSS({
    endpoint: sandbox.oss,
    bucket: sts.bucket,
    region: sandbox.region,
    secure: false,
    accessKeyId: sts.AccessKeyId,
    accessKeySecret: sts.AccessKeySecret,
    stsToken: sts.SecurityToken,
    // Silences ali-oss's "set refreshSTSToken" warning without enabling a refresh.
    refreshSTSTokenInterval: 3_600_000,
    timeout: 10_000,
    ...extra,
  } as OSS.Options)
}

/** ali-oss errors carry the OSS error code and HTTP status. */
export async function ossErrorOf(action: Promise<unknown>): Promise<{ code: string; status: number; requestId: string }> {
  try {
    await action
  } catch (error) {
    const { code, status, requestId } = error as { code?: unknown; status?: unknown; requestId?: unknown }
    return { code: String(code), status: Number(status), requestId: String(requestId) }
  }
  throw new Error('expected the OSS request to fail')
}
