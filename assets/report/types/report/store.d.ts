/** Read access to a destination bucket (or a copy of one). Keys are object keys, unencoded. */
export interface ReportStore {
    /** `cos://bucket`, `obs://bucket`, or a directory: how messages name the store. */
    readonly name: string;
    /** The object's bytes; undefined when it does not exist. */
    get(key: string): Promise<Buffer | undefined>;
    /** The "directories" right under `prefix` (which ends in `/`): common prefixes with delimiter `/`, each ending in `/`. */
    listDirectories(prefix: string): Promise<string[]>;
    /** The object as a local file, when the store is local: no copy is made. */
    localPath?(key: string): string | undefined;
    /** Writes the object to `file`; returns its size and MD5, or undefined when it does not exist. Default: get() then write. */
    download?(key: string, file: string): Promise<{
        size: number;
        md5: string;
    } | undefined>;
}
/** A directory that mirrors a bucket: object `a/b` is the file `<root>/a/b`. */
export declare function directoryStore(root: string): ReportStore;
/** Downloads through the store's own download, or get() and a write. */
export declare function downloadObject(store: ReportStore, key: string, file: string): Promise<{
    size: number;
    md5: string;
} | undefined>;
