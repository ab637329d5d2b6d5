/**
 * The application the policy-overhead benchmark calls the enforcing platform
 * with: the same grant as the platform's L4 demo application (every subgraph
 * whole, every mask cleared, so answers equal those of the open platform),
 * in the same department, but with a rate and a daily quota no benchmark on
 * one machine reaches, so requests go through every check and none is
 * refused. Written with the registry's admin operations over a second
 * connection to the platform's registry; the gateway sees it at its next
 * registry poll.
 */
import { createRegistryAdmin, hashSecret, openRegistry } from '@govgraph/gateway';

/** Where the platform's registry is and the demo application to copy. */
export interface AddBenchApplicationOptions {
  /** The platform's registry URL. */
  readonly registryUrl: string;
  /** The platform's pepper of key hashes. */
  readonly pepper: string;
  /** A key of the application whose live grants are copied (the L4 demo application). */
  readonly templateApiKey: string;
}

/** Creates the application, copies the grants and returns its new API key. @throws Error when the template key is unknown */
export async function addBenchApplication(options: AddBenchApplicationOptions): Promise<string> {
  // Already migrated by the platform (whose open connection would make a second migration wait on the lock).
  const registry = await openRegistry({ url: options.registryUrl, migrate: false });
  try {
    const { prisma } = registry;
    const admin = createRegistryAdmin(prisma, { pepper: options.pepper });
    const credential = await prisma.credential.findFirst({ where: { hash: hashSecret(options.pepper, options.templateApiKey), revokedAt: null } });
    if (!credential) throw new Error('the template API key is not in the registry');
    const template = await prisma.application.findUniqueOrThrow({ where: { id: credential.applicationId } });
    const grants = (await admin.listGrants(template.id)).filter((grant) => grant.revokedAt === null);
    if (grants.length === 0) throw new Error(`the template application ${template.name} has no live grant`);
    const application = await admin.createApplication({
      name: 'Policy overhead benchmark',
      departmentId: template.departmentId,
      contact: 'bench@govgraph.invalid',
    });
    for (const grant of grants) {
      await admin.addGrant({
        applicationId: application.id,
        targets: grant.targets,
        maxGrade: grant.maxGrade,
        purpose: grant.purpose,
        requireEndUser: grant.requireEndUser,
        unmask: grant.unmask,
        requestsPerSecond: 1_000_000,
        dailyQuota: 1_000_000_000,
      });
    }
    return (await admin.issueApiKey(application.id)).secret;
  } finally {
    await registry.close();
  }
}
