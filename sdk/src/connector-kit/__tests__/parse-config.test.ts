import { z } from 'zod';
import { ConfigError } from '../../errors';
import { booleanOption, integerOption, numberOption } from '../config-values';
import { createConfigError } from '../create-config-error';
import { parseConfig } from '../parse-config';

describe('config option schemas', () => {
  it('accept the string forms of environment variables and keep their bounds', () => {
    expect(integerOption(1, 10).parse(' 7 ')).toBe(7);
    expect(integerOption(1, 10).safeParse('11').success).toBe(false);
    expect(integerOption(1, 10).safeParse('7.5').success).toBe(false);
    expect(numberOption(0, 1).parse('.25')).toBe(0.25);
    expect(booleanOption().parse('false')).toBe(false);
    expect(booleanOption().safeParse('yes').success).toBe(false);
  });

  it('words every integer problem as the range when asked to', () => {
    const port = integerOption(0, 65_535, { rangeMessage: true });
    const messages = ['http', '1.5', '70000', 70_000].map((value) => port.safeParse(value).error?.issues[0]?.message);
    expect(messages).toEqual(Array(4).fill('must be an integer from 0 to 65535'));
    expect(integerOption(0, 65_535).safeParse('70000').error?.issues[0]?.message).not.toBe('must be an integer from 0 to 65535');
  });

  it('reads a signed string as a number unless signed is false', () => {
    expect(integerOption(-5, 5).parse('-3')).toBe(-3);
    expect(integerOption(0, 10).safeParse('-3', { reportInput: true }).error?.issues[0]?.input).toBe(-3);
    expect(integerOption(0, 10, { signed: false }).safeParse('-3', { reportInput: true }).error?.issues[0]?.input).toBe('-3');
    expect(integerOption(0, 10, { signed: false }).parse(' 7 ')).toBe(7);
  });
});

describe('parseConfig', () => {
  const schema = z.strictObject({ port: integerOption(1, 65535), tags: z.array(z.string()) });

  it('returns the parsed value deeply frozen', () => {
    const config = parseConfig(schema, { port: '8080', tags: ['a'] }, 'demo');
    expect(config).toEqual({ port: 8080, tags: ['a'] });
    expect(Object.isFrozen(config.tags)).toBe(true);
  });

  it('reports every problem on one line, with a custom value display', () => {
    expect(() => parseConfig(schema, { port: 0, extra: 1 }, 'demo', (path) => (path === 'port' ? '***' : undefined))).toThrow(
      new ConfigError('Invalid demo config: port: must be at least 1 (got ***); tags: is required; extra: is not a known option'),
    );
  });
});

describe('createConfigError', () => {
  it('lists every problem on its own line and hides values of secret options', () => {
    const schema = z.object({ timeoutMs: z.number(), headers: z.record(z.string(), z.string()) });
    const result = schema.safeParse({ timeoutMs: 'x', headers: { authorization: 1 } }, { reportInput: true });
    if (result.success) throw new Error('expected a failure');
    const error = createConfigError('demo source', result.error.issues, ['headers']);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/^invalid demo source configuration \(2 problems\):\n {2}- timeoutMs: .*, got "x"\n {2}- headers\.authorization: .*not shown: secret option/);
    expect(error.message).not.toContain(': 1');
  });
});
