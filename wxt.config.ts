import { defineConfig } from 'wxt';
import type { Alias, AliasOptions } from 'vite';
import preact from '@preact/preset-vite';

// Host access only to the two sites the extension acts on: e-Kinerja, and the ASN Digital login
// (SSO) with its MFA activation pages (README, first section).
export const HOSTS = [
  'https://kinerja.bkn.go.id/*',
  'https://sso-siasn.bkn.go.id/*',
];

function aliasList(alias: AliasOptions | undefined): Alias[] {
  if (!alias) return [];
  return Array.isArray(alias) ? [...alias] : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
}

export default defineConfig({
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  // Parallel work (and CI) can build into its own folder: WXT_OUT_DIR=.output-x npm run test:e2e
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  // webextension-polyfill (the `browser` of `wxt/browser`) in the background only: its listeners
  // and the APIs it calls there are where older browsers differ. The content scripts, the popup
  // and the options page call only APIs that give promises natively in Chrome's MV3 and Firefox
  // (i18n, storage, runtime, tabs, windows; messages go through chrome.runtime in
  // @webext-core/messaging), so there the polyfill's 3 KB gz was only weight (bench: sizes).
  hooks: {
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.some((e) => e.type === 'background')) return;
      config.resolve ??= {};
      config.resolve.alias = [
        { find: /^wxt\/browser$/, replacement: '@wxt-dev/webextension-polyfill/browser' },
        ...aliasList(config.resolve.alias),
      ];
    },
  },
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
