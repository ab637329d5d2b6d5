/**
 * `bin/govgraph-gateway`, the gateway's command: which V8 heap limit it starts
 * node with. A stand-in node (`GOVGRAPH_NODE`) reports a chosen default heap
 * limit and prints the arguments it is started with, so each case is exact.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const COMMAND = resolve(__dirname, '../../bin/govgraph-gateway');
const MAIN = resolve(__dirname, '../../dist/main.js');

describe('the govgraph-gateway command', () => {
  const directory = mkdtempSync(join(tmpdir(), 'govgraph-gateway-command-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  /** A node that answers the command's `-p` question with `defaultMiB` and otherwise prints its arguments. */
  const fakeNode = (defaultMiB: number): string => {
    const path = join(directory, `node-${defaultMiB}`);
    writeFileSync(path, `#!/bin/sh\nif [ "$1" = -p ]; then echo ${defaultMiB}; exit 0; fi\nprintf '%s\\n' "$@"\n`);
    chmodSync(path, 0o755);
    return path;
  };
  const run = (env: Record<string, string>, args: string[] = ['--help']): { status: number | null; lines: string[]; stderr: string } => {
    const result = spawnSync(COMMAND, args, { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
    return { status: result.status, lines: result.stdout.split('\n').filter((line) => line !== ''), stderr: result.stderr };
  };

  it('starts dist/main.js with a 1 GiB old-space limit where Node would allow more, passing the arguments on', () => {
    expect(run({ GOVGRAPH_NODE: fakeNode(4144) }, ['--help', 'x y'])).toEqual({ status: 0, lines: ['--max-old-space-size=1024', MAIN, '--help', 'x y'], stderr: '' });
  });

  it("keeps Node's default where it is already smaller (a small container)", () => {
    expect(run({ GOVGRAPH_NODE: fakeNode(768) }).lines).toEqual([MAIN, '--help']);
  });

  it("keeps Node's default when node's answer is not a number", () => {
    const path = join(directory, 'node-garbage');
    writeFileSync(path, `#!/bin/sh\nif [ "$1" = -p ]; then echo 'preloaded banner'; exit 0; fi\nprintf '%s\\n' "$@"\n`);
    chmodSync(path, 0o755);
    expect(run({ GOVGRAPH_NODE: path })).toEqual({ status: 0, lines: [MAIN, '--help'], stderr: '' });
  });

  it('applies GOVGRAPH_HEAP_LIMIT_MIB as given, and 0 as "Node\'s default"', () => {
    expect(run({ GOVGRAPH_NODE: fakeNode(768), GOVGRAPH_HEAP_LIMIT_MIB: '8192' }).lines).toEqual(['--max-old-space-size=8192', MAIN, '--help']);
    expect(run({ GOVGRAPH_NODE: fakeNode(4144), GOVGRAPH_HEAP_LIMIT_MIB: '512' }).lines).toEqual(['--max-old-space-size=512', MAIN, '--help']);
    expect(run({ GOVGRAPH_NODE: fakeNode(4144), GOVGRAPH_HEAP_LIMIT_MIB: '0' }).lines).toEqual([MAIN, '--help']);
  });

  it('leaves the limit to NODE_OPTIONS when it sets one', () => {
    expect(run({ GOVGRAPH_NODE: fakeNode(4144), NODE_OPTIONS: '--enable-source-maps --max-old-space-size=300' }).lines).toEqual([MAIN, '--help']);
    expect(run({ GOVGRAPH_NODE: fakeNode(4144), NODE_OPTIONS: '--max_old_space_size=300' }).lines).toEqual([MAIN, '--help']);
  });

  it('refuses a limit that is not a whole number of MiB, with exit status 2', () => {
    for (const value of ['', '1g', '-1', '1.5']) {
      const result = run({ GOVGRAPH_NODE: fakeNode(4144), GOVGRAPH_HEAP_LIMIT_MIB: value });
      expect(result.status).toBe(2);
      expect(result.lines).toEqual([]);
      expect(result.stderr).toBe(`govgraph-gateway: GOVGRAPH_HEAP_LIMIT_MIB must be a whole number of MiB (0 keeps Node's default), got '${value}'\n`);
    }
  });

  it('prints the node options it would use, and nothing else, with GOVGRAPH_GATEWAY_PRINT_NODE_ARGS=1', () => {
    expect(run({ GOVGRAPH_NODE: fakeNode(4144), GOVGRAPH_GATEWAY_PRINT_NODE_ARGS: '1' })).toEqual({ status: 0, lines: ['--max-old-space-size=1024'], stderr: '' });
    expect(run({ GOVGRAPH_NODE: fakeNode(768), GOVGRAPH_GATEWAY_PRINT_NODE_ARGS: '1' })).toEqual({ status: 0, lines: [], stderr: '' });
  });

  it('runs the real gateway command with the real node', () => {
    const result = run({ GOVGRAPH_NODE: process.execPath });
    expect(result.status).toBe(0);
    expect(result.lines[0]).toBe('Usage: govgraph-gateway');
  });
});
