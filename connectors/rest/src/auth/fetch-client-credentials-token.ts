/**
 * One token request of the OAuth 2.0 client-credentials grant (RFC 6749
 * §4.4): a form-encoded POST to the token endpoint, its JSON answer checked
 * (§5.1) and its errors (§5.2) mapped. The endpoint refusing us is *our*
 * credentials' fault, never the client's, so errors are `BadGatewayError`s
 * carrying the endpoint's `error` code as `details.upstreamCode`.
 *
 * The client secret never reaches a message, a cause or a log line: causes
 * hold the endpoint's answer with any echo of the secret cut out.
 */
import {
  BadGatewayError,
  TransportError,
  createUpstreamDataError,
  createUpstreamTimeoutError,
  describeTransportFailure,
} from '@govgraph/sdk';
import { request, type Dispatcher } from 'undici';
import type { OAuth2ClientCredentialsAuthConfig } from './rest-auth-config';

/** @internal A token as the endpoint issued it. */
export interface IssuedToken {
  readonly accessToken: string;
  /** Lifetime from `expires_in`, if the endpoint gave one. */
  readonly expiresInMs: number | undefined;
}

/** @internal What a token request needs besides the grant's config. */
export interface TokenRequestContext {
  /** The source, named in errors. */
  readonly source: string;
  readonly dispatcher: Dispatcher;
  /** Deadline of the token request. */
  readonly timeoutMs: number;
  /** Fires when the source stops. */
  readonly signal: AbortSignal;
}

const MAX_TOKEN_RESPONSE_BYTES = 64 * 1024;
const ERROR_CODE = /^[A-Za-z0-9_.:-]{1,64}$/;
const ACCESS_TOKEN = /^[\x21-\x7e]+$/;

/** @internal Requests a token; throws the SDK's taxonomy errors. */
export async function fetchClientCredentialsToken(auth: OAuth2ClientCredentialsAuthConfig, context: TokenRequestContext): Promise<IssuedToken> {
  const { source } = context;
  const url = new URL(auth.tokenUrl);
  const target = `POST ${url.origin}${url.pathname}`;
  const redact = (text: string): string => text.split(auth.clientSecret).join('[redacted]');

  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (auth.scope !== undefined) form.set('scope', auth.scope);
  if (auth.audience !== undefined) form.set('audience', auth.audience);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (auth.clientAuth === 'basic') {
    // RFC 6749 §2.3.1: each part form-encoded before Basic encoding.
    const pair = `${formEncode(auth.clientId)}:${formEncode(auth.clientSecret)}`;
    headers['authorization'] = `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
  } else {
    form.set('client_id', auth.clientId);
    form.set('client_secret', auth.clientSecret);
  }

  const deadline = AbortSignal.timeout(context.timeoutMs);
  const signal = AbortSignal.any([deadline, context.signal]);
  let status: number;
  let text: string;
  try {
    const response = await request(url, { dispatcher: context.dispatcher, method: 'POST', headers, body: form.toString(), signal });
    status = response.statusCode;
    text = await readLimited(response.body);
  } catch (error) {
    if (deadline.aborted) throw createUpstreamTimeoutError(source, context.timeoutMs, new Error(`${target}: token request timed out`));
    if (context.signal.aborted) throw new Error(`rest source "${source}" was stopped while fetching a token`, { cause: error });
    if (error instanceof TokenResponseTooLargeError) {
      throw createUpstreamDataError(source, 'a token response larger than allowed', undefined, new Error(`${target}: ${error.message}`));
    }
    const failure = new TransportError(target, error);
    throw new BadGatewayError(`legacy system "${source}": its token endpoint is unreachable (${describeTransportFailure(failure)})`, {
      cause: failure,
      details: { source },
    });
  }

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (status < 200 || status > 299) {
    const record = isRecord(body) ? body : {};
    const upstreamCode = typeof record['error'] === 'string' && ERROR_CODE.test(record['error']) ? record['error'] : undefined;
    const description = typeof record['error_description'] === 'string' ? record['error_description'] : text;
    const cause = new Error(redact(`${target} answered HTTP ${status}${upstreamCode ? ` ${upstreamCode}` : ''}: ${excerpt(description)}`));
    const what = status >= 500 ? 'failed' : "refused the gateway's client credentials";
    throw new BadGatewayError(`legacy system "${source}": its token endpoint ${what} (HTTP ${status}${upstreamCode ? `, ${upstreamCode}` : ''})`, {
      cause,
      details: { source, status, ...(upstreamCode === undefined ? {} : { upstreamCode }) },
    });
  }

  const unusable = (why: string): Error =>
    createUpstreamDataError(source, 'an unusable token response', status, new Error(redact(`${target} answered HTTP ${status}: ${why}`)));
  if (!isRecord(body)) throw unusable('not a JSON object');
  const accessToken = body['access_token'];
  if (typeof accessToken !== 'string' || !ACCESS_TOKEN.test(accessToken)) throw unusable('no usable access_token');
  const tokenType = body['token_type'];
  if (tokenType !== undefined && (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer')) {
    throw unusable(`token_type ${JSON.stringify(tokenType)} is not Bearer`);
  }
  const expiresIn = typeof body['expires_in'] === 'string' && /^\d+$/.test(body['expires_in']) ? Number(body['expires_in']) : body['expires_in'];
  if (expiresIn !== undefined && (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn) || expiresIn < 0)) {
    throw unusable('expires_in is not a non-negative number');
  }
  return { accessToken, expiresInMs: expiresIn === undefined ? undefined : expiresIn * 1000 };
}

class TokenResponseTooLargeError extends Error {}

async function readLimited(body: Dispatcher.ResponseData['body']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_TOKEN_RESPONSE_BYTES) {
      body.on('error', () => undefined);
      body.destroy();
      throw new TokenResponseTooLargeError(`token response exceeds ${MAX_TOKEN_RESPONSE_BYTES} bytes`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

/** `application/x-www-form-urlencoded` encoding of one value (space as `+`). */
function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function excerpt(text: string): string {
  return text.length > 256 ? `${text.slice(0, 256)}… (${text.length} chars)` : text;
}
