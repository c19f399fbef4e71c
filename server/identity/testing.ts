/** What tests, benchmarks and scripts of other modules may use of identity, beside its public face. */
export { makeUser, TEST_PASSWORD } from './test-fixtures.ts';
export { totpCode } from './totp.ts';
