/**
 * The bare page of bare.ts drawing the app's data with the app's own layers, and nothing else of the
 * app (no panel, list, controls or URL state): bench/page.ts's second floor, which tells the app's own
 * cost from the cost of drawing its data. Parameters as in bare-map.ts. Marks `bare:idle` at the first
 * idle after the data is in.
 */
import { bareMap } from './bare-map.js';
import { nextIdle, styleParsed, withOverlay } from '../../src/map/map.js';
import { EVENT_SOURCE, SOURCE, UNDER_LABELS } from '../../src/map/ids.js';
import { dataLayers } from '../../src/map/layers.js';
import { emptyDataSource, emptyEventSource, setDataCollection } from '../../src/map/source.js';
import { loadData } from '../../src/map/data.js';
import { registerTypes } from '../../src/map/scales.js';
import { installPatterns } from '../../src/map/patterns.js';

const { map, base, theme } = bareMap((style, theme) =>
  withOverlay(
    style,
    {
      sources: { [SOURCE]: emptyDataSource(), [EVENT_SOURCE]: emptyEventSource() },
      layers: dataLayers(theme, new Set()),
      underLabels: UNDER_LABELS,
    },
    'flat',
  ),
);
installPatterns(map);
const [data] = await Promise.all([loadData(base), styleParsed(map)]);
registerTypes(data.events.features.map((f) => f.properties.type));
setDataCollection(map, data.events, data.ranges, theme);
await nextIdle(map);
performance.mark('bare:idle');
