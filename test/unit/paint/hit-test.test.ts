// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PageMention } from '@/src/page/page-mention';
import { MentionIndex, mentionAtPoint } from '@/src/paint/hit-test';
import { shimDomForScanner } from '../support/dom-shims';

// happy-dom lays nothing out, so the two things the hit test asks the browser are given here:
// which text node the caret APIs put under a point, and where a mention's text lies.

beforeAll(shimDomForScanner);
afterEach(() => vi.restoreAllMocks());

function mentionAcross(start: Text, startOffset: number, end: Text, endOffset: number): PageMention {
  return {
    drugId: 'tofacitinib',
    name: 'Xeljanz',
    kind: 'brand',
    text: 'Xeljanz',
    range: new StaticRange({ startContainer: start, startOffset, endContainer: end, endOffset }),
    block: start.parentElement!.closest('p')!,
  };
}

/** The caret lands on `node` wherever the pointer is; the mention's text occupies the box (10, 10)-(60, 30). */
function layout(node: Node | null) {
  const caret = vi.fn((_x: number, _y: number, _options?: { shadowRoots: ShadowRoot[] }) => (node ? { offsetNode: node, offset: 0 } : null));
  (document as unknown as { caretPositionFromPoint: typeof caret }).caretPositionFromPoint = caret;
  vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([new DOMRect(10, 10, 50, 20)] as unknown as DOMRectList);
  return caret;
}

describe('the hit test', () => {
  it('finds a mention split across elements from any of its text nodes, only inside its text', () => {
    document.body.innerHTML = '<p>Take <b>Xel</b>janz daily.</p>';
    const first = document.querySelector('b')!.firstChild as Text;
    const second = first.parentElement!.nextSibling as Text;
    const mention = mentionAcross(first, 0, second, 4);
    const index = new MentionIndex([mention]);
    expect(index.at(first)).toEqual([mention]);
    expect(index.at(second)).toEqual([mention]);

    layout(second);
    expect(mentionAtPoint(document, index, 30, 20)).toBe(mention);
    // The caret API snaps to the nearest text even beside it: the mention's own box decides.
    expect(mentionAtPoint(document, index, 200, 20)).toBeNull();
  });

  it('finds nothing where the caret lands on text without a mention, or on no text', () => {
    document.body.innerHTML = '<p>Xeljanz, and other words.</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    const index = new MentionIndex([mentionAcross(text, 0, text, 7)]);
    document.body.insertAdjacentHTML('beforeend', '<p>Elsewhere.</p>');
    layout(document.querySelectorAll('p')[1]!.firstChild);
    expect(mentionAtPoint(document, index, 30, 20)).toBeNull();
    layout(null);
    expect(mentionAtPoint(document, index, 30, 20)).toBeNull();
  });

  it("gives the caret API the open shadow roots mentions live in, so it looks inside them", () => {
    document.body.innerHTML = '<x-card></x-card>';
    const root = document.querySelector('x-card')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Xeljanz inside a web component.</p>';
    const text = root.querySelector('p')!.firstChild as Text;
    const index = new MentionIndex([mentionAcross(text, 0, text, 7)]);
    const caret = layout(text);
    expect(mentionAtPoint(document, index, 30, 20)?.text).toBe('Xeljanz');
    expect(caret.mock.calls[0]![2]).toEqual({ shadowRoots: [root] });
  });

  it('does not confirm a mention whose text has left the page', () => {
    document.body.innerHTML = '<p>Xeljanz.</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    const index = new MentionIndex([mentionAcross(text, 0, text, 7)]);
    layout(text);
    document.body.innerHTML = '';
    expect(mentionAtPoint(document, index, 30, 20)).toBeNull();
  });
});
