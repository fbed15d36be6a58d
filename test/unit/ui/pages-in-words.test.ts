import { expect, it } from 'vitest';
import { pagesInWords } from '@/src/ui/popup/pages-in-words';

it('says page numbers as a reader would, runs of pages as a span', () => {
  expect(pagesInWords([4])).toBe('page 4');
  expect(pagesInWords([1, 2])).toBe('pages 1-2');
  expect(pagesInWords([1, 3])).toBe('pages 1 and 3');
  expect(pagesInWords([1, 4, 5, 6, 9])).toBe('pages 1, 4-6 and 9');
  expect(pagesInWords([2, 3, 7, 8, 12])).toBe('pages 2-3, 7-8 and 12');
});
