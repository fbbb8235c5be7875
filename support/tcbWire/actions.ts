// The admin API's database actions as @cloudbase/database 1.4.3 (inside wx-server-sdk 4.0.2) sends
// them: a JSON body whose query, update, order and projection are MongoDB Extended JSON strings
// (canonical, e.g. {"$numberInt":"1"}), documents as one EJSON string each, answers under `data`.
import { EJSON } from 'bson';
import type { Collections, Doc } from './collections';
import { WireError } from './wireError';

export interface WireRequestBody {
  action: string;
  collectionName?: string;
  [field: string]: unknown;
}

const parse = (text: unknown, what: string): Doc => {
  if (text === undefined || text === '') return {};
  if (typeof text !== 'string') throw new WireError('INVALID_PARAM', `${what} must be an EJSON string`);
  return EJSON.parse(text, { relaxed: true }) as Doc;
};

const encode = (doc: Doc): string => EJSON.stringify(doc, { relaxed: false });

/** A request the fake was not written for: the test must fail, never read it as a quiet success. */
export class UnknownRequest extends Error {}

type Handler = (collections: Collections, body: WireRequestBody, name: string) => Doc;

const ACTIONS: Record<string, Handler> = {
  'database.insertDocument': (collections, body, name) => {
    if (!Array.isArray(body.data)) throw new WireError('INVALID_PARAM', 'data must be an array of EJSON strings');
    return { insertedIds: collections.insert(name, body.data.map((text) => parse(text, 'data'))) };
  },
  'database.getDocument': (collections, body, name) => {
    const order = parse(body.order, 'order') as Record<string, 1 | -1>;
    const limit = Number(body.limit ?? 100);
    const offset = Number(body.offset ?? 0);
    const projection = body.projection === undefined ? undefined : parse(body.projection, 'projection');
    const list = collections.find(name, parse(body.query, 'query'), { order, limit, offset, ...(projection && { projection }) });
    return { list: list.map(encode), limit, offset };
  },
  'database.calculateDocument': (collections, body, name) => ({ total: collections.count(name, parse(body.query, 'query')) }),
  'database.modifyDocument': (collections, body, name) => {
    // The SDK's where().update() always sends merge: true, upsert: false; set() and upserts are not imitated.
    if (body.merge !== true || body.upsert === true) throw new UnknownRequest(`modifyDocument with merge ${String(body.merge)}, upsert ${String(body.upsert)}`);
    return { updated: collections.modify(name, parse(body.query, 'query'), parse(body.data, 'data'), body.multi !== false), upsert_id: null };
  },
  'database.removeDocument': (collections, body, name) => ({ deleted: collections.remove(name, parse(body.query, 'query'), body.multi !== false) }),
  'database.aggregateDocuments': (collections, body, name) => {
    if (!Array.isArray(body.stages)) throw new WireError('INVALID_PARAM', 'stages must be an array');
    const pipeline = body.stages.map((stage: { stageKey: string; stageValue: string }) => ({ [stage.stageKey]: EJSON.parse(stage.stageValue, { relaxed: true }) }));
    return { list: collections.aggregate(name, pipeline).map(encode) };
  },
};

/** The answer's `data` for one request, or a WireError (answered as `{ code, message }`). */
export function perform(collections: Collections, body: WireRequestBody): Doc {
  const handler = ACTIONS[body.action];
  if (!handler) throw new UnknownRequest(`unknown action ${body.action}`);
  // Transactions (startTransaction, getInTransaction, …) are not used by the function and not imitated.
  if (body.transactionId !== undefined) throw new UnknownRequest(`${body.action} inside a transaction`);
  if (typeof body.collectionName !== 'string' || body.collectionName === '') throw new WireError('INVALID_PARAM', 'collectionName is required');
  return handler(collections, body, body.collectionName);
}
