/** The one message an embed sends its host: namespaced, an instance id and a height in CSS pixels. */
export const HEIGHT_MESSAGE = 'leverage-lens:height';

/** What the host script sends each frame when it starts: the frame answers with its height (it may have posted it before the host was listening). */
export const MEASURE_MESSAGE = 'leverage-lens:measure';

export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE;
  id: string;
  height: number;
}

/**
 * Tells the parent page the content height whenever it changes (ResizeObserver). Call it once the widget has
 * rendered: a height posted before that (an empty body) would shrink the frame and make it jump when the widget
 * appears, so until then the frame keeps its author's height. An empty height is never sent. Nothing is sent when
 * the page is not framed; the target origin is '*' because the height is not secret and the embed cannot know its
 * host (the host script checks where a message comes from).
 */
export function reportHeight(view: Window, content: HTMLElement, id: string): () => void {
  if (view.parent === view || typeof ResizeObserver === 'undefined') return () => {};
  let last = -1;
  const send = (): void => {
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (!Number.isFinite(height) || height <= 0 || height === last) return;
    last = height;
    const message: HeightMessage = { type: HEIGHT_MESSAGE, id, height };
    view.parent.postMessage(message, '*');
  };
  const observer = new ResizeObserver(send);
  observer.observe(content);
  // A host script that loads after the frame missed the first height: it asks, and the frame says it again.
  const answer = (event: MessageEvent<unknown>): void => {
    const data = event.data;
    if (event.source !== view.parent || typeof data !== 'object' || data === null || Reflect.get(data, 'type') !== MEASURE_MESSAGE) return;
    last = -1;
    send();
  };
  view.addEventListener('message', answer);
  send();
  return () => {
    observer.disconnect();
    view.removeEventListener('message', answer);
  };
}

/** reportHeight started by the first call of the returned function (the widget's first render) and never again. */
export function reportHeightOnce(view: Window, content: HTMLElement, id: string): () => void {
  let started = false;
  return () => {
    if (started) return;
    started = true;
    reportHeight(view, content, id);
  };
}
