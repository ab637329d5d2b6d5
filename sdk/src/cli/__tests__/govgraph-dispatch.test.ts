import { ADMIN_COMMAND_GROUPS, loadAdminCli, runGovgraph } from '../main';

function capture(env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (text: string) => out.push(text), stderr: (text: string) => err.push(text), env }, out, err };
}

describe('govgraph dispatch of the admin commands', () => {
  it('hands every admin group to the gateway\'s runAdminCli, with the arguments and io unchanged', async () => {
    for (const group of ADMIN_COMMAND_GROUPS) {
      const calls: unknown[][] = [];
      const { io } = capture();
      const code = await runGovgraph([group, 'list', '--json'], io, () => async (...args) => {
        calls.push(args);
        return 7;
      });
      expect(code).toBe(7);
      expect(calls).toEqual([[[group, 'list', '--json'], io]]);
    }
  });

  it('keeps connector new and --help in the SDK', async () => {
    const { io, out } = capture();
    const load = jest.fn();
    expect(await runGovgraph(['--help'], io, load)).toBe(0);
    expect(out.join('')).toMatch(/govgraph connector new <name>/);
    expect(load).not.toHaveBeenCalled();
  });

  it('explains that the gateway package is missing, exit 1', async () => {
    const { io, err } = capture();
    expect(await runGovgraph(['apps', 'list'], io, () => undefined)).toBe(1);
    expect(err.join('')).toMatch(/^govgraph apps: the admin commands come with the gateway package @govgraph\/gateway, which is not installed here/);
  });

  it('loads the real gateway CLI by its package name (a usage error proves it ran: no token)', async () => {
    const runAdminCli = loadAdminCli();
    expect(runAdminCli).toEqual(expect.any(Function));
    const { io, err } = capture({ GOVGRAPH_ADMIN_URL: 'http://127.0.0.1:9/admin/graphql' });
    expect(await runGovgraph(['apps', 'list'], io)).toBe(2);
    expect(err.join('')).toMatch(/^govgraph apps list: an admin token is required: --token or GOVGRAPH_ADMIN_TOKEN/);
  });
});
