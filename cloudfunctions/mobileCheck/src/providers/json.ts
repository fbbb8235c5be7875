/** A provider's body as JSON, or undefined when it is not JSON: the classifiers decide what that means. */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
