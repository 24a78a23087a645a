import tokensCss from '../theme/tokens.css?inline';
import uiCss from '../ui/ui.css?inline';
import chartCss from '../chart/chart.css?inline';
import embedCss from './embed.css?inline';

/** The tokens go onto the host (`:host` in tokens.css), where the page's own `leverage-lens { --lev-… }` rules win. */
const widgetCss = `${tokensCss}\n${uiCss}\n${chartCss}\n${embedCss}`;

let shared: CSSStyleSheet | null = null;

function sharedSheet(): CSSStyleSheet {
  if (shared === null) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(widgetCss);
    shared = sheet;
  }
  return shared;
}

/**
 * Styles go into the shadow root only: one constructed sheet shared by every element (no inline <style>, so a
 * strict style-src needs no 'unsafe-inline'), or a <style> element where constructable sheets are missing.
 */
export function adoptStyles(root: ShadowRoot): void {
  try {
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sharedSheet()];
      return;
    }
  } catch {
    // Fall through to the <style> element.
  }
  const style = document.createElement('style');
  style.textContent = widgetCss;
  root.append(style);
}
