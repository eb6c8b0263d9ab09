import { describe, expect, it } from 'vitest';
import { checkPassword, DENGBAO_POLICY } from './password-policy.js';

describe('等保 password policy', () => {
  it.each([
    ['Abcdef#123', true],
    ['abcdef#1234', true],
    ['Abcdefgh12', true],
    ['Abc#12', false], // too short
    ['abcdefghij', false], // one class
    ['abcdefgh12', false], // two classes
    ['zhangsan#2026', false], // contains the username
    ['ZhangSan#2026', false], // … in any case
  ])('%s → %s', (password, ok) => {
    expect(checkPassword(password, 'zhangsan', DENGBAO_POLICY).length === 0).toBe(ok);
  });

  it('explains every failure in both languages', () => {
    const reasons = checkPassword('abc', 'abc', DENGBAO_POLICY);
    expect(reasons).toHaveLength(3);
    for (const r of reasons) expect(r.zh && r.en).toBeTruthy();
  });
});
