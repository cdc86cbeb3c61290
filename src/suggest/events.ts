/**
 * events: sentences that report something that happened at a place, as `:event` suggestions. A
 * sentence is an event when it names a place and a keyword of EVENT_TYPES; its type is the first
 * matching row; its summary is the sentence's own main clause (leading time or attribution phrases
 * and trailing participle clauses cut, at most SUMMARY_WORDS words); its date the first date in it;
 * its claimant from attribution phrases. Status is left for the reviewer (`unverified` until then). Pure.
 */
import type { ResolvedPlace } from '../contract.js';
import type { Suggestion } from './suggestion.js';
import type { FoundDate } from './dates.js';
import { claimantOf, UNATTRIBUTED, type Claimant } from './claimants.js';
// biome-ignore lint/correctness/useImportExtensions: a JSON module keeps its own extension
import TYPE_COLOURS from '../../data/types.json' with { type: 'json' };
import { figuresOf } from './figures.js';
import { FROM_BEFORE } from './ranges.js';

/** Event type → words that report it, tried in order (the first row that matches gives the type). */
export const EVENT_TYPES: ReadonlyArray<readonly [string, RegExp]> = [
  // An attack on computers or networks ("a cyber attack knocked out …", "hackers disabled …"): tried first,
  // so "a cyber attack on the operator" is not read as a strike.
  [
    'cyber-attack',
    /\b(?:cyber[- ]?attacks?|cyberattacks?|cyber[- ]?(?:sabotage|espionage|intrusion)|hack(?:ed|ers?|ing)|ransomware|malware|wiper|DDoS|denial[- ]of[- ]service)\b/i,
  ],
  [
    'drone-attack',
    /\bdrones?\b[^.]*\b(?:attacks?|attacked|attacking|struck|strike|striking|hit|hitting|launched|launching|shot down|downed|targeted|targeting|intercepted|sank|sunk)\b|\b(?:attacked|attacking|struck|hit|targeted|targeting)\b[^.]*\bdrones?\b|\b(?:launched|launching|fired|firing)\s+(?:the\s+|an?\s+(?:swarm|wave)\s+of\s+|\d[\d,]*\s+|dozens\s+of\s+|hundreds\s+of\s+)?(?:[\p{L}-]+\s+)?drones?\b/iu,
  ],
  [
    'missile-strike',
    /\b(?:missiles?|ballistic|cruise|rockets?|ATACMS|Iskander|Kalibr|Kinzhal|Storm Shadow)\b[^.]*\b(?:strike|strikes|struck|striking|hit|hitting|launched|launching|fired|firing|attack|attacked|attacking|targeted|targeting|used|using|deployed|deploying|sank|sunk)\b|(?<!-)\b(?:struck|fired|firing|launched|launching|targeted|targeting|used|using)\b[^.]*\b(?:missiles?|rockets?)\b/i,
  ],
  [
    'strike',
    // A ship sunk by someone ("had sunk the Eternity C", "was sunk", "sent to the bottom") was attacked;
    // a ship that sank ("the freighter sank off Odesa") is a sinking, whatever caused it.
    /\b(?:struck|striking|targeted|targeting|airstrikes?|air strikes?|shelled|shelling|bombed|bombing|bombardment|dropp(?:ed|ing)\s+(?:[\p{L}-]+\s+){0,2}?bombs|strikes? on|attack on|attacks on|attacked|attacking|hit)\b|\b(?:had|has|have|was|were|been|being)\s+sunk\b|\bsank\s+(?!the\s+(?:next|following|same)\b)(?:the|a|an|two|three|four|its|their|\d+)\s|\bsent\s+(?:[\p{L}-]+\s+){0,3}?to\s+the\s+bottom\b/iu,
  ],
  [
    'arms-transfer',
    /\b(?:supplied|supplying|delivered|delivering|delivery|deliveries|provided|providing|provision of|transferred|transferring|transfer of|shipped|shipping weapons|sent|sending|send|exported|exporting|export of|handed over|sold|selling|supply)\b/i,
  ],
  [
    'policy',
    /\b(?:approved|approving|authori[sz]ed|authori[sz]ing|authori[sz]ation|announced|announcing|sanctions?|sanctioned|allowed|allowing|banned|banning|decided|agreed|signed|signing|lifted|lifting|imposed|imposing|vowed|threatened|pledged|accused|policy)\b/i,
  ],
  // A border, an airspace or a mission shut or opened by a state ("Poland shut its border with Belarus",
  // "closes its airspace", "reopened the crossing"): a decision told as what happened.
  [
    'policy',
    /\b(?:shut|shuts|shutting|closed|closes|closing|sealed|seals|reopened|reopens|reopening)\s+(?:down\s+|off\s+)?(?:its|their|the|all)\s+(?:[\p{L}-]+\s+){0,2}?(?:borders?|frontiers?|airspace|crossings?|checkpoints?|embassy|embassies|consulates?|ports?|airports?)\b/iu,
  ],
  // A ship taken by force ("seized the container ship", "commandos boarded the tanker", "detained two
  // tankers"): before the rows of arrests and of military activity, whose verbs it shares.
  [
    'seizure',
    /\b(?:seized|seizing|seizure|boarded|boarding|hijacked|hijacking|impounded|commandeered|detained|detaining|captured)\s+(?:[\p{L}\d-]+\s+){0,5}?(?:ships?|vessels?|tankers?|freighters?|carriers?|boats?|trawlers?|dhows?)\b|\b(?:ships?|vessels?|tankers?|freighters?|boats?)\s+(?:[\p{L}-]+\s+){0,4}?(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:seized|boarded|hijacked|impounded|detained|captured)\b/iu,
  ],
  // People taken into custody or sentenced ("police detained 400 people", "was arrested in Hamburg",
  // "a court jailed the editor").
  [
    'arrest',
    /\b(?:arrested|arresting|arrests?|detained|detaining|detentions?|jailed|jailing|imprisoned|sentenced|convicted|indicted|charged\s+with|taken\s+into\s+custody|rounded\s+up)\b/i,
  ],
  // People in the streets ("thousands protested", "demonstrators marched", "crowds gathered"); a state's
  // diplomatic protest ("China protested the visit") is a reaction, below.
  [
    'protest',
    /\b(?:protests?|protesters?|protestors?|demonstrations?|demonstrators?|rall(?:y|ies|ied)|marched|marches|took\s+to\s+the\s+streets|tear\s+gas|water\s+cannons?|riot\s+police|dispersed\s+(?:the\s+)?(?:crowds?|rall(?:y|ies)|demonstrat\w+|protest\w*)|(?:crowds?|thousands|hundreds)\s+(?:[\p{L}-]+\s+){0,2}?(?:gathered|massed|assembled))\b/iu,
  ],
  // A court's decision ("the court ruled", "judges ordered the release", "the verdict"), and a vote ("voters
  // elected", "won the election", "the referendum"): acts of institutions a news text reports as events.
  [
    'court-ruling',
    /\b(?:courts?|tribunal|judges?|justices)\b[^.;]{0,80}?\b(?:ruled|rules|ordered|orders|rejected|upheld|overturned|struck\s+down|annulled|acquitted|blocked|dismissed|found)\b|\b(?:ruling|verdict|judg(?:e)?ment)\s+(?:on|in|against|that|was|were|came)\b/i,
  ],
  [
    'election',
    /\b(?:voters|electorate)\b[^.;]{0,40}?\b(?:elected|chose|backed|rejected|approved|voted|went\s+to\s+the\s+polls)\b|\b(?:won|wins|lost|loses)\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}-]+\s+){0,2}?(?:elections?|vote|run-?off|referendum|majority|seats|presidency)\b|\b(?:elections?|referendum|run-?off|vote)\s+(?:was|were)\s+held\b|\bpolls\s+(?:opened|closed)\b|\b(?:re-?elected|sworn\s+in|inaugurated)\b/iu,
  ],
  ['sinking', /\b(?:sank|sunk|sinking|capsized)\b/i],
  ['famine', /\b(?:famine|starvation)\b/i],
  ['explosion', /\b(?:explosions?|exploded|blasts?|detonated|detonation)\b/i],
  ['blockade', /\b(?:blockaded?|blocked|blocking|besieged|siege)\b/i],
  ['rescue', /\b(?:rescued|rescue|picked up|evacuated|evacuation)\b/i],
  [
    'diplomacy',
    /\b(?:diplomatic ties|cut(?:ting)? ties|ceasefire|truce|recalled (?:its|their) ambassador|expelled|brokered|talks|contacted\s+(?:the\s+)?(?:[\p{L}-]+\s+)?(?:officials|authorities|government|counterparts?|ambassador|embassy)|(?:seek|sought|secure|secured|won|negotiated?)\s+the\s+release)\b/iu,
  ],
  // A government's or a body's answer to what happened is itself a reported act ("China urged restraint",
  // "the prosecutor opened an investigation", "the council condemned the attack").
  [
    'reaction',
    /\b(?:urged|urging|called for|calling for|condemned|condemning|demanded|demanding|protested|(?:opened|launched) an? (?:(?:criminal|formal|terrorism|war[- ]crimes?|new|separate|official)\s+)?(?:investigation|inquiry|probe|case)|declared a state of emergency|expressed (?:deep |grave )?concern|(?:deeply |gravely )?concerned|summoned)\b/i,
  ],
  ['shipping-disruption', /\b(?:diverted|rerouted|suspended (?:transit|shipping))\b/i],
  [
    'military-activity',
    /(?<!-)\b(?:deployed|deploying|deployment|troops|test-fired|tested|testing|test launch|exercise|exercises|drills?|mobili[sz]ed|(?<!\b(?:most|more|less|an|the|its|their|highly)\s)advanced(?!\s+(?!on\b|in\b|into\b|to\b|toward|towards|further|deeper|from|through|along|across|north|south|east|west)\p{Ll})|advancing|captured|capturing|seized|seizing|withdrew|pushed|patrolled|patrolling|patrols|downed|downing|launched|fired|killed|killing|wounded|injured|deaths|destroyed|damaged|scrambled|intercepted|shot down|crashed|offensive|incursion|clashes|clashed|closed|sheltered?|flew|came down|splashed down|landed|fell (?:into|in|on|near|off)|trained|training|entered|reached the (?:outskirts|edge|centre|center)|crossed into)\b/iu,
  ],
  // A toll told on its own ("the dead were mostly civilians", "200 bodies had been collected", "five people died").
  [
    'casualties',
    /\b(?:the dead(?!\s+sea)|bodies|death toll|died|(?:\d[\d,]*|dozens|hundreds|scores) (?:people )?dead)\b/i,
  ],
  // A conflict's outbreak, told as background or as news ("The war between X and Y began in April 2023"):
  // the conflict noun is the subject of the verb, a few words before it; tried last, so a sentence that
  // reports fighting ("Fighting continued … in the attack that began on Tuesday") keeps its own type.
  [
    'conflict-outbreak',
    /\b(?:war|conflict|fighting|violence|insurgency|uprising|clashes)\s+(?:[\p{L}\p{M}'’-]+\s+){0,8}?(?:began|begun|broke out|erupted|started|flared)\b/iu,
  ],
];

/**
 * A natural hazard or a fire as the subject of a verb of striking or harm ("Floods hit Rochester", "a
 * wildfire destroyed homes"): not an attack, unless the sentence names a weapon or an attack too.
 */
const HAZARD =
  /\b(?:floods?|flooding|fires?|wildfires?|bushfires?|blazes?|storms?|hurricanes?|typhoons?|cyclones?|tornado(?:e?s)?|earthquakes?|quakes?|landslides?|mudslides?|avalanches?|heatwaves?|rains?|rainfall|snowstorms?|blizzards?|tsunamis?)\s+(?:[\p{L}-]+\s+){0,2}?(?:hit|hits|hitting|struck|strikes|striking|killed|kills|killing|destroyed|damaged|swept|battered|ravaged|lashed|injured|wounded|reached|flooded|inundated|submerged|engulfed|shook|shaken|burned|burnt|broke\s+out|tore\s+through)\b/iu;
const ARMED =
  /\b(?:drones?|missiles?|rockets?|shells?|shelled|shelling|bombs?|bombed|bombing|air ?strikes?|attacks?|attacked|troops|forces|army|artillery|militants?|rebels?|soldiers?)\b/i;
const ATTACK_TYPES = new Set(['drone-attack', 'missile-strike', 'strike', 'military-activity']);
/** Rows of the table whose own name is not a declared type, and the declared type they propose. */
const DECLARED_AS: Readonly<Record<string, string>> = { strike: 'military-activity', seizure: 'military-activity' };

/**
 * A verb (or noun) of handing over, read with what it hands over: its object, the words after it up to a
 * comma, a clause or a preposition of where or why ("sent a THAAD missile defence battery | to Israel",
 * "supplied Russia with thousands of Shahed drones", "deliveries of Iranian missiles").
 */
const TRANSFER =
  /\b(?:supplied|supplying|supplies\s+of|supply\s+of|supply|supplies|delivered|delivering|deliver|deliver(?:y|ies)\s+of|provided|providing|provide|provision\s+of|transferred|transferring|transfer\s+of|shipped|shipments?\s+of|sent|sending|send|sends|exported|exporting|exports?\s+of|handed\s+over|sold|selling|sell)\b/giu;
const OBJECT_END =
  /[,;:.!?]|\s(?:to|into|toward|towards|for|from|by|after|before|on|at|in|across|over|as|when|while|which|that|who|because|amid|under|last|this)\b/iu;
/** People under arms, and the ships and aircraft they crew: sending them is a deployment, not a transfer. */
const FORCES =
  /\b(?:troops|soldiers|forces|personnel|marines|paratroopers|fighters|units|brigades?|battalions?|reinforcements|mercenaries|peacekeepers|sailors|warships?|destroyers?|frigates?|carriers?|submarines?|vessels|ships|jets|aircraft|warplanes|bombers|planes|helicopters)\b/iu;
/** Materiel: what an arms transfer hands over. */
const MATERIEL =
  /\b(?:weapons?|arms|missiles?|rockets?|drones?|batter(?:y|ies)|systems?|launchers?|interceptors?|munitions|ammunition|shells|artillery|howitzers?|tanks|armou?red\s+vehicles|vehicles|warheads?|mines|equipment|materiel|military\s+aid|ATACMS|HIMARS|Patriots?|THAAD|\p{Lu}[\p{L}]*-\d+[A-Z]?)\b/u;
const PRONOUN_OBJECT = /^\s*(?:them|it|these|those|some|more)\b/i;
/**
 * Forces or aircraft sent with an attack as their purpose ("sent F-16 fighter jets to strike targets",
 * "sent bombers to attack the port"): the sender's own attack, not a transfer to another party.
 */
const SENT_VERB = /^(?:sent|sending|send|sends)$/i;
const TO_ATTACK =
  /^\s+(?:in\s+order\s+)?to\s+(?:strike|attack|bomb|hit|shell|pound|raid|target|bombard|intercept|shoot\s+down|destroy)\b/i;
/** What a sentence's event answered or followed: "after Iran's ballistic missile attack of October 1", "in response to …". */
const AFTER_PHRASE = /\b(?:after|following|in\s+(?:response|reply|retaliation|reprisal)\s+(?:to|for))\b[^,;]*/giu;
const ATTACK_ROWS = new Set(['drone-attack', 'missile-strike', 'strike']);
/** What an accusation says was done: "accused Thailand of dropping bombs on …" → "dropping bombs on …". */
const ACCUSED_OF = /\baccus(?:ed|es|ing)\s+(?:[^.;]{0,60}?\s)?of\s+(\p{Ll}+ing\b[^;]*)/u;

/**
 * How a sentence's verb of handing over reads with its object: materiel handed over is an arms transfer
 * ("sent a THAAD missile defence battery to Israel"), forces sent are military activity ("sent ground
 * troops into southern Lebanon"), anything else is no transfer ("sent to the bottom", "sent a letter").
 * `span` is where the verb and its object are. A pronoun object ("supplying them") is materiel when the
 * sentence names materiel.
 */
export function transferReading(
  sentence: string,
): { type: 'arms-transfer' | 'military-activity'; start: number; end: number; attack?: boolean } | null {
  for (const m of sentence.matchAll(TRANSFER)) {
    const after = sentence.slice(m.index + m[0].length);
    const stop = OBJECT_END.exec(after);
    const span = after.slice(0, stop ? stop.index : after.length);
    const object = span.split(/\s+/).filter(Boolean).slice(0, 10).join(' ');
    const end = m.index + m[0].length + span.length;
    // "supplied Ukraine with ATACMS": the thing handed over follows "with".
    const withObject = /\bwith\b/i.test(object) ? object.slice(object.search(/\bwith\b/i)) : object;
    if (
      SENT_VERB.test(m[0]) &&
      FORCES.test(object) &&
      !/\bwith\b/i.test(object) &&
      TO_ATTACK.test(after.slice(span.length))
    )
      return { type: 'military-activity', start: m.index, end, attack: true };
    if (FORCES.test(withObject) && !MATERIEL.test(withObject.replace(FORCES, '')))
      return { type: 'military-activity', start: m.index, end };
    if (MATERIEL.test(withObject)) return { type: 'arms-transfer', start: m.index, end };
    if (PRONOUN_OBJECT.test(after) && MATERIEL.test(sentence)) return { type: 'arms-transfer', start: m.index, end };
  }
  return null;
}

/**
 * What a sentence says could, would or will happen rather than what did: the clause of a modal ("the
 * group would keep targeting ships", "can hit targets up to 300 km away", "will feature …"), from the
 * clause's start (a comma, "said", "that", "and" …) to its end (a comma, a semicolon, the sentence's end);
 * a verb of capability, expectation or intent with its infinitive ("able to stop", "expected to ask",
 * "preparing to send"); a condition ("if …", "unless …", "whether …"); a weapon's range ("a range of");
 * what it says did not happen ("did not acknowledge any deaths", "has never fired"); and a participle
 * phrase that opens a sentence whose main clause is a modal's ("Fired from X, it could reach …"). These
 * are forecasts, threats, conditionals, capabilities and denials of fact: data/README.md's events are what
 * happened, so they neither type nor make one.
 */
/**
 * A party's "will" or "would" with a verb of handing over or of sanction is a decision it announces ("said
 * it would send more artillery", "would not send the Taurus", "would impose sanctions"), a policy or an arms
 * transfer the annotators mark: not masked.
 */
const DECIDED = String.raw`(?:\s+not)?\s+(?:send|supply|deliver|provide|transfer|sell|give|impose|lift|ban|approve|allow)\b`;
const MODAL = `(?:(?:would|will|won['’]t|wouldn['’]t)(?!${DECIDED})|could|can|cannot|can['’]t|may|might|should|must|shall|couldn['’]t)`;
const UNREALISED = new RegExp(
  [
    String.raw`(?:^|(?<=[,;:–—(]|\b(?:said|says|say|added|warned|that|and|but|which|who|while|because|when|as)\b))[^,;:–—()]*?\b${MODAL}\b[^,;:–—()]*`,
    String.raw`\b(?:able|unable|expected|preparing|prepared|ready|threatened|threatening|threatens|promised|promising|vowed|vowing|pledged|planning|plans|intends|aims|likely|unlikely|going|wants|hopes)\s+to\s+(?:[\p{L}]+ly\s+)?[\p{L}-]+`,
    String.raw`\b(?:if|unless|whether)\b[^,;:–—]*`,
    String.raw`\b(?:(?:did|does|do|has|have|had)\s+(?:not|never)|(?:did|does|do|has|have|had)n['’]t|never)\b[^,;:–—()]*`,
    // A party's denial of any part in what happened ("denied any role in the offensive", "denies involvement
    // in the blast"): it says the party did nothing, not what happened.
    String.raw`\b(?:denied|denies|deny|denying|rejected|rejects)\s+(?:(?:any|a|all|its|their|having\s+(?:any|a))\s+)?(?:role|involvement|part|hand|responsibility|links?)\b[^,;:–—()]*`,
    // A weapon's reach ("a range of 300 km", "has a strike range of 2,750 km", "with a reach of more than 250 km",
    // "a strike radius of up to 2,000 km"), to the clause's end: what it can do, not what it did.
    String.raw`\b(?:(?:strike|operational|maximum|effective|estimated|flight)\s+)?(?:range|reach|radius)\s+of\b[^,;:–—()]*`,
    // A participle that says where a weapon was launched from, told of the weapon ("Iskander-M missiles,
    // launched from occupied Crimea, can fly …", "drones launched from Kursk"): a description, not the
    // sentence's own verb ("Russia launched drones from Kursk" is).
    String.raw`(?<=\b(?:missiles?|rockets?|drones?|bombs?|munitions|projectiles|weapons?|interceptors?|\p{L}+-[\p{Lu}\d][\p{L}\d]*s?)\s*,?\s)(?:launched|fired|flown|dropped)\s+from\b[^,;:–—()]*`,
    String.raw`^[\s"“]*\p{Lu}\p{Ll}+(?:ed|en)\b[^,]*,(?=\s*(?:it|they|he|she|the\s+[\p{L}-]+|[\p{L}-]+)\s+${MODAL}\b)`,
  ].join('|'),
  'giu',
);

/**
 * The words before a place that say it is where a weapon was launched from ("launched from occupied",
 * "fired from positions in the", "took off from"): a verb of launching, a few words, then "from" and
 * what may stand between it and the name (ranges.ts FROM_BEFORE).
 */
const LAUNCHED_BEFORE =
  /\b(?:launched|launching|fired|firing|flown|took\s+off|taking\s+off|lifted\s+off)\b(?:\s+[^\s.;:]+){0,4}?\s+$/iu;
/** The words before a place that make it what was hit: a preposition of where or an attack's verb ("at Sumy", "struck Odesa"). */
const TARGET_BEFORE =
  /\b(?:in|at|on|near|over|into|against|toward|towards|struck|hit|hitting|targeted|targeting|attacked|attacking|bombed|shelled|pounded)\s+(?:the\s+)?$/i;
export function isLaunchOrigin(before: string): boolean {
  const from = FROM_BEFORE.exec(before);
  return !!from && LAUNCHED_BEFORE.test(before.slice(0, from.index));
}

/**
 * A sentence that tells, as its own verb, where the weapons of the event told before it were launched
 * from ("The missiles were launched from occupied Crimea, the air force said"), refers back to them and
 * names no other place: another account of that event at its launch site, joined with `of=` (whoever
 * tells it; the article when no one is named). Null when it is not such a sentence.
 */
export function launchSuggestion(
  sentence: { start: number; end: number; text: string; claimant?: Readonly<Claimant> },
  of: string,
  origins: readonly string[],
): Suggestion | null {
  const told = realised(sentence.text);
  if (!/\b(?:launched|fired|flown|took\s+off|lifted\s+off)\b[^.;:]{0,60}\bfrom\b/i.test(told) || !ANAPHORA.test(told))
    return null;
  const { claimant } = sentence.claimant ?? claimantOf(sentence.text);
  return joinedAccount(
    sentence,
    { of, place: [...new Set(origins)].join(' '), claimant },
    `where the weapons of ${of}, the event told before it, were launched from: joined to it as another account; status left for the reviewer`,
  );
}

/** The sentence with what it says could, would or will happen blanked out (UNREALISED): what it says happened. */
export function realised(sentence: string): string {
  return sentence.replace(UNREALISED, (m) => ' '.repeat(m.length));
}

/** The row of EVENT_TYPES a sentence reads as (a hazard's harm is no attack), or undefined. */
export function eventType(sentence: string): string | undefined {
  // "X accused Y of shelling Z": the act it accuses Y of types the sentence, not the accusation.
  const accused = ACCUSED_OF.exec(sentence);
  if (accused) {
    const act = eventType(accused[1]);
    if (act && act !== 'policy') return act;
  }
  const hazard = HAZARD.test(sentence) && !ARMED.test(sentence);
  // A verb of handing over with its object types the sentence, unless an attack is told outside that
  // object and outside what the sentence's event followed ("would send a THAAD missile defence battery
  // to Israel … after Iran's ballistic missile attack" is a transfer; the missile words name no strike).
  const transfer = transferReading(sentence);
  // Forces sent to attack: the attack the sentence tells, else a strike.
  if (transfer?.attack)
    return EVENT_TYPES.find(([t, re]) => ATTACK_ROWS.has(t) && t !== 'strike' && re.test(sentence))?.[0] ?? 'strike';
  if (transfer) {
    const rest = `${sentence.slice(0, transfer.start)} ${sentence.slice(transfer.end)}`.replace(AFTER_PHRASE, ' ');
    if (!EVENT_TYPES.some(([t, re]) => ATTACK_ROWS.has(t) && re.test(rest))) return transfer.type;
  }
  const row = EVENT_TYPES.find(
    ([t, re]) =>
      !(hazard && ATTACK_TYPES.has(t)) &&
      // The row of handing over only with something handed over ("sent to the bottom" is no transfer).
      !(t === 'arms-transfer' && !transfer) &&
      re.test(sentence),
  )?.[0];
  // A launch that hit nothing ("test-fired a missile", "fired a missile into the sea") is a test or a
  // drill, not a strike.
  if (row === 'missile-strike' && TEST_LAUNCH.test(sentence) && !HIT_SOMETHING.test(sentence))
    return 'military-activity';
  return row;
}

/** Words of a launch made to test a weapon or that came down at sea. */
const TEST_LAUNCH =
  /\b(?:test-fired|test-firing|test-fires|tested|testing|test\s+(?:launch|flight|firing)|flight\s+test|launch\s+test|trial|(?:into|in)\s+the\s+(?:sea|ocean|waters)|splashed\s+down|landed\s+(?:in|off)|came\s+down\s+(?:in|off))\b/i;
/** Words of a launch that hit something: then it was a strike, whatever else it tested. */
const HIT_SOMETHING =
  /\b(?:struck|strikes?\s+on|hit(?:ting)?\s+(?!(?:the\s+)?(?:sea|water|ocean|target\s+area))|targeted|targeting|killed|killing|wounded|injured|damaged|destroyed|attacked|attack\s+on)\b/i;

/** The type to propose for a row: only a type declared in data/types.json, else undefined. */
export function declaredType(row: string): string | undefined {
  const t = DECLARED_AS[row] ?? row;
  return Object.hasOwn(TYPE_COLOURS, t) ? t : undefined;
}

export const SUMMARY_WORDS = 16;

/** The type of an event the table has no word for: the reviewer sets it. */
export const UNTYPED = 'other';

/**
 * A dateline ("KYIV, Ukraine (AP) —", "GAZA CITY —", "BEIRUT, Jan 18 (Reuters) -"): where the story was filed,
 * not what it tells. A capitalised word alone before a dash is not one ("NATO — the alliance — met …").
 */
const DATELINE_CITY = String.raw`\p{Lu}[\p{Lu}\p{M}.'’-]*\p{Lu}`;
const DATELINE = new RegExp(
  String.raw`^(?:${DATELINE_CITY}(?:[ \u00a0]${DATELINE_CITY})+|${DATELINE_CITY}(?=,|[ \u00a0]*\())(?:,[ \u00a0]*[\p{L}\p{M}.' ]{1,30}?)?(?:,?[ \u00a0]+\p{Lu}\p{Ll}{2,8}\.?[ \u00a0]+\d{1,2})?[ \u00a0]*(?:\([^)]{1,40}\))?[ \u00a0]*(?:[—–]|-[ \u00a0])[ \u00a0]*`,
  'u',
);

/**
 * Words that open a clause ("that", "while") or a phrase ("in", "near", "with"): a summary may end before
 * one. Not a bare "and", which joins the words of a phrase as often ("setting fuel tanks and a power
 * station ablaze"); one after a comma is cut at the comma.
 */
const CLAUSE_OPENERS = /^(?:but|that|which|who|whose|where|while|when|after|before|as|because|including|amid|then)$/i;
const PHRASE_OPENERS =
  /^(?:in|on|at|near|with|from|for|to|of|by|during|over|into|onto|across|along|around|towards?|since|among|between|against|off|outside|inside|under|through|within|beyond|behind|via|despite)$/i;
const SAYING =
  /^(?:said|says|claimed|claims|stated|states|announced|announces|reported|reports|told|added|confirmed|warned|believed|thought|denied|denies)$/i;
/** How many words over SUMMARY_WORDS a sentence with no clause boundary in reach may run, kept whole. */
const SUMMARY_OVER = 6;
/** Summaries shorter than this many words are not cut shorter. */
const SUMMARY_MIN_WORDS = 5;

/**
 * A summary of at most SUMMARY_WORDS words that ends where a phrase ends, in the sentence's own words:
 * at the last comma, semicolon or dash, or before the last word that opens a clause, within the limit;
 * else the whole sentence when it is at most SUMMARY_OVER words longer; else before the last word that opens
 * a phrase; never mid-phrase with "…".
 */
function atPhraseEnd(s: string): string {
  const words = s.split(/\s+/);
  if (words.length <= SUMMARY_WORDS) return s;
  const head = words.slice(0, SUMMARY_WORDS + 1);
  const cutAt = (test: (i: number) => boolean): number => {
    for (let i = SUMMARY_WORDS; i >= SUMMARY_MIN_WORDS; i--) if (test(i)) return i;
    return -1;
  };
  // Words 0..i-1 kept: a boundary after word i-1 (its comma) or before word i (an opener or a dash).
  // Not before the "that" of what was said ("said that …"), which would leave the saying with nothing said.
  const clause = cutAt(
    (i) =>
      /[,;:]$/.test(head[i - 1]) ||
      /^[—–-]$/.test(head[i] ?? '') ||
      (CLAUSE_OPENERS.test(head[i] ?? '') && !(/^that$/i.test(head[i]) && SAYING.test(head[i - 1]))),
  );
  // A sentence only a little over the limit ends where it ends, rather than before one of its phrases.
  if (clause < 0 && words.length <= SUMMARY_WORDS + SUMMARY_OVER) return s;
  const at = clause < 0 ? cutAt((i) => PHRASE_OPENERS.test(head[i] ?? '')) : clause;
  const kept = words.slice(0, at < 0 ? SUMMARY_WORDS : at).join(' ');
  return kept.replace(/[,;:\s—–-]+$/, '');
}

/** The sentence's main clause in its own words. */
export function summaryOf(sentence: string): string {
  let s = sentence.trim();
  s = s.replace(DATELINE, '');
  s = s.replace(
    /^(?:According to [^,]+,|(?:On|In|On the|Late|Early|Earlier|Last|Since|During|By|At|After|Before|Overnight|Adding)[^,]{0,60},)\s*/i,
    '',
  );
  // A trailing attribution is cut only after a comma (", the ministry said"): a name before "said"
  // inside the clause is its subject ("Russia's Defence Ministry said …", "North Korea said …").
  s = s.replace(
    /,\s+(?:the\s+|a\s+)?(?:[\p{Lu}][\p{L}\p{M}.'’-]*\s+|[\p{Ll}-]+\s+){0,6}?(?:said|says|reported|confirmed|claimed|announced|added|told\s[^,]{1,30})(?:\s+(?:on|late|early)\s+[^,]{1,30})?[.!?"”’]*$/u,
    '',
  );
  // A clause between commas that says more of a name ("Turkey, which backs some factions, denied …", "The
  // government in X, which seized power in 2022, said …") is left out, not the rest of the sentence with it.
  s = s.replace(/,\s+(?:which|who|whose|where)\b[^,;:]*,\s*(?=\p{Ll})/gu, ' ');
  s = s.replace(
    /,?\s+(?:resulting|marking|causing|which|according|as|while|amid|leaving|killing|injuring|raising|adding)\b.*$/u,
    '',
  );
  s = s.replace(/[.!?"”’]+$/, '').trim();
  s = atPhraseEnd(s);
  return s.length > 0 ? s.charAt(0).toUpperCase() + s.slice(1) : sentence.trim();
}

/**
 * An event's places, less a country or region named only to say where another of them lies: in "the
 * Russian city of Ryazan", "Russia's Ryazan region" or "Ryazan, Russia" the event is in Ryazan, and
 * Russia would draw a second marker in the middle of the country. The country goes when it qualifies a
 * place inside it — as an adjective or a possessive a few words before it, or after it with a comma — and
 * a region likewise for a town in it. "Drones hit Lutsk and other parts of Ukraine" keeps both. The
 * qualifying place stays a place mention of the text.
 */
export function withinOthers<
  T extends {
    id: string;
    start: number;
    end: number;
    place: Pick<ResolvedPlace, 'kind' | 'country' | 'admin1' | 'name'>;
  },
>(places: readonly T[], text: string): T[] {
  const inside = (outer: T, inner: T) =>
    inner.id !== outer.id &&
    ((outer.place.kind === 'country' &&
      inner.place.kind !== 'country' &&
      !!outer.place.country &&
      inner.place.country === outer.place.country) ||
      (outer.place.kind === 'region' &&
        inner.place.kind !== 'region' &&
        inner.place.kind !== 'country' &&
        !!outer.place.admin1 &&
        inner.place.admin1 === outer.place.admin1));
  const qualifies = (outer: T, inner: T) => {
    if (outer.end <= inner.start) {
      const between = text.slice(outer.end, inner.start);
      const adjective = text.slice(outer.start, outer.end).toLowerCase() !== outer.place.name.toLowerCase();
      const possessive = /^['’]s\s/.test(between);
      return (adjective || possessive) && /^(?:['’]s)?\s+(?:[\p{L}-]+\s+){0,3}$/u.test(between);
    }
    return inner.end <= outer.start && /^,\s*$/.test(text.slice(inner.end, outer.start));
  };
  return places.filter((outer) => !places.some((inner) => inside(outer, inner) && qualifies(outer, inner)));
}

export interface EventInput {
  /** [start, end) of the sentence. */
  start: number;
  end: number;
  sentence: string;
  /** Place ids mentioned in it, in text order, and the words before each (to prefer "in X"). */
  places: Array<{ id: string; before: string }>;
  dates: FoundDate[];
  /** The sentence itself dates what happened (a date neither carried from before, nor when it was said, nor background). */
  dated?: boolean /**
   * Where in the sentence it names a weapon by its designation (not a kind, "anti-personnel mines"),
   * from the sentence's start: what it says will be done with it is a claim of that weapon.
   */;
  weapons?: ReadonlyArray<{ start: number; end: number }>;
  /** Who the sentence is attributed to, read with the sentences before it (else from its own words). */
  claimant?: Readonly<Claimant>;
}

/** A definite reference back to what was told ("the missile", "the attack", "these strikes", "the weapon"). */
export const ANAPHORA =
  /\b(?:the|this|that|these|those)\s+(?:[\p{L}-]+\s+){0,2}?(?:attacks?|strikes?|missiles?|drones?|launch|raid|assault|offensive|explosions?|blasts?|bombardment|barrage|salvo|ambush|shelling|fighting|clashes|battle|siege|operation|incident|sinking|ship|vessel|cruiser|aircraft|planes?|helicopter|weapons?|floods?|flooding|fires?|blaze|wildfires?|earthquake|quake|storm)\b/iu;

/**
 * A sentence that names no place but attributes an account of something that happened ("The ministry
 * said a fire had detonated ammunition on board") or of what was told ("The Houthis claimed the
 * attack") most often tells more of an event already suggested: it joins the latest one with `of=`, as
 * a claim. Null when it is not such a sentence.
 */
export function claimSuggestion(
  sentence: { start: number; end: number; text: string; claimant?: Readonly<Claimant> },
  of: string,
  why = 'no place in the sentence',
): Suggestion | null {
  // What it says happened: an account of what would or could happen ("Insurers said the deaths would
  // push premiums higher") tells no more of the event.
  const told = realised(sentence.text);
  const type = EVENT_TYPES.find(([, re]) => re.test(told))?.[0];
  if (!type && !ANAPHORA.test(told) && !RESPONSIBILITY.test(told)) return null;
  const { claimant, found } = sentence.claimant ?? claimantOf(sentence.text);
  if (!found) return null;
  return joinedAccount(
    sentence,
    { of, claimant },
    `${why}: joined to ${of}, the event suggested before it, as another account; status left for the reviewer`,
  );
}

/**
 * A sentence with no place and no attribution that opens with one more of what was just told ("A second
 * missile struck a plant nearby.", "Another drone hit a school.", "A further strike destroyed a bridge."):
 * more of the event told straight before it, in the article's voice. Only such a follow-up joins: a toll or
 * damage told with no place and no source ("At least four sailors were injured") is left, as the annotators
 * leave it (data/README.md: an event happens at a named place; an account with no place joins when attributed).
 */
const FOLLOW_UP =
  /^\s*(?:(?:a|an|the)\s+(?:second|third|fourth|fifth|further|later)|another)\s+(?:[\p{L}-]+\s+){0,2}?(?:missiles?|rockets?|drones?|strikes?|attacks?|shells?|bombs?|blasts?|explosions?|waves?|salvos?|barrages?|raids?)\b/iu;
const FOLLOW_UP_ROWS = new Set(['drone-attack', 'missile-strike', 'strike', 'military-activity', 'explosion']);
export function followUpSuggestion(
  sentence: { start: number; end: number; text: string },
  of: string,
): Suggestion | null {
  if (!FOLLOW_UP.test(sentence.text)) return null;
  const told = realised(sentence.text);
  const row = eventType(told);
  if (stateOfAffairs(told, true) || !row || !FOLLOW_UP_ROWS.has(row)) return null;
  return joinedAccount(
    sentence,
    { of, claimant: UNATTRIBUTED },
    `one more of what was told straight before it (${of}), with no place and no attribution: more of it in the article's voice, joined to it as another account; status left for the reviewer`,
  );
}

/** A party's claim of what was done ("claimed responsibility", "said it was behind the attack"): an account of the event before. */
const RESPONSIBILITY =
  /\b(?:claimed|claims|claiming|took|takes|accepted|denied|denies)\s+(?:full\s+)?responsibility\b|\bsaid\s+(?:it|they)\s+(?:was|were|had\s+been)\s+behind\b/i;

/**
 * A party blamed for what the sentence refers back to ("Kyiv blamed Moscow for it", "Britain later blamed
 * Russia for that attack", "officials held the militia responsible for the bombing", "accused Iran of
 * carrying out the strike"): an account of who did the event told before, whoever blames; it joins that
 * event with `of=` rather than start one at the places it names (the blamer and the blamed). The verb near
 * the sentence's start, then "it"/"them" or a definite reference back (ANAPHORA) after it.
 */
export const BLAME =
  /^[^,;:]{0,80}?\b(?:blamed|blames|blaming|held\s+[^,.;]{1,40}?\s+responsible|accused\s+[^,.;]{1,40}?\s+of\s+(?:carrying\s+out|being\s+behind|staging|launching|ordering|conducting))\b[^.;]*?(?:\b(?:for|on)\s+(?:it|them)\b|\b(?:the|this|that|these|those)\s+(?:[\p{L}-]+\s+){0,2}?(?:attacks?|strikes?|bombings?|explosions?|blasts?|hack|cyber[- ]?attacks?|raid|assault|killings?|shelling|sabotage|incident|fire|sinking|seizure|downing)\b)/iu;

/** A sentence that blames someone for the event told before it (BLAME): joined to it, the blamer as claimant. */
export function blameSuggestion(
  sentence: { start: number; end: number; text: string; claimant?: Readonly<Claimant> },
  of: string,
): Suggestion | null {
  const m = BLAME.exec(sentence.text);
  if (!m) return null;
  const c = sentence.claimant ?? claimantOf(sentence.text);
  const subject =
    /^\s*(?:(?:on|late|early)\s+\p{Lu}\p{Ll}+day,?\s+)?([^,;]{1,60}?)\s+(?:(?:has|have|had)\s+)?(?:(?:later|also|publicly|quickly|swiftly|again|immediately)\s+)?(?:blamed|blames|blaming|held|accused)\b/iu.exec(
      sentence.text,
    )?.[1];
  const claimant = c.found
    ? c.claimant
    : subject
      ? subject.replace(/^(?:The|A|An)\s/, (w) => w.toLowerCase())
      : UNATTRIBUTED;
  return joinedAccount(
    sentence,
    { of, claimant },
    `it blames a party for what it refers back to, ${of}, the event told before it: joined to it as another account; status left for the reviewer`,
  );
}

/**
 * What a denial denies by referring back to what was told just before ("denied it on Tuesday", "denied
 * this", "denied the report"): a pronoun that ends the denial's clause ("denied it, saying …", "denied it on
 * Tuesday"), not a time word after "this" ("denied this week that …"). "denied it and blamed …" goes on
 * to an account of its own, read as one.
 */
const REFERS_BACK = String.raw`(?:it|this(?!\s+(?:week|month|year|morning|afternoon|evening|weekend)\b))\b(?=\s*(?:[,.;:]|$)|\s+(?:on|late|early|last|in\s+a\s+statement|later|again|outright|flatly|strongly|repeatedly)\b)`;

/**
 * A party's denial of the act an event told before reports ("Tehran denied sending any missiles to
 * Russia", "The ministry denied targeting civilian sites", "Kyiv has neither confirmed nor denied downing
 * the plane", "has repeatedly denied giving weapons to the RSF"): the main verb, near the sentence's
 * start, with the act it denies (a gerund) or the account it denies ("the accusation", "the reports").
 * Not a denial of "any role" or "a role", which is no account of what happened.
 */
export const DENIAL = new RegExp(
  String.raw`^[^,;:]{0,80}?\b(?:denied|denies|rejected\s+(?:the\s+)?(?:accusations?|allegations?|claims?|reports?))\b(?:\s+(?:(?:[a-z]+ing)\b(?<!\b(?:nothing|something|anything))|(?:the\s+)?(?:accusations?|allegations?|claims?|reports?|charges?)\b|responsibility\b|involvement\b|that\b|${REFERS_BACK})|(?<=accusations?|allegations?|claims?|reports?))`,
  'i',
);

/**
 * A denial that refers back ("denied it", "denied this", "denied the report", "rejected the claims"): it
 * denies what was told just before, so it joins the event told last, not the likeliest by its words.
 */
export const DENIES_BACK = new RegExp(
  String.raw`^[^,;:]{0,80}?\b(?:(?:denied|denies)\s+(?:${REFERS_BACK}|(?:the|that|those|these)\s+(?:accusations?|allegations?|claims?|reports?)\b)|rejected\s+(?:the\s+)?(?:accusations?|allegations?|claims?|reports?)\b)`,
  'i',
);

/**
 * A denial (DENIAL) is another account of the event whose act it denies: it joins it with `of=` (no date
 * of its own: a joining claim takes its event's), whoever denies it; the reviewer sets `disputed`.
 */
export function denialSuggestion(
  sentence: { start: number; end: number; text: string; claimant?: Readonly<Claimant> },
  of: string,
): Suggestion | null {
  if (!DENIAL.test(sentence.text)) return null;
  // One that refers back ("denied it") denies the account told just before, which may be a later claim.
  const denied = DENIES_BACK.test(sentence.text) ? 'the account told just before it' : `${of}'s first claim`;
  const c = sentence.claimant ?? claimantOf(sentence.text);
  const claimant = c.found
    ? c.claimant
    : (/^\s*(?:the\s+)?([^,;]{1,60}?)\s+(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+|both\s+|also\s+)?(?:(?:neither\s+)?confirmed\s+(?:n?or\s+))?(?:denied|denies|rejected)\b/i.exec(
        sentence.text,
      )?.[1] ?? 'the article (unattributed)');
  return joinedAccount(
    sentence,
    { of, claimant },
    `a denial of what ${of} reports: joined to it as another account; the account it denies (${denied}) is then likely status=disputed, which the map shows on the event; left for the reviewer`,
  );
}

/**
 * A sentence that dates what it tells to a day inside the run of days of the event told before it
 * ("The offensive ran from Monday to Wednesday. On Tuesday, artillery shelled X.") tells part of that
 * event: it joins it with `of=`, at its own places and keeping its own day (as a claim that dates what
 * it tells does), whoever tells it (the article when no one is named).
 */
export function partSuggestion(
  sentence: { start: number; end: number; text: string; claimant?: Readonly<Claimant> },
  of: string,
  places: readonly string[],
  run: string,
  date: string | null,
): Suggestion {
  const { claimant } = sentence.claimant ?? claimantOf(sentence.text);
  const ids = [...new Set(places)];
  return joinedAccount(
    sentence,
    { of, ...(date ? { date } : {}), ...(ids.length ? { place: ids.join(' ') } : {}), claimant },
    `its day falls inside ${run}, the days of ${of}, the event told before it: joined to it as part of it; status left for the reviewer`,
  );
}

/**
 * A sentence joined to an event told before it (`of=`) as another account or a part of it: unverified, at
 * low confidence, with the figures it states, and the reason it was joined.
 */
export function joinedAccount(
  sentence: { start: number; end: number; text: string },
  attributes: { of: string; claimant: string; date?: string; place?: string },
  reason: string,
): Suggestion {
  return {
    kind: 'event',
    start: sentence.start,
    end: sentence.end,
    attributes: { ...attributes, status: 'unverified', ...figureAttribute(sentence.text) },
    confidence: 0.4,
    reason,
  };
}

const figureAttribute = (sentence: string): { figures?: string } => {
  const f = figuresOf(sentence);
  return f ? { figures: f } : {};
};

/**
 * What a sentence's main clause says when it tells how things stand rather than what happened: an
 * analysis of what something means ("the losses indicate a shift", "recent events have highlighted",
 * "is thought to be the heaviest defeat", "is seen as"), where or what a place is ("lies 150 km north
 * of", "is home to"), and what had resumed, remained or returned to how it was ("Loading had resumed by
 * Friday", "the streets remained calm", "is back to normal"), for a sentence the type table does not read
 * (`untyped`: "had resumed shelling" has a word of it). A fact told since a date ("Russian forces have held the town since
 * March") is a background event (data/README.md, rule 4), not a state of affairs.
 */
const ANALYSIS =
  /\b(?:indicates?|indicated|highlights?|highlighted|underscores?|underscored|suggests?|suggested|signals?|signalled|signaled|reflects?|reflected|illustrates?|illustrated|demonstrates?|demonstrated|shows?\s+(?:that|how)|showed\s+(?:that|how)|(?:is|are|was|were)\s+(?:widely\s+)?(?:thought|seen|believed|considered|regarded|viewed|expected)\s+(?:to\s+be|as)|marks?\s+a\s+(?:shift|turn|change|new))\b/i;
/** Where or what a place is, and how it stands ("lies 150 km north of", "remained calm", "is back to normal"), told with no word of the type table. */
const STANDING =
  /\b(?:lies\s+(?:about\s+|some\s+|roughly\s+|just\s+|nearly\s+)?(?:\d[\d,.]*|on|in|along|near|between|(?:north|south|east|west)\w*)|(?:is|are)\s+(?:located|situated|home\s+to)|(?:remains?|remained|stays?|stayed)\s+(?:closed|open|shut|calm|quiet|tense|in\s+place)|(?:is|are|was|were)\s+(?:back\s+to\s+normal|(?:still\s+)?(?:calm|quiet|normal|operational|intact)))\b/i;
/** What had resumed or returned to how it was ("Loading had resumed by Friday"), told with no word of the type table ("had resumed shelling" has one). */
const RESUMED =
  /\b(?:had|has|have)\s+(?:(?:already|largely|fully|partly|since|now)\s+)?(?:resumed|remained|returned|reopened|recovered|stabili[sz]ed)\b/i;
export function stateOfAffairs(sentence: string, untyped: boolean): boolean {
  return ANALYSIS.test(sentence) || (untyped && (STANDING.test(sentence) || RESUMED.test(sentence)));
}

/**
 * A sentence with no word of the type table that tells, in the past, something that happened (a past
 * verb, not one of saying, after its subject), not how things stand (stateOfAffairs) nor what could happen.
 */
export function isUntypedAccount(sentence: string): boolean {
  const told = realised(sentence);
  if (eventType(told) || stateOfAffairs(told, true)) return false;
  const clause = told.replace(/,[^,]*\b(?:said|says|reported|confirmed|told)\b[^,]*$/i, '');
  return /\b(?:failed|stopped|halted|suspended|cancell?ed|went\s+(?:out|down|dark|silent|offline)|lost|cut|collapsed|caught\s+fire|burned|burnt|fled|left\s+without|(?:was|were)\s+left)\b/i.test(
    clause,
  );
}

/** Verbs of using a weapon, and of getting one, read with a weapon the sentence names by its designation. */
// Not the adjective of a kind of weapon ("the air-launched Kinzhal", "a ship-launched missile", "a battle-tested design").
const WEAPON_USED = /(?<!-)\b(?:used|employed|deployed|fielded|fired|launched|tested|combat-tested)\b/i;
const WEAPON_GOT = /\b(?:received|acquired|bought|purchased|ordered|obtained|took\s+delivery\s+of)\b/i;

/**
 * A sentence the table does not read that tells what was done with a weapon it names ("Ukraine has used
 * HIMARS against depots since June", "Kyiv received the first Patriot batteries"): military activity or an
 * arms transfer. `weapons`: where it names weapons by their designation; what it says only could or will
 * happen is already blanked in `told`.
 */
export function weaponRow(told: string, weapons: ReadonlyArray<{ start: number; end: number }>): string | undefined {
  if (!weapons.some((w) => told.slice(w.start, w.end).trim())) return undefined;
  if (WEAPON_GOT.test(told)) return 'arms-transfer';
  if (WEAPON_USED.test(told)) return 'military-activity';
  return undefined;
}

/** The event suggestion for one sentence, or null when it does not report one. */
export function eventSuggestion(e: EventInput, id: string): Suggestion | null {
  if (e.places.length === 0) return null;
  // Typed by what the sentence says happened: a sentence whose only event words are forecast, threatened
  // or a capability ("would keep targeting ships", "can hit targets up to 300 km away") reports none.
  // What it says will be done with a weapon it names ("Russia would keep testing the Oreshnik in combat")
  // is a claim of that weapon, as the annotators keep it.
  const told = realised(e.sentence);
  const ofWeapon = (e.weapons ?? []).some((w) => !told.slice(w.start, w.end).trim());
  const row = eventType(ofWeapon ? e.sentence : told) ?? weaponRow(told, e.weapons ?? []);
  // Only a type data/types.json declares is proposed; a row the legend does not know is "other" with its
  // reading in the reason, for the reviewer.
  const keyword = row === undefined ? undefined : declaredType(row);
  // A sentence that names a place and dates what happened there reports an event, whatever its verb
  // ("met … on Thursday in Yevlakh", "there has been an increase … since 2014 … in Crimea"): the
  // annotators' rule. Its type is for the reviewer to choose.
  const hazard = !row && HAZARD.test(e.sentence);
  if (!row && !e.dated && !hazard) return null;
  // A sentence that tells how things stand or what something means, not what happened: no event.
  if (stateOfAffairs(told, !row)) return null;
  const type = keyword ?? UNTYPED;
  const { claimant, found } = e.claimant ?? claimantOf(e.sentence);
  // A place the weapons were launched from is not where the event happened when the sentence names a place
  // they hit ("struck Odesa with missiles launched from Crimea"); a launch told with no target ("fired a
  // missile from near Pyongyang") happened where it was launched.
  const where = e.places.filter((p) => !isLaunchOrigin(p.before));
  const places = where.some((p) => TARGET_BEFORE.test(p.before)) ? where : e.places;
  // The place the sentence puts it at ("in X", "on X") first: the first one is drawn.
  const at = places.filter((p) => /\b(?:in|at|on|near|over|into|against)\s+(?:the\s+)?$/i.test(p.before));
  const ordered = [...new Set([...at, ...places].map((p) => p.id))];
  const date = e.dates[0];
  const reasons = ['status left for the reviewer'];
  if (hazard) reasons.push(`a natural hazard or a fire, not an attack: "${UNTYPED}" until the reviewer sets the type`);
  else if (!row) reasons.push(`no word of the type table: "${UNTYPED}" until the reviewer sets the type`);
  else if (!keyword)
    reasons.push(
      `reads as "${row}", not a type declared in data/types.json: "${UNTYPED}" until the reviewer sets a declared type (or declares this one)`,
    );
  if (!date) reasons.push('no date in the sentence');
  else if (date.reason) reasons.push(`date ${date.reason}`);
  if (!found) reasons.push('no attribution in the sentence');
  if (ordered.length > 1) reasons.push(`several places: ${ordered.join(', ')}`);
  return {
    kind: 'event',
    start: e.start,
    end: e.end,
    attributes: {
      id,
      type,
      summary: summaryOf(e.sentence),
      ...(date ? { date: date.value } : {}),
      place: ordered.join(' '),
      ...figureAttribute(e.sentence),
      claimant,
      status: 'unverified',
    },
    confidence: !row ? 0.4 : date && found ? 0.7 : 0.5,
    reason: reasons.join('; '),
  };
}
