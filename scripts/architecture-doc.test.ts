import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const repoRoot = join(import.meta.dirname, '..')
/** Design notes whose every path must exist, so a move or a rename cannot leave them pointing nowhere. */
const documents = ['docs/ARCHITECTURE.md']
const topLevel = new Set(readdirSync(repoRoot).filter((name) => name !== 'node_modules'))

/** The part of a path before a placeholder (`handlers/<domain>.ts`), which must exist itself. */
function beforePlaceholder(path: string): string {
  const cut = path.search(/[<*{]/)
  return cut === -1 ? path : path.slice(0, path.lastIndexOf('/', cut) + 1)
}

/**
 * The repository paths a document names: backticked paths that start at the repository's root
 * (`electron/core/ports.ts`) or at the document (`../SECURITY.md`), and its links' targets.
 */
function namedPaths(document: string): string[] {
  const text = readFileSync(join(repoRoot, document), 'utf8')
  const here = dirname(document)
  const paths = new Set<string>()
  for (const [, code = ''] of text.matchAll(/`([^`\s]+)`/g)) {
    if (code.startsWith('./') || code.startsWith('../')) paths.add(join(here, code))
    else if (code.includes('/') && topLevel.has(code.split('/')[0] ?? '')) paths.add(code)
    else if (topLevel.has(code)) paths.add(code)
  }
  for (const [, target = ''] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue
    paths.add(join(here, target.split('#')[0] ?? ''))
  }
  return [...paths].map((p) => relative(repoRoot, join(repoRoot, beforePlaceholder(p))) || '.')
}

describe.each(documents)('%s', (document) => {
  it('names only paths that exist', () => {
    const named = namedPaths(document)
    expect(named.length).toBeGreaterThan(20)
    expect(named.filter((path) => !existsSync(join(repoRoot, path)))).toEqual([])
  })
})
