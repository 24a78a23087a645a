import { serializeInputs } from '../config/codec';
import type { Inputs } from '../config/schema';
import type { ThemeChoice } from '../store/calculatorStore';

/** What the author chose in the Embed dialog, on top of the current inputs. */
export interface EmbedChoices {
  inputs: Inputs;
  theme: ThemeChoice;
  /** Input keys the reader may change. */
  controls: readonly string[];
  /** Panels to show. */
  views: readonly string[];
  /** The page's number format, passed on so the embed reads like the page it was made on. */
  locale?: string | undefined;
  currency?: string | undefined;
}

export interface EmbedSnippets {
  element: string;
  iframe: string;
  react: string;
}

/** The schema's flat pairs for a state: the same keys and values (rates as fractions) in every snippet. */
export function embedPairs(choices: EmbedChoices): [string, string][] {
  const pairs = serializeInputs(choices.inputs).filter(([key]) => key !== 'v');
  if (choices.theme !== 'auto') pairs.push(['theme', choices.theme]);
  if (choices.locale !== undefined) pairs.push(['locale', choices.locale]);
  if (choices.currency !== undefined) pairs.push(['currency', choices.currency]);
  // `editable`, not `controls`: HTML and Astro's MDX read `controls` as the media attribute (both names work).
  if (choices.controls.length > 0) pairs.push(['editable', choices.controls.join(',')]);
  pairs.push(['views', choices.views.join(',')]);
  return pairs;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function jsxAttribute(key: string, value: string): string {
  return /^[^"\\{}<>&]*$/.test(value) ? `${key}="${value}"` : `${key}={${JSON.stringify(value)}}`;
}

/**
 * A fixed height for hosts without the resize script, roomy enough for what is shown: the compact layout (a chart,
 * the key figures, the controls) is about one screen; every figure (`results`) adds their cards beside the chart.
 */
export function suggestedHeight(choices: EmbedChoices): number {
  const chart = choices.views.includes('chart') || choices.views.includes('amplification');
  const results = choices.views.includes('results');
  const figures = !results && choices.views.includes('figures');
  return 100 + choices.controls.length * 90 + (results ? 620 : 0) + (figures ? 200 : 0) + (chart ? 560 : 0);
}

/**
 * The iframe's class: a strict `style-src` blocks inline `style` attributes, so the snippet carries none and the
 * host styles the frame from its own stylesheet (`iframe.leverage-lens-frame { border: 0; width: 100%; }`).
 */
export const FRAME_CLASS = 'leverage-lens-frame';

/**
 * The three ways in, for one state. `base` is where this app is served (e.g. https://example.org/lens/): the
 * element script, the iframe page and the host script live beside the page.
 */
export function embedSnippets(base: string, choices: EmbedChoices): EmbedSnippets {
  const pairs = embedPairs(choices);
  const script = new URL('leverage-lens.js', base).href;
  const hostScript = new URL('leverage-lens-host.js', base).href;
  const frame = new URL('embed.html', base);
  frame.search = new URLSearchParams([['v', '1'], ...pairs, ['id', 'leverage-lens-1']]).toString();

  const attributes = pairs.map(([key, value]) => `  ${key}="${escapeHtml(value)}"`).join('\n');
  const element = [`<script type="module" src="${escapeHtml(script)}"></script>`, `<leverage-lens`, attributes, `></leverage-lens>`].join('\n');

  const iframe = [
    `<iframe src="${escapeHtml(frame.href)}"`,
    `  title="Leverage Lens calculator" width="100%" height="${suggestedHeight(choices)}" loading="lazy" class="${FRAME_CLASS}"></iframe>`,
    `<!-- Optional: sizes the iframe to its content. Style the frame from your stylesheet, e.g. .${FRAME_CLASS} { border: 0; } -->`,
    `<script src="${escapeHtml(hostScript)}" defer></script>`,
  ].join('\n');

  const props = pairs.map(([key, value]) => `  ${jsxAttribute(key, value)}`).join('\n');
  const react = [
    `// npm install leverage-lens`,
    `import { LeverageLens } from 'leverage-lens';`,
    `import 'leverage-lens/style.css';`,
    ``,
    `export function Example() {`,
    `  return (`,
    `    <LeverageLens`,
    props.replace(/^/gm, '    '),
    `      onChange={(analysis) => console.log(analysis)}`,
    `    />`,
    `  );`,
    `}`,
  ].join('\n');

  return { element, iframe, react };
}
