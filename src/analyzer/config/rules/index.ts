/** Every config rule, in the order they run. Add a rule: write a module here and list it. */
import { fastcgiSocketMismatch } from './fastcgi-socket-mismatch.ts';
import { fastcgiTransportMismatch } from './fastcgi-transport-mismatch.ts';
import { fpmListenBacklog } from './fpm-listen-backlog.ts';
import { fpmMaxChildren } from './fpm-max-children.ts';
import { httpsWithoutSni } from './https-without-sni.ts';
import { keepaliveHttp11 } from './keepalive-http11.ts';
import { localhostIpv6 } from './localhost-ipv6.ts';
import { proxyPassToFpm } from './proxy-pass-to-fpm.ts';
import { readTimeoutVsFpm } from './read-timeout-vs-fpm.ts';
import { smallBuffers } from './small-buffers.ts';
import { socketPermission } from './socket-permission.ts';
import { sslVerifyTrusted } from './ssl-verify-trusted.ts';
import type { ConfigRule } from './types.ts';
import { httpToTlsPort } from './http-to-tls-port.ts';
import { httpsToPlainPort } from './https-to-plain-port.ts';
import { httpsIpWithoutSni } from './https-ip-without-sni.ts';
import { passToUnspecifiedAddress } from './pass-to-unspecified-address.ts';
import { fastcgiScriptFilename } from './fastcgi-script-filename.ts';
import { fastcgiPassToHttp } from './fastcgi-pass-to-http.ts';
import { composeUnknownHost } from './compose-unknown-host.ts';
import { composePortMismatch } from './compose-port-mismatch.ts';
import { composeLoopback } from './compose-loopback.ts';
import { nginxProxyVirtual } from './nginx-proxy-virtual.ts';
import { uwsgiProtocol } from './uwsgi-protocol.ts';
import { fpmAllowedClients } from './fpm-allowed-clients.ts';
import { ingressBackendProtocol } from './ingress-backend-protocol.ts';
import { ingressAnnotationValues } from './ingress-annotation-values.ts';
import { kubeServiceEndpoints } from './kube-service-endpoints.ts';
import { staleDns } from './stale-dns.ts';
import { grpcOverProxyPass } from './grpc-over-proxy-pass.ts';
import { resolverLoopback } from './resolver-loopback.ts';
import { hostVariablePort } from './host-variable-port.ts';
import { upstreamDownPlaceholder } from './upstream-down-placeholder.ts';
import { php5Socket } from './php5-socket.ts';
import { configLoadErrors } from './config-load-errors.ts';
import { sslVerifyDepth } from './ssl-verify-depth.ts';
import { composeProxyNetwork } from './compose-proxy-network.ts';
import { fastcgiEverything } from './fastcgi-everything.ts';
import { workerConnectionsLow } from './worker-connections-low.ts';
import { socketInTmp } from './socket-in-tmp.ts';
import { publicResolverInternalName } from './public-resolver-internal-name.ts';
import { upstreamFailover } from './upstream-failover.ts';
import { variableProxyPassResolver } from './variable-proxy-pass-resolver.ts';
import { websocketUpgrade } from './websocket-upgrade.ts';
import { upstreamRequiresHttp11 } from './upstream-requires-http11.ts';
import { workerConnectionsNofile } from './worker-connections-nofile.ts';
import { logLoopbackInContainer } from './log-loopback-in-container.ts';
import { logPoolLoopback } from './log-pool-loopback.ts';
import { logSocketMissing } from './log-socket-missing.ts';
import { upstreamUnixServerUri } from './upstream-unix-server-uri.ts';
import { ingressControllerFamily } from './ingress-controller-family.ts';
import { pastedSocketListing } from './pasted-socket-listing.ts';
import { pastedListeners } from './pasted-listeners.ts';
import { pastedDockerPs } from './pasted-docker-ps.ts';
import { fastcgiRootOutsideContainer } from './fastcgi-root-outside-container.ts';

export const CONFIG_RULES: ConfigRule[] = [
  fastcgiSocketMismatch,
  fastcgiTransportMismatch,
  socketPermission,
  readTimeoutVsFpm,
  smallBuffers,
  variableProxyPassResolver,
  httpsWithoutSni,
  keepaliveHttp11,
  websocketUpgrade,
  upstreamRequiresHttp11,
  upstreamFailover,
  workerConnectionsNofile,
  localhostIpv6,
  sslVerifyTrusted,
  fpmMaxChildren,
  fpmListenBacklog,
  proxyPassToFpm,
  httpToTlsPort,
  httpsToPlainPort,
  httpsIpWithoutSni,
  passToUnspecifiedAddress,
  fastcgiScriptFilename,
  fastcgiPassToHttp,
  composeUnknownHost,
  composePortMismatch,
  composeLoopback,
  nginxProxyVirtual,
  uwsgiProtocol,
  fpmAllowedClients,
  ingressBackendProtocol,
  ingressAnnotationValues,
  kubeServiceEndpoints,
  staleDns,
  grpcOverProxyPass,
  resolverLoopback,
  hostVariablePort,
  upstreamDownPlaceholder,
  php5Socket,
  configLoadErrors,
  sslVerifyDepth,
  composeProxyNetwork,
  fastcgiEverything,
  workerConnectionsLow,
  socketInTmp,
  publicResolverInternalName,
  logLoopbackInContainer,
  logPoolLoopback,
  logSocketMissing,
  upstreamUnixServerUri,
  ingressControllerFamily,
  pastedSocketListing,
  pastedListeners,
  pastedDockerPs,
  fastcgiRootOutsideContainer,
];

export type { ConfigRule, ConfigProblem, RuleContext, HostFacts, LogHints } from './types.ts';
