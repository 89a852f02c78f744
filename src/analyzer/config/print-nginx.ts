/** Prints a directive tree back to nginx syntax (used by the round-trip property test and for evidence). */
import type { ConfDirective } from './parse-nginx.ts';

const BARE = /^[^\s;{}#"'\\]+$/;
/** Bare ellipses are read as a posted cut, so an argument that is one must be quoted. */
const CUT = /^(?:\.{2,}|…+|\[(?:\.{2,}|…)\]|\((?:\.{2,}|…)\))$/;

export function quoteArg(a: string): string {
  if (BARE.test(a) && !CUT.test(a)) return a;
  return `"${a.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r')}"`;
}

export function printNginxConfig(list: ConfDirective[], indent = ''): string {
  let out = '';
  for (const d of list) {
    const head = [quoteArg(d.name), ...d.args.map(quoteArg)].join(' ');
    if (d.block) {
      out += `${indent}${head} {\n${printNginxConfig(d.block, `${indent}    `)}${indent}}\n`;
    } else {
      out += `${indent}${head};\n`;
    }
  }
  return out;
}
