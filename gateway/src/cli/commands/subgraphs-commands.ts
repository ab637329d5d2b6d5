/** `govgraph subgraphs register|list`: the department subgraphs the gateway composes. */
import { print, stringOption, type AdminCommand } from '../admin-command';
import { SUBGRAPH_FIELDS } from '../admin-selections';
import { formatRecord, formatTable } from '../format-table';

interface SubgraphRow {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly department: { readonly code: string };
  readonly createdAt: string;
}

/** `subgraphs register --name <name> --url <url> --department <code>` */
export const subgraphsRegisterCommand: AdminCommand = {
  name: 'subgraphs register',
  synopsis: '--name <name> --url <http(s)://…/graphql> --department <code>',
  summary: 'register a department subgraph',
  args: [],
  options: { name: { type: 'string' }, url: { type: 'string' }, department: { type: 'string' } },
  required: ['name', 'url', 'department'],
  async run(ctx) {
    // Here `--url` is the subgraph's; the admin API's comes from --admin-url or GOVGRAPH_ADMIN_URL (see runAdminCli).
    const { registerSubgraph } = await ctx.client.request<{ registerSubgraph: SubgraphRow }>(
      `mutation RegisterSubgraph($input: RegisterSubgraphInput!) { registerSubgraph(input: $input) { ${SUBGRAPH_FIELDS} } }`,
      { input: { name: stringOption(ctx, 'name'), url: stringOption(ctx, 'url'), departmentCode: stringOption(ctx, 'department') } },
    );
    print(ctx, registerSubgraph, () =>
      formatRecord([
        ['id', registerSubgraph.id],
        ['name', registerSubgraph.name],
        ['url', registerSubgraph.url],
        ['department', registerSubgraph.department.code],
      ]),
    );
  },
};

/** `subgraphs list` */
export const subgraphsListCommand: AdminCommand = {
  name: 'subgraphs list',
  synopsis: '',
  summary: 'list registered subgraphs',
  args: [],
  options: {},
  async run(ctx) {
    const { subgraphs } = await ctx.client.request<{ subgraphs: SubgraphRow[] }>(`{ subgraphs { ${SUBGRAPH_FIELDS} } }`);
    print(ctx, subgraphs, () =>
      formatTable(subgraphs, [
        { header: 'NAME', value: (row) => row.name },
        { header: 'URL', value: (row) => row.url },
        { header: 'DEPARTMENT', value: (row) => row.department.code },
        { header: 'ID', value: (row) => row.id },
      ]),
    );
  },
};
