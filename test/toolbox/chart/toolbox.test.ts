import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToPosition } from '../../../src/model/toolbox';
import { contagion } from '../../../src/model/portfolio';
import { defaultInputs, inputsWith } from '../../../src/config/presets';
import { inputsToSpec } from '../../../src/config/spec';
import { percentText } from '../../../src/config/schema';
import type { Inputs } from '../../../src/config/schema';
import { derive } from '../../../src/view/derive';
import { openTool, toolMarks, toolTabs } from '../../../src/view/toolbox';
import type { OpenTool, ToolTab } from '../../../src/view/toolbox';
import type { Marker } from '../../../src/chart/series';
import { contagionRows, stopCappedEquity, toolboxMarkers } from '../../../src/toolbox/chart/toolbox';

function toolFor(patch: Partial<Inputs>, tab: ToolTab): OpenTool {
  return openTool(derive(inputsWith({ ...patch })), tab);
}

function markersFor(patch: Partial<Inputs>, tab: ToolTab): Marker[] {
  return toolboxMarkers(toolMarks(toolFor(patch, tab)));
}

describe('toolbox markers on the main chart', () => {
  it('give each marker its own id, class and dash pattern, for every tab', () => {
    const patch = { exitPrice: '52000', targetRoe: percentText('80'), fills: '48000:0.2', stopPrice: '49000', takeProfitPrice: '53000' };
    const all = toolTabs.flatMap((tab) => markersFor(patch, tab));
    expect(all.length).toBeGreaterThanOrEqual(8);
    expect(new Set(all.map((marker) => marker.id)).size).toBe(all.length);
    for (const tab of toolTabs) {
      const markers = markersFor(patch, tab);
      expect(new Set(markers.map((marker) => marker.dash)).size).toBe(markers.length);
      for (const marker of markers) expect(marker.className).toContain(`lev-marker-${marker.id}`);
    }
  });

  it('mark the exit price, the target prices, the stop and take-profit the model works with', () => {
    const patch = { exitPrice: '52000', targetRoe: percentText('80'), stopPrice: '49000', takeProfitPrice: '53000' };
    const exit = toolFor(patch, 'exit');
    const target = toolFor(patch, 'target');
    if (exit.tab !== 'exit' || target.tab !== 'target') throw new Error('openTool must give the asked tab');
    expect(markersFor(patch, 'exit').map((marker) => marker.exact)).toEqual([exit.tool.result?.exitPrice]);
    expect(markersFor(patch, 'target').map((marker) => marker.exact)).toEqual([target.tool.grossPrice, target.tool.netPrice]);
    expect(markersFor(patch, 'risk').map((marker) => marker.exact)).toEqual(['49000', '53000']);
    expect(markersFor(patch, 'portfolio')).toEqual([]);
  });

  it('mark the liquidation price before and after the last fill, as addToPosition gives them', () => {
    const expected = addToPosition(inputsToSpec(defaultInputs()), [
      { price: '48000', size: '0.2' },
      { price: '46000', size: '0.1' },
    ]);
    expect(expected.valid).toBe(true);
    if (!expected.valid) return;
    const byId = new Map(markersFor({ fills: '48000:0.2; 46000:0.1' }, 'average').map((marker) => [marker.id, marker.exact]));
    expect(byId.get('tool-liquidation-before')).toBe(expected.before.liquidationPrice);
    expect(byId.get('tool-liquidation-after')).toBe(expected.after.liquidationPrice);
    expect(byId.get('tool-average-entry')).toBe(expected.averageEntry);
  });

  it('draw nothing while the position is invalid', () => {
    for (const tab of toolTabs) expect(markersFor({ entry: 'abc', exitPrice: '52000' }, tab)).toEqual([]);
  });
});

describe('the equity capped at the stop', () => {
  it('follows the curve on the safe side and stays flat at the stop’s level beyond it', () => {
    fc.assert(
      fc.property(fc.constantFrom('long' as const, 'short' as const), fc.double({ min: 0.05, max: 0.95, noNaN: true }), (side, share) => {
        const prices = Array.from({ length: 101 }, (_, index) => 100 + index);
        const equity = prices.map((price) => (side === 'long' ? 1 : -1) * (price - 150) * 3 + 500);
        const stop = 100 + share * 100;
        const capped = stopCappedEquity(prices, equity, stop, side);
        const atStop = (side === 'long' ? 1 : -1) * (stop - 150) * 3 + 500;
        prices.forEach((price, index) => {
          const beyond = side === 'long' ? price < stop : price > stop;
          if (beyond) expect(capped[index]).toBeCloseTo(atStop, 9);
          else expect(capped[index]).toBe(equity[index]);
        });
        // The capped loss is never worse than the uncapped one.
        capped.forEach((value, index) => expect(value ?? 0).toBeGreaterThanOrEqual((equity[index] ?? 0) - 1e-9));
      }),
    );
  });
});

describe('contagion rows', () => {
  it('give each other position’s liquidation price as a change from its mark, from the model’s numbers', () => {
    const portfolio = {
      wallet: '2000',
      positions: [
        { id: 'BTC', side: 'long' as const, entry: '50000', size: '0.2', mark: '50000', mmr: '0.004' },
        { id: 'ETH', side: 'short' as const, entry: '3000', size: '3', mark: '3000', mmr: '0.005' },
      ],
    };
    const result = contagion(portfolio, 0, { from: 35000, to: 65000, points: 31 });
    expect(result.valid).toBe(true);
    if (!result.valid) return;
    const rows = contagionRows(result, [50000, 3000]);
    expect(rows).toHaveLength(result.price.length);
    rows.forEach((row, index) => {
      expect(row.equity).toBe(result.accountEquity[index]);
      expect(row.maintenance).toBe(result.totalMaintenance[index]);
      const eth = result.liquidationPrices[1]?.[index] ?? null;
      if (eth === null) expect(row.p1).toBeNull();
      else expect(row.p1).toBeCloseTo(((eth - 3000) / 3000) * 100, 9);
    });
    // Past the account's liquidation price the others' liquidation prices end.
    const liquidation = Number(result.accountLiquidationPrice);
    for (const row of rows) if (row.price < liquidation * 0.999) expect(row.p1).toBeNull();
  });
});
