/** How a rule that depends on a version-specific default says which nginx it applies to. */
import { atLeast, describeVersion, type NginxVersion } from '../nginx-version.ts';

/**
 * Does a default that changed in `since` still have its old value on the
 * input's nginx? true: yes (or unknown: most installs run older releases);
 * false: the input's nginx is at least `since`.
 */
export function oldDefaultApplies(version: NginxVersion | null, since: string): boolean {
  return atLeast(version, since) !== true;
}

/** "(nginx 1.22.1, nginx -v, input line 3)" or "(applies to nginx before 1.29.7; the version was not shown)". */
export function versionClause(version: NginxVersion | null, since: string): string {
  if (version && atLeast(version, since) === false) return `(${describeVersion(version)} is older than ${since})`;
  return `(applies to nginx before ${since}; the paste does not show the version)`;
}
