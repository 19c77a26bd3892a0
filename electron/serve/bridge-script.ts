import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const entry = fileURLToPath(new URL('./page/served-bridge.ts', import.meta.url))

/**
 * The served `window.kyc` script, bundled from the preload's bridge at start so the browser runs
 * the very allowlists the desktop app's preload runs (esbuild ships with tsx, which runs the CLI).
 */
export async function bundleBridgeScript(): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: false,
    legalComments: 'none',
  })
  const file = result.outputFiles[0]
  if (!file) throw new Error('the browser bridge did not build')
  return file.text
}

/** index.html with the bridge script before the app bundle: a plain script runs before deferred modules. */
export function withBridgeScript(indexHtml: string, scriptPath: string): string {
  const tag = `<script src="${scriptPath}"></script>`
  const at = indexHtml.search(/<script\b/i)
  if (at < 0) throw new Error('the built index.html has no script tag')
  return `${indexHtml.slice(0, at)}${tag}\n    ${indexHtml.slice(at)}`
}
