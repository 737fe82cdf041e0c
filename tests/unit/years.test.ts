import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ERA_COLUMNS, EraTable, parseEras, type Era } from '../../src/core/eras.ts';
import { toChineseNumeral } from '../../src/core/numerals.ts';
import {
  START_CONTEXT,
  YearParser,
  assignAnchors,
  entryAnchor,
  yearMarks,
  type YearContext,
  type YearMention,
} from '../../src/core/years.ts';
import { read, readChapters, readSeedParagraphs } from '../../scripts/lib/repo.ts';
import { inputParagraphs } from '../../scripts/years-cli.ts';
import yearIndex from '../../src/generated/year-index.json' with { type: 'json' };

const table = new EraTable(parseEras(read('data/eras.tsv'), 'data/eras.tsv'));
const parser = new YearParser(table);
const chapters = readChapters();
const docs = parser.parseDocuments(chapters.map((c) => ({ file: c.route, paragraphs: c.chapter.paragraphs.map((p) => p.text) })));
const all = docs.flatMap((d) => d.mentions.map((m) => ({ ...m, file: d.file })));

/** Parses a passage (one string a paragraph) from a context; returns its mentions and the end context. */
function parse(paragraphs: string | string[], ctx: Partial<YearContext> = {}) {
  const [doc] = parser.parseDocuments([{ file: 't', paragraphs: typeof paragraphs === 'string' ? [paragraphs] : paragraphs }], {
    ...START_CONTEXT,
    ...ctx,
  });
  return doc!;
}

const SONG = (era: string, year: number): Partial<YearContext> => ({ state: '宋', era, year });
const brief = (m: YearMention) => [m.kind, m.match, m.year, m.era, m.eraYear, m.state] as const;

// ── the chronicle ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Hand-checked from the chapters and the era table (data/eras.tsv), not computed: every year expression that opens
 * an entry, in reading order: [chapter, paragraph, match, year, era, eraYear].
 */
const ENTRIES: [string, number, string, number, string, number][] = [
  ['01-bingchang', 0, '元祐元年', 1086, '元祐', 1],
  ['02-yuanyou', 0, '元祐元年', 1086, '元祐', 1], // 生三岁即位 before it is an age
  ['02-yuanyou', 1, '二年', 1087, '元祐', 2],
  ['02-yuanyou', 2, '三年', 1088, '元祐', 3],
  ['02-yuanyou', 3, '四年', 1089, '元祐', 4],
  ['02-yuanyou', 4, '五年', 1090, '元祐', 5],
  ['02-yuanyou', 4, '六年', 1091, '元祐', 6], // mid-paragraph: 冬，…贺正旦。六年七月
  ['02-yuanyou', 5, '七年', 1092, '元祐', 7],
  ['02-yuanyou', 6, '八年', 1093, '元祐', 8],
  ['03-shaosheng-yuanfu', 0, '绍圣元年', 1094, '绍圣', 1], // = 元祐九年
  ['03-shaosheng-yuanfu', 1, '三年', 1096, '绍圣', 3],
  ['03-shaosheng-yuanfu', 2, '四年', 1097, '绍圣', 4],
  ['03-shaosheng-yuanfu', 3, '元符元年', 1098, '元符', 1],
  ['03-shaosheng-yuanfu', 4, '二年', 1099, '元符', 2],
  ['03-shaosheng-yuanfu', 5, '三年', 1100, '元符', 3],
  ['04-huizong', 0, '建中靖国元年', 1101, '建中靖国', 1],
  ['04-huizong', 1, '崇宁三年', 1104, '崇宁', 3],
  ['04-huizong', 1, '三年', 1104, '崇宁', 3], // 三年，辽以成安公主嫁乾顺: the same year again
  ['04-huizong', 2, '四年', 1105, '崇宁', 4],
  ['04-huizong', 2, '大观元年', 1107, '大观', 1], // after 自是兵连者三年 (a duration)
  ['04-huizong', 3, '政和四年', 1114, '政和', 4],
  ['04-huizong', 4, '五年', 1115, '政和', 5],
  ['04-huizong', 5, '六年', 1116, '政和', 6],
  ['04-huizong', 6, '宣和元年', 1119, '宣和', 1], // = 重和二年
  ['05-qinzong-gaozong', 0, '靖康元年', 1126, '靖康', 1], // 钦宗即位 before it opens no entry
  ['05-qinzong-gaozong', 1, '岁丁未', 1127, '建炎', 1],
  ['05-qinzong-gaozong', 1, '是岁', 1127, '建炎', 1],
];

test('the entries of the chronicle, 1086 … 1127, are exactly the hand-checked list', () => {
  const got = all
    .filter((m) => m.kind === 'entry')
    .map((m) => [m.file.replace('chapters/', ''), m.paragraph, m.match, m.year, m.era, m.eraYear]);
  assert.deepEqual(got, ENTRIES);
  assert.deepEqual(
    all.filter((m) => m.kind === 'entry').map((m) => m.year),
    [1086, 1086, 1087, 1088, 1089, 1090, 1091, 1092, 1093, 1094, 1096, 1097, 1098, 1099, 1100, 1101, 1104, 1104, 1105,
      1107, 1114, 1115, 1116, 1119, 1126, 1127, 1127],
  );
});

test('the references of the chronicle: the back-reference, the reign summary, the gloss', () => {
  const refs = all.filter((m) => m.kind === 'reference').map((m) => [m.match, m.year, m.state, m.era, m.eraYear, m.summary ?? false]);
  assert.deepEqual(refs, [
    ['乾道二年', 1069, '夏', '乾道', 2, true],
    ['天赐礼盛国庆五年', 1074, '夏', '天赐礼盛国庆', 5, true],
    ['大安十一年', 1085, '夏', '大安', 11, true],
    ['天安礼定一年', 1086, '夏', '天安礼定', 1, true],
    ['元丰四年', 1081, '宋', '元丰', 4, false],
    ['建炎元年', 1127, '宋', '建炎', 1, false],
  ]);
});

test('the chronicle parses without a warning, and every match is where its offset says', () => {
  assert.deepEqual(docs.flatMap((d) => d.warnings), []);
  for (const d of docs) {
    const chapter = chapters.find((c) => c.route === d.file)!;
    for (const m of d.mentions) {
      const text = chapter.chapter.paragraphs[m.paragraph]!.text;
      assert.equal(text.slice(m.offset, m.offset + m.match.length), m.match);
      if (m.dateMatch !== undefined) assert.equal(text.slice(m.dateOffset!, m.dateOffset! + m.dateMatch.length), m.dateMatch);
    }
  }
});

test('the seed (plain text, comment line skipped) gives the same years as the chapters', () => {
  const [seed] = parser.parseDocuments([{ file: 'seed', paragraphs: readSeedParagraphs() }]);
  assert.deepEqual(
    seed!.mentions.map((m) => [m.kind, m.match, m.year]),
    all.map((m) => [m.kind, m.match, m.year]),
  );
  // Paragraph 3 of the seed is 元祐三年 (the comment line is not a paragraph).
  const third = seed!.mentions.find((m) => m.year === 1088)!;
  assert.deepEqual([third.paragraph, third.offset, third.match, third.kind], [3, 2, '三年', 'entry']);
});

test('a chapter parsed alone from its starting context in the year index gives what the whole parse gives', () => {
  docs.forEach((d, i) => {
    const entry = yearIndex.chapters[i]!;
    assert.equal(entry.chapter, d.file);
    assert.deepEqual(entry.start, d.start);
    const [alone] = parser.parseDocuments([{ file: d.file, paragraphs: chapters[i]!.chapter.paragraphs.map((p) => p.text) }], entry.start as YearContext);
    assert.deepEqual(alone!.mentions, d.mentions);
  });
});

test('anchors: y1086 in chapter 01, y1086-2 in chapter 02; the year index points at the first entry', () => {
  assert.equal(entryAnchor(1088, 1), 'y1088');
  assert.equal(entryAnchor(1088, 2), 'y1088-2');
  const anchors = assignAnchors(docs).flat().filter((a) => a !== null);
  assert.deepEqual(anchors.slice(0, 3), ['y1086', 'y1086-2', 'y1087']);
  assert.ok(anchors.includes('y1104-2') && anchors.includes('y1127-2'));
  assert.equal(new Set(anchors).size, anchors.length, 'anchors are unique');
  const y1088 = yearIndex.years.find((y) => y.year === 1088)!;
  assert.deepEqual([y1088.chapter, y1088.anchor], ['chapters/02-yuanyou', 'y1088']);
  assert.deepEqual(yearIndex.years.find((y) => y.year === 1086)!.entries, [
    { chapter: 'chapters/01-bingchang', anchor: 'y1086' },
    { chapter: 'chapters/02-yuanyou', anchor: 'y1086-2' },
  ]);
  assert.deepEqual(yearIndex.chapters[1]!.entries[2], { paragraph: 2, offset: 2, end: 4, year: 1088, anchor: 'y1088' });
});

test('the example of the issue: 三年 of 元祐, 1088, with its parallel eras', () => {
  const m = all.find((x) => x.year === 1088 && x.kind === 'entry')!;
  assert.deepEqual([m.year, m.era, m.eraYear, m.state, m.kind, m.paragraph, m.offset, m.match], [1088, '元祐', 3, '宋', 'entry', 2, 2, '三年']);
  assert.deepEqual(m.parallel, [
    { state: '夏', era: '天仪治平', eraYear: 3 },
    { state: '辽', era: '大安', eraYear: 4 },
  ]);
});

// ── traps, one by one ─────────────────────────────────────────────────────────────────────────────────────────

test('durations, ages and counts are not years', () => {
  for (const [text, ctx] of [
    ['　　秋七月乙丑，秉常殂，时年二十六。在位二十年，谥曰康靖皇帝。', SONG('元祐', 1086)],
    ['　　乾顺，惠宗之长子也。母曰昭简文穆皇后梁氏，生三岁即位。', SONG('元祐', 1086)],
    ['　　又攻湟州，自是兵连者三年。', SONG('崇宁', 1105)],
    ['　　曰：「我居汉二十年，每见春廪既虚，秋庾未积。」', SONG('政和', 1114)],
    ['　　震武在山峡中，熙、秦两路不能饷，自筑三岁间，知军李明、孟清皆为夏人所杀。', SONG('宣和', 1119)],
    ['　　五十万众深入吾境，不过十日，三日不克，越七日，岁赐仍旧。', SONG('元符', 1099)],
  ] as const) {
    const d = parse(text, ctx);
    assert.deepEqual(d.mentions.filter((m) => m.kind !== 'date'), [], text);
    assert.equal(d.end.year, ctx.year, text);
  }
});

test('a bare year after a duration still counts: 自是兵连者三年。大观元年 → 1107', () => {
  const d = parse('　　四年，诏西边能招致者。又攻湟州，自是兵连者三年。大观元年，始遣人修贡。', SONG('崇宁', 1104));
  assert.deepEqual(d.mentions.map(brief), [
    ['entry', '四年', 1105, '崇宁', 4, '宋'],
    ['entry', '大观元年', 1107, '大观', 1, '宋'],
  ]);
});

test('崇宁三年…三年，辽以成安公主嫁乾顺: the second 三年 is the same year, not an error', () => {
  const text = chapters.find((c) => c.route === 'chapters/04-huizong')!.chapter.paragraphs[1]!.text;
  const d = parse(text, SONG('建中靖国', 1101));
  assert.deepEqual(d.mentions.map(brief), [
    ['entry', '崇宁三年', 1104, '崇宁', 3, '宋'],
    ['entry', '三年', 1104, '崇宁', 3, '宋'],
  ]);
  assert.deepEqual(d.warnings, []);
});

test('a bare year continues the era across paragraphs and files, also mid-paragraph', () => {
  const [a, b] = parser.parseDocuments([
    { file: 'a', paragraphs: ['　　元祐元年二月，始遣使入贡。', '　　二年正月，遣使。'] },
    { file: 'b', paragraphs: ['　　五年六月，夏人来言。冬，攻兰州。六年七月，遣使来贺坤成节。'] },
  ]);
  assert.deepEqual(a!.mentions.filter((m) => m.kind === 'entry').map((m) => m.year), [1086, 1087]);
  assert.deepEqual(b!.start, { state: '宋', era: '元祐', year: 1087, month: 1, leap: false, day: null });
  assert.deepEqual(b!.mentions.map((m) => [m.kind, m.match, m.year]), [
    ['entry', '五年', 1090],
    ['date', '冬', 1090],
    ['entry', '六年', 1091],
  ]);
});

test('a back-reference is resolved and marked, and does not move the narrative', () => {
  const d = parse('　　元祐元年十月，以父殂，遣使来告哀。诏自元丰四年用兵所得城砦，待归我陷执民，当画以给还。', SONG('元祐', 1086));
  assert.deepEqual(d.mentions.map(brief), [
    ['entry', '元祐元年', 1086, '元祐', 1, '宋'],
    ['reference', '元丰四年', 1081, '元丰', 4, '宋'],
  ]);
  assert.deepEqual([d.end.era, d.end.year, d.end.month], ['元祐', 1086, 10]);
  // An explicit year earlier than the narrative's, even at a sentence start, is a look back, not an entry.
  assert.equal(parse('　　元丰四年，用兵。', SONG('元祐', 1090)).mentions[0]!.kind, 'reference');
  // In speech, nothing opens an entry.
  assert.equal(parse('　　光言：「元祐二年，当与之。」', SONG('元祐', 1086)).mentions[0]!.kind, 'reference');
});

test('a reign summary is reported as references (summary: true) of one state, never as entries', () => {
  const d = parse('　　秋七月乙丑，秉常殂，时年二十六。在位二十年，改元乾道二年，天赐礼盛国庆五年，大安十一年，天安礼定一年。谥曰康靖皇帝。', SONG('元祐', 1086));
  const summary = d.mentions.filter((m) => m.summary);
  assert.deepEqual(summary.map(brief), [
    ['reference', '乾道二年', 1069, '乾道', 2, '夏'], // Song's 乾道 (1165) is not meant
    ['reference', '天赐礼盛国庆五年', 1074, '天赐礼盛国庆', 5, '夏'],
    ['reference', '大安十一年', 1085, '大安', 11, '夏'],
    ['reference', '天安礼定一年', 1086, '天安礼定', 1, '夏'],
  ]);
  // One chronology, the chronicle's own count, year after year: no year between 1068 and 1086 is left out
  // (the table's 天赐礼盛国庆 1069–1074 would leave 天赐礼盛国庆五年 ending in 1073 and 1074 in no era).
  assert.deepEqual(summary.map((m) => m.counted), [[1068, 1069], [1070, 1074], [1075, 1085], [1086, 1086]]);
  for (let k = 1; k < summary.length; k++) assert.equal(summary[k]!.counted![0], summary[k - 1]!.counted![1] + 1);
  assert.deepEqual([d.end.state, d.end.era, d.end.year, d.end.month], ['宋', '元祐', 1086, 7]);
});

test('大安 by context: a state prefix, the length of the era, a ruler named before, the nearest year', () => {
  const one = (text: string, ctx: Partial<YearContext>) => brief(parse(text, ctx).mentions[0]!);
  assert.deepEqual(one('　　辽大安三年，', SONG('元丰', 1080)), ['entry', '大安三年', 1087, '大安', 3, '辽']);
  assert.deepEqual(one('　　至夏大安三年。', SONG('元祐', 1090)), ['reference', '大安三年', 1077, '大安', 3, '夏']);
  // Liao 大安 had ten years: 大安十一年 can only be Xia's.
  assert.deepEqual(one('　　至大安十一年。', SONG('元祐', 1090)), ['reference', '大安十一年', 1085, '大安', 11, '夏']);
  // 秉常 (李秉常) proclaimed the Xia 大安.
  assert.deepEqual(one('　　秉常以大安五年来。', SONG('元祐', 1090)), ['reference', '大安五年', 1079, '大安', 5, '夏']);
  // Nothing else to go by: the year nearest the narrative's (Liao 1089, not Xia 1079 or Jin 1213).
  assert.deepEqual(one('　　至大安五年。', SONG('元祐', 1090)), ['reference', '大安五年', 1089, '大安', 5, '辽']);
});

test('longest era name first: 建中靖国, 天赐礼盛国庆', () => {
  assert.deepEqual(brief(parse('　　建中靖国元年，乾顺始建国学。', SONG('元符', 1100)).mentions[0]!), ['entry', '建中靖国元年', 1101, '建中靖国', 1, '宋']);
  assert.deepEqual(brief(parse('　　夏天赐礼盛国庆二年，', SONG('熙宁', 1069)).mentions[0]!), ['entry', '天赐礼盛国庆二年', 1070, '天赐礼盛国庆', 2, '夏']);
});

test('钦宗即位 opens no entry: 1126 begins with 靖康元年三月', () => {
  const d = docs.find((x) => x.file === 'chapters/05-qinzong-gaozong')!;
  const first = d.mentions[0]!;
  assert.deepEqual([first.kind, first.match, first.offset, first.year], ['entry', '靖康元年', 67, 1126]);
  assert.deepEqual(d.start, { state: '宋', era: '宣和', year: 1119, month: 10, leap: false, day: null });
});

test('岁丁未…时建炎元年也: 1127 from the context (not 1067 or 1187); 是岁 is the same year', () => {
  const d = parse('　　岁丁未，乾顺改元正德，时建炎元年也。是岁九月，金帅兀术回云中。十月，通问使傅雱见金左监军。', SONG('靖康', 1126));
  assert.deepEqual(d.mentions.map(brief), [
    ['entry', '岁丁未', 1127, '建炎', 1, '宋'],
    ['reference', '建炎元年', 1127, '建炎', 1, '宋'],
    ['entry', '是岁', 1127, '建炎', 1, '宋'],
    ['date', '十月', 1127, '建炎', 1, '宋'],
  ]);
  assert.equal(d.mentions[2]!.dateMatch, '九月');
  // The same words earlier in time resolve to the cycle's year at or after the narrative's.
  assert.equal(parse('　　岁丁未，', SONG('治平', 1064)).mentions[0]!.year, 1067);
  // A sexagenary year needs a narrative year to be placed: a warning, no guess.
  const alone = parse('　　岁丁未，');
  assert.deepEqual([alone.mentions.length, alone.warnings.length], [0, 1]);
});

test('a gloss renaming the narrative year switches later bare years to the new era', () => {
  const d = parse('　　五月，改元，时建炎元年也。二年正月，', SONG('靖康', 1127));
  assert.deepEqual(d.mentions.filter((m) => m.kind !== 'date').map(brief), [
    ['reference', '建炎元年', 1127, '建炎', 1, '宋'],
    ['entry', '二年', 1128, '建炎', 2, '宋'],
  ]);
});

test('明年 and 翌日 where they fix a year or a day', () => {
  const d = parse('　　八年四月，复遣使。明年，夏人来。', SONG('元祐', 1092));
  assert.deepEqual(d.mentions.filter((m) => m.kind === 'entry').map(brief), [
    ['entry', '八年', 1093, '元祐', 8, '宋'],
    ['entry', '明年', 1094, '绍圣', 1, '宋'], // the era in force at the year's end
  ]);
  const day = parse('　　元祐元年秋七月乙丑，秉常殂。翌日，子乾顺立。', SONG('元丰', 1085)).mentions[1]!;
  assert.deepEqual([day.kind, day.match, day.date], ['date', '翌日', { julian: '1086-08-22', gregorian: '1086-08-28' }]);
  // After a month (no day), 翌日 fixes nothing.
  const month = parse('　　闰九月，古邈川部族叛。翌日，夏人马数万围愍等。', { ...SONG('元符', 1099), month: 9 });
  assert.deepEqual(month.mentions.map((m) => m.match), ['闰九月']);
});

test('era-change years: 元祐九年 = 绍圣元年 = 1094, 重和二年 = 宣和元年 = 1119, 靖康二年 = 建炎元年 = 1127', () => {
  const years = (text: string, ctx: Partial<YearContext>) => parse(text, ctx).mentions.map((m) => [m.match, m.year, m.era, m.eraYear]);
  assert.deepEqual(years('　　八年四月，复遣使。九年，', SONG('元祐', 1092)), [
    ['八年', 1093, '元祐', 8],
    ['九年', 1094, '元祐', 9],
  ]);
  assert.deepEqual(years('　　绍圣元年二月，夏进马。三年九月，大入鄜延。', SONG('元祐', 1093)), [
    ['绍圣元年', 1094, '绍圣', 1],
    ['三年', 1096, '绍圣', 3],
  ]);
  assert.deepEqual(years('　　重和二年，', SONG('重和', 1118)), [['重和二年', 1119, '重和', 2]]);
  assert.deepEqual(years('　　宣和元年，', SONG('重和', 1118)), [['宣和元年', 1119, '宣和', 1]]);
  assert.deepEqual(years('　　政和八年，', SONG('政和', 1117)), [['政和八年', 1118, '政和', 8]]);
  assert.deepEqual(years('　　靖康二年，', SONG('靖康', 1126)), [['靖康二年', 1127, '靖康', 2]]);
  assert.deepEqual(years('　　建炎元年，', SONG('靖康', 1126)), [['建炎元年', 1127, '建炎', 1]]);
  // The other era of a change-year is among the parallels.
  const m = parse('　　九年，', SONG('元祐', 1093)).mentions[0]!;
  assert.ok(m.parallel.some((p) => p.state === '宋' && p.era === '绍圣' && p.eraYear === 1));
  // Past the end of its era a bare year is not guessed: 元祐 ended in its ninth year.
  const past = parse('　　十年，', SONG('元祐', 1094));
  assert.deepEqual([past.mentions.length, past.warnings.length], [0, 1]);
});

test('numerals up to 四十, and nothing beyond', () => {
  const long: Era = { state: '宋', name: '长寿', rulerTemple: '测试', rulerName: '测试', first: 1000, last: 1049, startMonth: null, source: 'test', line: 0 };
  const p = new YearParser(new EraTable([long]));
  const ctx: YearContext = { ...START_CONTEXT, state: '宋', era: '长寿', year: 1000 };
  for (let n = 1; n <= 40; n++) {
    const written = n === 1 ? '元' : toChineseNumeral(n);
    const explicit = p.parseParagraph(`　　长寿${written}年，`, ctx).mentions[0];
    assert.equal(explicit?.year, 999 + n, `长寿${written}年`);
    assert.equal(p.parseParagraph(`　　${written}年，`, ctx).mentions[0]?.year, 999 + n, `${written}年`);
  }
  assert.equal(p.parseParagraph('　　长寿四十年，', ctx).mentions[0]?.eraYear, 40);
  assert.equal(p.parseParagraph('　　长寿廿三年，', ctx).mentions[0]?.eraYear, 23);
  assert.equal(p.parseParagraph('　　长寿一年，', ctx).mentions[0]?.eraYear, 1);
  assert.deepEqual(p.parseParagraph('　　长寿四十一年，', ctx).mentions, []);
  assert.deepEqual(p.parseParagraph('　　四十五年，', ctx).mentions, []);
});

// ── dates ─────────────────────────────────────────────────────────────────────────────────────────────────────

test('元祐元年二月，…五月，…秋七月乙丑: the month after the year and the dates later in the entry', () => {
  const ms = all.filter((m) => m.file === 'chapters/01-bingchang' && m.kind !== 'reference');
  assert.deepEqual(
    ms.map((m) => [m.kind, m.match, m.dateMatch, m.date]),
    [
      ['entry', '元祐元年', '二月', { julian: ['1086-02-17', '1086-03-17'], gregorian: ['1086-02-23', '1086-03-23'] }],
      ['date', '五月', '五月', { julian: ['1086-06-14', '1086-07-13'], gregorian: ['1086-06-20', '1086-07-19'] }],
      ['date', '六月', '六月', { julian: ['1086-07-14', '1086-08-11'], gregorian: ['1086-07-20', '1086-08-17'] }],
      ['date', '秋七月乙丑', '秋七月乙丑', { julian: '1086-08-21', gregorian: '1086-08-27' }],
    ],
  );
  assert.deepEqual([ms[0]!.offset, ms[0]!.dateOffset], [2, 6]);
});

test('元祐元年七月乙丑 written in one piece: the year match and the date match', () => {
  const m = parse('　　元祐元年七月乙丑，秉常殂。', SONG('元丰', 1085)).mentions[0]!;
  assert.deepEqual([m.match, m.offset, m.dateMatch, m.dateOffset], ['元祐元年', 2, '七月乙丑', 6]);
  assert.deepEqual(m.date, { julian: '1086-08-21', gregorian: '1086-08-27' });
  assert.deepEqual(
    yearMarks([m]).map((k) => [k.part, k.start, k.end]),
    [['year', 2, 6], ['date', 6, 10]],
  );
});

test('元符二年闰九月 = Julian 1099-10-17 … 11-14; 元符元年十二月 runs into 1099', () => {
  const ms = all.filter((m) => m.file === 'chapters/03-shaosheng-yuanfu');
  const leap = ms.find((m) => m.match === '闰九月')!;
  assert.deepEqual([leap.kind, leap.year, leap.eraYear], ['date', 1099, 2]);
  assert.deepEqual(leap.date, { julian: ['1099-10-17', '1099-11-14'], gregorian: ['1099-10-23', '1099-11-20'] });
  const dec = ms.find((m) => m.match === '元符元年')!;
  assert.deepEqual([dec.year, dec.dateMatch], [1098, '十二月']);
  assert.deepEqual(dec.date, { julian: ['1098-12-26', '1099-01-23'], gregorian: ['1099-01-01', '1099-01-29'] });
});

test('a twelfth-month day of 元祐元年 falls in 1087 (hand-computed from the table row of 1086)', () => {
  // Row 1086: 正月初一 = JDN 2117737, leap month 2; months 30 29 29(闰二) 30 29 30 29 30 30 29 30 30 29 days, so
  // 十二月 starts at 2117737 + 355 = 2118092 = Julian 1087-01-08 (乙酉) and has 29 days; 丙戌 is its second day.
  const d = parse('　　元祐元年十二月丙戌，遣使。十二月，', SONG('元丰', 1085));
  assert.deepEqual(d.mentions[0]!.date, { julian: '1087-01-09', gregorian: '1087-01-15' });
  assert.equal(d.mentions[0]!.year, 1086, 'the year stays the Chinese year');
  assert.deepEqual(d.mentions[1]!.date, { julian: ['1087-01-08', '1087-02-05'], gregorian: ['1087-01-14', '1087-02-11'] });
});

test('seasons and months only where they date something (冬， 五年春 — not 春廪, 秋庾, 冬服)', () => {
  const text = chapters.find((c) => c.route === 'chapters/04-huizong')!.chapter.paragraphs[3]!.text;
  const d = parse(text, SONG('大观', 1107));
  assert.deepEqual(d.mentions.map((m) => [m.kind, m.match, m.dateMatch]), [['entry', '政和四年', '冬']]);
  const e = parse('　　遣使押赐夏国生日礼物及冬服。七月坤成节、十二月兴龙节皆遣使来贺。', { ...SONG('元祐', 1089), month: 6 });
  assert.deepEqual(e.mentions.map((m) => m.match), ['七月', '十二月']);
  assert.deepEqual(e.mentions[1]!.date, { julian: ['1090-01-04', '1090-02-02'], gregorian: ['1090-01-10', '1090-02-08'] });
});

test('a leap month the year does not have is reported, not resolved', () => {
  const d = parse('　　闰八月，', { ...SONG('元符', 1099), month: 8 });
  assert.deepEqual(d.mentions, []);
  assert.match(d.warnings[0]!, /no leap month 8/);
});

test('the context is plain JSON and parseParagraph does not change the one given', () => {
  const ctx: YearContext = { ...START_CONTEXT, state: '宋', era: '元祐', year: 1086 };
  const copy = JSON.parse(JSON.stringify(ctx)) as YearContext;
  const r = parser.parseParagraph('　　二年正月，', ctx);
  assert.deepEqual(ctx, copy);
  assert.deepEqual(JSON.parse(JSON.stringify(r.ctx)), r.ctx);
  assert.deepEqual(r.ctx, { state: '宋', era: '元祐', year: 1087, month: 1, leap: false, day: null });
});

test('the CLI reads a chapter through parseChapter and other files one line a paragraph', () => {
  assert.deepEqual(inputParagraphs('x.md', '# 标题\n\n　　二年，\n\n　　三年，\n'), ['　　二年，', '　　三年，']);
  assert.deepEqual(inputParagraphs('x.md', '　　二年，\n\n　　三年，\n'), ['　　二年，', '　　三年，']);
  assert.deepEqual(inputParagraphs('x.txt', '<!-- { "loadSidebar": true } -->\n　　二年，\n\n　　三年，\n'), ['　　二年，', '　　三年，']);
});

// ── every warning path, from tests/fixtures/year-warnings.txt ─────────────────────────────────────────────────

const WARNING_CASES = read('tests/fixtures/year-warnings.txt')
  .split(/\n\s*\n/)
  .filter((block) => /^case: /m.test(block))
  .map((block) => {
    const field = (key: string): string[] => block.split('\n').filter((l) => l.startsWith(`${key}: `)).map((l) => l.slice(key.length + 2));
    const context = field('context')[0];
    return {
      name: field('case')[0]!,
      text: field('text')[0]!,
      context: context ? (JSON.parse(context) as YearContext) : START_CONTEXT,
      warn: field('warn'),
      placed: field('placed'),
    };
  });

test('the warning fixtures cover every warning the parser can give', () => {
  const source = read('src/core/years.ts');
  const paths = source.match(/this\.warn\(/g)?.length ?? 0;
  assert.ok(paths > 0);
  assert.equal(WARNING_CASES.length, paths, 'one fixture case per this.warn( in src/core/years.ts');
});

for (const c of WARNING_CASES) {
  test(`warning: ${c.name}`, () => {
    const r = parser.parseParagraph(c.text, c.context);
    assert.deepEqual(r.warnings.map((w) => w.replace(/^paragraph \d+, offset \d+: /, '')), c.warn);
    // What warns is not placed (no mention is the warned expression), unless the case says how it is still read.
    for (const w of c.warn) {
      const expr = w.split(/[:=]/)[0]!.trim();
      assert.deepEqual(r.mentions.filter((m) => m.match === expr).map((m) => m.kind), c.placed, `${expr} is placed as ${c.placed.join() || 'nothing'}`);
    }
  });
}

// ── parallel eras at month precision ─────────────────────────────────────────────────────────────────────────

const songNames = (eras: Era[]) => eras.filter((e) => e.state === '宋').map((e) => e.name);

test('in a change-year the month decides the era: 元符 from 六月 1098, 宣和 from 二月 1119', () => {
  assert.deepEqual(songNames(table.inYear(1098)), ['绍圣', '元符']);
  assert.deepEqual(songNames(table.inMonth(1098, 12)), ['元符'], '元符元年十二月 is not 绍圣五年');
  assert.deepEqual(songNames(table.inMonth(1098, 5)), ['绍圣']);
  assert.deepEqual(songNames(table.inMonth(1098, 6)), ['元符'], 'the start month is the new era’s');
  assert.deepEqual(songNames(table.inMonth(1119, 10)), ['宣和'], '宣和元年十月 is not 重和二年');
  assert.deepEqual(songNames(table.inMonth(1119, 1)), ['重和']);
  // A year without a change keeps its one era; other states come along, each by its own start month.
  assert.deepEqual(songNames(table.inMonth(1088, 3)), ['元祐']);
  assert.deepEqual(table.inMonth(1088, 3).map((e) => e.state), ['宋', '夏', '辽']);
  // Xia 天仪治平 began in 八月 1086 (its start month is in the table); 天安礼定 keeps the months before.
  assert.deepEqual(table.inMonth(1086, 7, false, '夏').map((e) => e.name), ['天安礼定']);
  assert.deepEqual(table.inMonth(1086, 10, false, '夏').map((e) => e.name), ['天仪治平']);
});

test('month precision: leap months sit after their month, three eras in one year, unknown start months keep both', () => {
  const t = new EraTable(
    parseEras(
      [
        ERA_COLUMNS.join('\t'),
        '夏\t甲\t景宗\t李元昊\t1032\t1100\t\ttest',
        '夏\t乙\t景宗\t李元昊\t1100\t1100\t闰9\ttest',
        '夏\t丙\t崇宗\t李乾顺\t1100\t1150\t11\ttest',
        '夏\t丁\t崇宗\t李乾顺\t1150\t1227\t\ttest',
      ].join('\n'),
      't.tsv',
    ),
  );
  const at = (y: number, m: number, leap = false) => t.inMonth(y, m, leap, '夏').map((e) => e.name);
  assert.deepEqual(at(1100, 9), ['甲']);
  assert.deepEqual(at(1100, 9, true), ['乙']);
  assert.deepEqual(at(1100, 10), ['乙']);
  assert.deepEqual(at(1100, 11), ['丙']);
  assert.deepEqual(at(1150, 3), ['丙', '丁'], 'no start month: both, never a guess');
});

test('a dated mention lists only the parallel eras of its month', () => {
  const m = parse('　　元符元年十二月，泾原折可适掩夏西', SONG('绍圣', 1097)).mentions[0]!;
  assert.deepEqual([m.match, m.year, m.era, m.month], ['元符元年', 1098, '元符', { month: 12, leap: false }]);
  assert.ok(!m.parallel.some((p) => p.era === '绍圣'), JSON.stringify(m.parallel));
  const [y, d] = parse('　　宣和元年，童贯出兵。十月，夏人来。', SONG('重和', 1118)).mentions;
  // 宣和元年 without a month belongs to the year, which is also 重和二年 …
  assert.ok(y!.parallel.some((p) => p.era === '重和' && p.eraYear === 2));
  // … but its 十月 is 宣和's alone.
  assert.deepEqual([d!.kind, d!.month], ['date', { month: 10, leap: false }]);
  assert.ok(!d!.parallel.some((p) => p.era === '重和'), JSON.stringify(d!.parallel));
  // A season names no single month: both eras stay.
  const s = parse('　　宣和元年，童贯出兵。冬，夏人来。', SONG('重和', 1118)).mentions[1]!;
  assert.equal(s.month, undefined);
});
