import { Agent, request as httpRequest } from 'node:http';
import type { Socket } from 'node:net';
import { jsonError, jsonResponse, startHttpSimulator, UNROUTED_OPERATION, type SimulatorHandle } from '..';

async function startEcho(): Promise<SimulatorHandle> {
  return startHttpSimulator({
    name: 'echo',
    path: '/base',
    route: (request) =>
      request.url.pathname === '/base/echo'
        ? { operation: 'echo', handle: () => jsonResponse(200, { items: [{ said: request.url.searchParams.get('say') }] }) }
        : request.url.pathname === '/base/other'
          ? { operation: 'other', handle: () => jsonResponse(200, { other: true }) }
          : { operation: UNROUTED_OPERATION, handle: () => jsonError(404, 'NOT_FOUND', 'nope') },
    injectedError: (operation) => jsonError(500, 'INTERNAL_ERROR', `injected in ${operation}`),
    maxBodyBytes: 64,
  });
}

describe('startHttpSimulator', () => {
  let sim: SimulatorHandle;
  beforeEach(async () => {
    sim = await startEcho();
  });
  afterEach(async () => {
    await sim.close();
  });

  it('listens on an ephemeral loopback port and builds the url from the path', () => {
    expect(sim.port).toBeGreaterThan(0);
    expect(sim.url).toBe(`http://127.0.0.1:${sim.port}/base`);
  });

  it('answers through the route and counts calls per operation, unknown ones included', async () => {
    const ok = await fetch(`${sim.url}/echo?say=hi`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await ok.json()).toEqual({ items: [{ said: 'hi' }] });
    expect((await fetch(`${sim.url}/nowhere`)).status).toBe(404);
    await fetch(`${sim.url}/echo`);
    expect(sim.calls.total()).toBe(3);
    expect(sim.calls.count('echo')).toBe(2);
    expect(sim.calls.byOperation()).toEqual({ echo: 2, [UNROUTED_OPERATION]: 1 });
    sim.calls.reset();
    expect(sim.calls.total()).toBe(0);
    expect(sim.calls.byOperation()).toEqual({});
  });

  it('refuses bodies over the limit with 413 and still counts them', async () => {
    const response = await fetch(`${sim.url}/echo`, { method: 'POST', body: 'x'.repeat(65) });
    expect(response.status).toBe(413);
    expect(sim.calls.count(UNROUTED_OPERATION)).toBe(1);
  });

  it("injects the protocol's server error and counts the failed call", async () => {
    sim.faults.setFailure('error');
    const response = await fetch(`${sim.url}/echo`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: 'INTERNAL_ERROR', message: 'injected in echo' } });
    expect(sim.calls.count('echo')).toBe(1);
  });

  it('limits failures to N requests, then answers normally', async () => {
    sim.faults.setFailure('error', { times: 2 });
    expect(sim.faults.current()).toEqual({ latencyMs: 0, failure: 'error', remaining: 2, operations: null });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await fetch(`${sim.url}/echo`)).status);
    expect(statuses).toEqual([500, 500, 200]);
    expect(sim.faults.current().failure).toBe('none');
    expect(sim.calls.count('echo')).toBe(3);
  });

  it('limits failures to the named operations; others do not use up the budget', async () => {
    sim.faults.setFailure('error', { times: 1, operations: ['other'] });
    expect((await fetch(`${sim.url}/echo`)).status).toBe(200);
    expect((await fetch(`${sim.url}/other`)).status).toBe(500);
    expect((await fetch(`${sim.url}/other`)).status).toBe(200);
  });

  it('resets the connection without an answer', async () => {
    sim.faults.setFailure('reset', { times: 1 });
    await expect(fetch(`${sim.url}/echo`)).rejects.toThrow('fetch failed');
    expect(sim.calls.count('echo')).toBe(1);
    expect((await fetch(`${sim.url}/echo`)).status).toBe(200);
  });

  it('sends a truncated body with status 200 in malformed mode', async () => {
    sim.faults.setFailure('malformed');
    const response = await fetch(`${sim.url}/echo?say=hello`);
    expect(response.status).toBe(200);
    const text = await response.text();
    const full = JSON.stringify({ items: [{ said: 'hello' }] });
    expect(text).toBe(full.slice(0, Math.floor(full.length / 2)));
    expect(() => JSON.parse(text)).toThrow();
  });

  it('delays answers by the configured latency', async () => {
    sim.faults.setLatency(120);
    const started = Date.now();
    expect((await fetch(`${sim.url}/echo`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    sim.faults.reset();
    expect(sim.faults.current()).toEqual({ latencyMs: 0, failure: 'none', remaining: null, operations: null });
  });

  it('hangs until closed, and close ends the hanging request', async () => {
    sim.faults.setFailure('hang');
    let settled = false;
    const pending = fetch(`${sim.url}/echo`).finally(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(settled).toBe(false);
    expect(sim.calls.count('echo')).toBe(1);
    await sim.close();
    await expect(pending).rejects.toThrow('fetch failed');
  });

  it('close cancels pending latency and is idempotent', async () => {
    sim.faults.setLatency(60_000);
    const pending = fetch(`${sim.url}/echo`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await Promise.all([sim.close(), sim.close()]);
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(pending).rejects.toThrow('fetch failed');
  });

  it('close ends idle keep-alive sockets promptly', async () => {
    const agent = new Agent({ keepAlive: true });
    const socket = await new Promise<Socket>((resolve, reject) => {
      const req = httpRequest(`${sim.url}/echo`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(req.socket as Socket));
      });
      req.on('error', reject);
      req.end();
    });
    const socketClosed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    expect(socket.destroyed).toBe(false);
    const started = Date.now();
    await sim.close();
    await socketClosed;
    expect(Date.now() - started).toBeLessThan(1000);
    agent.destroy();
  });

  it('rejects bad fault settings', () => {
    expect(() => sim.faults.setFailure('explode' as never)).toThrow(RangeError);
    expect(() => sim.faults.setFailure('error', { times: 0 })).toThrow(RangeError);
    expect(() => sim.faults.setLatency(-1)).toThrow(RangeError);
  });
});
