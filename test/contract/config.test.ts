import { joinReconcileSlices, parseReconcile } from '../../src/contract/config';

const CONFIG = {
  version: 1, service: 'cos', bucket: 'logs-1250000000', region: 'ap-guangzhou', id: 'inventory-daily', enabled: true, frequency: 'Daily',
  includedObjectVersions: 'Current', optionalFields: [], destination: { bucket: 'reports-1250000000', prefix: 'p', accountId: '100000000001', encryption: true },
};
const BASE = { version: 1, service: 'cos', ledger: { bucket: 'reports-1250000000', region: 'ap-guangzhou', key: 'k' }, configs: {}, provider: {}, adopt: [] };

describe('joinReconcileSlices', () => {
  test('merges every slice of each config map back into the document, and the result parses', () => {
    const json = joinReconcileSlices({
      INVENTORY_RECONCILE: JSON.stringify(BASE),
      INVENTORY_RECONCILE_CONFIGS_0: JSON.stringify({ 'a-1250000000/inventory-daily': { ...CONFIG, bucket: 'a-1250000000' } }),
      INVENTORY_RECONCILE_CONFIGS_1: JSON.stringify({ 'b-1250000000/inventory-daily': { ...CONFIG, bucket: 'b-1250000000' } }),
      INVENTORY_RECONCILE_PROVIDER_0: JSON.stringify({ 'c-1250000000/inventory-daily': { ...CONFIG, bucket: 'c-1250000000' } }),
      // A gap ends the slices: a stray later one is not read.
      INVENTORY_RECONCILE_CONFIGS_3: JSON.stringify({ 'z/z': CONFIG }),
    });
    const spec = parseReconcile(json);
    expect(Object.keys(spec.configs)).toEqual(['a-1250000000/inventory-daily', 'b-1250000000/inventory-daily']);
    expect(Object.keys(spec.provider)).toEqual(['c-1250000000/inventory-daily']);
  });

  test('a document that is not JSON is left for parseReconcile to refuse', () => {
    expect(joinReconcileSlices({ INVENTORY_RECONCILE: 'not json' })).toBe('not json');
    expect(joinReconcileSlices({})).toBeUndefined();
  });
});
