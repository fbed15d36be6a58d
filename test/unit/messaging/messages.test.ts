import { describe, expect, it } from 'vitest';
import { dataset } from '@/src/data/dataset';
import { cardDataFor } from '@/src/data/card-data';
import { checkedResponse, isRequest, totalCounts } from '@/src/messaging/messages';

describe('the message map', () => {
  it('accepts a well-formed request and refuses the wrong type, a missing field or an unknown drug', () => {
    expect(isRequest('jak-lens/card-data', { type: 'jak-lens/card-data', drugId: 'baricitinib' })).toBe(true);
    expect(isRequest('jak-lens/card-data', { type: 'jak-lens/reveal', drugId: 'baricitinib' })).toBe(false);
    expect(isRequest('jak-lens/card-data', { type: 'jak-lens/card-data', drugId: 'deucravacitinib' })).toBe(false);
    expect(isRequest('jak-lens/card-data', { type: 'jak-lens/card-data' })).toBe(false);
    expect(isRequest('jak-lens/navigate', { type: 'jak-lens/navigate', direction: 'sideways' })).toBe(false);
    expect(isRequest('jak-lens/page-counts', { type: 'jak-lens/page-counts', counts: { baricitinib: -1 } })).toBe(false);
    expect(isRequest('jak-lens/page-counts', { type: 'jak-lens/page-counts', counts: { baricitinib: 2 } })).toBe(true);
    expect(isRequest('jak-lens/load-session', null)).toBe(false);
    expect(isRequest('jak-lens/load-session', ['jak-lens/load-session'])).toBe(false);
    expect(isRequest('jak-lens/load-session', { type: 'jak-lens/load-session' })).toBe(true);
  });

  it('passes an answer of the right shape and refuses one for another drug or of another shape', () => {
    const request = { type: 'jak-lens/card-data', drugId: 'baricitinib' } as const;
    const data = cardDataFor(dataset, 'baricitinib');
    expect(checkedResponse(request, data)).toBe(data);
    expect(() => checkedResponse(request, cardDataFor(dataset, 'tofacitinib'))).toThrow(/jak-lens\/card-data/);
    expect(() => checkedResponse(request, undefined)).toThrow();
    expect(() => checkedResponse({ type: 'jak-lens/reveal', drugId: 'baricitinib' }, 'yes')).toThrow();
    expect(checkedResponse({ type: 'jak-lens/reveal', drugId: 'baricitinib' }, false)).toBe(false);
    expect(() => checkedResponse({ type: 'jak-lens/load-session' }, undefined)).toThrow();
    expect(() => checkedResponse({ type: 'jak-lens/tab-counts', tabId: 3 }, { 0: { notadrug: 1 } })).toThrow();
  });

  it('totals the counts of a tab over its frames, most mentioned first', () => {
    expect(totalCounts({ 0: { baricitinib: 2, tofacitinib: 1 }, 7: { tofacitinib: 3 } })).toEqual([
      ['tofacitinib', 4],
      ['baricitinib', 2],
    ]);
  });
});
