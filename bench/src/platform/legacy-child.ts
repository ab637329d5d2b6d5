/**
 * Entry point of the legacy-systems child process of the policy-overhead
 * benchmark: `node legacy-child.js`. Starts the province's simulated legacy
 * systems (`startLegacySystems`: the SOAP and REST registries, the case and
 * social-insurance systems, the catalog exports and the SQLite licence
 * library) on ephemeral loopback ports with a temporary data directory, and
 * answers the runner with their endpoints (`info.legacy`, a
 * `LegacyEndpoints`). Both platforms of the benchmark use these systems, as a
 * province's gateway uses the departments' systems on their own machines: the
 * generated data (about 150 MiB of V8 heap) lives here, not in the heap of the
 * platform under test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { legacyEndpointsOf, type LegacyEndpoints } from '@govgraph/example-platform';
import { startLegacySystems, type LegacySystems } from '@govgraph/legacy';
import { createSilentLogger } from '@govgraph/sdk';
import { answerParent } from '../measure/answer-parent';

answerParent(async () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'govgraph-policy-overhead-legacy-'));
  let legacy: LegacySystems | undefined;
  const close = async (): Promise<void> => {
    await legacy?.close();
    rmSync(dataDirectory, { recursive: true, force: true });
  };
  try {
    legacy = await startLegacySystems({ dataDirectory, host: '127.0.0.1', logger: createSilentLogger() });
    const endpoints: LegacyEndpoints = legacyEndpointsOf(legacy);
    return { info: { legacy: endpoints }, handlers: { close } };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
});
