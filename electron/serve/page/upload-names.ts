/**
 * Browser mode's batch import uploads: which files of a chosen folder the page sends (the
 * formats the image intake decodes; a stray .DS_Store or PDF stays on the operator's disk), and
 * the server refuses any other.
 */
const imageExtension = /\.(jpe?g|png|webp|tiff?)$/i

export function acceptedImageName(name: string): boolean {
  return imageExtension.test(name)
}

/** The optional field of an invoke that names the upload an `import:choose` takes. */
export const uploadIdPattern = /^[0-9a-f]{32}$/
