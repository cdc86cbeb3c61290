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
  /** [start, end) in the sentence. */
  start: number;
  end: number;
  tags: ReadonlySet<string>;
}

/** Tags the words of one sentence; tag names as compromise's (ProperNoun, Person, Place, Adjective, Verb, Gerund, …). */
export type Tagger = (sentence: string) => Tagged[];

export const compromiseTagger: Tagger = (sentence) => {
  const out: Tagged[] = [];
  const json = nlp(sentence).json({ offset: true }) as Array<{
    terms: Array<{ text: string; tags: string[]; offset: { start: number; length: number } }>;
  }>;
  for (const p of json)
    for (const t of p.terms) {
      // compromise's offset covers the term with its punctuation; the word is its text.
      const at = sentence.indexOf(t.text, t.offset.start);
      const start = at >= 0 ? at : t.offset.start;
      out.push({ start, end: start + t.text.length, tags: new Set(t.tags) });
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

export const winkTagger: Tagger = (sentence) => {
  wink ??= winkNLP(model);
  const its = wink.its;
  const doc = wink.readDoc(sentence);
  const out: Tagged[] = [];
  let from = 0;
  doc.tokens().each((t: { out: (f: unknown) => unknown }) => {
    const value = t.out(its.value) as string;
    const at = sentence.indexOf(value, from);
    if (at < 0) return;
    from = at + value.length;
    const pos = t.out(its.pos) as string;
    out.push({ start: at, end: at + value.length, tags: new Set([WINK_TAG[pos] ?? pos]) });
  });
  return out;
};

/** The tags of the first word starting at `offset` of the sentence, or an empty set. */
export function tagsAt(tagged: readonly Tagged[], offset: number): ReadonlySet<string> {
  return tagged.find((t) => t.start <= offset && offset < t.end)?.tags ?? new Set();
}
