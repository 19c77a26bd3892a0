import { ossErrors } from './oss-errors'

export type AddressingStyle = 'virtual-host' | 'path' | 'cname'

/** Which bucket and object a request names, whatever addressing style the client used. */
export interface ObjectAddress {
  bucket: string
  /** Decoded object key; empty for a bucket-level request. */
  key: string
  style: AddressingStyle
}

function hostnameOf(host: string): string {
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']'))
  const colon = host.lastIndexOf(':')
  return (colon === -1 ? host : host.slice(0, colon)).toLowerCase()
}

/**
 * The sandbox hosts one bucket and accepts the three ways ali-oss can address it:
 * - path style (`sldEnable: true`): `/<bucket>/<key>`, whatever the Host header says;
 * - virtual host: Host `<bucket>.<anything>` and path `/<key>` (ali-oss with an IP endpoint always
 *   sends Host `<bucket>.<region>.aliyuncs.com`);
 * - CNAME (`cname: true` with a host name endpoint): any other Host, path `/<key>`.
 * Path style wins when the first segment is the bucket name, so under virtual-host or CNAME
 * addressing a key may not itself begin with `<bucket>/` (documented in README.md).
 */
export function resolveAddress(host: string | undefined, rawPath: string, bucket: string): ObjectAddress {
  let path: string
  try {
    path = decodeURIComponent(rawPath)
  } catch {
    throw ossErrors.invalidUri()
  }
  if (!path.startsWith('/')) throw ossErrors.invalidUri()
  const rest = path.slice(1)
  if (rest === bucket || rest.startsWith(`${bucket}/`)) {
    return { bucket, key: rest.slice(bucket.length + 1), style: 'path' }
  }
  const hostname = host ? hostnameOf(host) : ''
  const namesBucket = hostname.includes('.') && hostname.split('.')[0] === bucket
  return { bucket, key: rest, style: namesBucket ? 'virtual-host' : 'cname' }
}
