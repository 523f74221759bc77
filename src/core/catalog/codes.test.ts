import { codeClass, isFinalCode, parseSipCode } from './codes';

describe('parseSipCode', () => {
  it.each<[unknown, number | null]>([
    [404, 404],
    [100, 100],
    [699, 699],
    [404.0, 404],
    ['404', 404],
    [' 404 ', 404],
    ['404.0', 404],
    ['200', 200],
    ['abc', null],
    ['', null],
    ['4O4', null],
    ['404abc', null],
    ['40', null],
    ['4040', null],
    ['404.5', null],
    ['-404', null],
    ['+404', null],
    [42, null],
    [99, null],
    [700, null],
    [999, null],
    [0, null],
    [-404, null],
    [404.5, null],
    [NaN, null],
    [Infinity, null],
    [null, null],
    [undefined, null],
    [true, null],
    [{}, null],
    [[404], null],
    [{ code: 404 }, null],
  ])('%p → %p', (value, expected) => {
    expect(parseSipCode(value)).toBe(expected);
  });
});

describe('codeClass', () => {
  it.each([
    [100, 1],
    [199, 1],
    [200, 2],
    [302, 3],
    [487, 4],
    [503, 5],
    [699, 6],
  ])('%i is class %i', (code, cls) => {
    expect(codeClass(code)).toBe(cls);
  });
});

describe('isFinalCode', () => {
  it('treats 1xx as provisional and 2xx–6xx as final', () => {
    expect(isFinalCode(100)).toBe(false);
    expect(isFinalCode(183)).toBe(false);
    expect(isFinalCode(199)).toBe(false);
    expect(isFinalCode(200)).toBe(true);
    expect(isFinalCode(487)).toBe(true);
    expect(isFinalCode(699)).toBe(true);
    expect(isFinalCode(700)).toBe(false);
  });
});
