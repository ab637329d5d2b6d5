/** `src/__tests__/conformance.test.ts` of a scaffolded subgraph: the SDK's conformance kit over the fake legacy system. */
import type { ScaffoldContext } from '../scaffold-context';

/** Renders the conformance test. */
export function conformanceTestFile(context: ScaffoldContext): string {
  const { entity, constant, pascal, kebab } = context.names;
  // An extended entity resolves every reference (missing: false); its key fields alone never reach the
  // legacy system, so the kit also selects the field this subgraph adds (selection).
  const extended = context.extends
    .map(
      (each) =>
        `\n        ${each.typename}: { ${each.keyField}: { found: [${each.samples.map((sample) => `'${sample}'`).join(', ')}], missing: false, selection: '${entity.camel} { id }' } },`,
    )
    .join('');
  const owned = `${entity.pascal}: { id: { found: SAMPLE_${constant}.map((record) => record.id), missing: MISSING_ID } }`;
  const entities = extended === '' ? `{ ${owned} }` : `{\n        ${owned},${extended}\n      }`;
  return `import { createSilentLogger } from '@govgraph/sdk';
import { describeConformance } from '@govgraph/sdk/testing';
import { create${pascal}Subgraph, parse${pascal}SubgraphConfig } from '..';
import { ${constant}_BATCH_LIMIT } from '../${entity.kebab}/${entity.kebab}-records';
import { startFakeLegacySystem } from './helpers/fake-legacy-system';
import { MISSING_ID, SAMPLE_${constant} } from './helpers/sample-records';

describeConformance('the ${kebab} subgraph conforms to the govgraph subgraph contract', async () => {
  const system = await startFakeLegacySystem(SAMPLE_${constant});
  const subgraph = create${pascal}Subgraph(parse${pascal}SubgraphConfig({ ...system.config, security: { mode: 'development' } }), { logger: createSilentLogger() });
  return {
    target: { subgraph },
    spec: {
      entities: ${entities},
      maxBatchSize: ${constant}_BATCH_LIMIT,
      badArgumentQuery: { query: '{ ${entity.camel}(id: "") { id } }' },
${context.kind.countsCalls ? '      countCalls: () => system.calls ?? 0,\n' : ''}      // Where the legacy system lives must never reach a client.
      secrets: Object.values(system.config).filter((value): value is string => typeof value === 'string' && value.length > 6),
    },
    teardown: async () => {
      await subgraph.stop();
      await system.close();
    },
  };
});
`;
}
