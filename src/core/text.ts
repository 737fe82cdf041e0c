/**
 * The chronicle's text as the features see it: a chapter's paragraphs as plain text, equal to the rendered
 * `<p>`'s textContent, plus the explicit term markup found in them.
 *
 * Chapter markdown is deliberately poor: a `# ` heading, paragraphs separated by blank lines, and one inline
 * construct, `<span data-term="…">…</span>`, that pins or suppresses a glossary term at one place (HTML so that
 * Docsify renders it as it is and the text stays the text).
 */
import { Lexer } from 'marked';

/** A glossary override at one place: `term` is the glossary term meant there, or null for "no annotation here". */
export interface TermOverride {
  start: number;
  end: number;
  term: string | null;
}

export interface Paragraph {
  /** Plain text: what the reader sees, including the source's full-width indentation. */
  text: string;
  overrides: TermOverride[];
  /** 1-based line of the paragraph in the markdown file, for messages. */
  line: number;
}

export interface Chapter {
  title: string;
  paragraphs: Paragraph[];
}

const OPEN = /^<span data-term="([^"<>]*)">$/;
const CLOSE = '</span>';
/** An entity would show as its character in the rendered paragraph, not as written: refused like markup. */
const ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z][\da-z]*);/i;

/**
 * Plain text and overrides of one markdown paragraph, read by marked's lexer (the one Docsify renders with), so
 * the text is what the rendered `<p>` shows; throws on markup other than the term span.
 */
export function paragraphText(markdown: string): { text: string; overrides: TermOverride[] } {
  const overrides: TermOverride[] = [];
  let text = '';
  let open: { start: number; term: string | null } | null = null;
  const refuse = (raw: string): never => {
    const at = /[<>*_`[\]\\&~!]/.exec(raw);
    throw new Error(`unexpected markup ${JSON.stringify(at ? at[0] : raw.slice(0, 1))} at offset ${text.length}`);
  };
  for (const token of Lexer.lexInline(markdown)) {
    if (token.type === 'text' && !('tokens' in token && token.tokens?.length)) {
      if (ENTITY.test(token.raw) || token.raw !== token.text) refuse(token.raw);
      text += token.text;
    } else if (token.type === 'html' && !open && OPEN.test(token.raw)) {
      const term = OPEN.exec(token.raw)![1]!;
      open = { start: text.length, term: term ? term : null };
    } else if (token.type === 'html' && open && token.raw === CLOSE) {
      overrides.push({ start: open.start, end: text.length, term: open.term });
      open = null;
    } else {
      refuse(token.raw);
    }
  }
  if (open) refuse('<span');
  return { text, overrides };
}

/** Parses a chapter file. `file` only names it in errors. */
export function parseChapter(markdown: string, file = 'chapter'): Chapter {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const headingAt = lines.findIndex((l) => l.startsWith('# '));
  if (headingAt < 0) throw new Error(`${file}:1: a chapter starts with a "# " heading`);
  const title = lines[headingAt]!.slice(2).trim();
  const paragraphs: Paragraph[] = [];
  for (let i = headingAt + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    if (line.startsWith('#')) throw new Error(`${file}:${i + 1}: a chapter has one heading`);
    // Each paragraph of the source is one line; a continuation line would be joined by markdown with a
    // newline the reader cannot see, so it is refused rather than silently merged.
    if (i + 1 < lines.length && lines[i + 1]!.trim() !== '') {
      throw new Error(`${file}:${i + 2}: paragraphs are separated by a blank line`);
    }
    try {
      paragraphs.push({ ...paragraphText(line), line: i + 1 });
    } catch (e) {
      throw new Error(`${file}:${i + 1}: ${(e as Error).message}`);
    }
  }
  return { title, paragraphs };
}

/** A chapter's plain text, paragraphs joined by "\n": where the glossary checks that its forms occur. */
export function chapterText(chapter: Chapter): string {
  return chapter.paragraphs.map((p) => p.text).join('\n');
}

/** The seed's paragraphs: one a line, without the HTML comment on its first line. */
export function seedParagraphs(seed: string): string[] {
  return seed
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((l) => l.trim() !== '' && !/^<!--.*-->$/.test(l.trim()));
}
