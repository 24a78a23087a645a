import { useId, useMemo } from 'react';
import type { ReactNode } from 'react';
import { useCalculator, useDerived } from '../store/context';
import { usePlot } from './plot';
import { usePathSpec, usePlayedPath } from '../store/usePlayedPath';
import { clampStep, dotPosition } from '../view/path';
import type { PathCursor } from '../view/path';
import { linePath } from './series';

/*
 * The played price path on the equity chart: the dot walks along (price, equity) as the steps play, with a faint
 * trail of the steps already played. Equity includes the carry paid so far, so with funding the dot sits a little
 * under the curve. At the liquidation step the dot stops on the liquidation price with a cross: the path ends there.
 */

const DOT_RADIUS = 6;
const CROSS = 7;

export function PathLayer({ cursor, equityInCoin }: { cursor: PathCursor; equityInCoin: boolean }): ReactNode {
  const plot = usePlot();
  const derived = useDerived();
  const seedText = useCalculator((state) => state.inputs.seed);
  const path = usePlayedPath(usePathSpec(derived.shownSpec), seedText, cursor);
  const clipId = `${useId().replace(/[^A-Za-z0-9_-]/g, '')}-path-clip`;
  const inverseInQuote = derived.shown?.marginCurrency === 'coin' && !equityInCoin;
  const step = path === null ? 0 : clampStep(cursor.step, path);
  const trail = useMemo(() => {
    if (path === null) return { prices: [], equities: [] };
    const played = path.points.slice(0, step + 1).map((point) => dotPosition(point, inverseInQuote));
    return { prices: played.map((point) => point.price), equities: played.map((point) => point.equity) };
  }, [path, step, inverseInQuote]);
  if (plot === null || path === null) return null;
  const point = path.points[step];
  if (point === undefined) return null;
  const { area, toX, toY } = plot;
  const at = dotPosition(point, inverseInQuote);
  // A dot beyond the plotted range waits at its edge, hollow.
  const rawX = toX(at.price) ?? area.x;
  const rawY = toY(at.equity) ?? area.y;
  const x = Math.min(area.x + area.width, Math.max(area.x, rawX));
  const y = Math.min(area.y + area.height, Math.max(area.y, rawY));
  const outside = x !== rawX || y !== rawY;
  const liquidated = point.state === 'liquidated';
  return (
    <g className="lev-path-layer" pointerEvents="none" data-step={step} data-state={point.state} data-price={point.price}>
      <defs>
        <clipPath id={clipId}>
          <rect x={area.x} y={area.y} width={area.width} height={area.height} />
        </clipPath>
      </defs>
      <path d={linePath(trail.prices, trail.equities, toX, toY)} fill="none" stroke="var(--lev-accent)" strokeOpacity={0.45} strokeWidth={1.5} clipPath={`url(#${clipId})`} />
      {liquidated ? (
        <g className="lev-path-dot lev-path-dot--liquidated" data-x={x.toFixed(1)}>
          <circle cx={x} cy={y} r={DOT_RADIUS + 2} fill="var(--lev-bg)" stroke="var(--lev-danger)" strokeWidth={2} />
          <path d={`M${x - CROSS / 2},${y - CROSS / 2}L${x + CROSS / 2},${y + CROSS / 2}M${x - CROSS / 2},${y + CROSS / 2}L${x + CROSS / 2},${y - CROSS / 2}`} stroke="var(--lev-danger)" strokeWidth={2.5} />
          <text x={x} y={y - DOT_RADIUS - 8} textAnchor={x > area.x + area.width / 2 ? 'end' : 'start'} fontSize={12} fontWeight={600} fill="var(--lev-danger)">
            Liquidated at step {point.step}
          </text>
        </g>
      ) : (
        <circle className="lev-path-dot" data-x={x.toFixed(1)} cx={x} cy={y} r={DOT_RADIUS} fill={outside ? 'var(--lev-bg)' : 'var(--lev-accent)'} stroke="var(--lev-bg)" strokeWidth={2} />
      )}
      {outside && !liquidated ? <circle cx={x} cy={y} r={DOT_RADIUS} fill="none" stroke="var(--lev-accent)" strokeWidth={2} /> : null}
    </g>
  );
}
