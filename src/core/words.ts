/**
 * The words the page itself writes into what a reader reads (bubbles, notes, the glossary's labels), in simplified
 * characters. `npm run gen` converts them with the text's own converter into src/generated/traditional.json, so a
 * traditional page shows no simplified word and the page never converts anything itself.
 */
export const WORDS = {
  gregorianYear: '公元{year}年',
  entryYear: '本条纪年',
  summaryYear: '纪元总述中的年份',
  referenceYear: '文中提及的年份',
  summaryOwn: '本传：{era}凡{n}年。按本传年数逐年相续，当{span}',
  summarySame: '{own}，与本站年表同。',
  summaryTable: '{own}；本站年表从DDBC作{span}。',
  yearOne: '{a}年',
  yearSpan: '{a}—{b}年',
  dispute: '一说{state}{era}当{span}（本站年表从DDBC作{table}）：{basis}据{sources}。此年{inTable}，此说{inReading}。',
  disputeTableIs: '本站年表为{year}',
  disputeReadingIs: '为{year}',
  disputeNotEra: '已非{era}',
  disputeTableNot: '本站年表已非{era}',
  eraGloss: '年号{era}：{gloss}',
  eraGlossSee: '（见{link}）',
  glossaryIndex: '注释索引',
  julian: '{label}：儒略历{day}',
  gregorian: '前推格里历{day}',
  noteHead: '校勘记{n} · {reading}',
  noteMarker: '校勘记{n}：{reading}',
  noteEntry: '见校勘记{n}',
  modern: '今地：',
  mapTitle: '在地图上查看（OpenStreetMap）',
  seeAlso: '又见：',
  allPlaces: '……共 {n} 处',
  source: '据：{sources}',
  legend: '注释：',
  legendIndex: '索引',
  宋: '宋',
  夏: '夏',
  辽: '辽',
  金: '金',
  person: '人物',
  state: '国族',
  place: '地名',
  office: '官职',
  institution: '机构',
  era: '年号',
  object: '名物',
  term: '词语',
  picLinks: '本章图示',
  picChapterMap: '本章地图',
  picTimeline: '时间线',
} as const;

export type Words = { readonly [K in keyof typeof WORDS]: string };

/** `fill('公元{year}年', { year: 1088 })`: placeholders are ASCII, so the conversion leaves them as they are. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
