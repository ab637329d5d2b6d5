/** `govgraph grants add|list|revoke`: what an application may call, up to which data grade, for which purpose. */
import { integerOption, listOption, print, stringOption, type AdminCommand } from '../admin-command';
import { GRANT_FIELDS, type GrantRow } from '../admin-selections';
import { formatRecord, formatTable } from '../format-table';
import { parseExpiry } from '../parse-duration';

/** Key/value lines of a grant. */
export function grantRecord(grant: GrantRow): string {
  return formatRecord([
    ['id', grant.id],
    ['application', grant.applicationId],
    ['targets', grant.targets],
    ['grade', grant.maxGrade],
    ['purpose', grant.purpose],
    ['rps', grant.requestsPerSecond],
    ['daily quota', grant.dailyQuota],
    ['end user', grant.requireEndUser ? 'required' : 'not required'],
    ['unmask', grant.unmask],
    ['expires', grant.expiresAt ?? 'never'],
    ['revoked', grant.revokedAt],
  ]);
}

/** `grants add <appId> --targets … --grade L3 --purpose … --rps 10 --quota 10000 [--require-end-user] [--unmask phone,name] [--expires …]` */
export const grantsAddCommand: AdminCommand = {
  name: 'grants add',
  synopsis:
    '<appId> --targets <Type.field,subgraph:name,…> --grade <L1-L4> --purpose <text> --rps <n> --quota <n> [--require-end-user] [--unmask <rule,…>] [--expires <when>]',
  summary: 'grant an application field coordinates or whole subgraphs',
  args: ['appId'],
  options: {
    targets: { type: 'string' },
    grade: { type: 'string' },
    purpose: { type: 'string' },
    rps: { type: 'string' },
    quota: { type: 'string' },
    'require-end-user': { type: 'boolean' },
    unmask: { type: 'string' },
    expires: { type: 'string' },
  },
  required: ['targets', 'grade', 'purpose', 'rps', 'quota'],
  async run(ctx) {
    const expires = stringOption(ctx, 'expires');
    const input = {
      applicationId: ctx.args[0],
      targets: listOption(ctx, 'targets'),
      maxGrade: stringOption(ctx, 'grade'),
      purpose: stringOption(ctx, 'purpose'),
      requestsPerSecond: integerOption(ctx, 'rps'),
      dailyQuota: integerOption(ctx, 'quota'),
      requireEndUser: ctx.values['require-end-user'] === true,
      unmask: listOption(ctx, 'unmask') ?? [],
      expiresAt: expires === undefined ? null : parseExpiry(expires, '--expires', ctx.now()).toISOString(),
    };
    const { addGrant } = await ctx.client.request<{ addGrant: GrantRow }>(
      `mutation AddGrant($input: AddGrantInput!) { addGrant(input: $input) { ${GRANT_FIELDS} } }`,
      { input },
    );
    print(ctx, addGrant, () => grantRecord(addGrant));
  },
};

/** `grants list <appId>` */
export const grantsListCommand: AdminCommand = {
  name: 'grants list',
  synopsis: '<appId>',
  summary: 'list the grants of an application, revoked ones too',
  args: ['appId'],
  options: {},
  async run(ctx) {
    const { grants } = await ctx.client.request<{ grants: GrantRow[] }>(
      `query Grants($applicationId: ID!) { grants(applicationId: $applicationId) { ${GRANT_FIELDS} } }`,
      { applicationId: ctx.args[0] },
    );
    print(ctx, grants, () =>
      formatTable(grants, [
        { header: 'ID', value: (row) => row.id },
        { header: 'TARGETS', value: (row) => row.targets },
        { header: 'GRADE', value: (row) => row.maxGrade },
        { header: 'PURPOSE', value: (row) => row.purpose },
        { header: 'RPS', value: (row) => row.requestsPerSecond },
        { header: 'QUOTA', value: (row) => row.dailyQuota },
        { header: 'END USER', value: (row) => (row.requireEndUser ? 'yes' : 'no') },
        { header: 'UNMASK', value: (row) => row.unmask },
        { header: 'EXPIRES', value: (row) => row.expiresAt },
        { header: 'REVOKED', value: (row) => row.revokedAt },
      ]),
    );
  },
};

/** `grants revoke <grantId>` */
export const grantsRevokeCommand: AdminCommand = {
  name: 'grants revoke',
  synopsis: '<grantId>',
  summary: 'revoke a grant now',
  args: ['grantId'],
  options: {},
  async run(ctx) {
    const { revokeGrant } = await ctx.client.request<{ revokeGrant: GrantRow }>(
      `mutation RevokeGrant($id: ID!) { revokeGrant(id: $id) { ${GRANT_FIELDS} } }`,
      { id: ctx.args[0] },
    );
    print(ctx, revokeGrant, () => grantRecord(revokeGrant));
  },
};
