import { describe, expect, it } from 'vitest';
import { idHint } from '../../src/compiler/id-hint.js';

describe('idHint', () => {
  it('names the defined id that differs only by case', () => {
    expect(idHint('dnipro', ['kyiv', 'Dnipro'])).toBe('did you mean "Dnipro"? (ids are case-sensitive)');
  });

  it('says nothing when no id matches (even one edit away), and never offers the id itself', () => {
    expect(idHint('dnipro', ['dnipr0', 'kyiv'])).toBeNull();
    expect(idHint('dnipro', ['dnipro', 'DNIPRO'])).toBe('did you mean "DNIPRO"? (ids are case-sensitive)');
    expect(idHint('x', [])).toBeNull();
  });
});
