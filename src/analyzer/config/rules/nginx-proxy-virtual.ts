/**
 * nginx-proxy (and acme-companion setups): the generated upstream uses
 * VIRTUAL_PORT (else the single exposed port, else 80) and VIRTUAL_PROTO on the
 * container's address, over a network nginx-proxy must share with it.
 */
import { CAUSES } from '../../cause-ids.ts';
import { composeServices, containerPorts, isNginxProxy, shareNetwork } from './compose-helpers.ts';
import { PLAIN_PORTS, TLS_PORTS } from './targets.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

export const nginxProxyVirtual: ConfigRule = {
  id: 'nginx-proxy-virtual-port',
  cause: CAUSES.connectionRefused,
  title: 'nginx-proxy: VIRTUAL_PORT not a container port, VIRTUAL_PROTO vs port, no shared network',
  check({ deploy }) {
    const services = composeServices(deploy);
    const proxy = services.find(isNginxProxy);
    if (!proxy) return [];
    const out: ConfigProblem[] = [];
    for (const s of services) {
      const host = s.env.get('VIRTUAL_HOST');
      if (s === proxy || !host) continue;
      const vport = s.env.get('VIRTUAL_PORT');
      const proto = s.env.get('VIRTUAL_PROTO');
      const ports = containerPorts(s);
      const port = vport?.value ?? (ports.length === 1 ? ports[0]! : '80');
      const facts = { service: s.name, virtual_host: host.value, virtual_port: port };
      const published = s.ports.find((p) => p.published === port && p.target !== port);
      if (vport && published && !ports.includes(port)) {
        out.push({ line: vport.line, directive: 'VIRTUAL_PORT', kind: 'deploy-config', facts, confidence: 'high', note: `VIRTUAL_PORT=${port} for ${s.name} is the host side of "${published.published}:${published.target}" (input line ${published.line}); nginx-proxy connects to the container's own address, where only ${published.target} listens: connection refused (502). Set VIRTUAL_PORT=${published.target}.` });
      } else if (!vport && ports.length > 1 && !ports.includes('80')) {
        out.push({ line: host.line, directive: 'VIRTUAL_HOST', kind: 'deploy-config', facts: { ...facts, exposed: ports.join(', ') }, confidence: 'medium', note: `${s.name} exposes several ports (${ports.join(', ')}) and sets no VIRTUAL_PORT: nginx-proxy then uses port 80, which ${s.name} does not expose (connection refused, 502). Set VIRTUAL_PORT to the app's port.` });
      }
      const p = (proto?.value ?? 'http').toLowerCase();
      if (p === 'https' && PLAIN_PORTS.has(port)) {
        out.push({ line: proto!.line, directive: 'VIRTUAL_PROTO', kind: 'deploy-config', facts, confidence: 'medium', cause: CAUSES.sslWrongVersion, note: `VIRTUAL_PROTO=https makes nginx-proxy speak TLS to ${s.name}:${port}, a port that usually speaks plain HTTP: 502 "SSL_do_handshake() failed … wrong version number". Drop VIRTUAL_PROTO or point VIRTUAL_PORT at the TLS port.` });
      } else if (p === 'http' && TLS_PORTS.has(port)) {
        out.push({ line: (vport ?? host).line, directive: vport ? 'VIRTUAL_PORT' : 'VIRTUAL_HOST', kind: 'deploy-config', facts, confidence: 'medium', cause: CAUSES.upstreamNotHttp, note: `nginx-proxy speaks plain HTTP to ${s.name}:${port}, a TLS port (VIRTUAL_PROTO is ${proto ? proto.value : 'not set, so http'}): the app answers 400 "plain HTTP request sent to HTTPS port" or closes (502). Set VIRTUAL_PROTO=https or use the app's HTTP port.` });
      }
      if (!shareNetwork(proxy, s)) {
        out.push({ line: host.line, directive: 'VIRTUAL_HOST', kind: 'deploy-config', facts: { ...facts, networks: `${proxy.name}: ${proxy.networks.join(', ') || 'default'}; ${s.name}: ${s.networks.join(', ') || 'default'}` }, confidence: 'high', cause: CAUSES.dockerNotReachable, note: `${s.name} (VIRTUAL_HOST=${host.value}) shares no network with ${proxy.name}: nginx-proxy cannot reach it and generates "server 127.0.0.1 down;" for it, so every request gets 502/503. Put both on one network.` });
      }
    }
    // A bind mount over the generated configuration replaces what nginx-proxy writes.
    for (const v of proxy.volumes) {
      if (v.target === '/etc/nginx/conf.d' || v.target === '/etc/nginx/conf.d/default.conf' || v.target === '/etc/nginx/nginx.conf') {
        out.push({ line: v.line, directive: v.target, kind: 'deploy-config', facts: { mount: `${v.source}:${v.target}` }, confidence: 'low', advice: true, note: `${proxy.name} mounts ${v.source} over ${v.target}, where nginx-proxy writes the configuration it generates from VIRTUAL_HOST: the mounted file wins (or is overwritten), so virtual hosts may be missing. Put custom settings in /etc/nginx/vhost.d or conf.d/*.conf files of their own.` });
      }
    }
    return out;
  },
};
