import type { InventoryJobSpec } from '../contract/spec';
/** What a COS inventory config lists and where it writes: the part one-off jobs and periodic configs share. */
export type InventoryContent = Pick<InventoryJobSpec, 'region' | 'destination' | 'filter' | 'includedObjectVersions' | 'optionalFields'>;
/** The periodic part of PUT Bucket inventory, which POST Bucket inventory refuses. */
export interface InventorySchedule {
    readonly enabled: boolean;
    readonly frequency: 'Daily' | 'Weekly';
}
/**
 * The `InventoryConfiguration` body, element for element as the COS documentation gives it: Id, IsEnabled (PUT
 * only), Destination/COSBucketDestination (Format, AccountId, Bucket, Prefix, Encryption/SSE-COS), Schedule (PUT
 * only), Filter (And with Prefix and Tag, Period), IncludedObjectVersions, OptionalFields. Without a schedule it is
 * the POST Bucket inventory body, which never carries IsEnabled or Schedule.
 */
export declare function buildInventoryXml(spec: InventoryContent, id: string, schedule?: InventorySchedule): string;
/** Parses any COS XML body into plain objects (Field and Tag always arrays). */
export declare function parseXml(xml: string): any;
/** `PostInventoryResult/JobId`, or `undefined` for an empty body (the Chinese page documents an empty one). */
export declare function parseJobId(xml: string): string | undefined;
/** The documented COS error body: Code, Message, Resource, RequestId, TraceId. */
export interface CosErrorBody {
    readonly Code?: string;
    readonly Message?: string;
    readonly RequestId?: string;
    readonly TraceId?: string;
}
export declare function parseErrorBody(xml: string): CosErrorBody;
