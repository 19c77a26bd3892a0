import type { ImportPreview, ImportProblemView, ImportResult, PreviewRowView } from '../../../../shared/contract/import'
import type { IdentityData } from '../../../../shared/domain/identity'
import type { CommitResult, ImportProblem, ManifestPreview, PreviewRow } from '../import'

/** What the renderer is shown of a manifest row: no binding, no path, a masked name. */

function masked(identity: IdentityData | null): string | null {
  if (!identity) return null
  const initial = Array.from(identity.surname.trim())[0] ?? '?'
  return `${initial}* ····${identity.documentNumber.replace(/\s/g, '').slice(-4)}`
}

/** Codes and values only; a copy, so nothing the session keeps is shared with a response. */
export function problemView(problem: ImportProblem): ImportProblemView {
  return structuredClone(problem)
}

export function rowView(row: PreviewRow): PreviewRowView {
  return {
    row: row.row,
    status: row.status,
    label: masked(row.identity),
    documentType: row.identity?.documentType ?? null,
    images: { front: row.images.front !== undefined, back: row.images.back !== undefined, hand: row.images.hand !== undefined },
    problems: row.problems.map(problemView),
  }
}

export function previewView(preview: ManifestPreview): ImportPreview {
  if (!preview.ok) return { ok: false, problem: structuredClone(preview.problem) }
  return {
    ok: true,
    format: preview.manifest.format,
    encoding: preview.manifest.encoding,
    summary: { ...preview.summary },
    rows: preview.rows.map(rowView),
    notes: preview.notes.map((n) => structuredClone(n)),
  }
}

export function resultView(result: CommitResult): ImportResult {
  return {
    imported: result.imported,
    rejected: result.rejected,
    rows: result.rows.map((r) =>
      r.outcome === 'imported'
        ? { row: r.row, outcome: 'imported', applicantId: r.applicantId, reference: r.reference, status: r.status }
        : { row: r.row, outcome: 'rejected', problems: r.problems.map(problemView) },
    ),
  }
}
