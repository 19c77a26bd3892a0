/** A duration as a message key and its values (`today.duration.*`): seconds, minutes, or hours and minutes. */
export function durationWords(ms: number): { key: string; params: Record<string, number> } {
  if (ms < 1000) return { key: 'today.duration.underSecond', params: {} }
  const seconds = Math.round(ms / 1000)
  if (seconds < 60) return { key: 'today.duration.seconds', params: { s: seconds } }
  if (seconds < 3600) return { key: 'today.duration.minutes', params: { m: Math.floor(seconds / 60), s: seconds % 60 } }
  return { key: 'today.duration.hours', params: { h: Math.floor(seconds / 3600), m: Math.floor((seconds % 3600) / 60) } }
}
