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
  summaryLine: '{era}凡{n}年，按本传所计讫于{year}年',
  julian: '{label}：儒略历{day}',
  gregorian: '前推格里历{day}',
  noteHead: '校勘记 · {reading}',
  noteMarker: '校勘记：{reading}',
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
} as const;

export type Words = { readonly [K in keyof typeof WORDS]: string };

/** `fill('公元{year}年', { year: 1088 })`: placeholders are ASCII, so the conversion leaves them as they are. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
