/**
 * Tells the host page how tall the embed is, whenever that changes, in each of the three ways hosts
 * listen for (a host acts on its own kind and ignores the others):
 *
 * - pym.js: `pymxPYMx<childId>xPYMxheightxPYMx<px>`, the pym.Child protocol; only when the iframe was
 *   made by `pym.Parent`, which puts `childId` in its URL. pym's own width messages are answered too.
 * - `{ "source-atlas-height": { "<embed id>": <px> } }`: Datawrapper's message, renamed; read by
 *   public/embed-resize.js, which sizes the iframe whose window sent it.
 * - `{ "sentinel": "amp", "type": "embed-size", "height": <px> }`: AMP's `amp-iframe` (with `resizable`).
 *
 * The height is the body's border box, rounded up to whole CSS pixels so the frame never scrolls.
 * A host script that starts after the embed has spoken asks again with `{ "source-atlas-height?": true }`.
 */
import pym from 'pym.js';

/** Key of the Datawrapper-style message. */
export const HEIGHT_MESSAGE = 'source-atlas-height';
/** Key of the host's request for the current height. */
export const HEIGHT_REQUEST = 'source-atlas-height?';

/** The object messages for a height (pym's string message is built by pym.Child). */
export function heightMessages(
  height: number,
  id: string,
): [Record<string, Record<string, number>>, { sentinel: 'amp'; type: 'embed-size'; height: number }] {
  return [{ [HEIGHT_MESSAGE]: { [id]: height } }, { sentinel: 'amp', type: 'embed-size', height }];
}

export interface HeightReporter {
  /** The last height sent (px). */
  readonly height: number;
  /** Sends the current height now, even if unchanged. */
  send(): void;
  stop(): void;
}

/**
 * Starts reporting the height of `root` (default: the body) to the parent window. Does nothing when
 * the page is not in a frame.
 */
export function reportHeight(id: string, root: HTMLElement = document.body): HeightReporter {
  let last = 0;
  const framed = window.parent !== window;
  const pymChild = framed && new URLSearchParams(location.search).has('childId') ? new pym.Child() : null;

  const measure = () => Math.ceil(root.getBoundingClientRect().height);
  const send = () => {
    last = measure();
    if (!framed) return;
    pymChild?.sendMessage('height', String(last));
    for (const message of heightMessages(last, id)) window.parent.postMessage(message, '*');
  };
  // pym answers its parent's width messages with sendHeight(): make that our measure.
  if (pymChild) pymChild.sendHeight = () => (send(), String(last));

  const observer = new ResizeObserver(() => {
    if (measure() !== last) send();
  });
  observer.observe(root);
  const onRequest = (e: MessageEvent) => {
    if (e.source === window.parent && (e.data as Record<string, unknown> | null)?.[HEIGHT_REQUEST] === true) send();
  };
  addEventListener('message', onRequest);
  send();

  return {
    get height() {
      return last;
    },
    send,
    stop() {
      observer.disconnect();
      removeEventListener('message', onRequest);
      pymChild?.remove();
    },
  };
}
