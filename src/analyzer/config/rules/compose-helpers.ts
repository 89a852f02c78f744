/** Looking up compose services the way Docker's embedded DNS does: service names, container names, aliases, hostnames, links. */
import type { ComposeService, DeployConfig } from '../parse-deploy-yaml.ts';

export function composeServices(deploy: DeployConfig | null): ComposeService[] {
  return (deploy?.compose ?? []).flatMap((f) => [...f.services.values()]);
}

/** Names a service answers to on its networks. */
export function namesOf(s: ComposeService): string[] {
  return [s.name, ...(s.containerName ? [s.containerName] : []), ...s.aliases];
}

const byName = new WeakMap<DeployConfig, Map<string, ComposeService>>();

/** The service a host name reaches (service name, container_name, alias, hostname, link alias), indexed once per input. */
export function composeServiceByHost(deploy: DeployConfig | null, host: string): ComposeService | undefined {
  if (!deploy) return undefined;
  let index = byName.get(deploy);
  if (!index) {
    index = new Map();
    const all = composeServices(deploy);
    // links: ["db:database"] makes "database" a name of service db (for the linking service).
    for (const s of all) {
      for (const l of s.links) {
        const [target, alias] = l.split(':');
        const t = all.find((x) => x.name === target);
        if (alias && t) index.set(alias.toLowerCase(), t);
      }
    }
    for (const s of [...all].reverse()) for (const n of namesOf(s)) index.set(n.toLowerCase(), s);
    byName.set(deploy, index);
  }
  return index.get(host.toLowerCase());
}

/** Is this service nginx itself (an nginx image, or nginx configuration mounted into it)? */
export function isNginxService(s: ComposeService): boolean {
  const image = s.image?.value ?? '';
  return /(?:^|\/)(?:nginx|openresty)(?::|$)|nginx-unprivileged|nginx-proxy|nginxproxy|jwilder\/nginx/.test(image) || s.volumes.some((v) => v.target.startsWith('/etc/nginx'));
}

export function isNginxProxy(s: ComposeService): boolean {
  return /nginx-proxy|nginxproxy\/|jwilder\/nginx-proxy|docker-gen/.test(s.image?.value ?? '');
}

/** Networks a service is on ("default" when it names none and is not in host/none network mode). */
export function networksOf(s: ComposeService): string[] {
  if (s.networkMode) return [`mode:${s.networkMode}`];
  return s.networks.length ? s.networks : ['default'];
}

export function shareNetwork(a: ComposeService, b: ComposeService): boolean {
  if (a.networkMode === 'host' || b.networkMode === 'host') return true;
  if (a.networkMode?.startsWith('service:') || b.networkMode?.startsWith('service:')) return true;
  const nb = new Set(networksOf(b));
  return networksOf(a).some((n) => nb.has(n));
}

/** Container ports a service listens on, as far as compose shows them (targets of `ports`, `expose`). */
export function containerPorts(s: ComposeService): string[] {
  return [...new Set([...s.ports.map((p) => p.target), ...s.expose.map((e) => e.value)])];
}
