import { z } from 'zod'

/**
 * The image quality gate's finding codes (electron/core/intake/image), as the audit log records
 * them when an image with findings is stored: the day's glance counts them, the renderer words them.
 */
export const imageFindingCodes = ['too-small', 'blurred', 'too-dark', 'overexposed', 'glare', 'duplicate', 'near-duplicate'] as const
export const imageFindingCodeSchema = z.enum(imageFindingCodes)
export type ImageFindingCode = z.infer<typeof imageFindingCodeSchema>
