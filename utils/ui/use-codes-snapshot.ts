/**
 * The popup's MFA snapshot: what the background keeps in storage.session (with the secrets,
 * which never travel over messages) and when the vault locks itself, kept current as the
 * background rewrites it, plus the clock check the popup's opening triggers.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../messaging/protocol';
// Before the TOTP library: the snapshot read starts while the rest of the popup is evaluated.
import { readStoredSnapshot, takeEarlySnapshot, watchStoredSnapshot, type StoredSnapshot } from '../vault/popup-prefetch';
import type { CodesSnapshot } from '../vault/snapshot';

export interface LoadedSnapshot {
  snap: CodesSnapshot;
  /** When the vault locks itself (Unix ms), if it is open with a passphrase. */
  lockAt: number | null;
}

function readStored({ snap, lockAt }: StoredSnapshot): LoadedSnapshot | null {
  return snap && Array.isArray(snap.accounts) ? { snap, lockAt } : null;
}

const readSession = readStoredSnapshot;

/** The stored snapshot; when it is missing, the background writes it first. */
export async function loadSnapshot(): Promise<LoadedSnapshot> {
  const stored = readStored(await (takeEarlySnapshot() ?? readSession()));
  if (stored) return stored;
  const bare = await sendMessage('getCodesSnapshot');
  return readStored(await readSession()) ?? { snap: bare, lockAt: null };
}

/**
 * The snapshot, read from the first render on (the codes are what the popup is opened for);
 * `onLoaded` runs when the first read arrives. `update` waits for a change sent to the
 * background, then shows the snapshot it wrote.
 */
export function useCodesSnapshot(onLoaded: () => void): {
  loaded: LoadedSnapshot | null;
  failed: boolean;
  setLoaded: (loaded: LoadedSnapshot) => void;
  update: (change: Promise<unknown>) => Promise<void>;
} {
  const [loaded, setLoaded] = useState<LoadedSnapshot | null>(null);
  const [failed, setFailed] = useState(false);
  const first = useRef<Promise<LoadedSnapshot> | null>(null);
  first.current ??= loadSnapshot();
  const loadedHandler = useRef(onLoaded);
  loadedHandler.current = onLoaded;

  // A layout effect runs right after the first render, in the same task: the snapshot (usually
  // already on its way back) is shown as soon as it arrives, not after the next frame.
  useLayoutEffect(() => {
    let live = true;
    first.current!.then(
      (l) => {
        if (!live) return;
        loadedHandler.current();
        setLoaded(l);
      },
      () => live && setFailed(true),
    );
    const unwatch = watchStoredSnapshot((changed) => {
      setLoaded((old) => {
        const snap = 'snap' in changed ? changed.snap : old?.snap;
        const lockAt = 'lockAt' in changed ? changed.lockAt : old?.lockAt;
        if (!snap) return old;
        return { snap, lockAt: lockAt ?? null };
      });
    });
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  useEffect(() => {
    let live = true;
    // Counts as use (auto-lock) and checks the clock at most once an hour; offline stays quiet.
    sendMessage('mfaPopupOpened').then(
      ({ clock }) => live && setLoaded((old) => (old ? { ...old, snap: { ...old.snap, clock } } : old)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const update = async (change: Promise<unknown>) => {
    await change;
    const fresh = readStored(await readSession());
    if (fresh) setLoaded(fresh);
  };

  return { loaded, failed, setLoaded, update };
}
