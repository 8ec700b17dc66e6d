/**
 * Designs in IndexedDB (via idb): one record per design plus the id of the design last open.
 * The document is stored as the plain object (structured clone), exactly as edited.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { PipelineDoc } from '../model/types.ts';

export interface DesignRecord {
  id: string;
  doc: PipelineDoc;
  /** Wall-clock ms of the last save. */
  updatedAt: number;
}

export interface DesignSummary {
  id: string;
  name: string;
  updatedAt: number;
  nodes: number;
}

interface StudioDb extends DBSchema {
  designs: { key: string; value: DesignRecord };
  meta: { key: string; value: string };
}

const DB_NAME = 'shardscape';
let dbPromise: Promise<IDBPDatabase<StudioDb>> | null = null;

function db(): Promise<IDBPDatabase<StudioDb>> {
  dbPromise ??= openDB<StudioDb>(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore('designs', { keyPath: 'id' });
      database.createObjectStore('meta');
    },
  });
  return dbPromise;
}

export async function listDesigns(): Promise<DesignSummary[]> {
  const all = await (await db()).getAll('designs');
  return all
    .map((r) => ({ id: r.id, name: r.doc.name, updatedAt: r.updatedAt, nodes: r.doc.nodes.length }))
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

export async function loadDesign(id: string): Promise<DesignRecord | undefined> {
  return (await db()).get('designs', id);
}

export async function saveDesign(id: string, doc: PipelineDoc): Promise<void> {
  await (await db()).put('designs', { id, doc, updatedAt: Date.now() });
}

export async function deleteDesign(id: string): Promise<void> {
  await (await db()).delete('designs', id);
}

export async function getCurrentId(): Promise<string | undefined> {
  return (await db()).get('meta', 'currentId');
}

export async function setCurrentId(id: string): Promise<void> {
  await (await db()).put('meta', id, 'currentId');
}
