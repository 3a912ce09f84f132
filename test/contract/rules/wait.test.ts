import { cos } from '../../../src';
import { COS_DESTINATION } from '../../support/build';
import { synth } from '../../support/synth';

function job(props: Record<string, unknown>) {
  return () => synth((scope) => {
    const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
    new cos.InventoryJob(scope, 'Job', { destination, bucketName: 'logs-1250000000', ...props } as cos.InventoryJobProps);
  });
}

describe('rule: waiting for a report', () => {
  test('the timeout is whole seconds from 1 to 86400', () => {
    expect(job({ waitForReport: true, waitTimeoutSeconds: 0 })).toThrow('[test/Job] waitTimeoutSeconds = 0: must be a whole number of seconds from 1 to 86400');
    expect(job({ waitForReport: true, waitTimeoutSeconds: 86_401 })).toThrow('[test/Job] waitTimeoutSeconds = 86401: must be a whole number of seconds from 1 to 86400');
  });

  test('the poll interval is whole seconds from 1 to 600', () => {
    expect(job({ waitForReport: true, pollIntervalSeconds: 0 })).toThrow('[test/Job] pollIntervalSeconds = 0: must be a whole number of seconds from 1 to 600');
    expect(job({ waitForReport: true, pollIntervalSeconds: 'soon' })).toThrow('[test/Job] pollIntervalSeconds = "soon": must be a number');
  });

  test('the poll interval is not longer than the timeout', () => {
    expect(job({ waitForReport: true, waitTimeoutSeconds: 60, pollIntervalSeconds: 120 })).toThrow(
      '[test/Job] pollIntervalSeconds = 120: must not be longer than waitTimeoutSeconds (60)',
    );
  });

  test('wait settings apply only with waitForReport', () => {
    expect(job({ waitTimeoutSeconds: 0 })).toThrow([
      '[test/Job] waitTimeoutSeconds = 0: must be a whole number of seconds from 1 to 86400',
      '[test/Job] waitTimeoutSeconds = 0: applies only with waitForReport: true',
    ].join('\n'));
    expect(job({ pollIntervalSeconds: 30 })).toThrow('[test/Job] pollIntervalSeconds = 30: applies only with waitForReport: true');
  });

  test('whole seconds within bounds are accepted', () => {
    expect(job({ waitForReport: true, waitTimeoutSeconds: 86_400, pollIntervalSeconds: 600 })).not.toThrow();
  });
});
