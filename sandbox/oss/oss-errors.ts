/**
 * OSS error responses: the code, HTTP status and message real OSS uses, rendered as its XML body
 * (`<Error><Code/><Message/><RequestId/><HostId/>...</Error>`) so ali-oss turns them into
 * `err.code`, `err.status` and `err.requestId` exactly as in production.
 */
export class OssError extends Error {
  override readonly name = 'OssError'

  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
    /** Extra elements real OSS adds for some codes (StringToSign, Key, ...). */
    readonly details: Readonly<Record<string, string>> = {},
  ) {
    super(message)
  }
}

export const ossErrors = {
  accessDenied: (message = 'You have no right to access this object because of bucket acl.') =>
    new OssError('AccessDenied', 403, message),
  invalidAccessKeyId: (accessKeyId: string) =>
    new OssError('InvalidAccessKeyId', 403, 'The OSS Access Key Id you provided does not exist in our records.', {
      OSSAccessKeyId: accessKeyId,
    }),
  signatureDoesNotMatch: (details: Record<string, string>) =>
    new OssError(
      'SignatureDoesNotMatch',
      403,
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      details,
    ),
  securityTokenExpired: (expiration: string) =>
    new OssError('SecurityTokenExpired', 403, 'The security token you provided has expired.', { Expiration: expiration }),
  invalidSecurityToken: () => new OssError('InvalidSecurityToken', 403, 'The security token you provided is invalid.'),
  requestTimeTooSkewed: (requestTime: string, serverTime: string) =>
    new OssError('RequestTimeTooSkewed', 403, 'The difference between the request time and the current time is too large.', {
      RequestTime: requestTime,
      ServerTime: serverTime,
      MaxAllowedSkewMilliseconds: '900000',
    }),
  invalidDigest: () => new OssError('InvalidDigest', 400, 'The Content-MD5 you specified is not valid.'),
  badDigest: (expected: string, calculated: string) =>
    new OssError('BadDigest', 400, 'The Content-MD5 you specified did not match what we received.', {
      ExpectedDigest: expected,
      CalculatedDigest: calculated,
    }),
  noSuchKey: (key: string) => new OssError('NoSuchKey', 404, 'The specified key does not exist.', { Key: key }),
  invalidObjectName: (reason: string) => new OssError('InvalidObjectName', 400, `The specified object is not valid: ${reason}.`),
  invalidUri: () => new OssError('InvalidURI', 400, 'The request URI is not valid: malformed percent-encoding.'),
  invalidArgument: (message: string) => new OssError('InvalidArgument', 400, message),
  entityTooLarge: (maxBytes: number) =>
    new OssError('EntityTooLarge', 400, 'Your proposed upload exceeds the maximum allowed object size.', {
      MaxSizeAllowed: String(maxBytes),
    }),
  missingContentLength: () => new OssError('MissingContentLength', 411, 'You must provide the Content-Length HTTP header.'),
  methodNotAllowed: (method: string) =>
    new OssError('MethodNotAllowed', 405, 'The specified method is not allowed against this resource.', { Method: method }),
  notImplemented: (what: string) =>
    new OssError('NotImplemented', 501, `A header or operation you provided is not implemented by the sandbox: ${what}.`),
  internalError: () => new OssError('InternalError', 500, 'We encountered an internal error. Please try again.'),
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

export function renderErrorXml(error: OssError, requestId: string, hostId: string): string {
  const elements: [string, string][] = [
    ['Code', error.code],
    ['Message', error.message],
    ['RequestId', requestId],
    ['HostId', hostId],
    ...Object.entries(error.details),
  ]
  const body = elements.map(([name, value]) => `  <${name}>${escapeXml(value)}</${name}>`).join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n${body}\n</Error>\n`
}
