// Registers cdktf's jest matchers (toHaveResourceWithProperties and friends) and their types.
import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';

Testing.setupJest();

// The handler asset's directory is the hash of the bundle, which changes with any handler change; the bundle is
// tested on its own, so snapshots pin everything about the command except that hash.
const ASSET_HASH = /(assets\/CosInventoryHandler\/)[0-9A-F]{32}\//g;
expect.addSnapshotSerializer({
  test: (value: unknown) => typeof value === 'string' && /assets\/CosInventoryHandler\/[0-9A-F]{32}\//.test(value),
  serialize: (value: string, config, indentation, depth, refs, printer) => printer(value.replace(ASSET_HASH, '$1<bundle hash>/'), config, indentation, depth, refs),
});
