/**
 * dates: the date expressions of a sentence, normalised against the article's publication date, in the
 * build's forms (YYYY, YYYY-MM, YYYY-MM-DD, START/END, START/..). Pure.
 *
 * chrono-node reads the expressions. Where it falls short for news text this module extends it:
 *   - "on November 23 and 25", "November 23-25", "23 and 25 November": chrono reads one day only; both
 *     days make an interval; "between November 20 and November 22", "between March and May": chrono reads
 *     two dates; they make one interval, as do "on Monday and Tuesday"; "from November 30 to December 2" ends on or before --published too;
 *   - "on the night of November 20": chrono reads nothing; the date is read without "the night of";
 *   - "the day before yesterday": chrono reads "yesterday"; "over the past two weeks", "in the last 24
 *     hours": chrono reads nothing; the span up to the publication day;
 *   - "in early 2023", "by the end of 2024": a bare year after a qualifier;
 *   - "since 2014", "in 2014", "by 2014": chrono does not read a bare year; "since" makes an open interval;
 *   - "on Thursday": chrono may take the coming Thursday; news reports the past one (on or before --published);
 *     "from Sunday to Tuesday", "the night of Monday to Tuesday": chrono takes both days ahead; the end is
 *     the first such weekday after the start; a run that would end after --published ("from Monday through
 *     Wednesday" told on a Monday) is the week before's;
 *   - "between 2014 and 2016", "from 2014 to 2016", "in 2014 and 2015": chrono reads no bare year; one span;
 *   - "last week", "last month", "last year": chrono gives a day; the period itself is meant;
 *   - a date without its year is the last one on or before --published (chrono may take the next);
 *     "last August" in August is a year before; chrono reads no "last May" at all;
 *   - without --published, a date whose year the text does not give is dropped (chrono would take this year);
 *   - "since December", "since last year", "since the start of the war in 2014": chrono reads the date;
 *     "since" makes an open interval, whichever reading found the date;
 *   - "October 27 last year", "in March this year": chrono reads the date without its year and
 *     "last year" apart; the words give the date's year (one date);
 *   - "began in Mali in 2012 and has spread …": what began then goes on, an open interval;
 *   - "over the weekend", "on the weekend", "last weekend": chrono gives the Saturday; the weekend is Saturday and Sunday;
 *   - "over the past week": the seven days up to publication, not the last calendar week;
 *   - "this morning", "earlier today": chrono reads a time only; the publication day;
 *   - "at the end of April": chrono gives the last day; the month is meant; "in the summer of 2022": the year;
 *   - "from April to June last year": chrono gives the year to the start only;
 *   - "overnight": chrono reads nothing; news means the night into the publication day (day before/day);
 *     "overnight into Sunday", "overnight to March 3": chrono reads the day; the night ends on it (day
 *     before/day); "the night of Saturday into Sunday": chrono reads two dates; one night, the first to the second;
 *   - "on the 14th", "on the evening of the 9th", "from the 3rd to the 5th": chrono reads no day without its
 *     month; the latest such day on or before --published (this month's, else last month's), a pair an interval;
 *   - "ordered them to sign by July 1", "had until April 30": chrono gives a day ahead of --published (then
 *     taken a year back); a yearless date ahead after "by", "until", "before" is a deadline: dropped;
 *   - "The withdrawal, which began on Wednesday, was completed on Friday": the relative clause dates the
 *     beginning of what the main clause ends (one run), not background;
 *   - "this week": the week so far, never after --published;
 *   - "X said on Friday …": a date right after a verb of saying is when it was said, not when it happened;
 *     it is marked `reporting` so the event takes another date when it has one; so is one between the
 *     speaker and the verb ("Putin on Sunday called the blast …");
 *   - "the first … since a coup in 2021", ", which brokered a ceasefire in January,": background to the
 *     event, marked `background` so the event never takes it; so is a bare year read with its "since"
 *     ("the deadliest day since 2006"), which the test before the date's words had missed;
 *   - "the worst flood since 1987, when a cyclone drowned …": chrono reads nothing, the bare year "since"
 *     gives an open interval; the when-clause tells what happened in 1987 (the year, not from it on), and
 *     it is the sentence's date when the sentence dates nothing else (README rule 4: a background fact has
 *     its own date);
 *   - "24/7" is an idiom, not the 24th of July;
 *   - "for 86 minutes", "after 73 minutes", "15 minutes later", "in five months": chrono counts them from
 *     the publication date; in news they count from the event told (or are durations): dropped;
 *   - "two days of drills … on Thursday", "a three-day exercise starting Monday": chrono gives the day;
 *     the activity lasts N days from it (an interval), when the sentence gives that one day only;
 *     "agreed on Wednesday … after a 24-hour offensive": it ran up to that day, from the day before;
 *   - "on Tuesday, the third straight day of attacks", "for a third day": the run of N days ending on
 *     the day given (days only: "a second night in a row" of strikes is that night's);
 *   - "a day earlier", "two days later", "the day before", "the same day": chrono counts from the
 *     publication date; they count from the event the article told last (`anchor`), or are dropped;
 *     "came a day after Russia fired …" dates what follows "after" a day before the anchor; said first
 *     ("A day after the Tutor was hit, missiles struck …") it counts forward from the day the text gave
 *     what the clause names (`referred`: an earlier sentence that shares its words), else the anchor; "hours
 *     later", "later that day" are the anchor's day; from a run of days, "later" counts from its last
 *     day and "earlier" from its first.
 * The convention these follow is data/README.md, "An event's date: when it happened". Also:
 *   - "said on Sunday it would send …", "said on Sunday … and urged all sides to stop": the saying is the
 *     event (a decision, an intention, an appeal), marked `statement`, not `reporting`;
 *   - "took most of Aleppo on Saturday, in an offensive that began on Wednesday": chrono reads two days;
 *     they make one run, from the day it began to the day told (at most a month apart);
 *   - "three weeks after Russia invaded Ukraine on February 24", "an overnight attack on January 2": the
 *     day the text gives wins over a count or "overnight";
 *   - "overnight" told in a report said on a day ("…, the Air Force said on Tuesday", or "…, the officials
 *     said" after they spoke on Wednesday): the night before that day, not before publication;
 *   - ", which … since last year." at the end of a sentence is a relative clause too (its date background,
 *     unless the event's place is in it and the main clause dates nothing: suggest.ts);
 *   - "began in April 2023 and has since killed …": a toll counted since does not open the interval.
 * Added by the h-dates session's second round:
 *   - "Christmas Day", "New Year's Eve", "Boxing Day": chrono reads no holiday; its fixed day, the latest on
 *     or before --published (or in the year the words give);
 *   - "on 12.04.2024": chrono reads a dotted date month first; news that writes dots writes the day first;
 *   - "since the first days of the war in February 2022", "since the end of …": an open interval, as
 *     "since the start of …" already was;
 *   - "By Wednesday, 1,300 people had been evacuated", "the toll had risen to 12 by Friday": the day a
 *     count or a state was reached, marked `reached`: the sentence's date, but later undated sentences
 *     do not take it as the day of the news (suggest.ts);
 *   - "on Friday last week", "last week on Friday", "on Tuesday this week": chrono reads the weekday alone
 *     (the latest) and the week apart; that weekday of that week;
 *   - "the previous Sunday": chrono reads "Sunday" alone (on or before --published); it is read as "last Sunday";
 *   - "in the early morning of Tuesday 7 May": chrono reads nothing there; read without the part of the day;
 *   - "in the first half of 2023", "in the last quarter of 2023": the year; "since the 2022 invasion",
 *     "in the 2020 war": a year that names an event (chrono reads no bare year), "since" an open interval;
 *   - "tomorrow", "next week": chrono counts forward; no date of what happened; "will meet on Friday", "is
 *     due to vote on May 20": chrono takes the last Friday, the last May 20; a plan: dropped.
 * Added by the h-dates session's fourth round:
 *   - "In July … a day after …", "On Monday … and two days later …": chrono counts from publication; a
 *     count counts from a date its own sentence gives before it, nearer than the event told before; from a
 *     month (or a year) it gives that month with no day (a count of weeks from one: dropped); counted from
 *     the sentence's own date, "… on Thursday, three days after X took office" dates X: background;
 *   - "later that day", "a day later" after a sentence that dates a day but proposes no event (a place the
 *     gazetteer lacks): counted from that day, not from the event before it (suggest.ts, `lastTold`);
 *   - "two months after X", "three months later": chrono counts from publication or reads a duration;
 *     counted in months from the sentence's date or the event told before, a month with no day;
 *   - "over the following weekend", "the next weekend": chrono reads nothing (or a weekend ahead); the
 *     Saturday and Sunday after the event told before;
 *   - "since earlier this month": chrono reads "this month"; "since" makes an open interval, as "since
 *     last …" already did;
 *   - "earlier this week", "earlier in the week": Monday to the day before publication ("earlier" is
 *     before the day of the report), not to publication;
 *   - "seized power in August 2020 and again in May 2021": chrono reads two dates; one thing done again
 *     is one span, first to last (months or years joined by "and again", "and later", "and once more").
 */
import * as chrono from 'chrono-node';
import { UNITS } from './figures.js';

export interface FoundDate {
  /** [start, end) in the text. */
  start: number;
  end: number;
  /** The build's date form. */
  value: string;
  /** How it was read, when the text did not give it whole ("relative to the publication date"). */
  reason?: string;
  /** The date follows a verb of saying ("said on Friday"): when it was said, not when it happened. */
  reporting?: boolean;
  /**
   * The date is background to the sentence's event, not its date: the point a superlative is measured
   * from ("the first … since a coup in 2021") or inside a non-restrictive relative clause (", which
   * brokered a ceasefire in January,").
   */
  background?: boolean;
  /**
   * A calendar period counted from the publication date ("last week", "this week", "over the past two
   * weeks", "over the weekend"), not the extent of what happened: a day inside it is not thereby part
   * of one event.
   */
  period?: boolean;
  /** "overnight" with no day named: the night before the day of the report (its reason says which day). */
  night?: boolean;
  /** Counted from the event told before ("a day earlier", "hours later"): another event than that one. */
  anchored?: boolean;
  /** [start, end) in the text of the clause a `background` date is in, when a relative clause made it background. */
  clause?: [number, number];
  /**
   * The date something was said, where the saying is itself the event: what was said is a decision or
   * an intention ("said on Sunday it would send …") or an appeal ("said on Sunday … and urged all sides
   * to stop"). Not `reporting`: it dates the sentence's event before any date of what the words recall.
   */
  statement?: boolean;
  /**
   * "By Wednesday, 1,300 people had been evacuated": the day a count or a state was reached, not the day
   * of the news the article tells; later undated sentences are not carried to it.
   */
  reached?: boolean;
  /** Internal: "since 1939, when …" (see findDates). */
  sinceWhen?: boolean;
}

/** A superlative measured "since" something: what follows is the point of comparison. */
const SUPERLATIVE_SINCE =
  /\b(?:first|largest|biggest|deadliest|worst|heaviest|most|highest|lowest|longest|last)\b[^.;]{0,80}\bsince\b[^.;]{0,60}$/i;

/** [start, end) of the non-restrictive relative clauses of a slice (", which …,", ", who …,"). */
function relativeClauses(slice: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of slice.matchAll(/,\s+(?:which|who|whose|where)\b[^,;]*?(?=,|[.!?]["”’)]*\s*$)/gi))
    out.push([m.index, m.index + m[0].length]);
  return out;
}

/**
 * What the sentence's event answers ("in response to the killing of … last week", "in retaliation for
 * strikes on Sunday"): the date is the cause's, background to the event. Up to a comma, which ends the phrase.
 */
const CAUSE_BEFORE =
  /\b(?:in\s+(?:response|reply|retaliation|reprisal|revenge)\s+(?:to|for)|to\s+avenge|as\s+(?:revenge|retaliation|a\s+reprisal)\s+for)\b[^,;]{0,200}$/i;

/**
 * A clause that tells what happened: a verb in the past ("struck", "was hit", "had fired") or the present
 * perfect ("has taken"). Without one ("X is part of Y", "X has large investments") it only describes.
 */
const TELLS =
  /\b(?:was|were|had|did|[a-z]{2,}ed|struck|hit|shot|sank|took|fell|fought|began|led|said|told|met|came|went|made|sent|held|left|lost|won|brought|drove|flew|threw|blew|broke|spoke|swept|rose|saw|became|gave|kept|ran|overran|withdrew|caught|tore|built|fled|stood|sought|knew|got|bombed|(?:has|have)\s+(?:(?:since|already|now|also|just|repeatedly)\s+)?(?:been|[a-z]+(?:en|wn|ne|ck|ot|ht|ed)))\b/i;

/** What was said is a decision, an intention or an appeal: the saying is the event ("said on Sunday it would send …"). */
const INTENT_AFTER =
  /^,?\s+(?:that\s+)?(?:(?:it|they|he|she|we|the\s+[\p{L}-]+|[\p{Lu}][\p{L}-]*)\s+){0,3}?(?:would|will|was\s+ready\s+to|planned\s+to|plans\s+to|intended\s+to|intends\s+to)\b|\b(?:urged|appealed|called\s+(?:on|for)|vowed|pledged|demanded)\b/iu;
/**
 * Where or how it was said, between the verb and the date: "said in London on Tuesday", "told reporters
 * in Kyiv on Friday", "said in a statement on Monday", "said at a news conference in Brussels on Thursday".
 * A few words after a preposition, none of them one that opens what was said ("that", a pronoun, an auxiliary).
 */
const SAID_SETTING = String.raw`(?:(?:reporters|journalists|parliament|lawmakers)\s+)?(?:(?:in|at|during|from|after)\s+(?:(?!(?:that|it|they|he|she|we|its|their|had|has|have|was|were|would|will)\b)[\p{L}\p{N}'’.-]+,?\s+){1,5})?`;
const SAID_BEFORE = new RegExp(
  String.raw`\b(?:said|says|announced|reported|confirmed|told|stated|claimed|denied|warned|acknowledged|admitted|declared|insisted|vowed|urged)\s+` +
    SAID_SETTING +
    String.raw`(?:on\s+|late\s+|early\s+)?$`,
  'iu',
);
/** "Putin on Sunday called the blast …": the date between who speaks and the verb of saying. */
const SAID_AFTER =
  /^\s+(?:said|says|announced|reported|confirmed|told|stated|claimed|denied|warned|acknowledged|admitted|called|accused|urged|vowed|insisted|declared|described)\b/i;
/**
 * "since" before a date, directly ("since December", "since last year"), or before the start of
 * something dated ("since the start of the conflict in 2014", "since the group began attacking ships in
 * November").
 */
const SINCE_BEFORE =
  /\bsince\s+(?:(?:last|early|late|mid-?|earlier)\s*)?$|\bsince\s+the\s+(?:(?:very\s+)?(?:start|beginning|outbreak|onset|end)|(?:first|early|opening|initial|final|last)\s+(?:days?|weeks?|months?|hours?|stages?))\s+of\b[^,.;]{0,60}$|\bsince\b[^,.;]{0,60}\b(?:began|started)\b[^,.;]{0,60}$/i;
/** "from" right before a date ("from March 15", "from early May"). */
const FROM_BEFORE = /\bfrom\s+(?:(?:early|late|mid-?)\s*)?$/i;
/** The end of a span after its start ("… to June", "… until Friday", "… and 25"). */
const RANGE_END_AFTER = /^\s*(?:,?\s*(?:to|until|till|through|thru|and|-|–)\b|[-–])/i;
/** A verb in the perfect before the date, in its clause: "have been attacked", "has shelled", "had closed". */
const PERFECT =
  /\b(?:has|have|had)\s+(?:(?:been|already|also|repeatedly|now)\s+)*[a-z]+(?:ed|en|wn|ne|nt|ght|ut)\b[^,.;]*$/i;
/** ", when a quake killed …" after "since 1939": what happened then. */
const SINCE_WHEN_AFTER = /^,?\s+when\s+(?!(?:it|they|he|she)\s+(?:was|were|had)\s+last\b)/i;
/** Something that began (…) at the date that follows, and (below) goes on since. */
const BEGAN_BEFORE =
  /\b(?:began|started|erupted|broke\s+out|launched\s+(?:an?|its|their)\s+(?:\w+\s+)?(?:offensive|campaign|invasion|operation|insurgency|siege|war))\b[^,.;:]{0,60}$/i;
/**
 * "… and has since spread to Niger", "… and has since taken dozens of towns": the thing itself went on.
 * Not a toll counted since ("and has since killed tens of thousands", "has driven 12 million from their
 * homes"): that dates the beginning only.
 */
const GOES_ON_AFTER =
  /^\s+and\s+(?:has|have)\s+(?!(?:since\s+)?(?:killed|driven|displaced|forced|left|cost|claimed|wounded|uprooted|injured)\b)(?:since\s+)?[a-z]+\b/i;
const WEEKEND = /\b(?:(?:over|at|during|on)\s+the(?:\s+past)?|last|this(?:\s+past)?|the\s+past)\s+weekend\b/gi;
/** "this morning", "earlier today": the publication day. */
const TODAY_PART = /\b(?:this\s+(?:morning|afternoon|evening)|(?:earlier|early)\s+today)\b/gi;
/** "over the past week", "in the last week": the seven days up to publication (not last calendar week). */
const PAST_WEEK = /\b(?:over|in|during|within)\s+the\s+(?:past|last)\s+week\b/gi;
const OVERNIGHT = /\bovernight\b/gi;
/** "overnight into Sunday", "overnight to March 3": the night that ends on the day named (read below, with chrono). */
const NIGHT_INTO_AFTER =
  /^\s+(?:into|to)\s+(?:the\s+(?:early\s+hours|morning)\s+of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{1,2}\s|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)/i;

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?';
/** "the end of April", "the start of March": the month (chrono gives its last or first day). */
const PART_OF_MONTH = new RegExp(`^(?:the\\s+)?(?:end|beginning|start|middle)\\s+of\\s+(?:${MONTHS})$`, 'i');
const DAY_PAIR = new RegExp(
  `\\b(${MONTHS})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:and|-|–|to|through)\\s*(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`,
  'g',
);
/** "23 and 25 November", "between 20 and 22 November 2024": the day-first form. */
const DAY_PAIR_FIRST = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:and|-|–|to|through)\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTHS})(?!\\w)(?:,?\\s+(\\d{4}))?`,
  'g',
);
const BARE_YEAR =
  /\b(since|in|by|until|from|during|throughout)\s+(?:(?:early|late|mid-?|the\s+(?:start|end|middle|beginning)\s+of|the\s+(?:first|second)\s+half\s+of|the\s+(?:first|second|third|fourth|last|final)\s+quarter\s+of|(?:the\s+)?(?:spring|summer|autumn|fall|winter)(?:\s+of)?)\s*)?((?:19|20)\d\d)\b(?![-–/]?\d|\s+(?:km|kilomet|miles))/gi;
/**
 * A year that names an event ("since the 2022 invasion", "in the 2020 war"): chrono reads no bare year;
 * "since" makes an open interval.
 */
const YEAR_OF_EVENT =
  /\b(since|in|during)\s+the\s+((?:19|20)\d\d)\s+(?:[\p{L}-]+\s+){0,2}?(?:invasion|annexation|war|coup|elections?|revolution|uprising|offensive|earthquake|quake|floods?|ceasefire|truce|agreement|deal|accord|referendum|crisis|conflict|protests?|withdrawal|takeover|massacre|genocide|famine|occupation|intervention)\b/giu;
/** Two years that bound one span: "between 2014 and 2016", "from 2014 to 2016", "in 2014 and 2015". */
const YEAR_PAIR =
  /\b(?:between|from|in)\s+((?:19|20)\d\d)\s+(?:and|to|until|through|till)\s+((?:19|20)\d\d)\b(?![-–/]?\d|\s+(?:km|kilomet|miles))/gi;
const PART_OF_DAY_OF =
  /\b[Tt]he\s+(?:(?:early|late)\s+)?(?:night|morning|evening|afternoon|hours)\s+of\s+(?=\d|[A-Z])/g;
/** "the previous Sunday": chrono reads the Sunday on or before --published; "previous" means the one before, as "last" does. */
const PREVIOUS_WEEKDAY = /\b(?:the\s+)?previous(?=\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)/gi;
const PAST_SPAN =
  /\b(?:over|in|during|within)\s+the\s+(?:past|last)\s+(two|three|four|five|six|seven|eight|nine|ten|twelve|\d{1,3})\s+(hours|days|weeks)\b/gi;
const DAY_BEFORE_YESTERDAY = /\bthe\s+day\s+before\s+yesterday\b/gi;
const FORTNIGHT_AGO = /\b(?:a|one)\s+fortnight\s+ago\b/gi;
/**
 * "on the 14th", "on the evening of the 9th", "from the 3rd to the 5th": a day of the month without the
 * month (chrono reads nothing). Only after a preposition or "… of", and not before a noun ("the 14th
 * century", "the 5th Brigade", "the 1,000th day").
 */
const ORDINAL_DAY =
  /(?<=\b(?:on|from|since|until|till|between|(?:morning|evening|night|afternoon|early\s+hours)\s+of)\s+)the\s+(\d{1,2})(?:st|nd|rd|th)(?:\s+(?:to|and|through|until)\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)|(?!\s+(?:to|and|through|until)\s+(?:the\s+)?\d))(?=\s*(?:[,.;:)]|$)|\s+(?:and|to|or|when|as|at|in|after|before|until|while|with)\b)/gi;
/** A deadline ahead of the words ("to sign contracts by July 1", "until March 20"): not a date of what happened. */
const DEADLINE_BEFORE =
  /\b(?:by|until|till|before|no\s+later\s+than|deadline\s+of)\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?$/i;
const LAST_MONTH =
  /\blast\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b(?![\s,]+\d)/g;
const MONTH_BEFORE = new RegExp(`\\b(?:${MONTHS})(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?,?\\s+$`, 'i');
const YEAR_AFTER = /^,?\s+(last|this)\s+year\b/i;
/** Holidays on a fixed day ("on Christmas Day", "New Year's Eve 2023"): chrono reads none of them. */
const HOLIDAY =
  /\b(Christmas\s+(?:Day|Eve)|New\s+Year['’]s\s+(?:Day|Eve)|Boxing\s+Day)\b(?:,?\s+((?:19|20)\d\d)\b|,?\s+(last|this)\s+year\b)?/g;
const HOLIDAY_DAY: Readonly<Record<string, [number, number]>> = {
  'christmas day': [12, 25],
  'christmas eve': [12, 24],
  "new year's day": [1, 1],
  "new year's eve": [12, 31],
  'boxing day': [12, 26],
};
/**
 * A dateline with a date: "BEIRUT, Jan 18 (Reuters) -", "KYIV, Ukraine, Tuesday (AP) —", "GOMA, 27 January
 * —": a capitalised place (and its region), the day, an agency, a dash, at the start of the text.
 */
const DATELINE_DATE =
  /^\s*\p{Lu}[\p{Lu}\p{M}.'’ -]*\p{Lu}(?:,[ \u00a0]*[\p{L}\p{M}.' ]{1,30}?)?,?[ \u00a0]+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \u00a0]+\d{1,2}|\d{1,2}[ \u00a0]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))(?:,?[ \u00a0]+\d{4})?[ \u00a0]*(?:\([^)]{1,40}\))?[ \u00a0]*(?:[—–]|-[ \u00a0])/u;
/** A season without its year: "last summer", "this spring", "in the autumn", "earlier this summer". */
const SEASON =
  /\b(?:(last|this|in\s+the|during\s+the|over\s+the|earlier\s+this|in\s+early|in\s+late)\s+)(spring|summer|autumn|fall)\b(?!\s+(?:of\s+)?(?:19|20)\d\d)(?!\s+(?:offensive|campaign|session|term|semester|olympics|games|school|months?)\b)/gi;
/** The month a season begins (the northern seasons, as the news reports them). */
const SEASON_START: Readonly<Record<string, number>> = { spring: 3, summer: 6, autumn: 9, fall: 9 };
/** "on 12.04.2024": the day first, as the news that writes dots writes it (chrono reads the month first). */
const DOTTED_DATE = /\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b/g;
/** "By Wednesday, …", "… had risen to 12 by Friday": the day a count or a state was reached. */
const REACHED_BEFORE =
  /\bby\s+(?:the\s+(?:morning|evening|afternoon|night|end)\s+of\s+)?(?:(?:early|late|mid-?)\s*)?$/i;
/**
 * "last week", "this month"; "earlier in the week", "at the start of the month", "since the beginning of
 * the year" are the current one (m[1] absent).
 */
/** A clause that tells a plan, up to the date ("will meet on", "is due to vote on", "plans to hold talks on"). */
const FUTURE_BEFORE =
  /\b(?:will|shall|(?:is|are|was|were)\s+(?:due|expected|scheduled|set|to\s+be\s+held)\s+to|(?:is|are)\s+(?:(?:now|also)\s+)?(?:due|expected|scheduled|set|planned|slated)\s+(?:for|on)|(?:is|are)\s+to|plans?\s+to|intends?\s+to)\b[^,.;]{0,45}$/i;
const LAST_PERIOD =
  /\b(?:(last|this|past|previous)|earlier\s+in\s+the|(?<=\b(?:at|since|by|from|until|in|to)\s+)the\s+(?:start|beginning|end|middle)\s+of\s+the)\s+(week|month|year)\b/gi;

/** A word that dates by itself: a month, a weekday, yesterday. */
const DATE_WORD = new RegExp(
  `\\b(?:${MONTHS}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday)(?!\\w)`,
  'i',
);
/** Counted from the event told, not the publication date ("a day earlier", "two days later", "the day before"). */
const ANCHORED =
  /\b(?:(a|an|one|two|three|four|five|six|seven|\d{1,2})\s+(day|week)s?\s+(earlier|later|after|before|previously)|the\s+(previous|next|following)\s+(day|week|evening|night|morning|afternoon)|the\s+(day|week)\s+(before|after)|the\s+same\s+day|(?:(?:a\s+few|several|some|two|three|\d{1,2})\s+)?hours\s+(later|earlier)|(later|earlier)\s+(?:that|the\s+same)\s+day)\b/gi;
/** "over the following weekend", "the next weekend": the weekend after the event told before. */
const FOLLOWING_WEEKEND = /\b(?:(?:over|at|during|on)\s+)?the\s+(?:following|next)\s+weekend\b/gi;
/** "two months after", "three months later": a count of months from the event told (not from publication). */
const MONTHS_COUNTED =
  /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+months?\s+(earlier|later|after|before)\b/gi;
/** A duration or an offset chrono counts from the publication date ("for 86 minutes", "after 73 minutes", "15 minutes later", "in five months"). */
const DURATION = /\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b(?!\s+ago\b)/i;
const COUNT: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');
const day = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function monthIndex(name: string): number {
  const key = name.slice(0, 3).toLowerCase();
  return ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(key);
}

/** The value chrono's components give, at the precision the text states. */
function componentValue(c: chrono.ParsedComponents, yearKnown: boolean): string | null {
  if (!yearKnown && !c.isCertain('year')) return null;
  const y = c.get('year')!;
  if (c.isCertain('day') || c.isCertain('weekday')) return `${y}-${pad(c.get('month')!)}-${pad(c.get('day')!)}`;
  if (c.isCertain('month')) return `${y}-${pad(c.get('month')!)}`;
  if (c.isCertain('year')) return String(y);
  return null;
}

/**
 * Dates in text[from, to). `published` is YYYY-MM-DD or null.
 */
export function findDates(
  text: string,
  from: number,
  to: number,
  published: string | null,
  anchor: string | null = null,
  said: string | null = null,
  referred: ((clause: string) => string | null) | null = null,
): FoundDate[] {
  const slice = text.slice(from, to);
  const ref = published ? new Date(`${published}T12:00:00Z`) : null;
  const out: FoundDate[] = [];
  const taken = (a: number, b: number) => out.some((d) => a < d.end && b > d.start);
  const relative = 'relative to the publication date';

  const pairs = [
    ...[...slice.matchAll(DAY_PAIR)].map((m) => ({ m, month: m[1], a: m[2], b: m[3], year: m[4] })),
    ...[...slice.matchAll(DAY_PAIR_FIRST)].map((m) => ({ m, month: m[3], a: m[1], b: m[2], year: m[4] })),
  ];
  for (const { m, month, a: da, b: db, year } of pairs) {
    const mi = monthIndex(month);
    const y = year ? Number(year) : ref ? ref.getUTCFullYear() : null;
    const a = Number(da);
    const b = Number(db);
    if (y === null || mi < 0 || !(b > a) || b > 31) continue;
    if (taken(from + m.index, from + m.index + m[0].length)) continue;
    out.push({
      start: from + m.index,
      end: from + m.index + m[0].length,
      value: `${y}-${pad(mi + 1)}-${pad(a)}/${y}-${pad(mi + 1)}-${pad(b)}`,
      ...(year ? {} : { reason: 'year from the publication date' }),
    });
  }
  for (const m of slice.matchAll(PAST_SPAN)) {
    if (!ref) continue;
    // "over the past two weeks", "in the last 24 hours": up to the publication day.
    const n = UNITS[m[1].toLowerCase()] ?? Number(m[1]);
    const unit = m[2].toLowerCase();
    const days = unit.startsWith('hour') ? Math.ceil(n / 24) : unit.startsWith('week') ? 7 * n : n;
    if (!(days >= 1 && days <= 366)) continue;
    const start = from + m.index;
    const first = day(new Date(ref.getTime() - days * 86400000));
    out.push({ start, end: start + m[0].length, value: `${first}/${day(ref)}`, reason: relative, period: true });
  }
  for (const m of slice.matchAll(PAST_WEEK)) {
    if (!ref) continue;
    const start = from + m.index;
    const first = day(new Date(ref.getTime() - 7 * 86400000));
    out.push({ start, end: start + m[0].length, value: `${first}/${day(ref)}`, reason: relative, period: true });
  }
  for (const m of slice.matchAll(TODAY_PART)) {
    if (!ref) continue;
    const start = from + m.index;
    const reporting = SAID_BEFORE.test(text.slice(Math.max(from, start - 60), start));
    out.push({
      start,
      end: start + m[0].length,
      value: day(ref),
      reason: 'the publication day',
      ...(reporting ? { reporting } : {}),
    });
  }
  // "a fortnight ago": chrono knows no fortnight; fourteen days before publication.
  for (const m of slice.matchAll(FORTNIGHT_AGO)) {
    if (!ref) continue;
    const start = from + m.index;
    out.push({
      start,
      end: start + m[0].length,
      value: day(new Date(ref.getTime() - 14 * 86400000)),
      reason: relative,
    });
  }
  for (const m of slice.matchAll(DAY_BEFORE_YESTERDAY)) {
    if (!ref) continue;
    const start = from + m.index;
    out.push({ start, end: start + m[0].length, value: day(new Date(ref.getTime() - 2 * 86400000)), reason: relative });
  }
  // "Officials said on Tuesday that shelling had killed three people the previous evening": a count
  // after the day it was said in the same sentence counts from that day (see below, once chrono has read it).
  const saidCounts: Array<{ at: number; days: number }> = [];
  for (const m of slice.matchAll(ANCHORED)) {
    if (taken(from + m.index, from + m.index + m[0].length)) continue;
    const start = from + m.index;
    const end = start + m[0].length;
    const towards = (m[4] ?? (/^(?:earlier|later|previously)$/i.test(m[3] ?? '') ? m[3] : '')).toLowerCase();
    if (towards) {
      const days =
        (m[1] ? (COUNT[m[1].toLowerCase()] ?? Number(m[1])) : 1) *
        ((m[2] ?? m[5] ?? '').toLowerCase() === 'week' ? 7 : 1) *
        (/^(?:previous|earlier|previously)$/.test(towards) ? -1 : 1);
      saidCounts.push({ at: out.length, days });
    }
    // "A day after the Tutor was hit, missiles struck the Verbena": said first, the phrase counts the
    // sentence's event from the one its clause names, dated where the text told it (not the event told
    // last), and forward from it.
    const rest = slice.slice(m.index + m[0].length);
    const fronted =
      /^(?:after|before)$/i.test(m[3] ?? m[7] ?? '') &&
      /^\s*["“]?$/.test(slice.slice(0, m.index)) &&
      /^\s+[\p{L}\d][^,;.]*,/u.test(rest);
    const clause = /^[^,;.]*/.exec(rest)![0];
    // "Three weeks after Russia invaded Ukraine on February 24, …": the clause dates itself; left to it.
    if (fronted && DATE_WORD.test(clause)) {
      out.push({ start, end, value: '', reason: 'dropped' });
      continue;
    }
    // "In July, … a day after …", "On Monday … and two days later …": a date the sentence gives before the
    // count is nearer than the event told before; it is the one counted from (a month or a year: below).
    const before = fronted
      ? undefined
      : findDates(text, from, start, published)
          .filter(
            (d) =>
              d.value !== '' &&
              !d.reporting &&
              !d.background &&
              !d.period &&
              /^\d{4}(?:-\d\d(?:-\d\d(?:\/\d{4}-\d\d-\d\d)?)?)?$/.test(d.value),
          )
          .at(-1);
    const from0 = fronted ? (referred?.(clause) ?? anchor) : (before?.value ?? anchor);
    // "… on Thursday, three days after the president took office": counted from the sentence's own date,
    // "after" with what follows dates that clause, background to the sentence's event.
    const clauseOfBefore =
      !!before && /^(?:after|before)$/i.test(m[3] ?? m[4] ?? m[7] ?? '') && /^\s+[\p{L}\d]/u.test(rest);
    // Only a day can be counted from; without one the phrase is dropped (chrono would count from publication).
    // A run of days is counted from its last day forward ("later") and from its first back ("earlier").
    const run = from0 ? /^(\d{4}-\d\d-\d\d)\/(\d{4}-\d\d-\d\d)$/.exec(from0) : null;
    // "In July, … . A day after, …": counted from a month (or a year) the text gives no day of, a count of
    // days or hours stays in it and gives no day (chrono would count from publication; a day counted from
    // an older day told before would be another month's). A count of weeks may leave it: dropped.
    if (from0 && /^\d{4}(?:-\d\d)?$/.test(from0)) {
      const weeks = /^week$/i.test(m[2] ?? m[5] ?? m[6] ?? '');
      out.push(
        weeks
          ? { start, end, value: '', reason: 'dropped' }
          : {
              start,
              end,
              value: from0,
              reason: `the ${from0.length === 4 ? 'year' : 'month'} ${before ? 'the sentence gives before it' : 'of the event told before'}, which gives no day`,
              anchored: true,
              ...(clauseOfBefore ? { background: true } : {}),
            },
      );
      continue;
    }
    if (!from0 || (!run && !/^\d{4}-\d\d-\d\d$/.test(from0))) {
      out.push({ start, end, value: '', reason: 'dropped' });
      continue;
    }
    // "Hours later", "later that day": the same day.
    const sameDay = !!(m[8] ?? m[9]);
    const n = sameDay ? 0 : m[1] ? (COUNT[m[1].toLowerCase()] ?? Number(m[1])) : 1;
    const unit = (m[2] ?? m[5] ?? m[6] ?? 'day').toLowerCase() === 'week' ? 7 : 1;
    const dir = (m[3] ?? m[4] ?? m[7] ?? m[8] ?? m[9] ?? '').toLowerCase();
    let sign = /^(?:earlier|before|previously|previous)$/.test(dir)
      ? -1
      : /^(?:later|after|next|following)$/.test(dir)
        ? 1
        : 0;
    // "The attack came a day after Russia fired …": "after"/"before" with what follows is a preposition;
    // what follows it happened a day before (after) the event told, the opposite of "a day later".
    if (!fronted && /^(?:after|before)$/.test(dir) && /^\s+[\p{L}\d]/u.test(rest)) {
      // "… three weeks after Russia invaded Ukraine on February 24": the text dates what followed "after"
      // itself; that date, not a count from the event told before.
      if (DATE_WORD.test(clause)) {
        out.push({ start, end, value: '', reason: 'dropped' });
        continue;
      }
      sign = -sign;
    }
    const from_ = run ? (sign < 0 ? run[1] : run[2]) : from0;
    const d = new Date(Date.parse(`${from_}T12:00:00Z`) + sign * n * unit * 86400000);
    const reason = before
      ? 'counted from the date the sentence gives before it'
      : from0 !== anchor
        ? 'counted from the day the text gives what it names'
        : 'counted from the date of the event told before';
    out.push({ start, end, value: day(d), reason, anchored: true, ...(clauseOfBefore ? { background: true } : {}) });
  }
  // "over the following weekend", "the next weekend": counted from the event told before (chrono reads
  // nothing, or a weekend ahead of publication); the first Saturday and Sunday after its day.
  for (const m of slice.matchAll(FOLLOWING_WEEKEND)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (taken(start, end)) continue;
    const last = anchor ? /(\d{4}-\d\d-\d\d)$/.exec(anchor)?.[1] : undefined;
    if (!last) {
      out.push({ start, end, value: '', reason: 'dropped' });
      continue;
    }
    const d = new Date(`${last}T12:00:00Z`);
    const sat = new Date(d.getTime() + ((6 - d.getUTCDay() + 7) % 7 || 7) * 86400000);
    const sun = new Date(sat.getTime() + 86400000);
    out.push({
      start,
      end,
      value: `${day(sat)}/${day(sun)}`,
      reason: 'the weekend after the event told before',
      anchored: true,
    });
  }
  // "two months after Israel bombed …", "three months later": chrono counts from publication (or reads a
  // duration); counted from the date the sentence gives before it or the event told before, a month
  // with no day.
  for (const m of slice.matchAll(MONTHS_COUNTED)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (taken(start, end)) continue;
    const rest = slice.slice(m.index + m[0].length);
    const before = findDates(text, from, start, published)
      .filter((d) => d.value !== '' && !d.reporting && !d.background && !d.period && /^\d{4}-\d\d/.test(d.value))
      .at(-1);
    const from0 = (before?.value ?? anchor ?? '').replace(/\/.*$/, '');
    if (!/^\d{4}-\d\d/.test(from0)) {
      out.push({ start, end, value: '', reason: 'dropped' });
      continue;
    }
    const n = COUNT[m[1].toLowerCase()] ?? Number(m[1]);
    const dir = m[2].toLowerCase();
    // "… two months after Israel bombed …": what follows "after" happened that long before.
    const clause = /^(?:after|before)$/.test(dir) && /^\s+[\p{L}\d]/u.test(rest);
    if (clause && DATE_WORD.test(/^[^,;.]*/.exec(rest)![0])) {
      out.push({ start, end, value: '', reason: 'dropped' });
      continue;
    }
    const sign = (/^(?:earlier|before)$/.test(dir) ? -1 : 1) * (clause ? -1 : 1);
    const at = new Date(Date.UTC(Number(from0.slice(0, 4)), Number(from0.slice(5, 7)) - 1 + sign * n, 1));
    out.push({
      start,
      end,
      value: `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}`,
      reason: `counted in months from ${before ? 'the date the sentence gives before it' : 'the event told before'}; no day`,
      anchored: true,
      ...(clause && before ? { background: true } : {}),
    });
  }
  for (const m of slice.matchAll(HOLIDAY)) {
    const [month, dom] = HOLIDAY_DAY[m[1].toLowerCase().replace(/\s+/g, ' ').replace('’', "'")];
    let y = m[2] ? Number(m[2]) : ref ? ref.getUTCFullYear() - (m[3]?.toLowerCase() === 'last' ? 1 : 0) : null;
    if (y === null) continue;
    const at = (year: number) => `${year}-${pad(month)}-${pad(dom)}`;
    // Without its year, the latest on or before publication (New Year's Eve told on January 2 is last year's).
    if (!m[2] && !m[3] && at(y) > day(ref!)) y--;
    const start = from + m.index;
    out.push({
      start,
      end: start + m[0].length,
      value: at(y),
      ...(m[2] ? {} : { reason: 'year from the publication date' }),
    });
  }
  // "last summer", "this spring", "in the autumn": chrono reads no season; the format has none, so the
  // year it falls in (winter, across two years, is left out).
  for (const m of slice.matchAll(SEASON)) {
    if (!ref) continue;
    const first = SEASON_START[m[2].toLowerCase()];
    const y = ref.getUTCFullYear();
    const which = (m[1] ?? '').toLowerCase();
    // "last summer" is the latest one already over; "this spring" or "in the spring" the latest begun.
    const begun = ref.getUTCMonth() + 1 >= first ? y : y - 1;
    const ended = ref.getUTCMonth() + 1 >= first + 3 ? y : y - 1;
    const year = which === 'last' ? ended : begun;
    const start = from + m.index;
    out.push({
      start,
      end: start + m[0].length,
      value: String(year),
      reason: `the year of ${m[0].trim()}, from the publication date`,
    });
  }
  for (const m of slice.matchAll(DOTTED_DATE)) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (mo < 1 || mo > 12 || date.getUTCDate() !== d) continue;
    const start = from + m.index;
    out.push({ start, end: start + m[0].length, value: day(date) });
  }
  for (const m of slice.matchAll(LAST_PERIOD)) {
    if (!ref || taken(from + m.index, from + m.index + m[0].length)) continue;
    // "on October 27 last year", "in March this year": the year of the date before it (read with chrono's).
    if (m[2].toLowerCase() === 'year' && MONTH_BEFORE.test(slice.slice(0, m.index))) continue;
    const which = !m[1] || m[1].toLowerCase() === 'this' ? 0 : 1;
    const unit = m[2].toLowerCase();
    let value: string;
    if (unit === 'year') value = String(ref.getUTCFullYear() - which);
    else if (unit === 'month') {
      const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() - which, 1));
      value = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
    } else {
      // Weeks run Monday to Sunday.
      const monday = new Date(ref.getTime() - (((ref.getUTCDay() + 6) % 7) + 7 * which) * 86400000);
      const sunday = new Date(monday.getTime() + 6 * 86400000);
      // "this week" is the week so far: it ends on the publication day.
      value = `${day(monday)}/${day(which === 0 && sunday.getTime() > ref.getTime() ? ref : sunday)}`;
      if (which === 0 && day(monday) === day(ref)) value = day(ref);
      // "earlier in the week", "earlier this week": before the day of the report, Monday to the day before.
      const earlier =
        /^earlier\b/i.test(m[0]) || /\bearlier\s+$/i.test(slice.slice(Math.max(0, m.index - 10), m.index));
      if (which === 0 && earlier && day(monday) < day(ref)) {
        const before = day(new Date(ref.getTime() - 86400000));
        value = before === day(monday) ? before : `${day(monday)}/${before}`;
      }
      // "on Friday last week", "on Tuesday this week": that weekday of the week (chrono reads the weekday
      // alone, the latest on or before --published).
      const named = /\b(?:on\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+$/i.exec(
        slice.slice(Math.max(0, m.index - 15), m.index),
      );
      if (named && m[1]) {
        const wd = day(new Date(monday.getTime() + ((WEEKDAYS.indexOf(named[1].toLowerCase()) + 6) % 7) * 86400000));
        if (wd <= day(ref)) {
          out.push({
            start: from + m.index - named[0].length,
            end: from + m.index + m[0].length,
            value: wd,
            reason: `${relative}; the weekday of ${m[0].toLowerCase()}`,
          });
          continue;
        }
      }
    }
    out.push({
      start: from + m.index,
      end: from + m.index + m[0].length,
      value,
      reason: relative,
      ...(unit === 'week' ? { period: true } : {}),
    });
  }
  for (const m of slice.matchAll(ORDINAL_DAY)) {
    if (!ref) continue;
    // The latest such day of a month on or before publication: this month's, else the month before's.
    const ofMonth = (n: number) => {
      const back = n > ref.getUTCDate() ? 1 : 0;
      const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() - back, n));
      return d.getUTCDate() === n ? day(d) : null;
    };
    const a = ofMonth(Number(m[1]));
    const b = m[2] ? ofMonth(Number(m[2])) : null;
    if (!a || (m[2] && !(b && b > a))) continue;
    const start = from + m.index;
    out.push({
      start,
      end: start + m[0].length,
      value: b ? `${a}/${b}` : a,
      reason: 'the month from the publication date',
    });
  }
  for (const m of slice.matchAll(LAST_MONTH)) {
    if (!ref) continue;
    // "last May": the latest May before the publication month (chrono reads no "May" after "last").
    const mi = monthIndex(m[1]);
    const y = ref.getUTCFullYear() - (mi >= ref.getUTCMonth() ? 1 : 0);
    const start = from + m.index;
    out.push({ start, end: start + m[0].length, value: `${y}-${pad(mi + 1)}`, reason: relative });
  }
  for (const m of slice.matchAll(WEEKEND)) {
    if (!ref) continue;
    // The last Saturday before publication (the weekend just gone), and its Sunday.
    const sat = new Date(ref.getTime() - ((ref.getUTCDay() + 1) % 7 || 7) * 86400000);
    const sun = new Date(sat.getTime() + 86400000);
    out.push({
      start: from + m.index,
      end: from + m.index + m[0].length,
      value: sun.getTime() <= ref.getTime() ? `${day(sat)}/${day(sun)}` : day(sat),
      reason: relative,
      period: true,
    });
  }
  for (const m of slice.matchAll(OVERNIGHT)) {
    if (!ref) continue;
    // "overnight into Sunday": the night before the day named (below).
    if (NIGHT_INTO_AFTER.test(slice.slice(m.index + m[0].length))) continue;
    // "an overnight attack on January 2": the text gives the day itself.
    if (
      new RegExp(
        `^[^,.;]{0,30}?\\bon\\s+(?:the\\s+)?(?:${MONTHS}|\\d{1,2}\\s|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`,
        'i',
      ).test(slice.slice(m.index + m[0].length))
    )
      continue;
    out.push({
      start: from + m.index,
      end: from + m.index + m[0].length,
      value: `${day(new Date(ref.getTime() - 86400000))}/${day(ref)}`,
      reason: 'overnight into the publication day',
      night: true,
    });
  }
  // "on the night of November 20": chrono reads nothing there; it reads the date with the words blanked.
  // "the previous Sunday" is read as "last Sunday" (the same length, so offsets hold).
  const masked = slice
    .replace(PART_OF_DAY_OF, (w) => ' '.repeat(w.length))
    .replace(PREVIOUS_WEEKDAY, (w) => `${' '.repeat(w.length - 4)}last`);
  const previous = [...slice.matchAll(PREVIOUS_WEEKDAY)].map((m) => [m.index, m.index + m[0].length]);
  for (const r of chrono.parse(masked, ref ?? undefined, { forwardDate: false })) {
    // The words read begin where "the previous" does.
    const start = from + (previous.find(([a, b]) => r.index >= a && r.index < b)?.[0] ?? r.index);
    let end = from + r.index + r.text.length;
    if (taken(start, end)) continue;
    if (/^\d{1,2}(?:[:.]\d\d)?$/.test(r.text.trim()) || /^(now|today|tonight|currently|24\/7)$/i.test(r.text.trim()))
      continue;
    if (DURATION.test(r.text.trim()) && !/\bago\b/i.test(r.text)) continue;
    const yearKnown = ref !== null;
    let startValue = componentValue(r.start, yearKnown);
    if (startValue === null) continue;
    let reason: string | undefined = r.start.isCertain('year') ? undefined : relative;
    // A weekday alone names the last such day on or before publication.
    if (ref && r.start.isCertain('weekday') && !r.start.isCertain('day')) {
      const d = r.start.date();
      const back = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
      while (back.getTime() > ref.getTime()) back.setUTCDate(back.getUTCDate() - 7);
      startValue = day(back);
      reason = relative;
    }
    // "ordered them to sign contracts by July 1" (in June): a deadline ahead, not a date of what happened.
    if (
      ref &&
      !r.start.isCertain('year') &&
      !r.start.isCertain('weekday') &&
      startValue > day(ref) &&
      DEADLINE_BEFORE.test(text.slice(Math.max(from, start - 40), start))
    )
      continue;
    // A date without its year is the last one on or before publication ("in March" in November is this March).
    if (ref && !r.start.isCertain('year') && startValue > day(ref))
      startValue = `${Number(startValue.slice(0, 4)) - 1}${startValue.slice(4)}`;
    // "October 27 last year", "March this year": the year the words give.
    const yearAfter = ref && !r.start.isCertain('year') ? YEAR_AFTER.exec(text.slice(end, to)) : null;
    if (yearAfter) {
      const y = ref!.getUTCFullYear() - (yearAfter[1].toLowerCase() === 'last' ? 1 : 0);
      startValue = `${y}${startValue.slice(4)}`;
      end += yearAfter[0].length;
    }
    // "At the end of April": the month, not the last day chrono gives.
    if (PART_OF_MONTH.test(r.text.trim()) && /^\d{4}-\d\d-\d\d$/.test(startValue)) startValue = startValue.slice(0, 7);
    let value = startValue;
    if (r.end) {
      let endValue = componentValue(r.end, yearKnown);
      // "From April to June last year": the end in the year the words give too.
      if (endValue && yearAfter && !r.end.isCertain('year')) endValue = `${startValue.slice(0, 4)}${endValue.slice(4)}`;
      // "From November 30 to December 2": each end without its year is on or before publication.
      else if (endValue && ref && !r.end.isCertain('year') && endValue > day(ref))
        endValue = `${Number(endValue.slice(0, 4)) - 1}${endValue.slice(4)}`;
      // "From Sunday to Tuesday", "the night of Monday to Tuesday": chrono takes both weekdays ahead; the
      // end is the first such weekday after the start as read above.
      if (
        ref &&
        r.start.isCertain('weekday') &&
        !r.start.isCertain('day') &&
        r.end.isCertain('weekday') &&
        !r.end.isCertain('day')
      ) {
        const ahead = (r.end.get('weekday')! - r.start.get('weekday')! + 7) % 7;
        endValue = ahead > 0 ? day(new Date(Date.parse(`${startValue}T12:00:00Z`) + ahead * 86400000)) : null;
        // "from Monday through Wednesday" told on a Monday: the run is over, the week before.
        if (endValue && endValue > day(ref)) {
          startValue = day(new Date(Date.parse(`${startValue}T12:00:00Z`) - 7 * 86400000));
          endValue = day(new Date(Date.parse(`${endValue}T12:00:00Z`) - 7 * 86400000));
        }
      }
      if (endValue && endValue !== startValue && endValue.length === startValue.length && endValue > startValue)
        value = `${startValue}/${endValue}`;
    }
    const before = text.slice(Math.max(from, start - 60), start);
    const saidBefore = SAID_BEFORE.test(before);
    // "The Pentagon said on Sunday it would send …", "… said on Sunday it was following the fighting and
    // urged all sides to stop": the saying is the event.
    if (saidBefore && INTENT_AFTER.test(text.slice(end, to))) {
      out.push({
        start,
        end,
        value,
        statement: true,
        reason: `${reason ? `${reason}; ` : ''}the day it was said, the saying being the event`,
      });
      continue;
    }
    const reporting = saidBefore || SAID_AFTER.test(text.slice(end, to));
    // "By Wednesday morning, 1,300 people had been evacuated": the day the count was reached.
    const reached = !reporting && REACHED_BEFORE.test(text.slice(Math.max(from, start - 30), start));
    out.push({
      start,
      end,
      value,
      ...(reason ? { reason } : {}),
      ...(reporting ? { reporting } : {}),
      ...(reached ? { reached } : {}),
    });
  }
  for (const m of slice.matchAll(YEAR_PAIR)) {
    // "between 2014 and 2016", "from 2014 to 2016", "in 2014 and 2015": one interval (chrono reads no bare year).
    const [a, b] = [m[1], m[2]];
    if (!(b > a)) continue;
    const start = from + m.index + m[0].indexOf(a);
    out.push({ start, end: from + m.index + m[0].length, value: `${a}/${b}` });
  }
  for (const m of slice.matchAll(YEAR_OF_EVENT)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (taken(start, end)) continue;
    out.push({ start, end, value: m[1].toLowerCase() === 'since' ? `${m[2]}/..` : m[2] });
  }
  for (const m of slice.matchAll(BARE_YEAR)) {
    const yStart = from + m.index + m[0].length - m[2].length;
    if (taken(yStart, yStart + 4)) continue;
    const since = m[1].toLowerCase() === 'since';
    out.push({ start: from + m.index, end: from + m.index + m[0].length, value: since ? `${m[2]}/..` : m[2] });
  }
  for (const { at, days } of saidCounts) {
    const d = out[at];
    const said = out
      .filter((r) => r.reporting && r.end <= d.start && /^\d{4}-\d\d-\d\d$/.test(r.value))
      .sort((a, b) => b.start - a.start)[0];
    if (!d || !said) continue;
    d.value = day(new Date(Date.parse(`${said.value}T12:00:00Z`) + days * 86400000));
    d.reason = 'counted from the day it was said';
    d.anchored = true;
  }
  // "between November 20 and November 22", "on Monday and Tuesday": one interval (chrono reads two
  // dates); "on Monday and on Wednesday" stays two days.
  out.sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < out.length; i++) {
    const [a, b] = [out[i], out[i + 1]];
    if (
      a.value === '' ||
      b.value === '' ||
      a.value.includes('/') ||
      b.value.includes('/') ||
      a.value.length !== b.value.length ||
      !(a.value < b.value) ||
      !/^\s+and\s+$/.test(text.slice(a.end, b.start)) ||
      /^on\s/i.test(text.slice(b.start, b.end)) ||
      !(
        /\b(?:between|on)\s+$/i.test(text.slice(Math.max(from, a.start - 10), a.start)) ||
        /^on\s/i.test(text.slice(a.start, a.end))
      )
    )
      continue;
    out.splice(i, 2, { ...a, end: b.end, value: `${a.value}/${b.value}`, reason: a.reason ?? b.reason });
  }
  // "seized power in August 2020 and again in May 2021", "in March and later in June": one thing done
  // twice is one span, first to last (chrono reads two dates; the format has no set of dates). Months or
  // years only: days joined by "and" are read above.
  for (let i = 0; i + 1 < out.length; i++) {
    const [a, b] = [out[i], out[i + 1]];
    if (
      !/^\d{4}(?:-\d\d)?$/.test(a.value) ||
      a.value.length !== b.value.length ||
      !(a.value < b.value) ||
      a.reporting ||
      b.reporting ||
      !/^\s+and\s+(?:again|later|once\s+more)\s+(?:in\s+)?$/i.test(text.slice(a.end, b.start)) ||
      !(/\bin\s+$/i.test(text.slice(Math.max(from, a.start - 4), a.start)) || /^in\s/i.test(text.slice(a.start, a.end)))
    )
      continue;
    out.splice(i, 2, {
      ...a,
      end: b.end,
      value: `${a.value}/${b.value}`,
      reason: `${a.reason ?? b.reason ?? ''}${a.reason || b.reason ? '; ' : ''}done again: one span, first to last`,
    });
  }
  // "late on Friday and early on Saturday", "on Friday night and Saturday morning": one night, across two
  // days (chrono reads the two days apart).
  for (let i = 0; i + 1 < out.length; i++) {
    const [a, b] = [out[i], out[i + 1]];
    if (!/^\d{4}-\d\d-\d\d$/.test(a.value) || !/^\d{4}-\d\d-\d\d$/.test(b.value)) continue;
    if (Date.parse(b.value) - Date.parse(a.value) !== 86400000) continue;
    const lateA =
      /\blate\s+(?:on\s+)?$/i.test(text.slice(Math.max(from, a.start - 10), a.start)) ||
      /^[^,.;]{0,12}?\b(?:night|evening)\b/i.test(text.slice(a.start, b.start));
    const between = text.slice(a.end, b.start);
    if (
      !lateA ||
      !/^\s+(?:night\s+|evening\s+)?(?:and|into|to)\s+(?:the\s+)?(?:early\s+(?:(?:hours|morning)\s+of\s+)?(?:on\s+)?)?$/i.test(
        between,
      )
    )
      continue;
    if (!/\bearly\b/i.test(between) && !/^[^,.;]{0,12}?\b(?:morning)\b/i.test(text.slice(b.start, b.end + 10)))
      continue;
    out.splice(i, 2, { ...a, end: b.end, value: `${a.value}/${b.value}`, reason: a.reason ?? b.reason });
  }
  // "since December", "since last year", "since the start of the war in 2014": from then on.
  for (const d of out) {
    if (d.value === '' || d.value.includes('/')) continue;
    const before = text.slice(Math.max(from, d.start - 90), d.start);
    if (SINCE_BEFORE.test(before)) d.value = `${d.value}/..`;
    // "Ships have been attacked from March 15": in a clause in the perfect, "from" a date with no end
    // is "since" it.
    else if (
      FROM_BEFORE.test(before) &&
      !RANGE_END_AFTER.test(text.slice(d.end, to)) &&
      PERFECT.test(text.slice(Math.max(from, d.start - 90), d.start))
    ) {
      d.value = `${d.value}/..`;
      d.reason = `${d.reason ? `${d.reason}; ` : ''}"from" a date in the perfect: from then on`;
    }
    // "The violence began in Mali in 2012 and has spread …": what began then goes on.
    else if (BEGAN_BEFORE.test(before) && GOES_ON_AFTER.test(text.slice(d.end, to))) {
      d.value = `${d.value}/..`;
      d.reason = `${d.reason ? `${d.reason}; ` : ''}began then and goes on`;
    }
  }
  // A relative clause is background only to a main clause that tells what happened: after one that
  // only describes ("The group is part of an alliance, which launched an offensive in October, …") the
  // clause tells the sentence's event.
  const clauses = relativeClauses(slice);
  const told = clauses.length > 0 && TELLS.test(clauses.reduceRight((t, [s, e]) => t.slice(0, s) + t.slice(e), slice));
  for (const d of out) {
    const a = d.start - from;
    const clause = told ? clauses.find(([s, e]) => a >= s && a < e) : undefined;
    // "the deadliest since 2006": the words read as a date may begin with "since" itself.
    const upTo = slice.slice(0, a) + (/^since\b/i.test(slice.slice(a, d.end - from)) ? 'since' : '');
    const superlative = SUPERLATIVE_SINCE.test(upTo);
    // "the strongest since 1939, when a quake killed …": the when-clause tells what happened then, at a
    // point, not since (below: the sentence's date when it dates nothing else).
    if (superlative && SINCE_WHEN_AFTER.test(text.slice(d.end, to))) {
      d.value = d.value.replace(/\/\.\.$/, '');
      d.sinceWhen = true;
    }
    if (superlative || CAUSE_BEFORE.test(slice.slice(0, a)) || clause) {
      d.background = true;
      if (clause && !superlative && !CAUSE_BEFORE.test(slice.slice(0, a)))
        d.clause = [from + clause[0], from + clause[1]];
    }
  }
  // "It was the first time rebels had entered the city since 2016, when government forces drove them
  // out": with no other date of what happened, the sentence tells what the when-clause tells, in 2016.
  const since = out.filter((d) => d.sinceWhen);
  for (const d of since) {
    delete d.sinceWhen;
    if (out.some((x) => x !== d && x.value !== '' && !x.background && !x.reporting && !x.statement)) continue;
    d.background = false;
    delete d.clause;
    d.reason = `${d.reason ? `${d.reason}; ` : ''}the date of what the clause after "since …, when" tells`;
  }
  // What is to come is no date of what happened: a date counted forward past --published ("tomorrow"), or,
  // in a clause that tells a plan ("will meet on Friday", "is due to vote on May 20"), one read back from a
  // weekday or a yearless date (chrono would take the last Friday). A year the text states stays ("by 2026").
  const ahead = (d: FoundDate) => {
    if (!published) return false;
    const after = d.value.split('/')[0] > published;
    if (after && /\b(?:tomorrow|next|coming)\b/i.test(text.slice(d.start, d.end))) return true;
    // "next Tuesday", "next week": ahead of the words, whatever day chrono took.
    if (
      /\bnext\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year)\b/i.test(
        text.slice(d.start, d.end),
      )
    )
      return true;
    return !!d.reason?.includes(relative) && FUTURE_BEFORE.test(text.slice(Math.max(from, d.start - 50), d.start));
  };
  // "BEIRUT, Jan 18 (Reuters) -": the dateline's day is the day the story was filed, when it was told,
  // not the day of what it tells.
  const line = DATELINE_DATE.exec(slice);
  if (line)
    for (const d of out)
      if (d.start >= from && d.end <= from + line[0].length) {
        d.reporting = true;
        d.reason = 'the dateline: the day the story was filed';
      }
  const kept = out.filter((d) => d.value !== '' && !ahead(d)).sort((a, b) => a.start - b.start);
  weekdayOfWeek(text, kept);
  nightInto(text, from, kept);
  overnightOfReport(slice, kept, published, said);
  beganRun(text, from, kept);
  spanDays(slice, kept);
  streakDays(slice, kept);
  return kept;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/**
 * "on Friday last week", "last week on Friday", "on Tuesday this week": chrono reads the weekday alone (the
 * latest on or before --published) and "last week" apart; the weekday is that week's (Monday to Sunday).
 */
function weekdayOfWeek(text: string, found: FoundDate[]): void {
  for (let i = 0; i + 1 < found.length; i++) {
    for (const [w, p] of [
      [found[i], found[i + 1]],
      [found[i + 1], found[i]],
    ]) {
      const name = /^(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)[\s,]*$/i.exec(
        text.slice(w.start, w.end),
      );
      const week = /^(\d{4}-\d\d-\d\d)\/\d{4}-\d\d-\d\d$/.exec(p.value);
      if (!name || !week || !p.period || !/^(?:last|this|previous)\s+week$/i.test(text.slice(p.start, p.end))) continue;
      const [a, b] = w.start < p.start ? [w, p] : [p, w];
      if (!/^\s*(?:on\s+)?$/i.test(text.slice(a.end, b.start))) continue;
      const monday = Date.parse(`${week[1]}T12:00:00Z`);
      w.value = day(new Date(monday + ((WEEKDAYS.indexOf(name[1].toLowerCase()) + 6) % 7) * 86400000));
      w.reason = `${w.reason ? `${w.reason}; ` : ''}the weekday of ${text.slice(p.start, p.end).toLowerCase()}`;
      w.start = a.start;
      w.end = b.end;
      found.splice(found.indexOf(p), 1);
      break;
    }
  }
}

/**
 * "Overnight" is the night before the day of the report it is told in: the day the sentence says it was
 * said ("… overnight, the Air Force said on Wednesday"), or, in a sentence that only attributes it ("…
 * overnight, the officials said"), the day those words were said before (`said`); else the publication day.
 */
function overnightOfReport(slice: string, found: FoundDate[], published: string | null, said: string | null): void {
  const night = found.filter((d) => d.reason === 'overnight into the publication day');
  if (night.length === 0) return;
  const reported = found.find((d) => (d.reporting || d.statement) && /^\d{4}-\d\d-\d\d$/.test(d.value))?.value;
  const attributed = /\b(?:said|says|told|reported|according\s+to)\b/i.test(slice);
  const day_ = reported ?? (attributed && said && published && said < published ? said : null);
  if (!day_) return;
  for (const d of night) {
    d.value = `${day(new Date(Date.parse(`${day_}T12:00:00Z`) - 86400000))}/${day_}`;
    d.reason = `overnight before ${day_}, the day it was said`;
  }
}

/** What ends a night before the day named: "overnight into", "the night of Saturday into". */
const NIGHT_BEFORE =
  /\b(?:overnight\s+|night\s+of\s+(?:\S+\s+){1,2})(?:into|to)\s+(?:the\s+(?:early\s+hours|morning)\s+of\s+)?$/i;

/**
 * "Gunmen raided the village overnight into Thursday": the night that ends on that day, from the day
 * before to it (chrono reads the day alone). "On the night of Saturday into Sunday": chrono reads the two
 * days apart; one night, from the first to the second.
 */
function nightInto(text: string, from: number, found: FoundDate[]): void {
  for (let i = 0; i < found.length; i++) {
    const d = found[i];
    if (!/^\d{4}-\d\d-\d\d$/.test(d.value)) continue;
    const before = text.slice(Math.max(from, d.start - 40), d.start);
    if (!NIGHT_BEFORE.test(before)) continue;
    const prev = found[i - 1];
    // "the night of Saturday into Sunday": the Saturday read before it is the night's first day.
    if (
      prev &&
      /^\d{4}-\d\d-\d\d$/.test(prev.value) &&
      prev.value < d.value &&
      /^\s+(?:into|to)\s+$/i.test(text.slice(prev.end, d.start))
    ) {
      d.start = prev.start;
      d.value = `${prev.value}/${d.value}`;
      found.splice(i - 1, 1);
      i--;
    } else d.value = `${day(new Date(Date.parse(`${d.value}T12:00:00Z`) - 86400000))}/${d.value}`;
    d.reason = `${d.reason ? `${d.reason}; ` : ''}the night into that day`;
  }
}

/** "in an offensive that began on Wednesday": the day what the sentence tells began. */
const BEGAN_ON = /\b(?:began|started|was\s+launched|opened)\s+(?:on\s+|early\s+on\s+|late\s+on\s+)?$/i;

/**
 * "Insurgents took most of Aleppo on Saturday, in a lightning offensive that began on Wednesday": what
 * happened on one day is the end of a run that began on another the sentence gives: one interval, from
 * the day it began to the day told (at most a month apart).
 */
function beganRun(text: string, from: number, found: FoundDate[]): void {
  const isDay = (d: FoundDate) => /^\d{4}-\d\d-\d\d$/.test(d.value) && !d.reporting && !d.background && !d.anchored;
  // "The pullback, which began on Tuesday, was completed on Friday": the clause dates the beginning of
  // what the main clause ends, not something else.
  const beganClause = (d: FoundDate) =>
    !!d.clause &&
    /^\d{4}-\d\d-\d\d$/.test(d.value) &&
    !d.reporting &&
    !d.anchored &&
    /^,\s+which\s+(?:began|started|was\s+launched|opened)\b/i.test(text.slice(d.clause[0], d.clause[1]));
  const began = found.find(
    (d) => (isDay(d) || beganClause(d)) && BEGAN_ON.test(text.slice(Math.max(from, d.start - 25), d.start)),
  );
  if (!began) return;
  const told = found.filter((d) => d !== began && isDay(d) && d.value > began.value);
  if (told.length !== 1) return;
  const t = told[0];
  if (Date.parse(t.value) - Date.parse(began.value) > 31 * 86400000) return;
  t.value = `${began.value}/${t.value}`;
  t.reason = `${t.reason ? `${t.reason}; ` : ''}from the day it began, as the sentence says`;
  found.splice(found.indexOf(began), 1);
}

/** "the third straight day", "for a second day", "a fourth consecutive day": the last day of a run of N. */
const STREAK =
  /\b(?:(second|third|fourth|fifth|sixth|seventh)\s+(?:straight|consecutive|successive)\s+day|for\s+a\s+(second|third|fourth|fifth|sixth|seventh)\s+day|(second|third|fourth|fifth|sixth|seventh)\s+day\s+in\s+a\s+row)\b/i;
const ORDINAL: Readonly<Record<string, number>> = { second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7 };

/**
 * "Drones struck the port on Tuesday, the third straight day of attacks": what goes on day after day
 * ran from N − 1 days before the one day the sentence gives to that day. Days only: "a second night
 * in a row" of strikes is that night's strike, the one before it another event.
 */
function streakDays(slice: string, found: FoundDate[]): void {
  const m = STREAK.exec(slice);
  if (!m) return;
  const told = found.filter((d) => !d.reporting && !d.background);
  if (told.length !== 1 || !/^\d{4}-\d\d-\d\d$/.test(told[0].value)) return;
  const d = told[0];
  const n = ORDINAL[(m[1] ?? m[2] ?? m[3]).toLowerCase()];
  const first = new Date(Date.parse(`${d.value}T12:00:00Z`) - (n - 1) * 86400000);
  d.value = `${day(first)}/${d.value}`;
  d.reason = `${d.reason ? `${d.reason}; ` : ''}the last of ${n} days in a row ("${m[0]}")`;
}

/** "two days of drills", "a three-day exercise": an activity that lasts N days. */
const DAYS_LONG =
  /\b(two|three|four|five|six|seven|eight|nine|ten|[2-9]|1[0-4])(?:[- ]days?\s+of\b|-day\b|\s+days\b(?<=\b(?:lasted|lasting|ran\s+for|went\s+on\s+for)\s+\w+\s+days))/i;

/** A verb that sets a term, right before "N days of …" / "an N-day …": what it sets is to come. */
const DECREED_BEFORE =
  /\b(?:declared|declares|declaring|decreed|proclaimed|ordered|imposed|called|granted|gave|extended)\s+(?:(?:a|an|another|the|its|his|her|their|further)\s+)?$/i;

/**
 * "China began two days of military drills on Thursday": an activity said to last N days, with the one
 * day the sentence gives, lasts from that day for N days (chrono reads the day alone). Only when the
 * sentence gives exactly one day of what happened (not one said, nor background).
 */
function spanDays(slice: string, found: FoundDate[]): void {
  const ended = ENDED_SPAN.exec(slice);
  if (ended) return endedSpan(ended, found);
  const m = DAYS_LONG.exec(slice);
  if (!m) return;
  // "declared three days of national mourning on Saturday", "imposed a two-day curfew on Monday": a term
  // set by a decision, which is the event; the days it sets are still to come, no run of what happened.
  if (DECREED_BEFORE.test(slice.slice(Math.max(0, m.index - 40), m.index))) return;
  const n = UNITS[m[1].toLowerCase()] ?? Number(m[1]);
  const days = found.filter((d) => !d.reporting && !d.background && /^\d{4}-\d\d-\d\d$/.test(d.value));
  if (days.length !== 1 || found.some((d) => d !== days[0] && !d.reporting && !d.background)) return;
  const d = days[0];
  const start = new Date(`${d.value}T12:00:00Z`);
  // "Five days of drills ended on Tuesday", "the exercise, which lasted five days, concluded on Tuesday":
  // the day given is the last of the N, so the run goes back from it.
  if (ENDED_ON.test(slice)) {
    d.value = `${day(new Date(start.getTime() - (n - 1) * 86400000))}/${d.value}`;
    d.reason = `${d.reason ? `${d.reason}; ` : ''}${m[0].trim()}: ${n} days up to that day, when it ended`;
    return;
  }
  d.value = `${d.value}/${day(new Date(start.getTime() + (n - 1) * 86400000))}`;
  d.reason = `${d.reason ? `${d.reason}; ` : ''}${m[0].trim()}: ${n} days from that day`;
}

/** A verb that ends what lasted: the day the sentence gives is its last. */
const ENDED_ON =
  /\b(?:ended|end(?:ing)?|concluded|wrapped\s+up|finished|closed|drew\s+to\s+a\s+close|came\s+to\s+an\s+end|culminated)\b/i;

/** "after a 24-hour offensive", "after a three-day siege": what ended on the day the sentence gives. */
const ENDED_SPAN = /\bafter\s+(?:a|an)\s+(two|three|four|five|six|seven|eight|nine|ten|\d{1,3})[- ](hour|day)\b/i;

/**
 * "Separatists agreed on Wednesday to lay down their arms after a 24-hour offensive": the activity ran
 * up to that day, from the day its length goes back to (24 hours: the day before; three days: two days
 * before). Only when the sentence gives exactly one day of what happened; under 24 hours, that day alone.
 */
function endedSpan(m: RegExpExecArray, found: FoundDate[]): void {
  const told = found.filter((d) => !d.reporting && !d.background);
  if (told.length !== 1 || !/^\d{4}-\d\d-\d\d$/.test(told[0].value)) return;
  const n = UNITS[m[1].toLowerCase()] ?? Number(m[1]);
  const back = m[2].toLowerCase() === 'hour' ? Math.floor(n / 24) : n - 1;
  if (back < 1) return;
  const d = told[0];
  d.value = `${day(new Date(Date.parse(`${d.value}T12:00:00Z`) - back * 86400000))}/${d.value}`;
  d.reason = `${d.reason ? `${d.reason}; ` : ''}${m[0].trim()}: it ran up to that day`;
}
