/**
 * Issue 12's hardening, end to end in Chromium with the built extension: what a hostile page at
 * the real addresses learns or does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { launchExtension, serveFixtures, SSO, type ExtensionSession } from './harness';

const OTP_PATH = '/auth/realms/public-siasn/login-actions/authenticate';

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close(true);
  session = undefined;
});

describe('hardening', () => {
  it('finding 9: the content scripts do not post their start-up message (with the extension id) to the page', async () => {
    session = await launchExtension();
    const ctx = session.context;
    await ctx.route((url) => url.protocol === 'http:' || url.protocol === 'https:', (route) => route.abort('internetdisconnected'));
    await serveFixtures(ctx, SSO, { [OTP_PATH]: 'sso/login-otp.html' });
    // The page records every window message before any script of its own runs.
    await ctx.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      window.addEventListener('message', (e) => seen.push(JSON.stringify(e.data)));
    });
    const sso = await ctx.newPage();
    await sso.goto(`${SSO}${OTP_PATH}`);
    await sso.getByRole('button', { name: 'Isi kode MFA' }).waitFor();
    const seen = await sso.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.join('\n')).not.toContain(session.extensionId);
    expect(seen.join('\n')).not.toContain('content-script-started');
  });
});
