/**
 * A forgiving nginx configuration parser: comments, single/double quotes and
 * backslash escapes (nginx's own rules), blocks (`map`, `if`, `upstream`…),
 * `nginx -T` "# configuration file X:" markers, and `include` expanded against
 * the files of the same dump. Unbalanced braces, a missing `;` or an
 * unterminated quote give a partial tree and a warning, never an exception.
 * What people cut when posting is tolerated: ellipses (`...`, `…`) are dropped,
 * and a line that starts with a known directive name ends a previous directive
 * whose `;` is missing.
 */
import { isDirectiveName } from './defaults.ts';

export interface ConfDirective {
  name: string;
  args: string[];
  /** 1-based input line of the directive's name. */
  line: number;
  /** File it came from (nginx -T marker), when known. */
  file?: string;
  block?: ConfDirective[];
}

export interface ConfigLine {
  line: number;
  text: string;
}

export interface ParsedNginxConfig {
  /** The effective tree: root files with their includes expanded. */
  directives: ConfDirective[];
  /** Every file section as written (before include expansion). */
  files: Map<string, ConfDirective[]>;
  warnings: string[];
  /** `include` directives whose files were not in the input (stock files excepted). */
  missingIncludes: ConfDirective[];
  /** Input lines where the poster cut something ("...", "…"). */
  elided: number[];
  /** Pass directives commented out with "#" ("# fastcgi_pass unix:/run/php/php8.2-fpm.sock;"): the alternatives a poster kept. */
  commentedPasses: ConfDirective[];
}

/** "# fastcgi_pass unix:/run/php/php8.2-fpm.sock;" — a pass directive a poster kept commented out. */
const COMMENTED_PASS = /^#+\s*((?:fastcgi|proxy|uwsgi|grpc|scgi)_pass)\s+([^\s;#]+)\s*;/;
/** A posted cut: "...", "…", "[...]", "(...)", "etc". */
const ELLIPSIS = /^(?:\.{2,}|…+|\[(?:\.{2,}|…)\]|\((?:\.{2,}|…)\))$/;
/** Blocks whose entries are not directives (a key there may look like a directive name). */
const DATA_BLOCKS = new Set(['map', 'types', 'geo', 'split_clients', 'match', 'charset_map']);
const LEADING_NAME = /^\s*([a-z_][a-z0-9_]*)(?=[\s;{]|$)/;

const ANON = '(pasted)';
const FILE_MARKER = /^#\s*configuration file\s+(\S+?):?\s*$/;

interface Frame {
  list: ConfDirective[];
  owner?: ConfDirective;
}

export function parseNginxConfig(lines: ConfigLine[]): ParsedNginxConfig {
  const files = new Map<string, ConfDirective[]>();
  const order: string[] = [];
  const warnings: string[] = [];
  let file = ANON;
  let stack: Frame[] = [];
  let words: string[] = [];
  let wordsLine = 0;

  const openFile = (name: string): void => {
    let list = files.get(name);
    if (!list) {
      list = [];
      files.set(name, list);
      order.push(name);
    }
    stack = [{ list }];
  };
  openFile(ANON);

  const where = (line: number): string => (file === ANON ? `line ${line}` : `${file} (input line ${line})`);
  const top = (): Frame => stack[stack.length - 1]!;
  const emit = (withBlock: boolean): ConfDirective | undefined => {
    if (words.length === 0) return undefined;
    const d: ConfDirective = { name: words[0]!, args: words.slice(1), line: wordsLine };
    if (file !== ANON) d.file = file;
    if (withBlock) d.block = [];
    top().list.push(d);
    words = [];
    return d;
  };
  const closeFile = (): void => {
    if (words.length) {
      warnings.push(`directive "${words[0]}" at ${where(wordsLine)} is not terminated by ";" (kept anyway)`);
      emit(false);
    }
    if (stack.length > 1) {
      const open = stack.slice(1).map((f) => `"${f.owner?.name ?? '?'}" (input line ${f.owner?.line ?? '?'})`);
      warnings.push(`unbalanced braces: ${stack.length - 1} block(s) not closed in ${file === ANON ? 'the pasted configuration' : file}: ${open.join(', ')}; the rules used a partial configuration`);
    }
  };

  const elided: number[] = [];
  const commentedPasses: ConfDirective[] = [];
  for (const { line, text } of lines) {
    let i = 0;
    const n = text.length;
    // A known directive name at the start of a line ends a directive that lost its ";".
    if (words.length > 0 && wordsLine !== line && isDirectiveName(words[0]!) && !DATA_BLOCKS.has(top().owner?.name ?? '')) {
      const m = LEADING_NAME.exec(text);
      if (m && isDirectiveName(m[1]!) && words[0] !== 'log_format') {
        warnings.push(`directive "${words[0]}" at ${where(wordsLine)} is not terminated by ";" (kept anyway)`);
        emit(false);
      }
    }
    while (i < n) {
      const c = text[i]!;
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\v') {
        i++;
        continue;
      }
      if (c === '#') {
        if (words.length === 0) {
          const m = FILE_MARKER.exec(text.slice(i));
          if (m) {
            closeFile();
            file = m[1]!;
            openFile(file);
          }
          const p = COMMENTED_PASS.exec(text.slice(i));
          if (p && commentedPasses.length < 100) commentedPasses.push({ name: p[1]!, args: [p[2]!], line });
        }
        break; // the rest of the line is a comment
      }
      if (c === ';') {
        if (words.length === 0) warnings.push(`stray ";" at ${where(line)}`);
        emit(false);
        i++;
        continue;
      }
      if (c === '{') {
        if (words.length === 0) {
          warnings.push(`"{" without a directive name at ${where(line)}`);
          words = ['(anonymous)'];
          wordsLine = line;
        }
        const d = emit(true)!;
        stack.push({ list: d.block!, owner: d });
        i++;
        continue;
      }
      if (c === '}') {
        if (words.length) {
          warnings.push(`directive "${words[0]}" at ${where(wordsLine)} is not terminated by ";" (kept anyway)`);
          emit(false);
        }
        if (stack.length > 1) stack.pop();
        else warnings.push(`unbalanced braces: unexpected "}" at ${where(line)} (ignored)`);
        i++;
        continue;
      }
      // A word: quoted or bare; escapes as nginx reads them.
      let w = '';
      if (c === '"' || c === "'") {
        let j = i + 1;
        let closed = false;
        while (j < n) {
          const ch = text[j]!;
          if (ch === '\\' && j + 1 < n) {
            w += unescape(text[j + 1]!);
            j += 2;
            continue;
          }
          if (ch === c) {
            closed = true;
            break;
          }
          w += ch;
          j++;
        }
        if (!closed) {
          // Quotes may span lines in nginx; we keep it simple and end at the line.
          warnings.push(`unterminated quote at ${where(line)}`);
        }
        i = j + 1;
      } else {
        let j = i;
        while (j < n) {
          const ch = text[j]!;
          if (ch === ' ' || ch === '\t' || ch === ';' || ch === '{' || ch === '}' || ch === '\r' || ch === '\n') break;
          if (ch === '\\' && j + 1 < n) {
            w += unescape(text[j + 1]!);
            j += 2;
            continue;
          }
          w += ch;
          j++;
        }
        i = j;
      }
      if (ELLIPSIS.test(w) && c !== '"' && c !== "'") {
        if (elided[elided.length - 1] !== line) elided.push(line);
        continue;
      }
      if (words.length === 0) wordsLine = line;
      words.push(w);
    }
  }
  closeFile();
  if (files.get(ANON)?.length === 0 && order.length > 1) {
    files.delete(ANON);
    order.splice(order.indexOf(ANON), 1);
  }
  const missingIncludes: ConfDirective[] = [];
  return { directives: expandIncludes(files, order, warnings, missingIncludes), files, warnings, missingIncludes, elided, commentedPasses };
}

/** Stock files shipped with nginx or the distributions: nothing in them changes upstream error behaviour. */
const STOCK_INCLUDE = /(?:^|\/)(?:mime\.types|fastcgi_params|fastcgi\.conf|proxy_params|uwsgi_params|scgi_params|koi-utf|koi-win|win-utf|snippets\/fastcgi-php\.conf|modules-enabled\/\*\.conf|letsencrypt\/options-ssl-nginx\.conf|snippets\/snakeoil\.conf)$/;

export function isStockInclude(path: string): boolean {
  return STOCK_INCLUDE.test(path);
}

function unescape(ch: string): string {
  if (ch === 'n') return '\n';
  if (ch === 't') return '\t';
  if (ch === 'r') return '\r';
  if (ch === '"' || ch === "'" || ch === '\\') return ch;
  return `\\${ch}`;
}

function globToRegExp(glob: string): RegExp {
  const src = glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  try {
    return new RegExp(`^${src}$`);
  } catch {
    // An unterminated or invalid "[…]" class: match the brackets literally.
    return new RegExp(`^${src.replace(/[[\]]/g, '\\$&').replace(/\\\[\^\/\\\]/g, '[^/]')}$`);
  }
}

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i + 1);
}

/** Splices included files in place of `include` directives; files nobody includes are roots. */
function expandIncludes(files: Map<string, ConfDirective[]>, order: string[], warnings: string[], missing: ConfDirective[]): ConfDirective[] {
  const names = order.filter((f) => f !== ANON);
  const confDir = names[0] ? dirname(names[0]) : '/etc/nginx/';
  const included = new Set<string>();
  const resolve = (pattern: string): string[] => {
    const abs = pattern.startsWith('/') ? pattern : confDir + pattern;
    const re = globToRegExp(abs);
    return names.filter((f) => re.test(f));
  };
  // First pass: which files are included by someone.
  const visit = (list: ConfDirective[]): void => {
    for (const d of list) {
      if (d.name === 'include' && d.args[0]) for (const f of resolve(d.args[0])) included.add(f);
      if (d.block) visit(d.block);
    }
  };
  for (const f of order) visit(files.get(f)!);

  const expand = (list: ConfDirective[], seen: string[]): ConfDirective[] => {
    const out: ConfDirective[] = [];
    for (const d of list) {
      if (d.name === 'include' && d.args[0] && !d.block) {
        const targets = resolve(d.args[0]);
        if (targets.length === 0) {
          // In an nginx -T dump every included file is printed: a glob that matched none is an empty directory, not a gap.
          const dumpGlob = names.length > 0 && /[*?[]/.test(d.args[0]);
          if (!isStockInclude(d.args[0]) && !dumpGlob && !missing.includes(d)) missing.push(d);
          out.push(d);
          continue;
        }
        for (const t of targets) {
          if (seen.includes(t) || seen.length > 16) {
            warnings.push(`include loop or too deep nesting at ${t}; not expanded again`);
            continue;
          }
          out.push(...expand(files.get(t)!, [...seen, t]));
        }
        continue;
      }
      out.push(d.block ? { ...d, block: expand(d.block, seen) } : d);
    }
    return out;
  };
  const roots = order.filter((f) => !included.has(f));
  return roots.flatMap((f) => expand(files.get(f)!, [f]));
}
