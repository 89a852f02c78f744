/**
 * An event's facts for findings and fix templates ({upstream}, {socket},
 * {errno}, {peer}, {name}, {path}, {code}…), named as the articles' fix
 * texts use them.
 */
import type { NginxEvent } from './parse.ts';

export function eventFacts(ev: NginxEvent, into: Record<string, string>): Record<string, string> {
  return messageFacts(ev, contextFacts(ev, into));
}

/** Facts that change from line to line: who asked, for what (the context fields but the upstream). */
export const CONTEXT_FACTS: ReadonlySet<string> = new Set(['client', 'server', 'request', 'host', 'resolver', 'conf']);

export function contextFacts(ev: NginxEvent, into: Record<string, string>): Record<string, string> {
  const c = ev.context;
  if (c.client) into.client = c.client;
  if (c.server) into.server = c.server;
  if (c.request) into.request = c.request;
  if (c.host) into.host = c.host;
  if (c.resolver) into.resolver = c.resolver;
  if (c.conf) into.conf = c.conf;
  return into;
}

/** Facts of the message, its action and its upstream: the same for every line of one message shape, action and upstream. */
export function messageFacts(ev: NginxEvent, into: Record<string, string>): Record<string, string> {
  const c = ev.context;
  if (ev.action) into.action = ev.action;
  const u = c.upstream;
  if (u) {
    into.upstream = u.raw;
    if (u.scheme) into.scheme = u.scheme;
    if (u.transport === 'unix' && u.path) into.socket = u.path;
  }
  if (ev.target !== undefined) {
    switch (ev.targetKind) {
      case 'unix':
        into.socket = ev.target.slice(5);
        into.peer = ev.target;
        break;
      case 'address':
        into.peer = ev.target;
        break;
      case 'file':
        into.path = ev.target;
        break;
      default:
        into.name = ev.target;
    }
  }
  if (ev.errno) {
    into.errno = String(ev.errno.number);
    into.errtext = ev.errno.text;
    into.errname = ev.errno.name;
  }
  if (ev.ssl) {
    into.ssl = ev.ssl.reason;
    if (ev.ssl.alert !== undefined) into.code = String(ev.ssl.alert);
  }
  if (ev.code !== undefined) {
    into.code = String(ev.code);
    into.value = String(ev.code);
  }
  if (ev.detail !== undefined && ev.detail.length <= 200) into.header = ev.detail;
  if (ev.syscall) into.syscall = ev.syscall;
  return into;
}
