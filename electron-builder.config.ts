import type { Configuration } from 'electron-builder'
import { kycDeskFuses } from './scripts/package/fuses'

/** The names the operator sees: the shortcut, the Start menu, the uninstall entry. */
export const productNames = { en: 'kyc-desk', zh: '客户身份核验台' } as const

/**
 * How kyc-desk is packaged for branch PCs (`npm run package`, docs in README "Building the
 * installer"). Only the built app (out/) and production dependencies go in; native modules and
 * the OCR data are unpacked from the asar so they can be loaded.
 */
const config: Configuration = {
  appId: 'com.kycdesk.desk',
  productName: productNames.en,
  executableName: 'kyc-desk',
  copyright: 'kyc-desk',
  directories: { output: 'release/${version}', buildResources: 'resources/build' },
  files: [
    'out/**',
    'package.json',
    '!**/*.map',
    // Dependencies' TypeScript sources and test suites are never loaded at run time.
    '!node_modules/**/*.{ts,mts,cts}',
    '!node_modules/@types/**',
    '!node_modules/**/{test,tests,__tests__,spec}/**',
    // The command line's TypeScript runner is not part of the desktop app.
    '!node_modules/{tsx,esbuild,@esbuild}/**',
    // better-sqlite3's sources and its test extension: only the built module is loaded.
    '!node_modules/better-sqlite3/{deps,src}/**',
    '!node_modules/better-sqlite3/build/Release/{test_extension.node,obj,obj.target,.deps}',
  ],
  asar: true,
  asarUnpack: [
    '**/*.node',
    'node_modules/better-sqlite3/**',
    'node_modules/sharp/**',
    'node_modules/@img/**',
    'node_modules/@tesseract.js-data/**',
  ],
  extraResources: [{ from: 'resources/example-import', to: 'example-import' }],
  electronFuses: kycDeskFuses,
  // better-sqlite3 and sharp are rebuilt (or their prebuilds fetched) for Electron's ABI.
  npmRebuild: true,
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
  },
  nsis: {
    oneClick: false,
    perMachine: true,
    allowElevation: true,
    allowToChangeInstallationDirectory: true,
    multiLanguageInstaller: true,
    installerLanguages: ['zh_CN', 'en_US'],
    language: '2052',
    shortcutName: productNames.zh,
    uninstallDisplayName: `${productNames.zh} (${productNames.en})`,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    deleteAppDataOnUninstall: false,
    artifactName: '${name}-${version}-setup-${arch}.${ext}',
  },
  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    category: 'public.app-category.business',
    hardenedRuntime: true,
    // The camera for capture; without this entitlement a signed build cannot open it.
    entitlements: 'resources/build/entitlements.mac.plist',
    entitlementsInherit: 'resources/build/entitlements.mac.plist',
    extendInfo: {
      NSCameraUsageDescription: 'kyc-desk photographs the customer’s ID and the customer holding it. 用于拍摄客户证件及手持证件照片。',
      CFBundleDisplayName: productNames.en,
    },
  },
  dmg: { artifactName: '${name}-${version}-${arch}.${ext}' },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    category: 'Office',
    maintainer: 'kyc-desk',
    synopsis: 'Identity verification at the branch counter',
    desktop: { entry: { Name: productNames.en, 'Name[zh_CN]': productNames.zh, Comment: 'Identity verification at the branch counter' } },
  },
  deb: { artifactName: '${name}_${version}_${arch}.${ext}' },
  appImage: { artifactName: '${name}-${version}-${arch}.${ext}' },
}

export default config
