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

/* ---------- Browser-only helpers: no network, everything stays on the device. ---------- */

/** Saves a blob under a file name through a temporary object URL. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
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
 * into each element, because an SVG drawn as an image sees no stylesheet.
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
    const declarations = inlinedProperties.map((property) => `${property}:${computed.getPropertyValue(property)}`).filter((text) => !text.endsWith(':'));
    copy.setAttribute('style', declarations.join(';'));
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
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

/** Draws chart SVGs one under another onto a canvas and returns a PNG. */
export async function svgsToPng(svgs: readonly SVGSVGElement[], background: string, scale = 2): Promise<Blob> {
  const parts = svgs.map((svg) => standaloneSvg(svg, background)).filter((part) => part.markup !== '');
  if (parts.length === 0) throw new Error('There is no chart to export.');
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
