import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Host access only to the two sites the extension acts on: e-Kinerja, and the ASN Digital login
// (SSO) with its MFA activation pages (README, first section).
export const HOSTS = [
  'https://kinerja.bkn.go.id/*',
  'https://sso-siasn.bkn.go.id/*',
];

export default defineConfig({
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  // Parallel work (and CI) can build into its own folder: WXT_OUT_DIR=.output-x npm run test:e2e
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Store packages (docs/STORE.md): `npm run zip` → the Chrome Web Store zip; `npm run zip:firefox`
  // → the AMO zip and the sources zip AMO asks for (everything needed to rebuild with
  // `npm ci && npm run build:firefox`, nothing else). WXT already leaves out node_modules, the
  // build folder, dotfiles (.env*, .git, .wxt, .ci) and *.test.ts; tests/e2e/firefox/store-packages.e2e.ts checks the result.
  zip: {
    excludeSources: ['tests/**', 'bench/**', 'docs/**/*.png', 'coverage/**', 'stats.html', '**/*.zip', 'vitest*.config.ts'],
  },
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'e-Kinerja',
    description: '__MSG_extDescription__',
    default_locale: 'id',
    permissions: ['storage', 'alarms', 'notifications', 'activeTab'],
    host_permissions: HOSTS,
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'asisten-ekinerja@asisten-ekinerja.id',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // data_collection_permissions is read from Firefox for Android 142 on (web-ext lint).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
