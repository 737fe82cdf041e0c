/**
 * The reader's remembered settings (script, mode, filters, size, appearance, …): one key a setting under the site's
 * prefix in localStorage. Storage can be refused (private modes, a sandbox): a setting then lasts the visit.
 */
const PREFIX = 'song-shi-xia-guo-zhuan:';

export function recall(name: string): string | null {
  try {
    return localStorage.getItem(PREFIX + name);
  } catch {
    return null;
  }
}

export function remember(name: string, value: string): void {
  try {
    localStorage.setItem(PREFIX + name, value);
  } catch {
    // Refused: see above.
  }
}
