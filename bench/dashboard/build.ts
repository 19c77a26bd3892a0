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

/** Builds the app (`npx electron-vite build`: main, preload, renderer) when its output is missing or older than its sources. */
export function ensureAppBuilt(log: (line: string) => void): void {
  const outputs = [join(root, 'out', 'renderer', 'index.html'), join(root, 'out', 'main', 'index.js')]
  const sources = Math.max(...['renderer', 'shared', 'electron'].map((dir) => newestMtime(join(root, dir))))
  if (outputs.every((file) => existsSync(file) && statSync(file).mtimeMs >= sources)) return
  log('bench: building the app (npx electron-vite build)')
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (built.status !== 0) throw new Error(`electron-vite build failed with exit code ${String(built.status)}`)
}
