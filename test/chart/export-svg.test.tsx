import { afterEach, describe, expect, it } from 'vitest';
import { standaloneSvg } from '../../src/chart/export';

// jsdom: the copy a PNG is drawn from carries the chart's computed styles as presentation attributes, never `style`.

const namespace = 'http://www.w3.org/2000/svg';

afterEach(() => document.body.replaceChildren());

function chart(): SVGSVGElement {
  const sheet = document.createElement('style');
  sheet.textContent = '.curve { stroke: rgb(11, 110, 79); stroke-width: 3px; } .label { font-size: 13px; fill: rgb(29, 35, 48); }';
  document.head.append(sheet);
  const svg = document.createElementNS(namespace, 'svg');
  svg.setAttribute('width', '300');
  svg.setAttribute('height', '150');
  const path = document.createElementNS(namespace, 'path');
  path.setAttribute('class', 'curve');
  path.setAttribute('d', 'M0,0L300,150');
  const label = document.createElementNS(namespace, 'text');
  label.setAttribute('class', 'label');
  label.textContent = 'Liquidation 47,690.8';
  const handle = document.createElementNS(namespace, 'g');
  handle.setAttribute('class', 'lev-exit-handle');
  svg.append(path, label, handle);
  document.body.append(svg);
  return svg;
}

function parsed(markup: string): Document {
  return new DOMParser().parseFromString(markup, 'image/svg+xml');
}

describe('standaloneSvg', () => {
  it('writes each element’s computed styles as presentation attributes, with no style attribute anywhere', () => {
    const picture = parsed(standaloneSvg(chart(), 'rgb(255, 255, 255)').markup);
    expect(picture.querySelectorAll('[style]')).toHaveLength(0);
    const curve = picture.querySelector('.curve');
    expect(curve?.getAttribute('stroke')).toBe('rgb(11, 110, 79)');
    expect(curve?.getAttribute('stroke-width')).toBe('3px');
    const label = picture.querySelector('.label');
    expect(label?.getAttribute('font-size')).toBe('13px');
    expect(label?.getAttribute('fill')).toBe('rgb(29, 35, 48)');
  });

  it('leaves out the interactive parts and paints the background', () => {
    const picture = parsed(standaloneSvg(chart(), 'rgb(250, 250, 250)').markup);
    expect(picture.querySelector('.lev-exit-handle')).toBeNull();
    expect(picture.documentElement.firstElementChild?.getAttribute('fill')).toBe('rgb(250, 250, 250)');
  });
});
