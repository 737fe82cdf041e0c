/**
 * What the base text is and what the corrections rest on: said once here and shown wherever a reader meets a
 * correction (every textual note, the 校勘记 page, the home page; tests hold them to these words).
 */

/** The edition statement in full, for the home page and the head of the 校勘记 page. */
export const EDITION_STATEMENT =
  '本书底本为《宋史》卷四百八十六《外国二·夏国下》的一种今人标点简体录文，来源不明，文字就所能核对者大体同中华书局点校本；' +
  '改字所据为文渊阁四库全书本《宋史》（简称四库本）与《续资治通鉴长编》（简称《长编》），中华书局点校本未能参校。';

/** The chapter divisions are the reader's: the statement shown once with the edition statement. */
export const CHAPTERS_STATEMENT = '分章及章题为本书所加，非《宋史》原有；《宋史》此卷不分章。';

/** The short form every textual note ends with. */
export const NOTE_EDITION = '（底本：来源不明之今人标点简体录文；校以四库本《宋史》、《长编》；中华本未参校。）';
