/**
 * Integration tests start real servers (the whole platform in a few
 * seconds on a loaded two-core machine): give their hooks and tests a
 * minute instead of jest's 5 s. Unit tests keep the default.
 */
jest.setTimeout(60_000);
