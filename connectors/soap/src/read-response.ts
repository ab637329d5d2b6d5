/**
 * Turns a whole HTTP answer to a call into its result: the content of the
 * `<OperationResponse>` element, or the taxonomy error of a Fault, of an
 * HTTP error, or of an answer that cannot be read.
 */
import { createUpstreamDataError, decodeText, parseRetryAfter } from '@govgraph/sdk';
import type { RawResponse } from './client';
import { xmlCharset } from './xml-charset';
import { mapFault, mapHttpStatus } from './mapping';
import { UnsafeXmlError } from './parse-safe-xml';
import { readEnvelope, type SoapEnvelopeContent } from './read-envelope';
import type { SoapOperation } from './read-wsdl';
import type { SoapProtocol } from './soap-version';

const EXCERPT_CHARS = 512;

/** @internal Resolves the response element's content; throws the mapped error otherwise. */
export function readResponse<T>(
  source: string,
  protocol: SoapProtocol,
  operation: SoapOperation,
  response: RawResponse,
  arrays: readonly string[] | undefined,
): T {
  const { status } = response;
  let text = '';
  let content: SoapEnvelopeContent;
  try {
    text = decodeText(response.body, xmlCharset(response.contentType, response.body));
    content = readEnvelope(text, protocol, arrays);
  } catch (error) {
    const cause = new Error(`${response.target} answered HTTP ${status} that cannot be read: ${reasonOf(error)}; body: ${excerpt(text)}`, { cause: error });
    // Without a readable envelope, an HTTP error (a proxy's HTML page) is still an HTTP error.
    if (status !== 200) throw mapHttpStatus(source, status, cause, retryAfterMsOf(response));
    throw createUpstreamDataError(source, error instanceof UnsafeXmlError ? 'a document type declaration, which is refused' : 'XML that cannot be read', status, cause);
  }

  if (content.fault) throw mapFault(source, content.fault, status, response.target);
  if (status !== 200) {
    throw mapHttpStatus(source, status, new Error(`${response.target} answered HTTP ${status} without a Fault: ${excerpt(text)}`), retryAfterMsOf(response));
  }

  const result = content.body[operation.responseElement];
  if (result === undefined) {
    const found = Object.keys(content.body).join(', ') || 'nothing';
    throw createUpstreamDataError(source, 'an unexpected SOAP body', status, new Error(`${response.target}: expected <${operation.responseElement}> in the Body, found ${found}`));
  }
  return (result === '' ? {} : result) as T;
}

function retryAfterMsOf(response: RawResponse): number | undefined {
  return response.status === 429 || response.status === 503 ? parseRetryAfter(response.retryAfter) : undefined;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function excerpt(text: string): string {
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}… (${text.length} chars)` : text;
}
