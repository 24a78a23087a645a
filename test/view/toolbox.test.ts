import { describe, expect, it } from 'vitest';
import { exitPnl, sizeByRisk } from '../../src/model/toolbox';
import { defaultInputs } from '../../src/config/presets';
import { inputsToSpec } from '../../src/config/spec';
import { percentText } from '../../src/config/schema';
import type { Inputs } from '../../src/config/schema';
import { derive } from '../../src/view/derive';
import { openTool, sameMarks, toolMarks, toolTabs } from '../../src/view/toolbox';
import type { OpenTool, ToolMark, ToolTab } from '../../src/view/toolbox';

function toolFor(patch: Partial<Inputs>, tab: ToolTab): OpenTool {
  return openTool(derive({ ...defaultInputs(), ...patch }), tab);
}

describe('the toolbox view model', () => {
  it('works out the tab it is asked for, on the position of the inputs', () => {
    for (const tab of toolTabs) expect(toolFor({}, tab).tab).toBe(tab);
    const exit = toolFor({ exitPrice: '52000' }, 'exit');
    if (exit.tab !== 'exit') throw new Error('asked for the exit tab');
    expect(exit.analysis?.entry).toBe(derive(defaultInputs()).current?.entry);
    expect(exit.tool.result).toEqual(exitPnl(inputsToSpec(defaultInputs()), '52000'));
  });

  it('puts no exit on the chart until an exit price is set, then exactly that one', () => {
    const unset = toolFor({}, 'exit');
    if (unset.tab !== 'exit') throw new Error('asked for the exit tab');
    // The tab still reads the fallback exit (5 % in the position's favour)...
    expect(unset.tool.price.auto).toBe(true);
    expect(unset.tool.result).not.toBeNull();
    // ...but the chart shows no marker for it.
    expect(toolMarks(unset).map((mark) => mark.id)).not.toContain('exit');
    const set = toolFor({ exitPrice: '52000' }, 'exit');
    expect(toolMarks(set).filter((mark) => mark.id === 'exit').map((mark) => mark.price)).toEqual([52000]);
  });

  it('says why a position tool has nothing to show while the inputs are invalid', () => {
    for (const tab of ['exit', 'target', 'average', 'maxOpen', 'risk'] as const) {
      const open = toolFor({ entry: 'abc' }, tab);
      expect(open.analysis).toBeNull();
      expect(toolMarks(open)).toEqual([]);
      if (open.tab === 'risk' || open.tab === 'portfolio') continue;
      expect(open.tool.error).toMatch(/valid position/);
    }
  });

  it('marks the stop always and the take-profit only when sizeByRisk rewards it', () => {
    const open = toolFor({ stopPrice: '49000', takeProfitPrice: '53000' }, 'risk');
    if (open.tab !== 'risk') throw new Error('asked for the risk tab');
    expect(open.tool.result).not.toBeNull();
    const analysis = derive(defaultInputs()).current;
    if (analysis === null) throw new Error('the default inputs are valid');
    const model = sizeByRisk({ spec: inputsToSpec(defaultInputs()), balance: analysis.collateral, riskFraction: '0.01', stopPrice: '49000', takeProfitPrice: '53000', leverage: analysis.leverage });
    expect(model.valid && model.rewardAtTakeProfit !== null).toBe(true);
    expect(toolMarks(open).map((mark) => [mark.id, mark.exact])).toEqual([
      ['stop', '49000'],
      ['take-profit', '53000'],
    ]);
    expect(toolMarks(toolFor({ stopPrice: '49000' }, 'risk')).map((mark) => mark.id)).toEqual(['stop']);
  });

  it('compares marks by value', () => {
    const mark: ToolMark = { id: 'exit', price: 52000, exact: '52000', label: 'Exit', shortLabel: 'Exit', rounding: 'nearest' };
    expect(sameMarks([mark], [{ ...mark }])).toBe(true);
    expect(sameMarks([mark], [{ ...mark, exact: '52000.5', price: 52000.5 }])).toBe(false);
    expect(sameMarks([mark], [mark, mark])).toBe(false);
    expect(sameMarks([], [])).toBe(true);
  });
});

describe('the toolbox knows where the position ends', () => {
  const analysis = derive(defaultInputs()).current;
  if (analysis === null) throw new Error('the default inputs are valid');
  const liquidation = Number(analysis.liquidationPrice);

  it('an exit beyond liquidation reads "liquidated first": the loss is the margin plus the fee to open, not the curve’s −2,030', () => {
    const open = toolFor({ exitPrice: '40000' }, 'exit');
    if (open.tab !== 'exit') throw new Error('asked for the exit tab');
    // The exit itself stays worked out (the chart's handle follows its price); the panel shows the liquidation instead.
    expect(open.tool.result?.exitPrice).toBe('40000');
    expect(open.tool.error).toBeNull();
    const first = open.tool.liquidatedFirst;
    expect(first?.price).toBe(analysis.liquidationPrice);
    // The model's own exit at 40,000, which ignores liquidation, loses far more than the margin.
    const unended = exitPnl(inputsToSpec(defaultInputs()), '40000');
    expect(Number(unended?.netPnl)).toBeLessThan(-2000);
    const margin = Number(analysis.initialMargin);
    const loss = Number(first?.loss);
    expect(loss).toBeGreaterThan(margin);
    // Taker fees on the entry notional are well under 1 % of it here.
    expect(loss).toBeLessThan(margin + Number(analysis.notional) * 0.01);
    expect(first?.assumption).toMatch(/keeps nothing/);
    // The chart still marks the exit the user set.
    expect(toolMarks(open).map((item) => item.price)).toEqual([40000]);
  });

  it('an exit between liquidation and entry is an ordinary exit', () => {
    const price = String(Math.round((liquidation + Number(analysis.entry)) / 2));
    const open = toolFor({ exitPrice: price }, 'exit');
    if (open.tab !== 'exit') throw new Error('asked for the exit tab');
    expect(open.tool.liquidatedFirst).toBeNull();
    expect(open.tool.result?.exitPrice).toBe(price);
  });

  it('a target ROE beyond liquidation is unreachable and says so; one before it gives its prices', () => {
    const lost = toolFor({ targetRoe: percentText('-150') }, 'target');
    if (lost.tab !== 'target') throw new Error('asked for the target tab');
    expect(lost.tool.grossPrice).toBeNull();
    expect(lost.tool.netPrice).toBeNull();
    expect(lost.tool.liquidatedFirstAt).toBe(analysis.liquidationPrice);
    expect(lost.tool.error).toMatch(/never reached: the position is liquidated first/);
    expect(toolMarks(lost)).toEqual([]);
    const halfLost = toolFor({ targetRoe: percentText('-50') }, 'target');
    if (halfLost.tab !== 'target') throw new Error('asked for the target tab');
    expect(halfLost.tool.liquidatedFirstAt).toBeNull();
    expect(Number(halfLost.tool.grossPrice)).toBeGreaterThan(liquidation);
    expect(Number(halfLost.tool.netPrice)).toBeGreaterThan(liquidation);
  });
});
