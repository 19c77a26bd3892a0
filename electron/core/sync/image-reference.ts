import type { OssTarget } from '../oss/oss-uploader'

/**
 * The full URL of an object, for platforms configured to receive URLs instead of keys
 * (settings.oss.imageReference = 'url'). Mirrors how ali-oss addresses the bucket: path-style
 * on a custom endpoint when asked, otherwise the bucket as a subdomain.
 */
export function objectUrl(target: OssTarget, bucket: string, key: string): string {
  const path = key.split('/').map(encodeURIComponent).join('/')
  if (target.endpoint === '') return `https://${bucket}.${target.region}.aliyuncs.com/${path}`
  const endpoint = new URL(target.endpoint)
  const base = `${endpoint.protocol}//`
  if (target.addressing === 'path-style') return `${base}${endpoint.host}/${bucket}/${path}`
  return `${base}${bucket}.${endpoint.host}/${path}`
}
