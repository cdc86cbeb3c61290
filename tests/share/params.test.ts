import { describe, expect, it } from 'vitest';
import { appUrl, embedUrl, parseEmbedParams, storyOf, TITLE_MAX } from '../../src/share/params.js';

const SITE = 'https://news.example/atlas/';

describe('parseEmbedParams', () => {
  it('reads view, hidden layers and selection from the hash, as the app writes them', () => {
    const { state, title } = parseEmbedParams(
      '',
      '#map=5.00/48.4600/35.0400&hide=ranges,status:unverified&sel=dnipro-irbm-strike',
    );
    expect(state).toEqual({
      view: { center: [35.04, 48.46], zoom: 5 },
      hidden: ['ranges', 'status:unverified'],
      selected: 'dnipro-irbm-strike',
    });
    expect(title).toBeNull();
  });

  it('reads the same parameters from the query, and prefers the hash where both give one', () => {
    const { state } = parseEmbedParams('?map=3/10/20&hide=events&sel=a', '#sel=b');
    expect(state).toEqual({ view: { center: [20, 10], zoom: 3 }, hidden: ['events'], selected: 'b' });
  });

  it('ignores the parameters pym.js adds', () => {
    const { state } = parseEmbedParams(
      '?initialWidth=680&childId=atlas&parentTitle=Story&parentUrl=https%3A%2F%2Fnews.example%2F',
      '',
    );
    expect(state).toEqual({ view: null, hidden: [], selected: null });
  });

  it('takes a title from the query, collapses its spaces and cuts it at TITLE_MAX characters', () => {
    expect(parseEmbedParams('?title=Strikes%20%20on+Dnipro', '').title).toBe('Strikes on Dnipro');
    expect(parseEmbedParams(`?title=${'x'.repeat(500)}`, '').title).toHaveLength(TITLE_MAX);
    expect(parseEmbedParams('?title=%20', '').title).toBeNull();
  });
});

describe('embedUrl and appUrl', () => {
  const state = { view: { center: [35.04, 48.46] as [number, number], zoom: 5 }, hidden: ['ranges'], selected: 'x' };

  it('puts the state in the hash and the title in the query, beside index.html', () => {
    expect(embedUrl(SITE, state, 'Strikes & ranges')).toBe(
      'https://news.example/atlas/embed.html?title=Strikes+%26+ranges#map=5.00/48.4600/35.0400&hide=ranges&sel=x',
    );
    expect(appUrl(SITE, state)).toBe('https://news.example/atlas/#map=5.00/48.4600/35.0400&hide=ranges&sel=x');
  });

  it('round-trips through parseEmbedParams', () => {
    const url = new URL(embedUrl(SITE, state, 'A title'));
    expect(parseEmbedParams(url.search, url.hash)).toEqual({ state, title: 'A title', story: null });
  });

  it('keeps a story (?map=<id>) in the embed and the full map, apart from the view (#map=)', () => {
    const embed = new URL(embedUrl(SITE, state, null, 'kursk-strikes'));
    expect(embed.searchParams.get('map')).toBe('kursk-strikes');
    expect(parseEmbedParams(embed.search, embed.hash)).toEqual({ state, title: null, story: 'kursk-strikes' });
    const app = new URL(appUrl(SITE, state, 'kursk-strikes'));
    expect(storyOf(app.search)).toBe('kursk-strikes');
    expect(app.hash).toBe(embed.hash);
  });

  it('takes no story from a ?map= that is not a story id', () => {
    expect(storyOf('?map=../../etc')).toBeNull();
    expect(storyOf('?map=4.00/48.0/35.0')).toBeNull();
    expect(storyOf('?title=x')).toBeNull();
  });
});

describe('parseEmbedParams and the rest of the app state', () => {
  it('keeps what url-state.ts parses beyond view, layers and selection (period, projection)', () => {
    const { state } = parseEmbedParams('?proj=flat', '#t=2024-11-01/2024-11-30');
    expect(state).toMatchObject({ period: { from: '2024-11-01', to: '2024-11-30' }, projection: 'flat' });
  });
});
