/** Self-signed certificates for the TLS scenarios, made with openssl at run time. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface Certs {
  /** Self-signed certificate for backend.lab.internal (and its key). */
  cert: string;
  key: string;
  /** An unrelated self-signed CA: trusting it does not make `cert` valid. */
  otherCa: string;
}

function selfSigned(dir: string, name: string, cn: string): { cert: string; key: string } {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  execFileSync(
    'openssl',
    [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', key, '-out', cert, '-days', '2', '-subj', `/CN=${cn}`,
      '-addext', `subjectAltName=DNS:${cn}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return { cert, key };
}

export function makeCerts(dir: string): Certs {
  const backend = selfSigned(dir, 'backend', 'backend.lab.internal');
  const other = selfSigned(dir, 'other-ca', 'Lab Other CA');
  return { cert: backend.cert, key: backend.key, otherCa: other.cert };
}
