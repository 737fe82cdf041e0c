/**
 * Starts the download of the page's markdown while Docsify's own script is still arriving: Docsify asks for it only
 * once it runs, a full round trip later. Only a path that looks like one of ours is preloaded; the address is never
 * inserted as HTML (the link is built with DOM properties). `base` is the script's folder (`t/` or nothing).
 */
export function preloadRouteMarkdown(hash: string, base = ''): void {
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  let file: string | null = null;
  if (path === '') file = 'home.md';
  else if (/^chapters\/[\w-]+$/.test(path)) file = `${path}.md`;
  if (!file) return;
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.crossOrigin = 'anonymous';
  link.href = base + file;
  document.head.appendChild(link);
}
