/** One row of an inventory report, typed. Absent fields are those the report does not have, or left empty. */
export interface InventoryRecord {
    /** COS: the source account's APPID. */
    readonly appId?: string;
    readonly bucket?: string;
    /** The object key, URL-decoded. */
    readonly key: string;
    readonly versionId?: string;
    readonly isLatest?: boolean;
    readonly isDeleteMarker?: boolean;
    readonly size?: number;
    readonly lastModified?: Date;
    readonly etag?: string;
    readonly storageClass?: string;
    readonly isMultipartUploaded?: boolean;
    readonly replicationStatus?: string;
    readonly encryptionStatus?: string;
    /** Object tags (the Tag column, `k=v&k2=v2` URL-encoded), when the report has them. */
    readonly tags?: Record<string, string>;
    readonly crc64?: string;
    /** Columns this reader has no field for (`x-cos-meta-*` ...), by name, as written. */
    readonly extra?: Record<string, string>;
}
/** The known columns, by the names the services use, to the record field each fills. */
export declare const KNOWN_COLUMNS: {
    readonly appid: "appId";
    readonly bucket: "bucket";
    readonly key: "key";
    readonly versionid: "versionId";
    readonly islatest: "isLatest";
    readonly isdeletemarker: "isDeleteMarker";
    readonly size: "size";
    readonly lastmodifieddate: "lastModified";
    readonly etag: "etag";
    readonly storageclass: "storageClass";
    readonly ismultipartuploaded: "isMultipartUploaded";
    readonly replicationstatus: "replicationStatus";
    readonly encryptionstatus: "encryptionStatus";
    readonly tag: "tags";
    readonly crc64: "crc64";
};
export type RecordField = typeof KNOWN_COLUMNS[keyof typeof KNOWN_COLUMNS];
/** Where each field is in a row: -1 when the report has no such column. */
export type ColumnIndex = Record<RecordField, number> & {
    readonly extra: ReadonlyArray<readonly [string, number]>;
};
export declare function columnIndex(columns: readonly string[]): ColumnIndex;
/**
 * A key as the CSV holds it, decoded: `%XX` sequences and `+` for a space (how COS's and OBS's Java-style URL
 * encoding writes them). A key that does not decode (a stray `%`) is returned as written.
 */
export declare function decodeKey(raw: string): string;
/** The encoding decodeKey undoes: what the test and bench generators write. */
export declare function encodeKey(key: string): string;
export declare function parseBoolean(value: string): boolean | undefined;
/** `k=v&k2=v2`, each part URL-encoded; an empty string is no tags. */
export declare function parseTags(value: string): Record<string, string>;
/** An ETag without the quotes some writers keep. */
export declare function cleanEtag(value: string): string;
/** Builds the typed record of one row. */
export declare function toRecord(fields: readonly string[], count: number, ix: ColumnIndex): InventoryRecord;
