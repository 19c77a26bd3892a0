#!/usr/bin/env node
// The command line runs the TypeScript sources directly (through tsx), so `npx kyc-desk` works
// straight after `npm install`, with no build step.
import { register } from 'tsx/esm/api'

register()
// `kyc-desk status | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
}
const { main } = await import('../electron/cli/main.ts')
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env })
