import type { DocumentStore } from '../ports';

/** Used when the data folder cannot be opened at all: the app still runs, nothing is written. */
export class MemoryDocumentStore implements DocumentStore {
  #value: Record<string, unknown> = {};

  get store(): unknown {
    return structuredClone(this.#value);
  }

  set store(value: Record<string, unknown>) {
    this.#value = structuredClone(value);
  }
}
