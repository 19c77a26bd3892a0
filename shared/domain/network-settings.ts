import { z } from 'zod'

/**
 * How the app reaches the platform and OSS from a bank's network: through which proxy, and
 * trusting which extra certificate authorities (a TLS-inspecting proxy's own CA).
 */
export const proxyModes = ['system', 'manual', 'none'] as const
export type ProxyMode = (typeof proxyModes)[number]

/** `http://host:port` or `https://host:port`, nothing after it; credentials go in their own fields. */
const proxyUrlSchema = z
  .string()
  .max(300)
  .refine((v) => {
    if (!URL.canParse(v)) return false
    const url = new URL(v)
    return ['http:', 'https:'].includes(url.protocol) && url.username === '' && url.password === '' && url.pathname === '/' && url.search === ''
  }, 'must be a proxy address such as http://proxy.bank.example:8080 (user name and password in their own fields)')

/** One bypass entry: a host (`oss.bank.example`), a domain suffix (`.bank.example`), `*` or `host:port`. */
const bypassEntrySchema = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^(\*|\*?\.?[A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\])(:\d{1,5})?$/, 'must be a host name, .domain suffix, IP address or *')

export const proxySettingsSchema = z
  .object({
    /** system: the operating system's proxy (the environment's HTTPS_PROXY/NO_PROXY outside Electron). */
    mode: z.enum(proxyModes).default('system'),
    url: z.union([z.literal(''), proxyUrlSchema]).default(''),
    username: z.string().max(256).default(''),
    /** Secret: never logged, and the audit log records only that it changed (settings-access.ts). */
    password: z.string().max(256).default(''),
    /** Hosts reached directly, not through the manual proxy. */
    bypass: z.array(bypassEntrySchema).max(100).default([]),
  })
  .refine((p) => p.mode !== 'manual' || p.url !== '', { path: ['url'], message: 'is required for a manual proxy' })
export type ProxySettings = z.infer<typeof proxySettingsSchema>

export const networkSettingsSchema = z.object({
  proxy: proxySettingsSchema.prefault({}),
  /** A PEM file of extra CA certificates trusted besides the system's (checked when set). */
  caFile: z.string().max(4096).default(''),
})
export type NetworkSettings = z.infer<typeof networkSettingsSchema>
