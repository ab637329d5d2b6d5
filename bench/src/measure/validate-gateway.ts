/**
 * The validation pass: every one of `requests` answers (sent `concurrency`
 * at a time) must be HTTP 200 and deep-equal to the expected response. A
 * gateway that answers wrongly once is FAILING and is not measured: speed
 * of wrong answers is not a result.
 */
import { describeDifference } from './describe-difference';
import { postGraphQL } from './post-graphql';

/** Options of {@link validateGateway}. */
export interface ValidateGatewayOptions {
  readonly url: string;
  readonly query: string;
  readonly expectedResponse: unknown;
  /** @default 20 */
  readonly requests?: number;
  /** @default 1 */
  readonly concurrency?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The verdict. */
export interface ValidationResult {
  readonly requests: number;
  readonly correct: number;
  /** The first problems (at most 3), each naming the request and the difference. */
  readonly problems: readonly string[];
}

/** Sends the query `requests` times and compares every answer. */
export async function validateGateway(options: ValidateGatewayOptions): Promise<ValidationResult> {
  const total = options.requests ?? 20;
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 1, total));
  const problems: string[] = [];
  let correct = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < total) {
      const index = next++;
      const problem = await checkOne(options).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
      if (problem === undefined) correct += 1;
      else if (problems.length < 3) problems.push(`request ${index + 1}: ${problem}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { requests: total, correct, problems };
}

async function checkOne(options: ValidateGatewayOptions): Promise<string | undefined> {
  const answer = await postGraphQL(options.url, options.query, { headers: options.headers ?? {} });
  if (answer.status !== 200) return `HTTP ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`;
  return describeDifference(answer.body, options.expectedResponse);
}
