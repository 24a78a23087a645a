// Page scripts shared by the browser benchmarks (strings: tsx's transpiled functions carry helpers pages lack).

/**
 * Runs before the page's scripts: checks every animation frame for the equity line, in the page or in a widget's
 * shadow root; once found, the time is taken after that frame has rendered (requestAnimationFrame, then a task),
 * as the issue times "input → next frame".
 */
export const CHART_PAINT_PROBE = `(() => {
  if (location.protocol === 'about:') return;
  window.__levChartPainted = null;
  const selector = '.lev-series-equity path';
  const find = () => document.querySelector(selector) ?? Array.from(document.querySelectorAll('leverage-lens')).find((host) => host.shadowRoot && host.shadowRoot.querySelector(selector));
  const check = () => {
    if (find()) setTimeout(() => { window.__levChartPainted = performance.now(); }, 0);
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;
