/** `govgraph departments create|list`: departments own applications and subgraphs (platform admins create them). */
import { print, stringOption, type AdminCommand } from '../admin-command';
import { DEPARTMENT_FIELDS } from '../admin-selections';
import { formatRecord, formatTable } from '../format-table';

interface DepartmentRow {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly createdAt: string;
}

/** `departments create --code <code> --name <name>` */
export const departmentsCreateCommand: AdminCommand = {
  name: 'departments create',
  synopsis: '--code <code> --name <name>',
  summary: 'create a department (platform admin)',
  args: [],
  options: { code: { type: 'string' }, name: { type: 'string' } },
  required: ['code', 'name'],
  async run(ctx) {
    const { createDepartment } = await ctx.client.request<{ createDepartment: DepartmentRow }>(
      `mutation CreateDepartment($input: CreateDepartmentInput!) { createDepartment(input: $input) { ${DEPARTMENT_FIELDS} } }`,
      { input: { code: stringOption(ctx, 'code'), name: stringOption(ctx, 'name') } },
    );
    print(ctx, createDepartment, () => formatRecord(Object.entries(createDepartment)));
  },
};

/** `departments list` */
export const departmentsListCommand: AdminCommand = {
  name: 'departments list',
  synopsis: '',
  summary: 'list departments',
  args: [],
  options: {},
  async run(ctx) {
    const { departments } = await ctx.client.request<{ departments: DepartmentRow[] }>(`{ departments { ${DEPARTMENT_FIELDS} } }`);
    print(ctx, departments, () =>
      formatTable(departments, [
        { header: 'CODE', value: (row) => row.code },
        { header: 'NAME', value: (row) => row.name },
        { header: 'ID', value: (row) => row.id },
      ]),
    );
  },
};
