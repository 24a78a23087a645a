import { niceStep, stepDecimals } from './axes';
import type { AmplificationFan, PriceDomain } from './series';
import type { EndedCurve } from './series';

export interface CsvOptions {
  /** Currency of price, equity and PnL columns, e.g. { price: 'USDT', margin: 'USDT' }. */
  units?: { price: string; margin: string; quote?: string };
}

function cell(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  // 12 significant digits: enough for any tick, and no binary noise such as 0.30000000000000004.
  return String(Number(value.toPrecision(12)));
}

function unitSuffix(unit: string | undefined): string {
  const clean = (unit ?? '').replace(/[^0-9A-Za-z]+/g, '');
  return clean === '' ? '' : `_${clean}`;
}

/**
 * The curve as CSV: one header row, one row per plotted price, with the position's state there ('open' or
 * 'liquidated': past liquidation equity is what the venue leaves, never the curve going on below zero). ROE is a
 * fraction of the initial margin; empty cells where a figure does not exist (health without a requirement or once
 * liquidated, leverage past bankruptcy). Inverse curves add their USD equity.
 */
export function curveToCsv(curve: EndedCurve, options: CsvOptions = {}): string {
  const units = options.units;
  const withQuote = units?.quote !== undefined && units.quote !== units.margin;
  const header = [
    `price${unitSuffix(units?.price)}`,
    'state',
    `equity${unitSuffix(units?.margin)}`,
    ...(withQuote ? [`equity${unitSuffix(units.quote)}`] : []),
    `pnl${unitSuffix(units?.margin)}`,
    'roe_fraction',
    'health',
    'effective_leverage',
  ];
  const lines = [header.join(',')];
  for (let index = 0; index < curve.price.length; index += 1) {
    const row = [
      cell(curve.price[index]),
      curve.state[index] ?? 'open',
      cell(curve.equity[index]),
      ...(withQuote ? [cell(curve.equityQuote[index])] : []),
      cell(curve.pnl[index]),
      cell(curve.roe[index]),
      cell(curve.health[index]),
      cell(curve.effectiveLeverage[index]),
    ];
    lines.push(row.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** What a CSV says about itself before its table: the chart, the inputs (as a link writes them), the convention, the venue data. */
export interface CsvContext {
  chart: string;
  /** The inputs as a link's query string (rates as fractions), so the file can be reproduced. */
  inputs: string;
  convention: string;
  venue: { label: string; asOf: string; source: string } | null;
}

/** The metadata rows, `# key: value`, one line each. */
export function csvMetadata(context: CsvContext): [string, string][] {
  const venue = context.venue === null ? 'none (custom parameters)' : `${context.venue.label}, data as of ${context.venue.asOf} (${context.venue.source})`;
  return [
    ['Leverage Lens', context.chart],
    ['inputs', context.inputs],
    ['convention', context.convention],
    ['venue preset', venue],
  ];
}

/** A CSV opened by commented rows (`# key: value`): spreadsheet imports skip them with a comment character of #. */
export function withMetadata(csv: string, metadata: readonly (readonly [string, string])[]): string {
  const rows = metadata.map(([key, value]) => `# ${key}: ${value.replace(/[\r\n]+/g, ' ')}`);
  return rows.length === 0 ? csv : `${rows.join('\r\n')}\r\n${csv}`;
}

/** Rows a CSV's price grid aims at: a round step near the range's span ÷ this. */
export const CSV_ROWS = 200;

/**
 * A round price grid inside a range: a 1, 2, 2.5 or 5 × 10ⁿ step, from its first multiple above zero in the range to
 * its last, so every row's price is a round number (the chart's own points include the exact marker prices).
 */
export function roundPriceGrid(domain: PriceDomain, rows = CSV_ROWS): { from: number; to: number; points: number; step: number } {
  const step = niceStep(domain.to - domain.from, rows);
  const first = Math.max(Math.ceil(domain.from / step - 1e-9), 1);
  const last = Math.max(first + 1, Math.floor(domain.to / step + 1e-9));
  const round = (index: number): number => Number((index * step).toFixed(Math.min(20, stepDecimals(step))));
  return { from: round(first), to: round(last), points: last - first + 1, step };
}

/** The amplification fan as CSV: price change (percent), price, then ROE in percent at each leverage, empty past its liquidation. */
export function fanToCsv(fan: AmplificationFan, entry: number, priceUnit = ''): string {
  const header = ['price_change_percent', `price${unitSuffix(priceUnit)}`, ...fan.lines.map((line) => `roe_percent_${cell(line.leverage)}x`)];
  const lines = [header.join(',')];
  for (const row of fan.rows) lines.push([cell(row.change), cell(entry * (1 + row.change / 100)), ...fan.lines.map((line) => cell(row[line.key]))].join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/* ---------- Browser-only helpers: no network, everything stays on the device. ---------- */

/** Saves a blob under a file name through a temporary object URL. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadCsv(csv: string, fileName: string): void {
  downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName);
}

const inlinedProperties = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

/**
 * A standalone copy of a chart SVG: computed styles (CSS classes, custom properties, the theme) are written
 * into each element as presentation attributes (`fill="…"`, `font-size="…"`), because an SVG drawn as an image
 * sees no stylesheet. Never as `style` attributes: a host page under a strict `style-src` blocks each one (and
 * reports a violation per element), even on a detached copy.
 */
export function standaloneSvg(svg: SVGSVGElement, background: string): { markup: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width || Number(svg.getAttribute('width')) || 600));
  const height = Math.max(1, Math.round(box.height || Number(svg.getAttribute('height')) || 300));
  const clone = svg.cloneNode(true);
  if (!(clone instanceof SVGSVGElement)) return { markup: '', width, height };
  const originals = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const copies = [clone, ...Array.from(clone.querySelectorAll('*'))];
  originals.forEach((original, index) => {
    const copy = copies[index];
    if (copy === undefined) return;
    const computed = getComputedStyle(original);
    for (const property of inlinedProperties) {
      const value = computed.getPropertyValue(property);
      if (value !== '') copy.setAttribute(property, value);
    }
  });
  // Interactive parts are not part of the picture: the toolbox's drag handle, the reading cursor and its dot.
  for (const node of Array.from(clone.querySelectorAll('.lev-exit-handle, .lev-cursor, .lev-active-dot'))) node.remove();
  // In the XMLNS namespace, so a serializer sees the declaration and does not write a second one (jsdom would).
  clone.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.removeAttribute('tabindex');
  const backdrop = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  backdrop.setAttribute('width', '100%');
  backdrop.setAttribute('height', '100%');
  backdrop.setAttribute('fill', background);
  clone.insertBefore(backdrop, clone.firstChild);
  return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

/** A legend entry of an exported picture: its words and its line (colour resolved, dash as drawn). */
export interface SlideLegendItem {
  label: string;
  color: string;
  dash: string | null;
}

/** The words around an exported chart: a title, a legend, axis titles per chart, and a caption with the inputs. */
export interface SlideText {
  title: string;
  legend: readonly SlideLegendItem[];
  /** One per chart, in order: the x and y axis titles. */
  axes: readonly { x: string; y: string }[];
  caption: string;
}

const SLIDE = { margin: 16, titleSize: 18, textSize: 12, lineHeight: 17, axisTitle: 18, swatch: 24 } as const;

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);
}

/** Words wrapped to lines of about `width` pixels, at a rough 0.56 em per character. */
function wrapText(text: string, width: number, fontSize: number): string[] {
  const perLine = Math.max(10, Math.floor(width / (fontSize * 0.56)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    if (line !== '' && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * A slide-ready picture as one SVG: the title on top, each chart under it with its axis titles, then the legend
 * and a caption with the inputs. Pure string work, so it is tested without a browser.
 */
export function slideSvg(charts: readonly { markup: string; width: number; height: number }[], text: SlideText, colors: { background: string; text: string; muted: string }): { markup: string; width: number; height: number } {
  const { margin, titleSize, textSize, lineHeight, axisTitle, swatch } = SLIDE;
  const chartWidth = Math.max(1, ...charts.map((chart) => chart.width));
  const width = chartWidth + axisTitle + margin * 2;
  const parts: string[] = [];
  let y = margin + titleSize;
  parts.push(`<text x="${margin}" y="${y}" font-size="${titleSize}" font-weight="600" fill="${colors.text}" font-family="sans-serif" class="lev-slide-title">${escapeXml(text.title)}</text>`);
  y += margin / 2;
  charts.forEach((chart, index) => {
    const axes = text.axes[index];
    const left = margin + axisTitle;
    parts.push(`<g transform="translate(${left},${y})">${chart.markup}</g>`);
    if (axes !== undefined) {
      const middle = y + chart.height / 2;
      parts.push(`<text transform="translate(${margin + textSize},${middle}) rotate(-90)" text-anchor="middle" font-size="${textSize}" fill="${colors.muted}" font-family="sans-serif" class="lev-slide-axis">${escapeXml(axes.y)}</text>`);
      y += chart.height + lineHeight;
      parts.push(`<text x="${left + chart.width / 2}" y="${y - 4}" text-anchor="middle" font-size="${textSize}" fill="${colors.muted}" font-family="sans-serif" class="lev-slide-axis">${escapeXml(axes.x)}</text>`);
    } else {
      y += chart.height;
    }
  });
  // The legend flows in rows: a short line in each entry's colour and dash, then its words.
  let x = margin;
  y += lineHeight;
  for (const item of text.legend) {
    const itemWidth = swatch + 6 + item.label.length * textSize * 0.56 + margin;
    if (x > margin && x + itemWidth > width - margin) {
      x = margin;
      y += lineHeight;
    }
    const dash = item.dash === null || item.dash === '' || item.dash === '0' ? '' : ` stroke-dasharray="${escapeXml(item.dash)}"`;
    parts.push(`<line x1="${x}" x2="${x + swatch}" y1="${y - 4}" y2="${y - 4}" stroke="${escapeXml(item.color)}" stroke-width="2.5"${dash}/>`);
    parts.push(`<text x="${x + swatch + 6}" y="${y}" font-size="${textSize}" fill="${colors.text}" font-family="sans-serif" class="lev-slide-legend">${escapeXml(item.label)}</text>`);
    x += itemWidth;
  }
  y += lineHeight;
  for (const line of wrapText(text.caption, width - margin * 2, textSize)) {
    y += lineHeight;
    parts.push(`<text x="${margin}" y="${y}" font-size="${textSize}" fill="${colors.muted}" font-family="sans-serif" class="lev-slide-caption">${escapeXml(line)}</text>`);
  }
  const height = Math.ceil(y + margin);
  const markup = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="${colors.background}"/>${parts.join('')}</svg>`;
  return { markup, width, height };
}

/** A page's legend entries as drawn (the swatch's resolved colour and dash), for an exported picture. */
export function legendFromPage(root: Element): SlideLegendItem[] {
  return Array.from(root.querySelectorAll('.lev-legend li')).flatMap((item) => {
    const label = (item.textContent ?? '').replace(/\s+/g, ' ').trim();
    const mark = item.querySelector('svg line, svg rect');
    if (label === '' || mark === null) return [];
    const style = getComputedStyle(mark);
    const color = mark.tagName.toLowerCase() === 'line' ? style.stroke : style.fill;
    return [{ label, color, dash: mark.getAttribute('stroke-dasharray') }];
  });
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
    image.src = url;
  });
}

/**
 * The colour a --lev-* token paints with at `element`, as rgb(). Tokens hold light-dark() pairs that only the style
 * engine can resolve (by the element's colour scheme), so a hidden probe inside the element reads it back.
 */
export function resolvedColor(element: Element, token: string): string {
  const probe = element.ownerDocument.createElement('span');
  probe.hidden = true;
  probe.style.color = `var(${token})`;
  element.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

/** Draws chart SVGs one under another onto a canvas and returns a PNG; with slide text, as one titled, captioned slide. */
export async function svgsToPng(svgs: readonly SVGSVGElement[], background: string, scale = 2, slide?: { text: SlideText; colors: { text: string; muted: string } }): Promise<Blob> {
  const charts = svgs.map((svg) => standaloneSvg(svg, background)).filter((part) => part.markup !== '');
  if (charts.length === 0) throw new Error('There is no chart to export.');
  const parts = slide === undefined ? charts : [slideSvg(charts, slide.text, { background, ...slide.colors })];
  const width = Math.max(...parts.map((part) => part.width));
  const height = parts.reduce((sum, part) => sum + part.height, 0);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('This browser cannot draw images.');
  context.fillStyle = background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.scale(scale, scale);
  let top = 0;
  for (const part of parts) {
    const url = URL.createObjectURL(new Blob([part.markup], { type: 'image/svg+xml;charset=utf-8' }));
    try {
      const image = await loadImage(url);
      context.drawImage(image, 0, top, part.width, part.height);
    } finally {
      URL.revokeObjectURL(url);
    }
    top += part.height;
  }
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob === null ? reject(new Error('The PNG could not be created.')) : resolve(blob)), 'image/png');
  });
}
