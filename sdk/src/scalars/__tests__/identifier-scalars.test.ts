import { GraphQLError, Kind } from 'graphql';
import { CreditCodeScalar, ResidentIdScalar } from '..';
import { creditCodeCheckChar, organisationCodeCheckChar, residentIdCheckChar } from '../../identifiers';

const validId = (first17: string) => first17 + residentIdCheckChar(first17);

describe('ResidentIdScalar', () => {
  const id = validId('11010519491231002');

  it('accepts a valid ID number from a variable and from a literal', () => {
    expect(ResidentIdScalar.parseValue(id)).toBe(id);
    expect(ResidentIdScalar.parseLiteral({ kind: Kind.STRING, value: id })).toBe(id);
  });

  it('refuses a wrong check character with BAD_USER_INPUT saying which character was expected', () => {
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    let error: unknown;
    try {
      ResidentIdScalar.parseValue(wrong);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    expect((error as GraphQLError).message).toContain(`Invalid resident ID number "${wrong}"`);
    expect((error as GraphQLError).message).toContain(`check character should be '${id[17]}'`);
  });

  it('refuses a non-string', () => {
    expect(() => ResidentIdScalar.parseValue(110105)).toThrow('resident ID number must be a string, got number');
    expect(() => ResidentIdScalar.parseLiteral({ kind: Kind.INT, value: '1' })).toThrow('must be a string literal');
  });
});

describe('CreditCodeScalar', () => {
  it('accepts a valid code and refuses a corrupted one', () => {
    const first17 = `91320000${'13476892'}${organisationCodeCheckChar('13476892')}`;
    const code = first17 + creditCodeCheckChar(first17);
    expect(() => CreditCodeScalar.parseValue(code)).not.toThrow();
    const wrong = first17 + (code[17] === '0' ? '1' : '0');
    expect(() => CreditCodeScalar.parseValue(wrong)).toThrow(/Invalid unified social credit code/);
  });
});
