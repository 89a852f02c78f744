/**
 * The page side of "Save all for offline": talks to the active service worker
 * over a MessageChannel ("status", then "save-all" with progress messages).
 * Browser only.
 */

type Reply =
  | { type: 'status'; saved: number; total: number; bytes: number }
  | { type: 'progress'; done: number; total: number; failed: number }
  | { type: 'done'; saved: number; total: number; failed: number };

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

function ask(worker: ServiceWorker, type: string, onReply: (r: Reply) => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = (e: MessageEvent<Reply>) => onReply(e.data);
  worker.postMessage({ type }, [channel.port2]);
}

export function saveOffline(root: HTMLElement): void {
  if (!('serviceWorker' in navigator)) return;
  const status = root.querySelector<HTMLElement>('[data-save-offline-status]')!;
  const button = root.querySelector<HTMLButtonElement>('[data-save-offline-button]')!;
  const bar = root.querySelector<HTMLProgressElement>('[data-save-offline-progress]')!;

  void navigator.serviceWorker.ready.then((reg) => {
    const worker = reg.active;
    if (!worker) return;
    root.hidden = false;
    ask(worker, 'status', (r) => {
      if (r.type !== 'status') return;
      if (r.saved >= r.total) {
        status.textContent = `Every page is saved on this device (${r.total} files): the whole guide works offline.`;
        button.textContent = 'Check for missing pages';
      } else {
        button.textContent = `Save all for offline (${mb(r.bytes)})`;
      }
    });
    button.addEventListener('click', () => {
      button.disabled = true;
      bar.hidden = false;
      bar.value = 0;
      status.textContent = 'Saving every page for offline use…';
      ask(worker, 'save-all', (r) => {
        if (r.type === 'progress') {
          bar.value = r.total ? (100 * r.done) / r.total : 100;
          status.textContent = `Saving for offline: ${r.done} of ${r.total} files${r.failed ? ` (${r.failed} failed)` : ''}…`;
        } else if (r.type === 'done') {
          button.disabled = false;
          bar.value = 100;
          status.textContent = r.failed
            ? `Saved ${r.saved} of ${r.total} files; ${r.failed} could not be downloaded. Try again when the connection is better.`
            : `Saved: all ${r.total} files are on this device, the whole guide works offline.`;
          button.textContent = r.failed ? 'Try again' : 'Check for missing pages';
        }
      });
    });
  });
}
