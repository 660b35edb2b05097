// The one place where Cartograph positions (1-based lines, 1-based columns counted in code points,
// spec §1.3) meet language-server positions (0-based lines, 0-based characters in the encoding
// negotiated with the server: UTF-16 unless it chose UTF-8 or UTF-32). Every conversion, in either
// direction, goes through a TextPositions built from the document's text.
import { invalidArgument } from '../../errors.js';

export type PositionEncoding = 'utf-8' | 'utf-16' | 'utf-32';
export const POSITION_ENCODINGS: readonly PositionEncoding[] = ['utf-16', 'utf-32', 'utf-8'];

export interface ProtocolPosition { line: number; character: number }
export interface Position { line: number; col: number }
/** An inclusive range: `end_col` is the last character (spec §1.3). */
export interface Range { line: number; col: number; end_line: number; end_col: number }

/** Width of one code point in the encoding's units. */
function width(cp: string, encoding: PositionEncoding): number {
  if (encoding === 'utf-32') return 1;
  const c = cp.codePointAt(0)!;
  if (encoding === 'utf-16') return c > 0xffff ? 2 : 1;
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

export class TextPositions {
  /** Lines split as the protocol splits them: on \n, \r\n and \r. */
  private readonly lines: string[];

  constructor(text: string) {
    this.lines = text.split(/\r\n|\r|\n/);
  }

  get lineCount(): number { return this.lines.length; }

  /** The text of a 1-based line (empty beyond the last line). */
  lineText(line: number): string { return this.lines[line - 1] ?? ''; }

  /** Length of a 1-based line in code points. */
  lineLength(line: number): number { return [...this.lineText(line)].length; }

  /**
   * Checks a user-supplied position: the line must exist and the column may be at most one past the
   * line's last character; otherwise invalid_argument naming the actual sizes.
   */
  check(line: number, col: number): void {
    if (line > this.lineCount) {
      throw invalidArgument(`Parameter 'line' is ${line} but the file has ${this.lineCount} line${this.lineCount === 1 ? '' : 's'}.`,
        { parameter: 'line', line, line_count: this.lineCount });
    }
    const length = this.lineLength(line);
    if (col > length + 1) {
      throw invalidArgument(`Parameter 'col' is ${col} but line ${line} has ${length} character${length === 1 ? '' : 's'} (at most col ${length + 1}).`,
        { parameter: 'col', col, line, line_length: length });
    }
  }

  /** 1-based code-point position → protocol position (the column is clamped to the line). */
  toProtocol(pos: Position, encoding: PositionEncoding): ProtocolPosition {
    const line = Math.min(Math.max(pos.line, 1), this.lineCount);
    let character = 0;
    let n = 1;
    for (const cp of this.lineText(line)) {
      if (n++ >= pos.col) break;
      character += width(cp, encoding);
    }
    return { line: line - 1, character };
  }

  /**
   * Protocol position → 1-based code-point position. A character inside a code point (half a
   * surrogate pair, a UTF-8 continuation byte) maps to that code point; beyond the line's end or the
   * last line, the position is clamped.
   */
  fromProtocol(pos: ProtocolPosition, encoding: PositionEncoding): Position {
    const line = Math.min(Math.max(pos.line, 0), this.lineCount - 1) + 1;
    let units = 0;
    let col = 1;
    for (const cp of this.lineText(line)) {
      const w = width(cp, encoding);
      if (units + w > pos.character) break;
      units += w;
      col++;
    }
    return { line, col };
  }

  /** Protocol range (end exclusive) → inclusive 1-based range; an empty range is its start character. */
  rangeFromProtocol(range: { start: ProtocolPosition; end: ProtocolPosition }, encoding: PositionEncoding): Range {
    const start = this.fromProtocol(range.start, encoding);
    const end = this.fromProtocol(range.end, encoding);
    if (end.line < start.line || (end.line === start.line && end.col <= start.col)) {
      return { ...start, end_line: start.line, end_col: start.col };
    }
    // The exclusive end at a line's first column means the range ends with the previous line.
    if (end.col === 1) return { ...start, end_line: end.line - 1, end_col: Math.max(1, this.lineLength(end.line - 1)) };
    return { ...start, end_line: end.line, end_col: end.col - 1 };
  }
}
