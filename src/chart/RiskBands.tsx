import { memo } from 'react';
import type { ReactNode } from 'react';
import { usePlotArea, useXAxisScale } from 'recharts';
import type { PriceBand } from './risk';

export const BAND_COLOR = 'var(--lev-band, #6366f1)';
const FONT_SIZE = 11;
/** Labels only where the strip is wide enough to hold them. */
const MIN_LABEL_WIDTH = 30;

/**
 * The horizon's price range as shaded bands under the curves, drawn from the chart's own scale like the other
 * annotation layers (no ReferenceArea: those re-register in the chart store on every slider step).
 */
export const BandLayer = memo(function BandLayer({ bands }: { bands: readonly PriceBand[] }): ReactNode {
  const xScale = useXAxisScale();
  const plot = usePlotArea();
  if (xScale === undefined || plot === undefined || bands.length === 0) return null;
  const clip = (value: number): number => Math.max(plot.x, Math.min(plot.x + plot.width, value));
  const boxes = bands.map((band) => {
    const a = xScale(band.from);
    const b = xScale(band.to);
    if (a === undefined || b === undefined) return null;
    return { band, left: clip(Math.min(a, b)), right: clip(Math.max(a, b)) };
  });
  const inner = boxes.find((box) => box?.band.sigmas === 1) ?? null;
  const labelY = plot.y + plot.height - 6;
  return (
    <g className="lev-bands">
      {boxes.map((box) => {
        if (box === null || !(box.right > box.left)) return null;
        const { band, left, right } = box;
        const outer = band.sigmas === 2;
        // The outer label sits in the strip left of the inner band; the inner one in its centre.
        const stripRight = outer && inner !== null ? inner.left : right;
        const labelRoom = stripRight - left;
        return (
          <g key={band.id} className={band.className}>
            <rect x={left} y={plot.y} width={right - left} height={plot.height} fill={BAND_COLOR} fillOpacity={outer ? 0.07 : 0.1} />
            {labelRoom >= MIN_LABEL_WIDTH ? (
              <text
                x={outer ? left + 4 : (left + right) / 2}
                y={labelY}
                textAnchor={outer ? 'start' : 'middle'}
                fontSize={FONT_SIZE}
                fill={BAND_COLOR}
                className="lev-band-label"
              >
                {band.label}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
});
