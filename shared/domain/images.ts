import { z } from 'zod'

export const imageSlots = ['front', 'back', 'hand'] as const
export const imageSlotSchema = z.enum(imageSlots)
/** front: ID document front; back: ID document back; hand: the customer holding the document. */
export type ImageSlot = z.infer<typeof imageSlotSchema>

/** Where an image came from: a camera photo is retaken, a scan rescanned; a chosen file may be either. */
export const imageSourceSchema = z.enum(['camera', 'scanner', 'file'])
export type ImageSource = z.infer<typeof imageSourceSchema>

/** Lower-case hex SHA-256 of a stored (normalised) image; images are content-addressed by it. */
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/)
export type Sha256Hex = z.infer<typeof sha256HexSchema>
