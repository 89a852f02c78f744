/**
 * docker-compose files and Kubernetes objects (Ingress, Service, Deployment,
 * ingress-nginx ConfigMap) pasted as YAML, read with a real YAML parser. Each
 * value keeps its input line for evidence. A document that is not valid YAML
 * gives a warning and is skipped, never an exception.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import type { ConfigLine } from './parse-nginx.ts';

export interface Located<T> {
  value: T;
  line: number;
}

export interface ComposeService {
  name: string;
  line: number;
  image?: Located<string>;
  containerName?: string;
  /** "8080:3000" → published 8080, target 3000 (container port). */
  ports: { published?: string; target: string; line: number }[];
  expose: Located<string>[];
  env: Map<string, Located<string>>;
  networks: string[];
  /** Aliases this service is known by on its networks (links and network aliases included). */
  aliases: string[];
  links: string[];
  volumes: { source: string; target: string; line: number }[];
  networkMode?: string;
  command?: Located<string>;
}

export interface ComposeFile {
  services: Map<string, ComposeService>;
  line: number;
}

export interface KubeIngress {
  name: string;
  line: number;
  annotations: Map<string, Located<string>>;
  className?: string;
  backends: { host?: string; path?: string; service: string; port: string; line: number }[];
}

export interface KubeService {
  name: string;
  line: number;
  selector: Map<string, string>;
  ports: { port: string; targetPort?: string; name?: string; appProtocol?: string; line: number }[];
}

export interface KubeWorkload {
  name: string;
  line: number;
  labels: Map<string, string>;
  containerPorts: Located<string>[];
  images: Located<string>[];
}

export interface DeployConfig {
  compose: ComposeFile[];
  ingresses: KubeIngress[];
  services: KubeService[];
  workloads: KubeWorkload[];
  /** ingress-nginx ConfigMap keys (global defaults for every Ingress). */
  controllerConfig: Map<string, Located<string>>;
  /** Networks compose files declare as external (created by another project, e.g. nginx-proxy's). */
  composeExternalNetworks?: string[];
  warnings: string[];
}

type Doc = ReturnType<typeof parseAllDocuments>;

export function parseDeployYaml(lines: ConfigLine[]): DeployConfig {
  const out: DeployConfig = { compose: [], ingresses: [], services: [], workloads: [], controllerConfig: new Map(), warnings: [] };
  if (lines.length === 0) return out;
  // Rebuild the text with the input's gaps (blank or foreign lines) as empty lines, so positions map back.
  const first = lines[0]!.line;
  const rows: string[] = [];
  for (const l of lines) {
    while (first + rows.length < l.line) rows.push('');
    rows.push(l.text);
  }
  const counter = new LineCounter();
  let docs: Doc;
  try {
    docs = parseAllDocuments(rows.join('\n'), { lineCounter: counter, uniqueKeys: false, strict: false });
  } catch (e) {
    out.warnings.push(`YAML could not be read (${(e as Error).message}); it was skipped`);
    return out;
  }
  const list = Array.isArray(docs) ? docs : [];
  const lineOf = (n: Node | null | undefined): number => first - 1 + (n?.range ? counter.linePos(n.range[0]).line : 1);
  for (const doc of list) {
    if (doc.errors.length) {
      out.warnings.push(`YAML document near input line ${lineOf(doc.contents as Node)} has errors (${doc.errors[0]!.message.split('\n')[0]}); read as far as possible`);
    }
    const root = doc.contents;
    if (!isMap(root)) continue;
    const top = mapOf(root, lineOf);
    if (top.has('services') && isMap(top.get('services')!.node)) {
      out.compose.push(readCompose(top.get('services')!.node as Node, lineOf));
      for (const [name, n] of mapOf(top.get('networks')?.node, lineOf)) {
        const ext = mapOf(n.node, lineOf).get('external');
        if (ext && (scalar(ext.node) === 'true' || isMap(ext.node))) (out.composeExternalNetworks ??= []).push(name);
      }
    }
    const kind = scalar(top.get('kind')?.node);
    if (kind === 'Ingress') out.ingresses.push(readIngress(top, lineOf));
    else if (kind === 'Service') out.services.push(readService(top, lineOf));
    else if (kind === 'Deployment' || kind === 'StatefulSet' || kind === 'DaemonSet' || kind === 'Pod') out.workloads.push(readWorkload(kind, top, lineOf));
    else if (!kind && !top.has('services') && [...top.keys()].some((k) => /^(?:nginx\.org|nginx\.ingress\.kubernetes\.io)\//.test(k))) {
      // Annotation lines pasted on their own: an Ingress we only see the annotations of.
      const ing: KubeIngress = { name: '(pasted annotations)', line: lineOf(root), annotations: new Map(), backends: [] };
      for (const [k, v] of top) ing.annotations.set(k, { value: scalar(v.node) ?? '', line: v.line });
      out.ingresses.push(ing);
    } else if (kind === 'ConfigMap') {
      const data = top.get('data');
      if (data && isMap(data.node)) for (const [k, v] of mapOf(data.node, lineOf)) out.controllerConfig.set(k, { value: scalar(v.node) ?? '', line: v.line });
    }
  }
  return out;
}

interface Entry {
  node: Node | null;
  line: number;
}

function mapOf(node: unknown, lineOf: (n: Node | null | undefined) => number): Map<string, Entry> {
  const m = new Map<string, Entry>();
  if (!isMap(node)) return m;
  for (const p of node.items) {
    if (!isPair(p)) continue;
    const k = isScalar(p.key) ? String(p.key.value) : null;
    if (k === null) continue;
    m.set(k, { node: (p.value as Node | null) ?? null, line: lineOf(p.key as Node) });
  }
  return m;
}

function scalar(node: unknown): string | undefined {
  if (isScalar(node)) return node.value === null || node.value === undefined ? '' : String(node.value);
  return undefined;
}

function seqItems(node: unknown): Node[] {
  return isSeq(node) ? (node.items as Node[]) : [];
}

function readCompose(services: Node, lineOf: (n: Node | null | undefined) => number): ComposeFile {
  const file: ComposeFile = { services: new Map(), line: lineOf(services) };
  for (const [name, e] of mapOf(services, lineOf)) {
    const s = mapOf(e.node, lineOf);
    const svc: ComposeService = { name, line: e.line, ports: [], expose: [], env: new Map(), networks: [], aliases: [], links: [], volumes: [] };
    const image = s.get('image');
    if (image) svc.image = { value: scalar(image.node) ?? '', line: image.line };
    svc.containerName = scalar(s.get('container_name')?.node);
    const hostname = scalar(s.get('hostname')?.node);
    if (hostname) svc.aliases.push(hostname);
    svc.networkMode = scalar(s.get('network_mode')?.node);
    const cmd = s.get('command');
    if (cmd) svc.command = { value: isSeq(cmd.node) ? seqItems(cmd.node).map((x) => scalar(x) ?? '').join(' ') : (scalar(cmd.node) ?? ''), line: cmd.line };
    for (const p of seqItems(s.get('ports')?.node)) {
      const line = lineOf(p);
      if (isMap(p)) {
        const m = mapOf(p, lineOf);
        const target = scalar(m.get('target')?.node);
        if (target) svc.ports.push({ target, published: scalar(m.get('published')?.node), line });
        continue;
      }
      // "[ip:]published:target[/proto]" or "target"
      const v = (scalar(p) ?? '').replace(/\/(?:tcp|udp)$/, '');
      const parts = v.startsWith('[') ? v.replace(/^\[[^\]]*\]:/, '').split(':') : v.split(':');
      const target = parts[parts.length - 1]!;
      const published = parts.length >= 2 ? parts[parts.length - 2] : undefined;
      if (target) svc.ports.push({ target, published, line });
    }
    for (const x of seqItems(s.get('expose')?.node)) svc.expose.push({ value: (scalar(x) ?? '').replace(/\/(?:tcp|udp)$/, ''), line: lineOf(x) });
    const env = s.get('environment');
    if (env && isMap(env.node)) for (const [k, v] of mapOf(env.node, lineOf)) svc.env.set(k, { value: scalar(v.node) ?? '', line: v.line });
    else for (const x of seqItems(env?.node)) {
      const t = scalar(x) ?? '';
      const eq = t.indexOf('=');
      if (eq > 0) svc.env.set(t.slice(0, eq), { value: t.slice(eq + 1), line: lineOf(x) });
    }
    const nets = s.get('networks');
    if (nets && isMap(nets.node)) {
      for (const [k, v] of mapOf(nets.node, lineOf)) {
        svc.networks.push(k);
        for (const a of seqItems(mapOf(v.node, lineOf).get('aliases')?.node)) svc.aliases.push(scalar(a) ?? '');
      }
    } else for (const x of seqItems(nets?.node)) svc.networks.push(scalar(x) ?? '');
    for (const x of seqItems(s.get('links')?.node)) {
      const t = scalar(x) ?? '';
      svc.links.push(t);
    }
    for (const x of seqItems(s.get('volumes')?.node)) {
      if (isMap(x)) {
        const m = mapOf(x, lineOf);
        svc.volumes.push({ source: scalar(m.get('source')?.node) ?? '', target: scalar(m.get('target')?.node) ?? '', line: lineOf(x) });
        continue;
      }
      const parts = (scalar(x) ?? '').split(':');
      if (parts.length >= 2) svc.volumes.push({ source: parts[0]!, target: parts[1]!, line: lineOf(x) });
    }
    file.services.set(name, svc);
  }
  return file;
}

function metaName(top: Map<string, Entry>, lineOf: (n: Node | null | undefined) => number): { name: string; meta: Map<string, Entry> } {
  const meta = mapOf(top.get('metadata')?.node, lineOf);
  return { name: scalar(meta.get('name')?.node) ?? '(unnamed)', meta };
}

function readIngress(top: Map<string, Entry>, lineOf: (n: Node | null | undefined) => number): KubeIngress {
  const { name, meta } = metaName(top, lineOf);
  const ing: KubeIngress = { name, line: top.get('kind')!.line, annotations: new Map(), backends: [] };
  for (const [k, v] of mapOf(meta.get('annotations')?.node, lineOf)) ing.annotations.set(k, { value: scalar(v.node) ?? '', line: v.line });
  const spec = mapOf(top.get('spec')?.node, lineOf);
  ing.className = scalar(spec.get('ingressClassName')?.node) ?? ing.annotations.get('kubernetes.io/ingress.class')?.value;
  const backend = (b: unknown, host: string | undefined, path: string | undefined, line: number): void => {
    const m = mapOf(b, lineOf);
    // networking.k8s.io/v1: service: {name, port: {number|name}}; v1beta1: serviceName / servicePort.
    const svc = mapOf(m.get('service')?.node, lineOf);
    const port = mapOf(svc.get('port')?.node, lineOf);
    const service = scalar(svc.get('name')?.node) ?? scalar(m.get('serviceName')?.node);
    const p = scalar(port.get('number')?.node) ?? scalar(port.get('name')?.node) ?? scalar(m.get('servicePort')?.node) ?? '';
    if (service) ing.backends.push({ host, path, service, port: p, line });
  };
  const def = spec.get('defaultBackend') ?? spec.get('backend');
  if (def) backend(def.node, undefined, undefined, def.line);
  for (const r of seqItems(spec.get('rules')?.node)) {
    const rm = mapOf(r, lineOf);
    const host = scalar(rm.get('host')?.node);
    for (const p of seqItems(mapOf(rm.get('http')?.node, lineOf).get('paths')?.node)) {
      const pm = mapOf(p, lineOf);
      const b = pm.get('backend');
      if (b) backend(b.node, host, scalar(pm.get('path')?.node), b.line);
    }
  }
  return ing;
}

function readService(top: Map<string, Entry>, lineOf: (n: Node | null | undefined) => number): KubeService {
  const { name } = metaName(top, lineOf);
  const spec = mapOf(top.get('spec')?.node, lineOf);
  const svc: KubeService = { name, line: top.get('kind')!.line, selector: new Map(), ports: [] };
  for (const [k, v] of mapOf(spec.get('selector')?.node, lineOf)) svc.selector.set(k, scalar(v.node) ?? '');
  for (const p of seqItems(spec.get('ports')?.node)) {
    const m = mapOf(p, lineOf);
    svc.ports.push({ port: scalar(m.get('port')?.node) ?? '', targetPort: scalar(m.get('targetPort')?.node), name: scalar(m.get('name')?.node), appProtocol: scalar(m.get('appProtocol')?.node), line: lineOf(p) });
  }
  return svc;
}

function readWorkload(kind: string, top: Map<string, Entry>, lineOf: (n: Node | null | undefined) => number): KubeWorkload {
  const { name, meta } = metaName(top, lineOf);
  const w: KubeWorkload = { name, line: top.get('kind')!.line, labels: new Map(), containerPorts: [], images: [] };
  const spec = mapOf(top.get('spec')?.node, lineOf);
  const podMeta = kind === 'Pod' ? meta : mapOf(mapOf(spec.get('template')?.node, lineOf).get('metadata')?.node, lineOf);
  for (const [k, v] of mapOf(podMeta.get('labels')?.node, lineOf)) w.labels.set(k, scalar(v.node) ?? '');
  const podSpec = kind === 'Pod' ? spec : mapOf(mapOf(spec.get('template')?.node, lineOf).get('spec')?.node, lineOf);
  for (const c of seqItems(podSpec.get('containers')?.node)) {
    const cm = mapOf(c, lineOf);
    const image = cm.get('image');
    if (image) w.images.push({ value: scalar(image.node) ?? '', line: image.line });
    for (const p of seqItems(cm.get('ports')?.node)) {
      const pm = mapOf(p, lineOf);
      const cp = pm.get('containerPort');
      if (cp) w.containerPorts.push({ value: scalar(cp.node) ?? '', line: cp.line });
      const pn = scalar(pm.get('name')?.node);
      if (pn && cp) w.containerPorts.push({ value: pn, line: cp.line });
    }
  }
  return w;
}
