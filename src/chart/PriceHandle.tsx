import { useRef } from 'react';
import type { KeyboardEvent, PointerEvent, ReactNode } from 'react';
import { svgPoint, usePlot } from './plot';

/** A price the reader moves on the chart: by dragging, or with the arrow keys (Shift: ten steps). */
export interface MovablePrice {
  price: number;
  /** What a screen reader hears as the value (the price as the page formats it). */
  label: string;
  /** Sets the price from a dragged pixel position (already turned into a price). */
  onDrag: (price: number) => void;
  /** One keyboard step: +1 / −1 (Shift: ten). */
  onStep: (direction: number) => void;
}

/**
 * A slider on the plot for a price: a wide transparent strip to grab, a grip in the middle, arrow keys to step.
 * The toolbox's exit price and a lesson's guess use it; what the price means (and its line) is the caller's.
 */
export function PriceHandle({ handle, name, color, className }: { handle: MovablePrice; name: string; color: string; className: string }): ReactNode {
  const pixels = usePlot();
  const dragging = useRef(false);
  if (pixels === null) return null;
  const { toX, fromX, area: plot } = pixels;
  const x = toX(handle.price);
  if (x === undefined || !Number.isFinite(x) || x < plot.x - 0.5 || x > plot.x + plot.width + 0.5) return null;
  const onPointer = (event: PointerEvent<SVGGElement>): void => {
    if (!dragging.current) return;
    const svg = event.currentTarget.ownerSVGElement;
    if (svg === null) return;
    const { x: pointerX } = svgPoint(svg, event.clientX, event.clientY);
    const price = fromX(Math.min(plot.x + plot.width, Math.max(plot.x, pointerX)));
    if (Number.isFinite(price) && price > 0) handle.onDrag(price);
  };
  const onKeyDown = (event: KeyboardEvent<SVGGElement>): void => {
    const direction = event.key === 'ArrowRight' || event.key === 'ArrowUp' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowDown' ? -1 : 0;
    if (direction === 0) return;
    event.preventDefault();
    handle.onStep(direction * (event.shiftKey ? 10 : 1));
  };
  const middle = plot.y + plot.height / 2;
  return (
    <g
      className={className}
      role="slider"
      tabIndex={0}
      aria-label={name}
      aria-valuenow={handle.price}
      aria-valuetext={handle.label}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        dragging.current = true;
        event.currentTarget.setPointerCapture(event.pointerId);
      }}
      onPointerMove={onPointer}
      onPointerUp={(event) => {
        onPointer(event);
        dragging.current = false;
        event.currentTarget.releasePointerCapture(event.pointerId);
      }}
    >
      {/* A wide transparent strip makes the whole line easy to grab. */}
      <rect x={x - 8} y={plot.y} width={16} height={plot.height} fill="transparent" />
      <rect x={x - 7} y={middle - 14} width={14} height={28} rx={4} fill={color} stroke="var(--lev-bg)" strokeWidth={1.5} />
      <path d={`M${x - 2},${middle - 6} v12 M${x + 2},${middle - 6} v12`} stroke="var(--lev-bg)" strokeWidth={1.2} />
    </g>
  );
}
