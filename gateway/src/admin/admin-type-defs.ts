/**
 * The admin API's schema (SDL; resolvers in `resolvers/`). Grades, mask
 * rules, roles and statuses are strings, validated by the registry so that
 * an admin gets its messages ("must be one of L1, L2, L3, L4 (got "L5")")
 * rather than a GraphQL enum coercion error; `resident-id` and
 * `department-admin` could not be enum values anyway.
 */
export const ADMIN_TYPE_DEFS = /* GraphQL */ `
  "An ISO 8601 date-time, e.g. 2030-01-01T00:00:00.000Z."
  scalar DateTime

  type Query {
    "The admin token of this request."
    viewer: AdminToken!
    "Every department (a department admin sees its own)."
    departments: [Department!]!
    "Applications, newest first (a department admin sees its own department's)."
    applications(departmentCode: String, status: String, first: Int = 50, after: String): ApplicationConnection!
    application(id: ID!): Application!
    "The application's grants, revoked ones too, newest first."
    grants(applicationId: ID!): [Grant!]!
    "Registered subgraphs (a department admin sees its own department's)."
    subgraphs: [Subgraph!]!
    "Audit records, newest first (platform admins and auditors)."
    auditRecords(filter: AuditRecordFilter, first: Int = 50, after: String): AuditRecordConnection!
    "Requests per application and UTC day, from and to inclusive (YYYY-MM-DD; platform admins and auditors)."
    usage(applicationId: ID, from: String, to: String): [UsageCount!]!
  }

  type Mutation {
    createDepartment(input: CreateDepartmentInput!): Department!
    createApplication(input: CreateApplicationInput!): Application!
    suspendApplication(id: ID!): Application!
    reactivateApplication(id: ID!): Application!
    "A new API key; the plaintext is in the answer, once, and never again."
    issueApiKey(applicationId: ID!, expiresAt: DateTime): IssuedApiKey!
    "A new key replacing the credential; the old one stays valid overlapSeconds (default 86400)."
    rotateApiKey(credentialId: ID!, overlapSeconds: Int, expiresAt: DateTime): IssuedApiKey!
    revokeApiKey(credentialId: ID!): Credential!
    addGrant(input: AddGrantInput!): Grant!
    revokeGrant(id: ID!): Grant!
    registerSubgraph(input: RegisterSubgraphInput!): Subgraph!
    "A new admin token (platform admins only); the plaintext is in the answer, once."
    createAdminToken(input: CreateAdminTokenInput!): IssuedAdminToken!
    revokeAdminToken(id: ID!): AdminToken!
  }

  type Department {
    id: ID!
    code: String!
    name: String!
    createdAt: DateTime!
  }

  type Application {
    id: ID!
    name: String!
    contact: String!
    "active or suspended."
    status: String!
    departmentId: ID!
    department: Department!
    "Its API keys, newest first: prefixes, never the keys."
    credentials: [Credential!]!
    grants: [Grant!]!
    createdAt: DateTime!
    updatedAt: DateTime!
  }

  type ApplicationConnection {
    nodes: [Application!]!
    pageInfo: PageInfo!
  }

  type PageInfo {
    "Pass as after to get the next page."
    endCursor: String
    hasNextPage: Boolean!
  }

  type Credential {
    id: ID!
    applicationId: ID!
    kind: String!
    "The first 8 characters of the key."
    prefix: String!
    createdAt: DateTime!
    expiresAt: DateTime
    revokedAt: DateTime
    "Set by a rotation: the credential that replaced this one."
    replacedById: ID
    "Set by a rotation: this key stays valid until then."
    overlapUntil: DateTime
  }

  type IssuedApiKey {
    "The plaintext key: shown here once, stored only as a hash."
    apiKey: String!
    id: ID!
    prefix: String!
    credential: Credential!
  }

  type Grant {
    id: ID!
    applicationId: ID!
    "Type.field coordinates and subgraph:<name> entries."
    targets: [String!]!
    maxGrade: String!
    purpose: String!
    expiresAt: DateTime
    requestsPerSecond: Int!
    dailyQuota: Int!
    requireEndUser: Boolean!
    "Mask rules the grant clears."
    unmask: [String!]!
    createdAt: DateTime!
    revokedAt: DateTime
  }

  type Subgraph {
    id: ID!
    name: String!
    url: String!
    departmentId: ID!
    department: Department!
    createdAt: DateTime!
  }

  type AdminToken {
    id: ID!
    name: String!
    "platform-admin, department-admin or auditor."
    role: String!
    departmentId: ID
    createdAt: DateTime!
    revokedAt: DateTime
  }

  type IssuedAdminToken {
    "The plaintext token: shown here once, stored only as a hash."
    token: String!
    id: ID!
    adminToken: AdminToken!
  }

  type AuditRecord {
    id: ID!
    at: DateTime!
    "operation or admin."
    kind: String!
    applicationId: ID
    userSubjectHash: String
    operationName: String
    operationHash: String!
    coordinates: [AuditedCoordinate!]!
    maxGrade: String!
    purpose: String
    outcome: String!
    durationMs: Int!
    subgraphs: [String!]!
    requestId: String!
    "Admin token id (admin records)."
    actor: ID
    "Admin action (admin records), e.g. grants.add."
    action: String
  }

  type AuditedCoordinate {
    coordinate: String!
    grade: String!
  }

  type AuditRecordConnection {
    nodes: [AuditRecord!]!
    pageInfo: PageInfo!
  }

  "from inclusive, to exclusive."
  input AuditRecordFilter {
    applicationId: ID
    from: DateTime
    to: DateTime
    kind: String
    outcome: String
    action: String
    actor: ID
  }

  type UsageCount {
    applicationId: ID!
    "UTC day, YYYY-MM-DD."
    day: String!
    requests: Int!
  }

  input CreateDepartmentInput {
    code: String!
    name: String!
  }

  input CreateApplicationInput {
    name: String!
    departmentCode: String!
    contact: String!
  }

  input AddGrantInput {
    applicationId: ID!
    targets: [String!]!
    maxGrade: String!
    purpose: String!
    expiresAt: DateTime
    requestsPerSecond: Int!
    dailyQuota: Int!
    requireEndUser: Boolean = false
    unmask: [String!] = []
  }

  input RegisterSubgraphInput {
    name: String!
    url: String!
    departmentCode: String!
  }

  input CreateAdminTokenInput {
    name: String!
    role: String!
    "Required for a department-admin, refused otherwise."
    departmentCode: String
  }
`;
