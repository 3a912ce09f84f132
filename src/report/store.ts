// Where reports are read from: a bucket (through a ReportStore the caller gives: the handler has one for COS and
// one for OBS) or a local directory.
import { createHash } from 'node:crypto';
import { existsSync, promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';

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
  download?(key: string, file: string): Promise<{ size: number; md5: string } | undefined>;
}

/** A directory that mirrors a bucket: object `a/b` is the file `<root>/a/b`. */
export function directoryStore(root: string): ReportStore {
  const file = (key: string) => path.join(root, ...key.split('/'));
  return {
    name: root,
    async get(key) {
      try {
        return await fs.readFile(file(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
        throw err;
      }
    },
    async listDirectories(prefix) {
      try {
        const entries = await fs.readdir(file(prefix), { withFileTypes: true });
        return entries.filter((e) => e.isDirectory()).map((e) => `${prefix}${e.name}/`).sort();
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw err;
      }
    },
    localPath(key) {
      const local = file(key);
      return existsSync(local) && statSync(local).isFile() ? local : undefined;
    },
  };
}

/** Downloads through the store's own download, or get() and a write. */
export async function downloadObject(store: ReportStore, key: string, file: string): Promise<{ size: number; md5: string } | undefined> {
  if (store.download) return store.download(key, file);
  const body = await store.get(key);
  if (body === undefined) return undefined;
  await fs.writeFile(file, body);
  return { size: body.length, md5: createHash('md5').update(body).digest('hex') };
}
