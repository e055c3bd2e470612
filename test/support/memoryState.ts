// A Memento-like key-value map, as the extension's globalState behaves (also across a "reload": a new DraftStore on
// the same map). Values are stored as JSON copies, like VS Code does.
import type { KeyValueStore } from '../../src/drafts/draftStore';

export class MemoryState implements KeyValueStore {
  readonly map = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.map.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.map.delete(key);
    else this.map.set(key, JSON.parse(JSON.stringify(value)));
  }
  keys(): readonly string[] {
    return [...this.map.keys()];
  }
}
