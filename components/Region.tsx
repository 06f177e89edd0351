import type { ComponentChildren } from 'preact';

export interface Props {
  id: string;
  title: string;
  children: ComponentChildren;
}

/** A titled landmark region: screen readers and tests find it by its heading. */
export function Region({ id, title, children }: Props) {
  return (
    <section class="region" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}
