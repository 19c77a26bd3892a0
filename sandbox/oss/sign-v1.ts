import { createHmac } from 'node:crypto'

// OSS V1 header signature ("Include a V1 signature in the header"):
//   Signature = base64(hmac-sha1(AccessKeySecret,
//     VERB + "\n" + Content-MD5 + "\n" + Content-Type + "\n" + Date + "\n"
//     + CanonicalizedOSSHeaders + CanonicalizedResource))

/** Query parameters OSS treats as sub-resources: only these enter the CanonicalizedResource. */
export const SUB_RESOURCES: ReadonlySet<string> = new Set([
  'acl', 'uploads', 'location', 'cors', 'logging', 'website', 'referer', 'lifecycle', 'delete', 'append', 'tagging',
  'objectMeta', 'uploadId', 'partNumber', 'security-token', 'position', 'img', 'style', 'styleName', 'replication',
  'replicationProgress', 'replicationLocation', 'cname', 'bucketInfo', 'comp', 'qos', 'live', 'status', 'vod',
  'startTime', 'endTime', 'symlink', 'x-oss-process', 'response-content-type', 'response-content-language',
  'response-expires', 'response-cache-control', 'response-content-disposition', 'response-content-encoding', 'udf',
  'udfName', 'udfImage', 'udfId', 'udfImageDesc', 'udfApplication', 'udfApplicationLog', 'restore', 'callback',
  'callback-var', 'policy', 'stat', 'encryption', 'versions', 'versioning', 'versionId', 'sequential', 'continuation-token',
  'regionList', 'x-oss-traffic-limit', 'worm', 'wormId', 'wormExtend', 'inventory', 'inventoryId', 'requestPayment',
  'transferAcceleration', 'accessPoint', 'resourceGroup', 'metaQuery',
])

export interface V1SigningInput {
  verb: string
  contentMd5: string
  contentType: string
  /** The `x-oss-date` header when present, else `Date`. */
  date: string
  /** `x-oss-*` headers: lower-case name to value (duplicates already joined with commas). */
  ossHeaders: Readonly<Record<string, string>>
  bucket: string
  key: string
  /** Query parameters in request order; only sub-resources are signed. */
  query: readonly (readonly [string, string])[]
}

export function canonicalizedOssHeaders(headers: Readonly<Record<string, string>>): string {
  return Object.keys(headers)
    .map((name) => name.toLowerCase())
    .filter((name) => name.startsWith('x-oss-'))
    .sort()
    .map((name) => `${name}:${(headers[name] ?? '').trim()}\n`)
    .join('')
}

/** `/<bucket>/<key>` (or `/<bucket>/`, or `/`) plus sorted sub-resources; an empty value is written as the bare name. */
export function canonicalizedResource(bucket: string, key: string, query: readonly (readonly [string, string])[]): string {
  const base = bucket === '' ? '/' : `/${bucket}/${key}`
  const subResources = query
    .filter(([name]) => SUB_RESOURCES.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => (value === '' ? name : `${name}=${value}`))
  return subResources.length === 0 ? base : `${base}?${subResources.join('&')}`
}

export function stringToSignV1(input: V1SigningInput): string {
  return [input.verb.toUpperCase(), input.contentMd5, input.contentType, input.date, ''].join('\n') +
    canonicalizedOssHeaders(input.ossHeaders) +
    canonicalizedResource(input.bucket, input.key, input.query)
}

export function signV1(accessKeySecret: string, stringToSign: string): string {
  return createHmac('sha1', accessKeySecret).update(stringToSign, 'utf8').digest('base64')
}
