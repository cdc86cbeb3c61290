import { describe, expect, it } from 'vitest';
import { formatHash, parseHash, parsePeriod } from '../../src/map/url-state';

describe('url-state: period and projection', () => {
  it('round-trips a period and a projection after the other parts', () => {
    const hash = formatHash({
      view: { center: [30, 48], zoom: 4 },
      hidden: [],
      selected: null,
      period: { from: '2024-02-01', to: '2024-03-31' },
      projection: 'globe',
    });
    expect(hash).toBe('#map=4.00/48.0000/30.0000&t=2024-02-01/2024-03-31&proj=globe');
    const back = parseHash(hash);
    expect(back.period).toEqual({ from: '2024-02-01', to: '2024-03-31' });
    expect(back.projection).toBe('globe');
  });

  it('leaves both out when the URL does not have them, so older links read as before', () => {
    expect(parseHash('#map=4.00/48.0000/30.0000')).toEqual({
      view: { center: [30, 48], zoom: 4 },
      hidden: [],
      selected: null,
    });
    expect(formatHash({ view: null, hidden: [], selected: null, period: null })).toBe('');
  });

  it('accepts mercator for the flat map and ignores unknown projections', () => {
    expect(parseHash('#proj=mercator').projection).toBe('flat');
    expect(parseHash('#proj=flat').projection).toBe('flat');
    expect(parseHash('#proj=winkel').projection).toBeUndefined();
  });

  it('reads a period of whole days, swapping reversed ends, and ignores anything else', () => {
    expect(parsePeriod('2024-03-31/2024-02-01')).toEqual({ from: '2024-02-01', to: '2024-03-31' });
    expect(parsePeriod('2024-02/2024-03')).toBeNull();
    expect(parsePeriod('2024-02-01')).toBeNull();
    expect(parsePeriod('2024-02-01/2024-13-45')).toBeNull();
    expect(parseHash('#t=garbage&sel=x')).toEqual({ view: null, hidden: [], selected: 'x' });
  });
});
