import { describe, expect, it } from 'vitest';
import type { EventProperties, RangeProperties } from '../../src/contract.js';
import { haversineKm, imageFileName, legendEntries, scaleBar, sourceLines } from '../../src/app/export-image.js';

const claim = (
  document: string,
  publisher: string | null,
  document_date: string | null,
  title = `Title ${document}`,
) => ({ document, publisher, document_date, document_title: title });

describe('export-image', () => {
  it('measures great-circle distances in km', () => {
    expect(haversineKm([0, 0], [0, 1])).toBeCloseTo(111.19, 1);
    expect(haversineKm([179.5, 0], [-179.5, 0])).toBeCloseTo(111.19, 1);
  });

  it('picks a round scale bar length that fits', () => {
    expect(scaleBar(10, 120)).toEqual({ km: 1000, px: 100 });
    expect(scaleBar(3, 120)).toEqual({ km: 200, px: 200 / 3 });
    expect(scaleBar(0, 120)).toBeNull();
    expect(scaleBar(Number.NaN, 120)).toBeNull();
  });

  it('lists each source document once, by date, with publisher and date', () => {
    const events = [
      { claims: [claim('b', 'Other Wire', '2024-03-05'), claim('a', 'Fixture Wire', '2024-03-02')] },
      { claims: [claim('a', 'Fixture Wire', '2024-03-02'), claim('c', null, null, 'Undated piece')] },
    ];
    expect(sourceLines({ events, ranges: [] })).toEqual([
      'Undated piece (date not given)',
      'Fixture Wire: Title a (2 Mar 2024)',
      'Other Wire: Title b (5 Mar 2024)',
    ]);
  });

  it('gives legend entries only for what is visible', () => {
    const events: Array<Pick<EventProperties, 'type' | 'status'>> = [{ type: 'missile-strike', status: 'disputed' }];
    const ranges: Array<Pick<RangeProperties, 'status' | 'basis' | 'conflicts_with'>> = [
      { status: 'claimed', basis: 'class', conflicts_with: ['x'] },
    ];
    const labels = legendEntries({ events, ranges }).map((e) => e.label);
    expect(labels).toEqual([
      'Missile strike',
      'Claimed (range)',
      'Disputed (event)',
      'Range from weapon class',
      'Conflicting claims',
    ]);
    expect(legendEntries({ events: [], ranges: [] })).toEqual([]);
  });

  it('names files by date and density', () => {
    const d = new Date('2024-11-21T10:00:00Z');
    expect(imageFileName(1, d)).toBe('source-atlas-2024-11-21.png');
    expect(imageFileName(2, d)).toBe('source-atlas-2024-11-21@2x.png');
  });
});
