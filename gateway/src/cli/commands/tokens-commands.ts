/** `govgraph tokens create|revoke`: admin tokens (platform admins only). A new token is printed once. */
import { print, stringOption, type AdminCommand } from '../admin-command';
import { ADMIN_TOKEN_FIELDS } from '../admin-selections';
import { formatRecord } from '../format-table';

interface AdminTokenRow {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly departmentId: string | null;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** `tokens create --name <name> --role <role> [--department <code>]` */
export const tokensCreateCommand: AdminCommand = {
  name: 'tokens create',
  synopsis: '--name <name> --role platform-admin|department-admin|auditor [--department <code>]',
  summary: 'create an admin token (printed once; platform admin)',
  args: [],
  options: { name: { type: 'string' }, role: { type: 'string' }, department: { type: 'string' } },
  required: ['name', 'role'],
  async run(ctx) {
    const { createAdminToken } = await ctx.client.request<{ createAdminToken: { token: string; id: string; adminToken: AdminTokenRow } }>(
      `mutation CreateAdminToken($input: CreateAdminTokenInput!) { createAdminToken(input: $input) { token id adminToken { ${ADMIN_TOKEN_FIELDS} } } }`,
      { input: { name: stringOption(ctx, 'name'), role: stringOption(ctx, 'role'), departmentCode: stringOption(ctx, 'department') ?? null } },
    );
    print(ctx, createAdminToken, () => {
      const { token, adminToken } = createAdminToken;
      return (
        `Admin token (shown once: store it now, it cannot be shown again):\n  ${token}\n` +
        formatRecord([
          ['id', adminToken.id],
          ['name', adminToken.name],
          ['role', adminToken.role],
          ['department', adminToken.departmentId],
        ])
      );
    });
  },
};

/** `tokens revoke <tokenId>` */
export const tokensRevokeCommand: AdminCommand = {
  name: 'tokens revoke',
  synopsis: '<tokenId>',
  summary: 'revoke an admin token now (platform admin)',
  args: ['tokenId'],
  options: {},
  async run(ctx) {
    const { revokeAdminToken } = await ctx.client.request<{ revokeAdminToken: AdminTokenRow }>(
      `mutation RevokeAdminToken($id: ID!) { revokeAdminToken(id: $id) { ${ADMIN_TOKEN_FIELDS} } }`,
      { id: ctx.args[0] },
    );
    print(ctx, revokeAdminToken, () => formatRecord([['id', revokeAdminToken.id], ['name', revokeAdminToken.name], ['revoked', revokeAdminToken.revokedAt]]));
  },
};
