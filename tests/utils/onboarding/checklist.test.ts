import { describe, expect, it } from 'vitest';
import { checklist, NO_CHOICES, readChoices, skip, type OnboardingFacts } from '@/utils/onboarding/checklist';

const fresh: OnboardingFacts = { vaultMode: 'none', accounts: 0, templates: 0, settings: { targetTime: '16:00', zone: 'browser' }, choices: NO_CHOICES };

describe('onboarding checklist', () => {
  it('starts with the passphrase, and nothing done', () => {
    const c = checklist(fresh);
    expect(c.steps.map((s) => s.id)).toEqual(['passphrase', 'account', 'template', 'schedule']);
    expect(c.steps.every((s) => s.state === 'todo')).toBe(true);
    expect(c).toMatchObject({ next: 'passphrase', left: 4, done: 0 });
  });

  it('reads each step from the real state', () => {
    expect(checklist({ ...fresh, vaultMode: 'locked' }).steps[0]!.state).toBe('done');
    expect(checklist({ ...fresh, vaultMode: 'unlocked' }).next).toBe('account');
    expect(checklist({ ...fresh, accounts: 1 }).steps[1]!.state).toBe('done');
    expect(checklist({ ...fresh, templates: 2 }).steps[2]!.state).toBe('done');
    // The schedule: a changed deadline or zone, or the defaults confirmed.
    expect(checklist({ ...fresh, settings: { targetTime: '15:00', zone: 'browser' } }).steps[3]!.state).toBe('done');
    expect(checklist({ ...fresh, settings: { targetTime: '16:00', zone: 'Asia/Makassar' } }).steps[3]!.state).toBe('done');
    expect(checklist({ ...fresh, choices: { ...NO_CHOICES, scheduleConfirmed: true } }).steps[3]!.state).toBe('done');
    const all = checklist({ vaultMode: 'unlocked', accounts: 1, templates: 1, settings: { targetTime: '16:00', zone: 'browser' }, choices: { ...NO_CHOICES, scheduleConfirmed: true } });
    expect(all).toMatchObject({ next: null, left: 0, done: 4 });
  });

  it('a skipped step is left out of what is left, until it is taken up again; done wins over skipped', () => {
    let choices = skip(NO_CHOICES, 'passphrase');
    let c = checklist({ ...fresh, choices });
    expect(c.steps[0]!.state).toBe('skipped');
    expect(c).toMatchObject({ next: 'account', left: 3 });
    choices = skip(choices, 'passphrase', false);
    expect(checklist({ ...fresh, choices }).next).toBe('passphrase');
    choices = skip(skip(choices, 'template'), 'template');
    expect(choices.skipped).toEqual(['template']);
    c = checklist({ ...fresh, templates: 1, choices });
    expect(c.steps[2]!.state).toBe('done');
  });

  it('reads stored choices safely', () => {
    expect(readChoices(undefined)).toEqual(NO_CHOICES);
    expect(readChoices('x')).toEqual(NO_CHOICES);
    expect(readChoices({ skipped: ['template', 'bogus', 3], scheduleConfirmed: 'yes', noPassphraseWarned: true }))
      .toEqual({ skipped: ['template'], scheduleConfirmed: false, noPassphraseWarned: true });
  });
});
