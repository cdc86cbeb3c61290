import { describe, expect, it } from 'vitest';
import { heightMessages, HEIGHT_MESSAGE } from '../../src/embed/height.js';
import { ampSnippet, iframeSnippet, pymSnippet } from '../../src/share/snippets.js';

const options = {
  src: 'https://news.example/atlas/embed.html?title=A+%22quoted%22+title#map=5.00/48.4600/35.0400&hide=ranges',
  site: 'https://news.example/atlas/',
  title: 'Map: "quoted" <title>',
  height: 640,
  width: 600,
};

describe('snippets', () => {
  it('pym.js: a data-pym-src placeholder and the site’s own copy of pym.js', () => {
    expect(pymSnippet(options)).toBe(
      '<div data-pym-src="https://news.example/atlas/embed.html?title=A+%22quoted%22+title#map=5.00/48.4600/35.0400&amp;hide=ranges" data-pym-title="Map: &quot;quoted&quot; &lt;title&gt;"></div>\n' +
        '<script src="https://news.example/atlas/pym.v1.min.js" async></script>',
    );
  });

  it('plain: a full-width iframe with a starting height, and the resize script', () => {
    const html = iframeSnippet(options);
    expect(html).toContain(
      '<iframe src="https://news.example/atlas/embed.html?title=A+%22quoted%22+title#map=5.00/48.4600/35.0400&amp;hide=ranges"',
    );
    expect(html).toContain('height="640"');
    expect(html).toContain('width:100%');
    expect(html).toContain('<script src="https://news.example/atlas/embed-resize.js" async></script>');
  });

  it('plain, without a site URL: relative script URL', () => {
    expect(iframeSnippet({ ...options, site: '' })).toContain('<script src="embed-resize.js" async></script>');
  });

  it('AMP: a resizable amp-iframe that may open popups, with an overflow button', () => {
    const html = ampSnippet(options);
    expect(html).toMatch(
      /^<amp-iframe src="[^"]+" title="[^"]+" width="600" height="640" layout="responsive" resizable/,
    );
    expect(html).toContain('sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"');
    expect(html).toContain('<div overflow tabindex="0" role="button"');
  });
});

describe('heightMessages', () => {
  it('gives the Datawrapper-style and the AMP message for a height', () => {
    expect(heightMessages(512, 'atlas')).toEqual([
      { [HEIGHT_MESSAGE]: { atlas: 512 } },
      { sentinel: 'amp', type: 'embed-size', height: 512 },
    ]);
    expect(HEIGHT_MESSAGE).toBe('source-atlas-height');
  });
});
