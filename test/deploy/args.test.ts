import { parseArgs } from '../../scripts/deploy/index';

describe('npm run deploy arguments (node:util parseArgs)', () => {
  test.each([
    [[], { dryRun: false, help: false }],
    [['--dry-run'], { dryRun: true, help: false }],
    [['--dry-run', '--root', 'other'], { dryRun: true, help: false, root: 'other' }],
    [['--root=other', '-h'], { dryRun: false, help: true, root: 'other' }],
  ])('reads %p', (argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  test.each([
    [['--dryrun'], 'unknown argument "--dryrun"'],
    [['upload'], 'unknown argument "upload"'],
    [['--root'], '--root needs a directory'],
    [['--root', '--dry-run'], '--root needs a directory'],
    [['--root='], '--root needs a directory'],
  ])('refuses %p with a usage error', (argv, error) => {
    expect(parseArgs(argv)).toEqual({ error });
  });
});
