/**
 * Reads the client certificate of an `mtls` source once, at `start()`: PEM
 * given inline or as `{ file }`. The pair is checked with Node's own TLS
 * (`createSecureContext`) so a wrong path, a bad PEM or a wrong passphrase
 * stops the source from starting instead of failing every call. Messages name
 * the option and the file, never the PEM or the passphrase.
 */
import { readFile } from 'node:fs/promises';
import { createSecureContext } from 'node:tls';
import { ConfigError } from '@govgraph/sdk';
import type { MtlsAuthConfig, PemSource } from './rest-auth-config';

/** @internal TLS options for undici's `connect` (passed to `tls.connect`). */
export interface ClientTlsOptions {
  readonly cert: string;
  readonly key: string;
  readonly ca?: string | undefined;
  readonly passphrase?: string | undefined;
}

/** @internal Loads and checks the client certificate; throws `ConfigError` naming every unusable part. */
export async function loadClientTls(source: string, auth: MtlsAuthConfig): Promise<ClientTlsOptions> {
  const problems: string[] = [];
  const read = async (option: 'cert' | 'key' | 'ca', pem: PemSource | undefined): Promise<string | undefined> => {
    if (pem === undefined || typeof pem === 'string') return pem;
    try {
      return await readFile(pem.file, 'utf8');
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      problems.push(`auth.${option}: cannot read file "${pem.file}"${typeof code === 'string' ? ` (${code})` : ''}`);
      return undefined;
    }
  };
  const [cert, key, ca] = await Promise.all([read('cert', auth.cert), read('key', auth.key), read('ca', auth.ca)]);
  if (cert !== undefined && key !== undefined) {
    try {
      createSecureContext({ cert, key, ca, passphrase: auth.passphrase });
    } catch (error) {
      // OpenSSL's reason (e.g. "key values mismatch", "bad decrypt") names no secret.
      const reason = error instanceof Error ? error.message : String(error);
      problems.push(`auth.cert/key/ca: not a usable certificate, key and CA (${reason})`);
    }
  }
  if (problems.length > 0 || cert === undefined || key === undefined) {
    throw new ConfigError(`invalid rest source configuration of "${source}" (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`, {
      details: { problems: problems.map((message) => ({ option: message.slice(0, message.indexOf(':')), message: message.slice(message.indexOf(':') + 2) })) },
    });
  }
  return { cert, key, ...(ca === undefined ? {} : { ca }), ...(auth.passphrase === undefined ? {} : { passphrase: auth.passphrase }) };
}
