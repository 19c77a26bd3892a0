import { realpath, stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import { posix, win32 } from 'node:path'

/** Why a folder may not be the scanner folder; each has a message in messages.ts. */
export type FolderRefusal = 'not-absolute' | 'missing' | 'not-a-directory' | 'data-folder' | 'app-folder' | 'system-folder'

export interface FolderPolicyContext {
  /** kyc-desk's own data folder (database, key file, images, logs). */
  readonly dataDir: string
  readonly platform?: NodeJS.Platform
  readonly home?: string
  readonly env?: Readonly<Record<string, string | undefined>>
}

export type FolderVerdict = { ok: true; folder: string } | { ok: false; reason: FolderRefusal }

/**
 * Folders whose files belong to the system or to programs (the scanner inbox deletes what it
 * stores, and lists whatever it finds): the user profile's application folders and the system's.
 */
function protectedFolders(platform: NodeJS.Platform, home: string, env: FolderPolicyContext['env'] = {}): { app: string[]; system: string[] } {
  if (platform === 'win32') {
    const drive = env.SystemDrive ?? 'C:'
    const app = [env.APPDATA, env.LOCALAPPDATA, win32.join(home, 'AppData')]
    const system = [
      env.SystemRoot ?? `${drive}\\Windows`,
      env.ProgramFiles ?? `${drive}\\Program Files`,
      env['ProgramFiles(x86)'] ?? `${drive}\\Program Files (x86)`,
      env.ProgramData ?? `${drive}\\ProgramData`,
    ]
    return { app: app.filter((p): p is string => p !== undefined), system }
  }
  const app = [posix.join(home, 'Library'), posix.join(home, '.config'), posix.join(home, '.local'), posix.join(home, '.cache')]
  if (env.XDG_CONFIG_HOME) app.push(env.XDG_CONFIG_HOME)
  if (env.XDG_DATA_HOME) app.push(env.XDG_DATA_HOME)
  const system = ['/bin', '/boot', '/dev', '/etc', '/lib', '/lib64', '/opt', '/proc', '/root', '/sbin', '/sys', '/usr', '/var', '/System', '/Library', '/Applications', '/private/etc', '/private/var/db']
  return { app, system }
}

/** Whether `inner` is `outer` or inside it (case-insensitive on Windows, whose paths are). */
function within(platform: NodeJS.Platform, outer: string, inner: string): boolean {
  const path = platform === 'win32' ? win32 : posix
  const norm = (p: string) => (platform === 'win32' ? path.resolve(p).toLowerCase() : path.resolve(p))
  const rel = path.relative(norm(outer), norm(inner))
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/** The pure part: judges a resolved (symlink-free) folder against the protected places. */
export function judgeFolder(folder: string, realDataDir: string, context: Omit<FolderPolicyContext, 'dataDir'> = {}): FolderRefusal | null {
  const platform = context.platform ?? process.platform
  const path = platform === 'win32' ? win32 : posix
  // A drive or file-system root is every folder at once.
  if (path.parse(folder).root === path.resolve(folder)) return 'system-folder'
  // Inside the data folder, or above it (the folder kyc-desk's data lives in belongs to the app).
  if (within(platform, realDataDir, folder) || within(platform, folder, realDataDir)) return 'data-folder'
  const home = context.home ?? homedir()
  const { app, system } = protectedFolders(platform, home, context.env ?? process.env)
  if (app.some((p) => within(platform, p, folder))) return 'app-folder'
  if (system.some((p) => within(platform, p, folder))) return 'system-folder'
  return null
}

/**
 * Checks the configured scanner folder before anything in it is listed, read or deleted:
 * absolute, existing, a directory, and (after following links, so a link cannot smuggle it in)
 * none of kyc-desk's data folder, the profile's application folders or the system's.
 */
export async function checkScannerFolder(folder: string, context: FolderPolicyContext): Promise<FolderVerdict> {
  const platform = context.platform ?? process.platform
  if (!(platform === 'win32' ? win32 : posix).isAbsolute(folder)) return { ok: false, reason: 'not-absolute' }
  const info = await stat(folder).catch(() => null)
  if (!info) return { ok: false, reason: 'missing' }
  if (!info.isDirectory()) return { ok: false, reason: 'not-a-directory' }
  const real = await realpath(folder)
  const realData = await realpath(context.dataDir).catch(() => context.dataDir)
  const refusal = judgeFolder(real, realData, context)
  return refusal ? { ok: false, reason: refusal } : { ok: true, folder: real }
}
