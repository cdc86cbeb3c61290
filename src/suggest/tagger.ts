/**
 * tagger: part-of-speech and name tags for the words of a sentence, from a well-kept NLP library.
 * The place recogniser asks it two things a capitalised word cannot tell: is this word a proper noun
 * here ("Mobile networks…", "Reading the report…" are not), and is it a person's name ("Victoria
 * said…"). compromise answers both; wink-nlp's light English model tags every capitalised word as
 * PROPN and has no person entities (bench/suggest.ts measures both: `--tagger wink`).
 */
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Tagged {
  /** [start, end) in the text tagged. */
  start: number;
  end: number;
  tags: ReadonlySet<string>;
}

/**
 * Tags the words of a text (an article, tagged once: one pass of the tagger costs far less than one
 * per sentence); tag names as compromise's (ProperNoun, Person, Place, Adjective, Verb, Gerund, …),
 * in text order.
 */
export type Tagger = (text: string) => Tagged[];

/**
 * compromise's steps but the last: its chunker (noun, verb and adjective phrases) sets each term's
 * `chunk` and no tag, and costs a tenth of the pass. The steps are compromise's own list (its
 * `world.hooks`), read at each call, the chunker left out for that call only.
 */
function tag(text: string): ReturnType<typeof nlp> {
  const world = nlp.world() as { hooks: string[] };
  const hooks = world.hooks;
  world.hooks = hooks.filter((h) => h !== 'chunks');
  try {
    return nlp(text);
  } finally {
    world.hooks = hooks;
  }
}

export const compromiseTagger: Tagger = (text) => {
  const out: Tagged[] = [];
  // The terms' pre + text + post run over the text as given, so offsets are counted while walking them
  // (compromise's own `.json({ offset: true })` computes much more than this and costs twice as long).
  // `.docs` is compromise's typed view of its terms (Term: text, pre, post, tags).
  const docs = tag(text).docs;
  let at = 0;
  for (const terms of docs)
    for (const t of terms) {
      at += t.pre.length;
      // A term's text is as written; should compromise ever have changed it, it is found again from here.
      const start = text.startsWith(t.text, at) ? at : text.indexOf(t.text, at);
      if (start < 0) return out;
      out.push({ start, end: start + t.text.length, tags: t.tags ?? new Set() });
      at = start + t.text.length + t.post.length;
    }
  return out;
};

let wink: ReturnType<typeof winkNLP> | null = null;

const WINK_TAG: Readonly<Record<string, string>> = {
  PROPN: 'ProperNoun',
  ADJ: 'Adjective',
  VERB: 'Verb',
  NOUN: 'Noun',
  ADV: 'Adverb',
};

export const winkTagger: Tagger = (text) => {
  wink ??= winkNLP(model);
  const its = wink.its;
  const doc = wink.readDoc(text);
  const out: Tagged[] = [];
  let from = 0;
  doc.tokens().each((t: { out: (f: unknown) => unknown }) => {
    const value = t.out(its.value) as string;
    const at = text.indexOf(value, from);
    if (at < 0) return;
    from = at + value.length;
    const pos = t.out(its.pos) as string;
    out.push({ start: at, end: at + value.length, tags: new Set([WINK_TAG[pos] ?? pos]) });
  });
  return out;
};

/** The tags of the word at `offset` of the text tagged (words in text order), or an empty set. */
export function tagsAt(tagged: readonly Tagged[], offset: number): ReadonlySet<string> {
  let lo = 0;
  let hi = tagged.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tagged[mid];
    if (offset < t.start) hi = mid - 1;
    else if (offset >= t.end) lo = mid + 1;
    else return t.tags;
  }
  return new Set();
}
