import { describe, expect, it } from 'vitest';
import { mapPieces } from './MapCanvas';

describe('mapPieces', () => {
  it('keeps 0 apart and splits 1..max into at most four whole-number ranges, the highest red', () => {
    const p = mapPieces(24);
    expect(p[0]).toMatchObject({ value: 0 });
    expect(p.slice(1).map((x) => x.label)).toEqual(['1–6', '7–12', '13–18', '19–24']);
    expect(p.at(-1)!.color).toBe('#ff4d4f');
  });
  it('gives small maxima one class per value, and never an empty scale', () => {
    expect(mapPieces(2).slice(1).map((x) => x.label)).toEqual(['1', '2']);
    expect(mapPieces(0).slice(1).map((x) => x.label)).toEqual(['1']);
    expect(mapPieces(5).slice(1).map((x) => x.label)).toEqual(['1–2', '3–4', '5']);
  });
});
