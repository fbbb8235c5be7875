// The checks MongoDB makes on an update that mingo does not: mingo writes inside null, skips $inc on
// a string or $push on a non-array, and lets two operators touch one path; the real database
// refuses each with an error.
import { WireError } from './wireError';

type Doc = Record<string, unknown>;

const SUPPORTED = new Set(['$set', '$inc', '$unset', '$mul', '$min', '$max', '$push', '$pull', '$addToSet', '$pop', '$rename']);

const ARRAY_OPERATORS = new Set(['$push', '$pull', '$addToSet', '$pop']);

const isContainer = (value: unknown): value is Doc => typeof value === 'object' && value !== null;

/** Every field path the update writes, with its operator and operand. */
function writes(update: Doc): { op: string; path: string; operand: unknown }[] {
  const found: { op: string; path: string; operand: unknown }[] = [];
  for (const [op, fields] of Object.entries(update)) {
    if (!op.startsWith('$')) throw new WireError('DATABASE_REQUEST_FAILED', `Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`);
    if (!SUPPORTED.has(op)) throw new WireError('DATABASE_REQUEST_FAILED', `Unknown modifier: ${op}`);
    if (!isContainer(fields) || Object.keys(fields).length === 0) throw new WireError('DATABASE_REQUEST_FAILED', `Modifiers operate on fields but we found no fields in ${op}`);
    for (const [path, operand] of Object.entries(fields)) found.push({ op, path, operand });
  }
  if (found.length === 0) throw new WireError('DATABASE_REQUEST_FAILED', 'Update document requires atomic operators');
  return found;
}

/** Where a path's parent is not a document (null, a number, a string), MongoDB cannot create the field. */
function checkParents(doc: Doc, path: string): void {
  const parts = path.split('.');
  let value: unknown = doc;
  for (let i = 0; i < parts.length - 1; i += 1) {
    const next = (value as Doc)[parts[i]];
    if (next === undefined) return;
    if (!isContainer(next) || (Array.isArray(next) && !/^\d+$/.test(parts[i + 1]))) {
      throw new WireError('DATABASE_REQUEST_FAILED', `Cannot create field '${parts[i + 1]}' in element {${parts[i]}: ${JSON.stringify(next)}}`);
    }
    value = next;
  }
}

const valueAt = (doc: Doc, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (isContainer(value) ? (value as Doc)[key] : undefined), doc);

/** Refuses what the real database refuses; `doc` is the document the update would apply to. */
export function checkUpdate(doc: Doc, update: Doc): void {
  const all = writes(update);
  const paths = all.map((write) => write.path);
  for (const [i, path] of paths.entries()) {
    if (path === '_id' || path.startsWith('_id.')) {
      throw new WireError('DATABASE_REQUEST_FAILED', `Performing an update on the path '_id' would modify the immutable field '_id'`);
    }
    const clash = paths.find((other, j) => j !== i && (other === path || other.startsWith(`${path}.`)));
    if (clash !== undefined) throw new WireError('DATABASE_REQUEST_FAILED', `Updating the path '${clash}' would create a conflict at '${path}'`);
  }
  for (const { op, path, operand } of all) {
    checkParents(doc, path);
    if (ARRAY_OPERATORS.has(op)) {
      const current = valueAt(doc, path);
      if (current !== undefined && !Array.isArray(current)) {
        throw new WireError('DATABASE_REQUEST_FAILED', `The field '${path.split('.').at(-1)}' must be an array but is of type ${current === null ? 'null' : typeof current} in document {_id: ${JSON.stringify(doc._id)}}`);
      }
    }
    if (op === '$inc' || op === '$mul') {
      if (typeof operand !== 'number') throw new WireError('DATABASE_REQUEST_FAILED', `Cannot ${op === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${path}: ${JSON.stringify(operand)}}`);
      const current = valueAt(doc, path);
      if (current !== undefined && typeof current !== 'number') {
        throw new WireError('DATABASE_REQUEST_FAILED', `Cannot apply ${op} to a value of non-numeric type. {_id: ${JSON.stringify(doc._id)}} has the field '${path.split('.').at(-1)}' of non-numeric type ${current === null ? 'null' : typeof current}`);
      }
    }
  }
}
