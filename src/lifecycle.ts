// Disposal in one place (after VS Code's own lifecycle.ts): a class adds what it creates to a DisposableStore and
// disposes the store once. No vscode import: vscode.Disposable, our emitters' subscriptions and timers all fit.

export interface IDisposable {
  dispose(): unknown;
}

/** Holds disposables and disposes them all, once, in the order they were added. */
export class DisposableStore implements IDisposable {
  private readonly items: IDisposable[] = [];
  private disposed = false;

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Adds one disposable (and returns it); added after dispose(), it is disposed at once rather than leaked. */
  add<T extends IDisposable>(item: T): T {
    if (this.disposed) item.dispose();
    else this.items.push(item);
    return item;
  }

  addAll(...items: IDisposable[]): void {
    for (const item of items) this.add(item);
  }

  /** Disposes everything, even when one throws (the first error is rethrown afterwards). Again: nothing. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const errors: unknown[] = [];
    for (const item of this.items.splice(0)) {
      try {
        item.dispose();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw errors[0];
  }
}
