import { useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { contagion } from '../../model/portfolio';
import type { Contagion, ContagionPoint, Portfolio, PortfolioAnalysis } from '../../model/portfolio';
import { cleanCell, cleanName, portfolioToText } from '../../config/lists';
import { MAX_PORTFOLIO_POSITIONS } from '../../config/schema';
import type { PortfolioRow } from '../../config/lists';
import type { Formatter } from '../../config/format';
import { portfolioTick } from '../../view/toolbox';
import { priceText } from '../../view/display';
import { useCalculator, useCalculatorStore } from '../../store/context';
import { useFormatter } from '../../store/format';
import type { PortfolioTool } from '../../view/toolbox';
import { CellInput, Figures, RemoveRowButton, ToolField, ToolMessage } from './parts';
import type { Figure } from './parts';
import type { ToolContext } from '../../view/readings';

/** What the contagion chart needs; the app hands in the chart layer's component (ui and chart never import each other). */
export interface ContagionSlotProps {
  contagion: Contagion;
  /** Side of the moved position: its liquidation prices round toward its mark, as in the table. */
  side: 'long' | 'short';
  /** Position names, in order. */
  names: readonly string[];
  /** Every position's mark price, in order. */
  marks: readonly number[];
  /** The moved asset's price chosen with the slider. */
  movedPrice: number;
  /** Account equity and maintenance unit. */
  unit: string;
  coin: boolean;
}

export type ContagionRenderer = (props: ContagionSlotProps) => ReactNode;

export const EXAMPLE_PORTFOLIO: readonly PortfolioRow[] = [
  { name: 'BTC', side: 'long', entry: '50000', size: '0.2', mark: '50000', mmr: '0.4' },
  { name: 'ETH', side: 'short', entry: '3000', size: '3', mark: '3000', mmr: '0.5' },
];
const EXAMPLE_WALLET = '2000';

/** The moved asset's price range: around its mark, wide enough to show the account's liquidation price. */
export function contagionRange(mark: number, accountLiquidation: string | null): { from: number; to: number } {
  const liquidation = accountLiquidation === null ? null : Number(accountLiquidation);
  let half = mark * 0.25;
  if (liquidation !== null && Number.isFinite(liquidation) && liquidation > 0 && liquidation < mark * 20) half = Math.max(half, Math.abs(liquidation - mark) * 1.3);
  const from = Math.max(mark - half, mark * 0.02);
  return { from, to: mark + half };
}

function positionName(row: PortfolioRow, index: number): string {
  return row.name === '' ? `#${index + 1}` : row.name;
}

/** The sentence under the contagion chart. */
export function contagionSentence(name: string, side: 'long' | 'short', mark: string, result: Contagion, tick: string, format: Formatter): string {
  const liquidation = result.accountLiquidationPrice;
  if (liquidation === null) {
    return side === 'long'
      ? `${name} alone cannot liquidate the account: the rest of it covers this long down to a price of zero.`
      : `${name} alone cannot liquidate the account: the rest of it covers this short at any price.`;
  }
  const move = (Number(liquidation) - Number(mark)) / Number(mark);
  const verb = move < 0 ? 'falls' : 'rises';
  return `If ${name} ${verb} to ${priceText('liquidation', liquidation, { tick, side }, format)} (${format.percent(move, { signed: true })} from its mark) while the others stay at their marks, the account’s equity meets its total maintenance: that loss in one position liquidates every position at once.`;
}

function ContagionView({ tool, analysis, portfolio, context, renderChart }: { tool: PortfolioTool; analysis: PortfolioAnalysis; portfolio: Portfolio; context: ToolContext; renderChart: ContagionRenderer | undefined }): ReactNode {
  const [chosen, setChosen] = useState(0);
  const format = useFormatter();
  const index = Math.min(chosen, tool.rows.length - 1);
  const row = tool.rows[index];
  const figures = analysis.positions[index];
  const mark = figures === undefined ? 1 : Number(figures.mark);
  const tick = portfolioTick(mark);
  const baseId = useId();
  const [moved, setMoved] = useState<{ index: number; text: string } | null>(null);
  const movedText = moved !== null && moved.index === index ? moved.text : (figures?.mark ?? '');

  const curve = useMemo(() => {
    if (figures === undefined) return null;
    const probe = contagion(portfolio, index, { from: Number(figures.mark) * 0.5, to: Number(figures.mark) * 1.5, points: 2 });
    const range = contagionRange(Number(figures.mark), probe.valid ? probe.accountLiquidationPrice : null);
    const result = contagion(portfolio, index, { ...range, points: 161 });
    return result.valid ? result : null;
  }, [portfolio, index, figures]);
  const movedNumber = Number(movedText);
  const movedValid = /^(\d+(\.\d*)?|\.\d+)$/.test(movedText.trim()) && movedNumber > 0 && Number.isFinite(movedNumber);
  const point = useMemo<ContagionPoint | null>(() => {
    if (!movedValid || figures === undefined) return null;
    const result = contagion(portfolio, index, { from: mark * 0.5, to: mark * 1.5, points: 2, at: [movedText.trim()] });
    return result.valid ? (result.exact[0] ?? null) : null;
  }, [portfolio, index, movedText, movedValid, mark, figures]);

  if (row === undefined || figures === undefined || curve === null) return null;
  const names = tool.rows.map(positionName);
  const money = (value: string | null): string => format.money(value, context.marginUnit, { coin: context.coin });
  const sliderFrom = curve.price[0] ?? mark * 0.75;
  const sliderTo = curve.price[curve.price.length - 1] ?? mark * 1.25;
  const sliderStep = Math.max(Number(tick), (sliderTo - sliderFrom) / 400);
  return (
    <div className="lev-toolbox__contagion">
      <h3 className="lev-toolbox__subtitle">Contagion: move one asset</h3>
      <div className="lev-toolbox__fields">
        <div className="lev-field">
          <label className="lev-field__label" htmlFor={`${baseId}-which`}>
            Position to move
          </label>
          <select id={`${baseId}-which`} className="lev-select" value={index} onChange={(event) => setChosen(Number(event.target.value))}>
            {names.map((name, position) => (
              <option key={position} value={position}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="lev-field">
          <label className="lev-field__label" htmlFor={`${baseId}-price`}>
            Price of {names[index]}
          </label>
          <input
            id={`${baseId}-price`}
            className="lev-input"
            type="text"
            inputMode="decimal"
            value={movedText}
            aria-invalid={!movedValid}
            aria-describedby={movedValid ? undefined : `${baseId}-price-error`}
            onChange={(event) => setMoved({ index, text: cleanCell(event.target.value) })}
          />
          {!movedValid ? (
            <p id={`${baseId}-price-error`} className="lev-field__error">
              The price must be a number above zero.
            </p>
          ) : null}
          <input
            type="range"
            className="lev-slider__input"
            aria-label={`Price of ${names[index] ?? ''} (slider)`}
            min={sliderFrom}
            max={sliderTo}
            step={sliderStep}
            value={movedValid ? Math.min(sliderTo, Math.max(sliderFrom, movedNumber)) : mark}
            onChange={(event) => setMoved({ index, text: formatPlain(Number(event.target.value), tick) })}
          />
        </div>
      </div>
      {renderChart !== undefined ? renderChart({ contagion: curve, side: row.side, names, marks: analysis.positions.map((position) => Number(position.mark)), movedPrice: movedValid ? movedNumber : mark, unit: context.marginUnit, coin: context.coin }) : null}
      <p className="lev-toolbox__note" data-tool-result="contagionSentence">
        {contagionSentence(names[index] ?? '', row.side, figures.mark, curve, tick, format)}
      </p>
      {point !== null ? (
        <div className="lev-table-scroll" role="region" aria-label="Figures at the moved price" tabIndex={0}>
          <table className="lev-table lev-table--compact">
            <caption>
              With {names[index]} at {format.price(point.price, tick)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Position</th>
                <th scope="col">Liquidation price</th>
              </tr>
            </thead>
            <tbody>
              {point.liquidationPrices.map((price, position) => (
                <tr key={position}>
                  <th scope="row">{names[position]}</th>
                  <td data-tool-result={`contagionLiquidation-${position}`}>
                    {price === null ? 'liquidated' : priceText('liquidation', price, { tick: portfolioTick(analysis.positions[position]?.mark ?? price), side: tool.rows[position]?.side ?? 'long' }, format)}
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row">Account equity</th>
                <td data-tool-result="contagionEquity">{money(point.accountEquity)}</td>
              </tr>
              <tr>
                <th scope="row">Total maintenance</th>
                <td>{money(point.totalMaintenance)}</td>
              </tr>
              <tr>
                <th scope="row">Account health</th>
                <td>{format.number(point.health)}</td>
              </tr>
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

/** A slider value written back as text on the tick (no binary tails like 49999.99999999). */
function formatPlain(value: number, tick: string): string {
  const decimals = (tick.split('.')[1] ?? '').length;
  return Number(value.toFixed(decimals)).toString();
}

/** The cross-margin portfolio: positions sharing one wallet, each liquidation price given the others, and the contagion view. */
export function PortfolioTab({ tool, context, renderChart }: { tool: PortfolioTool; context: ToolContext; renderChart?: ContagionRenderer | undefined }): ReactNode {
  const store = useCalculatorStore();
  const baseId = useId();
  const format = useFormatter();
  const wallet = useCalculator((state) => state.inputs.portfolioWallet);
  const rows = tool.rows;
  const write = (next: readonly PortfolioRow[]): void => store.getState().setInput('portfolio', portfolioToText(next));
  const edit = (index: number, patch: Partial<PortfolioRow>): void => write(rows.map((row, position) => (position === index ? { ...row, ...patch } : row)));
  const result = tool.result;
  const account: Figure[] =
    result === null
      ? []
      : [
          { key: 'accountEquity', label: 'Account equity (wallet + unrealized PnL)', value: format.money(result.accountEquity, context.marginUnit, { coin: context.coin }) },
          { key: 'totalMaintenance', label: 'Total maintenance', value: format.money(result.totalMaintenance, context.marginUnit, { coin: context.coin }) },
          { key: 'accountHealth', label: 'Account health (equity ÷ maintenance)', value: result.health === null ? 'no requirement' : format.number(result.health) },
          { key: 'marginRatio', label: 'Margin ratio (liquidation at 100 %)', value: format.percent(result.marginRatio) },
        ];
  return (
    <div className="lev-toolbox__tool">
      <p className="lev-toolbox__note">
        Positions in one cross wallet ({context.coin ? `inverse, margined in ${context.marginUnit}` : `linear, margined in ${context.marginUnit}`}, following the instrument above). Each
        liquidation price holds the other positions at their marks (Binance’s cross formula: the wallet less the others’ maintenance plus their unrealized PnL backs each one).
      </p>
      <ToolField
        fieldKey="portfolioWallet"
        value={wallet}
        onChange={(value) => store.getState().setInput('portfolioWallet', value)}
        error={rows.length > 0 || wallet !== '' ? tool.walletError : null}
      />
      <div className="lev-table-scroll" role="region" aria-label="Positions" tabIndex={0}>
        <table className="lev-table lev-table--compact lev-toolbox__list">
          <caption>Positions</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Side</th>
              <th scope="col">Entry</th>
              <th scope="col">Size</th>
              <th scope="col">Mark</th>
              <th scope="col">Maint. %</th>
              <th scope="col">
                <span className="lev-visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const errors = tool.rowErrors[index] ?? {};
              const label = `Position ${index + 1}`;
              return (
                <tr key={index}>
                  <td>
                    <input className="lev-input lev-toolbox__cell lev-toolbox__cell--name" type="text" aria-label={`${label} name`} value={row.name} maxLength={16} onChange={(event) => edit(index, { name: cleanName(event.target.value) })} />
                  </td>
                  <td>
                    <select className="lev-select lev-toolbox__cell" aria-label={`${label} side`} value={row.side} onChange={(event) => edit(index, { side: event.target.value === 'short' ? 'short' : 'long' })}>
                      <option value="long">long</option>
                      <option value="short">short</option>
                    </select>
                  </td>
                  <td>
                    <CellInput label={`${label} entry`} value={row.entry} onChange={(value) => edit(index, { entry: cleanCell(value) })} error={errors.entry} errorId={`${baseId}-e${index}`} />
                  </td>
                  <td>
                    <CellInput label={`${label} size`} value={row.size} onChange={(value) => edit(index, { size: cleanCell(value) })} error={errors.size} errorId={`${baseId}-s${index}`} />
                  </td>
                  <td>
                    <CellInput label={`${label} mark`} value={row.mark} placeholder={row.entry} onChange={(value) => edit(index, { mark: cleanCell(value) })} error={errors.mark} errorId={`${baseId}-m${index}`} />
                  </td>
                  <td>
                    <CellInput label={`${label} maintenance rate`} value={row.mmr} onChange={(value) => edit(index, { mmr: cleanCell(value) })} error={errors.mmr} errorId={`${baseId}-r${index}`} />
                  </td>
                  <td>
                    <RemoveRowButton label={`Remove position ${index + 1}`} onRemove={() => write(rows.filter((_, position) => position !== index))} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="lev-toolbox__actions">
        <button type="button" className="lev-button" disabled={rows.length >= MAX_PORTFOLIO_POSITIONS} onClick={() => write([...rows, { name: '', side: 'long', entry: '', size: '', mark: '', mmr: '0.5' }])}>
          Add position
        </button>
        <button
          type="button"
          className="lev-button lev-button--quiet"
          onClick={() => store.getState().setInputs({ portfolio: portfolioToText(EXAMPLE_PORTFOLIO), portfolioWallet: EXAMPLE_WALLET })}
        >
          Load an example
        </button>
      </div>
      {tool.errors.map((error) => (
        <ToolMessage key={error}>{error}</ToolMessage>
      ))}
      {result !== null && tool.portfolio !== null ? (
        <>
          <div className="lev-table-scroll" role="region" aria-label="Liquidation prices" tabIndex={0}>
            <table className="lev-table lev-table--compact">
              <caption>Each position’s liquidation price, the others at their marks</caption>
              <thead>
                <tr>
                  <th scope="col">Position</th>
                  <th scope="col">Liquidation price</th>
                  <th scope="col">From mark</th>
                  <th scope="col">Unrealized PnL</th>
                  <th scope="col">Maintenance</th>
                </tr>
              </thead>
              <tbody>
                {result.positions.map((position, index) => (
                  <tr key={index}>
                    <th scope="row">
                      {position.id} ({position.side})
                    </th>
                    <td data-tool-result={`portfolioLiquidation-${index}`}>
                      {position.liquidationPrice === null ? 'none' : priceText('liquidation', position.liquidationPrice, { tick: portfolioTick(position.mark), side: position.side }, format)}
                    </td>
                    <td>{format.percent(position.liquidationDistance, { signed: true })}</td>
                    <td>{format.money(position.uPnl, context.marginUnit, { coin: context.coin })}</td>
                    <td>{format.money(position.maintenance, context.marginUnit, { coin: context.coin })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.positions.some((position) => position.liquidationNote !== null) ? (
            <ul className="lev-toolbox__notes">
              {result.positions
                .filter((position) => position.liquidationNote !== null)
                .map((position) => (
                  <li key={position.id}>
                    {position.id}: {position.liquidationNote}
                  </li>
                ))}
            </ul>
          ) : null}
          <Figures figures={account} label="Account" />
          {result.warnings.map((warning) => (
            <p key={warning} className="lev-toolbox__warning" role="alert">
              {warning}
            </p>
          ))}
          <ContagionView tool={tool} analysis={result} portfolio={tool.portfolio} context={context} renderChart={renderChart} />
        </>
      ) : null}
    </div>
  );
}
