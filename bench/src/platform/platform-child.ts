/**
 * Entry point of a platform child process of the policy-overhead benchmark:
 * `node platform-child.js <enforce|open> <legacy endpoints as JSON>`. Starts
 * the platform's services (`startPlatformServices`: access control, the five
 * subgraphs, the gateway) in this process on ephemeral loopback ports with a
 * temporary data directory, against the legacy systems of the benchmark's
 * legacy child (`legacy-child.ts`), and answers the runner over IPC, so the
 * platform's CPU time is its own. In `enforce` mode
 * it adds the benchmark application (see `add-bench-application.ts`) and waits
 * until the gateway accepts its key; `info.headers` carries that key.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_KEY_HEADER } from '@govgraph/gateway';
import { startPlatformServices, TOUR, type LegacyEndpoints, type PlatformServices } from '@govgraph/example-platform';
import { answerParent } from '../measure/answer-parent';
import { addBenchApplication } from './add-bench-application';

/** How long the gateway may take to see the new application (its registry poll is 2 s). */
const KEY_VISIBLE_TIMEOUT_MS = 20_000;

answerParent(async () => {
  const mode = process.argv[2];
  const legacyJson = process.argv[3];
  if ((mode !== 'enforce' && mode !== 'open') || legacyJson === undefined) throw new Error('usage: platform-child <enforce|open> <legacy endpoints as JSON>');
  const legacy = JSON.parse(legacyJson) as LegacyEndpoints;
  const dataDirectory = mkdtempSync(join(tmpdir(), `govgraph-policy-overhead-${mode}-`));
  const registryUrl = `file:${join(dataDirectory, 'registry.db')}`;
  let platform: PlatformServices | undefined;
  const close = async (): Promise<void> => {
    await platform?.close();
    rmSync(dataDirectory, { recursive: true, force: true });
  };
  try {
    platform = await startPlatformServices(legacy, { dataDirectory, accessControl: mode, registryUrl });
    const headers: Record<string, string> = {};
    if (mode === 'enforce') {
      const secrets = platform.access.secrets;
      if (!secrets) throw new Error('the enforcing platform did not report its demo secrets');
      headers[API_KEY_HEADER] = await addBenchApplication({ registryUrl, pepper: secrets.pepper, templateApiKey: secrets.sensitiveApiKey });
      await waitUntilAccepted(platform.graphqlUrl, headers);
    }
    return { info: { url: platform.graphqlUrl, headers }, handlers: { close } };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
});

/** Sends the first tour stop until the gateway answers it with 200 (it has loaded the new application). */
async function waitUntilAccepted(url: string, headers: Readonly<Record<string, string>>): Promise<void> {
  const stop = TOUR[0];
  if (!stop) throw new Error('the tour is empty');
  const deadline = Date.now() + KEY_VISIBLE_TIMEOUT_MS;
  let last = '';
  while (Date.now() < deadline) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query: stop.query, variables: stop.variables }),
    });
    last = `HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`;
    if (response.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the gateway did not accept the benchmark application's key in ${KEY_VISIBLE_TIMEOUT_MS} ms (last answer ${last})`);
}
