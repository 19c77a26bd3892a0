import type { ImageSlot } from '../../../shared/domain/images'
import type { ImageRow } from '../db/tables/images/repository'
import type { StoreContext } from './context'
import type { ImageInput } from './types'

/**
 * Writes new image bytes to the encrypted store, one image at a time, before the transaction
 * that references them: a crash in between leaves an unreferenced file (swept later), never a
 * row naming a missing or half-written file.
 */
export async function storeImageInputs(
  ctx: StoreContext,
  inputs: Partial<Record<ImageSlot, ImageInput>> | undefined,
  at: number,
): Promise<ImageRow[]> {
  const rows: ImageRow[] = []
  for (const [slot, input] of Object.entries(inputs ?? {}) as [ImageSlot, ImageInput][]) {
    const { source } = input
    const sha256 = 'jpeg' in source ? await ctx.imageStore.put(source.jpeg) : source.sha256
    const byteSize = 'jpeg' in source ? source.jpeg.length : source.byteSize
    rows.push({
      slot,
      sha256,
      width: input.width,
      height: input.height,
      byteSize,
      quality: input.quality,
      overrideReason: input.overrideReason?.trim() || null,
      storedAt: at,
    })
  }
  return rows
}

/**
 * Called at the start of the committing transaction, in the same synchronous turn as the insert:
 * the image store deletes only in a synchronous turn too, so a file seen here is still there when
 * its row commits.
 */
export function assertImagesPresent(ctx: StoreContext, rows: readonly ImageRow[]): void {
  for (const row of rows) {
    if (!ctx.imageStore.has(row.sha256)) throw new Error(`image for slot ${row.slot} is not in the image store`)
  }
}
