/**
 * Takes the network away from the analyzer's worker once it has its catalog:
 * every API that can send bytes is deleted along the prototype chain and
 * shadowed by a function that throws, so neither the engine nor anything it
 * could be tricked into running can exfiltrate a log. The worker's CSP header
 * (public/_headers) is the second wall.
 */
export const NETWORK_APIS = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'WebTransport'] as const;

export function lockNetwork(scope: object = globalThis): void {
  const blocked = (name: string) =>
    function blockedNetworkApi(): never {
      throw new Error(`${name} is disabled in the analyzer worker: nothing leaves this browser`);
    };
  for (const name of NETWORK_APIS) {
    for (let o: object | null = scope; o; o = Object.getPrototypeOf(o) as object | null) {
      const d = Object.getOwnPropertyDescriptor(o, name);
      if (d?.configurable) delete (o as Record<string, unknown>)[name];
    }
    Object.defineProperty(scope, name, { value: blocked(name), writable: false, configurable: false, enumerable: false });
  }
  const nav = (scope as { navigator?: object }).navigator;
  if (nav) {
    for (let o: object | null = nav; o; o = Object.getPrototypeOf(o) as object | null) {
      const d = Object.getOwnPropertyDescriptor(o, 'sendBeacon');
      if (d?.configurable) delete (o as Record<string, unknown>).sendBeacon;
    }
    Object.defineProperty(nav, 'sendBeacon', { value: blocked('navigator.sendBeacon'), writable: false, configurable: false });
  }
}
