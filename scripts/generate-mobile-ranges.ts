// Regenerates the mainland mobile ranges from libphonenumber-js; run after upgrading it
// (a test fails until the committed file matches the installed metadata).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { GENERATED_PATH, renderMobileRanges } from './mobileRanges/render';

writeFileSync(GENERATED_PATH, renderMobileRanges());
console.log(`wrote ${path.relative(process.cwd(), GENERATED_PATH)}`);
