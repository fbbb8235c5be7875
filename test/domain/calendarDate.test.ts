import { chinaDate } from '../../src/domain';

describe('chinaDate', () => {
  test.each([
    ['just before midnight in Beijing', Date.UTC(2024, 11, 31, 15, 59, 59), { year: 2024, month: 12, day: 31 }],
    ['at midnight in Beijing, still the previous day in UTC', Date.UTC(2024, 11, 31, 16, 0, 0), { year: 2025, month: 1, day: 1 }],
    ['at noon UTC', Date.UTC(2000, 1, 29, 12), { year: 2000, month: 2, day: 29 }],
  ])('gives the Beijing calendar date %s', (_when, epochMs, expected) => {
    expect(chinaDate(epochMs)).toEqual(expected);
  });
});
