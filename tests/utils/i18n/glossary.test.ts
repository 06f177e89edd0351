/** The rules of docs/glossary.md marked (test), over every message in both languages. */
import { describe, expect, it } from 'vitest';
import { loadMessages } from '../../i18n-fake';
import { clockText } from '../../../utils/calendar/dates';

const id = loadMessages('id');
const en = loadMessages('en');

/** Messages that must show a time in the other spelling, and why. */
const TIME_SPELLING_EXCEPTIONS: Record<string, string> = {
  // Which spellings the template's time field accepts, and the one e-Kinerja takes.
  template_error_time_invalid: 'accepted spellings',
  templates_field_time_hint: 'accepted spellings; e-Kinerja\'s own form',
};

function offending(messages: Record<string, { message: string }>, test: (text: string) => boolean): string[] {
  return Object.entries(messages).filter(([, m]) => test(m.message)).map(([k, m]) => `${k}: ${m.message}`);
}

describe('glossary (docs/glossary.md)', () => {
  it('Progress Harian as the site spells it, in both languages', () => {
    expect(offending(id, (s) => /\bProgres\b/.test(s))).toEqual([]);
    expect(offending(en, (s) => /\bProgres\b/.test(s))).toEqual([]);
  });

  it('Indonesian says "berkas" and "utama", not "file" and "default"', () => {
    expect(offending(id, (s) => /\bfiles?\b/i.test(s))).toEqual([]);
    expect(offending(id, (s) => /\bdefault\b/i.test(s))).toEqual([]);
  });

  it('times: 16.00 in Indonesian, 16:00 in English', () => {
    const except = (msgs: typeof id) => Object.fromEntries(Object.entries(msgs).filter(([k]) => !(k in TIME_SPELLING_EXCEPTIONS)));
    expect(offending(except(id), (s) => /\b([01]?\d|2[0-3]):[0-5]\d\b/.test(s))).toEqual([]);
    expect(offending(except(en), (s) => /\b([01]?\d|2[0-3])\.[0-5]\d\b(?!\.\d)/.test(s))).toEqual([]);
    expect(clockText('16:00', 'id-ID')).toBe('16.00');
    expect(clockText('07:30', 'en-GB')).toBe('07:30');
  });

  it('no space before a percent sign', () => {
    expect(offending(id, (s) => /\d\s+%/.test(s))).toEqual([]);
    expect(offending(en, (s) => /\d\s+%/.test(s))).toEqual([]);
  });

  it('English is complete: it never quotes an Indonesian text of the extension', () => {
    const ours = Object.entries(id)
      .filter(([k, m]) => m.message.length >= 4 && en[k]!.message !== m.message && !m.message.includes('$'))
      .map(([, m]) => m.message);
    expect(ours.length).toBeGreaterThan(100);
    const quoted = Object.entries(en).flatMap(([k, m]) =>
      [...m.message.matchAll(/["“]([^"”]+)["”]/g)].filter((q) => ours.includes(q[1]!)).map((q) => `${k}: ${q[1]}`));
    expect(quoted).toEqual([]);
  });
});
