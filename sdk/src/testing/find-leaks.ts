/**
 * Finds internals in errors a client would see: URLs, host names, IP
 * addresses, stack traces, and any string the department names as secret
 * (its legacy systems' addresses, database paths). The SDK promises that
 * these stay in the subgraph's log; a connector or resolver that puts
 * `error.message` of a transport error into a client-facing message breaks it.
 */
import type { AnswerError } from './conformance-client';

const PATTERNS: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'a URL', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/i },
  { what: 'an IP address', pattern: /(?<![\d.])(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?![\d.])/ },
  { what: 'an IP address', pattern: /(?<![\w:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![\w:])|(?<![\w:])(?:[0-9a-f]{1,4}:)*[0-9a-f]{0,4}::(?:[0-9a-f]{1,4}:)*[0-9a-f]{0,4}(?![\w:])/i },
  { what: 'a host name', pattern: /\blocalhost\b/i },
  {
    what: 'a host name',
    pattern: /\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|net|org|cn|gov|edu|io|local|localdomain|internal|intranet|intra|corp|lan|test|invalid|example)\b/i,
  },
  { what: 'a host and port', pattern: /\b[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*:\d{2,5}\b/i },
  { what: 'a stack trace', pattern: /\n\s*at\s|\bat\s+\S+\s+\([^)]*:\d+:\d+\)|\.(?:ts|js|mjs|cjs):\d+(?::\d+)?/ },
];

const STACK_EXTENSIONS = ['stacktrace', 'stack', 'exception', 'originalError'];

/** @internal One leak: which error, what leaked, the text that leaked. */
export interface Leak {
  readonly what: string;
  readonly text: string;
  readonly error: AnswerError;
}

/** @internal Every leak in `errors`: their messages and extensions, and any named `secrets`. */
export function findLeaks(errors: readonly AnswerError[], secrets: readonly string[] = []): Leak[] {
  const leaks: Leak[] = [];
  for (const error of errors) {
    const extensions = error.extensions ?? {};
    for (const key of STACK_EXTENSIONS) {
      if (extensions[key] !== undefined) leaks.push({ what: 'a stack trace', text: `extensions.${key}`, error });
    }
    const text = `${error.message}\n${JSON.stringify(extensions)}`;
    for (const { what, pattern } of PATTERNS) {
      const match = pattern.exec(text);
      if (match && match[0].trim() !== '' && match[0] !== '::') leaks.push({ what, text: match[0], error });
    }
    for (const secret of secrets) {
      if (secret !== '' && text.includes(secret)) leaks.push({ what: 'a value named in `secrets`', text: secret, error });
    }
  }
  return leaks;
}

/** @internal The fix-it message for leaks, or `undefined` when there are none. */
export function describeLeaks(leaks: readonly Leak[]): string | undefined {
  if (leaks.length === 0) return undefined;
  const shown = leaks.slice(0, 3).map((leak) => `${leak.what} (${JSON.stringify(leak.text)}) in ${JSON.stringify(leak.error.message)}`);
  const more = leaks.length > 3 ? ` (and ${leaks.length - 3} more)` : '';
  return (
    `errors show internals to clients: ${shown.join('; ')}${more} — throw the SDK's errors (BadGatewayError, UpstreamTimeoutError, …) ` +
    'with a message of your own and pass the original as `cause` (it goes to the log only); never copy a transport error\'s message or stack into the client-facing message or extensions'
  );
}
