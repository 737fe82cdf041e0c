/**
 * Docsify's script and Prism's bash grammar are asked for by the first script once the route's prerendered text is
 * painted, not by index.html: asked for with the page, they took the line the first text needed (on the bench's
 * throttled line, 60 of the 100 KB that arrived before the text). Inserted with `async = false`, they run in
 * order, and the grammar, a sixteenth of Docsify's size and asked for with it, registers in the same task as
 * Docsify's script, before Docsify starts (on a zero timer once the document is parsed, 5.0.0 documentReady).
 */
const SCRIPTS = ['vendor/docsify/docsify.min.js', 'vendor/prismjs/prism-bash.min.js'];

export function startDocsify(): void {
  for (const src of SCRIPTS) {
    const script = document.createElement('script');
    script.src = src;
    script.async = false;
    document.body.append(script);
  }
}
