import { describe, expect, it, vi } from 'vitest';
import { OnboardingChecklist } from '@/components/OnboardingChecklist';
import { writeSettings } from '@/utils/settings/store';
import { changeChoices } from '@/utils/onboarding/store';
import { skip } from '@/utils/onboarding/checklist';
import { backgroundPerTest } from '../helpers/background';
import { $, button, mount, rootPerTest, waitFor } from '../helpers/dom';

const bg = backgroundPerTest();
rootPerTest();

describe('OnboardingChecklist, the popup\'s compact box', () => {
  it('names the steps left, is named by its progress, and its button opens the welcome page', async () => {
    const open = vi.fn();
    const loaded = vi.fn();
    mount(<OnboardingChecklist variant="compact" openWelcome={open} onLoaded={loaded} />);
    const group = await waitFor(() => $('[role="group"]'));
    expect(group.getAttribute('aria-label')).toBe('Panduan awal: 0 dari 4 langkah selesai');
    expect($('.onboarding-left', group).textContent).toBe('Belum: Kata sandi brankas MFA, Akun MFA ASN Digital, Template Progress Harian pertama, Batas waktu dan zona waktu');
    expect(loaded).toHaveBeenCalled();
    button('Lanjutkan panduan awal').click();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('leaves out steps done or skipped, and shows nothing once none is left', async () => {
    await writeSettings(bg.db, { targetTime: '15:00' });
    await changeChoices((c) => skip(skip(c, 'passphrase'), 'account'));
    const loaded = vi.fn();
    mount(<OnboardingChecklist variant="compact" onLoaded={loaded} />);
    const group = await waitFor(() => $('[role="group"]'));
    expect(group.getAttribute('aria-label')).toBe('Panduan awal: 1 dari 4 langkah selesai');
    expect($('.onboarding-left', group).textContent).toBe('Belum: Template Progress Harian pertama');

    await changeChoices((c) => skip(c, 'template'));
    const again = vi.fn();
    mount(<OnboardingChecklist key="again" variant="compact" onLoaded={again} />);
    await waitFor(() => expect(again).toHaveBeenCalled());
    expect(document.querySelector('[role="group"]')).toBeNull();
  });
});
