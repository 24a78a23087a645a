import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import vectorFile from '../fixtures/vectors.json';
import { analyze } from '../../src/model/analyze';
import type { PositionSpec } from '../../src/model/types';
import { findVenue } from '../../src/model/venues';
import { analyzePortfolio, contagion } from '../../src/model/portfolio';
import type { Portfolio, PortfolioAnalysis, PortfolioPosition } from '../../src/model/portfolio';
import { propertyRuns } from '../property-runs';

Decimal.set({ precision: 60 });

/** Whole-account properties cost about a millisecond a run: CI's 10,000 runs need more than the default 5 s. */
const PROPERTY_TIMEOUT = 300_000;

const rel = (a: Decimal.Value, b: Decimal.Value): number => {
  const x = new Decimal(a);
  const y = new Decimal(b);
  const scale = Decimal.max(x.abs(), y.abs(), new Decimal('1e-30'));
  return x.minus(y).abs().div(scale).toNumber();
};

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

function analyzed(portfolio: Portfolio): PortfolioAnalysis {
  const result = analyzePortfolio(portfolio);
  if (!result.valid) throw new Error(JSON.stringify(result.errors));
  return result;
}

// --- An independent account model: single-rate brackets or a bracket table looked up by notional at the mark.

interface Bracket {
  floor: Decimal;
  mmr: Decimal;
  amount: Decimal;
}

function bracketsOf(position: PortfolioPosition): Bracket[] {
  if (position.tiers !== undefined) return position.tiers.map((tier) => ({ floor: new Decimal(tier.floor), mmr: new Decimal(tier.mmr), amount: new Decimal(tier.mmAmount ?? 0) }));
  return [{ floor: new Decimal(0), mmr: new Decimal(position.mmr ?? 0), amount: new Decimal(position.mmAmount ?? 0) }];
}

function sideSign(position: PortfolioPosition): number {
  return position.side === 'short' ? -1 : 1;
}

function referencePnl(position: PortfolioPosition, price: Decimal): Decimal {
  const size = new Decimal(position.size);
  const entry = new Decimal(position.entry);
  return position.instrument === 'inverse' ? size.mul(new Decimal(1).div(entry).minus(new Decimal(1).div(price))).mul(sideSign(position)) : size.mul(price.minus(entry)).mul(sideSign(position));
}

function referenceMaintenance(position: PortfolioPosition, price: Decimal): Decimal {
  const notional = position.instrument === 'inverse' ? new Decimal(position.size).div(price) : new Decimal(position.size).mul(price);
  const bracket = bracketsOf(position).filter((candidate) => candidate.floor.lte(notional)).pop();
  return notional.mul(must(bracket).mmr).minus(must(bracket).amount);
}

function referenceAccount(portfolio: Portfolio, moved: number, price: Decimal): { equity: Decimal; maintenance: Decimal } {
  let equity = new Decimal(portfolio.wallet);
  let maintenance = new Decimal(0);
  portfolio.positions.forEach((position, index) => {
    const at = index === moved ? price : new Decimal(position.mark ?? position.entry);
    equity = equity.plus(referencePnl(position, at));
    maintenance = maintenance.plus(referenceMaintenance(position, at));
  });
  return { equity, maintenance };
}

/** The textbook Binance cross spec for position i: the others' maintenance and uPnL at their marks. */
function crossSpec(portfolio: Portfolio, index: number): PositionSpec {
  const position = must(portfolio.positions[index]);
  let otherMaintenance = new Decimal(0);
  let otherPnl = new Decimal(0);
  portfolio.positions.forEach((other, j) => {
    if (j === index) return;
    const mark = new Decimal(other.mark ?? other.entry);
    otherMaintenance = otherMaintenance.plus(referenceMaintenance(other, mark));
    otherPnl = otherPnl.plus(referencePnl(other, mark));
  });
  const spec: PositionSpec = { marginMode: 'cross', instrument: position.instrument ?? 'linear', side: position.side ?? 'long', entry: position.entry, size: position.size, collateral: portfolio.wallet, leverage: '1', otherMaintenance: otherMaintenance.toString(), otherPnl: otherPnl.toString() };
  if (position.mmr !== undefined) spec.mmr = position.mmr;
  if (position.mmAmount !== undefined) spec.mmAmount = position.mmAmount;
  if (position.tiers !== undefined) spec.tiers = position.tiers;
  return spec;
}

const precise = (min: number, max: number): fc.Arbitrary<string> => fc.double({ min, max, noNaN: true }).map((value) => value.toPrecision(8));

const linearPosition: fc.Arbitrary<PortfolioPosition> = fc
  .record({
    side: fc.constantFrom('long' as const, 'short' as const),
    entry: precise(10, 100_000),
    notional: fc.double({ min: 100, max: 100_000, noNaN: true }),
    move: fc.double({ min: -0.15, max: 0.15, noNaN: true }),
    mmr: precise(0.002, 0.05),
  })
  .map(({ notional, move, entry, ...rest }) => ({ ...rest, entry, size: (notional / Number(entry)).toPrecision(8), mark: (Number(entry) * (1 + move)).toPrecision(8) }));

const inversePosition: fc.Arbitrary<PortfolioPosition> = fc
  .record({
    side: fc.constantFrom('long' as const, 'short' as const),
    entry: precise(1000, 100_000),
    face: fc.double({ min: 100, max: 1_000_000, noNaN: true }),
    move: fc.double({ min: -0.15, max: 0.15, noNaN: true }),
    mmr: precise(0.002, 0.05),
  })
  .map(({ face, move, entry, ...rest }) => ({ ...rest, instrument: 'inverse' as const, entry, size: face.toPrecision(8), mark: (Number(entry) * (1 + move)).toPrecision(8) }));

const linearPortfolio: fc.Arbitrary<Portfolio> = fc.record({ wallet: precise(50, 50_000), positions: fc.array(linearPosition, { minLength: 2, maxLength: 4 }) });
const inversePortfolio: fc.Arbitrary<Portfolio> = fc.record({ wallet: precise(0.01, 5), positions: fc.array(inversePosition, { minLength: 2, maxLength: 3 }) });
const anyPortfolio = fc.oneof(linearPortfolio, inversePortfolio);

function healthy(portfolio: Portfolio): PortfolioAnalysis | null {
  const result = analyzePortfolio(portfolio);
  return result.valid && !result.liquidated ? result : null;
}

describe('analyzePortfolio', () => {
  it('reproduces Binance’s B3 vector for a single cross position', () => {
    const b3 = must(vectorFile.vectors.find((candidate) => candidate.id === 'B3'));
    const inputs = new Map(Object.entries(b3.inputs));
    const text = (key: string): string => String(inputs.get(key));
    const portfolio: Portfolio = { wallet: text('walletBalance'), positions: [{ side: 'long', size: text('qty'), entry: text('entry'), leverage: text('leverage'), mmr: text('mmr'), mmAmount: text('cum') }] };
    const result = analyzed(portfolio);
    const liquidation = must(result.positions[0]?.liquidationPrice);
    const expected = must(b3.expected.liquidationPrice);
    expect(new Decimal(liquidation).minus(expected).abs().lte(b3.tolerance ?? '0.005')).toBe(true);
    const single = analyze(crossSpec(portfolio, 0));
    expect(single.valid && single.liquidationPrice).toBe(liquidation);
  });

  it('at each position’s liquidation price (the others at their marks) the account equity equals the total maintenance', () => {
    fc.assert(
      fc.property(anyPortfolio, (portfolio) => {
        const result = healthy(portfolio);
        if (result === null) return;
        result.positions.forEach((figures, index) => {
          if (figures.liquidationPrice === null) return;
          const account = referenceAccount(portfolio, index, new Decimal(figures.liquidationPrice));
          expect(rel(account.equity, account.maintenance)).toBeLessThan(1e-20);
          // It lies on the losing side of the mark.
          const sign = sideSign(must(portfolio.positions[index]));
          expect(new Decimal(figures.mark).minus(figures.liquidationPrice).mul(sign).gt(0)).toBe(true);
        });
      }),
      { numRuns: propertyRuns },
    );
  }, PROPERTY_TIMEOUT);

  it('account figures: equity = wallet + Σ uPnL, health = equity ÷ maintenance, margin ratio = 1 ÷ health', () => {
    fc.assert(
      fc.property(anyPortfolio, (portfolio) => {
        const result = analyzePortfolio(portfolio);
        if (!result.valid) return;
        const account = referenceAccount(portfolio, -1, new Decimal(0));
        expect(rel(result.accountEquity, account.equity)).toBeLessThan(1e-25);
        expect(rel(result.totalMaintenance, account.maintenance)).toBeLessThan(1e-25);
        expect(rel(must(result.health), account.equity.div(account.maintenance))).toBeLessThan(1e-25);
        if (result.marginRatio !== null) expect(rel(new Decimal(result.marginRatio).mul(must(result.health)), 1)).toBeLessThan(1e-25);
        expect(result.liquidated).toBe(account.equity.lte(account.maintenance));
        result.positions.forEach((figures, index) => {
          const position = must(portfolio.positions[index]);
          const mark = new Decimal(position.mark ?? position.entry);
          expect(rel(figures.uPnl, referencePnl(position, mark))).toBeLessThan(1e-25);
          expect(rel(figures.maintenance, referenceMaintenance(position, mark))).toBeLessThan(1e-25);
        });
      }),
      { numRuns: Math.round(propertyRuns / 3) },
    );
  }, PROPERTY_TIMEOUT);

  it('agrees with analyze() of the textbook cross spec (wallet − others’ maintenance + others’ uPnL) whenever that spec is valid', () => {
    let compared = 0;
    fc.assert(
      fc.property(anyPortfolio, (portfolio) => {
        const result = healthy(portfolio);
        if (result === null) return;
        result.positions.forEach((figures, index) => {
          const single = analyze(crossSpec(portfolio, index));
          if (!single.valid) return;
          compared += 1;
          if (figures.liquidationPrice === null) expect(single.liquidationPrice).toBeNull();
          else expect(rel(must(single.liquidationPrice), figures.liquidationPrice)).toBeLessThan(1e-20);
        });
      }),
      { numRuns: propertyRuns },
    );
    expect(compared).toBeGreaterThan(propertyRuns / 4);
  }, PROPERTY_TIMEOUT);

  it('looks the bracket up at each mark (Binance brackets)', () => {
    const tiers = must(must(findVenue('binance-usdm-btcusdt')).spec.tiers);
    fc.assert(
      fc.property(precise(20_000, 5_000_000), fc.double({ min: 0.1, max: 40, noNaN: true }), fc.double({ min: 0.9, max: 1.1, noNaN: true }), (wallet, btc, move) => {
        const portfolio: Portfolio = {
          wallet,
          positions: [
            { id: 'BTC', side: 'long', entry: '50000', size: btc.toPrecision(8), mark: (50000 * move).toPrecision(8), tiers },
            { id: 'ETH', side: 'short', entry: '3000', size: '20', mark: '3100', tiers },
          ],
        };
        const result = healthy(portfolio);
        if (result === null) return;
        result.positions.forEach((figures, index) => {
          if (figures.liquidationPrice === null) return;
          const account = referenceAccount(portfolio, index, new Decimal(figures.liquidationPrice));
          expect(rel(account.equity, account.maintenance)).toBeLessThan(1e-20);
        });
      }),
      { numRuns: Math.round(propertyRuns / 3) },
    );
  }, PROPERTY_TIMEOUT);

  it('handles a hedge whose profit carries the account, where the textbook single-position spec is refused', () => {
    const portfolio: Portfolio = {
      wallet: '1000',
      positions: [
        { id: 'BTC', side: 'long', entry: '40000', size: '1', mark: '50000', mmr: '0.004' },
        { id: 'ETH', side: 'short', entry: '2000', size: '10', mark: '2900', mmr: '0.005' },
      ],
    };
    // Without BTC's 10,000 profit, ETH's 9,000 loss would have used the whole wallet.
    expect(analyze(crossSpec(portfolio, 0)).valid).toBe(false);
    const result = analyzed(portfolio);
    expect(new Decimal(must(result.positions[0]).backingCollateral).lt(0)).toBe(true);
    const liquidation = new Decimal(must(result.positions[0]?.liquidationPrice));
    const account = referenceAccount(portfolio, 0, liquidation);
    expect(rel(account.equity, account.maintenance)).toBeLessThan(1e-20);
  });

  it('reports an account already below its maintenance, and rejects what one cross wallet cannot hold', () => {
    const underwater = analyzed({ wallet: '100', positions: [{ side: 'long', entry: '50000', size: '1', mark: '49950', mmr: '0.004' }] });
    expect(underwater.liquidated).toBe(true);
    expect(underwater.warnings.join(' ')).toMatch(/liquidated/);

    const fields = (portfolio: Portfolio): string[] => {
      const result = analyzePortfolio(portfolio);
      return result.valid ? [] : result.errors.map((error) => error.field);
    };
    const linear: PortfolioPosition = { side: 'long', entry: '50000', size: '0.1', mmr: '0.004' };
    expect(fields({ wallet: '0', positions: [linear] })).toContain('wallet');
    expect(fields({ wallet: '1000', positions: [] })).toContain('positions');
    expect(fields({ wallet: '1000', positions: [linear, { ...linear, instrument: 'inverse', size: '100' }] })).toContain('instrument');
    expect(fields({ wallet: '1000', positions: [{ ...linear, mark: '-3' }] })).toContain('mark');
    expect(fields({ wallet: '1000', positions: [{ ...linear, entry: 'abc' }] })).toContain('entry');
    const loan: PortfolioPosition = Object.assign({}, linear, { instrument: 'loan' });
    expect(fields({ wallet: '1000', positions: [loan] })).toContain('instrument');
  });
});

describe('contagion', () => {
  const moves = fc.record({ index: fc.nat(3), spread: fc.double({ min: 0.05, max: 0.9, noNaN: true }), at: fc.double({ min: 0.5, max: 1.5, noNaN: true }) });

  it('the account-liquidation price of asset k is analyzePortfolio’s liquidation price of k; there equity meets maintenance and every other liquidation price meets its mark', () => {
    fc.assert(
      fc.property(anyPortfolio, moves, (portfolio, move) => {
        const result = healthy(portfolio);
        const index = move.index % portfolio.positions.length;
        if (result === null) return;
        const mark = Number(must(result.positions[index]).mark);
        const curve = contagion(portfolio, index, { from: mark * (1 - move.spread), to: mark * (1 + move.spread), points: 5 });
        if (!curve.valid) throw new Error(JSON.stringify(curve.errors));
        expect(curve.accountLiquidationPrice).toBe(must(result.positions[index]).liquidationPrice);
        if (curve.accountLiquidationPrice === null) {
          expect(curve.atLiquidation).toBeNull();
          return;
        }
        const at = must(curve.atLiquidation);
        expect(rel(at.accountEquity, at.totalMaintenance)).toBeLessThan(1e-20);
        const reference = referenceAccount(portfolio, index, new Decimal(curve.accountLiquidationPrice));
        expect(rel(at.accountEquity, reference.equity)).toBeLessThan(1e-25);
        at.liquidationPrices.forEach((price, j) => {
          if (j === index) return;
          // A position the rest of the account covers to a price of zero has no level to meet.
          if (price !== null) expect(rel(price, must(result.positions[j]).mark)).toBeLessThan(1e-20);
        });
      }),
      { numRuns: Math.round(propertyRuns / 2) },
    );
  }, PROPERTY_TIMEOUT);

  it('account equity along the curve crosses total maintenance exactly at the account-liquidation price', () => {
    fc.assert(
      fc.property(anyPortfolio, moves, (portfolio, move) => {
        const result = healthy(portfolio);
        const index = move.index % portfolio.positions.length;
        if (result === null) return;
        const liquidation = must(result.positions[index]).liquidationPrice;
        if (liquidation === null) return;
        const level = Number(liquidation);
        const curve = contagion(portfolio, index, { from: level * 0.5, to: level * 1.5, points: 21 });
        if (!curve.valid) throw new Error(JSON.stringify(curve.errors));
        const atLevel = (price: number): boolean => Math.abs(price - level) <= level * 1e-12;
        expect(curve.price.filter(atLevel)).toHaveLength(1);
        // Equity − maintenance is monotone in the moved price: positive on the side of the mark, negative beyond.
        const towardMark = Number(must(result.positions[index]).mark) > level ? 1 : -1;
        curve.price.forEach((price, n) => {
          const gap = must(curve.accountEquity[n]) - must(curve.totalMaintenance[n]);
          const scale = Math.max(Math.abs(must(curve.accountEquity[n])), must(curve.totalMaintenance[n]));
          if (atLevel(price)) expect(Math.abs(gap) / scale).toBeLessThan(1e-9);
          else expect(Math.sign(gap)).toBe(Math.sign((price - level) * towardMark));
          // Past the account's liquidation the other levels are gone.
          if (Math.sign((price - level) * towardMark) < 0) {
            curve.liquidationPrices.forEach((levels, j) => {
              if (j !== index) expect(levels[n]).toBeNull();
            });
          }
        });
      }),
      { numRuns: Math.round(propertyRuns / 5) },
    );
  }, PROPERTY_TIMEOUT);

  it('exact figures at a chosen price are analyzePortfolio’s with the moved asset marked there; the chart numbers agree', () => {
    fc.assert(
      fc.property(anyPortfolio, moves, (portfolio, move) => {
        const result = healthy(portfolio);
        const index = move.index % portfolio.positions.length;
        if (result === null) return;
        const mark = Number(must(result.positions[index]).mark);
        const price = (mark * move.at).toPrecision(10);
        const curve = contagion(portfolio, index, { from: mark * 0.5, to: mark * 1.5, points: 5, at: [price] });
        if (!curve.valid) throw new Error(JSON.stringify(curve.errors));
        const point = must(curve.exact[0]);
        const moved = analyzePortfolio({ ...portfolio, positions: portfolio.positions.map((position, j) => (j === index ? { ...position, mark: price } : position)) });
        if (!moved.valid) throw new Error(JSON.stringify(moved.errors));
        expect(rel(point.accountEquity, moved.accountEquity)).toBeLessThan(1e-25);
        expect(rel(point.totalMaintenance, moved.totalMaintenance)).toBeLessThan(1e-25);
        if (!moved.liquidated) {
          point.liquidationPrices.forEach((level, j) => {
            const expected = must(moved.positions[j]).liquidationPrice;
            if (level === null || expected === null) expect(level).toBe(expected);
            else expect(rel(level, expected)).toBeLessThan(1e-20);
          });
        }
        // The chart numbers match the exact account at every plotted price.
        const scale = Math.max(Math.abs(Number(result.accountEquity)), Number(result.totalMaintenance), Number(portfolio.wallet));
        curve.price.forEach((plotted, n) => {
          const exact = referenceAccount(portfolio, index, new Decimal(plotted));
          expect(Math.abs(must(curve.accountEquity[n]) - exact.equity.toNumber()) / scale).toBeLessThan(1e-9);
          expect(Math.abs(must(curve.totalMaintenance[n]) - exact.maintenance.toNumber()) / scale).toBeLessThan(1e-9);
        });
      }),
      { numRuns: Math.round(propertyRuns / 5) },
    );
  }, PROPERTY_TIMEOUT);

  it('a loss in one position pulls every other liquidation price toward its mark', () => {
    const portfolio: Portfolio = {
      wallet: '5000',
      positions: [
        { id: 'BTC', side: 'long', entry: '50000', size: '0.5', mark: '50000', mmr: '0.004' },
        { id: 'ETH', side: 'long', entry: '3000', size: '5', mark: '3000', mmr: '0.005' },
      ],
    };
    const curve = contagion(portfolio, 0, { from: 40000, to: 50000, points: 11 });
    if (!curve.valid) throw new Error(JSON.stringify(curve.errors));
    const eth = must(curve.liquidationPrices[1]).filter((level): level is number => level !== null);
    expect(eth.length).toBeGreaterThan(2);
    // As BTC falls (index down), ETH's liquidation price rises toward its mark.
    for (let n = 1; n < eth.length; n += 1) expect(must(eth[n])).toBeLessThan(must(eth[n - 1]) + 1e-9 * 3000);
    expect(Math.max(...eth)).toBeLessThanOrEqual(3000 * (1 + 1e-12));
  });

  it('rejects a bad index or range and never yields NaN on junk', () => {
    const portfolio: Portfolio = { wallet: '1000', positions: [{ side: 'long', entry: '50000', size: '0.1', mmr: '0.004' }] };
    const outOfRange = contagion(portfolio, 3, { from: 1, to: 2, points: 10 });
    expect(!outOfRange.valid && outOfRange.errors[0]?.field).toBe('index');
    const backwards = contagion(portfolio, 0, { from: 60000, to: 40000, points: 10 });
    expect(!backwards.valid && backwards.errors[0]?.field).toBe('range');
    // JSON from outside can be anything, null included.
    expect(analyzePortfolio(JSON.parse('null')).valid).toBe(false);
    expect(contagion(JSON.parse('{"wallet":"1","positions":"BTC"}'), 0, JSON.parse('null')).valid).toBe(false);
    const junk = fc.oneof(fc.string(), fc.double(), fc.constantFrom(null, undefined, {}, [], '', 'NaN', '-1', '1e400'));
    fc.assert(
      fc.property(junk, junk, junk, (a, b, c) => {
        const loose = Object.assign({ side: 'long' as const, entry: '50000', size: '0.1', mmr: '0.004', mark: '50000' }, { entry: a, size: b, mark: c });
        const wallet = Object.assign({ wallet: '1000' }, { wallet: c });
        const outputs = [analyzePortfolio({ ...wallet, positions: [loose] }), contagion({ wallet: '1000', positions: [loose] }, 0, { from: 1, to: 100000, points: 5, at: [Object.assign({ v: '1' }, { v: a }).v] })];
        expect(JSON.stringify(outputs)).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: Math.round(propertyRuns / 3) },
    );
  }, PROPERTY_TIMEOUT);
});
