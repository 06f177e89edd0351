import { afterEach, describe, expect, it } from 'vitest';
import { attemptedUsername, findActivation, findOtpField, qrDataUrl } from '@/utils/site/sso';
import { ssoFixture as fixture } from '../../fixtures/sso/body';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('finding the OTP field', () => {
  it('Keycloak v2 (the replica served by ASN Digital): input#otp', () => {
    document.body.innerHTML = fixture('login-otp.html');
    expect(findOtpField(document)?.id).toBe('otp');
  });

  it('older Keycloak theme: name="otp", autocomplete off', () => {
    document.body.innerHTML = `<form id="kc-otp-login-form"><label for="x">One-time code</label>
      <input id="x" name="otp" autocomplete="off" type="text"><input type="submit" id="kc-login" value="Log In"></form>`;
    expect(findOtpField(document)?.id).toBe('x');
  });

  it('a customised page: autocomplete="one-time-code", or only the label text (Indonesian too)', () => {
    document.body.innerHTML = '<input id="username" name="username"><input id="c" name="code" autocomplete="one-time-code">';
    expect(findOtpField(document)?.id).toBe('c');
    document.body.innerHTML = '<div><label>Kode OTP</label><input id="kode" name="kode"></div><input name="username">';
    expect(findOtpField(document)?.id).toBe('kode');
    document.body.innerHTML = '<label>Masukkan <b>kode verifikasi</b> <input id="inner" type="tel"></label>';
    expect(findOtpField(document)?.id).toBe('inner');
  });

  it('nothing on the username/password step or the activation page', () => {
    document.body.innerHTML = `<form id="kc-form-login"><label for="username">Username or email</label><input id="username" name="username">
      <label for="password">Password</label><input id="password" name="password" type="password"><input type="submit" id="kc-login"></form>`;
    expect(findOtpField(document)).toBeNull();
    document.body.innerHTML = fixture('login-config-totp.html');
    expect(findOtpField(document)).toBeNull();
  });

  it('skips hidden and disabled inputs', () => {
    document.body.innerHTML = '<input id="otp" type="hidden"><input name="otp" disabled><label for="z">One-time code</label><input id="z">';
    expect(findOtpField(document)?.id).toBe('z');
  });

  it('reads the user logging in when Keycloak shows it', () => {
    document.body.innerHTML = '<div id="kc-username"><label id="kc-attempted-username"> 199001012015011001 </label></div>';
    expect(attemptedUsername(document)).toBe('199001012015011001');
    document.body.innerHTML = '';
    expect(attemptedUsername(document)).toBeUndefined();
  });
});

describe('the activation page', () => {
  it('finds the QR image, the code field, and the key in manual mode', () => {
    document.body.innerHTML = fixture('login-config-totp.html');
    const page = findActivation(document)!;
    expect(page.qr?.id).toBe('kc-totp-secret-qr-code');
    expect(page.totp?.id).toBe('totp');
    expect(page.keyText).toBeNull();
    expect(page.anchor).toBe(page.qr); // the button goes after the QR code
    expect(qrDataUrl(page.qr!)).toMatch(/^data:image\/png;base64, iVBOR/);

    document.body.innerHTML = `<p>Enter the key:</p><p><span id="kc-totp-secret-key">KRUG KIDR OVUW G2ZA</span></p>
      <form id="kc-totp-settings-form"><input id="totp" name="totp"></form>`;
    expect(findActivation(document)).toMatchObject({ qr: null, keyText: 'KRUG KIDR OVUW G2ZA', anchor: document.querySelector('#kc-totp-secret-key') });
    document.body.innerHTML = fixture('login-otp.html');
    expect(findActivation(document)).toBeNull();
  });
});
