import { Construct } from 'constructs';
import { BucketInventory, BucketInventoryProps, InventoryDestination, InventoryDestinationProps } from '../../src';
import { synth } from './synth';

export const DESTINATION: InventoryDestinationProps = { bucketName: 'reports-1250000000', region: 'ap-guangzhou', ownerUin: '100000000001' };

/** Synthesizes a destination and one inventory on it; the error of a broken rule surfaces here. */
export function synthInventory(props: Partial<BucketInventoryProps>, destinationProps: Partial<InventoryDestinationProps> = {}): string {
  return synth((scope: Construct) => {
    const destination = new InventoryDestination(scope, 'Dest', { ...DESTINATION, ...destinationProps });
    new BucketInventory(scope, 'Inv', { destination, bucketName: 'logs-1250000000', ...props });
  });
}
