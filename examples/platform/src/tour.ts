/**
 * The README's tour: queries that cross subgraphs, over the default
 * simulated province (seed 20260101). The integration test runs exactly
 * these and compares the answers with `tour-expected.json`, which is also
 * the output the README shows, so the README cannot drift from the code.
 */

/** One stop of the tour. */
export interface TourStop {
  /** Short title, used as the README heading and the test name. */
  readonly title: string;
  /** Which subgraphs the query crosses, and why it matters. */
  readonly description: string;
  readonly query: string;
  readonly variables?: Readonly<Record<string, unknown>>;
  /** The stop shows an error on purpose. */
  readonly expectErrors?: boolean;
}

/** The tour, in README order. Mutations come last: they change the case system's state. */
export const TOUR: readonly TourStop[] = [
  {
    title: 'A person with their licences and cases',
    description: 'users (population registry, SOAP) → licences (SQL licence library) and cases (city case system, REST) → services (GBK catalog export).',
    query: `query PersonOverview($idNumber: ResidentId!) {
  personByIdNumber(idNumber: $idNumber) {
    id
    name
    gender
    birthDate
    licences { number type { name } status expiresOn }
    cases { number status service { name department } }
  }
}`,
    variables: { idNumber: '320311198004051910' },
  },
  {
    title: 'An enterprise, its legal representative, licences and cases',
    description: 'users (legal-person registry, REST, and population registry, SOAP) → licences → cases.',
    query: `query EnterpriseOverview($creditCode: CreditCode!) {
  enterprise(creditCode: $creditCode) {
    name
    kind
    status
    legalRepresentative { name gender }
    licences { number type { name } status }
    cases { number status service { name } }
  }
}`,
    variables: { creditCode: '91320706MARTAT1Q53' },
  },
  {
    title: 'Verify a licence and see who holds it',
    description: 'licences → users, through the LicenceHolder union.',
    query: `query VerifyLicence($number: String!) {
  verifyLicence(number: $number) {
    result
    reason
    licence {
      type { name issuer }
      holder {
        __typename
        ... on Person { name }
        ... on Enterprise { name }
      }
    }
  }
}`,
    variables: { number: 'JS-LT0014-1990-000004' },
  },
  {
    title: 'A case with its applicant, service, history and result licence',
    description: 'cases → users (Applicant union), services (catalog export) and licences (licence library).',
    query: `query CaseDetail($number: String!) {
  case(number: $number) {
    number
    status
    applicant { __typename ... on Person { name } ... on Enterprise { name } }
    service { name department promisedDays }
    history { status at note }
    resultLicences { number status type { name } holder { ... on Person { name } } }
  }
}`,
    variables: { number: 'SQ2025010100002' },
  },
  {
    title: 'Search the service catalog',
    description: 'services: the GBK CSV export, indexed in memory and swapped when a new export arrives.',
    query: `query SearchServices {
  searchServices(text: "营业执照", pageSize: 3) {
    total
    items { code name department onlineDepth promisedDays }
  }
}`,
  },
  {
    title: "A person's social insurance",
    description:
      'users (population registry, SOAP 1.1) → social-insurance (social-insurance system, SOAP 1.2 with WS-Security): the account, and one month of contributions in yuan, converted exactly from the fen the system keeps.',
    query: `query PersonSocialInsurance($idNumber: ResidentId!) {
  personByIdNumber(idNumber: $idNumber) {
    name
    socialInsurance {
      status
      insuranceTypes
      firstContributionMonth
      contributionMonths
      payingUnit
      contributions(fromMonth: "2026-06", toMonth: "2026-06") { month insuranceType baseAmount personalAmount employerAmount }
    }
  }
}`,
    variables: { idNumber: '320102197801074232' },
  },
  {
    title: 'Submit a case',
    description: 'cases mutation; the applicant ID is checked (GB 11643) before the case system is called; `idempotencyKey` makes a retry safe.',
    query: `mutation Submit($input: SubmitCaseInput!) {
  submitCase(input: $input) { number status allowedTransitions applicant { ... on Person { name } } service { name } }
}`,
    variables: {
      input: { applicantKind: 'PERSON', applicantId: '320311198004051910', serviceCode: '320300-XK-0001', note: '网上申请', idempotencyKey: 'tour-1' },
    },
  },
  {
    title: 'Accept a submitted case',
    description: 'cases mutation: an allowed step of the workflow, with the history it writes.',
    query: `mutation Accept {
  transitionCase(number: "NT2026062900003", to: ACCEPTED, note: "材料齐全，予以受理") { status allowedTransitions history { status at note } }
}`,
  },
  {
    title: 'A transition the workflow refuses',
    description: 'A completed case cannot go back to accepted: a clear error with a stable code, and nothing is written.',
    query: `mutation Reopen {
  transitionCase(number: "SQ2025010100002", to: ACCEPTED) { status }
}`,
    expectErrors: true,
  },
];
