/**
 * Adds Starlight's heading-link markup to rendered article HTML:
 *   <div class="sl-heading-wrapper level-h2"><h2 id="fix">Fix</h2><a class="sl-anchor-link" href="#fix">…</a></div>
 * Only h2–h4 with an id, and only when the HTML has no heading links yet.
 */

/** Starlight's "link-alt" icon. */
const ICON =
  '<path d="m12.11 15.39-3.88 3.88a2.52 2.52 0 0 1-3.5 0 2.47 2.47 0 0 1 0-3.5l3.88-3.88a1 1 0 1 0-1.42-1.42l-3.88 3.89a4.48 4.48 0 0 0 6.33 6.33l3.89-3.88a1 1 0 0 0-1.42-1.42m8.58-12.08a4.49 4.49 0 0 0-6.33 0l-3.89 3.88a1 1 0 1 0 1.42 1.42l3.88-3.88a2.52 2.52 0 0 1 3.5 0 2.47 2.47 0 0 1 0 3.5l-3.88 3.88a1 1 0 0 0 0 1.42 1 1 0 0 0 1.42 0l3.88-3.89a4.49 4.49 0 0 0 0-6.33M8.83 15.17a1 1 0 0 0 .71.29 1 1 0 0 0 .71-.29l4.92-4.92a1 1 0 1 0-1.42-1.42l-4.92 4.92a1 1 0 0 0 0 1.42"/>';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&');

export function addHeadingLinks(html: string, label: (title: string) => string): string {
  if (html.includes('sl-anchor-link')) return html;
  return html.replace(/<h([234]) id="([^"]+)"([^>]*)>([\s\S]*?)<\/h\1>/g, (whole, level: string, id: string, _attrs: string, inner: string) => {
    const title = decode(inner.replace(/<[^>]*>/g, '')).trim();
    return (
      `<div class="sl-heading-wrapper level-h${level}">${whole}<a class="sl-anchor-link" href="#${id}">` +
      `<span aria-hidden="true" class="sl-anchor-icon"><svg width="16" height="16" viewBox="0 0 24 24" fill="currentColor">${ICON}</svg></span>` +
      `<span class="sr-only" data-pagefind-ignore="">${escape(label(title))}</span></a></div>`
    );
  });
}
