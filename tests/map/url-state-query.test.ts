import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../../src/map/url-state';

describe('url-state: the list search (q=)', () => {
  it('round-trips a query with spaces, quotes and ampersands', () => {
    const query = 'Kharkiv "air force" & drones';
    const hash = formatHash({ view: null, hidden: [], selected: null, query });
    expect(hash).toMatch(/^#q=/);
    expect(hash).not.toContain(' ');
    expect(parseHash(hash).query).toBe(query);
  });

  it('reads a + as a space and ignores an empty or blank query', () => {
    expect(parseHash('#q=kharkiv+drones').query).toBe('kharkiv drones');
    expect(parseHash('#q=').query).toBeUndefined();
    expect(parseHash('#q=%20%20').query).toBeUndefined();
    expect(formatHash({ view: null, hidden: [], selected: null, query: '' })).toBe('');
  });

  it('keeps the other parts beside it', () => {
    const back = parseHash(formatHash({ view: null, hidden: ['ranges'], selected: 'e1', query: 'odesa' }));
    expect(back).toMatchObject({ hidden: ['ranges'], selected: 'e1', query: 'odesa' });
  });
});
