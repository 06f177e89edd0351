/**
 * Unit-test setup: an in-memory IndexedDB per test file, WXT's fake browser reset before each
 * test, and browser.i18n answering from the shipped Indonesian messages (so components render
 * the real texts and a missing key shows up as the key itself).
 */
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installI18n } from './i18n-fake';

beforeEach(() => {
  fakeBrowser.reset();
  installI18n('id');
});
