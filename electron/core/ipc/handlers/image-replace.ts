import { replaceImage, type ImageReplacementDeps } from '../../intake/replace/image-replacement'
import type { HandlerGroup } from '../handler-table'

export type ImageReplaceChannel = 'applicants:replace-image'

/** The detail view's "replace this image"; the work is replaceImage's. */
export function imageReplaceHandlers(deps: ImageReplacementDeps): HandlerGroup<ImageReplaceChannel> {
  return { 'applicants:replace-image': (request) => replaceImage(deps, request) }
}
