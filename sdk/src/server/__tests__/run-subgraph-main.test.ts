import { EventEmitter, once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '../../errors';
import { SECURITY_ENVIRONMENT_HELP } from '../../security';
import { createRecordingLogger, type RecordingLogger } from '../../testing/create-recording-logger';
import type { RunningSubgraph } from '../create-subgraph';
import { runSubgraphMain, type ListenableSubgraph, type RunSubgraphMainOptions, type SubgraphMainConfig } from '../run-subgraph-main';

interface TestConfig extends SubgraphMainConfig {
  readonly upstreamUrl: string;
}

/** A subgraph whose `listen` is a real loopback HTTP server. */
function realListenable(): ListenableSubgraph & { stopped: number } {
  return {
    stopped: 0,
    async listen(options = {}) {
      const server = createServer((_req, res) => res.end('ok'));
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
      await once(server, 'listening');
      const { port } = server.address() as AddressInfo;
      return {
        url: `http://127.0.0.1:${port}/graphql`,
        port,
        close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
      };
    },
    async stop() {
      this.stopped += 1;
    },
  };
}

function harness(overrides: Partial<RunSubgraphMainOptions<TestConfig>> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exits: number[] = [];
  const signals = new EventEmitter();
  const inputs: unknown[] = [];
  const logger: RecordingLogger = createRecordingLogger();
  const options: RunSubgraphMainOptions<TestConfig> = {
    name: 'test subgraph',
    env: { GOVGRAPH_DEV_MODE: '1', UPSTREAM_URL: 'http://127.0.0.1:9/legacy', PORT: '0' },
    argv: ['node', 'main.js'],
    stdout: { write: (text: string) => stdout.push(text) },
    stderr: { write: (text: string) => stderr.push(text) },
    exit: (code: number) => {
      exits.push(code);
    },
    signals,
    createLogger: () => logger,
    configFromEnv: (env) => ({ upstreamUrl: env['UPSTREAM_URL'], port: env['PORT'], host: env['HOST'] }),
    parseConfig: (input) => {
      inputs.push(input);
      const value = input as Record<string, unknown>;
      if (typeof value['upstreamUrl'] !== 'string') throw new ConfigError('invalid test subgraph configuration: upstreamUrl: required');
      return { upstreamUrl: value['upstreamUrl'], port: Number(value['port'] ?? 4999), host: String(value['host'] ?? '127.0.0.1'), logLevel: 'silent' };
    },
    create: () => realListenable(),
    ...overrides,
  };
  return { options, stdout, stderr, exits, signals, inputs, logger };
}

async function waitForExit(exits: number[], count = 1): Promise<void> {
  for (let i = 0; i < 200 && exits.length < count; i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('runSubgraphMain', () => {
  it('exits 1 with the config error, its code and a --help hint when the config is invalid', async () => {
    const h = harness({ env: { GOVGRAPH_DEV_MODE: '1' }, help: 'Usage: test\n' });
    await expect(runSubgraphMain(h.options)).resolves.toBeUndefined();
    expect(h.exits).toEqual([1]);
    expect(h.stderr.join('')).toBe(
      'test subgraph failed to start: [SDK_CONFIG_INVALID] invalid test subgraph configuration: upstreamUrl: required\n' +
        'Run with --help for the environment variables.\n',
    );
  });

  it('prints the whole help after a config error when asked to, and no code when showErrorCode is false', async () => {
    const h = harness({ env: { GOVGRAPH_DEV_MODE: '1' }, help: 'Usage: test\n', helpOnConfigError: 'full', showErrorCode: false });
    await runSubgraphMain(h.options);
    expect(h.stderr.join('')).toBe('test subgraph failed to start: invalid test subgraph configuration: upstreamUrl: required\nUsage: test\n');
    expect(h.exits).toEqual([1]);
  });

  it('exits 1 and explains the variables when no caller trust is configured', async () => {
    const h = harness({ env: { UPSTREAM_URL: 'http://127.0.0.1:9' } });
    await runSubgraphMain(h.options);
    expect(h.stderr.join('')).toBe(`test subgraph failed to start: no caller trust configured.\n${SECURITY_ENVIRONMENT_HELP}`);
    expect(h.exits).toEqual([1]);
    expect(h.inputs).toEqual([]);
  });

  it('prints the help for --help and starts nothing', async () => {
    const h = harness({ argv: ['node', 'main.js', '--help'], help: 'Usage: test\n' });
    await expect(runSubgraphMain(h.options)).resolves.toBeUndefined();
    expect(h.stdout).toEqual(['Usage: test\n']);
    expect(h.inputs).toEqual([]);
    expect(h.exits).toEqual([]);
  });

  it('passes the security input and drops empty variables so defaults apply', async () => {
    const h = harness({ env: { GOVGRAPH_DEV_MODE: '1', UPSTREAM_URL: 'http://127.0.0.1:9', PORT: '', HOST: '127.0.0.1' } });
    const running = await runSubgraphMain(h.options);
    expect(h.inputs).toEqual([{ upstreamUrl: 'http://127.0.0.1:9', host: '127.0.0.1', security: { mode: 'development' } }]);
    await running?.close();
  });

  it('listens, announces the URL and on SIGTERM closes the server and exits 0', async () => {
    const h = harness();
    const running = (await runSubgraphMain(h.options)) as RunningSubgraph;
    expect(h.stdout).toEqual([`test subgraph ready at ${running.url}\n`]);
    const response = await fetch(running.url);
    expect(await response.text()).toBe('ok');

    h.signals.emit('SIGTERM', 'SIGTERM');
    await waitForExit(h.exits);
    expect(h.exits).toEqual([0]);
    await expect(fetch(running.url)).rejects.toThrow();
    expect(h.logger.lines.map((line) => line.msg)).toEqual(['stopping the test subgraph', 'test subgraph stopped']);
  });

  it('announces as a log line when asked to, and exits 1 at once on a second signal', async () => {
    const h = harness({ announce: 'log' });
    const running = (await runSubgraphMain(h.options)) as RunningSubgraph;
    expect(h.stdout).toEqual([]);
    expect(h.logger.lines[0]).toMatchObject({ level: 'info', msg: 'test subgraph ready', obj: { url: running.url } });
    h.signals.emit('SIGINT', 'SIGINT');
    h.signals.emit('SIGINT', 'SIGINT');
    expect(h.exits).toEqual([1]);
    // The injected exit returns, so the close that the first signal began still finishes.
    await waitForExit(h.exits, 2);
    expect(h.exits).toEqual([1, 0]);
    expect(h.logger.lines.find((line) => line.level === 'warn')).toMatchObject({ msg: 'second signal: exiting now', obj: { signal: 'SIGINT' } });
  });

  it('exits 1 when closing fails', async () => {
    const h = harness({
      create: () => ({
        listen: async () => ({ url: 'http://127.0.0.1:1/graphql', port: 1, close: () => Promise.reject(new Error('socket stuck')) }),
      }),
    });
    await runSubgraphMain(h.options);
    h.signals.emit('SIGTERM', 'SIGTERM');
    await waitForExit(h.exits);
    expect(h.exits).toEqual([1]);
    expect(h.logger.lines.at(-1)).toMatchObject({ level: 'error', msg: 'the test subgraph did not close cleanly' });
  });

  it('stops the sources and exits 1 with the reason and its cause when listening fails', async () => {
    const subgraph = realListenable();
    const cause = Object.assign(new Error('connect ECONNREFUSED'), { target: '127.0.0.1:5432' });
    subgraph.listen = () => Promise.reject(new ConfigError('the licence library cannot be opened', { cause }));
    const h = harness({ create: () => subgraph });
    await expect(runSubgraphMain(h.options)).resolves.toBeUndefined();
    expect(subgraph.stopped).toBe(1);
    expect(h.exits).toEqual([1]);
    expect(h.stderr.join('')).toBe(
      'test subgraph failed to start: [SDK_CONFIG_INVALID] the licence library cannot be opened\n  because: connect ECONNREFUSED (127.0.0.1:5432)\n',
    );
  });

  it('prints the stack of an error that is not a govgraph error', async () => {
    const h = harness({
      create: () => {
        throw new TypeError('undefined is not a function');
      },
    });
    await runSubgraphMain(h.options);
    expect(h.stderr.join('')).toMatch(/^test subgraph failed to start: undefined is not a function\nTypeError: undefined is not a function\n {4}at /);
    expect(h.exits).toEqual([1]);
  });
});
