import type { ComponentChildren } from 'preact';

export interface Props {
  id: string;
  title: string;
  /** Small controls shown on the heading's line (the popup keeps its height down this way). */
  actions?: ComponentChildren;
  children: ComponentChildren;
}

/** A titled landmark region: screen readers and tests find it by its heading. */
export function Region({ id, title, actions, children }: Props) {
  const heading = <h2 id={`${id}-title`}>{title}</h2>;
  return (
    <section class="region" id={id} aria-labelledby={`${id}-title`}>
      {actions ? <div class="region-head">{heading}{actions}</div> : heading}
      {children}
    </section>
  );
}
