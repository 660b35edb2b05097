// Indexing progress on stderr: a redrawn bar on a terminal, a line every few seconds otherwise.
import type { IndexProgress } from '../engine/index/indexer.js';

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): (p: IndexProgress) => void {
  let lastLine = 0;
  let lastPhase = '';
  return (p) => {
    const now = Date.now();
    const pct = p.total ? Math.floor((p.done / p.total) * 100) : 100;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      stream.write(`\r${p.phase.padEnd(11)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct}% ${p.done}/${p.total} files`);
      if (p.phase === 'idle') stream.write('\n');
      return;
    }
    if (p.phase !== lastPhase || now - lastLine > 3000) {
      stream.write(`${p.phase}: ${p.done}/${p.total} files (${pct}%)\n`);
      lastLine = now;
      lastPhase = p.phase;
    }
  };
}
