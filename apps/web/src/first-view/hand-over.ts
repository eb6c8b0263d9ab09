/*
 * The first view (first-view/paint.ts) is static DOM drawn before React has booted; React
 * takes the page over in the commit that draws the same figures. The hand-over removes the
 * static view and shows React's tree in that commit's layout effect, before the browser
 * paints, so the screen goes from one to the other in a single frame. Part of the page's first
 * script (entry.ts), which the application shares it with.
 */
import { FONT_FAMILY } from '../shared/font';

/**
 * The class antd's static stylesheet (antd/dist/antd.css) gives its default design tokens and
 * component variables to. React's ConfigProvider scopes the same variables to its own class at
 * run time; before React, the stylesheet's defaults are the ones there are.
 */
export const TOKENS = 'css-var-_R_0_';
let done = false;
let shown: { view: HTMLElement; root: HTMLElement; rootStyle: string } | null = null;

/** Shows the static view in place of #root (kept laid out, hidden) unless React has already taken over. */
export function showFirstView(view: HTMLElement): boolean {
  const root = document.getElementById('root');
  if (done || shown || !root) return false;
  shown = { view, root, rootStyle: root.style.cssText };
  // React keeps rendering underneath at the page's full size (its media queries and the
  // charts' measurements stay true), out of sight and out of the flow.
  Object.assign(root.style, { visibility: 'hidden', position: 'absolute', top: '0', left: '0', width: '100%' });
  // The theme's one change to antd's defaults (App.tsx), for the stylesheet's token class; and
  // controls that only React can answer let clicks pass (links work as links meanwhile).
  const theme = document.createElement('style');
  theme.textContent = `.${TOKENS}{--ant-font-family:${FONT_FAMILY}}#first-view button,#first-view .ant-segmented{pointer-events:none}`;
  view.prepend(theme);
  root.before(view);
  return true;
}

/** React has drawn the page (or something else than it): the static view goes, for good. */
export function handOverFirstView(): void {
  if (done) return;
  done = true;
  if (!shown) return;
  shown.view.remove();
  shown.root.style.cssText = shown.rootStyle;
  shown = null;
}

export const firstViewHandedOver = () => done;
