// The manifest of an inventory report, for COS and for OBS, and the checks made on it.
//
// COS (Tencent Cloud), "Inventory Overview" https://www.tencentcloud.com/document/product/436/30622:
//   <prefix>/<source appid>/<source name without -appid>/<inventory id>/<yyyymmdd>/manifest.json
//   <prefix>/<source appid>/<source name without -appid>/<inventory id>/<yyyymmdd>/manifest.checksum  (MD5 of manifest.json)
//   data: gzip CSV files the manifest lists (`files: [{ key, size, md5Checksum }]`, its example key
//   `<prefix>/<appid>/<name>/<inventory id>/<32 hex>.csv.gz`, beside the date directories), columns as `fileSchema`
//   names them ("Appid, Bucket, Key, Size, ..."); the Key column is URL-encoded. The manifest also gives
//   `listObjectCount` (objects listed) and `filterObjectCount` (objects left after the filter: the report's records),
//   numbers written as strings ("13").
// OBS (Huawei Cloud), "Bucket Inventory", section "manifest file", https://support.huaweicloud.com/ugobs-obs/obs_41_0044.html:
//   <destination prefix>/<source bucket>/<inventory id>/<yyyy-MM-dd'T'HH-mm'Z'>/manifest.json
//   manifest.json has sourceBucket, destinationBucket, version, fileFormat, fileSchema
//   ("Bucket,Key,Size,LastModifiedDate,ETag,StorageClass,IsMultipartUploaded,ReplicationStatus,EncryptionStatus") and
//   `files: [{ key, size, inventoriedRecord }]` (no MD5); its example data file is `.../files/<id>_1.csv`.
//   Not documented there, and so inferred (S3's layout, which OBS follows): a `manifest.checksum` beside the manifest,
//   URL-encoded keys, and data files that may or may not be gzip (the reader looks at the bytes, not the name).
import { createHash } from 'node:crypto';

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
  /** COS: the number of objects listed. */
  readonly listObjectCount?: number;
  /** COS: the number of objects left after the inventory's filter, that is the number of records in the data files. */
  readonly filterObjectCount?: number;
  /** The column names, in order, as listed by `fileSchema`. */
  readonly columns: string[];
  readonly fileSchema: string;
  readonly files: ManifestFile[];
  /** Every other field, as written. */
  readonly extra: Record<string, unknown>;
}

export class ReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportError';
  }
}

/** The column names of a `fileSchema` ("Bucket, Key, Size" or "Bucket,Key,Size"). */
export function schemaColumns(fileSchema: string): string[] {
  return fileSchema.split(',').map((name) => name.trim()).filter((name) => name.length > 0);
}

/** Parses `manifest.json`; `where` names it in errors. */
export function parseManifest(body: Buffer | string, where: string): Manifest {
  let raw: any;
  try {
    raw = JSON.parse(typeof body === 'string' ? body : body.toString('utf8'));
  } catch (err) {
    throw new ReportError(`${where}: manifest.json is not JSON (${(err as Error).message})`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new ReportError(`${where}: manifest.json is not a JSON object`);
  const problems: string[] = [];
  if (typeof raw.fileSchema !== 'string' || schemaColumns(raw.fileSchema).length === 0) problems.push('fileSchema is missing or empty');
  if (!Array.isArray(raw.files)) problems.push('files is missing');
  const files: ManifestFile[] = [];
  for (const [index, file] of (Array.isArray(raw.files) ? raw.files : []).entries()) {
    const size = Number(file?.size);
    if (typeof file?.key !== 'string' || file.key === '') problems.push(`files[${index}] has no key`);
    else if (!Number.isSafeInteger(size) || size < 0) problems.push(`files[${index}] (${file.key}) has no valid size`);
    else {
      const md5 = typeof file.md5Checksum === 'string' ? file.md5Checksum.trim().toLowerCase() : typeof file.MD5checksum === 'string' ? file.MD5checksum.trim().toLowerCase() : undefined;
      const records = file.inventoriedRecord !== undefined ? Number(file.inventoriedRecord) : undefined;
      files.push({ key: file.key, size, ...(md5 ? { md5Checksum: md5 } : {}), ...(records !== undefined && Number.isSafeInteger(records) ? { inventoriedRecord: records } : {}) });
    }
  }
  const count = (name: string): number | undefined => {
    const value = raw[name];
    if (value === undefined || value === null || value === '') return undefined;
    const n = Number(value);
    if (Number.isSafeInteger(n) && n >= 0) return n;
    problems.push(`${name} = ${JSON.stringify(value)}: must be a whole number of objects`);
    return undefined;
  };
  const listObjectCount = count('listObjectCount');
  const filterObjectCount = count('filterObjectCount');
  if (problems.length > 0) throw new ReportError(`${where}: manifest.json is not an inventory manifest: ${problems.join('; ')}`);
  const { sourceBucket, destinationBucket, version, creationTimestamp, fileFormat, fileSchema, files: _files, listObjectCount: _list, filterObjectCount: _filter, ...extra } = raw;
  const text = (value: unknown) => (value === undefined || value === null ? undefined : String(value).trim());
  return {
    sourceBucket: text(sourceBucket),
    destinationBucket: text(destinationBucket),
    version: text(version),
    creationTimestamp: text(creationTimestamp),
    fileFormat: text(fileFormat),
    ...(listObjectCount !== undefined ? { listObjectCount } : {}),
    ...(filterObjectCount !== undefined ? { filterObjectCount } : {}),
    fileSchema,
    columns: schemaColumns(fileSchema),
    files,
    extra,
  };
}

export function md5Hex(body: Buffer | string): string {
  return createHash('md5').update(body).digest('hex');
}

/** What is wrong with `manifest.checksum` for this `manifest.json`, or undefined when it matches. */
export function checksumProblem(manifest: Buffer, checksum: Buffer | undefined, checksumName: string): string | undefined {
  const actual = md5Hex(manifest);
  if (checksum === undefined) return `${checksumName} is missing`;
  // The file holds the hex MD5, possibly followed by a newline or other words (`md5sum` style).
  const stated = checksum.toString('utf8').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return stated === actual ? undefined : `${checksumName} says ${checksum.toString('utf8').trim()}, but manifest.json has MD5 ${actual}`;
}

/** What is wrong with one data file, by what was found of it, or undefined. */
export function dataFileProblem(file: ManifestFile, found: { size?: number; md5?: string; records?: number } | undefined): string | undefined {
  if (found === undefined) return `data file ${file.key} is missing`;
  if (found.size !== undefined && found.size !== file.size) return `data file ${file.key} has ${found.size} bytes, the manifest says ${file.size}`;
  if (found.md5 !== undefined && file.md5Checksum !== undefined && found.md5 !== file.md5Checksum) {
    return `data file ${file.key} has MD5 ${found.md5}, the manifest says ${file.md5Checksum}`;
  }
  if (found.records !== undefined && file.inventoriedRecord !== undefined && found.records !== file.inventoriedRecord) {
    return `data file ${file.key} has ${found.records} records, the manifest says ${file.inventoriedRecord}`;
  }
  return undefined;
}

/**
 * What is wrong with the number of records read from all the data files, by the object counts the manifest gives
 * (COS), or undefined: the records are the objects left after the filter (`filterObjectCount`), or, without a filter
 * count, the objects listed (`listObjectCount`). A data file the manifest leaves out shows here.
 */
export function recordCountProblem(manifest: Manifest, records: number): string | undefined {
  const { filterObjectCount, listObjectCount } = manifest;
  if (filterObjectCount !== undefined && records !== filterObjectCount) {
    return `the data files hold ${records} records, the manifest says filterObjectCount = ${filterObjectCount}`;
  }
  if (listObjectCount !== undefined && (filterObjectCount === undefined ? records !== listObjectCount : records > listObjectCount)) {
    return `the data files hold ${records} records, the manifest says listObjectCount = ${listObjectCount}`;
  }
  return undefined;
}
