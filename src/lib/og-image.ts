/**
 * Renders a page's 1200×630 link-preview image at build time: satori lays out
 * the card (title, kind, status codes, layer) as SVG with the Inter font, and
 * resvg rasterises it to PNG. No browser, no network.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';

export interface OgCard {
  title: string;
  description: string;
  /** "Cause", "Status code", … */
  kind: string;
  statuses: number[];
  layer?: string | undefined;
}

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

type Node = { type: string; props: { style?: Record<string, unknown>; children?: Node[] | Node | string } };
const h = (type: string, style: Record<string, unknown>, children?: Node[] | Node | string): Node => ({
  type,
  props: { style, ...(children === undefined ? {} : { children }) },
});

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | null = null;
function loadFonts() {
  const dir = join(process.cwd(), 'node_modules/@fontsource/inter/files');
  fonts ??= [
    { name: 'Inter', data: readFileSync(join(dir, 'inter-latin-400-normal.woff')), weight: 400, style: 'normal' },
    { name: 'Inter', data: readFileSync(join(dir, 'inter-latin-700-normal.woff')), weight: 700, style: 'normal' },
  ];
  return fonts;
}

function statusColor(code: number): string {
  if (code >= 500) return '#f85149';
  if (code >= 400) return '#d29922';
  if (code >= 300) return '#58a6ff';
  return '#3fb950';
}

/** Keeps the Latin-1-ish characters Inter's latin subset can draw. */
function printable(s: string): string {
  return s.replace(/[^\u0020-\u017f\u2013\u2014\u2018-\u201d\u2026\u2192\u00a0]/g, '');
}

export async function renderOgImage(card: OgCard): Promise<Buffer> {
  const title = printable(card.title);
  const description = printable(card.description.length > 170 ? `${card.description.slice(0, 167).trimEnd()}…` : card.description);
  const pill = (text: string, color: string, bg: string): Node =>
    h('div', { display: 'flex', padding: '8px 20px', borderRadius: 999, border: `2px solid ${color}`, color, background: bg, fontSize: 28, fontWeight: 700 }, text);

  const tree = h(
    'div',
    {
      // satori sizes boxes content-box: the padding comes on top of width/height.
      width: OG_WIDTH - 144,
      height: OG_HEIGHT - 128 - 12,
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '64px 72px',
      background: '#0d1117',
      borderBottom: '12px solid #f85149',
      color: '#e6edf3',
      fontFamily: 'Inter',
    },
    [
      h('div', { display: 'flex', alignItems: 'center', justifyContent: 'space-between' }, [
        h('div', { display: 'flex', alignItems: 'center', fontSize: 34, fontWeight: 700, color: '#f85149' }, [
          h('div', { display: 'flex', width: 22, height: 22, borderRadius: 6, background: '#f85149', marginRight: 16 }),
          h('div', { display: 'flex' }, 'badgateway'),
        ]),
        h('div', { display: 'flex', fontSize: 28, color: '#8b949e' }, card.kind),
      ]),
      h('div', { display: 'flex', flexDirection: 'column' }, [
        h('div', { display: 'flex', maxWidth: 1056, fontSize: title.length > 60 ? 54 : 66, fontWeight: 700, lineHeight: 1.15, letterSpacing: -1 }, title),
        h('div', { display: 'flex', maxWidth: 1056, marginTop: 24, fontSize: 28, lineHeight: 1.4, color: '#9da7b3' }, description),
      ]),
      h('div', { display: 'flex', alignItems: 'center', gap: 16 }, [
        ...card.statuses.slice(0, 5).map((s) => pill(String(s), statusColor(s), 'rgba(255,255,255,0.04)')),
        ...(card.layer ? [pill(printable(card.layer), '#c9d1d9', 'rgba(255,255,255,0.06)')] : []),
        h('div', { display: 'flex', marginLeft: 'auto', fontSize: 24, color: '#6e7681' }, 'nginx 502 field guide'),
      ]),
    ],
  );

  const svg = await satori(tree as unknown as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts: loadFonts() });
  return new Resvg(svg, { fitTo: { mode: 'width', value: OG_WIDTH }, font: { loadSystemFonts: false } }).render().asPng();
}
