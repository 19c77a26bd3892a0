import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

// Two projects: plain Node for shared/, electron/core/, sandbox/ and scripts; a DOM for renderer/.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'sandbox/**/*.test.ts', 'scripts/**/*.test.ts', 'bin/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['renderer/**/*.test.ts'],
          // Mounting a whole screen (Settings has a dozen panels) outlasts 5 s on a busy two-core machine.
          testTimeout: 20_000,
        },
      },
    ],
  },
})
