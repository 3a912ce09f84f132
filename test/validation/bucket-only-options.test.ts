import { synthInventory } from '../support/build';

describe('rule: bucket options need a bucket created here', () => {
  test('report expiry on an existing bucket is refused, not ignored', () => {
    expect(() => synthInventory({}, { existingBucket: true, reportExpirationDays: 30 })).toThrow(
      '[test/Dest] reportExpirationDays = 30: applies only to a bucket created here (existingBucket is true)',
    );
  });

  test('expiry is a whole number of days', () => {
    expect(() => synthInventory({}, { reportExpirationDays: 0 })).toThrow('[test/Dest] reportExpirationDays = 0: must be a whole number of days, 1 or more');
  });
});
