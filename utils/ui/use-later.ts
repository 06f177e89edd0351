/**
 * What a page shows below its first screen, loaded once that screen is up: `load` (a dynamic
 * import) is called after the render where `when` turned true — after the browser painted it —
 * and its result is returned from then on (null until it arrives, or if it fails).
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export function useLater<T>(when: boolean, load: () => Promise<T>): T | null {
  const [loaded, setLoaded] = useState<T | null>(null);
  const asked = useRef(false);
  const loader = useRef(load);
  loader.current = load;
  useEffect(() => {
    if (!when || asked.current) return;
    asked.current = true;
    let live = true;
    loader.current().then((m) => { if (live) setLoaded(() => m); }, (err: unknown) => console.error(err));
    return () => { live = false; };
  }, [when]);
  return loaded;
}
