import type { BigIntStats } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { resolveImagePath, checkImageName, type ImagePath } from './image-path'

/**
 * Where the images a manifest names are read from: a folder on this computer (the desktop app,
 * the CLI), or the files a browser uploaded, kept in memory (browser mode: no plaintext copy of
 * a scan lands on disk). `path` in an answer is the folder's own key for the file.
 */
export interface ImageFolder {
  /** Shown to the operator: the folder's path, or the uploaded folder's name. */
  readonly label: string
  exists(): Promise<boolean>
  /** The manifest's name for a file, checked (no way out of the folder) and measured before it is read. */
  resolve(name: string, maxBytes: number): Promise<ImagePath>
  /** The file's bytes and a stamp of their version; equal stamps, same bytes. */
  read(path: string): Promise<{ bytes: Buffer; stamp: string }>
  /** The stamp alone, without reading the file. */
  stamp(path: string): Promise<string>
}

/** A file's identity and version as the file system keeps them; equal stamps, same bytes (in practice). */
export function stampOf(stats: BigIntStats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}`
}

export function diskImageFolder(dir: string): ImageFolder {
  return {
    label: dir,
    exists: () => stat(dir).then((s) => s.isDirectory(), () => false),
    resolve: (name, maxBytes) => resolveImagePath(dir, name, maxBytes),
    // Read and stamped through the same handle, so the stamp is of the bytes read.
    read: async (path) => {
      const handle = await open(path, 'r')
      try {
        const stats = await handle.stat({ bigint: true })
        return { bytes: await handle.readFile(), stamp: stampOf(stats) }
      } finally {
        await handle.close()
      }
    },
    stamp: async (path) => stampOf(await stat(path, { bigint: true })),
  }
}

/** `a\b.jpg`, `./a/b.jpg` and `a//b.jpg` all name `a/b.jpg`, as they would on disk. */
export function uploadedName(name: string): string {
  return name
    .split(/[\\/]/)
    .filter((p) => p !== '' && p !== '.')
    .join('/')
}

/**
 * Uploaded files by their name relative to the chosen folder. The bytes never change, so the
 * stamp is the name and size: the commit finds every file as the preview read it.
 */
export function memoryImageFolder(label: string, files: ReadonlyMap<string, Buffer>): ImageFolder {
  return {
    label,
    exists: () => Promise.resolve(true),
    resolve: async (name, maxBytes) => {
      const refused = checkImageName(name)
      if (refused) return { ok: false, problem: refused }
      const key = uploadedName(name)
      const bytes = files.get(key)
      if (!bytes) return { ok: false, problem: { code: 'file.not-found', name } }
      if (bytes.length > maxBytes) return { ok: false, problem: { code: 'file.too-large', name, bytes: bytes.length, maxBytes } }
      return { ok: true, path: key, bytes: bytes.length }
    },
    read: async (path) => {
      const bytes = files.get(path)
      if (!bytes) throw Object.assign(new Error(`no uploaded file ${path}`), { code: 'ENOENT' })
      return { bytes, stamp: `upload:${path}:${bytes.length}` }
    },
    stamp: async (path) => `upload:${path}:${files.get(path)?.length ?? -1}`,
  }
}
