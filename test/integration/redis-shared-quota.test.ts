/**
 * Two gateway processes (the real `gateway/dist/main.js`, started as
 * replicas would be) share one application's daily quota through Redis:
 * whichever replica a request reaches, the sixth request of a quota of five
 * is refused with 429 and Retry-After.
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Field, ObjectType, Query, Resolver } from 'type-graphql';
import { createRegistryAdmin, openRegistry } from '@govgraph/gateway';
import { createSilentLogger, createSubgraph, generateContextKeyPair, type RunningSubgraph } from '@govgraph/sdk';
import { postGraphQL } from '../src';

const redisUrl = process.env.GOVGRAPH_TEST_REDIS_URL;
const GATEWAY_MAIN = join(__dirname, '../../gateway/dist/main.js');
const PEPPER = 'redis-quota-test-pepper-0123456789';

@ObjectType()
class Ping {
  @Field()
  pong!: string;
}

@Resolver()
class PingResolver {
  @Query(() => Ping)
  ping(): Ping {
    return { pong: 'pong' };
  }
}

if (!redisUrl) console.warn('shared-quota test skipped: set GOVGRAPH_TEST_REDIS_URL (e.g. redis://127.0.0.1:6379) to run it');

(redisUrl ? describe : describe.skip)('a daily quota shared by two gateway replicas through Redis', () => {
  const keyPrefix = `govgraph:test:${process.pid}:${Date.now()}:`;
  const directory = mkdtempSync(join(tmpdir(), 'govgraph-quota-'));
  const children: ChildProcess[] = [];
  let subgraph: RunningSubgraph;
  let urls: string[];
  let apiKey: string;

  beforeAll(async () => {
    const keys = generateContextKeyPair();
    subgraph = await createSubgraph({
      name: 'ping',
      resolvers: [PingResolver],
      sources: {},
      logger: createSilentLogger(),
      security: { mode: 'verify', publicKeyJwk: keys.publicKeyJwk },
    }).listen();

    const registryUrl = `file:${join(directory, 'registry.db')}`;
    const registry = await openRegistry({ url: registryUrl });
    try {
      const admin = createRegistryAdmin(registry.prisma, { pepper: PEPPER });
      const department = await admin.createDepartment({ code: 'quota', name: 'Quota test' });
      const application = await admin.createApplication({ name: 'Quota app', departmentId: department.id, contact: 'ops@quota.invalid' });
      await admin.addGrant({
        applicationId: application.id,
        targets: ['subgraph:ping'],
        maxGrade: 'L1',
        purpose: 'test',
        requestsPerSecond: 100,
        dailyQuota: 5,
        unmask: [],
      });
      apiKey = (await admin.issueApiKey(application.id)).secret;
    } finally {
      await registry.close();
    }

    const env = {
      ...process.env,
      GATEWAY_ACCESS_CONTROL: 'enforce',
      REGISTRY_URL: registryUrl,
      GATEWAY_API_KEY_PEPPER: PEPPER,
      REDIS_URL: redisUrl!,
      REDIS_KEY_PREFIX: keyPrefix,
      GATEWAY_CONTEXT_TOKEN_PRIVATE_JWK: JSON.stringify(keys.privateKeyJwk),
      GATEWAY_CONTEXT_TOKEN_PUBLIC_JWK: JSON.stringify(keys.publicKeyJwk),
      SUBGRAPHS: `ping=${subgraph.url}`,
      GATEWAY_PORT: '0',
      LOG_LEVEL: 'warn',
    };
    urls = await Promise.all([startGateway(env), startGateway(env)]);
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)))));
    await subgraph?.close();
    const redis = new Redis(redisUrl!);
    const stale = await redis.keys(`${keyPrefix}*`);
    if (stale.length > 0) await redis.del(...stale);
    await redis.quit();
    rmSync(directory, { recursive: true, force: true });
  });

  it('lets five requests through across both replicas and refuses the rest with 429 and Retry-After', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const { status, headers, body } = await postGraphQL(urls[i % 2]!, '{ ping { pong } }', undefined, { 'x-api-key': apiKey });
      if (status === 200) {
        expect(body).toEqual({ data: { ping: { pong: 'pong' } } });
        outcomes.push('ok');
      } else {
        expect(status).toBe(429);
        expect(body.errors![0]!.extensions!.code).toBe('GW_QUOTA_EXCEEDED');
        expect(Number(headers.get('retry-after'))).toBeGreaterThan(0);
        outcomes.push('quota');
      }
    }
    expect(outcomes).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'quota', 'quota', 'quota']);
  });

  function startGateway(env: NodeJS.ProcessEnv): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [GATEWAY_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /govgraph gateway ready at (\S+)/.exec(output);
        if (match) resolve(match[1]!);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`gateway exited with ${code}: ${output.slice(-2000)}`)));
    });
  }
});
