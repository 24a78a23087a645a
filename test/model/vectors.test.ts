import { describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import vectorFile from '../fixtures/vectors.json';
import { analyze } from '../../src/model/analyze';
import { averageEntry, equityAt, leverageFromLoops, pnlAt } from '../../src/model/companions';
import type { PositionSpec, ValidAnalysis } from '../../src/model/types';
import { touchProbability, zScore } from '../../src/model/risk';

// Every published vector goes through the public API. The adapters below only translate each
// venue's vocabulary into our PositionSpec; the model itself knows nothing of these vectors.

type Inputs = Record<string, unknown>;
type Figures = Record<string, string | null>;
interface Vector {
  id: string;
  inputs: Inputs;
  expected: Record<string, string>;
  tolerance?: string;
}

function text(inputs: Inputs, key: string): string {
  const value = inputs[key];
  if (typeof value !== 'string') throw new Error(`vector input ${key} is missing`);
  return value;
}

function fills(inputs: Inputs, sizeKey: string): { price: string; size: string }[] {
  const raw = inputs['fills'];
  if (!Array.isArray(raw)) throw new Error('vector has no fills');
  return raw.map((fill: unknown) => {
    if (typeof fill !== 'object' || fill === null) throw new Error('bad fill');
    const record = new Map(Object.entries(fill));
    return { price: String(record.get('price')), size: String(record.get(sizeKey)) };
  });
}

function valid(spec: PositionSpec): ValidAnalysis {
  const analysis = analyze(spec);
  if (!analysis.valid) throw new Error(`spec rejected: ${JSON.stringify(analysis.errors)}`);
  return analysis;
}

function positionFigures(analysis: ValidAnalysis): Figures {
  return {
    liquidationPrice: analysis.liquidationPrice,
    bankruptcyPrice: analysis.bankruptcyPrice,
    initialMargin: analysis.initialMargin,
    maintenanceMargin: analysis.maintenanceMargin,
    availableBalance: analysis.availableBalance,
    healthFactorAtEntry: analysis.healthAtEntry,
    leverage: analysis.leverage,
    initialMarginBTC: analysis.initialMargin,
  };
}

const adapters: Record<string, (inputs: Inputs) => Figures> = {
  B3: (i) =>
    positionFigures(valid({ marginMode: 'cross', side: 'long', collateral: text(i, 'walletBalance'), size: text(i, 'qty'), entry: text(i, 'entry'), leverage: text(i, 'leverage'), mmr: text(i, 'mmr'), mmAmount: text(i, 'cum'), mmBasis: 'mark' })),
  Y1: (i) => {
    const notional = new Decimal(text(i, 'qty')).mul(text(i, 'entry'));
    const collateral = notional.div(text(i, 'leverage')).plus(text(i, 'extraMargin')).toString();
    return positionFigures(valid({ side: 'long', size: text(i, 'qty'), entry: text(i, 'entry'), collateral, mmr: text(i, 'mmr'), mmAmount: text(i, 'mmDeduction'), mmBasis: 'entry' }));
  },
  Y4: (i) => positionFigures(valid({ side: 'long', size: text(i, 'qty'), entry: text(i, 'entry'), leverage: text(i, 'leverage'), mmBasis: 'entry' })),
  Y14: (i) => ({ avgEntry: averageEntry(fills(i, 'contracts'), 'inverse') }),
  Y15: (i) => ({ avgEntry: averageEntry(fills(i, 'qty'), 'linear') }),
  X1: (i) => {
    const signedSize = new Decimal(text(i, 'size'));
    const spec: PositionSpec = { side: signedSize.isNegative() ? 'short' : 'long', size: signedSize.abs().toString(), collateral: text(i, 'equity'), entry: text(i, 'entry'), mmr: text(i, 'mmf'), mmBasis: 'mark' };
    const analysis = valid(spec);
    return { ...positionFigures(analysis), equityAtLiq: analysis.liquidationPrice === null ? null : equityAt(spec, analysis.liquidationPrice) };
  },
  M1: (i) =>
    positionFigures(valid({ marginMode: 'cross', side: 'long', collateral: text(i, 'walletUSDT'), size: text(i, 'contracts'), entry: text(i, 'entry'), leverage: new Decimal(1).div(text(i, 'imr')).toString(), mmr: text(i, 'mmr'), mmBasis: 'entry' })),
  K3: (i) => ({ pnlUSD: pnlAt({ side: 'long', size: text(i, 'qtyBTC'), entry: text(i, 'entry'), leverage: '1' }, text(i, 'exit')) }),
  Y10: (i) => positionFigures(valid({ instrument: 'inverse', side: 'long', size: text(i, 'contracts'), entry: text(i, 'price'), leverage: text(i, 'leverage') })),
  L1: (i) => {
    // Any threshold above the LTV leaves the loop's leverage unchanged.
    const analysis = valid({ instrument: 'loan', side: 'long', entry: '2000', collateral: '1000', ltv: text(i, 'ltv'), loops: text(i, 'loops'), liquidationThreshold: '0.99' });
    expect(analysis.leverage).toBe(leverageFromLoops(text(i, 'ltv'), text(i, 'loops')));
    return positionFigures(analysis);
  },
  L2: (i) =>
    positionFigures(valid({ instrument: 'loan', side: text(i, 'side') === 'short' ? 'short' : 'long', entry: text(i, 'entry'), collateral: text(i, 'collateral'), leverage: text(i, 'leverage'), liquidationThreshold: text(i, 'liquidationThreshold') })),
  CDP1: (i) => {
    // A vault holds a quantity and a debt; any entry price above the liquidation price describes it.
    const quantity = new Decimal(text(i, 'collateralQty'));
    const debt = new Decimal(text(i, 'debt'));
    const entry = debt.mul(3).div(quantity);
    const analysis = valid({ instrument: 'loan', side: 'long', entry: entry.toString(), size: quantity.toString(), collateral: entry.mul(quantity).minus(debt).toString(), liquidationRatio: text(i, 'liquidationRatio') });
    expect(new Decimal(analysis.debt).minus(debt).abs().toNumber()).toBeLessThan(1e-20);
    return positionFigures(analysis);
  },
  R1: (i) => riskFigures(i),
  R2: (i) => riskFigures(i),
};

function riskFigures(i: Inputs): Figures {
  const input = { spot: Number(text(i, 'spot')), barrier: Number(text(i, 'barrier')), volatility: Number(text(i, 'volatility')), years: Number(text(i, 'years')), drift: Number(text(i, 'drift')) };
  const z = zScore(input);
  return { touchProbability: String(touchProbability(input)), zScore: z === null ? null : String(z) };
}

/** Half a unit in the last digit the source shows. */
function defaultTolerance(expected: string): Decimal {
  const decimals = expected.includes('.') ? (expected.split('.')[1] ?? '').length : 0;
  return new Decimal(10).pow(-decimals).div(2);
}

const vectors: Vector[] = vectorFile.vectors;

describe('published reference vectors (test/fixtures/vectors.json)', () => {
  it('covers every vector in the file', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(14);
    for (const vector of vectors) expect(Object.keys(adapters)).toContain(vector.id);
  });

  const cases = vectors.flatMap((vector) => Object.entries(vector.expected).map(([figure, expected]) => ({ vector, figure, expected })));
  it.each(cases)('$vector.id $figure = $expected', ({ vector, figure, expected }) => {
    const adapter = adapters[vector.id];
    if (adapter === undefined) throw new Error(`no adapter for ${vector.id}`);
    const actual = adapter(vector.inputs)[figure];
    expect(actual, `${vector.id} ${figure}`).toBeTypeOf('string');
    // A value shown to d decimals can lie anywhere within half a unit of its last digit; a stated tolerance never narrows that.
    const tolerance = Decimal.max(defaultTolerance(expected), vector.tolerance ?? 0);
    const difference = new Decimal(actual ?? 'NaN').minus(expected).abs();
    expect(difference.lte(tolerance), `${vector.id} ${figure}: got ${actual ?? 'null'}, expected ${expected} ± ${tolerance.toString()}`).toBe(true);
  });
});
