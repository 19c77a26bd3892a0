export type ArtifactCheck =
  | { readonly ok: true; readonly actual: string }
  | { readonly ok: false; readonly reason: 'unpinned' | 'mismatch'; readonly actual: string; readonly message: string }

export function sha256OfFile(file: string): string
export function parseShasums(text: string): Record<string, string>
export function checkArtifact(file: string, name: string, sums: Readonly<Record<string, string>>, what: string): ArtifactCheck
