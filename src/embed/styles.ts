import tokensCss from '../theme/tokens.css?inline';
import uiCss from '../ui/ui.css?inline';
import chartCss from '../chart/chart.css?inline';
import pathCss from '../ui/path.css?inline';
import embedCss from './embed.css?inline';
import hostThemeCss from './host-theme.css?inline';

/** The tokens go onto the host (`:host` in tokens.css), where the page's own `leverage-lens { --lev-… }` rules win. */
// The price path panel (views=path) loads lazily, but its styles are small and must already be in the shadow root.
const widgetCss = `${tokensCss}\n${uiCss}\n${chartCss}\n${pathCss}\n${embedCss}\n${hostThemeCss}`;

/**
 * A constructed sheet belongs to the document whose window constructed it, and a shadow root applies only sheets
 * of its own document: an element moved into another document (an iframe's, through adoptNode) needs a sheet
 * made there. Null when that document has no window or no constructable sheets.
 */
function sheetFor(document: Document): CSSStyleSheet | null {
  const view = document.defaultView;
  if (view === null || typeof view.CSSStyleSheet !== 'function' || !('replaceSync' in view.CSSStyleSheet.prototype)) return null;
  try {
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(widgetCss);
    return sheet;
  } catch {
    return null;
  }
}

/**
 * Styles go into the shadow root only: a constructed sheet of the root's document (no inline <style>, so a strict
 * style-src needs no 'unsafe-inline'), or a <style> element where constructable sheets are missing. Called again
 * after the element moved to another document (`previous` is the sheet it had), it swaps the sheet for one of the
 * new document. Each element has its own sheet: nothing is shared between widgets, or kept at module level.
 * Returns the adopted sheet (null when a <style> element carries the styles, which moves with the root).
 */
export function adoptStyles(root: ShadowRoot, previous: CSSStyleSheet | null = null): CSSStyleSheet | null {
  const hasStyleElement = root.querySelector(':scope > style[data-lev-styles]') !== null;
  if (hasStyleElement) return null;
  const sheet = 'adoptedStyleSheets' in root ? sheetFor(root.ownerDocument) : null;
  if (sheet !== null) {
    try {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets.filter((adopted) => adopted !== previous), sheet];
      return sheet;
    } catch {
      // Fall through to the <style> element.
    }
  }
  const style = root.ownerDocument.createElement('style');
  style.dataset['levStyles'] = '';
  style.textContent = widgetCss;
  root.prepend(style);
  return null;
}
