/** The one message an embed sends its host: namespaced, an instance id and a height in CSS pixels. */
export const HEIGHT_MESSAGE = 'leverage-lens:height';

export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE;
  id: string;
  height: number;
}

/**
 * Tells the parent page the content height whenever it changes (ResizeObserver). Nothing is sent when the page is
 * not framed; the target origin is '*' because the height is not secret and the embed cannot know its host.
 */
export function reportHeight(view: Window, content: HTMLElement, id: string): () => void {
  if (view.parent === view || typeof ResizeObserver === 'undefined') return () => {};
  let last = -1;
  const send = (): void => {
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (!Number.isFinite(height) || height === last) return;
    last = height;
    const message: HeightMessage = { type: HEIGHT_MESSAGE, id, height };
    view.parent.postMessage(message, '*');
  };
  const observer = new ResizeObserver(send);
  observer.observe(content);
  send();
  return () => observer.disconnect();
}
