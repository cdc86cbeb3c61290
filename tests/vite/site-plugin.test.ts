import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oembed, publishedStories, storyOembedFile } from '../../src/vite/site-plugin.js';

const site = { site: 'https://news.example/atlas/', alt: 'A map' };

describe('oembed', () => {
  it('gives a story its own title and an embed of only its map', () => {
    const whole = oembed(site);
    const story = oembed(site, { id: 'kursk-strikes', title: 'Strikes on Kursk' });
    expect(story.title).toBe('Strikes on Kursk');
    expect(story.html).toContain('src="https://news.example/atlas/embed.html?map=kursk-strikes"');
    expect(story.html).toContain('title="Map: Strikes on Kursk"');
    // Its title above the map makes the frame taller.
    expect(story.height).toBeGreaterThan(whole.height as number);
    expect(whole.html).not.toContain('map=');
    expect(story.thumbnail_url).toBe('https://news.example/atlas/preview-kursk-strikes.png');
    expect(whole.thumbnail_url).toBe('https://news.example/atlas/preview.png');
    expect(storyOembedFile('kursk-strikes')).toBe('oembed-kursk-strikes.json');
  });
});

describe('publishedStories', () => {
  it('reads the stories the data build published, skipping what is not a story, and none without an index', () => {
    const dir = mkdtempSync(join(tmpdir(), 'site-'));
    mkdirSync(join(dir, 'data'));
    expect(publishedStories(join(dir, 'data'))).toEqual([]);
    writeFileSync(
      join(dir, 'data/maps.json'),
      JSON.stringify([
        { id: 'a-story', title: 'A', description: null, events: 1, ranges: 0 },
        { id: '../x', title: 'bad' },
      ]),
    );
    expect(publishedStories(join(dir, 'data')).map((s) => s.id)).toEqual(['a-story']);
  });
});
