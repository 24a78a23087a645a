import type { ReactNode } from 'react';
import type { HeadlineRow } from '../view/readings';

const perLevel = (key: string): boolean => key.startsWith('thresholdPrice') || key.startsWith('touchProbability-');

/** A list of headline figures, each value followed by its one-line plain reading (and `detail`, e.g. its working). */
export function ResultRows({ rows, label, className = 'lev-headline', detail }: { rows: readonly HeadlineRow[]; label?: string; className?: string; detail?: (row: HeadlineRow) => ReactNode }): ReactNode {
  return (
    <dl className={className} aria-label={label}>
      {rows.map((row) => (
        <div key={row.key} className={`lev-headline__item lev-headline__item--${perLevel(row.key) ? 'threshold' : row.key}`}>
          <dt>{row.label}</dt>
          <dd className="lev-headline__value" data-result={row.key} data-unit={row.unit === '' ? undefined : row.unit}>
            {row.value}
          </dd>
          <dd className="lev-headline__reading" data-reading={row.key}>
            {row.reading}
          </dd>
          {detail?.(row) ?? null}
        </div>
      ))}
    </dl>
  );
}
