/** Page numbers as a reader says them: "page 4", "pages 1, 4-6 and 9". Expects them sorted, without repeats. */
export function pagesInWords(pages: readonly number[]): string {
  const spans: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    spans.push(j === i ? String(pages[i]) : `${pages[i]}-${pages[j]}`);
    i = j + 1;
  }
  const words = spans.length > 1 ? `${spans.slice(0, -1).join(', ')} and ${spans[spans.length - 1]}` : (spans[0] ?? '');
  return `${pages.length === 1 ? 'page' : 'pages'} ${words}`;
}
