/**
 * The stories, on the home page: each story's title (a link to `?map=<id>`), its description and what
 * it shows, from `data/maps.json`. Only the whole atlas lists them; a story page downloads nothing of
 * the others. No stories (no file): no section.
 */
import { OUTPUT_FILES, STORY_ID, type StoryIndexEntry } from '../contract';
import { STORY_PARAM } from '../share/params';
import { plural } from '../map/format';

/** The stories' section, or null when there are none (or the index cannot be read). */
export async function storiesSection(base: string): Promise<HTMLElement | null> {
  let list: StoryIndexEntry[];
  try {
    const response = await fetch(`${base}data/${OUTPUT_FILES.stories}`);
    if (!response.ok) return null;
    list = ((await response.json()) as StoryIndexEntry[]).filter(
      (s) => typeof s?.id === 'string' && STORY_ID.test(s.id) && typeof s.title === 'string',
    );
  } catch {
    return null;
  }
  if (!list.length) return null;
  const section = document.createElement('section');
  section.className = 'story-list';
  section.setAttribute('aria-labelledby', 'stories-heading');
  const heading = document.createElement('h2');
  heading.id = 'stories-heading';
  heading.textContent = 'Stories';
  const ul = document.createElement('ul');
  for (const s of list) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `?${STORY_PARAM}=${encodeURIComponent(s.id)}`;
    a.textContent = s.title;
    li.append(a);
    const counts = `${plural(s.events, 'event')}, ${plural(s.ranges, 'range')}`;
    const p = document.createElement('p');
    p.className = 'hint';
    p.textContent = s.description ? `${s.description} (${counts})` : counts;
    li.append(p);
    ul.append(li);
  }
  section.append(heading, ul);
  return section;
}
