import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..', '..')

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

/** Builds the renderer (`npx electron-vite build`) when out/renderer is missing or older than its sources. */
export function ensureRendererBuilt(log: (line: string) => void): void {
  const index = join(root, 'out', 'renderer', 'index.html')
  const sources = Math.max(newestMtime(join(root, 'renderer')), newestMtime(join(root, 'shared')))
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return
  log('dashboard: building the renderer (npx electron-vite build)')
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (built.status !== 0) throw new Error(`electron-vite build failed with exit code ${String(built.status)}`)
}
