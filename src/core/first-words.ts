/**
 * The words of the first script: what the page must say before the features chunk (and with it the traditional
 * page's words, t/data/page.json) has arrived, or when nothing else could be fetched — a page that failed to load,
 * what the address guard changed, the site's name for Docsify. `npm run gen` converts them with the text's converter
 * into src/generated/first-words.json, which bundles both scripts (they are few); the shell reads
 * `firstWords[script()]` (src/site/script/first-words.ts). Placeholders are filled with `fill()` (core/words.ts).
 */
export const FIRST_WORDS = {
  failedTitle: '此页未能载入',
  missingTitle: '此页不存在',
  offline: '未能取得「{route}」：网络连接中断（也许已经离线，而这一页尚未存入本机）。请联网后重新载入本页。',
  missing: '本书没有「{route}」这一页（服务器答复 404）。地址可能有误，或者章节已经改名。',
  tooLong: '地址「{route}」太长，服务器拒绝了这一请求（答复 {status}）。',
  failed: '服务器未能提供「{route}」（答复 {status}）。请稍后重新载入本页。',
  home: '回到首页',
  choose: '从左侧目录选择章节，或按年份打开：例如 ',
  example: '元祐三年（1088）',
  // The address guard (core/address.ts).
  badEncoding: '地址的编码有误（% 后不是两位十六进制数），已略去 %。',
  unsafeCharacters: '地址中的字符{chars}不能用于本书的地址，已略去；按「{route}」打开。',
  badId: '链接所指的位置「{id}」不是本书的锚点，已打开页首。',
  // Docsify's app name (the sidebar's head, the tab's title after each page's) and index.html's own words, which
  // the first script puts in the reader's script (index.html is one file for both).
  siteName: '宋史·夏国传',
  pageTitle: '宋史·夏国传（元祐元年—建炎元年）',
  loading: '正在载入…',
  // The heading of a year link's page until the years feature writes its message (years/year-redirect.ts).
  yearTitle: '年份',
} as const;

export type FirstWords = { readonly [K in keyof typeof FIRST_WORDS]: string };
