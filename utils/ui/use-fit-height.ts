/**
 * Keeps a page within a height (the popup: Chrome shows at most 600 px of it) by making its
 * scrolling lists shorter, each in proportion to what it can give and never below `minPx`; the
 * rest of the page keeps its height. Re-fits whenever the content's size changes (data arriving,
 * a list opened, a form shown). CSS sets each list's usual maximum; this only takes away.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

export function useFitHeight<T extends HTMLElement>(maxPx: number, lists: string, minPx: number) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const content = ref.current;
    if (!content || typeof ResizeObserver === 'undefined') return;
    const fit = () => {
      const boxes = [...content.querySelectorAll<HTMLElement>(lists)];
      for (const b of boxes) b.style.maxHeight = '';
      const over = content.getBoundingClientRect().height - maxPx;
      if (over <= 0) return;
      const room = boxes.map((b) => Math.max(0, b.clientHeight - minPx));
      const total = room.reduce((a, b) => a + b, 0);
      if (total === 0) return;
      boxes.forEach((b, i) => {
        b.style.maxHeight = `${Math.max(minPx, b.clientHeight - Math.ceil((over * room[i]!) / total))}px`;
      });
    };
    const observer = new ResizeObserver(fit);
    observer.observe(content);
    return () => observer.disconnect();
  }, [maxPx, lists, minPx]);
  return ref;
}
