// Unit tests of the one conversion between Cartograph positions (1-based, code points) and
// language-server positions (0-based, UTF-16 / UTF-8 / UTF-32 units).
import { describe, expect, it } from 'vitest';
import { TextPositions } from '../../src/engine/lsp/positions.js';
import { CartographError } from '../../src/errors.js';

// Line 2: a tab, an astral emoji (2 UTF-16 units, 4 UTF-8 bytes), "é" (1 unit, 2 bytes), then "x" at col 4.
const TEXT = 'const a = 1;\n\t😀éx = 2;\r\nlast';

describe('TextPositions', () => {
  const p = new TextPositions(TEXT);

  it('splits lines on \\n, \\r\\n and \\r', () => {
    expect(p.lineCount).toBe(3);
    expect(p.lineText(2)).toBe('\t😀éx = 2;');
    expect(p.lineLength(2)).toBe(9);
    expect(new TextPositions('a\rb\n').lineCount).toBe(3);
  });

  it('converts code-point columns to UTF-16, UTF-8 and UTF-32 characters', () => {
    // col 3 = "é": after the tab (1 unit, 1 byte) and the emoji (2 units, 4 bytes, 1 code point)
    expect(p.toProtocol({ line: 2, col: 3 }, 'utf-16')).toEqual({ line: 1, character: 3 });
    expect(p.toProtocol({ line: 2, col: 3 }, 'utf-8')).toEqual({ line: 1, character: 5 });
    expect(p.toProtocol({ line: 2, col: 3 }, 'utf-32')).toEqual({ line: 1, character: 2 });
    // col 4 = "x": after "é" (1 unit, 2 bytes)
    expect(p.toProtocol({ line: 2, col: 4 }, 'utf-16')).toEqual({ line: 1, character: 4 });
    expect(p.toProtocol({ line: 2, col: 4 }, 'utf-8')).toEqual({ line: 1, character: 7 });
    expect(p.toProtocol({ line: 1, col: 1 }, 'utf-16')).toEqual({ line: 0, character: 0 });
  });

  it('a tab is one column and one unit', () => {
    expect(p.toProtocol({ line: 2, col: 2 }, 'utf-16')).toEqual({ line: 1, character: 1 });
    expect(p.fromProtocol({ line: 1, character: 1 }, 'utf-16')).toEqual({ line: 2, col: 2 });
  });

  it('converts back, round-tripping every column in every encoding', () => {
    for (const enc of ['utf-16', 'utf-8', 'utf-32'] as const) {
      for (let col = 1; col <= p.lineLength(2) + 1; col++) {
        expect(p.fromProtocol(p.toProtocol({ line: 2, col }, enc), enc), `${enc} col ${col}`).toEqual({ line: 2, col });
      }
    }
  });

  it('maps a character inside a surrogate pair or a UTF-8 sequence to that code point', () => {
    expect(p.fromProtocol({ line: 1, character: 2 }, 'utf-16')).toEqual({ line: 2, col: 2 });
    expect(p.fromProtocol({ line: 1, character: 3 }, 'utf-8')).toEqual({ line: 2, col: 2 });
  });

  it('clamps positions beyond a line or the file', () => {
    expect(p.fromProtocol({ line: 1, character: 99 }, 'utf-16')).toEqual({ line: 2, col: 10 });
    expect(p.fromProtocol({ line: 9, character: 0 }, 'utf-16')).toEqual({ line: 3, col: 1 });
    expect(p.toProtocol({ line: 3, col: 99 }, 'utf-16')).toEqual({ line: 2, character: 4 });
  });

  it('turns exclusive protocol ranges into inclusive 1-based ones', () => {
    // "😀é" on line 2: UTF-16 [1, 4)
    expect(p.rangeFromProtocol({ start: { line: 1, character: 1 }, end: { line: 1, character: 4 } }, 'utf-16'))
      .toEqual({ line: 2, col: 2, end_line: 2, end_col: 3 });
    // An empty range is its start character; a range ending at a line start ends on the previous line.
    expect(p.rangeFromProtocol({ start: { line: 0, character: 6 }, end: { line: 0, character: 6 } }, 'utf-16'))
      .toEqual({ line: 1, col: 7, end_line: 1, end_col: 7 });
    expect(p.rangeFromProtocol({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, 'utf-16'))
      .toEqual({ line: 1, col: 1, end_line: 1, end_col: 12 });
  });

  it('rejects positions beyond the file or the line with the actual sizes', () => {
    const err = (line: number, col: number) => { try { p.check(line, col); return undefined; } catch (e) { return e as CartographError; } };
    expect(err(3, 5)).toBeUndefined(); // one past the end of "last"
    expect(err(4, 1)).toMatchObject({ code: 'invalid_argument', details: { parameter: 'line', line_count: 3 } });
    expect(err(2, 11)).toMatchObject({ code: 'invalid_argument', details: { parameter: 'col', line_length: 9 } });
    expect(err(2, 11)!.message).toBe("Parameter 'col' is 11 but line 2 has 9 characters (at most col 10).");
  });
});
