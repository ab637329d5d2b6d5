/**
 * The SDK's conformance kit against the services subgraph, over the
 * simulated service-item catalog's GBK export files.
 *
 * No upstream hooks: the subgraph serves the catalog from memory once an
 * export is loaded, so neither a missing export directory nor a broken file
 * makes a query fail or readiness drop (a refused newer file leaves the
 * previous one served; see catalog-reload.test.ts), and no legacy call is
 * made per query, so there is nothing to count or slow down. The upstream
 * error, timeout, not-ready and batching checks are therefore skipped.
 */
import { describeConformance } from '@govgraph/sdk/testing';
import { SERVICES, startTestbed } from './services-testkit';

describeConformance('services subgraph conformance', async () => {
  const bed = await startTestbed();
  return {
    target: { subgraph: bed.subgraph },
    spec: {
      entities: { Service: { code: { found: SERVICES.map((service) => service.code), missing: '320100-XK-9999' } } },
      badArgumentQuery: { query: '{ servicesByDepartment(department: "", pageSize: 0) { total } }' },
      secrets: [bed.directory],
    },
    teardown: () => bed.close(),
  };
});
