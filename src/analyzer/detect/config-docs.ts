/**
 * Configuration that is neither nginx nor PHP-FPM, pasted among the logs:
 * docker-compose / Kubernetes YAML documents, uWSGI `[uwsgi]` ini sections and
 * `uwsgi --flag` command lines; and the nginx version any line reveals. The
 * analyzer asks `line()` before its nginx/PHP-FPM heuristics; the buffered
 * documents go to the config check at the end.
 */
import type { ConfigLine } from '../config/parse-nginx.ts';
import { looksLikeUwsgiCommand } from '../config/parse-uwsgi.ts';
import { sniffNginxVersion, type NginxVersion } from '../config/nginx-version.ts';
import { sniffIngressController, type IngressController } from '../config/ingress-controller.ts';

/** Top-level keys that open a compose file or a Kubernetes object. */
const YAML_START = /^(?:services|version|apiVersion|kind|x-[\w-]+|(?:nginx\.org|nginx\.ingress\.kubernetes\.io)\/[\w-]+):(?:\s|$)/;
const YAML_KEY = /^[\w./-]+:(?:\s|$)/;
const INI_KV = /^[A-Za-z][\w.-]*\s*=/;

export type ConfigDocKind = 'yaml' | 'uwsgi';

export class ConfigDocs {
  /** One entry per YAML block (blocks separated by other input are parsed apart). */
  readonly yaml: ConfigLine[][] = [];
  /** `[uwsgi]` ini sections, one entry each. */
  readonly uwsgiIni: ConfigLine[][] = [];
  readonly uwsgiCommands: ConfigLine[] = [];
  version: NginxVersion | null = null;
  /** The ingress controller an image name shows (first one wins). */
  controller: IngressController | null = null;
  private mode: ConfigDocKind | null = null;
  /** This block of a larger input starts inside a document its previous block opened (see `resume`). */
  private continued: ConfigDocKind | null = null;
  private chars = 0;
  private readonly maxChars: number;

  constructor(maxChars: number) {
    this.maxChars = maxChars;
  }

  /** Notes the nginx version and the ingress controller if the line shows them (first one wins). */
  sniff(n: number, text: string): void {
    if (!this.controller) this.controller = sniffIngressController(text, n);
    if (this.version) return;
    const v = sniffNginxVersion(text, n);
    if (v) this.version = v;
  }

  /** Claims the line when it belongs to a YAML document or uWSGI configuration. `t` is the trimmed line. */
  line(n: number, text: string, t: string): ConfigDocKind | null {
    this.sniff(n, text);
    const col0 = text.length > 0 && text.charCodeAt(0) > 32;
    if (this.mode === 'yaml') {
      if (!col0 || t.startsWith('-') || t.startsWith('#') || t === '---' || YAML_KEY.test(t)) return this.keep(this.yaml, n, text, 'yaml');
      this.mode = null;
    } else if (this.mode === 'uwsgi') {
      if (INI_KV.test(t) || t.startsWith(';') || t.startsWith('#')) return this.keep(this.uwsgiIni, n, text, 'uwsgi');
      this.mode = null;
    }
    if (col0 && YAML_START.test(t)) {
      this.mode = 'yaml';
      this.yaml.push([]);
      return this.keep(this.yaml, n, text, 'yaml');
    }
    if (t.length === 7 && t.toLowerCase() === '[uwsgi]') {
      this.mode = 'uwsgi';
      this.uwsgiIni.push([]);
      return this.keep(this.uwsgiIni, n, text, 'uwsgi');
    }
    if (t.includes('uwsgi') && looksLikeUwsgiCommand(t)) {
      this.uwsgiCommands.push({ line: n, text });
      return 'uwsgi';
    }
    return null;
  }

  /** Another kind of line came: the current document ended. */
  leave(): void {
    this.mode = null;
  }

  /** The document kind a line continues (carried from one block of an input to the next). */
  get current(): ConfigDocKind | null {
    return this.mode;
  }

  /** Starts a block inside a document of `mode` that the previous block opened; `merge` joins the two parts. */
  resume(mode: ConfigDocKind | null): void {
    this.mode = mode;
    if (mode === null) return;
    this.continued = mode;
    (mode === 'yaml' ? this.yaml : this.uwsgiIni).push([]);
  }

  /** Adds the documents of a later block of the same input (`o` may be a structured-cloned copy). */
  merge(o: ConfigDocs): void {
    const join = (into: ConfigLine[][], from: ConfigLine[][], first: boolean): void => {
      from.forEach((doc, i) => {
        if (i === 0 && first && into.length > 0) into[into.length - 1]!.push(...doc);
        else into.push([...doc]);
      });
    };
    join(this.yaml, o.yaml, o.continued === 'yaml');
    join(this.uwsgiIni, o.uwsgiIni, o.continued === 'uwsgi');
    this.uwsgiCommands.push(...o.uwsgiCommands);
    this.version ??= o.version;
    this.controller ??= o.controller;
    this.chars += o.chars;
    this.mode = o.mode;
  }

  get empty(): boolean {
    return this.yaml.length === 0 && this.uwsgiIni.length === 0 && this.uwsgiCommands.length === 0;
  }

  private keep(into: ConfigLine[][], n: number, text: string, kind: ConfigDocKind): ConfigDocKind {
    if (this.chars + text.length <= this.maxChars) {
      this.chars += text.length;
      into[into.length - 1]!.push({ line: n, text });
    }
    return kind;
  }
}
