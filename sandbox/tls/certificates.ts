import { generate } from 'selfsigned'

/** A CA made for this run and a server certificate it signed, all PEM. */
export interface SandboxCertificates {
  readonly caCert: string
  readonly serverCert: string
  readonly serverKey: string
}

/** The names the server certificate covers: loopback, and `<bucket>.localhost` for virtual-host OSS addressing. */
export function serverNames(host: string, bucket: string): { dns: string[]; ips: string[] } {
  const dns = ['localhost', `${bucket}.localhost`]
  const ips = ['127.0.0.1', '::1']
  if (/^[\d.]+$/.test(host) || host.includes(':')) {
    if (!ips.includes(host) && host !== '0.0.0.0' && host !== '::') ips.push(host)
  } else if (!dns.includes(host)) {
    dns.push(host, `${bucket}.${host}`)
  }
  return { dns, ips }
}

/**
 * Generates a CA and a server certificate signed by it (EC P-256: quick to make, as every
 * `--tls` start makes new ones). A client that trusts the CA's PEM trusts the sandbox; no other.
 */
export async function generateSandboxCertificates(names: { dns: readonly string[]; ips: readonly string[] }): Promise<SandboxCertificates> {
  const notBeforeDate = new Date(Date.now() - 60 * 60 * 1000)
  const notAfterDate = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000)
  const ca = await generate([{ name: 'commonName', value: 'kyc-desk sandbox CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  })
  const server = await generate([{ name: 'commonName', value: names.dns[0] ?? 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [...names.dns.map((value) => ({ type: 2 as const, value })), ...names.ips.map((ip) => ({ type: 7 as const, ip }))] },
    ],
  })
  return { caCert: ca.cert, serverCert: server.cert, serverKey: server.private }
}
