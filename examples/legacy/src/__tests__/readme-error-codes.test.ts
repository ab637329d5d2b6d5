import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every error code a simulator can answer with must be documented in the README's tables. */
describe('README error tables', () => {
  const root = join(__dirname, '..');
  const readme = readFileSync(join(root, '..', 'README.md'), 'utf8');
  const sources = (directory: string): string[] =>
    readdirSync(directory).flatMap((name) => {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) return name === '__tests__' || name === 'data' ? [] : sources(path);
      return name.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
    });
  const code = sources(root).join('\n');

  it('lists every REST error code with its status', () => {
    const used = new Set([...code.matchAll(/jsonError\(\s*(\d{3}),\s*'([A-Z_]+)'/g)].map((m) => `| \`${m[2]}\` | ${m[1]} |`));
    expect(used.size).toBeGreaterThanOrEqual(9);
    for (const row of used) expect(readme).toContain(row);
  });

  it('lists every SOAP fault detail code', () => {
    const union = /export type PopulationFaultCode =([^;]+);/.exec(code)?.[1] ?? '';
    const codes = [...union.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThanOrEqual(11);
    for (const faultCode of codes) expect(readme).toContain(`| \`${faultCode}\` | \`soap:`);
  });

  it('lists every social-insurance fault detail code with its SOAP 1.2 code', () => {
    const union = /export type SocialInsuranceFaultCode =([^;]+);/.exec(code)?.[1] ?? '';
    const codes = [...union.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThanOrEqual(14);
    for (const faultCode of codes) expect(readme).toContain(`| \`${faultCode}\` | \`env:`);
  });
});
