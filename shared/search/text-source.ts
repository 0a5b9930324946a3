// Where a search reads document bodies: the snippet under each hit shown, and the check of a quoted
// phrase against the text. The index itself keeps no bodies (they are most of an archive's bytes, and
// loading them is most of what a start would wait for); the app reads them from the library, tests and
// benchmarks keep them in memory.
import type { SearchDoc } from './search-types';

export interface TextRef {
  id: string;
  kind: SearchDoc['kind'];
}

export interface TextSource {
  /** The bodies of these documents, in order; undefined for one that is gone. */
  read(refs: readonly TextRef[]): ReadonlyArray<string | undefined> | Promise<ReadonlyArray<string | undefined>>;
  /** Told of each document the index takes in, with the body it was indexed from. */
  remember?(id: string, body: string): void;
  /** Told of each document the index lets go. */
  forget?(id: string): void;
}

/** Bodies kept in memory as the index takes documents in: the default, for tests, benchmarks and small indexes. */
export class MemoryTexts implements TextSource {
  private readonly bodies = new Map<string, string>();

  read(refs: readonly TextRef[]): Array<string | undefined> {
    return refs.map((ref) => this.bodies.get(ref.id));
  }

  remember(id: string, body: string): void {
    this.bodies.set(id, body);
  }

  forget(id: string): void {
    this.bodies.delete(id);
  }
}
