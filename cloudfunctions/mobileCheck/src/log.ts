import type { Logger } from './ports';

/** The log sink in the cloud: one JSON line per entry on stdout, which the cloud console collects. */
export const jsonLogger: Logger = (line) => {
  console.log(JSON.stringify(line));
};
