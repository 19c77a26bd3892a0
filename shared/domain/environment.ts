/**
 * The platform an applicant was captured for: `training` (the built-in sandbox, while no platform
 * URL is set) or the live platform's base URL (scheme, host and path, no query). The engine only
 * syncs applicants of the environment in force, so practice data never reaches a live platform.
 */
export const trainingEnvironment = 'training'

export function environmentOf(platformBaseUrl: string): string {
  if (platformBaseUrl === '' || !URL.canParse(platformBaseUrl)) return trainingEnvironment
  const url = new URL(platformBaseUrl)
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`
}
