/**
 * Sends one call with the source's credentials. When the legacy system
 * answers 401 and the credentials can be renewed (an OAuth2 token), the token
 * is dropped, a new one fetched and the call replayed ONCE, whatever its
 * method: a 401 means the legacy system did not process the call, so
 * replaying a POST cannot do it twice. A second 401 is reported as usual
 * (`BadGatewayError`: the gateway's credentials are wrong).
 */
import type { PreparedRequest, RawResponse, RestClient } from '../client';
import { applyCredentials } from './apply-credentials';
import type { Authenticator } from './authenticator';

/** @internal Sends `request` with credentials, replaying once after a renewable 401. */
export async function sendAuthenticated(
  source: string,
  client: RestClient,
  auth: Authenticator,
  request: PreparedRequest,
  signal: AbortSignal,
): Promise<RawResponse> {
  const used = await auth.credentials(signal);
  const response = await client.send(applyCredentials(source, request, used), signal);
  if (response.status !== 401 || !auth.renew(used)) return response;
  const fresh = await auth.credentials(signal);
  return client.send(applyCredentials(source, request, fresh), signal);
}
