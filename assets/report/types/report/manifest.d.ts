export type Service = 'cos' | 'obs';
/** A data file as `manifest.json` lists it. */
export interface ManifestFile {
    readonly key: string;
    readonly size: number;
    /** COS: the MD5 of the file, hex. */
    readonly md5Checksum?: string;
    /** OBS: the number of records in the file. */
    readonly inventoriedRecord?: number;
}
/** `manifest.json`, as both services write it (fields a service does not write are absent). */
export interface Manifest {
    readonly sourceBucket?: string;
    readonly destinationBucket?: string;
    readonly version?: string;
    readonly creationTimestamp?: string;
    readonly fileFormat?: string;
    /** The column names, in order, as listed by `fileSchema`. */
    readonly columns: string[];
    readonly fileSchema: string;
    readonly files: ManifestFile[];
    /** Every other field, as written. */
    readonly extra: Record<string, unknown>;
}
export declare class ReportError extends Error {
    constructor(message: string);
}
/** The column names of a `fileSchema` ("Bucket, Key, Size" or "Bucket,Key,Size"). */
export declare function schemaColumns(fileSchema: string): string[];
/** Parses `manifest.json`; `where` names it in errors. */
export declare function parseManifest(body: Buffer | string, where: string): Manifest;
export declare function md5Hex(body: Buffer | string): string;
/** What is wrong with `manifest.checksum` for this `manifest.json`, or undefined when it matches. */
export declare function checksumProblem(manifest: Buffer, checksum: Buffer | undefined, checksumName: string): string | undefined;
/** What is wrong with one data file, by what was found of it, or undefined. */
export declare function dataFileProblem(file: ManifestFile, found: {
    size?: number;
    md5?: string;
    records?: number;
} | undefined): string | undefined;
