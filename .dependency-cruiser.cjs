/**
 * The layer rules of docs/ARCHITECTURE.md, checked on every `npm test`.
 * A violation fails the run and names the file and the import.
 */
const nodeBuiltins = require('node:module').builtinModules.map((m) => `^(node:)?${m.replace('/', '\\/')}(/|$)`)

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'shared/ runs in the renderer and in main: no Node, Electron, Vue, or app code.',
      severity: 'error',
      from: { path: '^shared/' },
      to: {
        pathNot: '^shared/',
        path: ['^electron/', '^renderer/', '^sandbox/', 'node_modules/(electron|vue|pinia|@vue|element-plus)/', ...nodeBuiltins],
      },
    },
    {
      name: 'shared-no-node-builtins',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-never-imports-electron',
      comment: 'electron/core/ is plain Node, tested under vitest; Electron-only things are adapters in electron/main/.',
      severity: 'error',
      from: { path: '^electron/core/' },
      to: { path: ['^electron$', 'node_modules/electron/', '^electron/(main|preload)/'] },
    },
    {
      name: 'renderer-is-a-browser',
      comment: 'The renderer is sandboxed: it reaches main only through window.kyc.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: ['^electron/', '^sandbox/', 'node_modules/electron/', '^electron$'] },
    },
    {
      name: 'renderer-no-node-builtins',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'preload-imports-only-contract-names',
      comment: 'The preload bundle stays tiny: Electron and the contract names, nothing else.',
      severity: 'error',
      from: { path: '^electron/preload/' },
      to: { pathNot: ['^electron/preload/', '^shared/contract/(names|errors)\\.ts$', '^electron$', 'node_modules/electron/'] },
    },
    {
      name: 'served-bridge-is-the-preload-bridge',
      comment: 'Browser mode\'s window.kyc is the preload\'s createBridge over fetch: no other app code in the page.',
      severity: 'error',
      from: { path: '^electron/serve/page/' },
      to: { pathNot: ['^electron/serve/page/', '^electron/preload/bridge\\.ts$', '^shared/contract/(names|errors)\\.ts$'] },
    },
    {
      name: 'sandbox-is-separate',
      comment: 'The sandbox stands in for the platform: it must not borrow the app\'s code.',
      severity: 'error',
      from: { path: '^sandbox/' },
      to: { path: ['^electron/', '^renderer/'] },
    },
    {
      name: 'core-app-is-the-composition-root',
      comment:
        'electron/core/app/ wires a core; only the shells that start one (electron/main, the command line, browser mode), e2e/, the benchmarks and tests may import it. Features live in their domains, so IPC handlers never need it.',
      severity: 'error',
      from: { pathNot: ['^electron/core/app/', '^electron/(main|cli|serve)/', '^e2e/', '^bench/', '\\.test\\.ts$'] },
      to: { path: '^electron/core/app/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)out/', '(^|/)node_modules/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.vue', '.js', '.mjs', '.cjs', '.json', '.d.ts'] },
    builtInModules: { add: ['electron'] },
  },
}
