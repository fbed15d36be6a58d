// @vitest-environment happy-dom
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PageMention } from '@/src/page/page-mention';
import { HighlightPainter, highlightCss } from '@/src/paint/highlight-painter';
import { shimDomForScanner, shimHighlights } from '../support/dom-shims';

beforeAll(() => {
  shimDomForScanner();
  shimHighlights();
});

function mention(node: Text, from: number, to: number): PageMention {
  return {
    drugId: 'baricitinib',
    name: 'Olumiant',
    kind: 'brand',
    text: node.data.slice(from, to),
    range: new StaticRange({ startContainer: node, startOffset: from, endContainer: node, endOffset: to }),
    block: node.parentElement!,
  };
}

const marks = () => [...((CSS.highlights.get('jak-lens') as Set<AbstractRange> | undefined) ?? [])];
const emphasised = () => [...((CSS.highlights.get('jak-lens-active') as Set<AbstractRange> | undefined) ?? [])];

let text: Text;
beforeEach(() => {
  CSS.highlights.clear();
  document.body.innerHTML = '<p>Olumiant, then Olumiant again, then Olumiant.</p>';
  text = document.querySelector('p')!.firstChild as Text;
});

describe('the painter', () => {
  it('paints exactly the mentions it is given, keeping the ranges it already has', () => {
    const [a, b, c] = [mention(text, 0, 8), mention(text, 15, 23), mention(text, 36, 44)];
    const painter = new HighlightPainter(document, 'underline');
    painter.paint([a!, b!]);
    expect(marks()).toEqual([a!.range, b!.range]);
    painter.paint([b!, c!]);
    expect(marks().sort()).toEqual([b!.range, c!.range].sort());
    painter.paint([]);
    expect(marks()).toEqual([]);
    painter.destroy();
  });

  it('emphasises one mention at a time, and none once the marks are gone', () => {
    const [a, b] = [mention(text, 0, 8), mention(text, 15, 23)];
    const painter = new HighlightPainter(document, 'tint');
    painter.paint([a!, b!]);
    painter.setActive(a!);
    painter.setActive(b!);
    expect(emphasised()).toEqual([b!.range]);
    painter.paint([]);
    expect(emphasised()).toEqual([]);
    painter.destroy();
  });

  it('styles the document it paints in, and takes its registry entries and style away when destroyed', () => {
    const before = document.adoptedStyleSheets.length;
    const painter = new HighlightPainter(document, 'underline');
    painter.paint([mention(text, 0, 8)]);
    expect(document.adoptedStyleSheets.length).toBe(before + 1);
    painter.destroy();
    expect([...CSS.highlights.keys()]).toEqual([]);
    expect(document.adoptedStyleSheets.length).toBe(before);
  });

  it("leaves another painter's registry entries alone", () => {
    const old = new HighlightPainter(document, 'underline');
    const current = new HighlightPainter(document, 'underline');
    old.destroy();
    expect([...CSS.highlights.keys()].sort()).toEqual(['jak-lens', 'jak-lens-active']);
    current.destroy();
  });

  it('uses only properties a highlight may have, so marks cannot move the layout', () => {
    const allowed = new Set(['color', 'background-color', 'text-decoration', 'text-underline-offset']);
    for (const style of ['underline', 'tint', 'none'] as const) {
      const properties = [...highlightCss(style).matchAll(/([a-z-]+)\s*:/g)].map((m) => m[1]!);
      for (const p of properties) expect(allowed, `${style}: ${p}`).toContain(p);
    }
  });
});

/** An IntersectionObserver the test drives: which blocks are near the viewport is the test's to say. */
class FakeNearObserver {
  static last: FakeNearObserver | null = null;
  readonly watched = new Set<Element>();
  constructor(
    private readonly callback: (entries: { target: Element; isIntersecting: boolean }[]) => void,
    readonly options: { rootMargin?: string },
  ) {
    FakeNearObserver.last = this;
  }
  observe(target: Element) {
    this.watched.add(target);
  }
  unobserve(target: Element) {
    this.watched.delete(target);
  }
  disconnect() {
    this.watched.clear();
  }
  report(near: Element[], far: Element[] = []) {
    this.callback([...near.map((target) => ({ target, isIntersecting: true })), ...far.map((target) => ({ target, isIntersecting: false }))]);
  }
}

describe('the painter on a page with many mentions', () => {
  let blocks: HTMLParagraphElement[];
  let many: PageMention[];
  const real = globalThis.IntersectionObserver;
  beforeEach(() => {
    (globalThis as unknown as { IntersectionObserver: unknown }).IntersectionObserver = FakeNearObserver;
    document.body.innerHTML = Array.from({ length: 700 }, () => '<p>Olumiant and Rinvoq.</p>').join('');
    blocks = [...document.querySelectorAll('p')];
    many = blocks.flatMap((p) => {
      const t = p.firstChild as Text;
      return [mention(t, 0, 8), mention(t, 13, 19)];
    });
  });
  afterEach(() => {
    (globalThis as unknown as { IntersectionObserver: unknown }).IntersectionObserver = real;
  });

  it('paints only the mentions of blocks near the viewport, and follows the reader as they scroll', () => {
    const painter = new HighlightPainter(document, 'underline');
    painter.paint(many);
    const observer = FakeNearObserver.last!;
    expect(observer.watched.size).toBe(700);
    expect(marks()).toEqual([]);
    observer.report([blocks[0]!, blocks[1]!]);
    expect(marks().length).toBe(4);
    observer.report([blocks[500]!], [blocks[0]!, blocks[1]!]);
    expect(marks()).toEqual([many[1000]!.range, many[1001]!.range]);
    painter.destroy();
    expect(observer.watched.size).toBe(0);
  });

  it('stops watching blocks whose mentions left, and paints every mention again once few are left', () => {
    const painter = new HighlightPainter(document, 'underline');
    painter.paint(many);
    const observer = FakeNearObserver.last!;
    painter.paint(many.slice(0, 1100));
    expect(observer.watched.size).toBe(550);
    painter.paint(many.slice(0, 10));
    expect(observer.watched.size).toBe(0);
    expect(marks().length).toBe(10);
    painter.destroy();
  });
});
