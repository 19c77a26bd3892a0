import { realpath, stat } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'

export type ImagePathProblem =
  | { code: 'file.absolute'; name: string }
  | { code: 'file.traversal'; name: string }
  | { code: 'file.not-found'; name: string }
  | { code: 'file.not-a-file'; name: string }
  | { code: 'file.outside'; name: string }
  | { code: 'file.too-large'; name: string; bytes: number; maxBytes: number }
  | { code: 'file.unreadable'; name: string; detail: string }

export type ImagePath = { ok: true; path: string; bytes: number } | { ok: false; problem: ImagePathProblem }

/**
 * The name as written, judged before touching the disk: relative to the images folder, with `/`
 * or `\` between folders (a manifest made on Windows), and no way out of it. `C:\x`, `\\server`
 * and `/etc` are absolute everywhere, not only on the platform that wrote them.
 */
export function checkImageName(name: string): ImagePathProblem | null {
  if (isAbsolute(name) || /^[a-z]:/i.test(name) || /^[\\/]/.test(name)) return { code: 'file.absolute', name }
  if (name.split(/[\\/]/).some((part) => part === '..')) return { code: 'file.traversal', name }
  return null
}

function within(dir: string, path: string): boolean {
  const rel = relative(dir, path)
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)
}

/**
 * Resolves an image file named in the manifest inside `imagesDir`. The real path is checked too,
 * so a symbolic link in the folder cannot point the import at a file elsewhere.
 */
export async function resolveImagePath(imagesDir: string, name: string, maxBytes: number): Promise<ImagePath> {
  const refused = checkImageName(name)
  if (refused) return { ok: false, problem: refused }
  const parts = name.split(/[\\/]/).filter((p) => p !== '' && p !== '.')
  const path = resolve(imagesDir, ...parts)
  if (!within(resolve(imagesDir), path)) return { ok: false, problem: { code: 'file.traversal', name } }
  try {
    const real = await realpath(path)
    if (!within(await realpath(imagesDir), real)) return { ok: false, problem: { code: 'file.outside', name } }
    const info = await stat(real)
    if (!info.isFile()) return { ok: false, problem: { code: 'file.not-a-file', name } }
    // Refused before reading: a mistaken 4 GB file must not be pulled into memory to be measured.
    if (info.size > maxBytes) return { ok: false, problem: { code: 'file.too-large', name, bytes: info.size, maxBytes } }
    return { ok: true, path: real, bytes: info.size }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, problem: { code: 'file.not-found', name } }
    return { ok: false, problem: { code: 'file.unreadable', name, detail: code ?? 'unknown' } }
  }
}
