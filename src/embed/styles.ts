import uiCss from '../ui/ui.css?inline';
import chartCss from '../chart/chart.css?inline';
import embedCss from './embed.css?inline';

interface Palettes {
  light: string[];
  dark: string[];
}

function collect(rules: CSSRuleList, palettes: Palettes): void {
  for (const rule of Array.from(rules)) {
    if (rule instanceof CSSStyleRule && rule.selectorText.includes('lev-theme')) {
      const declarations: string[] = [];
      for (const name of Array.from(rule.style)) {
        if (name.startsWith('--lev-')) declarations.push(`${name}:${rule.style.getPropertyValue(name).trim()}`);
      }
      if (declarations.length > 0) (rule.selectorText.includes('dark') ? palettes.dark : palettes.light).push(...declarations);
    } else if (rule instanceof CSSMediaRule && !rule.conditionText.includes('prefers-color-scheme')) {
      collect(rule.cssRules, palettes);
    }
  }
}

/**
 * The UI's palette moved from its themed root onto the host element, where the page's own rules
 * (`leverage-lens { --lev-accent: … }` or any ancestor) win over the widget's defaults; the themed root inside
 * then inherits every colour instead of setting it. Read through the CSSOM, so minified CSS reads the same.
 */
export function hostThemeCss(css: string): string {
  const palettes: Palettes = { light: [], dark: [] };
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    collect(sheet.cssRules, palettes);
  } catch {
    // No constructable sheets: the widget keeps its own palette.
    return '';
  }
  if (palettes.light.length === 0) return '';
  const names = [...new Set(palettes.light.map((declaration) => declaration.slice(0, declaration.indexOf(':'))))];
  const dark = palettes.dark.join(';');
  return [
    `:host{${palettes.light.join(';')}}`,
    dark === '' ? '' : `:host([theme="dark"]){${dark}}`,
    dark === '' ? '' : `@media (prefers-color-scheme: dark){:host(:not([theme="light"]):not([theme="dark"])){${dark}}}`,
    `.lev-theme.lev-embed--shadow[data-theme]{${names.map((name) => `${name}:inherit`).join(';')}}`,
  ].join('\n');
}

let shared: CSSStyleSheet | null = null;

function sharedSheet(): CSSStyleSheet {
  if (shared === null) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`${uiCss}\n${chartCss}\n${embedCss}\n${hostThemeCss(uiCss)}`);
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
  style.textContent = `${uiCss}\n${chartCss}\n${embedCss}`;
  root.append(style);
}
