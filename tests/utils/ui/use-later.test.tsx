import { describe, expect, it, vi } from 'vitest';
import { useState } from 'preact/hooks';
import { useLater } from '@/utils/ui/use-later';
import { button, mount, root, rootPerTest, waitFor } from '../../helpers/dom';

rootPerTest();

function Page({ load }: { load: () => Promise<string> }) {
  const [ready, setReady] = useState(false);
  const later = useLater(ready, load);
  return (
    <>
      <button type="button" onClick={() => setReady(true)}>ready</button>
      <p>{later ?? 'not yet'}</p>
    </>
  );
}

describe('useLater', () => {
  it('loads nothing until asked, then once, and shows what arrived', async () => {
    const load = vi.fn(async () => 'below the fold');
    mount(<Page load={load} />);
    await Promise.resolve();
    expect(load).not.toHaveBeenCalled();
    expect(root.querySelector('p')!.textContent).toBe('not yet');
    button('ready').click();
    await waitFor(() => expect(root.querySelector('p')!.textContent).toBe('below the fold'));
    button('ready').click();
    await Promise.resolve();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('stays empty when the chunk does not load', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const load = vi.fn(() => Promise.reject(new Error('chunk gone')));
    mount(<Page load={load} />);
    button('ready').click();
    await waitFor(() => expect(error).toHaveBeenCalled());
    expect(root.querySelector('p')!.textContent).toBe('not yet');
    error.mockRestore();
  });
});
