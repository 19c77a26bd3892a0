import { Writable } from 'node:stream'

/** A stream standing in for stdout or stderr, and what was written to it. */
export function capture(): { stream: Writable; text: () => string } {
  let text = ''
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString()
      done()
    },
  })
  return { stream, text: () => text }
}
