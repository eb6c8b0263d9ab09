import { describe, expect, it } from 'vitest';
import { applySupplements, mergeFigures, namedFigureKeys, SUPPLEMENT_FIGURES, type CasualtySupplement, type CasualtyFigures } from './supplements.js';

const t = (iso: string) => new Date(iso);
// 10:00 on 1 April 2026 in Shanghai.
const occurredAt = t('2026-04-01T02:00:00Z');
// The accident of issue 9: 较大 by its serious injuries and its loss, not by its one death.
const seedCase: CasualtyFigures = { deaths: 1, missing: 0, seriousInjuries: 12, minorInjuries: 3, directLossYuan: 20_000_000 };
const at = (day: number, named: CasualtySupplement['named']): CasualtySupplement => {
  const changedAt = t(`2026-04-${String(day).padStart(2, '0')}T02:00:00Z`);
  return { changedAt, reportedAt: changedAt, named };
};
const apply = (initial: CasualtyFigures, ...s: CasualtySupplement[]) => applySupplements(initial, occurredAt, 'industrial_mining_trade', s);

describe('a supplement changes only the figures it names', () => {
  it('issue 9: naming only deaths: 2 keeps the 12 serious injuries and the ¥20 M, so it stays 较大', () => {
    const r = apply(seedCase, at(3, { deaths: 2 }));
    expect(r.figures).toEqual({ ...seedCase, deaths: 2 });
    expect(r.grade.grade).toBe('major');
    expect(r.grade.decidedBy).toEqual(['seriousInjuries', 'directLoss']);
    expect(r.history.map((h) => [h.counted, h.figures, h.grade.grade])).toEqual([[true, { ...seedCase, deaths: 2 }, 'major']]);
  });

  it.each([
    ['deaths', 4, 'major'],
    ['missing', 2, 'major'],
    ['seriousInjuries', 9, 'major'],
    ['minorInjuries', 0, 'major'],
    ['directLossYuan', 60_000_000, 'serious'],
  ] as const)('naming %s alone (→ %d) leaves every other figure as it was', (key, value, grade) => {
    const r = apply(seedCase, at(3, { [key]: value }));
    expect(r.figures).toEqual({ ...seedCase, [key]: value });
    for (const other of SUPPLEMENT_FIGURES.filter((k) => k !== key)) expect(r.figures[other]).toBe(seedCase[other]);
    expect(r.grade.grade).toBe(grade);
  });

  it('names nothing when every figure is absent; 0 is a figure named', () => {
    expect(namedFigureKeys({})).toEqual([]);
    expect(namedFigureKeys({ seriousInjuries: 0 })).toEqual(['seriousInjuries']);
    expect(mergeFigures(seedCase, {})).toEqual(seedCase);
    expect(mergeFigures(seedCase, { seriousInjuries: 0 })).toEqual({ ...seedCase, seriousInjuries: 0 });
  });

  it('lowers a figure (casualties are corrected both ways) and regrades from the merged figures', () => {
    // Three missing found alive: 较大 by deaths incl. missing becomes 一般.
    const missing: CasualtyFigures = { deaths: 1, missing: 3, seriousInjuries: 0, minorInjuries: 0, directLossYuan: 500_000 };
    const r = apply(missing, at(2, { missing: 0 }));
    expect(apply(missing).grade.grade).toBe('major');
    expect([r.figures.missing, r.figures.deaths, r.grade.grade]).toEqual([0, 1, 'ordinary']);
  });

  it('merges in the order of change, so the latest change of each figure wins', () => {
    // Recorded out of order: the change of 5 April arrives after the one of 7 April.
    const r = apply(seedCase, at(7, { deaths: 3 }), at(5, { deaths: 2, seriousInjuries: 11 }), at(9, { directLossYuan: 21_000_000 }));
    expect(r.figures).toEqual({ deaths: 3, missing: 0, seriousInjuries: 11, minorInjuries: 3, directLossYuan: 21_000_000 });
    expect(r.history.map((h) => [h.changedAt.getUTCDate(), h.figures.deaths, h.figures.seriousInjuries])).toEqual([[5, 2, 11], [7, 3, 11], [9, 3, 11]]);
  });

  it('keeps a change after the window in the history and leaves the figures as they were', () => {
    const tooLate = { changedAt: t('2026-05-01T16:00:00Z'), reportedAt: t('2026-05-01T17:00:00Z'), named: { deaths: 10 } };
    const r = apply(seedCase, at(3, { deaths: 2 }), tooLate);
    expect(r.figures).toEqual({ ...seedCase, deaths: 2 });
    expect(r.history.map((h) => [h.counted, h.named, h.figures.deaths, h.grade.grade])).toEqual([
      [true, { deaths: 2 }, 2, 'major'],
      [false, { deaths: 10 }, 2, 'major'],
    ]);
  });

  it('with no supplement, the first report stands', () => {
    expect(apply(seedCase)).toMatchObject({ figures: seedCase, history: [], grade: { grade: 'major' } });
  });
});
