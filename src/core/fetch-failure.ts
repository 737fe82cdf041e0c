/**
 * What the page says when a page's file could not be fetched (offline before it was cached, a 404, a 431 for an
 * address too long to ask for). Docsify alone shows 「0 -」 or 「431 - Request Header Fields Too Large」 as the
 * page's heading and the features then decorate it like a chapter. Pure: the shell writes it with textContent.
 *
 * These words are the first script's (the page must say this even when nothing else could be fetched), so their
 * traditional form is generated with the text's converter into src/generated/first-words.json and bundled.
 */
import { shown } from './address.ts';
import { fill } from './words.ts';

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
} as const;

export type FirstWords = { readonly [K in keyof typeof FIRST_WORDS]: string };

/** A route is shown whole up to this many characters (the longest chapter's is 30). */
const MAX_ROUTE = 48;

export interface FetchFailure {
  title: string;
  /** What failed and the route read, in a sentence. */
  text: string;
}

/** `status` is the HTTP status of the failed request, 0 when no answer came (offline, aborted). */
export function fetchFailure(route: string, status: number, w: FirstWords = FIRST_WORDS): FetchFailure {
  const values = { route: shown(route.replace(/^\//, ''), MAX_ROUTE), status };
  if (status === 404) return { title: w.missingTitle, text: fill(w.missing, values) };
  const text = status === 0 ? w.offline : status === 414 || status === 431 ? w.tooLong : w.failed;
  return { title: w.failedTitle, text: fill(text, values) };
}
