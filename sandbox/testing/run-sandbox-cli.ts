import { runSandboxCommand } from '../cli'

// Test support: the command as its own process (`node --import tsx sandbox/testing/run-sandbox-cli.ts ...`),
// so tests can send it real signals.
process.exitCode = await runSandboxCommand(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr })
