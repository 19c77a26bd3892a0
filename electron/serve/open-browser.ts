import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'

/** The system's "open this URL" command, or null where there is none (a server, a container). */
export function browserOpener(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): { command: string; args: string[] } | null {
  if (platform === 'darwin') return { command: 'open', args: [] }
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""'] }
  const onPath = (env['PATH'] ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, 'xdg-open')))
  const display = Boolean(env['DISPLAY'] || env['WAYLAND_DISPLAY'])
  return onPath && display ? { command: 'xdg-open', args: [] } : null
}

/** Opens `url` in the system browser; true when an opener was started (it may still fail quietly). */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): boolean {
  const opener = browserOpener(platform, env)
  if (!opener) return false
  const child = spawn(opener.command, [...opener.args, url], { detached: true, stdio: 'ignore' })
  child.on('error', () => undefined)
  child.unref()
  return true
}
