/**
 * A DOM element factory for JSX (`/** @jsx h *\/` with the classic runtime): the in-page control
 * is built without a UI library, to keep the content script small. Props: attributes, `on…`
 * listeners, `ref` (called with the element); `false`, null and undefined are left out.
 */
export type Child = Node | string | number | false | null | undefined | Child[];

export function h(tag: string, props: Record<string, unknown> | null, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'ref') (value as (e: HTMLElement) => void)(el);
    else if (name.startsWith('on')) el.addEventListener(name.slice(2).toLowerCase(), value as EventListener);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  el.append(...flat(children));
  return el;
}

function flat(children: Child[]): (Node | string)[] {
  return children.flatMap((c): (Node | string)[] =>
    Array.isArray(c) ? flat(c) : c === false || c === null || c === undefined ? [] : [typeof c === 'number' ? String(c) : c]);
}

export declare namespace h {
  namespace JSX {
    type Element = HTMLElement;
    interface IntrinsicElements {
      [tag: string]: Record<string, unknown>;
    }
  }
}
