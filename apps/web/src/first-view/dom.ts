/*
 * Building blocks of the first view: elements made with the DOM API (text is always text, never
 * parsed as HTML: region names come from the server) and antd's icons from the same SVG
 * definitions @ant-design/icons renders, so every node matches what React draws afterwards.
 */
import type { IconDefinition } from '@ant-design/icons-svg/lib/types';

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | undefined> & { style?: string };

/** An element with attributes (style as CSS text) and children; undefined attributes are left out. */
export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    if (name === 'style') element.style.cssText = value;
    else element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * The first view imports the CommonJS copies of the icon definitions (icons-svg/lib/asn), not
 * the ES ones the application's icons use: shared, those would be split into files of their
 * own that every page, the sign-in page too, would then fetch one by one. Under Node's
 * interoperability rules (the web app is an ES module package) their default import is the
 * module object.
 */
type Imported = IconDefinition | { default: IconDefinition };

/** <span class="anticon anticon-…"><svg …/></span>, as @ant-design/icons renders an icon. */
export function icon(imported: Imported, attrs: Attrs = {}): HTMLElement {
  const definition = 'default' in imported ? imported.default : imported;
  const node = definition.icon;
  if (typeof node === 'function') throw new Error('two-tone icons are not used here');
  const svg = document.createElementNS(SVG, 'svg');
  for (const [name, value] of Object.entries(node.attrs)) svg.setAttribute(name, String(value));
  svg.setAttribute('data-icon', definition.name);
  svg.setAttribute('width', '1em');
  svg.setAttribute('height', '1em');
  svg.setAttribute('fill', 'currentColor');
  svg.setAttribute('aria-hidden', 'true');
  for (const child of node.children ?? []) {
    const path = document.createElementNS(SVG, child.tag);
    for (const [name, value] of Object.entries(child.attrs)) path.setAttribute(name, String(value));
    svg.append(path);
  }
  return h('span', { role: 'img', 'aria-label': definition.name, ...attrs, class: `anticon anticon-${definition.name}` }, svg);
}

// Also the class the first view's antd elements carry (hand-over.ts sets its variables).
export { TOKENS } from './hand-over';
