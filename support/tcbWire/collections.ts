// The database behind the wire: named collections of documents, with MongoDB query, projection,
// update and aggregation semantics from mingo, made stricter where MongoDB is (strictUpdate.ts).
// One operation on one document is atomic (mingo runs synchronously between two requests).
import { randomBytes } from 'node:crypto';
import { aggregate, find, Query, update } from 'mingo';
import { checkUpdate } from './strictUpdate';
import { WireError } from './wireError';

export type Doc = Record<string, unknown>;

export interface FindOptions {
  order?: Record<string, 1 | -1>;
  offset?: number;
  limit: number;
  projection?: Record<string, unknown>;
}

/** The server's own cap on one getDocument, whatever limit the request asks for. */
const MAX_LIMIT = 1000;

export class Collections {
  private readonly data = new Map<string, Map<string, Doc>>();

  /** Collections exist once created (in the cloud console); every call on another one fails. */
  create(name: string): void {
    if (!this.data.has(name)) this.data.set(name, new Map());
  }

  /** Empties every collection (they stay created): a fresh database for the next test. */
  reset(): void {
    for (const docs of this.data.values()) docs.clear();
  }

  private docs(name: string): Map<string, Doc> {
    const docs = this.data.get(name);
    if (!docs) throw new WireError('DATABASE_COLLECTION_NOT_EXIST', `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem persists, contact us.`);
    return docs;
  }

  insert(name: string, docs: Doc[]): string[] {
    const target = this.docs(name);
    return docs.map((doc) => {
      const id = doc._id === undefined ? randomBytes(16).toString('hex') : doc._id;
      if (typeof id !== 'string' && typeof id !== 'number') throw new WireError('DATABASE_REQUEST_FAILED', 'invalid _id');
      const key = JSON.stringify(id);
      if (target.has(key)) {
        throw new WireError('DATABASE_REQUEST_FAILED', `[FailedOperation] E11000 duplicate key error collection: ${name} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`);
      }
      target.set(key, structuredClone({ ...doc, _id: id }));
      return String(id);
    });
  }

  find(name: string, query: Doc, options: FindOptions): Doc[] {
    let cursor = find([...this.docs(name).values()], query, options.projection);
    if (options.order && Object.keys(options.order).length > 0) cursor = cursor.sort(options.order);
    if (options.offset) cursor = cursor.skip(options.offset);
    return cursor.limit(Math.min(options.limit, MAX_LIMIT)).all().map((doc) => structuredClone(doc as Doc));
  }

  count(name: string, query: Doc): number {
    const test = new Query(query);
    return [...this.docs(name).values()].filter((doc) => test.test(doc)).length;
  }

  /** `multi: false` updates the first match only. Each document is checked, then written whole. */
  modify(name: string, query: Doc, changes: Doc, multi: boolean): number {
    const test = new Query(query);
    let updated = 0;
    for (const doc of this.docs(name).values()) {
      if (!test.test(doc)) continue;
      checkUpdate(doc, changes);
      const copy = structuredClone(doc);
      update(copy, changes, undefined, undefined, { cloneMode: 'deep' });
      Object.assign(doc, copy);
      for (const key of Object.keys(doc)) if (!(key in copy)) delete doc[key];
      updated += 1;
      if (!multi) break;
    }
    return updated;
  }

  remove(name: string, query: Doc, multi: boolean): number {
    const docs = this.docs(name);
    const test = new Query(query);
    let deleted = 0;
    for (const [key, doc] of docs) {
      if (!test.test(doc)) continue;
      docs.delete(key);
      deleted += 1;
      if (!multi) break;
    }
    return deleted;
  }

  aggregate(name: string, pipeline: Doc[]): Doc[] {
    return aggregate([...this.docs(name).values()], pipeline).map((doc) => structuredClone(doc as Doc));
  }

  /** Every document of every collection, as stored. */
  dump(): Record<string, Doc[]> {
    return Object.fromEntries([...this.data].map(([name, docs]) => [name, [...docs.values()].map((doc) => structuredClone(doc))]));
  }
}
