import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/suggest/dates.js';
import { isAnotherAccount } from '../../src/suggest/suggest.js';
import { suggestFor } from './setup.js';

const values = (s: string, published: string | null = '2024-11-22') =>
  findDates(s, 0, s.length, published).map((d) => d.value);

describe('dates', () => {
  it('reads absolute dates at their precision', () => {
    expect(values('The strike on 21 November 2024 hit Dnipro.')).toEqual(['2024-11-21']);
    expect(values('It has fought since 2014.')).toEqual(['2014/..']);
    expect(values('In 2023 it deployed.')).toEqual(['2023']);
  });
  it('reads two days of one month as an interval', () => {
    expect(values('On November 23 and 25, forces struck.')).toEqual(['2024-11-23/2024-11-25']);
  });
  it('normalises relative dates against the publication date, never after it', () => {
    expect(values('Russia attacked on Thursday.')).toEqual(['2024-11-21']);
    expect(values('Russia attacked on Friday.')).toEqual(['2024-11-22']);
    expect(values('Last week the army moved.')).toEqual(['2024-11-11/2024-11-17']);
    expect(values('In March, it tested a missile.')).toEqual(['2024-03']);
  });
  it('drops a date whose year it cannot know', () => {
    expect(values('On Thursday it struck.', null)).toEqual([]);
    expect(values('On 21 November 2024 it struck.', null)).toEqual(['2024-11-21']);
  });
  it('reads "since" before a month as an open interval, "over the weekend" as two days, "overnight" into the publication day', () => {
    expect(values('Ships have been diverted since December.', '2024-03-07')).toEqual(['2023-12/..']);
    expect(values('Aircraft bombed the town over the weekend.', '2024-08-05')).toEqual(['2024-08-03/2024-08-04']);
    expect(values('Russia launched drones overnight.', '2025-07-09')).toEqual(['2025-07-08/2025-07-09']);
  });
  it('ends "this week" on the publication day', () => {
    expect(values('Iran struck Iraq this week.', '2024-01-18')).toEqual(['2024-01-15/2024-01-18']);
  });
  it('marks a date right after a verb of saying as when it was said', () => {
    const said = findDates('North Korea said on Friday it had tested a missile.', 0, 51, '2024-11-01');
    expect(said.map((d) => d.reporting)).toEqual([true]);
    const done = findDates('North Korea tested a missile on Friday.', 0, 39, '2024-11-01');
    expect(done.map((d) => d.reporting ?? false)).toEqual([false]);
  });
  it('reads "since" before any date as an open interval, relative ones too', () => {
    expect(values('Kyiv has used the launchers since last year.', '2024-05-10')).toEqual(['2023/..']);
    expect(values('Shelling has not stopped since last month.', '2024-05-10')).toEqual(['2024-04/..']);
    expect(values('Since the outbreak of the war in 2011, the city has changed hands.')).toEqual(['2011/..']);
  });
  it('marks a date between the speaker and the verb of saying as when it was said', () => {
    const said = findDates('The governor on Monday called the blast sabotage.', 0, 49, '2024-05-10');
    expect(said.map((d) => [d.value, d.reporting])).toEqual([['2024-05-06', true]]);
    const done = findDates('The navy on Monday fired two missiles.', 0, 38, '2024-05-10');
    expect(done.map((d) => d.reporting ?? false)).toEqual([false]);
    const owned = findDates('The ministry acknowledged on Monday that a depot burned.', 0, 56, '2024-05-10');
    expect(owned.map((d) => d.reporting)).toEqual([true]);
  });
  it('gives a date without its year the year that "last year" or "this year" after it names', () => {
    expect(values('The rebels took the town on 12 June last year.', '2024-05-10')).toEqual(['2023-06-12']);
    expect(values('The rebels took the town in February this year.', '2024-05-10')).toEqual(['2024-02']);
    expect(values('The rebels took the town last year.', '2024-05-10')).toEqual(['2023']);
  });
  it('opens the interval of something that began at a date and has gone on since', () => {
    expect(values('The uprising started in the north in 2019 and has since reached the capital.')).toEqual(['2019/..']);
    expect(values('The siege began in May 2023 in the valley and has cut off two towns.')).toEqual(['2023-05']);
    expect(values('The navy fired a missile on Monday and has denied it.')).toEqual(['2024-11-18']);
  });
  it('dates "the third straight day", "for a second day" as the run of days ending on the day given', () => {
    expect(
      values('Protesters blocked the bridge on Sunday, the fourth straight day of protests.', '2024-05-10'),
    ).toEqual(['2024-05-02/2024-05-05']);
    expect(values('Shelling went on on Thursday for a second day.', '2024-05-10')).toEqual(['2024-05-08/2024-05-09']);
    expect(values('Drones hit the port for a third night in a row on Thursday.', '2024-05-10')).toEqual(['2024-05-09']);
  });
  it('counts "hours later", "later that day" as the day of the event told before, and counts from a run of days', () => {
    const at = (s: string, anchor: string) => findDates(s, 0, s.length, '2024-05-10', anchor).map((d) => d.value);
    expect(at('Hours later, the border was closed.', '2024-05-08')).toEqual(['2024-05-08']);
    expect(at('Later that day a second blast hit the depot.', '2024-05-08')).toEqual(['2024-05-08']);
    expect(at('Hours later, the border was closed.', '2024-05-06/2024-05-08')).toEqual(['2024-05-08']);
    expect(at('A day earlier, the army had massed troops.', '2024-05-06/2024-05-08')).toEqual(['2024-05-05']);
  });
  it('gives an undated event the date of the event told last with a day, not a month told as background', () => {
    const dated = (t: string) =>
      suggestFor(t, '2024-05-10')
        .suggestions.filter((x) => x.kind === 'event')
        .map((x) => x.attributes.date);
    const lead = 'A blast damaged a bridge in Kherson on Saturday, officials said. ';
    expect(
      dated(
        `${lead}On Monday, missiles struck Lviv and Odesa. Ukraine's air force said 40 missiles were fired at Lviv.`,
      ),
    ).toEqual(['2024-05-04', '2024-05-06', '2024-05-06']);
    expect(
      dated(
        `${lead}Protests against the war began in Lviv in March. Ukraine's air force said 40 missiles were fired at Odesa.`,
      ),
    ).toEqual(['2024-05-04', '2024-03', '2024-05-04']);
  });
  it('counts "a week earlier" from the event told last with a day, past a month told since', () => {
    const t =
      'A blast damaged a bridge in Kherson on Saturday, officials said. Protests against the war began in Lviv in March. A week earlier a drone hit a school in Odesa.';
    const dated = suggestFor(t, '2024-05-10')
      .suggestions.filter((x) => x.kind === 'event')
      .map((x) => x.attributes.date);
    expect(dated).toEqual(['2024-05-04', '2024-03', '2024-04-27']);
  });
  it('reads "since" before a clause that began at a date as an open interval, and "last August" in August as a year ago', () => {
    expect(values('It was the first raid since the militia began shelling the valley in March.', '2024-05-10')).toEqual(
      ['2024-03/..'],
    );
    expect(values('The town has been quiet since the militia withdrew in March.', '2024-05-10')).toEqual(['2024-03']);
    expect(values('Troops crossed the border last August.', '2024-08-10')).toEqual(['2023-08']);
    expect(values('Troops crossed the border in August.', '2024-08-10')).toEqual(['2024-08']);
    expect(values('Troops crossed the border last May.', '2024-08-10')).toEqual(['2024-05']);
    expect(values('Troops crossed the border last May.', '2024-05-10')).toEqual(['2023-05']);
  });
  it('dates an event told only by when it was said by the day the next account gives', () => {
    const t =
      'Iran said on Sunday it had tested a new missile from Semnan. The defence ministry said the missile was fired from Semnan on Saturday evening.';
    const s = suggestFor(t, '2024-05-13').suggestions.filter((x) => x.kind === 'event');
    expect(s.map((x) => [x.attributes.date, x.attributes.of])).toEqual([
      ['2024-05-11', undefined],
      [undefined, s[0].attributes.id],
    ]);
    // An account of a later day is another event, and the first keeps the day it was said.
    const later = suggestFor(
      'Iran said on Sunday it had tested a new missile from Semnan. Iran tested a second missile from Semnan on Monday.',
      '2024-05-14',
    ).suggestions.filter((x) => x.kind === 'event');
    expect(later.map((x) => x.attributes.date)).toEqual(['2024-05-12', '2024-05-13']);
  });
  it('dates an event by the date told nearest the place it is drawn at', () => {
    const t = 'Militants held the valley in 2019 and again attacked last year, when they shelled a market in Herat.';
    const ev = suggestFor(t, '2024-05-10').suggestions.filter((x) => x.kind === 'event');
    expect(ev.map((x) => [x.attributes.place, x.attributes.date])).toEqual([['herat', '2023']]);
    const first = 'Militants shelled a market in Herat in 2019, and held the valley again last year.';
    const ev2 = suggestFor(first, '2024-05-10').suggestions.filter((x) => x.kind === 'event');
    expect(ev2.map((x) => [x.attributes.place, x.attributes.date])).toEqual([['herat', '2019']]);
  });
  it('dates what ended "after a 24-hour offensive", "after a three-day siege" as running up to the day given', () => {
    expect(values('The garrison surrendered on Friday after a three-day siege.', '2024-05-10')).toEqual([
      '2024-05-08/2024-05-10',
    ]);
    expect(values('The garrison surrendered on Friday after a 48-hour siege.', '2024-05-10')).toEqual([
      '2024-05-08/2024-05-10',
    ]);
    expect(values('Police freed the hostages on Friday after a 12-hour standoff.', '2024-05-10')).toEqual([
      '2024-05-10',
    ]);
    expect(values('The army began a three-day exercise on Monday.', '2024-05-10')).toEqual(['2024-05-06/2024-05-08']);
  });
  it('dates a term a decision sets ("declared three days of mourning on Sunday") by the decision, not as a run', () => {
    expect(values('The president declared three days of national mourning on Sunday.', '2024-05-14')).toEqual([
      '2024-05-12',
    ]);
    expect(values('The governor imposed a two-day curfew in the city on Monday.', '2024-05-14')).toEqual([
      '2024-05-13',
    ]);
    expect(values('The navy held two days of drills off the coast on Monday.', '2024-05-14')).toEqual([
      '2024-05-13/2024-05-14',
    ]);
  });
  it('reads the forms of a span of days chrono reads as one day or two dates', () => {
    expect(values('Shelling on 23 and 25 November hit the port.')).toEqual(['2024-11-23/2024-11-25']);
    expect(values('Convoys moved between 14 and 16 October.')).toEqual(['2024-10-14/2024-10-16']);
    expect(values('Convoys moved between October 14 and October 16.')).toEqual(['2024-10-14/2024-10-16']);
    expect(values('Convoys moved on October 14 and October 16.')).toEqual(['2024-10-14/2024-10-16']);
    expect(values('Convoys moved on Monday and Tuesday.')).toEqual(['2024-11-18/2024-11-19']);
    expect(values('Convoys moved on Monday, and officials said so on Tuesday.')).toEqual(['2024-11-18', '2024-11-19']);
    // Both ends on or before publication: last year's, not a span of thirteen months.
    expect(values('Floods lasted from November 28 to December 3.')).toEqual(['2023-11-28/2023-12-03']);
  });
  it('reads what chrono misses: "the night of", "the day before yesterday", "in early 2023"', () => {
    expect(values('Drones hit the depot on the night of 19 November.')).toEqual(['2024-11-19']);
    expect(values('The morning of November 19 was quiet.')).toEqual(['2024-11-19']);
    expect(values('Drones hit the depot the day before yesterday.')).toEqual(['2024-11-20']);
    expect(values('The plant was built in early 2023.')).toEqual(['2023']);
    expect(values('Drones hit the city over the past two weeks.')).toEqual(['2024-11-08/2024-11-22']);
    expect(values('Drones hit the city in the last 24 hours.')).toEqual(['2024-11-21/2024-11-22']);
    expect(values('The plant will be finished by the end of 2026.')).toEqual(['2026']);
  });
  it('reads no date in weapon designations, figures and "24/7"', () => {
    expect(values('Russia fired a Kh-101, an S-300 and 9K720 Iskander missiles at 155 mm guns.')).toEqual([]);
    expect(values('Guards kept 24/7 watch over 1,000 sq km.')).toEqual([]);
    expect(values('Strikes on 21/11 hit the port.')).toEqual(['2024-11-21']);
  });
});

describe('dates: the convention of data/README.md, "An event\'s date: when it happened"', () => {
  const events = (t: string, published: string) =>
    suggestFor(t, published)
      .suggestions.filter((x) => x.kind === 'event')
      .map((x) => [x.attributes.date, x.attributes.of ? 'of' : 'def']);

  it('dates a saying that is itself the event (a decision, an appeal) by the day it was said', () => {
    const t =
      'The ministry said on Sunday it would send an air defence battery to Warsaw, after the missile attack of October 1.';
    const [d] = findDates(t, 0, t.length, '2024-10-14').filter((x) => x.statement);
    expect(d?.value).toBe('2024-10-13');
    expect(events(t, '2024-10-14')).toEqual([['2024-10-13', 'def']]);
    const appeal =
      'Beijing, which has ties to both sides, brokered a truce in January that collapsed in June, and said on Sunday it was following the fighting in Lashio and urged all sides to stop.';
    expect(events(appeal, '2024-08-05')[0][0]).toBe('2024-08-04');
    // What was done, told as said, is not the saying: the day is when it was said.
    const done = findDates('North Korea said on Friday it had tested a missile.', 0, 51, '2024-11-01');
    expect(done.map((x) => [x.reporting, x.statement])).toEqual([[true, undefined]]);
  });

  it('dates an event told only as said by every day the next account gives, first to last', () => {
    const t =
      'Russia has fired ballistic missiles at Ukraine, spokesman John Kirby said on Thursday. Kirby said one of the missiles landed in the Zaporizhzhia region on December 30, and that several more were launched at Kharkiv on January 2.';
    expect(events(t, '2024-01-05')[0][0]).toBe('2023-12-30/2024-01-02');
  });

  it('runs what the sentence tells from the day it began to the day it gives', () => {
    expect(
      values('Rebels took most of Aleppo on Saturday in an offensive that began on Wednesday.', '2024-12-01'),
    ).toEqual(['2024-11-27/2024-11-30']);
    // A beginning more than a month before is another fact, not one run.
    expect(values('Rebels took Aleppo on 30 November in an offensive that began on 2 October.', '2024-12-01')).toEqual([
      '2024-11-30',
      '2024-10-02',
    ]);
  });

  it('takes the date the text gives after "three weeks after …", not a count from the event before', () => {
    const t = 'The strike came more than three weeks after Russia invaded Ukraine on February 24.';
    expect(findDates(t, 0, t.length, '2022-03-19', '2022-03-18').map((d) => d.value)).toEqual(['2022-02-24']);
    const counted = 'The strike came a day after Kyiv used missiles against an arsenal.';
    expect(findDates(counted, 0, counted.length, '2024-11-21', '2024-11-20').map((d) => d.value)).toEqual([
      '2024-11-19',
    ]);
  });

  it('reads "overnight" as the night before the day the report was said', () => {
    const t = 'The second strike hit troops overnight in Berdyansk, the officials said.';
    expect(findDates(t, 0, t.length, '2024-04-25', null, '2024-04-24').map((d) => d.value)).toEqual([
      '2024-04-23/2024-04-24',
    ]);
    const own = 'Russia launched 700 drones overnight, the Air Force said on Tuesday.';
    expect(findDates(own, 0, own.length, '2025-07-09').map((d) => d.value)).toEqual([
      '2025-07-07/2025-07-08',
      '2025-07-08',
    ]);
    // Unattributed, the night into the publication day.
    const bare = 'Drones hit Odesa overnight.';
    expect(findDates(bare, 0, bare.length, '2024-04-25', null, '2024-04-24').map((d) => d.value)).toEqual([
      '2024-04-24/2024-04-25',
    ]);
  });

  it('keeps a background date in a clause about something else, to the end of the sentence, off the event', () => {
    const t = 'Coast guard ships patrolled near Kinmen, which has been held by Taipei since 1949.';
    expect(findDates(t, 0, t.length, '2024-05-24').map((d) => [d.value, d.background])).toEqual([['1949/..', true]]);
  });

  it('opens the interval of what began and went on, not of a toll counted since', () => {
    expect(values('The war broke out in Khartoum in April 2023 and has since killed thousands.')).toEqual(['2023-04']);
    expect(values('The violence began in Mali in 2012 and has spread to Niger.')).toEqual(['2012/..']);
  });
});

describe("dates: the text's own day, the clause of the place, the news an undated sentence goes on with", () => {
  const dated = (t: string, published: string) =>
    suggestFor(t, published)
      .suggestions.filter((x) => x.kind === 'event')
      .map((x) => x.attributes.date);

  it('reads "an overnight attack on January 2" as that day, not the night before publication', () => {
    const t = 'Several more were launched at Kharkiv as part of an overnight attack on January 2.';
    expect(findDates(t, 0, t.length, '2024-01-05').map((d) => d.value)).toEqual(['2024-01-02']);
  });

  it('dates an event by a clause about the place it is drawn at when the main clause dates nothing', () => {
    const t =
      'Britain has supplied Kyiv with cruise missiles, which Ukraine has used against ships in Crimea since last year.';
    expect(dated(t, '2024-03-04')).toEqual(['2023/..']);
    expect(dated('Qatar, which hosted talks in Doha in March, sent aid to Gaza on Monday.', '2024-05-07')).toEqual([
      '2024-05-06',
    ]);
  });

  it('carries the news an article leads with past a day recalled from before it', () => {
    const t =
      'China began drills around Taiwan on Thursday. Lai had said in a speech in Taipei on Monday that Taiwan would not yield. Chinese coast guard ships also patrolled near Kinmen.';
    expect(dated(t, '2024-05-24')).toEqual(['2024-05-23', '2024-05-20', '2024-05-23']);
    // A sentence that refers back to the event told just before goes on with it, recalled or not.
    const back =
      'Ukraine and Russia exchanged prisoners in Abu Dhabi on Wednesday. Moscow says Ukraine shot down a plane over Belgorod on January 24. Kyiv has not confirmed downing the plane over Belgorod, and Zelensky called for an inquiry.';
    expect(dated(back, '2024-02-01').at(-1)).toBe('2024-01-24');
  });
});

describe('dates: when it was said, where it was said, and what had gone on before', () => {
  const events = (t: string, published: string) =>
    suggestFor(t, published)
      .suggestions.filter((x) => x.kind === 'event')
      .map((x) => [x.attributes.date, x.attributes.of ? 'of' : 'event']);

  it('marks a date after a verb of saying and where or how it was said as when it was said', () => {
    const said = (t: string) => findDates(t, 0, t.length, '2023-03-10').map((d) => [d.value, d.reporting ?? false]);
    expect(said('The minister said in Vilnius on Thursday that the border post was closed.')).toEqual([
      ['2023-03-09', true],
    ]);
    expect(said('The general told reporters in Warsaw on Monday that a drone fell near Rzeszow.')).toEqual([
      ['2023-03-06', true],
    ]);
    expect(said('The governor said at a briefing in Kharkiv on Tuesday that two people died.')).toEqual([
      ['2023-03-07', true],
    ]);
    // What was said begins after "that" or a pronoun: a date there is when it happened.
    expect(said('The army said that forces in Bakhmut on Tuesday repelled an assault.')).toEqual([
      ['2023-03-07', false],
    ]);
    expect(said('The ministry said in March it had lost contact with the crew.')).toEqual([['2023-03', false]]);
  });

  it('dates what had gone on before it was said by the month it was said, when no later account dates it', () => {
    // Present perfect, dated only by the saying: the month.
    expect(
      events(
        'Russia has deployed Iskander launchers in Belarus, the defence minister said in Minsk on Tuesday.',
        '2023-05-25',
      ),
    ).toEqual([['2023-05', 'event']]);
    // One act, told in the past ("had seized"), keeps the day it was said.
    expect(events('Rebels in Myanmar said on Sunday that they had seized the town of Lashio.', '2024-08-06')).toEqual([
      ['2024-08-04', 'event'],
    ]);
    // A later account that dates it wins over the month.
    expect(
      events(
        'Russia has fired a new missile at Ukraine, Kyiv said on Friday. The missile was launched at Dnipro on Thursday, Ukrainian officials said.',
        '2024-11-23',
      )[0],
    ).toEqual(['2024-11-21', 'event']);
  });

  it('gives what goes on with an event dated by the month it was said that month too', () => {
    const t =
      'Iran has supplied Russia with ballistic missiles, the U.S. envoy said in Vienna on Tuesday. Iranian instructors trained Russian crews near Tehran.';
    expect(events(t, '2024-09-12')).toEqual([
      ['2024-09', 'event'],
      ['2024-09', 'event'],
    ]);
  });

  it('tells a decision said on a day as an event of its own, not another account of the event before it', () => {
    const t =
      'Drones struck a depot in Odesa on Monday, killing two people. France and Germany said on Tuesday they would send more air defence systems to Ukraine after the attack.';
    expect(events(t, '2024-05-08')).toEqual([
      ['2024-05-06', 'event'],
      ['2024-05-07', 'event'],
    ]);
  });
});

describe('dates: the current period in other words, and the weekend just gone', () => {
  const v = (t: string) => findDates(t, 0, t.length, '2023-08-16').map((d) => d.value);
  it('reads "earlier in the week", "at the start of the month", "since the beginning of the year" against publication', () => {
    // Published on Wednesday 16 August 2023.
    // "earlier" is before the day of the report ("earlier today" would be that day): Monday to Tuesday.
    expect(v('Drones hit Odesa earlier in the week.')).toEqual(['2023-08-14/2023-08-15']);
    expect(v('The port was attacked at the start of the month.')).toEqual(['2023-08']);
    expect(v('The ban has been in force since the beginning of the year.')).toEqual(['2023/..']);
    expect(v('Grain exports had fallen by the end of the year.')).toEqual(['2023']);
    // "the end of the war" names no calendar period.
    expect(v('Grain exports will not recover before the end of the war.')).toEqual([]);
  });
  it('reads "this past weekend" and "the past weekend" as the Saturday and Sunday just gone', () => {
    expect(v('Drones hit Odesa this past weekend.')).toEqual(['2023-08-12/2023-08-13']);
    expect(v('Drones hit Odesa over the past weekend.')).toEqual(['2023-08-12/2023-08-13']);
  });
});

describe('dates: a count from the day it was said', () => {
  const v = (t: string) => findDates(t, 0, t.length, '2024-05-15').map((d) => d.value);
  it('counts "the previous evening", "two days earlier" from the day the sentence says it was said', () => {
    // Published on Wednesday 15 May 2024; said on Tuesday 14 May.
    expect(
      v('Officials in Kharkiv said on Tuesday that shelling had killed three people the previous evening.'),
    ).toEqual(['2024-05-14', '2024-05-13']);
    expect(v('The governor said on Tuesday that the depot had burned two days earlier.')).toEqual([
      '2024-05-14',
      '2024-05-12',
    ]);
    // With no day said in the sentence and no event before it, there is nothing to count from.
    expect(v('Shelling had killed three people the previous evening.')).toEqual([]);
  });
  it('counts "the previous night" from the event told before when the sentence says no day', () => {
    const t = findDates('Drones had hit the port the previous night.', 0, 42, '2024-05-15', '2024-05-12');
    expect(t.map((d) => d.value)).toEqual(['2024-05-11']);
  });
});

describe('dates: night, day-of-month, deadline and begun-run extensions (h-dates)', () => {
  // Published on Friday 12 March 2021.
  const v = (t: string, published = '2021-03-12') => findDates(t, 0, t.length, published).map((d) => d.value);
  it('reads "overnight into Thursday" as the night that ends on that Thursday, not the night before publication', () => {
    expect(v('Bandits raided a mining camp overnight into Thursday, the police said.')).toEqual([
      '2021-03-10/2021-03-11',
    ]);
    expect(v('Shells landed on the harbour overnight to Tuesday.')).toEqual(['2021-03-08/2021-03-09']);
    // Plain "overnight" is still the night into the publication day.
    expect(v('Shells landed on the harbour overnight.')).toEqual(['2021-03-11/2021-03-12']);
  });
  it('reads "the night of Saturday into Sunday" as one night, not two dates', () => {
    expect(v('Gunboats shelled the islet on the night of Saturday into Sunday.', '2021-03-15')).toEqual([
      '2021-03-13/2021-03-14',
    ]);
  });
  it('reads a day of the month given without its month ("on the 9th") as the latest on or before publication', () => {
    expect(v('Polling stations in the delta closed on the 9th.')).toEqual(['2021-03-09']);
    expect(v('The truce collapsed on the evening of the 27th.')).toEqual(['2021-02-27']);
    expect(v('Riots shook the capital from the 3rd to the 5th.')).toEqual(['2021-03-03/2021-03-05']);
    // Not an ordinal before a noun, nor one that is not a day.
    expect(v('The 5th Brigade held the ridge.')).toEqual([]);
    expect(v('It was built on the ruins of the 14th century fort.')).toEqual([]);
    expect(v('The shrine dates from the 5th and 6th centuries.')).toEqual([]);
  });
  it('drops a deadline ahead of publication ("by April 1"), which dates nothing that happened', () => {
    expect(v('The ministry told farmers to register their herds by April 1.')).toEqual([]);
    expect(v('Customs officers had until April 30 to clear the backlog.')).toEqual([]);
    // A yearless date already past after "by" is still a date.
    expect(v('By March 3, the ferry had docked at Sfax.')).toEqual(['2021-03-03']);
  });
  it('reads ", which began on Tuesday, … on Friday" as one run from the day it began', () => {
    expect(v('The evacuation of the island, which began on Tuesday, ended late on Friday.')).toEqual([
      '2021-03-09/2021-03-12',
    ]);
    // A relative clause about something else stays background.
    expect(v('The mayor, who resigned on Tuesday, left the city on Friday.')).toEqual(['2021-03-09', '2021-03-12']);
  });
});

describe('dates: "since 1987, when …" after a superlative (h-dates)', () => {
  const found = (t: string) =>
    findDates(t, 0, t.length, '2021-03-15').map((d) => [d.value, d.background ?? false] as const);
  it('dates the when-clause at its year, not from it on, when the sentence dates nothing else', () => {
    expect(
      found('It was the worst flood in the valley since 1987, when a cyclone drowned 300 people in Sfax.'),
    ).toEqual([['1987', false]]);
    // No superlative: the state goes on since then.
    expect(found('The port has been closed since 2019, when a storm wrecked its pier.')).toEqual([['2019/..', false]]);
  });
  it('keeps it background to a sentence that dates its own event', () => {
    expect(
      found('Storms on Monday flooded Sfax, the worst since 1987, when a cyclone drowned 300 people there.'),
    ).toEqual([
      ['2021-03-15', false],
      ['1987', true],
    ]);
  });
  it('makes a bare year after "the deadliest … since" background, as a dated point of comparison is', () => {
    expect(found('Strikes on Monday killed 40 in Sfax, the deadliest day since 2006.')).toEqual([
      ['2021-03-15', false],
      ['2006/..', true],
    ]);
  });
});

describe('dates: weekday runs told on their first weekday, and spans of years (h-dates)', () => {
  // Published on Monday 15 March 2021.
  const v = (t: string) => findDates(t, 0, t.length, '2021-03-15').map((d) => d.value);
  it('reads "from Monday through Wednesday" told on a Monday as last week\'s run, never after publication', () => {
    expect(v('Dockers struck at the port from Monday through Wednesday.')).toEqual(['2021-03-08/2021-03-10']);
    // Over already: the run stays where it is.
    expect(v('Dockers struck at the port from Friday to Sunday.')).toEqual(['2021-03-12/2021-03-14']);
  });
  it('reads "between 2014 and 2016", "from 2014 to 2016", "in 2014 and 2015" as one span of years', () => {
    expect(v('Militias held the pass between 2011 and 2013.')).toEqual(['2011/2013']);
    expect(v('Militias held the pass from 2011 to 2013.')).toEqual(['2011/2013']);
    expect(v('The pass was closed in 2011 and 2012.')).toEqual(['2011/2012']);
  });
});

describe('dates: holidays, dotted dates, "since the first days of", and the day a count was reached', () => {
  it('reads a holiday on a fixed day as that day, the latest on or before publication or in the year given', () => {
    expect(values('A drone hit the depot on Christmas Day.', '2024-12-29')).toEqual(['2024-12-25']);
    expect(values('Shelling resumed on New Year’s Eve.', '2025-01-02')).toEqual(['2024-12-31']);
    expect(values("The blockade began on New Year's Day 2023.", '2024-06-01')).toEqual(['2023-01-01']);
    expect(values('The ferry sank on Boxing Day last year.', '2024-03-01')).toEqual(['2023-12-26']);
  });
  it('reads a dotted date day first', () => {
    expect(values('The decree of 12.04.2024 closed the border.', '2024-05-01')).toEqual(['2024-04-12']);
  });
  it('reads "since the first days of …", "since the end of …" as from then on', () => {
    expect(
      values('Troops have held the plant since the first days of the war in February 2022.', '2024-05-01'),
    ).toEqual(['2022-02/..']);
    expect(values('The camp has grown since the end of the fighting in 2020.', '2024-05-01')).toEqual(['2020/..']);
  });
  it('marks the day a count was reached ("by Friday"), and does not carry later undated sentences to it', () => {
    const reached = findDates('By Friday the toll had risen to 40.', 0, 35, '2024-04-06');
    expect(reached.map((d) => [d.value, d.reached])).toEqual([['2024-04-05', true]]);
    const t =
      'Floods swept through Valencia on Wednesday. ' +
      'By Friday, rescuers had pulled 40 people from the water in Valencia. ' +
      'Police evacuated hundreds of homes in Madrid.';
    const events = suggestFor(t, '2024-04-06').suggestions.filter((x) => x.kind === 'event');
    expect(events.map((e) => [t.slice(e.start, e.start + 12), e.attributes.date])).toEqual([
      ['Floods swept', '2024-04-03'],
      ['By Friday, r', '2024-04-05'],
      ['Police evacu', '2024-04-03'],
    ]);
  });
});

describe('dates: what later undated sentences are carried to', () => {
  it('carries the date the lead event took (the one nearest its place), not the sentence’s first date', () => {
    const t =
      'Floodwater covered towns across Spain on Friday after a dam near Valencia burst early on Thursday. ' +
      'Police evacuated hundreds of homes in Madrid.';
    const events = suggestFor(t, '2024-04-06').suggestions.filter((x) => x.kind === 'event');
    expect(events.map((e) => e.attributes.date)).toEqual(['2024-04-04', '2024-04-04']);
  });
});

describe('dates: weekdays of a named week, "the previous Sunday", years that name an event', () => {
  it('reads "on Friday last week", "last week on Friday", "on Tuesday this week" as that day of that week', () => {
    // Published on Friday 5 April 2024.
    expect(values('The talks ended on Friday last week.', '2024-04-05')).toEqual(['2024-03-29']);
    expect(values('The talks ended last week on Friday.', '2024-04-05')).toEqual(['2024-03-29']);
    expect(values('The talks began on Tuesday this week.', '2024-04-05')).toEqual(['2024-04-02']);
  });
  it('reads "the previous Sunday" told on a Sunday as the Sunday before, as "last Sunday"', () => {
    expect(values('The vote was held the previous Sunday.', '2025-05-18')).toEqual(['2025-05-11']);
  });
  it('reads a date after "the early morning of"', () => {
    expect(values('The missile was fired in the early morning of Tuesday 7 May.', '2024-05-10')).toEqual([
      '2024-05-07',
    ]);
  });
  it('reads "in the first half of 2023" as the year and "since the 2022 invasion" from that year on', () => {
    expect(values('The plant was shut in the first half of 2023.', '2024-04-08')).toEqual(['2023']);
    expect(values('The town has been shelled since the 2022 invasion.', '2024-05-08')).toEqual(['2022/..']);
    expect(values('Troops were based there in the 2020 war.', '2024-05-08')).toEqual(['2020']);
  });
});

describe('dates: what is to come', () => {
  it('reads no date of what happened in a plan or after publication', () => {
    expect(values('The leaders will meet on Friday.', '2024-05-08')).toEqual([]);
    expect(values('The leaders are due to meet on May 20.', '2024-05-08')).toEqual([]);
    expect(values('The leaders will meet tomorrow.', '2024-05-08')).toEqual([]);
    // A plan said on a day keeps the day it was said.
    expect(values('The ministry said on Monday it would send troops.', '2024-05-08')).toEqual(['2024-05-06']);
  });
});

describe('dates: an account whose "overnight" holds the day of the event told before', () => {
  const published = '2024-03-03';
  it('does not restate the event day of a joining account that says "overnight"', () => {
    const t =
      'The cargo ship sank in the Red Sea near Mocha on Saturday. The coastguard of Eritrea said the vessel had gone down in a storm off Mocha overnight.';
    const ev = suggestFor(t, published).suggestions.filter((x) => x.kind === 'event');
    expect(ev.map((x) => x.attributes.date ?? null)).toEqual(['2024-03-02', null]);
  });
  it('reads such an account as another account, not a new event', () => {
    const s = 'Port officials said the vessel went down in a storm overnight.';
    expect(isAnotherAccount(s, findDates(s, 0, s.length, published), '2024-03-02')).toBe(true);
    // A night that does not hold the day told before is another time.
    expect(isAnotherAccount(s, findDates(s, 0, s.length, published), '2024-02-28')).toBe(false);
  });
});

describe('dates: a toll counted "by" a later day', () => {
  it('joins the event told before as another account, with no date of its own', () => {
    const t =
      'A strong earthquake struck eastern Turkey near Malatya on Monday. By Wednesday evening officials put the toll at more than 900 dead in Malatya and Elazig.';
    const ev = suggestFor(t, '2024-05-16').suggestions.filter((x) => x.kind === 'event');
    expect(ev.map((x) => [x.attributes.of ?? null, x.attributes.date ?? null])).toEqual([
      [null, '2024-05-13'],
      [ev[0].attributes.id, null],
    ]);
    // A count of another kind reached by a day ("had been evacuated by Wednesday") stays an event of its own.
    const other =
      'A strong earthquake struck eastern Turkey near Malatya on Monday. About 1,300 people had been evacuated from Elazig by Wednesday morning.';
    const ev2 = suggestFor(other, '2024-05-16').suggestions.filter((x) => x.kind === 'event');
    expect(ev2.map((x) => x.attributes.date ?? null)).toEqual(['2024-05-13', '2024-05-15']);
  });
});

describe('dates: a day inside an overnight run', () => {
  it('is another event at places apart from the night’s, and a part of it at the same place', () => {
    const apart =
      "Russian drones hit the port of Odesa overnight, Ukraine's air force said. On Monday afternoon, a missile struck a school in Kharkiv, killing two teachers.";
    const ev = suggestFor(apart, '2024-05-14').suggestions.filter((x) => x.kind === 'event');
    expect(ev.map((x) => [x.attributes.of ?? null, x.attributes.place, x.attributes.date])).toEqual([
      [null, 'odesa', '2024-05-13/2024-05-14'],
      [null, 'kharkiv', '2024-05-13'],
    ]);
    const same =
      "Russian drones hit the port of Odesa overnight, Ukraine's air force said. Debris fell on a warehouse in Odesa on Tuesday.";
    const ev2 = suggestFor(same, '2024-05-14').suggestions.filter((x) => x.kind === 'event');
    expect(ev2.map((x) => x.attributes.of ?? null)).toEqual([null, ev2[0].attributes.id]);
  });
});

describe('dates: plans set for a day', () => {
  it('gives no date to what "is scheduled for Friday", "is set for April 20", or happens "next Tuesday"', () => {
    const p = '2025-04-16';
    expect(values('A vote in parliament is scheduled for Friday.', p)).toEqual([]);
    expect(values('The referendum is set for April 20.', p)).toEqual([]);
    expect(values('A summit is planned for Monday in Rome.', p)).toEqual([]);
    expect(values('Envoys meet in Geneva next Tuesday.', p)).toEqual([]);
    // What happened on a day stays dated.
    expect(values('A vote in parliament was held on Friday.', p)).toEqual(['2025-04-11']);
  });
});

describe('dates: a run of N days that ended on the day given', () => {
  it('goes back from the day it ended ("five days of drills ended on Tuesday", "lasted five days and ended")', () => {
    const p = '2025-04-16';
    expect(values('Five days of naval drills ended on Tuesday in the Baltic.', p)).toEqual(['2025-04-11/2025-04-15']);
    expect(values('The exercise lasted four days and concluded on Tuesday.', p)).toEqual(['2025-04-12/2025-04-15']);
    // One that began on the day given still runs forward from it.
    expect(values('The navy began two days of drills on Monday.', p)).toEqual(['2025-04-14/2025-04-15']);
  });
});

describe('dates: "from" a date in the perfect', () => {
  it('reads it as from then on, unless the span is closed or the clause is not in the perfect', () => {
    const p = '2025-04-16';
    expect(values('Tankers have been turned back from the strait from March 15.', p)).toEqual(['2025-03-15/..']);
    expect(values('Flights have been suspended from Monday.', p)).toEqual(['2025-04-14/..']);
    expect(values('Ships were attacked from March 15 to March 20.', p)).toEqual(['2025-03-15/2025-03-20']);
    expect(values('The missile was fired from Crimea on Monday.', p)).toEqual(['2025-04-14']);
  });
});

describe('dates: a season without its year', () => {
  it('is the year it falls in: "last summer" the latest one over, "this spring" / "in the autumn" the latest begun', () => {
    expect(values('Rebels took the town last summer.', '2025-04-16')).toEqual(['2024']);
    expect(values('Rebels took the town last summer.', '2025-10-16')).toEqual(['2025']);
    expect(values('Floods hit the delta this spring.', '2025-04-16')).toEqual(['2025']);
    expect(values('Floods hit the delta in the autumn.', '2025-04-16')).toEqual(['2024']);
    // A season that names a thing is no date.
    expect(values('The summer offensive stalled near Zaporizhzhia.', '2025-04-16')).toEqual([]);
  });
});

describe('dates: one night across two days', () => {
  it('reads "late on Friday and early on Saturday", "on Friday night and Saturday morning" as one interval', () => {
    const p = '2025-04-16';
    expect(values('Drones struck the port late on Friday and early on Saturday.', p)).toEqual([
      '2025-04-11/2025-04-12',
    ]);
    expect(values('Drones struck the port on Friday night and Saturday morning.', p)).toEqual([
      '2025-04-11/2025-04-12',
    ]);
    // Two days told apart stay two.
    expect(values('Drones struck the port on Friday and again on Saturday.', p)).toEqual(['2025-04-11', '2025-04-12']);
  });
});

describe('dates: a dateline with a day', () => {
  it('is the day the story was filed: what was said, and the day "overnight" ends on', () => {
    const p = '2024-01-19';
    const t = 'BEIRUT, Jan 18 (Reuters) - Israeli jets struck villages in southern Lebanon overnight, the army said.';
    const found = findDates(t, 0, t.length, p);
    expect(found.map((d) => [d.value, d.reporting ?? false])).toEqual([
      ['2024-01-18', true],
      ['2024-01-17/2024-01-18', false],
    ]);
    const t2 = 'GOMA, 27 January (AFP) — Rebels entered Goma on Sunday, residents said.';
    expect(suggestFor(t2, '2025-01-28').suggestions.find((x) => x.kind === 'event')?.attributes.date).toBe(
      '2025-01-26',
    );
  });
});

describe('dates: "a fortnight ago"', () => {
  it('is fourteen days before publication', () => {
    expect(values('Militants raided the border post a fortnight ago.', '2025-04-16')).toEqual(['2025-04-02']);
  });
});

describe('dates: h-dates fourth round', () => {
  const at = (s: string, p: string, anchor: string | null = null) =>
    findDates(s, 0, s.length, p, anchor).map((d) => d.value);
  const eventDates = (t: string, p: string) =>
    suggestFor(t, p)
      .suggestions.filter((x) => x.kind === 'event')
      .map((x) => x.attributes.date);

  it('counts "a day after" from a month the sentence gives before it, and gives no day', () => {
    // The event told before (2 September) is not what "a day after" counts from: July is nearer.
    const s = 'In July the rebels shelled the harbour, and a day after they stormed the airfield.';
    const found = findDates(s, 0, s.length, '2024-09-10', '2024-09-02');
    expect(found.map((d) => d.value)).toEqual(['2024-07', '2024-07']);
    expect(found[1].reason).toContain('no day');
    // A count of weeks may leave the month: dropped, not a day.
    expect(
      at('In July the rebels shelled the harbour, and two weeks later they left.', '2024-09-10', '2024-09-02'),
    ).toEqual(['2024-07']);
    // In a draft: both sentences of the second paragraph stay in July.
    expect(
      eventDates(
        'In July, gunmen ambushed a convoy near Gao. A day after, the army shelled positions near Kidal.',
        '2024-09-13',
      ),
    ).toEqual(['2024-07', '2024-07']);
  });

  it('counts from a day the sentence gives before the count, not from the event told before', () => {
    expect(
      at(
        'On Monday the rebels shelled the harbour, and two days later they stormed the airfield.',
        '2024-09-13',
        '2024-08-20',
      ),
    ).toEqual(['2024-09-09', '2024-09-11']);
    // "… on Thursday, three days after X": the count dates X, background to the sentence's event.
    const s =
      'The navy began a two-day exercise off the coast on Thursday, three days after the new minister took office.';
    const found = findDates(s, 0, s.length, '2024-09-13');
    expect(found.find((d) => d.anchored)).toMatchObject({ value: '2024-09-09', background: true });
  });

  it('counts "later that day" from the day a sentence gave even where no event was proposed', () => {
    // "Zzyzxville" is no place the gazetteer knows: that sentence proposes no event, but it dates Wednesday.
    const t =
      'Floods hit Porto on Monday. Early on Wednesday, rescuers searched the rubble in Zzyzxville. Later that day, Portugal declared an emergency.';
    expect(eventDates(t, '2024-09-13')).toEqual(['2024-09-09', '2024-09-11']);
  });

  it('reads "since earlier this month" as an open interval from this month', () => {
    expect(at('No fuel has reached the valley since earlier this month.', '2024-09-20')).toEqual(['2024-09/..']);
    expect(at('No fuel has reached the valley since earlier this year.', '2024-09-20')).toEqual(['2024/..']);
  });

  it('ends "earlier this week" on the day before publication', () => {
    // Published on Thursday 19 September 2024.
    expect(at('The council froze the accounts earlier this week.', '2024-09-19')).toEqual(['2024-09-16/2024-09-18']);
    // On a Tuesday, "earlier this week" is the Monday alone.
    expect(at('The council froze the accounts earlier this week.', '2024-09-17')).toEqual(['2024-09-16']);
  });

  it('reads a thing done "in March 2019 and again in October 2021" as one span', () => {
    expect(at('The army seized power in March 2019 and again in October 2021.', '2024-09-10')).toEqual([
      '2019-03/2021-10',
    ]);
    expect(at('Floods swept the delta in 2017 and once more in 2020.', '2024-09-10')).toEqual(['2017/2020']);
    // Two dates of different things stay apart.
    expect(at('The army seized power in March 2019, and elections were held in October 2021.', '2024-09-10')).toEqual([
      '2019-03',
      '2021-10',
    ]);
  });
});

describe('dates: counts of months and the weekend after', () => {
  const found = (s: string, p: string, anchor: string | null = null) => findDates(s, 0, s.length, p, anchor);
  it('counts "two months after", "three months later" in months from the event told before, with no day', () => {
    // What follows "after" happened two months before the event told before (15 September).
    expect(
      found(
        'The minister said the rebels would pay, two months after the army bombed the depot.',
        '2024-09-16',
        '2024-09-15',
      ).map((d) => d.value),
    ).toEqual(['2024-07']);
    expect(
      found('Three months later the ceasefire collapsed.', '2024-09-16', '2024-05-15').map((d) => d.value),
    ).toEqual(['2024-08']);
    // From the sentence's own date, the clause after "after" is background to its event.
    const own = found('Talks resumed on Monday, two months after they stalled.', '2024-09-18');
    expect(own.map((d) => d.value)).toEqual(['2024-09-16', '2024-07']);
    expect(own[1].background).toBe(true);
    // Nothing to count from: no date (chrono would count from publication).
    expect(found('Three months later the ceasefire collapsed.', '2024-09-16').map((d) => d.value)).toEqual([]);
  });
  it('reads "over the following weekend" as the Saturday and Sunday after the event told before', () => {
    expect(
      found('Crowds gathered in the capital over the following weekend.', '2024-02-24', '2024-02-16').map(
        (d) => d.value,
      ),
    ).toEqual(['2024-02-17/2024-02-18']);
    // Told after a Saturday, it is the next one.
    expect(found('The fair reopened the next weekend.', '2024-03-20', '2024-03-09').map((d) => d.value)).toEqual([
      '2024-03-16/2024-03-17',
    ]);
  });
});
