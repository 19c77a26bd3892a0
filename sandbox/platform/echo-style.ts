import type { EchoStyle } from '../options'

type EchoValue = string | number | null
type Echo = Readonly<Record<string, EchoValue>>

interface EchoStyleDeps {
  readonly echoStyle: EchoStyle
  readonly bucket: string
  readonly region: string
}

const BEIJING = '+08:00'

/** `110105********002X`: the first six and last four characters show. */
function masked(value: EchoValue): EchoValue {
  if (typeof value !== 'string' || value.length < 11) return value
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`
}

const midnight = (value: EchoValue): EchoValue => (typeof value === 'string' && value !== '' ? `${value} 00:00:00` : value)
const epochMs = (value: EchoValue): EchoValue => (typeof value === 'string' && value !== '' ? Date.parse(`${value}T00:00:00${BEIJING}`) : value)
const asText = (value: EchoValue): EchoValue => (value === null ? null : String(value))

/** A signed CDN address of the stored reference, as a platform that echoes display URLs gives it. */
function cdnUrl(deps: EchoStyleDeps, value: EchoValue): EchoValue {
  if (typeof value !== 'string' || value === '') return value
  const base = /^https?:\/\//i.test(value) ? value : `https://${deps.bucket}.${deps.region}.aliyuncs.com/${value.split('/').map(encodeURIComponent).join('/')}`
  return `${base}?Expires=4102444800&OSSAccessKeyId=LTAIsandbox&Signature=c2FuZGJveA%3D%3D`
}

/**
 * The authinfoNew echo in the configured style: what real platforms do to a record (mask the
 * document number, store dates as date-times or epoch ms, codes as strings, serve images from a CDN).
 */
export function styledEcho(deps: EchoStyleDeps, echo: Echo): Echo {
  switch (deps.echoStyle) {
    case 'exact':
      return echo
    case 'masked':
      return { ...echo, idNumber: masked(echo['idNumber'] ?? null) }
    case 'datetime':
      return {
        ...echo,
        birthday: midnight(echo['birthday'] ?? null),
        singnTime: midnight(echo['singnTime'] ?? null),
        outofTime: epochMs(echo['outofTime'] ?? null),
        gender: asText(echo['gender'] ?? null),
        isChina: asText(echo['isChina'] ?? null),
        isAllTime: asText(echo['isAllTime'] ?? null),
      }
    case 'url':
      return {
        ...echo,
        positiveImages: cdnUrl(deps, echo['positiveImages'] ?? null),
        oppositeImages: cdnUrl(deps, echo['oppositeImages'] ?? null),
        handImages: cdnUrl(deps, echo['handImages'] ?? null),
      }
  }
}
