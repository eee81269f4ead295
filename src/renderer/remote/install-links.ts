import type { Language } from '../../shared/settings';

/**
 * The phone page is installable ("Add to Home Screen"): the manifest and the icons. Added only on
 * the remote's pages, never in the desktop app, whose hosts have no manifest in their CSP.
 */
export function addInstallLinks(doc: Document): void {
  const add = (rel: string, href: string, extra: Record<string, string> = {}) => {
    if (doc.head.querySelector(`link[rel="${rel}"]`)) return;
    const link = doc.createElement('link');
    link.rel = rel;
    link.href = href;
    for (const [name, value] of Object.entries(extra)) link.setAttribute(name, value);
    doc.head.append(link);
  };
  add('manifest', '/manifest.webmanifest');
  add('apple-touch-icon', '/icons/apple-touch-icon.png', { sizes: '180x180' });
}

/** Swedish first: English only for a phone that prefers English over Swedish. */
export function browserLanguage(languages: readonly string[]): Language {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'sv') return 'sv';
    if (base === 'en') return 'en';
  }
  return 'sv';
}
