import { parseRunArgs } from '../parse-run-args';

describe('parseRunArgs', () => {
  it('defaults: 5 s warm-up, 15 s window, 3 rounds, 50 connections, 20 validations, every gateway, Node’s heap limit', () => {
    const options = parseRunArgs([]);
    expect(options).toMatchObject({ warmupSeconds: 5, durationSeconds: 15, rounds: 3, connections: 50, validationRequests: 20, heapLimitMiB: undefined });
    expect(options.gateways).toEqual(['govgraph-open', 'govgraph-open-apollo-engine', 'govgraph-policies', 'apollo-baseline', 'hive-rust', 'hive-rust-no-dedupe']);
  });

  it('takes --heap-limit in MiB for every gateway, and --only in the order given', () => {
    const options = parseRunArgs(['--heap-limit', '1024', '--only', 'hive-rust,govgraph-policies', '--rounds', '2']);
    expect(options.heapLimitMiB).toBe(1024);
    expect(options.gateways).toEqual(['hive-rust', 'govgraph-policies']);
    expect(options.rounds).toBe(2);
  });

  it('reports every problem at once, with the usage', () => {
    expect(() => parseRunArgs(['--heap-limit', '12', '--rounds', '0', '--only', 'nginx'])).toThrow(
      /--rounds must be an integer >= 1 \(got "0"\)\n--heap-limit must be an integer >= 64 \(got "12"\)\n--only: unknown gateway "nginx"[\s\S]*usage: node bench\/dist\/run\.js/,
    );
    expect(() => parseRunArgs(['--heap-limit', '1.5g'])).toThrow(/--heap-limit must be an integer >= 64 \(got "1\.5g"\)/);
  });
});
