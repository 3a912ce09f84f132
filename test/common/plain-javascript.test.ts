// Props from plain JavaScript (test/common/fixtures/plain-javascript.js, which imports the package by name with no
// types): a prop 1.0 removed names its replacement, an unknown one is refused, a wrong type is a validation problem
// in the usual `[path] field = value: rule` form, never a TypeError from deeper down or a prop silently ignored.
import { InventoryErrors } from '../../src';
import { thrownBy } from '../support/build';
import { synth } from '../support/synth';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const app: { refused: Record<string, (scope: unknown) => unknown>; accepted: (scope: unknown) => void } = require('./fixtures/plain-javascript.js');

const SPELLING = ' (check its spelling against API.md)';

const EXPECTED: Record<string, string[]> = {
  'cos.BucketInventory with a 0.1 tag filter': ['[test/Inv] tags = {"team":"data"}: is not a prop of cos.BucketInventory: 1.0 replaced it with filter.objectTags'],
  'cos.BucketInventory with optionalFields as one string': ['[test/Inv] optionalFields = "Size": must be an array of strings'],
  'cos.BucketInventory with a string filter': ['[test/Inv] filter = "x": must be an object with prefix, objectTags, createdAfter and createdBefore only'],
  'cos.BucketInventory with a misspelt prop': [`[test/Inv] inventoryID = "daily": is not a prop of cos.BucketInventory${SPELLING}`],
  'cos.BucketInventory with a 0.1 tag filter inside filter': ['[test/Inv] filter.tags = {"team":"data"}: is not a prop of cos.BucketInventory: 1.0 replaced it with filter.objectTags'],
  'cos.InventoryDestination imported with props only a created bucket takes': [
    '[test/Dest] prefix = "reports": is not a prop of cos.InventoryDestination: 1.0 replaced it with reportPrefix',
    '[test/Dest] reportExpirationDays = 30: is not a prop of cos.InventoryDestination: 1.0 takes it only for a bucket created with new InventoryDestination; an imported bucket is not changed',
    '[test/Dest] bucketTags = {"team":"data"}: is not a prop of cos.InventoryDestination: 1.0 takes it only for a bucket created with new InventoryDestination; an imported bucket is not changed',
  ],
  'cos.InventoryDestination with 0.1 bucket tags and a string expiry': [
    '[test/Dest] reportExpirationDays = "90": must be a number',
    '[test/Dest] tags = {"team":"data"}: is not a prop of cos.InventoryDestination: 1.0 replaced it with bucketTags',
  ],
  'cos.CentralInventory with 0.1 props': [
    '[test/Central] inventory.tags = {"team":"data"}: is not a prop of cos.CentralInventory: 1.0 replaced it with filter.objectTags',
    '[test/Central] sourceBuckets = ["logs-1250000000"]: is not a prop of cos.CentralInventory: 1.0 replaced it with sources',
  ],
  'cos.CentralInventory.addSource with a 0.1 prefix': ['[test/Central] prefix = "logs/": is not a prop of cos.CentralInventory.addSource: 1.0 replaced it with filter.prefix'],
  'cos.InventoryJob with a 0.1 endpoint': ['[test/Job] endpoint = {"proxy":"http://127.0.0.1:8080"}: is not a prop of cos.InventoryJob: 1.0 replaced it with handler.endpoint'],
  'cos.ServiceRole.create with the 0.1 create flag': ['[test/Role] create = true: is not a prop of cos.ServiceRole.create: 1.0 replaced it with ServiceRole.create (and ServiceRole.fromAccount for an existing role)'],
  'cos.ServiceRole.fromAccount with a numeric owner UIN': ['[test/Role] ownerUin = 100000000001: must be a string'],
  'obs.BucketInventory with the 0.1 format': ['[test/Inv] format = "CSV": is not a prop of obs.BucketInventory: 1.0 removed it: OBS writes only CSV'],
  'obs.InventoryDestination imported with bucket tags': ['[test/Dest] bucketTags = {"team":"data"}: is not a prop of obs.InventoryDestination: 1.0 takes it only for a bucket created with new InventoryDestination; an imported bucket is not changed'],
  'obs.CentralInventory with a handler that is not an object': ['[test/Central] handler = "node": must be an object with endpoint and nodeExecutable only'],
};

test('every case of the fixture is checked', () => {
  expect(Object.keys(app.refused).sort()).toEqual(Object.keys(EXPECTED).sort());
});

test.each(Object.keys(EXPECTED))('%s: refused at synth, naming the prop', (name) => {
  const error = thrownBy(() => synth((scope) => app.refused[name](scope)));
  expect(InventoryErrors.isValidationError(error)).toBe(true);
  expect(error.message.split('\n').sort()).toEqual([...EXPECTED[name]].sort());
});

test('the props 1.0 takes pass from plain JavaScript too', () => {
  expect(() => synth((scope) => app.accepted(scope))).not.toThrow();
});
