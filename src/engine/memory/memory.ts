// Project memory: learnings and architecture decision records, kept in their own SQLite database
// `memory.db` in the data dir, next to the index but not inside it. The index is disposable — it
// is deleted and rebuilt whenever its schema version changes — while memory is written by people
// and agents and cannot be recomputed from the files, so no index rebuild may touch it. A separate
// file also keeps memory writes from queueing behind a long index commit, so these tools answer
// while the index is being built. Several processes may share it: WAL, a busy timeout, and one
// IMMEDIATE transaction per write (the write lock is taken before anything is read), so
// read-modify-write sequences of two writers never interleave and nothing is lost.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'libsql';
import { Adrs } from './adrs.js';
import { Anchors } from './anchors.js';
import { Learnings } from './learnings.js';
import { MEMORY_SCHEMA_SQL, MEMORY_SCHEMA_VERSION } from './schema.js';

type Db = InstanceType<typeof Database>;
type Statement = Database.Statement<unknown[]>;

/** The shared connection: statements prepared once, writes in IMMEDIATE transactions. */
export class MemoryDb {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  sql(text: string): Statement {
    let st = this.statements.get(text);
    if (!st) this.statements.set(text, (st = this.db.prepare(text)));
    return st;
  }

  /** Runs `fn` as one write transaction that holds the write lock from its first statement. */
  write<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate() as T;
  }

  close(): void { this.db.close(); }
}

export class Memory {
  /** Epoch milliseconds; tests replace it to move time without sleeping. */
  now: () => number = Date.now;
  readonly anchors: Anchors;
  readonly learnings: Learnings;
  readonly adrs: Adrs;

  private constructor(private readonly db: MemoryDb, root: string) {
    const clock = () => Math.floor(this.now());
    this.anchors = new Anchors(root);
    this.learnings = new Learnings(db, this.anchors, clock);
    this.adrs = new Adrs(db, this.anchors, clock);
  }

  static open(dataDir: string, root: string): Memory {
    mkdirSync(dataDir, { recursive: true });
    const db = new Database(join(dataDir, 'memory.db'));
    db.pragma('busy_timeout = 10000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(MEMORY_SCHEMA_SQL);
    const [version] = db.prepare('PRAGMA user_version').raw().get() as [number];
    if (version === 0) db.exec(`PRAGMA user_version = ${MEMORY_SCHEMA_VERSION}`);
    return new Memory(new MemoryDb(db), root);
  }

  close(): void { this.db.close(); }
}
