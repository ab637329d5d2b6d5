import { BadGatewayError } from '@govgraph/sdk';
import type { ServiceCatalog } from '../service-catalog';
import { buildServiceIndex, type ServiceIndex } from '../service-index';
import { createServiceLoaders } from '../service.loader';
import type { Service } from '../service.type';

const A: Service = { code: '320100-XK-0001', name: '甲', department: '南京市民政局', kind: '行政许可', onlineDepth: 2, promisedDays: 1, legalDays: 5 };
const B: Service = { ...A, code: '320100-XK-0002', name: '乙' };

/** A catalog whose export changes whenever the test says so, counting index reads. */
function switchingCatalog(...snapshots: ServiceIndex[]) {
  const state = { at: 0, reads: 0 };
  const catalog: ServiceCatalog = {
    kind: 'file',
    name: 'service-catalog',
    start: async () => undefined,
    stop: async () => undefined,
    checkHealth: async () => ({ status: 'up' }),
    index() {
      state.reads += 1;
      const index = snapshots[state.at];
      if (!index) throw new BadGatewayError('no export');
      return index;
    },
  };
  return { catalog, state };
}

describe('createServiceLoaders', () => {
  it('pins one export for the whole request, even when a new one is swapped in meanwhile', async () => {
    const first = buildServiceIndex([A]);
    const second = buildServiceIndex([A, B]);
    const { catalog, state } = switchingCatalog(first, second);
    const loaders = createServiceLoaders(catalog);
    expect(loaders.catalog()).toBe(first);
    state.at = 1;
    expect(loaders.catalog()).toBe(first);
    expect(await loaders.serviceByCode.load('320100-XK-0002')).toBeNull();
    expect(state.reads).toBe(1);
    // The next request sees the new export.
    expect(await createServiceLoaders(catalog).serviceByCode.load('320100-XK-0002')).toBe(B);
  });

  it('looks up the codes of one tick together, in key order, null for a missing code', async () => {
    const index = buildServiceIndex([A, B]);
    const byCodes = jest.spyOn(index, 'byCodes');
    const { catalog } = switchingCatalog(index);
    const loaders = createServiceLoaders(catalog);
    const found = await Promise.all(['320100-XK-0002', '320100-XK-0009', '320100-XK-0001', '320100-XK-0002'].map((code) => loaders.serviceByCode.load(code)));
    expect(found).toEqual([B, null, A, B]);
    expect(byCodes).toHaveBeenCalledTimes(1);
    expect(byCodes).toHaveBeenCalledWith(['320100-XK-0002', '320100-XK-0009', '320100-XK-0001']);
  });

  it('reports a catalog without an export as a field error, not at context creation', async () => {
    const { catalog } = switchingCatalog();
    const loaders = createServiceLoaders(catalog);
    await expect(loaders.serviceByCode.load('320100-XK-0001')).rejects.toBeInstanceOf(BadGatewayError);
    expect(() => loaders.catalog()).toThrow(BadGatewayError);
  });
});
