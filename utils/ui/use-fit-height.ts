/**
 * Keeps a page within a height (the popup: Chrome shows at most 600 px of it) by making its
 * scrolling lists shorter, each in proportion to what it can give and never below `minPx`; the
 * rest of the page keeps its height. Re-fits whenever the content's size changes (data arriving,
 * a list opened, a form shown). CSS sets each list's usual maximum; this only takes away.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

/** The least height a list is given when the page cannot fit otherwise. */
const LAST_RESORT_PX = 16;

export function useFitHeight<T extends HTMLElement>(maxPx: number, lists: string, minPx: number) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const content = ref.current;
    if (!content || typeof ResizeObserver === 'undefined') return;
    const fit = () => {
      const boxes = [...content.querySelectorAll<HTMLElement>(lists)];
      for (const b of boxes) b.style.maxHeight = '';
      // A few passes: a box's padding and border, and fractions of a pixel, can leave it a little
      // taller than asked the first time. Heights are border-box (what the page's height is made of);
      // the limit is where the content ends, rounded up as the browser sizes the popup.
      // When the lists at `minPx` are still too tall (a working day's today section, one account and
      // the long missed list open), they give more, down to a sliver that still scrolls.
      for (let pass = 0; pass < 6; pass++) {
        const floor = pass < 3 ? minPx : LAST_RESORT_PX;
        const over = Math.ceil(content.getBoundingClientRect().bottom) - maxPx;
        if (over <= 0) return;
        const heights = boxes.map((b) => b.getBoundingClientRect().height);
        const room = heights.map((h) => Math.max(0, h - floor));
        const total = room.reduce((a, b) => a + b, 0);
        if (total === 0) continue;
        boxes.forEach((b, i) => {
          b.style.boxSizing = 'border-box';
          b.style.maxHeight = `${Math.max(floor, Math.floor(heights[i]! - Math.ceil((over * room[i]!) / total)))}px`;
        });
      }
    };
    const observer = new ResizeObserver(fit);
    observer.observe(content);
    return () => observer.disconnect();
  }, [maxPx, lists, minPx]);
  return ref;
}
