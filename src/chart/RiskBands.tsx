import { memo } from 'react';
import type { ReactNode } from 'react';
import { usePlot } from './plot';
import type { PriceBand } from './risk';

export const BAND_COLOR = 'var(--lev-band)';
const FONT_SIZE = 11;
/** Labels only where the strip is wide enough to hold them. */
const MIN_LABEL_WIDTH = 30;

/**
 * The horizon's price range as shaded bands under the curves, drawn from the chart's own scale like the other
 * annotation layers (no ReferenceArea: those re-register in the chart store on every slider step).
 */
export const BandLayer = memo(function BandLayer({ bands }: { bands: readonly PriceBand[] }): ReactNode {
  const pixels = usePlot();
  if (pixels === null || bands.length === 0) return null;
  const { toX, area: plot } = pixels;
  const clip = (value: number): number => Math.max(plot.x, Math.min(plot.x + plot.width, value));
  const boxes = bands.map((band) => {
    const a = toX(band.from);
    const b = toX(band.to);
    if (a === undefined || b === undefined) return null;
    return { band, left: clip(Math.min(a, b)), right: clip(Math.max(a, b)) };
  });
  const labelY = plot.y + plot.height - 6;
  return (
    <g className="lev-bands">
      {boxes.map((box, index) => {
        if (box === null || !(box.right > box.left)) return null;
        const { band, left, right } = box;
        const outer = band.sigmas === 2;
        // Each label sits just inside its band's left edge, in the strip up to the next band; none where
        // the edge is cut off by the plot (the legend and the summary still name the range).
        const trueLeft = toX(band.from);
        const clipped = trueLeft === undefined || trueLeft < plot.x;
        const next = boxes[index + 1];
        const stripRight = outer && next !== null && next !== undefined ? next.left : right;
        const showLabel = !clipped && stripRight - left >= MIN_LABEL_WIDTH;
        return (
          <g key={band.id} className={band.className}>
            <rect x={left} y={plot.y} width={right - left} height={plot.height} fill={BAND_COLOR} fillOpacity={outer ? 0.07 : 0.1} />
            {showLabel ? (
              <text x={left + 4} y={labelY} textAnchor="start" fontSize={FONT_SIZE} fill={BAND_COLOR} className="lev-band-label">
                {band.label}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
});
