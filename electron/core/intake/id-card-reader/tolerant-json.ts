/**
 * ZKTeco's ZKIDROnline writes its JSON by hand: Windows paths with bare backslashes
 * (`"PhotoName":"C:\zkid\photo.bmp"`) and, in some versions, no comma before `"CardType"`.
 * Valid JSON is parsed as it is; only a body that fails is repaired, and only in those two ways.
 */
export function parseTolerantJson(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch {
    return JSON.parse(repairVendorJson(body))
  }
}

export function repairVendorJson(body: string): string {
  return (
    body
      // A backslash that does not start a JSON escape is a path separator: escape it.
      .replace(/\\(?!["\\/bfnrt]|u[0-9a-fA-F]{4})/g, '\\\\')
      // A value followed directly by the next key lost its comma.
      .replace(/("|\d|true|false|null|\}|\])(\s*)("[A-Za-z_][\w-]*"\s*:)/g, '$1,$2$3')
  )
}
