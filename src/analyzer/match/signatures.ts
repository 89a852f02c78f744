/**
 * The catalog's signatures, compiled once: ordered by priority (desc) then
 * catalog order, split into access-log signatures and the rest, each set
 * behind its own literal prefilter. A line is claimed by the first match.
 */
import type { Catalog, CatalogCause, CatalogSignature, LineKind } from '../types.ts';
import { prefilterKeys } from './literals.ts';
import { Prefilter } from './prefilter.ts';
import { dict } from '../dict.ts';

export interface CompiledSignature {
  sig: CatalogSignature;
  cause: CatalogCause;
  re: RegExp;
  /** Line kind implied by the signature's source (for lines the detector could not classify). */
  kind: LineKind;
}

export interface SignatureMatch {
  compiled: CompiledSignature;
  m: RegExpExecArray;
}

const SOURCE_KIND: Record<string, LineKind> = dict({
  'nginx-error': 'nginx-error',
  'nginx-access': 'nginx-access',
  'nginx-entrypoint': 'nginx-entrypoint',
  'php-fpm': 'php-fpm',
  kernel: 'kernel',
  systemd: 'systemd',
  gunicorn: 'gunicorn',
  uwsgi: 'uwsgi',
  node: 'node',
  apache: 'apache',
  supervisor: 'supervisor',
  ruby: 'ruby',
  platform: 'platform',
  selinux: 'selinux',
  ingress: 'ingress',
  browser: 'browser',
});

class SignatureSet {
  readonly list: CompiledSignature[];
  private readonly prefilter: Prefilter;

  constructor(list: CompiledSignature[]) {
    this.list = list;
    this.prefilter = new Prefilter(list.map((c) => prefilterKeys(c.sig.pattern)));
  }

  match(text: string): SignatureMatch | null {
    if (this.list.length === 0) return null;
    for (const i of this.prefilter.candidates(text)) {
      const compiled = this.list[i]!;
      compiled.re.lastIndex = 0;
      const m = compiled.re.exec(text);
      if (m) return { compiled, m };
    }
    return null;
  }
}

export class SignatureMatcher {
  private readonly access: SignatureSet;
  private readonly other: SignatureSet;
  readonly problems: string[] = [];

  constructor(catalog: Catalog) {
    const all: (CompiledSignature & { order: number })[] = [];
    let order = 0;
    for (const cause of catalog.causes) {
      for (const sig of cause.signatures) {
        let re: RegExp;
        try {
          re = new RegExp(sig.pattern);
        } catch (e) {
          this.problems.push(`signature ${sig.id} (${cause.id}) does not compile and was skipped: ${(e as Error).message}`);
          continue;
        }
        all.push({ sig, cause, re, kind: SOURCE_KIND[sig.source] ?? 'unknown', order: order++ });
      }
    }
    all.sort((a, b) => b.sig.priority - a.sig.priority || a.order - b.order);
    this.access = new SignatureSet(all.filter((c) => c.sig.source === 'nginx-access'));
    this.other = new SignatureSet(all.filter((c) => c.sig.source !== 'nginx-access'));
  }

  get hasAccessSignatures(): boolean {
    return this.access.list.length > 0;
  }

  /** Signatures for access-log lines. */
  matchAccess(text: string): SignatureMatch | null {
    return this.access.match(text);
  }

  /** Signatures for every other line (error logs, app logs, pasted fragments). */
  matchOther(text: string): SignatureMatch | null {
    return this.other.match(text);
  }

  /** Unclassified lines may be a fragment of anything. */
  matchAny(text: string): SignatureMatch | null {
    return this.other.match(text) ?? this.access.match(text);
  }
}
