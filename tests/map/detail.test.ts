import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { showDetailIn } from '../../src/map/detail';

const { Event: DomEvent } = parseHTML('');

/** linkedom's document under the DOM's own types: it implements what showDetailIn uses. */
function dom(html: string): Document {
  // biome-ignore lint/plugin: typed boundary: linkedom's document implements the DOM these helpers use, under its own types
  return parseHTML(html).document as unknown as Document;
}

/** A key press on `target`, bubbling as a browser's does. */
function press(target: Element, key: string): void {
  const e = new DomEvent('keydown', { bubbles: true, cancelable: true });
  Object.assign(e, { key });
  target.dispatchEvent(e);
}

describe('showDetailIn: details in a panel (a narrow embed, a phone sheet)', () => {
  it('closes with Escape from anywhere in it, as a popup does, and only once', () => {
    const doc = dom('<div id="detail" hidden></div>');
    const panel = doc.getElementById('detail') as HTMLElement;
    const content = doc.createElement('article');
    content.innerHTML = '<a href="#x">source</a>';
    let closed = 0;
    showDetailIn(panel, content, () => closed++);
    expect(panel.hidden).toBe(false);
    expect(panel.querySelector('.detail-close')?.textContent).toBe('Close details');
    press(content.querySelector('a') as Element, 'Escape');
    expect(closed).toBe(1);
    // Shown again: one listener per showing, not one more each time.
    showDetailIn(panel, doc.createElement('article'), () => closed++);
    press(panel.querySelector('.detail-close') as Element, 'Escape');
    expect(closed).toBe(2);
  });

  it('leaves other keys alone', () => {
    const doc = dom('<div id="detail" hidden></div>');
    const panel = doc.getElementById('detail') as HTMLElement;
    let closed = 0;
    showDetailIn(panel, doc.createElement('article'), () => closed++);
    press(panel.querySelector('.detail-close') as Element, 'Enter');
    expect(closed).toBe(0);
  });
});
