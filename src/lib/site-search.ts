/**
 * Opens Starlight's search dialog from anywhere on a page (the home page's
 * big search box, the `/` shortcut, "search the knowledge base" on an
 * analyzer line), optionally with a query typed in. Browser only.
 */

const INPUT = '#starlight__search .pagefind-ui__search-input';
/** Pagefind's UI is created when the browser is idle after load; wait this long at most. */
const INPUT_WAIT_MS = 10_000;

function waitForInput(): Promise<HTMLInputElement | null> {
  const found = document.querySelector<HTMLInputElement>(INPUT);
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const input = document.querySelector<HTMLInputElement>(INPUT);
      if (input) finish(input);
    });
    const timer = setTimeout(() => finish(null), INPUT_WAIT_MS);
    function finish(input: HTMLInputElement | null) {
      observer.disconnect();
      clearTimeout(timer);
      resolve(input);
    }
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

/**
 * Opens the dialog. Call it from a click handler with that click's event:
 * Starlight closes the dialog on any click outside it that reaches window,
 * and the click that asked for the dialog is one, so it must stop here.
 */
export async function openSiteSearch(query?: string, trigger?: Event): Promise<void> {
  trigger?.stopPropagation();
  const button = document.querySelector<HTMLButtonElement>('site-search button[data-open-modal]');
  const dialog = document.querySelector<HTMLDialogElement>('site-search dialog');
  if (!button || !dialog) return;
  if (!dialog.open) button.click();
  if (query === undefined) return;
  const input = await waitForInput();
  if (!input) return;
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.focus();
}

/** Whether a key press is typing into something (where `/` is a character, not a shortcut). */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

/** `/` opens search, as on many documentation sites (Ctrl/⌘+K is Starlight's own). */
export function bindSlashShortcut(): void {
  window.addEventListener('keydown', (e) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isTyping(e.target)) return;
    if (document.querySelector<HTMLDialogElement>('site-search dialog')?.open) return;
    e.preventDefault();
    void openSiteSearch();
  });
}

/** The part of a log line worth searching for: the message, without timestamp, level and pid. */
export function searchableMessage(line: string): string {
  return line
    .replace(/^\S+ \S+ \[\w+\] \d+#\d+: (\*\d+ )?/, '')
    .replace(/, client: .*$/, '')
    .slice(0, 120)
    .trim();
}
