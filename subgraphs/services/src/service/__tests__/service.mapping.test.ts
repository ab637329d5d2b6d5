import { UpstreamDataError } from '@govgraph/sdk';
import { createServiceRowMapper, mapServiceRow } from '../service.mapping';

const GOOD = {
  事项编码: '320100-XK-0012',
  事项名称: '食品经营许可（新办）',
  实施部门: '南京市市场监督管理局',
  事项类型: '行政许可',
  网办深度: '4',
  承诺时限: '10',
  法定时限: '20',
};

function reasonOf(row: Record<string, string>): string {
  try {
    mapServiceRow(row);
  } catch (error) {
    expect(error).toBeInstanceOf(UpstreamDataError);
    expect((error as UpstreamDataError).code).toBe('CONN_UPSTREAM_INVALID_RESPONSE');
    return (error as Error).message;
  }
  throw new Error('the row was accepted');
}

describe('mapServiceRow', () => {
  it('maps a good row to the GraphQL shape, trimming padded values', () => {
    expect(mapServiceRow({ ...GOOD, 事项名称: ' 食品经营许可（新办） ', 网办深度: ' 4' })).toEqual({
      code: '320100-XK-0012',
      name: '食品经营许可（新办）',
      department: '南京市市场监督管理局',
      kind: '行政许可',
      onlineDepth: 4,
      promisedDays: 10,
      legalDays: 20,
    });
  });

  it('accepts a promised time of 0 days (handled on the spot, 即办件)', () => {
    expect(mapServiceRow({ ...GOOD, 承诺时限: '0', 法定时限: '1' })).toMatchObject({ promisedDays: 0, legalDays: 1 });
  });

  it.each([
    [{ 事项编码: '' }, '事项编码 is empty'],
    [{ 事项编码: 'BAD-1' }, '事项编码 "BAD-1" is not of the form 320100-XK-0012'],
    [{ 事项编码: '320100-xk-0012' }, 'is not of the form'],
    [{ 事项名称: '  ' }, '事项名称 is empty'],
    [{ 实施部门: '' }, '实施部门 is empty'],
    [{ 事项类型: '' }, '事项类型 is empty'],
    [{ 事项名称: '长'.repeat(201) }, '事项名称 is longer than 200 characters'],
    [{ 网办深度: '5' }, '网办深度 must be a whole number from 1 to 4 (got "5")'],
    [{ 网办深度: '0' }, '网办深度 must be a whole number from 1 to 4 (got "0")'],
    [{ 网办深度: '2.5' }, '网办深度 must be a whole number from 1 to 4'],
    [{ 承诺时限: '十五' }, '承诺时限 must be a whole number of working days, 0 (on the spot) to 9999 (got "十五")'],
    [{ 承诺时限: '-1' }, '承诺时限 must be a whole number'],
    [{ 承诺时限: '' }, '承诺时限 must be a whole number'],
    [{ 法定时限: '0' }, '法定时限 must be a whole number of working days from 1 to 9999 (got "0")'],
    [{ 法定时限: '1e3' }, '法定时限 must be a whole number'],
    [{ 法定时限: '12345' }, '法定时限 must be a whole number'],
    [{ 承诺时限: '21', 法定时限: '20' }, '承诺时限 21 exceeds 法定时限 20'],
  ])('rejects %j: %s', (change, reason) => {
    expect(reasonOf({ ...GOOD, ...change })).toContain(reason);
  });

  it('names every bad column of a row at once', () => {
    expect(reasonOf({ ...GOOD, 事项编码: 'X', 网办深度: '9', 法定时限: '' })).toBe(
      'Bad catalog row: 事项编码 "X" is not of the form 320100-XK-0012; 网办深度 must be a whole number from 1 to 4 (got "9"); ' +
        '法定时限 must be a whole number of working days from 1 to 9999 (got "")',
    );
  });

  it('rejects a row that lacks a column', () => {
    const { 法定时限: _dropped, ...row } = GOOD;
    expect(reasonOf(row)).toContain('法定时限 must be a whole number');
  });
});

describe('createServiceRowMapper', () => {
  it('rejects a code repeated within a file, naming the first line, and starts afresh for the next file', () => {
    const mapRow = createServiceRowMapper();
    expect(mapRow(GOOD, { file: 'catalog-20260101080000.csv', line: 2 }).code).toBe('320100-XK-0012');
    expect(() => mapRow({ ...GOOD, 事项名称: '别的' }, { file: 'catalog-20260101080000.csv', line: 3 })).toThrow(
      'Bad catalog row: 事项编码 320100-XK-0012 repeats line 2',
    );
    expect(mapRow(GOOD, { file: 'catalog-20260101090000.csv', line: 2 }).code).toBe('320100-XK-0012');
    // The same file read again (rewritten in place) starts from its first data line.
    expect(mapRow(GOOD, { file: 'catalog-20260101090000.csv', line: 2 }).code).toBe('320100-XK-0012');
  });
});
