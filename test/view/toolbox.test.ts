import { describe, expect, it } from 'vitest';
import { exitPnl, sizeByRisk } from '../../src/model/toolbox';
import { defaultInputs } from '../../src/config/presets';
import { inputsToSpec } from '../../src/config/spec';
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
