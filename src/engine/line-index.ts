// Turns UTF-16 offsets into the positions results report: 1-based lines and 1-based columns counted
// in code points (spec §1.3). Shared by the parser workers (extraction, literal ranges) and the text
// scanners, so both sides of a comparison count the same way.

export interface Position { line: number; col: number }

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[] = [0];
  /** Code units equal code points unless the text has characters outside the BMP. */
  private readonly astral: boolean;

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    this.astral = /[\uD800-\uDBFF]/.test(text);
  }

  /** The line and column of the character at `offset`. */
  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const start = this.starts[lo]!;
    const col = this.astral ? [...this.text.slice(start, offset)].length + 1 : offset - start + 1;
    return { line: lo + 1, col };
  }

  /** Number of lines; a text ending in a line break has an empty last line. */
  get lineCount(): number { return this.starts.length; }

  /** The code-point column of a 0-based row and UTF-16 column (tree-sitter's positions). */
  column(row: number, utf16Col: number): number {
    if (!this.astral) return utf16Col + 1;
    const start = this.starts[row] ?? this.text.length;
    return [...this.text.slice(start, start + utf16Col)].length + 1;
  }

  /** Offset of the first character of a 1-based line; past the last line, the text's length. */
  lineStart(line: number): number { return this.starts[line - 1] ?? this.text.length; }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const next = this.starts[line];
    return this.text.slice(start, next === undefined ? this.text.length : next - 1).replace(/\r$/, '');
  }
}
