/**
 * One IndexedDB transaction over the volumes store, with promise helpers that keep it alive:
 * every await inside is an IndexedDB request, so the transaction never auto-commits halfway.
 */
import type { UseStore } from 'idb-keyval';
import { promisifyRequest } from 'idb-keyval';
import { formatBytes } from '../util/bytes';

/** The browser refused to store the bytes (quota). The message says what to do. */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
  constructor(readonly bytes: number) {
    super(`Storage is full: the browser refused to save ${formatBytes(bytes, { small: 'bytes' })} (quota exceeded). Free space by deleting files in the Files panel.`);
  }
}

const isQuota = (err: unknown): boolean =>
  err instanceof Error && (err.name === 'QuotaExceededError' || (err.name === 'UnknownError' && /quota/i.test(err.message)));

/** Maps a failed transaction's error to a user-facing one; `bytes` is what the batch tried to write. */
export function storageError(err: unknown, bytes: number, tx?: IDBTransaction): Error {
  // An aborted transaction rejects with its own error; a failed request's may be an AbortError.
  if (isQuota(err) || isQuota(tx?.error)) return new StorageFullError(bytes);
  if (err instanceof Error) return err;
  if (tx?.error) return tx.error;
  return new Error('The browser aborted the save (IndexedDB transaction failed).');
}

/** A live transaction's store. Writes are queued in order; errors surface when it commits. */
export class Tx {
  /** Bytes of file data put in this transaction, for the quota message. */
  bytesWritten = 0;

  constructor(readonly store: IDBObjectStore) {}

  get<T>(key: IDBValidKey): Promise<T | undefined> {
    return promisifyRequest(this.store.get(key)) as Promise<T | undefined>;
  }

  put(key: IDBValidKey, value: unknown): void {
    if (value instanceof Uint8Array) this.bytesWritten += value.length;
    this.store.put(value, key);
  }

  delete(key: IDBValidKey | IDBKeyRange): void {
    this.store.delete(key);
  }

  /** Keys and values in a range, in key order. */
  async entries<T>(range: IDBKeyRange): Promise<[string, T][]> {
    const [ks, vs] = await Promise.all([promisifyRequest(this.store.getAllKeys(range)), promisifyRequest(this.store.getAll(range))]);
    return ks.map((k, i) => [k as string, vs[i] as T]);
  }

  /** Keys in a range, in key order. */
  async keys(range: IDBKeyRange): Promise<string[]> {
    return (await promisifyRequest(this.store.getAllKeys(range))) as string[];
  }

  /**
   * The direct children under `prefix` in `range`: a cursor that jumps over each child's
   * subtree ("x/…" lies between "x/" and "x0"), so listing a folder never reads its depths.
   */
  children<T>(prefix: string, range: IDBKeyRange): Promise<[string, T][]> {
    return new Promise((resolve, reject) => {
      const out: [string, T][] = [];
      const req = this.store.openCursor(range);
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const cursor = req.result;
        if (!cursor) return resolve(out);
        const rest = (cursor.key as string).slice(prefix.length);
        const slash = rest.indexOf('/');
        if (slash < 0) {
          out.push([rest, cursor.value as T]);
          cursor.continue();
        } else {
          cursor.continue(`${prefix}${rest.slice(0, slash)}0`);
        }
      };
    });
  }
}

/**
 * Runs `body` in one transaction. Read-write: resolves once it has committed, and rolls
 * everything back (abort) if `body` throws, so a batch is applied whole or not at all.
 */
export function transact<T>(store: UseStore, mode: IDBTransactionMode, body: (tx: Tx) => Promise<T>): Promise<T> {
  let tx: Tx | undefined;
  return store(mode, async (os) => {
    tx = new Tx(os);
    let result: T;
    try {
      result = await body(tx);
    } catch (err) {
      try {
        os.transaction.abort();
      } catch {
        // already finished (a failed request aborts it by itself)
      }
      throw err;
    }
    if (mode === 'readwrite') await promisifyRequest(os.transaction);
    return result;
  }).catch((err: unknown) => {
    throw storageError(err, tx?.bytesWritten ?? 0, tx?.store.transaction);
  });
}
