import { cos, InventoryErrors, obs } from '../../src';
import { COS_DESTINATION, OBS_DESTINATION, synthCosInventory, thrownBy } from '../support/build';
import { synth } from '../support/synth';

/** A real error a construct throws: a COS inventory with two broken props. */
const invalidInventory = () => synthCosInventory({ bucketName: 'logs', inventoryId: 'has space' });

describe('InventoryErrors.isValidationError', () => {
  test('recognises the error a construct throws for props a service would refuse', () => {
    expect(InventoryErrors.isValidationError(thrownBy(invalidInventory))).toBe(true);
  });

  test('recognises it from an OBS construct too', () => {
    const error = thrownBy(() => synth((scope) => new obs.InventoryDestination(scope, 'Dest', { ...OBS_DESTINATION, region: 'x.y' })));
    expect(InventoryErrors.isValidationError(error)).toBe(true);
  });

  test('the error is an Error named InventoryValidationError', () => {
    const error = thrownBy(invalidInventory);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InventoryValidationError');
  });

  test('is false for any other error', () => {
    expect(InventoryErrors.isValidationError(new Error('[test/Inv] bucketName = "logs": must be <name>-<APPID>'))).toBe(false);
  });

  test('is false for values that are not errors', () => {
    expect(InventoryErrors.isValidationError(undefined)).toBe(false);
    expect(InventoryErrors.isValidationError({ name: 'InventoryValidationError', problems: [] })).toBe(false);
  });
});

describe('InventoryErrors.problemsOf', () => {
  test('lists every problem with its construct path, field, value and rule', () => {
    expect(InventoryErrors.problemsOf(thrownBy(invalidInventory))).toEqual([
      {
        constructPath: 'test/Inv',
        field: 'bucketName',
        value: 'logs',
        rule: 'must be <name>-<APPID> (for example examplebucket-1250000000): lowercase letters, digits and hyphens, then the numeric APPID suffix',
      },
      { constructPath: 'test/Inv', field: 'inventoryId', value: 'has space', rule: 'must use only the characters a-z A-Z 0-9 - _ . and not be empty' },
    ]);
  });

  test('the message names the same problems, one a line, as [<path>] <field> = <value>: <rule>', () => {
    const error = thrownBy(invalidInventory);
    expect(error.message.split('\n')).toEqual(InventoryErrors.problemsOf(error).map((p) => `[${p.constructPath}] ${p.field} = ${JSON.stringify(p.value)}: ${p.rule}`));
  });

  test('the value is the one given, not its echo in the message', () => {
    const prefix = `/${'p'.repeat(300)}`;
    const error = thrownBy(() => synthCosInventory({ filter: { prefix } }));
    expect(InventoryErrors.problemsOf(error)[0].value).toBe(prefix);
    expect(error.message).toContain('… (303 characters)');
  });

  test('names the construct the props belong to', () => {
    const error = thrownBy(() => synth((scope) => {
      const destination = new cos.InventoryDestination(scope, 'Dest', COS_DESTINATION);
      new cos.InventoryJob(scope, 'Audit', { destination, bucketName: 'logs-1250000000', jobIdPrefix: '' });
    }));
    expect(InventoryErrors.problemsOf(error).map((p) => [p.constructPath, p.field])).toEqual([['test/Audit', 'jobIdPrefix']]);
  });

  test('is empty for any other error', () => {
    expect(InventoryErrors.problemsOf(new Error('boom'))).toEqual([]);
    expect(InventoryErrors.problemsOf(undefined)).toEqual([]);
  });
});

// Python, Java, C# and Go callers catch an exception that carries only the JavaScript error's message.
describe('InventoryErrors.problemsIn (the message text, as other jsii languages see the error)', () => {
  test('reads back every problem the message names', () => {
    const error = thrownBy(invalidInventory);
    expect(InventoryErrors.problemsIn(error.message)).toEqual(InventoryErrors.problemsOf(error));
  });

  test('problemsOf reads the message of an error that is not the original one', () => {
    const error = thrownBy(invalidInventory);
    expect(InventoryErrors.problemsOf(new Error(error.message))).toEqual(InventoryErrors.problemsOf(error));
  });

  test('a value holding ": " stays whole', () => {
    const error = thrownBy(() => synthCosInventory({ inventoryId: 'daily: all' }));
    expect(InventoryErrors.problemsIn(error.message)).toEqual([
      { constructPath: 'test/Inv', field: 'inventoryId', value: 'daily: all', rule: 'must use only the characters a-z A-Z 0-9 - _ . and not be empty' },
    ]);
  });

  test('a value cut short in the message is the cut text', () => {
    const error = thrownBy(() => synthCosInventory({ filter: { prefix: `/${'p'.repeat(300)}` } }));
    const [problem] = InventoryErrors.problemsIn(error.message);
    expect(problem.field).toBe('filter.prefix');
    expect(problem.value).toMatch(/^"\/p+… \(303 characters\)$/);
    expect(problem.rule).toBe(InventoryErrors.problemsOf(error)[0].rule);
  });

  test('reads the problems app.synth() reports through the core\'s validation error, skipping its other lines', () => {
    const message = 'Validation failed with the following errors:\n'
      + '  [stack/Dest] policy = "{\\"Statement\\":[]}": must be at most 20480 bytes\n'
      + '  [stack/Role] a created COS_QcsRole needs at least one InventoryDestination';
    expect(InventoryErrors.problemsIn(message)).toEqual([
      { constructPath: 'stack/Dest', field: 'policy', value: '{"Statement":[]}', rule: 'must be at most 20480 bytes' },
    ]);
  });
});
