/** Briefly outlines filled fields so the eye finds what changed, then gives them back their own style. */
const flashing = new WeakMap<HTMLElement, { restore: () => void; timer: ReturnType<typeof setTimeout> }>();

export function flash(el: HTMLElement, ms = 1600): void {
  const { style } = el;
  let entry = flashing.get(el);
  if (entry) clearTimeout(entry.timer);
  else {
    const outline = [style.getPropertyValue('outline'), style.getPropertyPriority('outline')] as const;
    const offset = style.getPropertyValue('outline-offset');
    entry = {
      restore: () => {
        style.setProperty('outline', outline[0], outline[1]);
        style.setProperty('outline-offset', offset);
      },
      timer: 0 as unknown as ReturnType<typeof setTimeout>,
    };
  }
  style.setProperty('outline', '2px solid #198754', 'important');
  style.setProperty('outline-offset', '1px');
  const restore = entry.restore;
  entry.timer = setTimeout(() => {
    flashing.delete(el);
    restore();
  }, ms);
  flashing.set(el, entry);
}
