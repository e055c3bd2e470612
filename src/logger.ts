// The log contract (implemented by src/ui/outputLogger.ts): every layer may log without knowing where it goes.
export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
  show(): void;
}
