/**
 * Where the design history is kept: IndexedDB database `shardscape-history`, one record per run,
 * indexed by design id. A database of its own, beside the designs database (persistence.ts): a
 * design's history never touches, grows or corrupts the design document, and deleting it is one
 * index walk. Tests and browsers without IndexedDB use the in-memory backend.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { HistoryEntry } from './history-entry.ts';

export interface HistoryBackend {
  /** The design's runs, oldest first. */
  list(designId: string): Promise<HistoryEntry[]>;
  put(entry: HistoryEntry): Promise<void>;
  remove(id: string): Promise<void>;
  removeDesign(designId: string): Promise<void>;
}

interface HistoryDb extends DBSchema {
  runs: { key: string; value: HistoryEntry; indexes: { byDesign: string } };
}

const byAge = (a: HistoryEntry, b: HistoryEntry) => a.run - b.run || a.createdAt - b.createdAt;

export function indexedDbBackend(name = 'shardscape-history'): HistoryBackend {
  let dbPromise: Promise<IDBPDatabase<HistoryDb>> | null = null;
  const db = () => {
    dbPromise ??= openDB<HistoryDb>(name, 1, {
      upgrade(database) {
        const runs = database.createObjectStore('runs', { keyPath: 'id' });
        runs.createIndex('byDesign', 'designId');
      },
    });
    return dbPromise;
  };
  return {
    async list(designId) {
      return (await (await db()).getAllFromIndex('runs', 'byDesign', designId)).sort(byAge);
    },
    async put(entry) {
      await (await db()).put('runs', entry);
    },
    async remove(id) {
      await (await db()).delete('runs', id);
    },
    async removeDesign(designId) {
      const d = await db();
      const keys = await d.getAllKeysFromIndex('runs', 'byDesign', designId);
      const tx = d.transaction('runs', 'readwrite');
      await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done]);
    },
  };
}

/** Kept in memory only (a copy per write, as IndexedDB's structured clone would make). */
export function memoryBackend(): HistoryBackend {
  const runs = new Map<string, HistoryEntry>();
  const copy = (e: HistoryEntry) => JSON.parse(JSON.stringify(e)) as HistoryEntry;
  return {
    async list(designId) {
      return [...runs.values()]
        .filter((e) => e.designId === designId)
        .map(copy)
        .sort(byAge);
    },
    async put(entry) {
      runs.set(entry.id, copy(entry));
    },
    async remove(id) {
      runs.delete(id);
    },
    async removeDesign(designId) {
      for (const [id, e] of runs) if (e.designId === designId) runs.delete(id);
    },
  };
}
