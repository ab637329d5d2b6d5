import { assertKebabName, deriveNames, InvalidNameError, pascalToKebab, toCamelIdentifier, toPascalIdentifier } from '../names';

describe('deriveNames', () => {
  it('derives every spelling from a kebab name', () => {
    expect(deriveNames('business-permits')).toEqual({
      kebab: 'business-permits',
      pascal: 'BusinessPermits',
      camel: 'businessPermits',
      constant: 'BUSINESS_PERMITS',
      snake: 'business_permits',
      entity: { pascal: 'BusinessPermit', camel: 'businessPermit', kebab: 'business-permit', pluralCamel: 'businessPermits', pluralPascal: 'BusinessPermits' },
    });
  });

  it('singularises the last word for the entity', () => {
    expect(deriveNames('agencies').entity.pascal).toBe('Agency');
    expect(deriveNames('licences').entity.pascal).toBe('Licence');
    expect(deriveNames('addresses').entity.pascal).toBe('Address');
    expect(deriveNames('land-use2').entity.pascal).toBe('LandUse2');
    expect(deriveNames('gas').entity.pascal).toBe('Gas');
  });

  it('takes the entity from --entity and pluralises it', () => {
    const names = deriveNames('registry', 'Enterprise');
    expect(names.entity).toEqual({ pascal: 'Enterprise', camel: 'enterprise', kebab: 'enterprise', pluralCamel: 'enterprises', pluralPascal: 'Enterprises' });
    expect(deriveNames('x-registry', 'Agency').entity.pluralCamel).toBe('agencies');
  });

  it('refuses an entity that is not PascalCase or is reserved', () => {
    expect(() => deriveNames('permits', 'permit')).toThrow(/entity "permit" is not PascalCase/);
    expect(() => deriveNames('queries', 'Query')).toThrow(/reserved/);
  });
});

describe('assertKebabName', () => {
  it.each(['permits', 'business-permits', 'land-use2', 'a1'])('accepts %s', (name) => {
    expect(() => assertKebabName(name)).not.toThrow();
  });

  it.each([
    ['BusinessPermits', /not lower-case kebab.*did you mean "business-permits"/],
    ['business_permits', /did you mean "business-permits"/],
    ['business--permits', /not lower-case kebab/],
    ['-permits', /not lower-case kebab/],
    ['2permits', /starting with a letter/],
    ['', /not lower-case kebab/],
  ])('refuses %j with a clear message', (name, message) => {
    expect(() => assertKebabName(name)).toThrow(InvalidNameError);
    expect(() => assertKebabName(name)).toThrow(message);
  });

  it('refuses names over 50 characters', () => {
    expect(() => assertKebabName('a'.repeat(51))).toThrow(/too long/);
  });
});

describe('identifiers', () => {
  it('converts wire names', () => {
    expect(toCamelIdentifier('GetPersonByIdNumber')).toBe('getPersonByIdNumber');
    expect(toCamelIdentifier('person-name')).toBe('personName');
    expect(toCamelIdentifier('HTTPStatus')).toBe('httpStatus');
    expect(toPascalIdentifier('legal_person')).toBe('LegalPerson');
    expect(toPascalIdentifier('getEnterprise')).toBe('GetEnterprise');
    expect(pascalToKebab('BusinessPermit')).toBe('business-permit');
  });
});
