export function electronZipName(version: string, platform: string, arch: string): string

export function installElectronBinary(options: {
  version: string
  platform: string
  arch: string
  checksums: Readonly<Record<string, string>>
  download: (artifact: { version: string; platform: string; arch: string }) => Promise<string>
  runInstaller: () => boolean
  warn: (line: string) => void
}): Promise<'offline' | 'refused' | 'failed' | 'installed'>

export function fetchSqlitePrebuild(options: {
  url: string
  workDir: string
  version: string
  pinned: Readonly<Record<string, string>>
  acceptUnpinned: boolean
  fetchFile: (url: string, file: string) => Promise<void>
  warn: (line: string) => void
}): Promise<string | null>
