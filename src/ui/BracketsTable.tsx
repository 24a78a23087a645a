import { memo } from 'react';
import type { ReactNode } from 'react';
import type { AppliedTier } from '../model/types';
import type { VenuePreset } from '../model/venues';
import { textToTiers } from '../config/lists';
import { useFormatter } from '../store/format';

export interface BracketsTableProps {
  /** The brackets text as typed (rates in percent). */
  text: string;
  /** Unit of the floors: the margin currency, or the size unit when the brackets are measured by size. */
  unit: string;
  /** What the floors measure: the position value (default) or its size (OKX contracts). */
  measure?: 'value' | 'size';
  appliedTier: AppliedTier | null;
  entryTier: AppliedTier | null;
  /** Where the figures come from and when they were taken (or that they were edited), shown above the table. */
  provenance?: string;
}

/** The host of a source address, as the link's text ("www.binance.com"). */
export function sourceHost(url: string): string {
  const match = /^https?:\/\/([^/]+)/.exec(url);
  return match?.[1] ?? url;
}

/** The "data as of" line for a bracket table: the preset's date and source, unless the reader edited the table. */
export function bracketProvenance(venue: VenuePreset | undefined, edited: boolean): string {
  if (venue === undefined || venue.id === 'custom') return 'Your own brackets.';
  if (edited) return `Edited: these are not ${venue.label}’s published brackets (data as of ${venue.asOf}).`;
  return `${venue.label} brackets, data as of ${venue.asOf}. Source: ${sourceHost(venue.sourceUrl)}.`;
}

function applies(index: number, applied: AppliedTier | null, entry: AppliedTier | null): string {
  const atLiquidation = applied?.index === index;
  const atEntry = entry?.index === index;
  if (atLiquidation && atEntry) return 'at entry and at liquidation';
  if (atLiquidation) return 'at liquidation';
  if (atEntry) return 'at entry';
  return '';
}

function legend(appliedTier: AppliedTier | null, entryTier: AppliedTier | null): string {
  if (appliedTier === null && entryTier === null) return '';
  if (appliedTier !== null && entryTier !== null && appliedTier.index !== entryTier.index) {
    return `▶ Bracket ${entryTier.index + 1} applies at entry, bracket ${appliedTier.index + 1} at the liquidation price.`;
  }
  const tier = appliedTier ?? entryTier;
  return tier === null ? '' : `▶ Bracket ${tier.index + 1} applies at entry and at the liquidation price.`;
}

/** Read-only view of the bracket text; the row in force is marked in words as well as colour. */
export const BracketsTable = memo(function BracketsTable({ text, unit, appliedTier, entryTier, provenance, measure = 'value' }: BracketsTableProps): ReactNode {
  const format = useFormatter();
  const tiers = textToTiers(text, false) ?? [];
  if (tiers.length === 0) return null;
  const note = legend(appliedTier, entryTier);
  return (
    <div className="lev-brackets">
      {provenance !== undefined ? <p className="lev-brackets__source">{provenance}</p> : null}
      <div className="lev-brackets__scroll" role="region" aria-label="Maintenance brackets" tabIndex={0}>
        <table className="lev-table lev-table--compact">
          <caption>{measure === 'size' ? `Maintenance brackets by position size (${unit})` : `Maintenance brackets (${unit})`}</caption>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">Rate</th>
              <th scope="col">Amount</th>
              <th scope="col">Max</th>
            </tr>
          </thead>
          <tbody>
            {tiers.map((tier, index) => {
              const inForce = applies(index, appliedTier, entryTier);
              // Rates in the text are percent already; the formatter expects a fraction.
              const rate = Number(tier.mmr) / 100;
              return (
                <tr key={`${index}-${String(tier.floor)}`} className={inForce !== '' ? 'lev-row--current' : undefined} aria-current={inForce !== '' ? 'true' : undefined}>
                  <td>
                    {inForce !== '' ? (
                      <>
                        <span aria-hidden="true">▶ </span>
                        <span className="lev-visually-hidden">Applies {inForce}: </span>
                      </>
                    ) : null}
                    {format.number(String(tier.floor), { digits: 2 })}
                  </td>
                  <td>{format.percent(rate, { digits: 3 })}</td>
                  <td>{format.number(String(tier.mmAmount ?? '0'), { digits: 2 })}</td>
                  {/* A venue's maximum as published, to two decimals: OKX's 66.66× must not read as a rounded-up 66.7×. */}
                  <td>{tier.maxLeverage === undefined || String(tier.maxLeverage) === '' ? '—' : format.times(String(tier.maxLeverage), { digits: 2 })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {note !== '' ? <p className="lev-brackets__legend">{note}</p> : null}
    </div>
  );
});
