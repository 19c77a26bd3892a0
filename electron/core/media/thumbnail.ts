import sharp from 'sharp'

/** The viewer's size: enough to read an ID card's print zoomed, small enough to send over IPC at once. */
export const viewMaxSide = 2000

/** A row of the import preview's table: three images side by side, small enough to ask for a page at once. */
export const rowThumbMaxSide = 160

export interface Thumbnail {
  readonly dataUrl: string
  readonly width: number
  readonly height: number
}

/**
 * A small JPEG of a stored image for the detail view, as a data: URL: the renderer gets pixels
 * to look at, never a file path. Fits inside `maxSide`, never enlarged.
 */
export async function thumbnail(jpeg: Buffer, maxSide = 360): Promise<Thumbnail> {
  const { data, info } = await sharp(jpeg, { failOn: 'none' })
    .rotate()
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 72, mozjpeg: false })
    .toBuffer({ resolveWithObject: true })
  return { dataUrl: `data:image/jpeg;base64,${data.toString('base64')}`, width: info.width, height: info.height }
}
